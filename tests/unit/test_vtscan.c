/*
 * Unit tests for vtscan (following libvterm's parser to know when text is
 * plain) and for the grid's defences against what libvterm 0.3.3 does with
 * hostile input: a CSI of more than 16 parameters, a saved cursor restored
 * off a screen that shrank, a double-width row one column wide, and a UTF-8
 * character cut by the end of a read.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "term/grid.h"
#include "term/vtscan.h"

/* Feed s unit by unit; the kinds of the units, as letters. */
static const char *units(struct vtscan *s, const char *text)
{
	static char kinds[64];
	const unsigned char *p = (const unsigned char *)text;
	size_t len = strlen(text), k = 0;

	while (len > 0 && k + 1 < sizeof kinds) {
		enum vtscan_kind kind;
		size_t n = vtscan_unit(s, p, len, 0, &kind);

		kinds[k++] = "NMIPC"[kind];
		p += n;
		len -= n;
	}
	kinds[k] = '\0';
	return kinds;
}

static void test_plain_modes(void)
{
	struct vtscan s;

	vtscan_init(&s, 24);
	CHECK(vtscan_plain(&s));
	CHECK_STR(units(&s, "\033[4h"), "M");
	CHECK(!vtscan_plain(&s) && vtscan_modal(&s));
	units(&s, "\033[4l");
	CHECK(vtscan_plain(&s));
	units(&s, "\033[?7l");
	CHECK(!vtscan_plain(&s));
	units(&s, "\033[?7h\033[2;4r");
	CHECK(!vtscan_plain(&s));
	units(&s, "\033[1;24r"); /* the whole screen again */
	CHECK(vtscan_plain(&s));
	units(&s, "\033(0");
	CHECK(!vtscan_plain(&s));
	units(&s, "\033(B\033)0");
	CHECK(vtscan_plain(&s));
	units(&s, "\016"); /* SO: G1, DEC graphics */
	CHECK(!vtscan_plain(&s));
	units(&s, "\017\033H"); /* SI, then HTS moves the tab stops */
	CHECK(!vtscan_plain(&s));
	units(&s, "\033c");
	CHECK(vtscan_plain(&s));
	/* libvterm ignores a CSI with two leaders: so must we */
	units(&s, "\033[??7l");
	CHECK(vtscan_plain(&s));
}

static void test_unit_kinds(void)
{
	struct vtscan s;

	vtscan_init(&s, 24);
	/* SGR, OSC and BEL are neutral; a cursor move is not */
	CHECK_STR(units(&s, "\033[1;31m\033]2;title\007\007\033[H"), "NNNM");
	/* a control inside an OSC is executed: not neutral */
	CHECK_STR(units(&s, "\033]2;a\nb\007"), "M");
	/* text: one character each, with the marks that may join it */
	CHECK_STR(units(&s, "a\xc3\xa9"), "MM");
	CHECK_STR(units(&s, "e\xcc\x81x"), "MM");
	CHECK_STR(units(&s, "\xff"), "I");
	CHECK_STR(units(&s, "\xe6\x97"), "P");
	/* a sequence cut by the end of the buffer is not neutral */
	CHECK_STR(units(&s, "\033[3"), "M");
	CHECK_STR(units(&s, "1m"), "M");
	CHECK(vtscan_plain(&s));
	/* more than 16 parameters: the rest is cancelled */
	CHECK_STR(units(&s, "\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18mx"), "MCM");
	CHECK(vtscan_plain(&s));
	/* a restore of the saved cursor ends a whole unit */
	{
		enum vtscan_kind kind;
		const char *t = "\0338abc";

		CHECK_INT(vtscan_unit(&s, (const unsigned char *)t, strlen(t), 1, &kind), 2);
		CHECK(s.restored);
	}
}

static struct grid *new_grid(int rows, int cols, int fast)
{
	struct grid *g = grid_new(rows, cols, 10, NULL, NULL);

	grid_set_fast(g, fast);
	return g;
}

static void feed(struct grid *g, const char *s)
{
	grid_input(g, s, strlen(s));
}

static void cell_text(struct grid *g, int y, int x, char *out)
{
	size_t n = grid_cell_utf8(g, &grid_line(g, y)[x], out);

	out[n] = '\0';
}

/* (a macro, so that a failure names the line of the check) */
#define CHECK_CELL(g, y, x, want)                \
	do {                                     \
		char text_[32];                  \
		cell_text((g), (y), (x), text_); \
		CHECK_STR(text_, (want));        \
	} while (0)

/* Each defence, with the fast path and without. */
static void test_hostile(int fast)
{
	struct grid *g = new_grid(5, 11, fast);
	int row, col;

	feed(g, "\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20mok");
	CHECK_CELL(g, 0, 0, "o");
	CHECK_INT(grid_line(g, 0)[0].attr, 0);

	/* a cursor saved at row 4, restored after the screen became 3 rows */
	feed(g, "\r\033[5e\033[?1049h");
	grid_resize(g, 3, 8);
	feed(g, "\0338rstuvwxyz");
	grid_cursor(g, &row, &col);
	CHECK(row >= 0 && row < 3 && col >= 0 && col < 8);

	/* a character cut by the end of a read, after ASCII */
	feed(g, "\033[2J\033[Ha\xc3");
	feed(g, "\xa9"
		"b");
	CHECK_CELL(g, 0, 1, "\xc3\xa9");
	CHECK_CELL(g, 0, 2, "b");
	grid_free(g);

	/* a double-width row on a screen one column wide has no room:
	 * libvterm puts text at column -1 */
	g = new_grid(2, 1, fast);
	feed(g, "\033#6\xc3\xa9xyz");
	grid_free(g);
	g = new_grid(5, 1, fast);
	feed(g, "\033[5Hx\033#6\033[B[");
	grid_free(g);
	/* such a row is not made there: its cursor went to column -1, and a
	 * tab stop set there was written before libvterm's array */
	for (int split = 0; split < 2; split++) {
		g = new_grid(2, 1, fast);
		if (split) {
			feed(g, "\033#");
			feed(g, "3\033[G\033H");
		} else {
			feed(g, "\033#3\033[G\033H");
		}
		grid_cursor(g, &row, &col);
		CHECK_INT(col, 0);
		grid_free(g);
	}

	/* U+009B as UTF-8: libvterm gives it a width of -1 */
	g = new_grid(3, 10, fast);
	feed(g, "\302\233x");
	CHECK_CELL(g, 0, 1, "x");

	/* REP with nothing to repeat, or a glyph of no width: libvterm loops
	 * forever (the test would hang) */
	feed(g, "\033[b");
	feed(g, "ab\r\314\201\033[3b");
	feed(g, "\033c\033[2b");
	feed(g, "\033[Hz\033[2b"); /* a REP that may: zzz */
	CHECK_CELL(g, 0, 2, "z");
	/* ... and the ESC of one kept from libvterm still ends the escape
	 * before it: what follows is text, not a DCS or a CSI's final */
	feed(g, "\033c\033\033[bP");
	CHECK_CELL(g, 0, 0, "P");
	feed(g, "\033c\033[1\033[bQ");
	CHECK_CELL(g, 0, 0, "Q");
	feed(g, "R");
	CHECK_CELL(g, 0, 1, "R");
	grid_free(g);

	/* a wrap libvterm holds at a right margin of one column outlives the
	 * margins (DECSTR): the next character goes to the next row, as there */
	g = new_grid(8, 8, fast);
	feed(g, "\033[?69h\033[;1s\033[?6hab\033[5b\033[!py");
	CHECK_CELL(g, 1, 0, "y");
	CHECK_CELL(g, 0, 0, "a");
	grid_free(g);

	/* a scroll region whose top is past a smaller screen */
	g = new_grid(12, 10, fast);
	feed(g, "\033[8r");
	grid_resize(g, 4, 10);
	feed(g, "\033[T\033[S\033[4Habc"); /* the region is the whole screen again */
	CHECK_CELL(g, 3, 0, "a");
	grid_free(g);
}

int main(void)
{
	test_plain_modes();
	test_unit_kinds();
	test_hostile(1);
	test_hostile(0);
	CHECK_DONE();
}
