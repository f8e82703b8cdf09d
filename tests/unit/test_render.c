/*
 * test_render: draw real grids through a tty whose output feeds an
 * independent libvterm screen (the "client's terminal"), then compare every
 * cell of that screen with what the grids hold: text, width, attributes and
 * colours. Then change a little and check that only a little is sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tickit.h>
#include <vterm.h>

#include "render/render.h"
#include "render/tty.h"
#include "term/grid.h"
#include "util/utf8.h"

#include "check.h"

/* The shared counter, under the name these tests use. */
#define failures check_failures

/* ---- the client's terminal: a libvterm screen ---- */

struct client {
	VTerm *vt;
	VTermScreen *vs;
	int cursor_visible;
	int cursor_shape;
	size_t bytes; /* sent to the terminal so far */
	char replies[4096];
	size_t replies_len;
	int answer; /* feed the terminal's replies back to the tty */
	struct tty *tty;
};

static void client_output(const char *buf, size_t len, void *ctx)
{
	struct client *c = ctx;

	c->bytes += len;
	vterm_input_write(c->vt, buf, len);
}

/* What the emulated terminal answers (DECRQM, DECRQSS) */
static void client_reply(const char *buf, size_t len, void *ctx)
{
	struct client *c = ctx;

	if (c->replies_len + len <= sizeof c->replies) {
		memcpy(c->replies + c->replies_len, buf, len);
		c->replies_len += len;
	}
}

static int client_prop(VTermProp prop, VTermValue *val, void *ctx)
{
	struct client *c = ctx;

	if (prop == VTERM_PROP_CURSORVISIBLE)
		c->cursor_visible = val->boolean;
	else if (prop == VTERM_PROP_CURSORSHAPE)
		c->cursor_shape = val->number;
	return 1;
}

static const VTermScreenCallbacks client_callbacks = {.settermprop = client_prop};

static void on_key(const struct key *k, const char *paste, size_t len, void *ctx)
{
	(void)k, (void)paste, (void)len, (void)ctx;
}

static void client_init(struct client *c, int rows, int cols, int answer, int truecolor)
{
	memset(c, 0, sizeof *c);
	c->vt = vterm_new(rows, cols);
	if (c->vt == NULL)
		abort();
	vterm_set_utf8(c->vt, 1);
	vterm_output_set_callback(c->vt, client_reply, c);
	c->vs = vterm_obtain_screen(c->vt);
	vterm_screen_set_callbacks(c->vs, &client_callbacks, c);
	vterm_screen_enable_altscreen(c->vs, 1);
	vterm_screen_reset(c->vs, 1);
	c->cursor_visible = 1;
	c->answer = answer;
	c->tty = tty_new("xterm-256color", rows, cols, &(struct tty_caps){.truecolor = truecolor},
			 client_output, on_key, c);
	if (c->tty == NULL)
		abort();
	tty_start(c->tty);
	if (answer) {
		tty_input(c->tty, c->replies, c->replies_len);
		c->replies_len = 0;
	}
}

static void client_free(struct client *c)
{
	tty_stop(c->tty);
	tty_free(c->tty);
	vterm_free(c->vt);
}

/* ---- what a cell should look like ---- */

struct expect {
	char text[32];
	int width;
	int bold, italic, underline, blink, reverse, strike;
	grid_color fg, bg;
};

static void pane_output(const char *buf, size_t len, void *ctx)
{
	(void)buf, (void)len, (void)ctx;
}

static void expect_blank(struct expect *e, grid_color fg, grid_color bg)
{
	memset(e, 0, sizeof *e);
	strcpy(e->text, " ");
	e->width = 1;
	e->fg = fg;
	e->bg = bg;
}

/* A mark with nothing to join shows on a space (the renderer adds it). */
static int starts_with_mark(const char *text)
{
	char first[8] = {0};
	uint32_t cp;
	size_t n = utf8_next(text, &cp);

	if (cp < 0x300 || n >= sizeof first)
		return 0;
	memcpy(first, text, n);
	return tickit_utf8_mbswidth(first) == 0;
}

static void expect_from_grid(struct expect *e, struct grid *g, const struct grid_cell *line, int gx,
			     int visible_cols, int colon)
{
	const struct grid_cell *c = &line[gx];
	uint16_t a = c->attr;

	expect_blank(e, c->fg, c->bg);
	if (c->width == 2 && gx + 1 >= visible_cols)
		return; /* cut by the edge: a blank */
	if (c->ch == GRID_CH_WIDE_CONT && !(c->flags & GRID_CELL_COMBINED)) {
		e->text[0] = '\0';
		e->width = 0;
	} else if (!(a & GRID_ATTR_CONCEAL)) {
		/* a combined cell's ch is an index, 0 included */
		if (grid_cell_utf8(g, c, e->text) == 0 ||
		    (c->ch == 0 && !(c->flags & GRID_CELL_COMBINED)))
			strcpy(e->text, " ");
		else if (starts_with_mark(e->text))
			memmove(e->text + 1, e->text, strlen(e->text) + 1), e->text[0] = ' ';
		e->width = c->width == 2 ? 2 : 1;
	}
	e->bold = !!(a & GRID_ATTR_BOLD);
	e->italic = !!(a & GRID_ATTR_ITALIC);
	e->blink = !!(a & GRID_ATTR_BLINK);
	e->reverse = !!(a & GRID_ATTR_REVERSE);
	e->strike = !!(a & GRID_ATTR_STRIKE);
	if (a & GRID_ATTR_UNDERCURL)
		e->underline = colon ? 3 : 1;
	else if (a & GRID_ATTR_UNDERLINE2)
		e->underline = colon ? 2 : 1;
	else if (a & GRID_ATTR_UNDERLINE)
		e->underline = 1;
}

static size_t cell_text(const VTermScreenCell *c, char out[32])
{
	size_t n = 0;

	for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c->chars[i] != 0 && n < 24; i++) {
		uint32_t cp = c->chars[i];
		if (cp < 0x80) {
			out[n++] = (char)cp;
		} else if (cp < 0x800) {
			out[n++] = (char)(0xc0 | (cp >> 6));
			out[n++] = (char)(0x80 | (cp & 0x3f));
		} else if (cp < 0x10000) {
			out[n++] = (char)(0xe0 | (cp >> 12));
			out[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[n++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[n++] = (char)(0xf0 | (cp >> 18));
			out[n++] = (char)(0x80 | ((cp >> 12) & 0x3f));
			out[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[n++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	out[n] = '\0';
	return n;
}

/* Does the terminal's colour show the grid's? RGB may have become the
 * nearest palette entry when the terminal has no true colour. */
static int colour_matches(struct client *c, VTermColor col, grid_color want, int is_fg,
			  int truecolor)
{
	int dr, dg, db;
	uint32_t v = GRID_COLOR_VALUE(want);

	switch (GRID_COLOR_TYPE(want)) {
	case 0:
		return is_fg ? VTERM_COLOR_IS_DEFAULT_FG(&col) : VTERM_COLOR_IS_DEFAULT_BG(&col);
	case 1:
		return VTERM_COLOR_IS_INDEXED(&col) && !(col.type & VTERM_COLOR_DEFAULT_MASK) &&
		       col.indexed.idx == (v & 0xff);
	default:
		if (truecolor && !VTERM_COLOR_IS_RGB(&col))
			return 0;
		if (!truecolor && !VTERM_COLOR_IS_INDEXED(&col))
			return 0;
		vterm_screen_convert_color_to_rgb(c->vs, &col);
		dr = abs(col.rgb.red - (int)((v >> 16) & 0xff));
		dg = abs(col.rgb.green - (int)((v >> 8) & 0xff));
		db = abs(col.rgb.blue - (int)(v & 0xff));
		return truecolor ? dr + dg + db == 0 : dr <= 40 && dg <= 40 && db <= 40;
	}
}

static int cell_matches(struct client *c, int y, int x, const struct expect *e, int truecolor)
{
	VTermScreenCell sc;
	char text[32];

	vterm_screen_get_cell(c->vs, (VTermPos){.row = y, .col = x}, &sc);
	cell_text(&sc, text);
	if (e->width == 0)
		return 1; /* the right half of a wide character: checked with its left */
	if (text[0] == '\0')
		strcpy(text, " ");
	if (strcmp(text, e->text) != 0 || sc.width != e->width) {
		fprintf(stderr, "(%d,%d): text \"%s\" width %d, want \"%s\" width %d\n", y, x, text,
			sc.width, e->text, e->width);
		return 0;
	}
	if (sc.attrs.bold != e->bold || sc.attrs.italic != e->italic ||
	    (int)sc.attrs.underline != e->underline || sc.attrs.blink != e->blink ||
	    sc.attrs.reverse != e->reverse || sc.attrs.strike != e->strike) {
		fprintf(stderr,
			"(%d,%d) \"%s\": attributes b%d i%d u%d k%d r%d s%d, want b%d i%d u%d k%d "
			"r%d s%d\n",
			y, x, text, sc.attrs.bold, sc.attrs.italic, sc.attrs.underline,
			sc.attrs.blink, sc.attrs.reverse, sc.attrs.strike, e->bold, e->italic,
			e->underline, e->blink, e->reverse, e->strike);
		return 0;
	}
	if (!colour_matches(c, sc.fg, e->fg, 1, truecolor) ||
	    !colour_matches(c, sc.bg, e->bg, 0, truecolor)) {
		fprintf(stderr, "(%d,%d) \"%s\": colours differ (want fg %08x bg %08x)\n", y, x,
			text, e->fg, e->bg);
		return 0;
	}
	return 1;
}

/* Every cell of the client's screen against the frame; returns mismatches. */
static int compare_screen(struct client *c, const struct render_frame *f, const char *status,
			  int truecolor, int colon)
{
	int rows, cols, bad = 0, status_row;
	struct expect e;
	const char *s = status;

	vterm_get_size(c->vt, &rows, &cols);
	status_row = f->status == NULL ? -1 : f->status_top ? 0 : rows - 1;
	for (int y = 0; y < rows; y++) {
		for (int x = 0; x < cols; x++) {
			expect_blank(&e, GRID_COLOR_DEFAULT, GRID_COLOR_DEFAULT);
			if (y == status_row) {
				/* the status text in the tests is ASCII */
				expect_blank(&e, GRID_COLOR_INDEXED(0), GRID_COLOR_INDEXED(2));
				if (*s != '\0')
					e.text[0] = *s++;
			}
			for (int i = 0; i < f->nviews && y != status_row; i++) {
				const struct render_view *v = &f->views[i];
				int vis = v->width < grid_cols(v->grid) ? v->width
									: grid_cols(v->grid);
				if (y < v->y || y >= v->y + v->height ||
				    y - v->y >= grid_rows(v->grid) || x < v->x || x >= v->x + vis)
					continue;
				expect_from_grid(&e, v->grid, grid_line(v->grid, y - v->y),
						 x - v->x, vis, colon);
			}
			if (!cell_matches(c, y, x, &e, truecolor) && ++bad > 20)
				return bad;
		}
	}
	return bad;
}

static void check_cursor(struct client *c, const struct render_view *v)
{
	VTermPos pos;
	int row, col;

	grid_cursor(v->grid, &row, &col);
	vterm_state_get_cursorpos(vterm_obtain_state(c->vt), &pos);
	CHECK(pos.row == v->y + row && pos.col == v->x + col);
	CHECK(c->cursor_visible == grid_cursor_visible(v->grid));
}

/* ---- tests ---- */

#define FEED(g, lit) grid_input(g, lit, sizeof lit - 1)

static const char pane_text[] =
	"plain \033[1mbold\033[m \033[3mitalic\033[m \033[4munder\033[m \033[5mblink\033[m "
	"\033[7mrev\033[m \033[9mstrike\033[m\r\n"
	"\033[31mred\033[42mgreen-bg\033[m \033[91mbright\033[m "
	"\033[38;5;200mc200\033[48;5;17mb17\033[m "
	"\033[38;2;10;200;30mrgb\033[48;2;250;128;0mrgbbg\033[m\r\n"
	"wide \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97 mixed a\xe4\xb8\xad"
	"b caf\xc3\xa9 e\xcc\x81 \xe2\x94\x80\xe2\x94\x82\r\n"
	"\033[4:2mdouble\033[m \033[4:3mcurly\033[m \033[8mhidden\033[m "
	"\033[1;3;4;7;38;5;99mall\033[m\r\n"
	"\033[44m   blue line erased with bg   \033[K\033[m\r\n";

static void fill_pane(struct grid *g, int tag)
{
	char line[256];
	int rows = grid_rows(g);

	grid_input(g, pane_text, sizeof pane_text - 1);
	for (int i = 5; i < rows - 1; i++) {
		int n = snprintf(line, sizeof line,
				 "\033[3%dmline %d of pane %d \033[1;4%dm%s\033[m\r\n", i % 8, i,
				 tag, (i + 3) % 8, i % 3 ? "x" : "\xe4\xb8\xad\xe6\x96\x87");
		grid_input(g, line, (size_t)n);
	}
}

static void test_compose(int answer, int truecolor)
{
	enum { ROWS = 30, COLS = 100 };
	struct client c;
	struct grid *left = grid_new(ROWS - 1, 60, 100, pane_output, NULL);
	struct grid *right = grid_new(ROWS - 1, 40, 100, pane_output, NULL);
	struct render *r;
	struct render_view views[2];
	const char *status = "[0] 0:bash* 1:vim-";
	struct render_frame f;
	int colon = 0, tc = 0, v = 0;
	size_t before;

	CHECK(left != NULL && right != NULL);
	if (left == NULL || right == NULL)
		return;
	client_init(&c, ROWS, COLS, answer, truecolor);
	r = render_new(c.tty);
	CHECK(r != NULL);
	fill_pane(left, 0);
	fill_pane(right, 1);
	/* a wide character on the right pane's last column, which the view cuts off */
	FEED(right, "\033[3;39H\xe4\xb8\xad");
	FEED(left, "\033[10;5H");
	views[0] =
		(struct render_view){.grid = left, .x = 0, .y = 0, .width = 60, .height = ROWS - 1};
	views[1] = (struct render_view){
		.grid = right, .x = 61, .y = 0, .width = 39, .height = ROWS - 1};
	f = (struct render_frame){.views = views, .nviews = 2, .active = 0, .status = status};

	tickit_term_getctl_int(tty_term(c.tty), tickit_termctl_lookup("xterm.cap_csi_sub_colon"),
			       &colon);
	tickit_term_getctl_int(tty_term(c.tty), TICKIT_TERMCTL_COLORS, &v);
	/* libvterm says it has RGB when asked, but only COLORTERM (or the
	 * options) earns 24-bit colour */
	CHECK((v > 256) == (answer || truecolor));
	tc = truecolor;

	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);
	check_cursor(&c, &views[0]);

	/* nothing changed: nothing but perhaps the cursor is sent */
	before = c.bytes;
	render_draw(r, &f);
	CHECK(c.bytes - before == 0);

	/* a few cells change: a few bytes */
	FEED(left, "\033[6;10HXY\033[10;5H");
	before = c.bytes;
	render_draw(r, &f);
	CHECK(c.bytes - before > 0 && c.bytes - before < 40);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);
	check_cursor(&c, &views[0]);

	/* the other pane becomes active; its cursor is hidden */
	FEED(right, "\033[?25l\033[2;3Hz");
	f.active = 1;
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);
	check_cursor(&c, &views[1]);
	FEED(right, "\033[?25h");
	render_draw(r, &f);
	check_cursor(&c, &views[1]);

	/* wide characters overwritten by narrow ones and the other way round */
	FEED(left, "\033[3;6Hab\033[3;1H\xe4\xb8\xad\xe4\xb8\xad");
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);

	/* a combined character replaced by another one */
	FEED(left, "\033[3;29Ho\xcc\x81\033[10;5H");
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);

	/* scrolling the whole pane */
	for (int i = 0; i < 7; i++)
		FEED(left, "\033[29;1H\r\nscrolled \033[35mline\033[m");
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);

	/* status line at the top, then none */
	f.status_top = 1;
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);
	f.status = NULL;
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, "", tc, colon) == 0);
	f.status = status;
	f.status_top = 0;

	/* invalidate: everything is sent again and the screen still matches */
	render_invalidate(r);
	before = c.bytes;
	render_draw(r, &f);
	CHECK(c.bytes - before > 1000);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);

	/* the client's terminal grows */
	vterm_set_size(c.vt, ROWS + 5, COLS + 20);
	tty_resize(c.tty, ROWS + 5, COLS + 20);
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, status, tc, colon) == 0);

	render_free(r);
	client_free(&c);
	grid_free(left);
	grid_free(right);
}

/* The terminal's answers arrive after the first frame: curly underlines
 * drawn as plain ones are drawn again with sub-parameters; RGB stays the
 * nearest 256 colour (the answer alone does not earn 24-bit colour) until
 * the options give the terminal RGB. */
static void test_late_answers(void)
{
	struct client c;
	struct grid *g = grid_new(5, 20, 10, pane_output, NULL);
	struct render_view view = {.grid = g, .width = 20, .height = 5};
	struct render_frame f = {.views = &view, .nviews = 1};
	struct render *r;
	size_t before;

	CHECK(g != NULL);
	if (g == NULL)
		return;
	client_init(&c, 5, 20, 0, 0);
	r = render_new(c.tty);
	FEED(g, "\033[38;2;10;200;30mrgb\033[4:3mcurly\033[m");
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, "", 0, 0) == 0);
	tty_input(c.tty, c.replies, c.replies_len);
	before = c.bytes;
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, "", 0, 1) == 0);
	CHECK(c.bytes - before < 60); /* the curly underline again, not everything */
	tty_set_truecolor_override(c.tty, 1);
	before = c.bytes;
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, "", 1, 1) == 0);
	CHECK(c.bytes - before < 60); /* the RGB cells again */
	render_free(r);
	client_free(&c);
	grid_free(g);
}

/* The status line: text clipped to the width, or padded. */
static void test_status(void)
{
	struct client c;
	struct render *r;
	struct render_frame f = {.status = "0123456789abcdefghijklmnopqrstuvwxyz"};
	VTermScreenCell sc;
	char text[32];

	client_init(&c, 5, 20, 0, 0);
	r = render_new(c.tty);
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, f.status, 0, 0) == 0);
	vterm_screen_get_cell(c.vs, (VTermPos){.row = 4, .col = 19}, &sc);
	cell_text(&sc, text);
	CHECK(strcmp(text, "j") == 0);
	vterm_screen_get_cell(c.vs, (VTermPos){.row = 3, .col = 0}, &sc);
	CHECK(sc.chars[0] == 0 || sc.chars[0] == ' ');
	f.status = "short";
	render_draw(r, &f);
	CHECK(compare_screen(&c, &f, f.status, 0, 0) == 0);
	render_free(r);
	client_free(&c);
}

/* ---- skipping unchanged rows ---- */

/* Draw f and check the client's screen against it; returns the rows the
 * frame composed. */
static int draw_checked(struct client *c, struct render *r, const struct render_frame *f)
{
	render_draw(r, f);
	CHECK(compare_screen(c, f, f->status, 0, 0) == 0);
	return render_rows_composed(r);
}

static uint32_t client_char(struct client *c, int y, int x)
{
	VTermScreenCell sc;

	vterm_screen_get_cell(c->vs, (VTermPos){.row = y, .col = x}, &sc);
	return sc.chars[0];
}

/* A frame after a small change composes only the rows that changed; a
 * scroll, copy mode, an overlay or a new layout still redraw everything. */
static void test_skip_rows(void)
{
	enum { ROWS = 20, COLS = 60 };
	struct client c;
	struct grid *g = grid_new(ROWS - 1, COLS, 100, pane_output, NULL);
	struct render *r;
	struct render_view view = {.grid = g, .width = COLS, .height = ROWS - 1};
	struct render_frame f = {.views = &view, .nviews = 1, .status = "[0] 0:sh*"};
	struct grid_cell overlay[COLS];

	CHECK(g != NULL);
	if (g == NULL)
		return;
	client_init(&c, ROWS, COLS, 0, 0);
	r = render_new(c.tty);
	fill_pane(g, 1);
	CHECK(draw_checked(&c, r, &f) == ROWS);
	CHECK(draw_checked(&c, r, &f) == 0);

	/* one cell, then an erase of one row's end */
	FEED(g, "\033[6;10HZ");
	CHECK(draw_checked(&c, r, &f) == 1);
	CHECK(client_char(&c, 5, 9) == 'Z');
	FEED(g, "\033[3;5H\033[K");
	CHECK(draw_checked(&c, r, &f) == 1);
	f.status = "[0] 0:cat*";
	CHECK(draw_checked(&c, r, &f) == 1);
	/* inserted and deleted characters move part of one row */
	FEED(g, "\033[8;3H\033[3@\033[9;2H\033[2P");
	CHECK(draw_checked(&c, r, &f) == 2);

	/* a scroll moves every row */
	FEED(g, "\033[19;1H\r\nnew last line");
	CHECK(draw_checked(&c, r, &f) == ROWS - 1);
	/* a scroll region's */
	FEED(g, "\033[5;10r\033[10;1H\nin region\033[r");
	CHECK(draw_checked(&c, r, &f) == ROWS - 1);

	/* the alternate screen and back */
	FEED(g, "\033[?1049h\033[2;2Halt");
	CHECK(draw_checked(&c, r, &f) == ROWS - 1);
	FEED(g, "\033[?1049l");
	CHECK(draw_checked(&c, r, &f) == ROWS - 1);

	/* copy mode shows history: every row, and every row again after it */
	view.copy = 1;
	view.offset = 3;
	render_draw(r, &f);
	CHECK(render_rows_composed(r) == ROWS);
	CHECK(client_char(&c, 3, 0) == grid_line(g, 0)[0].ch);
	view.copy = 0;
	view.offset = 0;
	CHECK(draw_checked(&c, r, &f) == ROWS);
	CHECK(draw_checked(&c, r, &f) == 0);

	/* an overlay over the top row, then without it */
	for (int x = 0; x < COLS; x++)
		overlay[x] = (struct grid_cell){.ch = x < 3 ? 'X' : 0, .width = 1};
	f.overlay = overlay;
	f.overlay_rows = 1;
	f.overlay_cols = COLS;
	render_draw(r, &f);
	CHECK(render_rows_composed(r) == ROWS);
	CHECK(client_char(&c, 0, 1) == 'X');
	f.overlay = NULL;
	CHECK(draw_checked(&c, r, &f) == ROWS);

	/* a smaller view: the layout changed */
	view.height = ROWS - 5;
	CHECK(draw_checked(&c, r, &f) == ROWS);
	FEED(g, "\033[2;2HQ");
	CHECK(draw_checked(&c, r, &f) == 1);

	/* a grid resize */
	grid_resize(g, ROWS - 5, COLS - 10);
	view.height = ROWS - 5;
	CHECK(draw_checked(&c, r, &f) >= ROWS - 5);
	render_free(r);
	client_free(&c);
	grid_free(g);
}

/* A popup's screen (the floating view) over the panes and the status line,
 * in its default colours, with the cursor; an overlay over the status
 * line. */
static void test_floating(void)
{
	enum { ROWS = 10, COLS = 30 };
	struct client c;
	struct grid *g = grid_new(ROWS - 1, COLS, 100, pane_output, NULL);
	struct grid *pg = grid_new(3, 10, 0, pane_output, NULL);
	struct render *r;
	struct render_view view = {.grid = g, .width = COLS, .height = ROWS - 1};
	struct render_view pop = {.grid = pg, .x = 5, .y = ROWS - 3, .width = 10, .height = 3};
	struct render_frame f = {.views = &view, .nviews = 1, .status = "[0] 0:sh*"};
	struct grid_cell overlay[ROWS * COLS];
	VTermScreenCell sc;
	VTermPos pos;

	CHECK(g != NULL && pg != NULL);
	if (g == NULL || pg == NULL)
		return;
	client_init(&c, ROWS, COLS, 0, 0);
	r = render_new(c.tty);
	fill_pane(g, 1);
	FEED(pg, "abc\r\nde\r\n\033[31mF");
	memset(overlay, 0, sizeof overlay);
	overlay[(ROWS - 1) * COLS + 20] = (struct grid_cell){.ch = 'O', .width = 1};
	f.floating = &pop;
	f.floating_pen.bg = GRID_COLOR_INDEXED(4);
	f.overlay = overlay;
	f.overlay_rows = ROWS;
	f.overlay_cols = COLS;
	render_draw(r, &f);
	CHECK(client_char(&c, ROWS - 3, 5) == 'a');
	CHECK(client_char(&c, ROWS - 2, 6) == 'e');
	CHECK(client_char(&c, ROWS - 1, 5) == 'F');  /* over the status line */
	CHECK(client_char(&c, ROWS - 1, 0) == '[');  /* the status line beside it */
	CHECK(client_char(&c, ROWS - 1, 20) == 'O'); /* the overlay over it */
	CHECK(client_char(&c, ROWS - 3, 4) == grid_line(g, ROWS - 3)[4].ch);
	vterm_screen_get_cell(c.vs, (VTermPos){.row = ROWS - 2, .col = 9}, &sc);
	CHECK(sc.bg.type == VTERM_COLOR_INDEXED && sc.bg.indexed.idx == 4);
	vterm_screen_get_cell(c.vs, (VTermPos){.row = ROWS - 1, .col = 5}, &sc);
	CHECK(VTERM_COLOR_IS_INDEXED(&sc.fg) && sc.fg.indexed.idx == 1);
	vterm_state_get_cursorpos(vterm_obtain_state(c.vt), &pos);
	CHECK(pos.row == ROWS - 1 && pos.col == 6); /* the popup's cursor */
	/* closed: the panes and status line again */
	f.floating = NULL;
	f.overlay = NULL;
	CHECK(draw_checked(&c, r, &f) == ROWS);
	render_free(r);
	client_free(&c);
	grid_free(g);
	grid_free(pg);
}

/* ---- redrawing only the columns that changed ---- */

static unsigned span_rand(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* One small random change: text (ASCII, wide, combining marks, C1 in
 * UTF-8), erasures, insertions and deletions, REP, tabs, colours, scrolls,
 * the other screen, margins, at a random place or where the last change
 * left the cursor. */
static void span_change(struct grid *g, unsigned *seed, int rows, int cols)
{
	static const char *const bits[] = {
		"a",
		"xyz",
		"\xe4\xb8\xad",
		"\xe4\xb8\xad\xe6\x96\x87",
		"e\xcc\x81",
		"\xcc\x81",
		"\033[K",
		"\033[1K",
		"\033[3X",
		"\033[2@",
		"\033[3P",
		"q\033[4b",
		"\t",
		"\033[31m",
		"\033[m",
		"\033[7mR\033[m",
		"\r",
		"\033[2D",
		"\033[C",
		"\xc2\x85",
		"\033[44m \033[m",
		"\n",
		"\033M",
		"\033[L",
		"\033[2M",
		"\033[S",
		"\033[3;6r\033[4;1H\033[T\033[r",
		"\033[?1049h",
		"\033[?1049l",
		"\033[?69h\033[5;20s\033[3@\033[?69l",
	};
	char buf[64];
	int n = 0;

	if (span_rand(seed) % 3 == 0)
		n = snprintf(buf, sizeof buf, "\033[%u;%uH", span_rand(seed) % (unsigned)rows + 1,
			     span_rand(seed) % (unsigned)cols + 1);
	n += snprintf(buf + n, sizeof buf - (size_t)n, "%s",
		      bits[span_rand(seed) % (sizeof bits / sizeof bits[0])]);
	grid_input(g, buf, (size_t)n);
}

/* A keystroke's echo composes a few cells, not its row; every random
 * small change drawn so still leaves the terminal showing the grid. */
static void test_spans(void)
{
	enum { ROWS = 12, COLS = 40 };
	struct client c;
	struct grid *g = grid_new(ROWS - 1, COLS, 100, pane_output, NULL);
	struct grid *h = grid_new(ROWS - 1, COLS / 2 - 1, 100, pane_output, NULL);
	struct render *r;
	struct render_view views[2] = {
		{.grid = g, .width = COLS, .height = ROWS - 1},
		{.grid = h, .x = COLS / 2, .width = COLS / 2, .height = ROWS - 1}};
	struct render_frame f = {.views = views, .nviews = 1, .status = "[0] 0:cat*"};
	unsigned seed = 7;
	int big = 0;

	CHECK(g != NULL && h != NULL);
	if (g == NULL || h == NULL)
		return;
	client_init(&c, ROWS, COLS, 0, 0);
	r = render_new(c.tty);
	fill_pane(g, 1);
	CHECK(draw_checked(&c, r, &f) == ROWS);
	FEED(g, "\033[5;7H");
	CHECK(draw_checked(&c, r, &f) == 0);
	FEED(g, "k");
	CHECK(draw_checked(&c, r, &f) == 1);
	CHECK(render_cells_composed(r) <= 5);
	CHECK(client_char(&c, 4, 6) == 'k');
	/* two inputs before a frame: the row is composed whole */
	FEED(g, "l");
	FEED(g, "m");
	CHECK(draw_checked(&c, r, &f) == 1);
	CHECK(render_cells_composed(r) == COLS);
	/* a row changed, scrolled up and changed again in one input is
	 * another row where it is now */
	FEED(g, "\033[11;1Hbottom line text, long enough\n");
	draw_checked(&c, r, &f);
	FEED(g, "\033[11;5Hx\n\033[10;9Hy");
	CHECK(draw_checked(&c, r, &f) == ROWS - 1);

	for (int i = 0; i < 3000 && !failures; i++) {
		span_change(g, &seed, ROWS - 1, COLS);
		if (span_rand(&seed) % 4 == 0)
			span_change(g, &seed, ROWS - 1, COLS);
		draw_checked(&c, r, &f);
		big += render_cells_composed(r) > 12;
	}
	CHECK(big < 3000 / 2); /* most were drawn by span */

	/* side by side views share rows: those are composed whole */
	views[0].width = COLS / 2 - 1;
	f.nviews = 2;
	fill_pane(h, 2);
	draw_checked(&c, r, &f);
	for (int i = 0; i < 500 && !failures; i++) {
		span_change(span_rand(&seed) % 2 ? g : h, &seed, ROWS - 1, COLS / 2 - 1);
		draw_checked(&c, r, &f);
	}
	render_free(r);
	client_free(&c);
	grid_free(g);
	grid_free(h);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void discard(const char *buf, size_t len, void *ctx)
{
	size_t *bytes = ctx;

	(void)buf;
	*bytes += len;
}

/* A full 200x50 frame and a one-cell change: bytes and time. */
static void test_cost(void)
{
	enum { ROWS = 50, COLS = 200, N = 200 };
	struct grid *g = grid_new(ROWS - 1, COLS, 100, pane_output, NULL);
	size_t bytes = 0, full_bytes, one_bytes;
	struct tty *t = tty_new("xterm-256color", ROWS, COLS, NULL, discard, on_key, &bytes);
	struct render *r;
	struct render_view view = {.grid = g, .width = COLS, .height = ROWS - 1};
	struct render_frame f = {.views = &view, .nviews = 1, .status = "[bench] 0:bash*"};
	char line[512];
	double t0, full_ms, one_ms, same_ms;

	CHECK(g != NULL && t != NULL);
	if (g == NULL || t == NULL)
		return;
	tty_start(t);
	r = render_new(t);
	for (int i = 0; i < ROWS - 1; i++) {
		int n = 0;
		for (int w = 0; n < COLS - 20; w++)
			n += snprintf(line + n, sizeof line - (size_t)n, "\033[%d;%dmword%d\033[m ",
				      w % 3 ? 0 : 1, 30 + (i + w) % 8, w);
		grid_input(g, "\r\n", i ? 2 : 0);
		grid_input(g, line, strlen(line));
	}
	render_draw(r, &f);

	bytes = 0;
	t0 = now_ms();
	for (int i = 0; i < N; i++) {
		render_invalidate(r);
		render_draw(r, &f);
	}
	full_ms = (now_ms() - t0) / N;
	full_bytes = bytes / N;

	bytes = 0;
	t0 = now_ms();
	for (int i = 0; i < N; i++) {
		grid_input(g, i % 2 ? "\033[20;50HA" : "\033[20;50HB", 9);
		render_draw(r, &f);
	}
	one_ms = (now_ms() - t0) / N;
	one_bytes = bytes / N;

	t0 = now_ms();
	for (int i = 0; i < N; i++)
		render_draw(r, &f);
	same_ms = (now_ms() - t0) / N;

	printf("render cost 200x50: full frame %zu bytes %.3f ms; one cell %zu bytes %.3f ms; "
	       "unchanged %.3f ms\n",
	       full_bytes, full_ms, one_bytes, one_ms, same_ms);
	CHECK(one_bytes < 32);
	/* Speed belongs in bench/: the figure is printed, not asserted. */
	render_free(r);
	tty_stop(t);
	tty_free(t);
	grid_free(g);
}

/* ---- borders ---- */

static uint32_t screen_char(struct client *c, int y, int x, VTermColor *fg)
{
	VTermScreenCell sc;

	vterm_screen_get_cell(c->vs, (VTermPos){.row = y, .col = x}, &sc);
	if (fg != NULL)
		*fg = sc.fg;
	return sc.chars[0];
}

static int fg_is(VTermColor col, grid_color want)
{
	if (want == GRID_COLOR_DEFAULT)
		return VTERM_COLOR_IS_DEFAULT_FG(&col);
	return VTERM_COLOR_IS_INDEXED(&col) && !(col.type & VTERM_COLOR_DEFAULT_MASK) &&
	       col.indexed.idx == GRID_COLOR_VALUE(want);
}

/* What tmux draws for left | (top / bottom) in an 80x23 window: the border
 * column 40 with a ├ where the row-11 border joins it. */
static uint32_t want_border(int y, int x)
{
	if (x == 40)
		return y == 11 ? 0x251c : 0x2502;
	if (y == 11 && x > 40)
		return 0x2500;
	return 0;
}

/* Every border cell: its character, and green exactly when it touches the
 * active pane (its ring of cells). Returns mismatches. */
static int check_borders(struct client *c, const struct render_frame *f, grid_color other)
{
	const struct render_view *a = &f->views[f->active];
	VTermColor fg;
	int bad = 0;

	for (int y = 0; y < 23; y++) {
		for (int x = 0; x < 80; x++) {
			uint32_t want = want_border(y, x), got = screen_char(c, y, x, &fg);
			int active = x >= a->x - 1 && x <= a->x + a->width && y >= a->y - 1 &&
				     y <= a->y + a->height;

			if (want == 0)
				continue;
			if (got != want || !fg_is(fg, active ? GRID_COLOR_INDEXED(2) : other)) {
				fprintf(stderr, "border (%d,%d): U+%04x, want U+%04x %s\n", y, x,
					got, want, active ? "green" : "other");
				bad++;
			}
		}
	}
	return bad;
}

static void test_borders(void)
{
	struct client c;
	struct grid *g[3];
	struct render_view views[3] = {
		{.x = 0, .y = 0, .width = 40, .height = 23},
		{.x = 41, .y = 0, .width = 39, .height = 11},
		{.x = 41, .y = 12, .width = 39, .height = 11},
	};
	struct grid_cell status[80];
	struct render_frame f = {.views = views,
				 .nviews = 3,
				 .active = 1,
				 .area_w = 80,
				 .area_h = 23,
				 .status_cells = status,
				 .status_ncells = 80,
				 .active_border_pen = {.fg = GRID_COLOR_INDEXED(2)}};
	struct render *r;
	size_t before;
	VTermPos pos;
	VTermColor fg;

	for (int i = 0; i < 3; i++) {
		g[i] = grid_new(views[i].height, views[i].width, 10, pane_output, NULL);
		views[i].grid = g[i];
		for (int y = 0; y < views[i].height; y++) {
			char line[64];
			int n = snprintf(line, sizeof line, "\033[%d;1Hp%d-%02d", y + 1, i, y);
			grid_input(g[i], line, (size_t)n);
		}
	}
	for (int x = 0; x < 80; x++)
		status[x] = (struct grid_cell){.ch = x < 3 ? "[0]"[x] : ' ',
					       .fg = GRID_COLOR_INDEXED(0),
					       .bg = GRID_COLOR_RGB(0, 200, 0),
					       .width = 1};
	client_init(&c, 24, 80, 0, 0);
	r = render_new(c.tty);
	render_draw(r, &f);
	CHECK(check_borders(&c, &f, GRID_COLOR_DEFAULT) == 0);
	/* the panes are still where they were */
	CHECK(screen_char(&c, 0, 0, NULL) == 'p' && screen_char(&c, 0, 41, NULL) == 'p');
	CHECK(screen_char(&c, 12, 42, NULL) == '2' && screen_char(&c, 22, 39, NULL) <= ' ');
	CHECK(screen_char(&c, 23, 1, NULL) == '0');

	/* another active pane: only the border cells that change colour are sent */
	f.active = 0;
	before = c.bytes;
	render_draw(r, &f);
	CHECK(check_borders(&c, &f, GRID_COLOR_DEFAULT) == 0);
	printf("active border switch: %zu bytes\n", c.bytes - before);
	CHECK(c.bytes - before < 400);
	f.active = 2;
	render_draw(r, &f);
	CHECK(check_borders(&c, &f, GRID_COLOR_DEFAULT) == 0);

	/* pane-border-style with a colour: the inactive border takes it */
	f.border_pen.fg = GRID_COLOR_INDEXED(5);
	render_draw(r, &f);
	CHECK(check_borders(&c, &f, GRID_COLOR_INDEXED(5)) == 0);

	/* RGB in a style goes out as the nearest palette entry here (no true colour) */
	f.active_border_pen.fg = GRID_COLOR_RGB(255, 0, 0);
	render_draw(r, &f);
	screen_char(&c, 22, 40, &fg);
	CHECK(VTERM_COLOR_IS_INDEXED(&fg) && fg.indexed.idx == 196);

	/* a prompt: the cursor sits on the status row */
	f.status_cursor = 1;
	f.status_cursor_x = 3;
	render_draw(r, &f);
	vterm_state_get_cursorpos(vterm_obtain_state(c.vt), &pos);
	CHECK(pos.row == 23 && pos.col == 3 && c.cursor_visible);
	f.status_cursor = 0;
	render_draw(r, &f);
	vterm_state_get_cursorpos(vterm_obtain_state(c.vt), &pos);
	CHECK(pos.row != 23);

	/* two panes side by side: as tmux, each owns half the shared border */
	f.nviews = 2;
	f.border_pen.fg = GRID_COLOR_DEFAULT;
	f.active_border_pen.fg = GRID_COLOR_INDEXED(2);
	views[1].height = 23;
	for (int a = 0; a < 2; a++) {
		f.active = a;
		render_draw(r, &f);
		for (int y = 0; y < 23; y++) {
			int green = a == 0 ? y <= 11 : y > 11;

			CHECK(screen_char(&c, y, 40, &fg) == 0x2502);
			CHECK(fg_is(fg, green ? GRID_COLOR_INDEXED(2) : GRID_COLOR_DEFAULT));
		}
	}

	/* window-style: the view's default background fills its blank cells,
	 * and a change of it alone (no cell changed) is drawn */
	{
		VTermScreenCell sc;
		struct grid_cell lc[3] = {{.ch = 'A', .width = 1},
					  {.ch = 'B', .width = 1, .fg = GRID_COLOR_INDEXED(1)},
					  {.ch = 0}};
		struct render_label label = {.x = 2, .y = 0, .ncells = 3, .cells = lc};

		views[0].def_bg = GRID_COLOR_INDEXED(4);
		render_draw(r, &f);
		vterm_screen_get_cell(c.vs, (VTermPos){.row = 20, .col = 30}, &sc);
		CHECK(VTERM_COLOR_IS_INDEXED(&sc.bg) && sc.bg.indexed.idx == 4);
		vterm_screen_get_cell(c.vs, (VTermPos){.row = 20, .col = 50}, &sc);
		CHECK(VTERM_COLOR_IS_DEFAULT_BG(&sc.bg));
		views[0].def_bg = GRID_COLOR_DEFAULT;
		render_draw(r, &f);
		vterm_screen_get_cell(c.vs, (VTermPos){.row = 20, .col = 30}, &sc);
		CHECK(VTERM_COLOR_IS_DEFAULT_BG(&sc.bg));

		/* a label over the border (ch 0 lets the border show), kept
		 * while frames skip unchanged rows, and changed alone */
		views[0].y = views[1].y = 1;
		views[0].height = views[1].height = 22;
		f.border_status = 1;
		f.labels = &label;
		f.nlabels = 1;
		render_draw(r, &f);
		CHECK(screen_char(&c, 0, 2, NULL) == 'A' && screen_char(&c, 0, 3, &fg) == 'B');
		CHECK(fg_is(fg, GRID_COLOR_INDEXED(1)));
		CHECK(screen_char(&c, 0, 4, NULL) == 0x2500 &&
		      screen_char(&c, 0, 40, NULL) == 0x252c);
		grid_input(g[1], "x", 1);
		render_draw(r, &f);
		CHECK(screen_char(&c, 0, 2, NULL) == 'A');
		lc[0].ch = 'Z';
		render_draw(r, &f);
		CHECK(screen_char(&c, 0, 2, NULL) == 'Z');
		/* pane-border-lines double */
		f.border_lines = RENDER_LINES_DOUBLE;
		render_draw(r, &f);
		CHECK(screen_char(&c, 5, 40, NULL) == 0x2551 &&
		      screen_char(&c, 0, 40, NULL) == 0x2566);
		f.border_lines = RENDER_LINES_SINGLE;
		f.border_status = 0;
		f.labels = NULL;
		f.nlabels = 0;
		views[0].y = views[1].y = 0;
		views[0].height = views[1].height = 23;
		render_draw(r, &f);
		CHECK(screen_char(&c, 0, 40, NULL) == 0x2502);
	}

	/* a window smaller than the client: a border on its right and bottom
	 * edges, dots beyond */
	f.nviews = 1;
	f.active = 0;
	views[0] = (struct render_view){.grid = g[0], .width = 40, .height = 15};
	f.area_w = 40;
	f.area_h = 15;
	render_draw(r, &f);
	for (int y = 0; y < 15; y++)
		CHECK(screen_char(&c, y, 40, NULL) == 0x2502);
	for (int x = 0; x < 40; x++)
		CHECK(screen_char(&c, 15, x, NULL) == 0x2500);
	CHECK(screen_char(&c, 15, 40, NULL) == 0x2518);
	CHECK(screen_char(&c, 5, 41, NULL) == 0xb7 && screen_char(&c, 22, 79, NULL) == 0xb7);
	CHECK(screen_char(&c, 16, 0, NULL) == 0xb7);
	CHECK(screen_char(&c, 23, 1, NULL) == '0'); /* the status line stays */
	views[0].height = 23;
	f.area_w = 80;
	f.area_h = 23;

	/* zoom-like: one view covering the area leaves no border */
	f.nviews = 1;
	f.active = 0;
	views[0].width = 80;
	render_draw(r, &f);
	CHECK(screen_char(&c, 5, 40, NULL) != 0x2502);
	CHECK(screen_char(&c, 11, 60, NULL) != 0x2500);

	render_free(r);
	client_free(&c);
	for (int i = 0; i < 3; i++)
		grid_free(g[i]);
}

/* Bytes and time of a full 200x50 frame of four panes, borders and a styled
 * status line, and of a frame where only the active pane changes. */
static void test_cost_borders(void)
{
	enum { ROWS = 50, COLS = 200, N = 200 };
	size_t bytes = 0, full_bytes, switch_bytes;
	struct tty *t = tty_new("xterm-256color", ROWS, COLS, NULL, discard, on_key, &bytes);
	struct render_view v[4] = {
		{.x = 0, .y = 0, .width = 100, .height = 24},
		{.x = 101, .y = 0, .width = 99, .height = 24},
		{.x = 0, .y = 25, .width = 100, .height = 24},
		{.x = 101, .y = 25, .width = 99, .height = 24},
	};
	struct grid_cell status[COLS];
	struct render_frame f = {.views = v,
				 .nviews = 4,
				 .area_w = COLS,
				 .area_h = ROWS - 1,
				 .status_cells = status,
				 .status_ncells = COLS,
				 .active_border_pen = {.fg = GRID_COLOR_INDEXED(2)}};
	struct render *r;
	double t0, full_ms, switch_ms;
	char line[256];

	for (int i = 0; i < 4; i++) {
		v[i].grid = grid_new(v[i].height, v[i].width, 10, pane_output, NULL);
		for (int y = 0; y < v[i].height; y++) {
			int n = snprintf(
				line, sizeof line,
				"\033[%d;1H\033[3%dmline %d of pane %d\033[m with some text", y + 1,
				y % 8, y, i);
			grid_input(v[i].grid, line, (size_t)n);
		}
	}
	for (int x = 0; x < COLS; x++)
		status[x] = (struct grid_cell){.ch = 'a' + x % 26,
					       .fg = GRID_COLOR_INDEXED(0),
					       .bg = GRID_COLOR_INDEXED(2),
					       .width = 1};
	tty_start(t);
	r = render_new(t);
	bytes = 0;
	t0 = now_ms();
	for (int i = 0; i < N; i++) {
		render_invalidate(r);
		render_draw(r, &f);
	}
	full_ms = (now_ms() - t0) / N;
	full_bytes = bytes / N;
	bytes = 0;
	t0 = now_ms();
	for (int i = 0; i < N; i++) {
		f.active = i % 4;
		render_draw(r, &f);
	}
	switch_ms = (now_ms() - t0) / N;
	switch_bytes = bytes / N;
	printf("render cost 200x50, 4 panes + borders + status: full frame %zu bytes %.3f ms; "
	       "active pane switch %zu bytes %.3f ms\n",
	       full_bytes, full_ms, switch_bytes, switch_ms);
	/* Speed belongs in bench/: the figure is printed, not asserted. */
	CHECK(switch_bytes < 2000);
	render_free(r);
	tty_stop(t);
	tty_free(t);
	for (int i = 0; i < 4; i++)
		grid_free(v[i].grid);
}

/* terminal-features / terminal-overrides entries that give RGB */
static void test_features(void)
{
	CHECK(tty_features_rgb("xterm*:clipboard:ccolour:cstyle:focus:title", "xterm") == 0);
	CHECK(tty_features_rgb("xterm*:clipboard,xterm*:RGB", "xterm-256color"));
	CHECK(tty_features_rgb(",*:Tc", "screen"));
	CHECK(tty_features_rgb("*256col*:RGB:title", "xterm-256color"));
	CHECK(tty_features_rgb("screen*:RGB", "xterm-256color") == 0);
	CHECK(tty_features_rgb("xterm*:RGBX", "xterm") == 0);
	CHECK(tty_features_rgb("RGB", "xterm") == 0);
	CHECK(tty_features_rgb("", "xterm") == 0);
}

int main(void)
{
	test_features();
	test_compose(0, 0); /* a terminal that answers nothing: 256 colours */
	test_compose(1, 0); /* one that answers libtickit's queries */
	test_compose(0, 1); /* COLORTERM=truecolor */
	test_late_answers();
	test_status();
	test_skip_rows();
	test_floating();
	test_spans();
	test_cost();
	test_borders();
	test_cost_borders();
	if (failures)
		fprintf(stderr, "test_render: %d failure(s)\n", failures);
	else
		printf("test_render: ok\n");
	return failures != 0;
}
