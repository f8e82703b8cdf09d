/*
 * Unit tests for the pane screen model (term/grid) and its compact history
 * (term/history). Prints each failed check; exits non-zero if any failed.
 *
 *   test_grid            run the tests
 *   test_grid --bench N  also time N MB of log-like output into a 50x200 grid,
 *                        history_push and history_get per row, and a reflow
 *
 * Instructions per pushed row, repeatably (a RelWithDebInfo build): each call
 * of bench_push (log rows, plain rows, coloured rows) is a part of its own,
 *   valgrind --tool=callgrind --dump-before=bench_push --dump-after=bench_push \
 *       --callgrind-out-file=cg.out build-rel/tests/test_grid --bench 4
 *   callgrind_annotate --inclusive=yes cg.out.2   (.4, .6)
 * and history_push's inclusive cost there over the rows it pushed (32000).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "term/grid.h"
#include "term/history.h"

static int failures, checks;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		checks++;                                                                        \
		if (!(cond)) {                                                                   \
			fprintf(stderr, "%s:%d: %s: failed: %s\n", __FILE__, __LINE__, __func__, \
				#cond);                                                          \
			failures++;                                                              \
		}                                                                                \
	} while (0)

#define CHECK_INT(got, want) check_int(__LINE__, __func__, #got, (long)(got), (long)(want))
#define CHECK_STR(got, want) check_str(__LINE__, __func__, #got, (got), (want))

static void check_int(int line, const char *fn, const char *what, long got, long want)
{
	checks++;
	if (got != want) {
		fprintf(stderr, "%s:%d: %s: %s is %ld, want %ld\n", __FILE__, line, fn, what, got,
			want);
		failures++;
	}
}

static void show(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\033')
			fputs("\\e", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
}

static void check_str(int line, const char *fn, const char *what, const char *got, const char *want)
{
	checks++;
	if (got == NULL || strcmp(got, want) != 0) {
		fprintf(stderr, "%s:%d: %s: %s is \"", __FILE__, line, fn, what);
		show(stderr, got ? got : "(null)");
		fputs("\", want \"", stderr);
		show(stderr, want);
		fputs("\"\n", stderr);
		failures++;
	}
}

/* ---- helpers ---- */

struct outbuf {
	char data[4096];
	size_t len;
};

static void collect(const char *buf, size_t len, void *ctx)
{
	struct outbuf *o = ctx;

	if (o->len + len < sizeof o->data) {
		memcpy(o->data + o->len, buf, len);
		o->len += len;
		o->data[o->len] = '\0';
	}
}

static void feed(struct grid *g, const char *s)
{
	grid_input(g, s, strlen(s));
}

static void feedf(struct grid *g, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	feed(g, buf);
}

/* The text of rows start..end as capture-pane gives it (freed at the next
 * call). */
static char *last_capture;

static const char *cap(struct grid *g, int start, int end, int flags)
{
	size_t len;

	free(last_capture);
	last_capture = grid_capture(g, start, end, flags, &len);
	if (last_capture != NULL && strlen(last_capture) != len) {
		fprintf(stderr, "capture length mismatch\n");
		failures++;
	}
	return last_capture;
}

/* One row's text, no newline. */
static const char *row(struct grid *g, int y)
{
	static char buf[4096];
	const char *s = cap(g, y, y, 0);
	size_t n = s ? strlen(s) : 0;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	memcpy(buf, s ? s : "", n);
	buf[n] = '\0';
	return buf;
}

static void check_cursor(int line, struct grid *g, int row_want, int col_want)
{
	int r, c;

	grid_cursor(g, &r, &c);
	check_int(line, "cursor", "row", r, row_want);
	check_int(line, "cursor", "col", c, col_want);
}
#define CHECK_CURSOR(g, r, c) check_cursor(__LINE__, g, r, c)

/* ---- tests ---- */

static void test_text_and_cursor(void)
{
	struct grid *g = grid_new(5, 20, 100, NULL, NULL);
	uint64_t gen = grid_generation(g);

	feed(g, "hello");
	CHECK_STR(row(g, 0), "hello");
	CHECK_CURSOR(g, 0, 5);
	CHECK(grid_generation(g) > gen);
	feed(g, "\033[3;4HX");
	CHECK_STR(row(g, 2), "   X");
	CHECK_CURSOR(g, 2, 4);
	CHECK_INT(grid_line(g, 2)[3].ch, 'X');
	CHECK_INT(grid_line(g, 2)[0].ch, 0); /* never written */
	CHECK_INT(grid_rows(g), 5);
	CHECK_INT(grid_cols(g), 20);
	CHECK(grid_cursor_visible(g));
	feed(g, "\033[?25l");
	CHECK(!grid_cursor_visible(g));
	feed(g, "\033[4 q");
	CHECK_INT(grid_cursor_shape(g), VTERM_PROP_CURSORSHAPE_UNDERLINE);
	feed(g, "\033[?1002h");
	CHECK_INT(grid_mouse_mode(g), VTERM_PROP_MOUSE_DRAG);
	feed(g, "\033[?1002l");
	CHECK_INT(grid_mouse_mode(g), VTERM_PROP_MOUSE_NONE);
	grid_free(g);
}

static void test_scrolling(void)
{
	struct grid *g = grid_new(5, 10, 100, NULL, NULL);

	for (int i = 1; i <= 8; i++)
		feedf(g, i < 8 ? "line%d\r\n" : "line%d", i);
	CHECK_INT(grid_history_size(g), 3);
	CHECK_STR(row(g, 0), "line4");
	CHECK_STR(row(g, 4), "line8");
	CHECK_STR(row(g, -1), "line3");
	CHECK_STR(row(g, -3), "line1");
	CHECK_STR(cap(g, -100, 100, 0), "line1\nline2\nline3\nline4\nline5\nline6\nline7\nline8\n");
	CHECK_STR(cap(g, -2, -1, 0), "line2\nline3\n");
	CHECK_STR(cap(g, 3, 1, 0), "");
	CHECK_CURSOR(g, 4, 5);
	/* Scroll up (SU) pushes into history too; SD does not. */
	feed(g, "\033[2S");
	CHECK_INT(grid_history_size(g), 5);
	CHECK_STR(row(g, 0), "line6");
	feed(g, "\033[1T");
	CHECK_INT(grid_history_size(g), 5);
	CHECK_STR(row(g, 0), "");
	CHECK_STR(row(g, 1), "line6");
	/* CSI 3 J clears the history. */
	feed(g, "\033[3J");
	CHECK_INT(grid_history_size(g), 0);
	grid_free(g);
}

static void fill_rows(struct grid *g, int n)
{
	for (int i = 1; i <= n; i++)
		feedf(g, "\033[%d;1Hr%d", i, i);
}

static void test_scroll_region(void)
{
	struct grid *g = grid_new(6, 10, 100, NULL, NULL);

	fill_rows(g, 6);
	feed(g, "\033[2;4r\033[4;1H\n");
	CHECK_STR(cap(g, 0, 5, 0), "r1\nr3\nr4\n\nr5\nr6\n");
	CHECK_INT(grid_history_size(g), 0);
	/* Reverse index at the top of the region scrolls it down. */
	feed(g, "\033[2;1H\033M");
	CHECK_STR(cap(g, 0, 5, 0), "r1\n\nr3\nr4\nr5\nr6\n");
	/* A region at the top feeds the history, like xterm. */
	feed(g, "\033[r");
	fill_rows(g, 6);
	feed(g, "\033[1;3r\033[3;1H\n");
	CHECK_STR(cap(g, 0, 5, 0), "r2\nr3\n\nr4\nr5\nr6\n");
	CHECK_INT(grid_history_size(g), 1);
	CHECK_STR(row(g, -1), "r1");
	/* Insert and delete lines move rows inside the region. */
	feed(g, "\033[r");
	fill_rows(g, 6);
	feed(g, "\033[2;1H\033[2L");
	CHECK_STR(cap(g, 0, 5, 0), "r1\n\n\nr2\nr3\nr4\n");
	feed(g, "\033[2;1H\033[3M");
	CHECK_STR(cap(g, 0, 5, 0), "r1\nr3\nr4\n\n\n\n");
	CHECK_INT(grid_history_size(g), 1);
	/* Insert and delete characters (narrow moves) */
	feed(g, "\033[1;1Habcdef\033[1;2H\033[2@");
	CHECK_STR(row(g, 0), "a  bcdef");
	feed(g, "\033[1;2H\033[3P");
	CHECK_STR(row(g, 0), "acdef");
	grid_free(g);
}

static void test_wide(void)
{
	struct grid *g = grid_new(3, 5, 100, NULL, NULL);
	const struct grid_cell *c;
	char u[32];

	feed(g, "a\xe6\x97\xa5"
		"b"); /* a 日 b */
	c = grid_line(g, 0);
	CHECK_INT(c[0].ch, 'a');
	CHECK_INT(c[1].ch, 0x65e5);
	CHECK_INT(c[1].width, 2);
	CHECK(c[2].ch == GRID_CH_WIDE_CONT);
	CHECK_INT(c[2].width, 0);
	CHECK_INT(c[3].ch, 'b');
	CHECK_CURSOR(g, 0, 4);
	CHECK_INT(grid_cell_utf8(g, &c[2], u), 0);
	CHECK_INT(grid_cell_utf8(g, &c[1], u), 3);
	CHECK_STR(u, "\xe6\x97\xa5");
	CHECK_STR(row(g, 0), "a\xe6\x97\xa5"
			     "b");
	/* Overwriting the right half blanks the left half. */
	feed(g, "\033[1;3Hx");
	c = grid_line(g, 0);
	CHECK_INT(c[1].ch, 0);
	CHECK_INT(c[1].width, 1);
	CHECK_INT(c[2].ch, 'x');
	/* Overwriting the left half blanks the right half. */
	feed(g, "\033[2;1H\xe6\x97\xa5\033[2;1Hy");
	c = grid_line(g, 1);
	CHECK_INT(c[0].ch, 'y');
	CHECK_INT(c[1].ch, 0);
	/* A wide character that does not fit in the last column wraps. */
	feed(g, "\033[2J\033[1;1Habcd\xe6\x97\xa5");
	CHECK_STR(row(g, 0), "abcd");
	CHECK_INT(grid_line(g, 1)[0].ch, 0x65e5);
	CHECK(grid_line_wrapped(g, 0));
	CHECK_STR(cap(g, 0, 1, GRID_CAPTURE_JOIN), "abcd\xe6\x97\xa5\n");
	/* Through the history and back. */
	feed(g, "\r\n\r\n\r\n");
	CHECK_INT(grid_history_size(g), 2);
	c = grid_line(g, -1);
	CHECK_INT(c[0].ch, 0x65e5);
	CHECK_INT(c[0].width, 2);
	CHECK(c[1].ch == GRID_CH_WIDE_CONT);
	CHECK(grid_line_wrapped(g, -2));
	CHECK_STR(cap(g, -2, -1, GRID_CAPTURE_JOIN), "abcd\xe6\x97\xa5\n");
	grid_free(g);
}

static void test_combining(void)
{
	struct grid *g = grid_new(3, 10, 100, NULL, NULL);
	const struct grid_cell *c;
	char u[32];

	feed(g, "e\xcc\x81x"); /* e + COMBINING ACUTE, x */
	c = grid_line(g, 0);
	CHECK(c[0].flags & GRID_CELL_COMBINED);
	CHECK_INT(c[0].width, 1);
	CHECK_INT(grid_cell_utf8(g, &c[0], u), 3);
	CHECK_STR(u, "e\xcc\x81");
	CHECK_INT(c[1].ch, 'x');
	/* The mark arrives in a later write. */
	feed(g, "\r\nu");
	feed(g, "\xcc\x88");
	c = grid_line(g, 1);
	CHECK(c[0].flags & GRID_CELL_COMBINED);
	grid_cell_utf8(g, &c[0], u);
	CHECK_STR(u, "u\xcc\x88");
	/* The same sequence shares its table entry. */
	feed(g, "\r\ne\xcc\x81");
	CHECK_INT(grid_line(g, 2)[0].ch, grid_line(g, 0)[0].ch);
	CHECK_STR(row(g, 0), "e\xcc\x81x");
	/* Kept through the history. */
	feed(g, "\r\n\r\n\r\n");
	c = grid_line(g, -3);
	CHECK(c[0].flags & GRID_CELL_COMBINED);
	grid_cell_utf8(g, &c[0], u);
	CHECK_STR(u, "e\xcc\x81");
	CHECK_STR(row(g, -3), "e\xcc\x81x");
	grid_free(g);
}

static void test_altscreen(void)
{
	struct grid *g = grid_new(4, 10, 100, NULL, NULL);
	char *before;
	size_t len;

	for (int i = 1; i <= 6; i++)
		feedf(g, "\r\nmain%d", i);
	feed(g, "\033[1;31mred");
	CHECK_INT(grid_history_size(g), 3);
	before = grid_capture(g, -100, 100, GRID_CAPTURE_ESCAPES, &len);
	CHECK_CURSOR(g, 3, 8);

	feed(g, "\033[?1049h");
	CHECK(grid_alt_screen(g));
	CHECK_STR(cap(g, 0, 3, 0), "\n\n\n\n");
	for (int i = 0; i < 20; i++)
		feedf(g, "alt%d\r\n", i);
	CHECK_INT(grid_history_size(g), 3); /* no history from the alt screen */
	CHECK_STR(row(g, 0), "alt17");
	feed(g, "\033[?1049l");
	CHECK(!grid_alt_screen(g));
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_ESCAPES), before);
	CHECK_CURSOR(g, 3, 8);
	/* 1047 switches too. */
	feed(g, "\033[?1047hX");
	CHECK(grid_alt_screen(g));
	feed(g, "\033[?1047l");
	CHECK(!grid_alt_screen(g));
	CHECK_STR(row(g, 3), "main6red");
	free(before);
	grid_free(g);
}

static void test_history_limit(void)
{
	struct grid *g = grid_new(10, 20, 100, NULL, NULL);
	int ok = 1;

	for (int i = 1; i <= 1000; i++)
		feedf(g, "line %d\r\n", i);
	/* Screen: lines 992..1000 and the cursor's empty row. */
	CHECK_INT(grid_history_size(g), 100);
	CHECK_INT(grid_history_limit(g), 100);
	CHECK_STR(row(g, 0), "line 992");
	for (int i = 0; i < 100; i++) {
		char want[32];

		snprintf(want, sizeof want, "line %d", 892 + i);
		if (strcmp(row(g, -100 + i), want) != 0)
			ok = 0;
	}
	CHECK(ok);
	CHECK_STR(row(g, -100), "line 892");
	CHECK_STR(row(g, -1), "line 991");
	CHECK_STR(row(g, -101), ""); /* past the oldest: blank */
	grid_set_history_limit(g, 10);
	CHECK_INT(grid_history_size(g), 10);
	CHECK_STR(row(g, -10), "line 982");
	CHECK_STR(row(g, -1), "line 991");
	grid_clear_history(g);
	CHECK_INT(grid_history_size(g), 0);
	grid_set_history_limit(g, 0);
	feed(g, "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n");
	CHECK_INT(grid_history_size(g), 0);
	grid_free(g);
}

static void test_wrapped(void)
{
	struct grid *g = grid_new(3, 10, 100, NULL, NULL);

	feed(g, "0123456789abc\r\nxyz");
	CHECK(grid_line_wrapped(g, 0));
	CHECK(!grid_line_wrapped(g, 1));
	CHECK(!grid_line_wrapped(g, 2));
	CHECK_STR(cap(g, 0, 2, 0), "0123456789\nabc\nxyz\n");
	CHECK_STR(cap(g, 0, 2, GRID_CAPTURE_JOIN), "0123456789abc\nxyz\n");
	/* Erasing the end of a wrapped row ends the wrap. */
	feed(g, "\033[1;5H\033[K");
	CHECK(!grid_line_wrapped(g, 0));
	/* Kept through scrolling into the history. */
	feed(g, "\033[3;4H\r\n");
	feed(g, "ABCDEFGHIJKLMNOPQRSTUVWXY\r\nend");
	/* rows: ... ABCDEFGHIJ KLMNOPQRST UVWXY end */
	CHECK(!grid_line_wrapped(g, -2));
	CHECK(grid_line_wrapped(g, -1));
	CHECK(grid_line_wrapped(g, 0));
	CHECK(!grid_line_wrapped(g, 1));
	CHECK_STR(row(g, -1), "ABCDEFGHIJ");
	CHECK_STR(row(g, -2), "xyz");
	CHECK_STR(cap(g, -1, 2, GRID_CAPTURE_JOIN), "ABCDEFGHIJKLMNOPQRSTUVWXY\nend\n");
	CHECK_STR(cap(g, -1, 1, GRID_CAPTURE_JOIN), "ABCDEFGHIJKLMNOPQRSTUVWXY\n");
	CHECK_STR(cap(g, -1, 0, GRID_CAPTURE_JOIN), "ABCDEFGHIJKLMNOPQRST\n");
	/* A wrapped row's trailing spaces are text. */
	feed(g, "\r\nabcdefgh  ij\r\n");
	CHECK_STR(cap(g, 0, 1, GRID_CAPTURE_JOIN), "abcdefgh  ij\n");
	feed(g, "\r\n\r\n");
	CHECK_STR(cap(g, -2, -1, GRID_CAPTURE_JOIN), "abcdefgh  ij\n");
	grid_free(g);
}

static void test_capture_escapes(void)
{
	struct grid *g = grid_new(3, 40, 100, NULL, NULL);

	feed(g, "\033[1mB\033[0m \033[38;5;196mR\033[0m \033[38;2;1;2;3mT\033[0m "
		"\033[31mr\033[44mb\033[0m");
	CHECK_STR(cap(g, 0, 0, GRID_CAPTURE_ESCAPES),
		  "\033[1mB\033[0m \033[38;5;196mR\033[0m \033[38;2;1;2;3mT\033[0m "
		  "\033[31mr\033[44mb\033[0m\n");
	CHECK_STR(cap(g, 0, 0, 0), "B R T rb\n");
	/* An attribute going away resets, then what stays comes back. */
	feed(g, "\r\n\033[0m\033[7;32mX\033[27;1mY\033[0m");
	CHECK_STR(cap(g, 1, 1, GRID_CAPTURE_ESCAPES),
		  "\033[7m\033[32mX\033[0m\033[1m\033[32mY\033[0m\n");
	/* Bright colours as typed, defaults as 39/49, state across rows. */
	feed(g, "\r\n\033[0m\033[91;103mZ\033[39mW");
	CHECK_STR(cap(g, 2, 2, GRID_CAPTURE_ESCAPES), "\033[91m\033[103mZ\033[39mW\033[0m\n");
	/* A coloured blank at the end is kept with -e only. */
	feed(g, "\033[0m\033[2J\033[Hab\033[45m  \033[0m");
	CHECK_STR(cap(g, 0, 0, 0), "ab\n");
	CHECK_STR(cap(g, 0, 0, GRID_CAPTURE_ESCAPES), "ab\033[45m  \033[0m\n");
	/* -J keeps written trailing spaces; never-written cells are not text. */
	feed(g, "\033[2J\033[Hab   \r\n");
	CHECK_STR(cap(g, 0, 0, 0), "ab\n");
	CHECK_STR(cap(g, 0, 0, GRID_CAPTURE_JOIN), "ab   \n");
	/* Through the history, colours and all. */
	feed(g, "\033[2J\033[H\033[38;5;100mold\033[0m\r\n\r\n\r\n\r\n");
	CHECK_STR(cap(g, -2, -2, GRID_CAPTURE_ESCAPES), "\033[38;5;100mold\033[0m\n");
	/* The SGR state carries across rows (as tmux's), reset at the end. */
	CHECK_STR(cap(g, -2, -1, GRID_CAPTURE_ESCAPES), "\033[38;5;100mold\n\033[0m\n");
	grid_free(g);
}

static void test_colors(void)
{
	struct grid *g = grid_new(2, 20, 100, NULL, NULL);
	const struct grid_cell *c;

	feed(g, "\033[31ma\033[38;5;100mb\033[38;2;10;20;30mc\033[39md\033[41;1;3;4me"
		"\033[0;21;5;7;8;9mf\033[0;4:3mg\033[0;2mh");
	c = grid_line(g, 0);
	CHECK(c[0].fg == GRID_COLOR_INDEXED(1));
	CHECK(c[1].fg == GRID_COLOR_INDEXED(100));
	CHECK(c[2].fg == GRID_COLOR_RGB(10, 20, 30));
	CHECK(c[3].fg == GRID_COLOR_DEFAULT);
	CHECK(c[4].bg == GRID_COLOR_INDEXED(1));
	CHECK_INT(c[4].attr, GRID_ATTR_BOLD | GRID_ATTR_ITALIC | GRID_ATTR_UNDERLINE);
	CHECK_INT(c[5].attr, GRID_ATTR_UNDERLINE2 | GRID_ATTR_BLINK | GRID_ATTR_REVERSE |
				     GRID_ATTR_CONCEAL | GRID_ATTR_STRIKE);
	CHECK(c[5].bg == GRID_COLOR_DEFAULT);
	CHECK_INT(c[6].attr, GRID_ATTR_UNDERCURL);
	grid_free(g);
}

static void test_erase(void)
{
	struct grid *g = grid_new(3, 10, 100, NULL, NULL);
	const struct grid_cell *c;

	feed(g, "\033[44m\033[2J");
	c = grid_line(g, 2);
	CHECK(c[9].bg == GRID_COLOR_INDEXED(4));
	CHECK_INT(c[9].ch, 0);
	feed(g, "\033[H\033[0;41mab\033[K");
	c = grid_line(g, 0);
	CHECK(c[0].bg == GRID_COLOR_INDEXED(1));
	CHECK(c[2].bg == GRID_COLOR_INDEXED(1));
	CHECK(c[9].bg == GRID_COLOR_INDEXED(1));
	CHECK(c[9].fg == GRID_COLOR_DEFAULT);
	feed(g, "\033[0m\033[2;5H\033[1K");
	c = grid_line(g, 1);
	CHECK(c[4].bg == GRID_COLOR_DEFAULT);
	CHECK(c[5].bg == GRID_COLOR_INDEXED(4));
	feed(g, "\033[42m\033[2;3H\033[J");
	CHECK(grid_line(g, 1)[1].bg == GRID_COLOR_DEFAULT);
	CHECK(grid_line(g, 1)[2].bg == GRID_COLOR_INDEXED(2));
	CHECK(grid_line(g, 2)[0].bg == GRID_COLOR_INDEXED(2));
	CHECK(grid_line(g, 0)[9].bg == GRID_COLOR_INDEXED(1));
	/* ECH */
	feed(g, "\033[0m\033[3;1Hxyzw\033[3;2H\033[2X");
	CHECK_STR(row(g, 2), "x  w");
	/* Scrolled-in rows take the background too (BCE). */
	feed(g, "\033[43m\033[3;1H\n");
	CHECK(grid_line(g, 2)[5].bg == GRID_COLOR_INDEXED(3));
	grid_free(g);
}

static void test_title_and_modes(void)
{
	struct outbuf o = {0};
	struct grid *g = grid_new(3, 10, 100, collect, &o);

	CHECK_STR(grid_title(g), "");
	feed(g, "\033]2;hel");
	feed(g, "lo\007");
	CHECK_STR(grid_title(g), "hello");
	feed(g, "\033]0;w\033\\");
	CHECK_STR(grid_title(g), "w");

	CHECK(!grid_bracketed_paste(g));
	grid_paste(g, "ab", 2);
	CHECK_STR(o.data, "ab");
	feed(g, "\033[?2004h");
	CHECK(grid_bracketed_paste(g));
	o.len = 0;
	grid_paste(g, "ab", 2);
	CHECK_STR(o.data, "\033[200~ab\033[201~");
	feed(g, "\033[?2004l");
	CHECK(!grid_bracketed_paste(g));

	o.len = 0;
	o.data[0] = '\0';
	feed(g, "\033[2;3H\033[6n");
	CHECK_STR(o.data, "\033[2;3R");
	o.len = 0;
	feed(g, "\033[c");
	CHECK(o.len > 3 && strncmp(o.data, "\033[?", 3) == 0);

	o.len = 0;
	grid_key(g, VTERM_KEY_UP, VTERM_MOD_NONE);
	CHECK_STR(o.data, "\033[A");
	feed(g, "\033[?1h");
	o.len = 0;
	grid_key(g, VTERM_KEY_UP, VTERM_MOD_NONE);
	CHECK_STR(o.data, "\033OA");
	o.len = 0;
	grid_unichar(g, 'c', VTERM_MOD_CTRL);
	CHECK_INT(o.len, 1);
	CHECK_INT(o.data[0], 3);
	o.len = 0;
	grid_key(g, VTERM_KEY_ENTER, VTERM_MOD_NONE);
	CHECK_STR(o.data, "\r");
	grid_free(g);
}

static void test_resize_rows(void)
{
	struct grid *g = grid_new(10, 10, 100, NULL, NULL);

	feed(g, "l1\r\nl2\r\nl3\r\nl4\r\nl5");
	grid_resize(g, 3, 10);
	CHECK_INT(grid_rows(g), 3);
	CHECK_STR(cap(g, 0, 2, 0), "l3\nl4\nl5\n");
	CHECK_INT(grid_history_size(g), 2);
	CHECK_STR(cap(g, -2, -1, 0), "l1\nl2\n");
	CHECK_CURSOR(g, 2, 2);
	feed(g, "x");
	CHECK_STR(row(g, 2), "l5x");
	/* Growing pulls lines back from the history. */
	grid_resize(g, 10, 10);
	CHECK_INT(grid_history_size(g), 0);
	CHECK_STR(cap(g, 0, 5, 0), "l1\nl2\nl3\nl4\nl5x\n\n");
	CHECK_CURSOR(g, 4, 3);
	/* Shrinking drops the blank rows below the content first; content
	 * below the cursor is kept (tmux would delete it). */
	feed(g, "\033[2;1H");
	grid_resize(g, 4, 10);
	CHECK_INT(grid_history_size(g), 1);
	CHECK_STR(cap(g, -1, 3, 0), "l1\nl2\nl3\nl4\nl5x\n");
	CHECK_CURSOR(g, 0, 0);
	/* The libvterm state works at the new size. */
	feed(g, "\033[4;1H\r\n\r\nzz");
	CHECK_STR(cap(g, 0, 3, 0), "l4\nl5x\n\nzz\n");
	CHECK_INT(grid_history_size(g), 3);
	grid_resize(g, 1, 1);
	CHECK_INT(grid_rows(g), 1);
	CHECK_INT(grid_cols(g), 1);
	feed(g, "abc\r\n");
	grid_free(g);
}

static void test_reflow(void)
{
	struct grid *g = grid_new(5, 10, 100, NULL, NULL);

	feed(g, "abcdefghijKLMNO");
	CHECK_CURSOR(g, 1, 5);
	grid_resize(g, 5, 20);
	CHECK_STR(row(g, 0), "abcdefghijKLMNO");
	CHECK(!grid_line_wrapped(g, 0));
	CHECK_CURSOR(g, 0, 15);
	grid_resize(g, 5, 5);
	CHECK_STR(cap(g, 0, 2, 0), "abcde\nfghij\nKLMNO\n");
	CHECK(grid_line_wrapped(g, 0) && grid_line_wrapped(g, 1));
	CHECK_CURSOR(g, 3, 0);
	feed(g, "p");
	CHECK_STR(cap(g, 0, 4, GRID_CAPTURE_JOIN), "abcdefghijKLMNOp\n\n");
	grid_free(g);

	/* History is reflowed too. */
	g = grid_new(3, 10, 100, NULL, NULL);
	for (int i = 0; i < 4; i++)
		feedf(g, "%c%c%c%c%c%c%c%c%c%c%c%c%c%c%c\r\n", 'a' + i, 'a' + i, 'a' + i, 'a' + i,
		      'a' + i, 'a' + i, 'a' + i, 'a' + i, 'a' + i, 'a' + i, 'A' + i, 'A' + i,
		      'A' + i, 'A' + i, 'A' + i);
	feed(g, "$ ");
	CHECK_INT(grid_history_size(g), 6);
	grid_resize(g, 3, 20);
	CHECK_INT(grid_history_size(g), 2);
	CHECK_STR(cap(g, -100, 100, 0), "aaaaaaaaaaAAAAA\nbbbbbbbbbbBBBBB\nccccccccccCCCCC\n"
					"ddddddddddDDDDD\n$\n");
	CHECK_CURSOR(g, 2, 2);
	grid_free(g);

	/* One column wide, a wide character keeps its left half, as when one is
	 * printed there: no row begins with the right half of one. */
	g = grid_new(4, 10, 100, NULL, NULL);
	feed(g, "ab\344\270\255cd\344\270\255");
	grid_resize(g, 8, 1);
	for (int y = -grid_history_size(g); y < 8; y++)
		CHECK(grid_line(g, y)[0].ch != GRID_CH_WIDE_CONT);
	CHECK(strstr(cap(g, -100, 7, GRID_CAPTURE_JOIN), "ab\344\270\255cd\344\270\255") != NULL);
	grid_resize(g, 8, 10);
	CHECK_STR(row(g, 0), "ab\344\270\255cd\344\270\255");
	grid_free(g);
}

static void test_reflow_history(void)
{
	struct grid *g = grid_new(3, 10, 100, NULL, NULL);
	const char *want = "aaaaaaaaaaAAAAA\nbbbbbbbbbbBBBBB\nccccccccccCCCCC\n"
			   "ddddddddddDDDDD\nshort\n\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
			   "\xe6\x97\xa5\xe6\x9c\xac\n$ \n";

	feed(g, "aaaaaaaaaaAAAAA\r\nbbbbbbbbbbBBBBB\r\nccccccccccCCCCC\r\n"
		"ddddddddddDDDDD\r\nshort\r\n\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5"
		"\xe6\x9c\xac\r\n$ ");
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_JOIN), want);
	grid_resize(g, 3, 20);
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_JOIN), want);
	CHECK(strncmp(cap(g, -100, 100, 0), want, strlen(want) - 2) == 0);
	grid_resize(g, 3, 8);
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_JOIN), want);
	CHECK_STR(row(g, -2), "ddDDDDD");
	grid_resize(g, 4, 5);
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_JOIN), want);
	/* Wide characters never straddle a wrap: 日本|語日|本 */
	CHECK_STR(cap(g, 0, 2, 0), "\xe6\x97\xa5\xe6\x9c\xac\n\xe8\xaa\x9e\xe6\x97\xa5\n"
				   "\xe6\x9c\xac\n");
	CHECK_CURSOR(g, 3, 2);
	grid_resize(g, 3, 80);
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_JOIN), want);
	CHECK_CURSOR(g, 2, 2);
	CHECK_INT(grid_history_size(g), 4);
	grid_free(g);
}

static void test_resize_alt(void)
{
	struct grid *g = grid_new(4, 10, 100, NULL, NULL);

	feed(g, "one two three four\r\n$ ");
	feed(g, "\033[?1049h\033[1;1Halt\033[4;10HZ");
	grid_resize(g, 3, 5);
	CHECK(grid_alt_screen(g));
	CHECK_STR(row(g, 0), "alt");
	CHECK_CURSOR(g, 2, 4);
	feed(g, "\033[?1049l");
	CHECK(!grid_alt_screen(g));
	CHECK_STR(cap(g, -100, 100, GRID_CAPTURE_JOIN), "one two three four\n$ \n");
	grid_free(g);
}

static void test_misc_edges(void)
{
	struct grid *g = grid_new(4, 10, 2, NULL, NULL);
	const struct grid_cell *c;
	uint32_t seen = 0;
	int ok = 1;

	/* DECALN fills the screen. */
	feed(g, "\033#8");
	CHECK_STR(cap(g, 0, 3, 0), "EEEEEEEEEE\nEEEEEEEEEE\nEEEEEEEEEE\nEEEEEEEEEE\n");
	/* DECSCA-protected cells survive a selective erase only. */
	feed(g, "\033[2J\033[Hab\033[1\"qPR\033[0\"qcd\033[?2K");
	CHECK_STR(row(g, 0), "  PR");
	feed(g, "\033[2K");
	CHECK_STR(row(g, 0), "");
	/* A shrink past a small limit keeps only the newest lines. */
	feed(g, "\033[H1\r\n2\r\n3\r\n4");
	grid_resize(g, 1, 10);
	CHECK_INT(grid_history_size(g), 2);
	CHECK_STR(cap(g, -5, 0, 0), "2\n3\n4\n");
	grid_resize(g, 4, 10);
	CHECK_STR(cap(g, -5, 3, 0), "2\n3\n4\n\n");
	CHECK_INT(grid_history_size(g), 0);
	/* Attributes survive a reflow through the history. */
	feed(g, "\033[2J\033[H\033[1;38;5;200mABCDEFGHIJKL\033[0m\r\n\r\n\r\n\r\n");
	grid_resize(g, 4, 20);
	c = grid_line(g, -1);
	CHECK_STR(row(g, -1), "ABCDEFGHIJKL");
	CHECK(c[11].fg == GRID_COLOR_INDEXED(200) && c[11].attr == GRID_ATTR_BOLD);
	CHECK(c[12].fg == GRID_COLOR_DEFAULT && c[12].attr == 0);
	grid_free(g);

	/* No history at all: resizing drops what does not fit. */
	g = grid_new(4, 10, 0, NULL, NULL);
	feed(g, "a\r\nb\r\nc\r\nd");
	grid_resize(g, 2, 5);
	CHECK_STR(cap(g, -5, 1, 0), "c\nd\n");
	grid_resize(g, 4, 10);
	CHECK_STR(cap(g, -5, 3, 0), "c\nd\n\n\n");
	CHECK_CURSOR(g, 1, 1);
	grid_free(g);

	/* Combined cells are bounded: past the table's limit a cell keeps
	 * its base character and nothing breaks. */
	g = grid_new(2, 80, 10, NULL, NULL);
	for (uint32_t i = 0; i < 70000; i++) {
		char buf[16];
		uint32_t cp = 0x20000 + i;

		buf[0] = (char)(0xf0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[3] = (char)(0x80 | (cp & 0x3f));
		memcpy(buf + 4, "\xcc\x81\r", 3);
		grid_input(g, buf, 7);
		c = grid_line(g, 0);
		if (i < 65536 && !(c[0].flags & GRID_CELL_COMBINED))
			ok = 0;
		if (i >= 65536 && (c[0].flags & GRID_CELL_COMBINED || c[0].ch != cp))
			ok = 0;
		seen++;
	}
	CHECK(ok);
	CHECK_INT(seen, 70000);
	grid_free(g);

	/* Rows and columns below 1 are refused; NULL output is allowed. */
	g = grid_new(0, 0, -5, NULL, NULL);
	CHECK_INT(grid_rows(g), 1);
	CHECK_INT(grid_cols(g), 1);
	CHECK_INT(grid_history_limit(g), 0);
	grid_resize(g, 0, 5);
	CHECK_INT(grid_cols(g), 1);
	feed(g, "\033[c\033[6n");
	grid_free(g);
}

/* ---- history codec ---- */

static uint32_t rnd_state = 12345;

static uint32_t rnd(uint32_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

static size_t fake_expand(void *ctx, uint32_t idx, uint32_t *cps, size_t max)
{
	(void)ctx;
	if (max < 2)
		return 0;
	cps[0] = 'a' + idx;
	cps[1] = 0x301 + idx;
	return 2;
}

static int64_t fake_intern(void *ctx, const uint32_t *cps, size_t n)
{
	(void)ctx;
	if (n == 2 && cps[1] == 0x301 + (cps[0] - 'a'))
		return (int64_t)cps[0] - 'a';
	return -1;
}

static const struct history_codec fake_codec = {fake_expand, fake_intern, NULL};

static grid_color rnd_color(void)
{
	switch (rnd(4)) {
	case 0:
		return GRID_COLOR_DEFAULT;
	case 1:
		return GRID_COLOR_INDEXED(rnd(256));
	default:
		return GRID_COLOR_RGB(rnd(256), rnd(256), rnd(256));
	}
}

static void rnd_row(struct grid_cell *c, int n)
{
	struct grid_cell pen = {0, rnd_color(), rnd_color(), (uint16_t)rnd(1024), 1, 0};

	for (int x = 0; x < n; x++) {
		if (rnd(5) == 0)
			pen = (struct grid_cell){
				0, rnd_color(), rnd_color(), (uint16_t)rnd(1024), 1, 0};
		c[x] = pen;
		switch (rnd(6)) {
		case 0:
			c[x].ch = 0;
			break;
		case 1:
			c[x].ch = 0x4e00 + rnd(100);
			break;
		case 2:
			c[x].ch = rnd(10), c[x].flags = GRID_CELL_COMBINED;
			break;
		case 3:
			c[x].ch = 0x1f600 + rnd(50);
			break;
		default:
			c[x].ch = 0x21 + rnd(90);
			break;
		}
		if (c[x].ch >= 0x4e00 && !(c[x].flags & GRID_CELL_COMBINED) && x + 1 < n) {
			c[x].width = 2;
			c[x + 1] = c[x];
			c[x + 1].ch = GRID_CH_WIDE_CONT;
			c[x + 1].width = 0;
			x++;
		}
	}
}

static void test_history_codec(void)
{
	struct history *h = history_new(50);
	struct grid_cell in[120], out[120];
	static struct grid_cell rows[200][120];
	int ok = 1;

	for (int i = 0; i < 200; i++) {
		rnd_row(rows[i], 120);
		CHECK_INT(history_push(h, rows[i], 120, i & 1, &fake_codec), 0);
	}
	CHECK_INT(history_size(h), 50);
	for (int i = 0; i < 50; i++) {
		history_get(h, i, out, 120, &fake_codec);
		if (memcmp(out, rows[150 + i], sizeof out) != 0)
			ok = 0;
		if (history_cont(h, i) != ((150 + i) & 1))
			ok = 0;
	}
	CHECK(ok);
	/* A pen change at every cell: the runs take more than 255 bytes (their
	 * long length form), with rgb colours and attributes over one byte. */
	for (int x = 0; x < 120; x++)
		in[x] = (struct grid_cell){'a' + (uint32_t)x % 26,
					   GRID_COLOR_RGB(x, 255 - x, 7),
					   GRID_COLOR_RGB(1, x, 2),
					   (uint16_t)(x & 1 ? 0x401 : 3),
					   1,
					   0};
	history_push(h, in, 120, 1, &fake_codec);
	history_get(h, 49, out, 120, &fake_codec);
	CHECK(memcmp(out, in, sizeof out) == 0);
	CHECK_INT(history_cont(h, 49), 1);
	CHECK_INT(history_pop(h, NULL, 0, NULL, NULL), 120);
	/* Clipped to a narrower width, padded to a wider one. */
	rnd_row(in, 120);
	history_push(h, in, 60, 0, &fake_codec);
	history_get(h, 49, out, 100, &fake_codec);
	CHECK(memcmp(out, in, 59 * sizeof in[0]) == 0);
	CHECK_INT(out[99].ch, 0);
	CHECK_INT(out[99].width, 1);
	CHECK_INT(history_ncells(h, 49), 60);
	/* Pop returns the newest. */
	CHECK_INT(history_pop(h, out, 120, NULL, &fake_codec), 60);
	history_get(h, 48, out, 120, &fake_codec);
	CHECK(memcmp(out, rows[199], sizeof out) == 0);
	CHECK_INT(history_size(h), 49);
	while (history_pop(h, NULL, 0, NULL, NULL) >= 0)
		;
	CHECK_INT(history_size(h), 0);
	history_push(h, in, 5, 0, &fake_codec);
	CHECK_INT(history_size(h), 1);
	history_free(h);
}

/* A codec whose combined cells are long: an emoji and six marks (22 bytes),
 * more than the four a cell the encoder first makes room for. */
static size_t long_expand(void *ctx, uint32_t idx, uint32_t *cps, size_t max)
{
	(void)ctx;
	if (max < 7)
		return 0;
	cps[0] = 0x1f600 + idx;
	for (int i = 1; i < 7; i++)
		cps[i] = 0x300 + (uint32_t)i;
	return 7;
}

static int64_t long_intern(void *ctx, const uint32_t *cps, size_t n)
{
	(void)ctx;
	if (n != 7 || cps[0] < 0x1f600 || cps[0] >= 0x1f600 + 50)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (cps[i] != 0x300 + i)
			return -1;
	return (int64_t)cps[0] - 0x1f600;
}

static const struct history_codec long_codec = {long_expand, long_intern, NULL};

/* Push n cells and read them back as they were. */
static int round_trip(struct history *h, const struct grid_cell *in, int n,
		      const struct history_codec *codec)
{
	struct grid_cell out[300];

	if (history_push(h, in, n, 0, codec) != 0 ||
	    history_get(h, history_size(h) - 1, out, n, codec) != n)
		return 0;
	return memcmp(out, in, (size_t)n * sizeof in[0]) == 0;
}

static struct grid_cell cell(uint32_t ch, grid_color fg, grid_color bg, uint16_t attr)
{
	return (struct grid_cell){ch, fg, bg, attr, 1, 0};
}

/* Make in[x] a wide character, in[x + 1] its right half in the same pen. */
static void make_wide(struct grid_cell *in, int x, uint32_t ch)
{
	in[x].ch = ch;
	in[x].width = 2;
	in[x + 1] = in[x];
	in[x + 1].ch = GRID_CH_WIDE_CONT;
	in[x + 1].width = 0;
	in[x + 1].flags = 0;
}

/* The encoder's cases one by one: plain runs and what breaks them. */
static void test_history_edges(void)
{
	struct history *h = history_new(100);
	struct grid_cell in[300], out[300];
	const grid_color red = GRID_COLOR_INDEXED(1), rgb = GRID_COLOR_RGB(1, 2, 3);

	/* an empty line keeps its continuation flag */
	CHECK_INT(history_push(h, in, 0, 1, NULL), 0);
	CHECK_INT(history_ncells(h, 0), 0);
	CHECK_INT(history_cont(h, 0), 1);
	history_get(h, 0, out, 3, NULL);
	CHECK_INT(out[2].ch, 0);
	CHECK_INT(out[2].width, 1);
	/* pens changing mid-row, in and out of runs of ASCII: fg, bg, bold, a
	 * link id (attributes past one byte), back to the default */
	for (int x = 0; x < 40; x++)
		in[x] = cell('a' + (uint32_t)x % 26, x >= 5 && x < 9 ? red : 0, x >= 7 ? rgb : 0,
			     x >= 12 && x < 30 ? (x >= 20 ? 0x0401 : GRID_ATTR_BOLD) : 0);
	CHECK(round_trip(h, in, 40, NULL));
	/* read back narrower: clipped, a wide character across the edge as
	 * two blanks */
	make_wide(in, 9, 0x4e2d);
	CHECK_INT(history_push(h, in, 40, 0, NULL), 0);
	CHECK_INT(history_get(h, history_size(h) - 1, out, 10, NULL), 40);
	CHECK(memcmp(out, in, 9 * sizeof in[0]) == 0);
	CHECK_INT(out[9].ch, 0);
	CHECK_INT(history_get(h, history_size(h) - 1, out, 11, NULL), 40);
	CHECK(memcmp(out, in, 11 * sizeof in[0]) == 0);
	/* ASCII's edges (DEL, 0x80), blanks (written as the byte 0) in and out
	 * of the pen, then two to four byte characters */
	for (int x = 0; x < 20; x++)
		in[x] = cell(x % 2 ? 0 : 0x7f + (uint32_t)x / 2, x >= 10 ? red : 0, 0, 0);
	in[3].fg = rgb;
	in[14].ch = 0x4e2d;
	in[16].ch = 0x1f600;
	CHECK(round_trip(h, in, 20, NULL));
	/* invalid code points are kept as U+FFFD */
	in[0] = cell(0xd800, 0, 0, 0);
	in[1] = cell(0x110000, 0, 0, 0);
	CHECK_INT(history_push(h, in, 2, 0, NULL), 0);
	history_get(h, history_size(h) - 1, out, 2, NULL);
	CHECK_INT(out[0].ch, 0xfffd);
	CHECK_INT(out[1].ch, 0xfffd);
	/* wide characters: a pen that changes on the right half, ASCII in a
	 * new pen right after, and one in the last two cells */
	for (int x = 0; x < 10; x++)
		in[x] = cell('x', 0, 0, 0);
	make_wide(in, 0, 0x65e5);
	in[1].bg = red;
	make_wide(in, 2, 0x672c);
	in[4].fg = rgb;
	make_wide(in, 8, 0x8a9e);
	CHECK(round_trip(h, in, 10, NULL));
	/* a right half alone, and an ASCII character of width 2 */
	in[0] = cell('a', 0, 0, 0);
	in[1] = cell(GRID_CH_WIDE_CONT, 0, 0, 0);
	in[1].width = 0;
	make_wide(in, 2, 'w');
	CHECK(round_trip(h, in, 4, NULL));
	/* trailing blanks: dropped unless they show (a bg or attributes) or
	 * are combined; four at a time and one by one */
	for (int x = 0; x < 11; x++)
		in[x] = cell(x < 2 ? 'a' : 0, red, 0, 0);
	CHECK_INT(history_content_len(in, 11), 2);
	in[9].bg = red;
	CHECK_INT(history_content_len(in, 11), 10);
	in[9].bg = 0;
	in[6].attr = GRID_ATTR_REVERSE;
	CHECK_INT(history_content_len(in, 11), 7);
	in[6].attr = 0;
	in[4].flags = GRID_CELL_COMBINED;
	CHECK_INT(history_content_len(in, 11), 5);
	in[0].ch = in[1].ch = 0;
	in[4].flags = 0;
	CHECK_INT(history_content_len(in, 11), 0);
	/* blanks with a background colour at the end are kept as they are */
	for (int x = 0; x < 30; x++)
		in[x] = cell(x < 10 ? 'a' : 0, 0, x < 10 ? 0 : rgb, 0);
	CHECK(round_trip(h, in, 30, NULL));
	/* a row of combined characters only, one of them wide with index 0 */
	for (int x = 0; x < 12; x++) {
		in[x] = cell((uint32_t)x % 10, 0, 0, 0);
		in[x].flags = GRID_CELL_COMBINED;
	}
	make_wide(in, 4, 0);
	CHECK(round_trip(h, in, 12, &fake_codec));
	/* combined cells whose base is ASCII, each the eighth of a group of
	 * plain bytes (decoding takes eight bytes at a time) */
	for (int x = 0; x < 40; x++)
		in[x] = cell('a' + (uint32_t)x % 26, x >= 30 ? red : 0, 0, 0);
	for (int x = 7; x < 40; x += 9) {
		in[x].ch = (uint32_t)x % 10;
		in[x].flags = GRID_CELL_COMBINED;
	}
	CHECK(round_trip(h, in, 40, &fake_codec));
	/* combined cells longer than the room in the chunk (4 KB at first):
	 * the line is encoded again with room for the worst case */
	for (int x = 0; x < 300; x++) {
		in[x] = cell(x % 10 ? (uint32_t)x % 50 : 'q', 0, x % 7 ? 0 : red, 0);
		in[x].flags = x % 10 ? GRID_CELL_COMBINED : 0;
	}
	CHECK(round_trip(h, in, 300, &long_codec));
	/* a wide combined cell that cannot be expanded: two blanks, and the
	 * cells after it stay in their columns */
	in[0] = cell(3, 0, 0, 0);
	in[0].flags = GRID_CELL_COMBINED;
	make_wide(in, 0, 3);
	in[2] = cell('z', 0, 0, 0);
	CHECK_INT(history_push(h, in, 3, 0, NULL), 0);
	history_get(h, history_size(h) - 1, out, 3, NULL);
	CHECK_INT(out[0].ch, 0);
	CHECK_INT(out[1].ch, 0);
	CHECK_INT(out[2].ch, 'z');
	history_free(h);
}

/* Plain 80-column text: the budget is well under 1.5 MB per 10,000 lines. */
static void test_history_memory(void)
{
	struct history *h = history_new(10000);
	struct grid_cell c[80];
	struct grid *g;
	size_t bytes;

	for (int i = 0; i < 12000; i++) {
		for (int x = 0; x < 80; x++)
			c[x] = (struct grid_cell){(uint32_t)(' ' + (i * 7 + x * 13) % 94 + 1),
						  GRID_COLOR_DEFAULT,
						  GRID_COLOR_DEFAULT,
						  0,
						  1,
						  0};
		history_push(h, c, 80, 0, NULL);
	}
	bytes = history_bytes(h);
	printf("history: 10000 lines of 80 columns: %zu bytes (%.1f bytes/line)\n", bytes,
	       bytes / 10000.0);
	CHECK_INT(history_size(h), 10000);
	CHECK(bytes < 1000 * 1000);
	/* A coloured prompt and text on every line: three runs per line. */
	for (int i = 0; i < 10000; i++) {
		for (int x = 0; x < 80; x++) {
			grid_color fg = x < 9		   ? GRID_COLOR_INDEXED(2)
					: x > 10 && x < 16 ? GRID_COLOR_INDEXED(4)
							   : GRID_COLOR_DEFAULT;

			c[x] = (struct grid_cell){
				(uint32_t)('a' + (i + x) % 26), fg, GRID_COLOR_DEFAULT,
				x < 9 ? GRID_ATTR_BOLD : 0,	1,  0};
		}
		history_push(h, c, 80, 0, NULL);
	}
	bytes = history_bytes(h);
	printf("history: 10000 coloured lines of 80 columns: %zu bytes (%.1f bytes/line)\n", bytes,
	       bytes / 10000.0);
	CHECK(bytes < 1500 * 1000);
	history_free(h);

	/* Through a grid, with a coloured prompt on every line. */
	g = grid_new(24, 80, 10000, NULL, NULL);
	for (int i = 0; i < 10100; i++)
		feedf(g, "\033[1;32muser@host\033[0m:\033[34m~/src\033[0m$ %-60.60s\r\n",
		      "ls -la some/longer/path/name/with/files/in/it/for/the/test");
	CHECK_INT(grid_history_size(g), 10000);
	grid_free(g);
}

/* ---- throughput ---- */

static char *make_log(size_t size, size_t *len)
{
	static const char *words[] = {"request",
				      "GET",
				      "/api/v1/items",
				      "200",
				      "OK",
				      "latency",
				      "user=42",
				      "cache",
				      "miss",
				      "\xc3\xa9t\xc3\xa9",
				      "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
				      "\xe4\xb8\xad\xe6\x96\x87",
				      "na\xc3\xafve",
				      "worker-3"};
	static const char *level[] = {"\033[32mINFO\033[0m", "\033[33mWARN\033[0m",
				      "\033[1;31mERROR\033[0m", "\033[38;5;244mDEBUG\033[0m"};
	char *buf = malloc(size + 1024);
	size_t n = 0;
	unsigned line = 0;

	if (buf == NULL)
		return NULL;
	while (n < size) {
		int words_in_line = 4 + (int)rnd(60); /* some lines wrap at 200 */

		n += (size_t)sprintf(buf + n, "\033[2m2024-05-01T12:%02u:%02u.%03u\033[0m %s ",
				     line / 60 % 60, line % 60, line % 1000, level[rnd(4)]);
		for (int w = 0; w < words_in_line && n < size; w++) {
			if (rnd(8) == 0)
				n += (size_t)sprintf(buf + n, "\033[38;2;%u;%u;%um%s\033[0m ",
						     rnd(256), rnd(256), rnd(256), words[rnd(14)]);
			else
				n += (size_t)sprintf(buf + n, "%s ", words[rnd(14)]);
		}
		buf[n++] = '\r';
		buf[n++] = '\n';
		line++;
	}
	*len = n;
	return buf;
}

static int noop_glyph(VTermGlyphInfo *info, VTermPos pos, void *user)
{
	(void)info, (void)pos, (void)user;
	return 1;
}

static int noop_scroll(VTermRect rect, int down, int right, void *user)
{
	(void)rect, (void)down, (void)right, (void)user;
	return 1;
}

static int noop_erase(VTermRect rect, int selective, void *user)
{
	(void)rect, (void)selective, (void)user;
	return 1;
}

static int noop_pen(VTermAttr attr, VTermValue *val, void *user)
{
	(void)attr, (void)val, (void)user;
	return 1;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The same bytes through libvterm's state layer alone, callbacks doing
 * nothing: the most any grid on it could reach on this machine. */
static double bench_floor(const char *log, size_t len, size_t chunk)
{
	static const VTermStateCallbacks cb = {.putglyph = noop_glyph,
					       .scrollrect = noop_scroll,
					       .erase = noop_erase,
					       .setpenattr = noop_pen};
	VTerm *vt = vterm_new(50, 200);
	VTermState *st = vterm_obtain_state(vt);
	struct timespec t0;
	double s;

	vterm_set_utf8(vt, 1);
	vterm_state_set_callbacks(st, &cb, NULL);
	vterm_state_reset(st, 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t off = 0; off < len; off += chunk)
		vterm_input_write(vt, log + off, len - off < chunk ? len - off : chunk);
	s = seconds_since(&t0);
	vterm_free(vt);
	return len / 1048576.0 / s;
}

/* Rows as the grid pushes them into its history: screens of the log above
 * (200 columns), each cut like the grid cuts it (trailing blanks dropped
 * unless the row wraps). */
#define HB_ROWS 1000

struct hb_rows {
	struct grid_cell cells[HB_ROWS][200];
	int wraps[HB_ROWS], cont[HB_ROWS], n, cols;
};

static void sample_rows(struct hb_rows *s, const char *log, size_t len)
{
	struct grid *g = grid_new(50, 200, 0, NULL, NULL);
	size_t off = 0;

	s->n = 0;
	s->cols = 200;
	while (s->n < HB_ROWS && off < len) {
		size_t step = len - off < 10000 ? len - off : 10000;

		grid_input(g, log + off, step);
		off += step;
		for (int y = 0; y < 50 && s->n < HB_ROWS; y++, s->n++) {
			memcpy(s->cells[s->n], grid_line(g, y), sizeof s->cells[0]);
			s->cont[s->n] = y > 0 && grid_line_wrapped(g, y - 1);
			s->wraps[s->n] = grid_line_wrapped(g, y);
		}
	}
	grid_free(g);
}

/* The 80-column rows of test_history_memory: plain, or with a coloured
 * prompt. */
static void make_rows80(struct hb_rows *s, int coloured)
{
	s->n = HB_ROWS;
	s->cols = 80;
	for (int i = 0; i < HB_ROWS; i++) {
		for (int x = 0; x < 80; x++) {
			grid_color fg = !coloured	   ? GRID_COLOR_DEFAULT
					: x < 9		   ? GRID_COLOR_INDEXED(2)
					: x > 10 && x < 16 ? GRID_COLOR_INDEXED(4)
							   : GRID_COLOR_DEFAULT;

			s->cells[i][x] = (struct grid_cell){
				(uint32_t)(' ' + (i * 7 + x * 13) % 94 + 1), fg, GRID_COLOR_DEFAULT,
				coloured && x < 9 ? GRID_ATTR_BOLD : 0,	     1,	 0};
		}
		s->wraps[i] = 0;
		s->cont[i] = 0;
	}
}

/* Push the rows reps times into a history of 2000 lines, as the grid does
 * (cut, then pushed): nanoseconds per row. Run under callgrind, the
 * instructions per row are history_push's inclusive cost over its calls
 * from here. */
static double bench_push(const struct hb_rows *s, int reps)
{
	struct history *h = history_new(2000);
	struct timespec t0;
	double sec;
	int sink = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < s->n; i++) {
			int n = s->wraps[i] ? s->cols : history_content_len(s->cells[i], s->cols);

			sink += history_push(h, s->cells[i], n, s->cont[i], NULL);
		}
	sec = seconds_since(&t0);
	history_free(h);
	return sink == 0 ? sec * 1e9 / ((double)reps * s->n) : -1;
}

/* Read every line of a history of the rows back, reps times (copy mode,
 * capture-pane): nanoseconds per row. */
static double bench_get(const struct hb_rows *s, int reps)
{
	struct history *h = history_new(s->n);
	static struct grid_cell out[200];
	struct timespec t0;
	double sec;
	long sink = 0;

	for (int i = 0; i < s->n; i++)
		history_push(h, s->cells[i],
			     s->wraps[i] ? s->cols : history_content_len(s->cells[i], s->cols),
			     s->cont[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < reps; r++)
		for (int i = 0; i < s->n; i++)
			sink += history_get(h, i, out, s->cols, NULL);
	sec = seconds_since(&t0);
	history_free(h);
	return sink > 0 ? sec * 1e9 / ((double)reps * s->n) : -1;
}

static void bench_history(const char *log, size_t len, double mb)
{
	struct hb_rows *s = malloc(sizeof *s);
	int reps = (int)(mb * 8) > 1 ? (int)(mb * 8) : 1;
	long cells = 0;

	if (s == NULL) {
		fprintf(stderr, "bench: out of memory\n");
		failures++;
		return;
	}
	sample_rows(s, log, len);
	for (int i = 0; i < s->n; i++)
		cells += s->wraps[i] ? 200 : history_content_len(s->cells[i], 200);
	printf("bench: history_push, %d log rows of 200 columns (%.0f cells kept): %.0f ns/row\n",
	       s->n, (double)cells / s->n, bench_push(s, reps));
	printf("bench: history_get, the same rows: %.0f ns/row\n", bench_get(s, reps));
	make_rows80(s, 0);
	printf("bench: history_push, plain rows of 80 columns: %.0f ns/row\n", bench_push(s, reps));
	make_rows80(s, 1);
	printf("bench: history_push, coloured rows of 80 columns: %.0f ns/row\n",
	       bench_push(s, reps));
	free(s);
}

/* A 50x200 grid with a full history of 10000 lines of the log, resized
 * to 120 columns and back (reflow decodes every history line and encodes
 * it again): milliseconds for both. */
static double bench_reflow(const char *log, size_t len)
{
	struct grid *g = grid_new(50, 200, 10000, NULL, NULL);
	struct timespec t0;
	size_t off = 0;
	double sec;

	while (grid_history_size(g) < 10000 && off < len) {
		size_t step = len - off < 65536 ? len - off : 65536;

		grid_input(g, log + off, step);
		off += step;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	grid_resize(g, 50, 120);
	grid_resize(g, 50, 200);
	sec = seconds_since(&t0);
	grid_free(g);
	return sec * 1e3;
}

static void bench(double mb)
{
	size_t len, chunk = 64 * 1024;
	char *log = make_log((size_t)(mb * 1024 * 1024), &len);
	struct grid *g = grid_new(50, 200, 2000, NULL, NULL);
	struct timespec t0;
	double s;

	if (log == NULL || g == NULL) {
		fprintf(stderr, "bench: out of memory\n");
		failures++;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t off = 0; off < len; off += chunk)
		grid_input(g, log + off, len - off < chunk ? len - off : chunk);
	s = seconds_since(&t0);
	printf("bench: %.1f MB of log-like text into a 50x200 grid: %.3f s, %.1f MB/s"
	       " (history %d lines)\n",
	       len / 1048576.0, s, len / 1048576.0 / s, grid_history_size(g));
	printf("bench: libvterm state alone, no-op callbacks: %.1f MB/s\n",
	       bench_floor(log, len, chunk));
	bench_history(log, len, mb);
	printf("bench: reflow of 10000 history lines, 200 -> 120 -> 200 columns: %.1f ms\n",
	       bench_reflow(log, len));
	grid_free(g);
	free(log);
}

/*
 * Rows hold only the cells written so far (in steps of 32): on a wide
 * screen, writes, inserts, deletes, erases, wide characters and scrolls past
 * a row's cells must read as if every row were whole.
 */
static void test_short_rows(void)
{
	struct grid *g = grid_new(4, 100, 100, NULL, NULL);
	const struct grid_cell *c;

	feed(g, "abc");
	c = grid_line(g, 0);
	CHECK_INT(c[2].ch, 'c');
	CHECK_INT(c[99].ch, 0);
	CHECK_INT(c[99].width, 1);
	feed(g, "\033[1;40Hx");
	CHECK_STR(row(g, 0), "abc                                    x");
	feed(g, "\033[1;2H\033[5@");
	CHECK_STR(row(g, 0), "a     bc                                    x");
	feed(g, "\033[1;2H\033[5P");
	CHECK_STR(row(g, 0), "abc                                    x");
	feed(g, "\033[1;3H\033[70P");
	CHECK_STR(row(g, 0), "ab");
	/* an erase in a colour reaches the end of the row */
	feed(g, "\033[2;1H\033[41m\033[K\033[m");
	CHECK_INT(grid_line(g, 1)[99].bg, GRID_COLOR_INDEXED(1));
	CHECK_INT(grid_line(g, 1)[0].bg, GRID_COLOR_INDEXED(1));
	/* a wide character across a step edge, then its right half overwritten */
	feed(g, "\033[3;32H\346\227\245");
	c = grid_line(g, 2);
	CHECK_INT(c[31].width, 2);
	CHECK_INT(c[32].ch, GRID_CH_WIDE_CONT);
	feed(g, "\033[3;33Hz");
	c = grid_line(g, 2);
	CHECK_INT(c[31].ch, 0);
	CHECK_INT(c[32].ch, 'z');
	/* insert characters into a row never written */
	feed(g, "\033[4;50H\033[3@");
	CHECK_STR(row(g, 3), "");
	/* short rows into the history, then a reflow both ways */
	feed(g, "\033[4;1Hlast\r\nmore\r\nend");
	CHECK_STR(cap(g, -3, 3, 0), "ab\n\n                                z\nlast\nmore\nend\n");
	grid_resize(g, 4, 20);
	grid_resize(g, 4, 100);
	CHECK_STR(cap(g, -3, 3, 0), "ab\n\n                                z\nlast\nmore\nend\n");
	CHECK_INT(grid_line(g, 0)[32].ch, 'z');
	grid_free(g);
}

/* The columns a row changed in since a stamp: one input's, as a span. */
static void test_row_span(void)
{
	struct grid *g = grid_new(4, 40, 100, NULL, NULL);
	uint64_t s0, s1;
	int x0 = -1, x1 = -1;

	feed(g, "\033[2;6Habc");
	s0 = grid_row_generation(g, 1);
	feed(g, "de");
	CHECK(grid_row_span(g, 1, s0, &x0, &x1));
	CHECK_INT(x0, 8);
	CHECK_INT(x1, 10);
	/* two inputs: from the first's stamp only the second is known */
	s1 = grid_row_generation(g, 1);
	feed(g, "\033[2;20Hz");
	CHECK(!grid_row_span(g, 1, s0, &x0, &x1));
	CHECK(grid_row_span(g, 1, s1, &x0, &x1));
	CHECK_INT(x0, 19);
	CHECK_INT(x1, 20);
	/* an erase to the end of the row */
	s1 = grid_row_generation(g, 1);
	feed(g, "\033[2;30H\033[K");
	CHECK(grid_row_span(g, 1, s1, &x0, &x1));
	CHECK(x0 <= 29 && x1 == 40);
	/* a wide character mends its neighbours */
	s1 = grid_row_generation(g, 1);
	feed(g, "\033[2;3H\346\227\245");
	CHECK(grid_row_span(g, 1, s1, &x0, &x1));
	CHECK(x0 <= 2 && x1 >= 4);
	/* a scroll moves every row: nothing is known of the old stamps */
	s1 = grid_row_generation(g, 1);
	feed(g, "\033[4;1H\nq");
	CHECK(!grid_row_span(g, 1, s1, &x0, &x1));
	CHECK(!grid_row_span(g, 3, grid_row_generation(g, 3) - 1, &x0, &x1));
	grid_free(g);
}

/* scroll-on-clear: ED 2 pushes the main screen's used rows (down to the
 * last one) into the history; not ED 0 or ED 1, not the alternate screen. */
static void test_scroll_on_clear(void)
{
	struct grid *g = grid_new(5, 10, 100, NULL, NULL);

	feed(g, "one\r\ntwo\r\nthree\033[2J");
	CHECK_INT(grid_history_size(g), 0); /* off until set */
	grid_set_scroll_on_clear(g, 1);
	feed(g, "\033[Ha\r\nb\r\n\r\nc\033[H\033[J\033[Hd\033[1J");
	CHECK_INT(grid_history_size(g), 0);
	feed(g, "\033[2;1Hx\r\n\r\nlast\033[2J");
	CHECK_INT(grid_history_size(g), 4);
	CHECK_STR(row(g, -4), ""); /* (ED 1 erased the d) */
	CHECK_STR(row(g, -3), "x");
	CHECK_STR(row(g, -1), "last");
	CHECK_STR(row(g, 0), "");
	feed(g, "\033[?1049hon alt\033[2J\033[?1049l");
	CHECK_INT(grid_history_size(g), 4);
	grid_free(g);
}

/* Feed s in pieces of n bytes (0: whole). */
static void feed_pieces(struct grid *g, const char *s, size_t n)
{
	size_t len = strlen(s);

	if (n == 0)
		n = len;
	for (size_t i = 0; i < len; i += n)
		grid_input(g, s + i, len - i < n ? len - i : n);
}

/* The tab stops, as "5,20", and whether a TAB from each stops at them. */
static void tab_list(struct grid *g, char *out, size_t size)
{
	size_t len = 0;
	int row, col, prev = 0;

	out[0] = '\0';
	for (int x = 0; x < grid_cols(g); x++) {
		if (!grid_tab_stop(g, x))
			continue;
		len += (size_t)snprintf(out + len, size - len, "%s%d", len ? "," : "", x);
		/* libvterm agrees: a TAB from the stop before lands here */
		grid_input(g, "\r", 1);
		for (int i = 0; i < prev; i++)
			grid_input(g, "\033[C", 3);
		grid_input(g, "\t", 1);
		grid_cursor(g, &row, &col);
		CHECK_INT(col, x);
		prev = x;
	}
}

static void test_modes(void)
{
	static const size_t pieces[] = {0, 1, 2, 7};
	struct grid_modes m;
	char tabs[256];

	for (int fast = 0; fast <= 1; fast++) {
		for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
			struct grid *g = grid_new(24, 40, 100, NULL, NULL);

			grid_set_fast(g, fast);
			grid_modes(g, &m);
			CHECK(!m.insert && !m.origin && m.wrap && !m.keypad && !m.keypad_cursor);
			CHECK_INT(m.region_upper, 0);
			CHECK_INT(m.region_lower, 23);
			CHECK_INT(m.alt_saved_x, -1);
			tab_list(g, tabs, sizeof tabs);
			CHECK_STR(tabs, "8,16,24,32");

			feed_pieces(g,
				    "ab\033[4h\033=\033[?1;6;1005;1006h\033[?7l\033[3;9r"
				    "\033[3g\033[1;4Hxy\033Hz\033[1;12H\033H\033[3;6H\033[?1049h",
				    pieces[i]);
			grid_modes(g, &m);
			CHECK(m.insert && m.origin && !m.wrap && m.keypad && m.keypad_cursor);
			CHECK(m.mouse_utf8 && m.mouse_sgr);
			CHECK_INT(m.region_upper, 2);
			CHECK_INT(m.region_lower, 8);
			/* (origin mode: row 3 of the region) */
			CHECK_INT(m.alt_saved_x, 5);
			CHECK_INT(m.alt_saved_y, 4);
			/* a region of less than two rows is ignored, as tmux */
			feed_pieces(g, "\033[?6l\033[?7h\033[4l\033[2;2H\033[5;5r\033[9;3r",
				    pieces[i]);
			grid_modes(g, &m);
			CHECK_INT(m.region_upper, 2);
			CHECK_INT(m.region_lower, 8);
			{
				int row, col;

				grid_cursor(g, &row, &col);
				CHECK_INT(row, 1);
				CHECK_INT(col, 1);
			}
			tab_list(g, tabs, sizeof tabs);
			CHECK_STR(tabs, "5,11");

			/* a new width: every 8 columns again, libvterm's too */
			grid_resize(g, 20, 50);
			grid_modes(g, &m);
			CHECK_INT(m.region_upper, 0);
			CHECK_INT(m.region_lower, 19);
			tab_list(g, tabs, sizeof tabs);
			CHECK_STR(tabs, "8,16,24,32,40,48");

			feed_pieces(g, "\033[?1049l\033[1;17H\033[g\033c", pieces[i]);
			grid_modes(g, &m);
			CHECK(!m.keypad && !m.keypad_cursor && !m.origin);
			CHECK_INT(m.alt_saved_x, 5); /* (kept, as tmux) */
			tab_list(g, tabs, sizeof tabs);
			CHECK_STR(tabs, "8,16,24,32,40,48");
			grid_free(g);
		}
	}
}

int main(int argc, char **argv)
{
	test_modes();
	test_text_and_cursor();
	test_scrolling();
	test_scroll_region();
	test_wide();
	test_combining();
	test_altscreen();
	test_history_limit();
	test_wrapped();
	test_capture_escapes();
	test_colors();
	test_erase();
	test_title_and_modes();
	test_resize_rows();
	test_reflow();
	test_reflow_history();
	test_resize_alt();
	test_misc_edges();
	test_short_rows();
	test_row_span();
	test_scroll_on_clear();
	test_history_codec();
	test_history_edges();
	test_history_memory();
	if (argc > 1 && strcmp(argv[1], "--bench") == 0)
		bench(argc > 2 ? atof(argv[2]) : 32);
	free(last_capture);
	printf("%d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
