/*
 * render: compose one client's screen row by row (views, then the status
 * line), compare each row with a shadow of what the terminal shows, and send
 * the differing cells as runs of one pen: goto, setpen, print.
 *
 * Cells are struct grid_cell, normalised while composing (blank = ' ',
 * concealed text = blanks, a wide character cut by an edge = a blank, a
 * combined cell's ch = a hash of its text) so that "unchanged" is a plain
 * memcmp against the shadow.
 */
#include "util/utf8.h"
#include "render/render.h"

#include <stdlib.h>
#include <string.h>

#include <tickit.h>

#include "render/hyperlinks.h"
#include "util/buf.h"

_Static_assert(sizeof(struct grid_cell) == 16, "grid_cell must have no padding (memcmp)");

/* Unchanged cells a run bridges rather than moving the cursor past them:
 * a cursor move costs about as much as reprinting this many ASCII cells. */
#define RUN_GAP_MAX 6
#define STATUS_FG GRID_COLOR_INDEXED(0) /* tmux's default: black on green */
#define STATUS_BG GRID_COLOR_INDEXED(2)
#define RENDER_ATTRS 0x3ff /* every enum grid_attr bit */

/* One view as the last frame placed it. */
struct view_memo {
	const struct grid *grid;
	uint64_t serial;
	int x, y, width, height;
	grid_color def_fg, def_bg;
	int number;
};

/*
 * The last frame's layout. A frame laid out the same way, with nothing but
 * plain views (no copy mode, held output, overlay or hyperlinks), composes a
 * row exactly as before if its views' rows have the same stamps
 * (grid_row_generation): such a row is skipped.
 */
struct frame_memo {
	int plain; /* the last frame was such a frame and drew every row */
	struct view_memo *views;
	int nviews, views_cap;
	int active, status_row, status_rows, area_x, area_y, area_w, area_h;
	struct grid_cell border_pen, active_border_pen;
	enum render_lines border_lines;
	enum render_indicators border_indicators;
	int border_status;
	struct render_label *labels; /* copies, their cells in label_cells */
	int nlabels;
	struct grid_cell *label_cells;
	char *status; /* its text, or NULL */
	struct grid_cell *status_cells;
	int status_ncells;
	int status_cell_rows; /* rows of status_cells */
};

struct render {
	struct tty *tty;
	TickitTerm *tt;
	int rows, cols;
	struct grid_cell *shadow; /* what the terminal shows, rows * cols */
	int valid;		  /* 0: clear the terminal and redraw everything */
	struct grid_cell *line;	  /* the row being composed */
	char (*comb)[32];	  /* text of its combined cells, by column */
	struct buf text;	  /* a run's UTF-8 */
	uint8_t *cover;		  /* per cell: 1 if a view covers it (borders) */
	size_t cover_size;
	int cover_ready; /* cover is this frame's (made for the first border row) */
	int status_row;	 /* the first of this frame, -1 for none */
	int status_rows; /* how many */

	TickitPen *pen;
	TickitPen *pen_reset;
	int pen_known; /* the terminal's pen is pen_fg/bg/attr */
	grid_color pen_fg, pen_bg;
	uint16_t pen_attr;
	int term_dim; /* SGR 2 is on (libtickit has no dim attribute) */

	int cur_row, cur_col; /* where the terminal's cursor is, -1 if unknown */

	int fresh; /* this frame redraws everything (views are not held) */
	/* OSC 8 hyperlinks, for terminals that have them (render_set_hyperlinks) */
	struct hyperlinks *links; /* NULL: not sent */
	unsigned link_open;	  /* the link the terminal's pen has */
	int ctl_colon;		  /* "xterm.cap_csi_sub_colon" */
	int truecolor;		  /* for this frame */
	int colon;		  /* for this frame: SGR sub-parameters with ':' work */

	struct frame_memo memo; /* what the last frame drew, to skip unchanged rows */
	uint64_t *row_stamp;	/* per row: its views' row stamps when it was drawn */
	int rows_composed;	/* by the last frame */
	int cells_composed;	/* of views, by the last frame */
};

static const struct grid_cell blank_cell = {.ch = ' ', .width = 1};

static int cell_eq(const struct grid_cell *a, const struct grid_cell *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

static int cell_is_cont(const struct grid_cell *c)
{
	return c->ch == GRID_CH_WIDE_CONT && !(c->flags & GRID_CELL_COMBINED);
}

static int same_pen(const struct grid_cell *a, const struct grid_cell *b)
{
	return a->fg == b->fg && a->bg == b->bg && a->attr == b->attr;
}

/* ---- lifetime ---- */

struct render *render_new(struct tty *t)
{
	struct render *r = xcalloc(1, sizeof *r);

	r->tty = t;
	r->tt = tty_term(t);
	r->pen = tickit_pen_new();
	r->pen_reset = tty_pen_new_reset();
	if (r->pen == NULL || r->pen_reset == NULL) {
		render_free(r);
		return NULL;
	}
	buf_init(&r->text);
	r->ctl_colon = tickit_termctl_lookup("xterm.cap_csi_sub_colon");
	r->cur_row = r->cur_col = -1;
	return r;
}

void render_free(struct render *r)
{
	if (r == NULL)
		return;
	if (r->pen != NULL)
		tickit_pen_unref(r->pen);
	if (r->pen_reset != NULL)
		tickit_pen_unref(r->pen_reset);
	buf_free(&r->text);
	hyperlinks_free(r->links);
	free(r->memo.views);
	free(r->memo.status);
	free(r->memo.status_cells);
	free(r->memo.labels);
	free(r->memo.label_cells);
	free(r->row_stamp);
	free(r->shadow);
	free(r->line);
	free(r->comb);
	free(r->cover);
	free(r);
}

void render_invalidate(struct render *r)
{
	r->valid = 0;
}

static void render_resize(struct render *r, int rows, int cols)
{
	size_t n = (size_t)rows * (size_t)cols;

	free(r->shadow);
	free(r->line);
	free(r->comb);
	free(r->row_stamp);
	r->row_stamp = xcalloc((size_t)rows, sizeof *r->row_stamp);
	r->shadow = xmalloc(n * sizeof *r->shadow);
	r->line = xmalloc((size_t)cols * sizeof *r->line);
	r->comb = xmalloc((size_t)cols * sizeof *r->comb);
	r->rows = rows;
	r->cols = cols;
	r->valid = 0;
}

/* DECSCUSR's parameter for a pane's cursor (1-6), or 0 for libvterm's
 * default, a blinking block: the terminal's own cursor then, which tmux
 * also leaves alone for a pane that never chose one. */
static int cursor_style(const struct grid *g)
{
	int shape = grid_cursor_shape(g), blink = grid_cursor_blink(g) != 0;

	if (shape == VTERM_PROP_CURSORSHAPE_BLOCK && blink)
		return 0;
	return shape * 2 - blink;
}

/* ---- pen ---- */

/* The xterm 256-colour palette entry nearest to an RGB colour: the closer of
 * the 6x6x6 cube and the grey ramp (plain squared distance). */
static int colour_nearest_256(uint32_t rgb)
{
	static const int cube[6] = {0, 95, 135, 175, 215, 255};
	int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
	int ci[3], cv[3], grey, gi, gv, dc, dg;
	int c[3] = {r, g, b};

	for (int i = 0; i < 3; i++) {
		ci[i] = c[i] < 48 ? 0 : c[i] < 115 ? 1 : (c[i] - 35) / 40;
		cv[i] = cube[ci[i]];
	}
	grey = (r + g + b) / 3;
	gi = grey > 238 ? 23 : grey < 8 ? 0 : (grey - 3) / 10;
	gv = 8 + 10 * gi;
	dc = (cv[0] - r) * (cv[0] - r) + (cv[1] - g) * (cv[1] - g) + (cv[2] - b) * (cv[2] - b);
	dg = (gv - r) * (gv - r) + (gv - g) * (gv - g) + (gv - b) * (gv - b);
	if (dg < dc)
		return 232 + gi;
	return 16 + 36 * ci[0] + 6 * ci[1] + ci[2];
}

static void pen_colour(struct render *r, TickitPenAttr attr, grid_color c)
{
	uint32_t v = GRID_COLOR_VALUE(c);

	switch (GRID_COLOR_TYPE(c)) {
	case 1:
		tickit_pen_set_colour_attr(r->pen, attr, (int)(v & 0xff));
		break;
	case 2:
		/* the index is the fallback libtickit uses where RGB is not sent */
		tickit_pen_set_colour_attr(r->pen, attr, colour_nearest_256(v));
		if (r->truecolor)
			tickit_pen_set_colour_attr_rgb8(r->pen, attr,
							(TickitPenRGB8){.r = (uint8_t)(v >> 16),
									.g = (uint8_t)(v >> 8),
									.b = (uint8_t)v});
		break;
	default:
		tickit_pen_set_colour_attr(r->pen, attr, -1);
		break;
	}
}

static int pen_underline(const struct render *r, uint16_t attr)
{
	/* without ':' libtickit writes "4;3", which terminals read as
	 * underline + italic: only a plain underline is safe then */
	if (attr & GRID_ATTR_UNDERCURL)
		return r->colon ? TICKIT_PEN_UNDER_WAVY : TICKIT_PEN_UNDER_SINGLE;
	if (attr & GRID_ATTR_UNDERLINE2)
		return r->colon ? TICKIT_PEN_UNDER_DOUBLE : TICKIT_PEN_UNDER_SINGLE;
	if (attr & GRID_ATTR_UNDERLINE)
		return TICKIT_PEN_UNDER_SINGLE;
	return TICKIT_PEN_UNDER_NONE;
}

/* Does the pen last set differ from the terminal default (dim aside)? */
static int pen_nondefault(const struct render *r)
{
	return r->pen_fg != GRID_COLOR_DEFAULT || r->pen_bg != GRID_COLOR_DEFAULT ||
	       (r->pen_attr & ~GRID_ATTR_DIM) != 0;
}

/*
 * Set the terminal's pen for a cell. Dim is not a libtickit attribute, so it
 * goes out as raw SGR 2 after libtickit's own SGR (which may have reset it:
 * SGR 0, or SGR 22 for bold off) and is taken off with libtickit's reset or,
 * if libtickit thinks the pen is already default, a raw SGR 22.
 */
static void render_pen(struct render *r, const struct grid_cell *c)
{
	int dim = (c->attr & GRID_ATTR_DIM) != 0;

	if (r->pen_known && c->fg == r->pen_fg && c->bg == r->pen_bg &&
	    (c->attr & RENDER_ATTRS) == r->pen_attr)
		return;
	if (r->term_dim && !dim) {
		if (r->pen_known && pen_nondefault(r))
			tickit_term_setpen(r->tt, r->pen_reset);
		else
			tickit_term_print(r->tt, "\033[22m");
		r->term_dim = 0;
	}
	pen_colour(r, TICKIT_PEN_FG, c->fg);
	pen_colour(r, TICKIT_PEN_BG, c->bg);
	tickit_pen_set_bool_attr(r->pen, TICKIT_PEN_BOLD, c->attr & GRID_ATTR_BOLD);
	tickit_pen_set_int_attr(r->pen, TICKIT_PEN_UNDER, pen_underline(r, c->attr));
	tickit_pen_set_bool_attr(r->pen, TICKIT_PEN_ITALIC, c->attr & GRID_ATTR_ITALIC);
	tickit_pen_set_bool_attr(r->pen, TICKIT_PEN_BLINK, c->attr & GRID_ATTR_BLINK);
	tickit_pen_set_bool_attr(r->pen, TICKIT_PEN_REVERSE, c->attr & GRID_ATTR_REVERSE);
	tickit_pen_set_bool_attr(r->pen, TICKIT_PEN_STRIKE, c->attr & GRID_ATTR_STRIKE);
	tickit_term_setpen(r->tt, r->pen);
	if (dim) {
		tickit_term_print(r->tt, "\033[2m");
		r->term_dim = 1;
	}
	r->pen_known = 1;
	r->pen_fg = c->fg;
	r->pen_bg = c->bg;
	r->pen_attr = c->attr & RENDER_ATTRS;
}

/* Default pen, in libtickit's model and on the terminal alike. */
static void render_pen_reset(struct render *r)
{
	tickit_term_setpen(r->tt, r->pen_reset);
	tickit_term_print(r->tt, "\033[m");
	r->pen_known = 1;
	r->pen_fg = r->pen_bg = GRID_COLOR_DEFAULT;
	r->pen_attr = 0;
	r->term_dim = 0;
}

/* ---- composing ---- */

static uint32_t text_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void put_cell(struct render *r, int x, const struct grid *g, const struct grid_cell *c)
{
	struct grid_cell *d = &r->line[x];
	size_t len;

	*d = *c;
	d->attr &= RENDER_ATTRS;
	if (r->links != NULL && (c->attr & GRID_ATTR_LINK))
		d->attr |= (uint16_t)(hyperlinks_id(r->links, g, GRID_CELL_LINK(c))
				      << GRID_LINK_SHIFT);
	if (c->flags & GRID_CELL_COMBINED) {
		len = grid_cell_utf8(g, c, r->comb[x]);
		d->flags = GRID_CELL_COMBINED;
		d->ch = text_hash(r->comb[x], len);
		d->width = c->width == 2 ? 2 : 1;
		if (len == 0)
			*d = (struct grid_cell){.ch = ' ', .fg = c->fg, .bg = c->bg, .width = 1};
	} else if (c->ch == GRID_CH_WIDE_CONT) {
		d->flags = 0;
		d->width = 0;
	} else {
		d->flags = 0;
		d->width = c->width == 2 ? 2 : 1;
		if (c->ch < 0x20 || (c->ch >= 0x7f && c->ch < 0xa0))
			d->ch = ' ';
	}
	if (d->attr & GRID_ATTR_CONCEAL) {
		/* hidden text: blanks in its colours, as the terminal would show */
		d->ch = ' ';
		d->flags = 0;
		d->width = 1;
		d->attr &= ~GRID_ATTR_CONCEAL;
	}
}

/* Copy mode: is cell x of grid row y selected? */
static int in_selection(const struct render_view *v, int y, int x)
{
	int lo = v->sel_sx < v->sel_ex ? v->sel_sx : v->sel_ex;
	int hi = v->sel_sx < v->sel_ex ? v->sel_ex : v->sel_sx;

	if (!v->sel || y < v->sel_sy || y > v->sel_ey)
		return 0;
	if (v->sel_rect)
		return x >= lo && x <= hi;
	return !(y == v->sel_sy && x < v->sel_sx) && !(y == v->sel_ey && x > v->sel_ex);
}

static void pen_cell(struct grid_cell *d, const struct grid_cell *pen)
{
	d->fg = pen->fg;
	d->bg = pen->bg;
	d->attr = pen->attr & RENDER_ATTRS;
}

static void mode_cell(struct grid_cell *d, const struct render_view *v)
{
	pen_cell(d, &v->mode_pen);
}

/* Copy mode: the mark's or a search match's pen on cell x of view row gy. */
static void mark_cell(struct grid_cell *d, const struct render_view *v, int gy, int x)
{
	uint8_t m = v->marks[(size_t)gy * (size_t)v->width + (size_t)x];

	if (m != 0)
		pen_cell(d, m == 3 ? &v->current_pen : m == 2 ? &v->match_pen : &v->mark_pen);
}

/* Copy mode's position indicator on the view's top row, over the text. */
static void compose_indicator(struct render *r, const struct render_view *v, int x1)
{
	size_t len = strlen(v->indicator);
	int x = x1 - (int)len;

	for (size_t i = 0; i < len; i++, x++) {
		if (x < 0 || x < v->x)
			continue;
		r->line[x] = (struct grid_cell){.ch = (unsigned char)v->indicator[i], .width = 1};
		mode_cell(&r->line[x], v);
	}
	/* a wide character cut in half by the indicator's left edge */
	x = x1 - (int)len;
	if (x > 0 && x > v->x && r->line[x - 1].width == 2)
		r->line[x - 1] = blank_cell;
}

/* The columns of the client's screen view v shows: [*x0, *x1). */
static void view_columns(const struct render *r, const struct render_view *v, int *x0, int *x1)
{
	int gcols = grid_cols(v->grid);

	*x0 = v->x < 0 ? 0 : v->x;
	*x1 = v->x + (v->width < gcols ? v->width : gcols);
	if (*x1 > r->cols)
		*x1 = r->cols;
}

/* pane-colours: a palette index the pane gives a colour of its own. */
static grid_color palette_colour(const int32_t *palette, grid_color c)
{
	int32_t rgb;

	if (GRID_COLOR_TYPE(c) != 1 || (rgb = palette[GRID_COLOR_VALUE(c) & 0xff]) < 0)
		return c;
	return GRID_COLOR_RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
}

/* window-style: cells of the default colours in [x0, x1) take the view's;
 * then the pane's palette (pane-colours, OSC 4) gives indexes its colours,
 * those of window-style too, as in tmux. */
static void view_defaults(struct render *r, const struct render_view *v, int x0, int x1)
{
	for (int x = x0;
	     x < x1 && (v->def_fg != GRID_COLOR_DEFAULT || v->def_bg != GRID_COLOR_DEFAULT); x++) {
		if (r->line[x].fg == GRID_COLOR_DEFAULT)
			r->line[x].fg = v->def_fg;
		if (r->line[x].bg == GRID_COLOR_DEFAULT)
			r->line[x].bg = v->def_bg;
	}
	for (int x = x0; x < x1 && v->palette != NULL; x++) {
		r->line[x].fg = palette_colour(v->palette, r->line[x].fg);
		r->line[x].bg = palette_colour(v->palette, r->line[x].bg);
	}
}

static void compose_view(struct render *r, int y, const struct render_view *v)
{
	int gy = y - v->y, x0, x1;
	const struct grid_cell *src;

	if (v->grid == NULL || gy < 0 || gy >= v->height || gy >= grid_rows(v->grid))
		return;
	view_columns(r, v, &x0, &x1);
	if (x0 >= x1)
		return;
	if (v->hold && !r->fresh) {
		memcpy(&r->line[x0], &r->shadow[(size_t)y * (size_t)r->cols + (size_t)x0],
		       (size_t)(x1 - x0) * sizeof *r->line);
		return;
	}
	src = grid_line(v->grid, gy - v->offset);
	if (src == NULL)
		return;
	r->cells_composed += x1 - x0;
	for (int x = x0; x < x1; x++) {
		put_cell(r, x, v->grid, &src[x - v->x]);
		if (v->marks != NULL && x - v->x < v->width)
			mark_cell(&r->line[x], v, gy, x - v->x);
		if (v->copy && in_selection(v, gy - v->offset, x - v->x))
			mode_cell(&r->line[x], v);
	}
	if (v->copy && gy == 0 && v->indicator != NULL)
		compose_indicator(r, v, x1);
	view_defaults(r, v, x0, x1);
}

static int char_width(uint32_t cp)
{
	char tmp[8];
	size_t len = tickit_utf8_put(tmp, sizeof tmp - 1, (long)cp);

	tmp[len] = '\0';
	return tickit_utf8_mbswidth(tmp);
}

/* The status line: its text in black on green, cut or padded to the width.
 * Control and zero-width characters are left out. */
static void compose_status(struct render *r, const char *s)
{
	struct grid_cell c = {.fg = STATUS_FG, .bg = STATUS_BG, .width = 1};
	uint32_t cp;
	int x = 0, w;

	while (*s != '\0' && x < r->cols) {
		s += utf8_next(s, &cp);
		w = cp < 0x20 || cp == 0x7f ? 0 : char_width(cp);
		if (w < 1)
			continue;
		if (x + w > r->cols)
			break;
		c.ch = cp;
		c.width = (uint8_t)w;
		r->line[x++] = c;
		if (w == 2) {
			r->line[x] = c;
			r->line[x].ch = GRID_CH_WIDE_CONT;
			r->line[x++].width = 0;
		}
	}
	c.ch = ' ';
	c.width = 1;
	while (x < r->cols)
		r->line[x++] = c;
}

static int is_status(const struct render *r, int y)
{
	return r->status_row >= 0 && y >= r->status_row && y < r->status_row + r->status_rows;
}

static int status_count(const struct render_frame *f)
{
	return f->status_lines > 0 ? f->status_lines : 1;
}

/* Cells in a frame's status lines. */
static size_t status_size(const struct render_frame *f)
{
	return (size_t)status_count(f) * (size_t)f->status_ncells;
}

/* A styled status line: the builder's cells, normalised like a pane's. */
static void compose_status_cells(struct render *r, const struct grid_cell *cells, int n)
{
	struct grid_cell *d;

	for (int x = 0; x < n && x < r->cols; x++) {
		d = &r->line[x];
		*d = cells[x];
		d->attr &= RENDER_ATTRS;
		d->flags = 0;
		if (d->ch == GRID_CH_WIDE_CONT) {
			d->width = 0;
			continue;
		}
		d->width = d->width == 2 ? 2 : 1;
		if (d->ch < 0x20 || (d->ch >= 0x7f && d->ch < 0xa0) ||
		    (d->attr & GRID_ATTR_CONCEAL))
			d->ch = ' ', d->width = 1;
		d->attr &= ~GRID_ATTR_CONCEAL;
	}
}

/* ---- borders ---- */

/* Border characters of each pane-border-lines type by which neighbours
 * are border cells too: bit 0 up, 1 down, 2 left, 3 right. */
static const uint32_t border_chars[4][16] = {
	{
		0x2500, 0x2502, 0x2502, 0x2502, /* -, up, down, up+down: │ */
		0x2500, 0x2518, 0x2510, 0x2524, /* left: ─ ┘ ┐ ┤ */
		0x2500, 0x2514, 0x250c, 0x251c, /* right: ─ └ ┌ ├ */
		0x2500, 0x2534, 0x252c, 0x253c, /* left+right: ─ ┴ ┬ ┼ */
	},
	{
		0x2550, 0x2551, 0x2551, 0x2551, /* ═ ║ */
		0x2550, 0x255d, 0x2557, 0x2563, /* ═ ╝ ╗ ╣ */
		0x2550, 0x255a, 0x2554, 0x2560, /* ═ ╚ ╔ ╠ */
		0x2550, 0x2569, 0x2566, 0x256c, /* ═ ╩ ╦ ╬ */
	},
	{
		0x2501, 0x2503, 0x2503, 0x2503, /* ━ ┃ */
		0x2501, 0x251b, 0x2513, 0x252b, /* ━ ┛ ┓ ┫ */
		0x2501, 0x2517, 0x250f, 0x2523, /* ━ ┗ ┏ ┣ */
		0x2501, 0x253b, 0x2533, 0x254b, /* ━ ┻ ┳ ╋ */
	},
	{
		'-',
		'|',
		'|',
		'|',
		'-',
		'+',
		'+',
		'+',
		'-',
		'+',
		'+',
		'+',
		'-',
		'+',
		'+',
		'+',
	},
};

/* The window's area and, as tmux draws it when the client is bigger than
 * the window, the line just right of and below it. */
static int in_area(const struct render_frame *f, int y, int x)
{
	return x >= f->area_x && x <= f->area_x + f->area_w && y >= f->area_y &&
	       y <= f->area_y + f->area_h;
}

/* A border cell: in the window's area, on the screen and not the status
 * row, and covered by no view. */
static int is_border(const struct render *r, const struct render_frame *f, int y, int x)
{
	if (!in_area(f, y, x) || y < 0 || y >= r->rows || x < 0 || x >= r->cols || is_status(r, y))
		return 0;
	return !r->cover[(size_t)y * (size_t)r->cols + (size_t)x];
}

/* Mark the cells the views cover, once in a frame that composes borders. */
static void borders_prepare(struct render *r, const struct render_frame *f)
{
	size_t n = (size_t)r->rows * (size_t)r->cols;

	r->cover_ready = 1;
	if (r->cover_size < n) {
		free(r->cover);
		r->cover = xmalloc(n);
		r->cover_size = n;
	}
	memset(r->cover, 0, n);
	for (int i = 0; i < f->nviews; i++) {
		const struct render_view *v = &f->views[i];
		int x0 = v->x < 0 ? 0 : v->x, x1 = v->x + v->width;

		if (x1 > r->cols)
			x1 = r->cols;
		for (int y = v->y < 0 ? 0 : v->y; y < v->y + v->height && y < r->rows && x0 < x1;
		     y++)
			memset(r->cover + (size_t)y * (size_t)r->cols + (size_t)x0, 1,
			       (size_t)(x1 - x0));
	}
}

/* Two views split by one border, a beside b (dir 0) or a above b (dir 1). */
static int two_split(const struct render_view *a, const struct render_view *b, int dir)
{
	if (dir == 0)
		return a->y == b->y && a->height == b->height && a->x + a->width + 1 == b->x;
	return a->x == b->x && a->width == b->width && a->y + a->height + 1 == b->y;
}

/*
 * tmux's rule: a border cell belongs to a pane when it lies on the ring of
 * cells around it. With border status lines, the row of the pane's own line
 * is its, and the other row (corners too) the neighbour's. With exactly two panes (and the
 * indicators colouring) the shared border would be all the active pane's,
 * so tmux gives each pane half of it: the left (top) pane the upper (left)
 * half, the other pane the rest.
 */
static int on_ring(const struct render_frame *f, int i, int y, int x, int halves)
{
	const struct render_view *v = &f->views[i], *o;

	/* the line round a window smaller than the client is no pane's */
	if (x >= f->area_x + f->area_w || y >= f->area_y + f->area_h)
		return 0;
	if (x < v->x - 1 || x > v->x + v->width || y < v->y - 1 || y > v->y + v->height)
		return 0;
	if ((f->border_status == 1 && y == v->y + v->height) ||
	    (f->border_status == 2 && y == v->y - 1))
		return 0;
	if (!halves || f->nviews != 2 || f->border_status != 0 ||
	    (f->border_indicators != RENDER_IND_COLOUR && f->border_indicators != RENDER_IND_BOTH))
		return 1;
	o = &f->views[1 - i];
	if (two_split(v, o, 0))
		return y - v->y <= v->height / 2;
	if (two_split(o, v, 0))
		return y - v->y > v->height / 2;
	if (two_split(v, o, 1))
		return x - v->x <= v->width / 2;
	if (two_split(o, v, 1))
		return x - v->x > v->width / 2;
	return 1;
}

static int border_active(const struct render_frame *f, int y, int x)
{
	return f->active >= 0 && f->active < f->nviews && on_ring(f, f->active, y, x, 1);
}

/* pane-border-lines number: the number of the pane the cell belongs to,
 * looking from the active pane on in pane order, as tmux does. */
static uint32_t border_number(const struct render_frame *f, int y, int x)
{
	int start = f->active >= 0 && f->active < f->nviews ? f->active : 0;

	for (int k = 0; k < f->nviews; k++) {
		int i = (start + k) % f->nviews;

		if (on_ring(f, i, y, x, 1))
			return (uint32_t)('0' + f->views[i].number % 10);
	}
	return '*';
}

/* pane-border-indicators arrows: the cell next to the active pane's
 * corner on each side points at it; 0 for none. */
static uint32_t border_arrow(const struct render_frame *f, int y, int x)
{
	const struct render_view *v;

	if ((f->border_indicators != RENDER_IND_ARROWS &&
	     f->border_indicators != RENDER_IND_BOTH) ||
	    f->active < 0 || f->active >= f->nviews)
		return 0;
	v = &f->views[f->active];
	if (!on_ring(f, f->active, y, x, 1))
		return 0;
	if (x == v->x + 1 && y == v->y - 1)
		return 0x2193; /* ↓ */
	if (x == v->x + 1 && y == v->y + v->height)
		return 0x2191; /* ↑ */
	if (y == v->y + 1 && x == v->x - 1)
		return 0x2192; /* → */
	if (y == v->y + 1 && x == v->x + v->width)
		return 0x2190; /* ← */
	return 0;
}

static uint32_t border_char(const struct render *r, const struct render_frame *f, int y, int x)
{
	int mask = is_border(r, f, y - 1, x) | is_border(r, f, y + 1, x) << 1 |
		   is_border(r, f, y, x - 1) << 2 | is_border(r, f, y, x + 1) << 3;
	int type = f->border_lines >= RENDER_LINES_SINGLE && f->border_lines <= RENDER_LINES_SIMPLE
			   ? (int)f->border_lines
			   : 0;
	uint32_t arrow = border_arrow(f, y, x);

	if (arrow != 0)
		return arrow;
	if (f->border_lines == RENDER_LINES_NUMBER)
		return border_number(f, y, x);
	/* an isolated cell: a piece of vertical line between views side by side */
	if (mask == 0 &&
	    ((x > 0 && r->cover[(size_t)y * (size_t)r->cols + (size_t)x - 1]) ||
	     (x + 1 < r->cols && r->cover[(size_t)y * (size_t)r->cols + (size_t)x + 1])))
		mask = 3;
	return border_chars[type][mask];
}

static void put_border(struct render *r, int x, uint32_t ch, const struct grid_cell *pen)
{
	struct grid_cell *d = &r->line[x];

	*d = (struct grid_cell){.ch = ch,
				.fg = pen->fg,
				.bg = pen->bg,
				.attr = pen->attr & RENDER_ATTRS,
				.width = 1};
	if (d->attr & GRID_ATTR_CONCEAL)
		d->ch = ' ', d->attr &= ~GRID_ATTR_CONCEAL;
}

/* Border cells of row y; the client's screen beyond the window (a smaller
 * window shared with a bigger client) is filled with dots, as in tmux. */
static void compose_borders(struct render *r, int y, const struct render_frame *f)
{
	const uint8_t *cover;

	if (f->area_w <= 0 || f->area_h <= 0 || y < f->area_y || is_status(r, y))
		return;
	if (!r->cover_ready)
		borders_prepare(r, f);
	cover = r->cover + (size_t)y * (size_t)r->cols;
	for (int x = f->area_x < 0 ? 0 : f->area_x; x < r->cols; x++) {
		if (cover[x] && in_area(f, y, x))
			continue; /* under a view: most cells, skipped cheaply */
		if (!in_area(f, y, x))
			put_border(r, x, f->fill_ch != 0 ? f->fill_ch : 0xb7, &f->border_pen);
		else if (is_border(r, f, y, x))
			put_border(r, x, border_char(r, f, y, x),
				   border_active(f, y, x) ? &f->active_border_pen : &f->border_pen);
	}
}

/* The labels on row y (border status lines), over the borders, inside the
 * window's area only. */
static void compose_labels(struct render *r, int y, const struct render_frame *f)
{
	int lo = f->area_x < 0 ? 0 : f->area_x, hi = f->area_x + f->area_w;

	if (hi > r->cols)
		hi = r->cols;
	if (y == r->status_row || y < f->area_y || y >= f->area_y + f->area_h)
		return;
	for (int i = 0; i < f->nlabels; i++) {
		const struct render_label *l = &f->labels[i];

		if (l->y != y)
			continue;
		for (int k = 0; k < l->ncells; k++) {
			int x = l->x + k;
			struct grid_cell *d;

			if (x < lo || x >= hi || l->cells[k].ch == 0)
				continue;
			d = &r->line[x];
			*d = l->cells[k];
			d->attr &= RENDER_ATTRS & ~GRID_ATTR_CONCEAL;
			d->flags = 0;
			if (d->ch == GRID_CH_WIDE_CONT) {
				d->width = 0;
				continue;
			}
			d->width = d->width == 2 ? 2 : 1;
			if (d->ch < 0x20 || (d->ch >= 0x7f && d->ch < 0xa0))
				d->ch = ' ', d->width = 1;
		}
	}
}

/* Overlapping views may have split a wide character: blank its halves
 * (in columns [a, b) of the row). */
static void fix_wide_pairs(struct render *r, int a, int b)
{
	struct grid_cell *l = r->line;

	for (int x = a; x < b; x++) {
		if (l[x].width == 2 && (x + 1 >= r->cols || !cell_is_cont(&l[x + 1])))
			l[x].ch = ' ', l[x].width = 1, l[x].flags = 0;
		else if (cell_is_cont(&l[x]) && (x == 0 || l[x - 1].width != 2))
			l[x].ch = ' ', l[x].width = 1;
	}
}

/* The overlay's opaque cells of row y, normalised like a status cell. */
static void compose_overlay(struct render *r, int y, const struct render_frame *f,
			    const struct grid_cell *cells)
{
	const struct grid_cell *row;

	if (cells == NULL || y >= f->overlay_rows)
		return;
	row = cells + (size_t)y * (size_t)f->overlay_cols;
	for (int x = 0; x < f->overlay_cols && x < r->cols; x++) {
		if (row[x].ch == 0)
			continue;
		r->line[x] = row[x];
		r->line[x].attr &= RENDER_ATTRS & ~GRID_ATTR_CONCEAL;
		r->line[x].flags = 0;
		if (r->line[x].ch == GRID_CH_WIDE_CONT) {
			r->line[x].width = 0;
			continue;
		}
		r->line[x].width = row[x].width == 2 ? 2 : 1;
		if (r->line[x].ch < 0x20 || (r->line[x].ch >= 0x7f && r->line[x].ch < 0xa0))
			r->line[x].ch = ' ', r->line[x].width = 1;
	}
}

/* The popup's screen on row y, in its default colours. */
static void compose_floating(struct render *r, int y, const struct render_frame *f)
{
	const struct render_view *v = f->floating;
	int x0, x1;

	if (v == NULL || v->grid == NULL || y < v->y || y >= v->y + v->height)
		return;
	compose_view(r, y, v);
	view_columns(r, v, &x0, &x1);
	for (int x = x0; x < x1; x++) {
		if (r->line[x].fg == GRID_COLOR_DEFAULT)
			r->line[x].fg = f->floating_pen.fg;
		if (r->line[x].bg == GRID_COLOR_DEFAULT)
			r->line[x].bg = f->floating_pen.bg;
	}
}

static void compose_row(struct render *r, int y, const struct render_frame *f)
{
	for (int x = 0; x < r->cols; x++)
		r->line[x] = blank_cell;
	if (is_status(r, y)) {
		if (f->status_cells != NULL)
			compose_status_cells(r,
					     f->status_cells + (size_t)(y - r->status_row) *
								       (size_t)f->status_ncells,
					     f->status_ncells);
		else
			compose_status(r, f->status);
	} else {
		for (int i = 0; i < f->nviews; i++)
			compose_view(r, y, &f->views[i]);
		compose_borders(r, y, f);
		compose_labels(r, y, f);
	}
	compose_overlay(r, y, f, f->overlay);
	compose_floating(r, y, f);
	compose_overlay(r, y, f, f->overlay_top);
	fix_wide_pairs(r, 0, r->cols);
}

/* The one view on row y, or NULL if none or several are. */
static const struct render_view *row_view(const struct render_frame *f, int y)
{
	const struct render_view *one = NULL;

	for (int i = 0; i < f->nviews; i++) {
		const struct render_view *v = &f->views[i];

		if (y < v->y || y >= v->y + v->height)
			continue;
		if (one != NULL)
			return NULL;
		one = v;
	}
	return one;
}

/*
 * Row y of a frame laid out as the last, when its one view's grid row has
 * changed only in some columns since the row was drawn: the rest is as the
 * shadow has it. Two cells more on each side are composed again, for the
 * halves of wide characters and the unchanged cells a run may print (a
 * combined cell's text is kept by column); those are columns [*a, *b), and
 * only they (and one each side, to read) are in r->line. Returns 0 if it
 * cannot be done.
 */
static int compose_span(struct render *r, int y, const struct render_frame *f, int *a, int *b)
{
	const struct render_view *v = row_view(f, y);
	const struct grid_cell *src;
	int gy, x0, x1, lo, hi;

	if (v == NULL || v->grid == NULL || v->offset != 0)
		return 0;
	gy = y - v->y;
	if (gy >= grid_rows(v->grid) || !grid_row_span(v->grid, gy, r->row_stamp[y], &x0, &x1) ||
	    (src = grid_line(v->grid, gy)) == NULL)
		return 0;
	view_columns(r, v, &lo, &hi);
	x0 = v->x + x0 - 2 < lo ? lo : v->x + x0 - 2;
	x1 = v->x + x1 + 2 > hi ? hi : v->x + x1 + 2;
	if (x0 >= x1)
		x0 = x1 = lo; /* (nothing of it shows) */
	lo = x0 > 0 ? x0 - 1 : 0;
	hi = x1 < r->cols ? x1 + 1 : r->cols;
	memcpy(&r->line[lo], &r->shadow[(size_t)y * (size_t)r->cols + (size_t)lo],
	       (size_t)(hi - lo) * sizeof *r->line);
	for (int x = x0; x < x1; x++)
		put_cell(r, x, v->grid, &src[x - v->x]);
	view_defaults(r, v, x0, x1);
	r->cells_composed += x1 - x0;
	fix_wide_pairs(r, x0, x1);
	*a = x0;
	*b = x1;
	return 1;
}

/* ---- drawing ---- */

/*
 * Where libvterm (the pane's truth) and the client's terminal could disagree
 * on a character's width, the cursor is moved explicitly after it. Trusted:
 * narrow characters below U+1100 and box drawing/blocks, and the wide
 * ideographs, kana, hangul and fullwidth forms every width table agrees on.
 * Emoji, symbols, ambiguous-width and combined characters are not.
 */
static int width_trusted(const struct grid_cell *c)
{
	uint32_t cp = c->ch;

	if (c->flags & GRID_CELL_COMBINED)
		return 0;
	if (c->width == 1)
		return cp < 0x1100 || (cp >= 0x2500 && cp <= 0x259f);
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
	       (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	       (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

static void render_goto(struct render *r, int y, int x)
{
	if (r->cur_row == y && r->cur_col == x)
		return;
	/* same row: the shorter column-only move */
	tickit_term_goto(r->tt, r->cur_row == y ? -1 : y, x);
	r->cur_row = y;
	r->cur_col = x;
}

/* A cell whose text starts with a combining mark (one that had nothing to
 * join) gets a space under it: printed bare, the terminal would put the mark
 * on the character before. */
static void text_add_cell(struct render *r, int x)
{
	const struct grid_cell *c = &r->line[x];
	const char *text = r->comb[x];
	char tmp[8];
	size_t len;
	uint32_t first = c->ch;

	if (c->flags & GRID_CELL_COMBINED) {
		len = strlen(text);
		utf8_next(text, &first);
	} else {
		len = tickit_utf8_put(tmp, sizeof tmp, (long)c->ch);
		text = tmp;
	}
	if (first >= 0x300 && char_width(first) == 0)
		buf_add(&r->text, " ", 1);
	buf_add(&r->text, text, len);
}

static void text_flush(struct render *r)
{
	if (r->text.len > 0)
		tickit_term_printn(r->tt, r->text.data, r->text.len);
	r->text.len = 0;
}

/* The hyperlink of the text printed next (OSC 8; 0 ends it). */
static void render_link(struct render *r, unsigned id)
{
	const char *text;

	if (id == r->link_open)
		return;
	text = r->links != NULL ? hyperlinks_text(r->links, id) : NULL;
	tickit_term_print(r->tt, "\033]8;");
	tickit_term_print(r->tt, text != NULL ? text : ";");
	tickit_term_print(r->tt, "\033\\");
	r->link_open = text != NULL ? id : 0;
}

void render_set_hyperlinks(struct render *r, int on)
{
	if (on == (r->links != NULL))
		return;
	if (on) {
		r->links = hyperlinks_new();
	} else {
		hyperlinks_free(r->links);
		r->links = NULL;
	}
	r->valid = 0;
}

/* Print cells a..b-1 of row y, all of one pen. */
static void draw_run(struct render *r, int y, int a, int b)
{
	const struct grid_cell *c;

	render_goto(r, y, a);
	render_pen(r, &r->line[a]);
	render_link(r, GRID_CELL_LINK(&r->line[a]));
	r->text.len = 0;
	for (int x = a; x < b; x++) {
		c = &r->line[x];
		if (cell_is_cont(c))
			continue;
		text_add_cell(r, x);
		if (!width_trusted(c)) {
			text_flush(r);
			r->cur_row = r->cur_col = -1;
			if (x + c->width < b)
				render_goto(r, y, x + c->width);
		}
	}
	text_flush(r);
	if (r->cur_row == y)
		r->cur_col = b;
	/* at the right margin the terminal's cursor waits to wrap: do not rely on it */
	if (b >= r->cols)
		r->cur_row = r->cur_col = -1;
}

/* Where a run starting with changed cell a ends: the pen changes, column
 * limit is reached, or more than RUN_GAP_MAX unchanged cells follow. */
static int run_end(struct render *r, const struct grid_cell *shadow, int a, int limit)
{
	const struct grid_cell *l = r->line;
	int x = a, end = a, w;

	while (x < limit && same_pen(&l[x], &l[a])) {
		w = l[x].width == 2 && x + 1 < r->cols ? 2 : 1;
		if (!cell_eq(&l[x], &shadow[x]) || (w == 2 && !cell_eq(&l[x + 1], &shadow[x + 1])))
			end = x + w;
		else if (x + w - end > RUN_GAP_MAX)
			break;
		x += w;
	}
	return end;
}

/* Draw what differs in columns [from, to) of row y (the rest of r->line is
 * not composed); returns 1 if anything was sent. */
static int draw_row(struct render *r, int y, int from, int to)
{
	struct grid_cell *shadow = &r->shadow[(size_t)y * (size_t)r->cols];
	int x = from, a, b, drawn = 0;

	if (memcmp(&r->line[from], &shadow[from], (size_t)(to - from) * sizeof *shadow) == 0)
		return 0;
	while (x < to) {
		if (cell_eq(&r->line[x], &shadow[x])) {
			x++;
			continue;
		}
		a = x;
		if (cell_is_cont(&r->line[a]) && a > 0)
			a--; /* a wide character is printed from its left half */
		b = run_end(r, shadow, a, to);
		if (b <= a)
			b = a + 1;
		draw_run(r, y, a, b);
		drawn = 1;
		x = b;
	}
	memcpy(&shadow[from], &r->line[from], (size_t)(to - from) * sizeof *shadow);
	return drawn;
}

/* Clear the terminal; the shadow becomes all blank, which is what it shows. */
static void render_clear(struct render *r)
{
	size_t n = (size_t)r->rows * (size_t)r->cols;

	render_pen_reset(r);
	tickit_term_clear(r->tt);
	for (size_t i = 0; i < n; i++)
		r->shadow[i] = blank_cell;
	r->cur_row = r->cur_col = -1;
	r->valid = 1;
}

static void draw_cursor(struct render *r, const struct render_frame *f)
{
	const struct render_view *v = NULL;
	int row = 0, col = 0, visible = 0;

	if (f->active >= 0 && f->active < f->nviews && f->views[f->active].grid != NULL)
		v = &f->views[f->active];
	if (f->floating != NULL && f->floating->grid != NULL) {
		v = f->floating; /* a popup has the keys, and the cursor */
	} else if (f->status_cursor && r->status_row >= 0) {
		/* a prompt: the cursor waits where the next character goes */
		v = NULL;
		row = r->status_row + r->status_rows - 1;
		col = f->status_cursor_x < 0 ? 0 : f->status_cursor_x;
		if (col >= r->cols)
			col = r->cols - 1;
		visible = 1;
		tty_cursor_shape(r->tty, 0);
	}
	if (v != NULL) {
		grid_cursor(v->grid, &row, &col);
		visible = grid_cursor_visible(v->grid);
		if (v->copy) {
			row = v->cursor_row, col = v->cursor_col;
			visible = 1;
		}
		visible = visible && row >= 0 && row < v->height && col >= 0 && col < v->width;
		row += v->y;
		col += v->x;
		/* (a view over part of a bigger window may put it under a
		 * status line) */
		visible = visible && row >= 0 && row < r->rows && col >= 0 && col < r->cols &&
			  (v == f->floating || !is_status(r, row));
		tty_cursor_shape(r->tty, cursor_style(v->grid) != 0 ? cursor_style(v->grid)
								    : v->cursor_style);
	}
	tty_cursor_colour(r->tty, f->cursor_coloured ? (long)f->cursor_rgb : -1);
	/* cur_row/cur_col follow every move we make, so an exact match is safe */
	if (visible && (r->cur_row != row || r->cur_col != col)) {
		tickit_term_goto(r->tt, row, col);
		r->cur_row = row;
		r->cur_col = col;
	}
	if (f->cursor_hidden && !f->status_cursor && f->floating == NULL)
		visible = 0;
	tickit_term_setctl_int(r->tt, TICKIT_TERMCTL_CURSORVIS, visible);
}

void render_raw(struct render *r, int row, int col, const char *data, size_t len)
{
	if (row >= 0 && row < r->rows && col >= 0 && col < r->cols)
		tickit_term_goto(r->tt, row, col);
	tickit_term_printn(r->tt, data, len);
	render_pen_reset(r);
	r->cur_row = r->cur_col = -1;
	tickit_term_flush(r->tt);
}

/* Make the shadow's cells drawn in a way that no longer applies differ from
 * anything composed (flags 0xff), so that only they are drawn again. */
static void shadow_forget(struct render *r, int rgb, int underline)
{
	size_t n = (size_t)r->rows * (size_t)r->cols;
	struct grid_cell *c;

	for (size_t i = 0; i < n; i++) {
		c = &r->shadow[i];
		if ((rgb && (GRID_COLOR_TYPE(c->fg) == 2 || GRID_COLOR_TYPE(c->bg) == 2)) ||
		    (underline && (c->attr & (GRID_ATTR_UNDERLINE2 | GRID_ATTR_UNDERCURL))))
			c->flags = 0xff;
	}
}

/*
 * What the terminal can do, which its answers (or the options) may have
 * changed since the last frame: the cells already drawn the old way are
 * drawn again, and only those, so the answers arriving after attach do not
 * cost a full redraw on the next keystroke.
 */
static int frame_caps(struct render *r)
{
	int v = 0, truecolor, colon, forgot = 0;

	truecolor = tty_truecolor(r->tty);
	colon = r->ctl_colon != -1 &&
		tickit_term_getctl_int(r->tt, (TickitTermCtl)r->ctl_colon, &v) && v;
	if (r->valid && (truecolor != r->truecolor || colon != r->colon)) {
		shadow_forget(r, truecolor != r->truecolor, colon != r->colon);
		r->pen_known = 0;
		forgot = 1;
	}
	r->truecolor = truecolor;
	r->colon = colon;
	return forgot;
}

/* ---- skipping unchanged rows ---- */

/* Can this frame's rows be composed from its views' rows alone? */
static int frame_plain(const struct render *r, const struct render_frame *f)
{
	if (r->links != NULL || f->overlay != NULL || f->floating != NULL)
		return 0;
	for (int i = 0; i < f->nviews; i++) {
		if (f->views[i].copy || f->views[i].hold)
			return 0;
	}
	return 1;
}

static int status_same(const struct frame_memo *m, const struct render_frame *f)
{
	if (f->status_cells != NULL)
		return m->status_cells != NULL && m->status_ncells == f->status_ncells &&
		       m->status_cell_rows == status_count(f) &&
		       memcmp(m->status_cells, f->status_cells,
			      status_size(f) * sizeof *f->status_cells) == 0;
	if (f->status != NULL)
		return m->status_cells == NULL && m->status != NULL &&
		       strcmp(m->status, f->status) == 0;
	return m->status == NULL && m->status_cells == NULL;
}

static int labels_same(const struct frame_memo *m, const struct render_frame *f)
{
	if (m->nlabels != f->nlabels)
		return 0;
	for (int i = 0; i < f->nlabels; i++) {
		const struct render_label *a = &m->labels[i], *b = &f->labels[i];

		if (a->x != b->x || a->y != b->y || a->ncells != b->ncells ||
		    memcmp(a->cells, b->cells, (size_t)b->ncells * sizeof *b->cells) != 0)
			return 0;
	}
	return 1;
}

static void memo_labels(struct frame_memo *m, const struct render_frame *f)
{
	size_t n = 0;
	struct grid_cell *cells;

	if (labels_same(m, f))
		return;
	for (int i = 0; i < f->nlabels; i++)
		n += (size_t)f->labels[i].ncells;
	free(m->labels);
	free(m->label_cells);
	m->labels = xmalloc((size_t)(f->nlabels > 0 ? f->nlabels : 1) * sizeof *m->labels);
	m->label_cells = cells = xmalloc((n > 0 ? n : 1) * sizeof *cells);
	for (int i = 0; i < f->nlabels; i++) {
		m->labels[i] = f->labels[i];
		memcpy(cells, f->labels[i].cells, (size_t)f->labels[i].ncells * sizeof *cells);
		m->labels[i].cells = cells;
		cells += f->labels[i].ncells;
	}
	m->nlabels = f->nlabels;
}

/* Is this frame laid out as the last one (everything but the views' cells)? */
static int frame_same(const struct render *r, const struct render_frame *f)
{
	const struct frame_memo *m = &r->memo;

	if (!m->plain || m->nviews != f->nviews || m->active != f->active ||
	    m->status_row != r->status_row || m->status_rows != r->status_rows ||
	    m->area_x != f->area_x || m->area_y != f->area_y || m->area_w != f->area_w ||
	    m->area_h != f->area_h || !cell_eq(&m->border_pen, &f->border_pen) ||
	    !cell_eq(&m->active_border_pen, &f->active_border_pen) ||
	    m->border_lines != f->border_lines || m->border_indicators != f->border_indicators ||
	    m->border_status != f->border_status || !labels_same(m, f))
		return 0;
	for (int i = 0; i < f->nviews; i++) {
		const struct view_memo *a = &m->views[i];
		const struct render_view *b = &f->views[i];

		if (a->grid != b->grid || (b->grid != NULL && a->serial != grid_serial(b->grid)) ||
		    a->x != b->x || a->y != b->y || a->width != b->width ||
		    a->height != b->height || a->def_fg != b->def_fg || a->def_bg != b->def_bg ||
		    a->number != b->number)
			return 0;
	}
	return 1;
}

static void memo_status(struct frame_memo *m, const struct render_frame *f)
{
	size_t n;

	if (status_same(m, f))
		return;
	free(m->status);
	free(m->status_cells);
	m->status = NULL;
	m->status_cells = NULL;
	m->status_ncells = 0;
	if (f->status_cells != NULL) {
		n = status_size(f) * sizeof *f->status_cells;
		m->status_cells = xmalloc(n > 0 ? n : 1);
		memcpy(m->status_cells, f->status_cells, n);
		m->status_ncells = f->status_ncells;
		m->status_cell_rows = status_count(f);
	} else if (f->status != NULL) {
		m->status = xstrdup(f->status);
	}
}

static void memo_save(struct render *r, const struct render_frame *f, int plain)
{
	struct frame_memo *m = &r->memo;

	if (f->nviews > m->views_cap) {
		m->views_cap = f->nviews;
		free(m->views);
		m->views = xmalloc((size_t)m->views_cap * sizeof *m->views);
	}
	for (int i = 0; i < f->nviews; i++) {
		const struct render_view *v = &f->views[i];

		m->views[i] = (struct view_memo){
			.grid = v->grid,
			.serial = v->grid ? grid_serial(v->grid) : 0,
			.x = v->x,
			.y = v->y,
			.width = v->width,
			.height = v->height,
			.def_fg = v->def_fg,
			.def_bg = v->def_bg,
			.number = v->number,
		};
	}
	m->nviews = f->nviews;
	m->active = f->active;
	m->status_row = r->status_row;
	m->status_rows = r->status_rows;
	m->area_x = f->area_x, m->area_y = f->area_y;
	m->area_w = f->area_w, m->area_h = f->area_h;
	m->border_pen = f->border_pen;
	m->active_border_pen = f->active_border_pen;
	m->border_lines = f->border_lines;
	m->border_indicators = f->border_indicators;
	m->border_status = f->border_status;
	memo_labels(m, f);
	memo_status(m, f);
	m->plain = plain;
}

/* The stamp of row y's content: the sum of its views' row stamps (each
 * only grows, so any change makes the sum differ). */
static uint64_t row_stamp(const struct render_frame *f, int y)
{
	uint64_t stamp = 0;

	for (int i = 0; i < f->nviews; i++) {
		const struct render_view *v = &f->views[i];
		int gy = y - v->y;

		if (v->grid == NULL || gy < 0 || gy >= v->height || gy >= grid_rows(v->grid))
			continue;
		stamp += grid_row_generation(v->grid, gy);
	}
	return stamp;
}

int render_rows_composed(const struct render *r)
{
	return r->rows_composed;
}

int render_cells_composed(const struct render *r)
{
	return r->cells_composed;
}

void render_draw(struct render *r, const struct render_frame *f)
{
	int rows = tty_rows(r->tty), cols = tty_cols(r->tty);
	int rows_drawn = 0, forgot, plain, skip, status_kept, span, a, b;
	uint64_t stamp;

	if (rows != r->rows || cols != r->cols)
		render_resize(r, rows, cols);
	forgot = frame_caps(r);
	if (r->links != NULL && hyperlinks_full(r->links)) {
		/* links no longer shown hold ids: start again */
		hyperlinks_clear(r->links);
		r->valid = 0;
	}
	r->fresh = !r->valid;
	if (!r->valid)
		render_clear(r);
	r->status_row = -1;
	r->status_rows = 0;
	if (f->status != NULL || f->status_cells != NULL) {
		r->status_rows = f->status_cells != NULL ? status_count(f) : 1;
		r->status_row = f->status_top ? 0 : rows - r->status_rows;
	}
	r->cover_ready = 0;
	plain = frame_plain(r, f);
	skip = plain && !r->fresh && !forgot && frame_same(r, f);
	status_kept = skip && status_same(&r->memo, f);
	r->rows_composed = 0;
	r->cells_composed = 0;
	for (int y = 0; y < rows; y++) {
		span = 0;
		a = 0;
		b = cols;
		if (is_status(r, y)) {
			if (status_kept)
				continue;
		} else {
			stamp = row_stamp(f, y);
			if (skip && stamp == r->row_stamp[y])
				continue;
			span = skip && compose_span(r, y, f, &a, &b);
			r->row_stamp[y] = stamp;
		}
		r->rows_composed++;
		if (!span)
			compose_row(r, y, f);
		/* hide the cursor while it jumps around a bigger update */
		if (rows_drawn == 1 &&
		    memcmp(&r->line[a], &r->shadow[(size_t)y * (size_t)cols + (size_t)a],
			   (size_t)(b - a) * sizeof *r->line))
			tickit_term_setctl_int(r->tt, TICKIT_TERMCTL_CURSORVIS, 0);
		rows_drawn += draw_row(r, y, a, b);
	}
	memo_save(r, f, plain);
	render_link(r, 0);
	draw_cursor(r, f);
	tickit_term_flush(r->tt);
}
