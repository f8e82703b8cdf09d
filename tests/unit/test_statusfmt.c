/*
 * test_statusfmt: status format lines laid out as tmux 3.3a lays them out.
 * The expected lines and click maps were read off tmux 3.3a itself (a
 * client's screen, and which mouse key a click on each column gave), for
 * the same expanded text.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/statusfmt.h"
#include "util/buf.h"

#define MAXW 80

static struct grid_cell cells[MAXW];
static struct statusfmt_ranges ranges;
static const struct grid_cell base = {.ch = ' ', .width = 1};

/* The line drawn in width columns, as text (trailing blanks kept). */
static const char *draw(const char *text, int width)
{
	static char s[MAXW + 1];

	statusfmt_draw(text, &base, cells, width, &ranges);
	for (int x = 0; x < width; x++)
		s[x] = cells[x].ch < 0x80 ? (char)cells[x].ch : '?';
	s[width] = '\0';
	return s;
}

/* What a click finds in each column of the line drawn last: L, R, the
 * window index's last digit, or D for none. */
static const char *map(int width)
{
	static char s[MAXW + 1];

	for (int x = 0; x < width; x++) {
		const struct statusfmt_range *r = statusfmt_range_at(&ranges, x);

		s[x] = r == NULL		      ? 'D'
		       : r->type == STYLE_RANGE_LEFT  ? 'L'
		       : r->type == STYLE_RANGE_RIGHT ? 'R'
						      : (char)('0' + r->arg % 10);
	}
	s[width] = '\0';
	return s;
}

/* Every part and a list of three windows, the list in each alignment,
 * drawn ever narrower: what gives way first, and where each part goes. */
static void test_parts(void)
{
	static const char *const aligns[] = {"left", "centre", "right", "absolute-centre"};
	static const int widths[] = {60, 45, 38, 30, 22, 12};
	static const char *const want[4][6] = {
		{"L0L1L2L3L4X0X1[0] [1] [2] A0B0B1A3A4  C0C1C2C3C4  R0R1R2R3R4",
		 "L0L1L2L3L4X0X1[0] [1B0B1]A0A1A2A3A4R0R1R2R3R4",
		 "L0L1L2L3L4X0X1[0]B0B11A2A3A4R0R1R2R3R4", "L0L1L2L3L4X0XB0B12C3R0R1R2R3R4",
		 "L0L1L2L3LB0B11R1R2R3R4", "L0L1B0B1L4X0"},
		{"L0L1L2L3L4          X0X1[0] B0B1[2] A0A1A2A3A4C0C1C2C3C4R3R4",
		 "L0L1L2L3L4        X0B0B10A1A2A3A4C0C1C2C3C4R4",
		 "L0L1L2L3L4       B0B1       R0R1R2R3R4", "L0L1L2L3L4   B0B1   R0R1R2R3R4",
		 "L0L1L2L3LB0B10R1R2R3R4", "L0L1B0B1L4R4"},
		{"L0L1L2L3L4  C0C1C2C3C4  X0X1B0B1[1] [2] A0A1A2A3A4R0R1R2R3R4",
		 "L0L1L2L3L4X0X1[0] [1B0B1]A0A1A2A3A4R0R1R2R3R4",
		 "L0L1L2L3L4X0X1[0]B0B11A2A3A4R0R1R2R3R4", "L0L1L2L3L4   B0B1C2C3C4   X0X1",
		 "L0L1L2L3LB0B1C2C3CX0X1", "L0L1B0B1L4X1"},
		{"L0L1L2L3L4          C0X0X1[0] [1] [2] A0A1A2A3A4B0B1R1R2R3R4",
		 "L0L1L2L3L4  C0X0X1[0] [1] [2] A0A1A2A3A4B0B14",
		 "L0L1L2L3LC0X0X1[0] [1] [2] A0A1A2A3A4B", "L0L1LC0X0X1[0] [1] [2] A0A1A2A",
		 "L0L1L2LX0X1[1] A0A1A2A", "L0L1X0X1A0A1"},
	};

	for (int a = 0; a < 4; a++) {
		char *text =
			xasprintf("#[align=left]L0L1L2L3L4#[align=%s]X0X1#[list=on][0] [1] [2] "
				  "#[nolist]A0A1A2A3A4#[align=centre]C0C1C2C3C4#[align=right]"
				  "R0R1R2R3R4#[align=absolute-centre]B0B1",
				  aligns[a]);

		for (int i = 0; i < 6; i++) {
			const char *got = draw(text, widths[i]);

			if (strcmp(got, want[a][i]) != 0) {
				fprintf(stderr, "list align=%s, width %d:\n", aligns[a], widths[i]);
				CHECK_STR(got, want[a][i]);
			}
		}
		free(text);
	}
}

/* A list of n windows "<i:wi> " (the current one "(i:wi) ", the focus),
 * its markers "<<" and ">>", "A" before it, "AFTER" and "RR" after. */
static char *list_line(int n, int cur)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "A#[list=on align=left]#[list=left-marker]<<#[list=right-marker]>>#[list=on]");
	for (int i = 0; i < n; i++) {
		if (i == cur)
			buf_printf(&b, "#[range=window|%d list=focus](%d:w%d)#[norange list=on] ",
				   i, i, i);
		else
			buf_printf(&b, "#[range=window|%d]<%d:w%d>#[norange] ", i, i, i);
	}
	buf_adds(&b, "#[nolist]AFTER#[align=right]RR");
	return buf_detach(&b);
}

static void test_list(void)
{
	static const struct {
		int n, cur;
		const char *want;
	} cases[] = {
		{2, 1, "A<0:w0> (1:w1) AFTER                   RR"},
		{6, 1, "A<0:w0> (1:w1) <2:w2> <3:w3> <4:>>AFTERRR"},
		{6, 5, "A<<1> <2:w2> <3:w3> <4:w4> (5:w5) AFTERRR"},
		{12, 1, "A<0:w0> (1:w1) <2:w2> <3:w3> <4:>>AFTERRR"},
		{12, 5, "A<<w3> <4:w4> (5:w5) <6:w6> <7:w>>AFTERRR"},
		{12, 9, "A<<w7> <8:w8> (9:w9) <10:w10> <1>>AFTERRR"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = list_line(cases[i].n, cases[i].cur);

		CHECK_STR(draw(text, 41), cases[i].want);
		if (cases[i].n == 12 && cases[i].cur == 5) {
			/* the ranges of what shows, each one column past its text;
			 * not the markers */
			CHECK_STR(map(41), "DDD33334444444555555566666667777DDDDDDDDD");
		}
		free(text);
	}
}

/* A list with no focus keeps its start in view, or its middle when it is
 * centred; one with no alignment given is not drawn, nor what follows it. */
static void test_list_focus_and_align(void)
{
	static const char *const want[] = {
		"LL[0] [1] [2] [3] [4] [5]AFTER",
		"LL[0] [1] [2] [3] [4] [5]AFTER",
		"LL   ] [4] [5] [6] [7] [8] [AF",
		"LL3] [4] [5] [6] [7] [8] [9AFT",
	};
	static const char *const aligns[] = {"left", "right", "centre", "absolute-centre"};
	const char *items = "[0] [1] [2] [3] [4] [5] [6] [7] [8] [9] [10] [11] ";

	for (int a = 0; a < 4; a++) {
		char *text = xasprintf("LL#[align=%s list=on]%s#[nolist]AFTER", aligns[a], items);

		CHECK_STR(draw(text, 30), want[a]);
		free(text);
		/* an empty list: what follows it in its alignment is not drawn */
		text = xasprintf("LL#[align=%s list=on]#[nolist]AFTER#[align=left]ZZ", aligns[a]);
		CHECK_STR(draw(text, 30), a == 0  ? "LL                            "
					  : a < 3 ? "LLZZ                          "
						  : "LLZZ           AFTER          ");
		free(text);
	}
	CHECK_STR(draw("A#[list=on][0] [1] #[nolist]AFTER", 10), "A         ");
	CHECK_INT(ranges.n, 0);
}

static void test_ranges(void)
{
	/* each range reaches one column past its text, the first wins where
	 * they overlap; the last window's ends with the list */
	CHECK_STR(draw("#[align=left range=left]LEFT #[norange]#[list=on align=left]"
		       "#[range=window|0 list=focus]0:w0*#[norange list=on]"
		       "#[range=window|1]1:w1 #[norange]#[range=window|2]2:w2 #[norange]"
		       "#[nolist align=right range=right]R#[norange]",
		       30),
		  "LEFT 0:w0*1:w1 2:w2          R");
	CHECK_STR(map(30), "LLLLL000000111112222DDDDDDDDDR");
	/* tmux 3.3a's own map of this line: LLLD11122--DDDDDDDDDDDDDDDDDDD;
	 * it loses the range whose text changes alignment (RR) and the one
	 * still open at the end (ZZ), which pmux keeps */
	CHECK_STR(draw("#[range=left]AB#[norange]xx#[range=window|1]W1#[range=window|2]W2"
		       "#[range=window|7]W7#[norange]yy#[range=right]RR#[align=right]"
		       "#[range=left]ZZ",
		       30),
		  "ABxxW1W2W7yyRR              ZZ");
	CHECK_STR(map(30), "LLLD1112277DRRDDDDDDDDDDDDDDLL");
	/* nothing drawn, no range; a bad directive is dropped whole */
	draw("#[range=left]#[norange]x#[range=window|3 fg=bogus]y", 10);
	CHECK_INT(ranges.n, 0);
}

static void test_styles(void)
{
	const struct grid_cell *c;

	/* push-default makes the pen what #[default] returns to, pop-default
	 * the line's base again; fill= paints the blanks */
	draw("#[fg=red]#[push-default]a#[bold]b#[default]c#[pop-default]#[default]d"
	     "#[fill=blue]",
	     6);
	c = cells;
	CHECK_INT(c[0].fg, GRID_COLOR_INDEXED(1));
	CHECK_INT(c[1].attr, GRID_ATTR_BOLD);
	CHECK(c[2].fg == GRID_COLOR_INDEXED(1) && c[2].attr == 0);
	CHECK_INT(c[3].fg, base.fg);
	CHECK_INT(c[5].bg, GRID_COLOR_INDEXED(4));
	CHECK_INT(c[3].bg, base.bg);
	/* a wide character cut by the list's edge is a blank */
	draw("#[align=left list=on]a\xe4\xb8\xad\xe4\xb8\xad#[nolist]", 4);
	CHECK(cells[0].ch == 'a' && cells[1].width == 2 && cells[2].ch == GRID_CH_WIDE_CONT);
	CHECK(cells[3].ch == ' ' && cells[3].width == 1);
	/* and so is one half covered by absolute-centre text */
	draw("#[align=left]\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad#[align=absolute-centre]]", 12);
	CHECK(cells[2].width == 2 && cells[4].ch == ' ' && cells[4].width == 1);
	CHECK_INT(cells[5].ch, ']');
}

int main(void)
{
	test_parts();
	test_list();
	test_list_focus_and_align();
	test_ranges();
	test_styles();
	statusfmt_ranges_free(&ranges);
	CHECK_DONE();
}
