/*
 * Unit tests for sgr: the SGRs pmux applies itself must give the pen
 * libvterm gives (checked against a grid that sends everything through
 * libvterm), what it does not take is left to libvterm, and the SGR that
 * tells libvterm a pen gives that pen back.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "term/grid.h"
#include "term/sgr.h"

static const char *const sequences[] = {
	"\033[m",
	"\033[0m",
	"\033[1m",
	"\033[1;31m",
	"\033[1;22m",
	"\033[3;4;5;7;8;9m",
	"\033[21m",
	"\033[4;24m",
	"\033[90;107m",
	"\033[37;40m",
	"\033[38;5;208m",
	"\033[48;5;16m",
	"\033[38;2;10;200;120m",
	"\033[48;2;0;0;255;1m",
	"\033[;1m",
	"\033[1;;4m",
	"\033[39;49m",
	"\033[23;25;27;28;29m",
};

/* The pen libvterm leaves: what a character written after seq is drawn in. */
static struct grid_cell through_libvterm(const char *before, const char *seq)
{
	struct grid *g = grid_new(2, 10, 0, NULL, NULL);
	struct grid_cell c;

	grid_set_fast(g, 0);
	grid_input(g, before, strlen(before));
	grid_input(g, seq, strlen(seq));
	grid_input(g, "\rx", 2);
	c = grid_line(g, 0)[0];
	grid_free(g);
	return c;
}

static struct sgr_pen pen_of(struct grid_cell c)
{
	return (struct sgr_pen){c.fg, c.bg, c.attr};
}

static void test_apply_as_libvterm(void)
{
	const char *before = "\033[1;4;33;44m"; /* a pen to build on */

	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		struct sgr_pen want = pen_of(through_libvterm(before, sequences[i]));
		struct sgr_pen got = pen_of(through_libvterm("", before));

		CHECK(sgr_apply(&got, (const unsigned char *)sequences[i], strlen(sequences[i])));
		if (got.fg != want.fg || got.bg != want.bg || got.attr != want.attr)
			fprintf(stderr, "sequence %zu: fg %x/%x bg %x/%x attr %x/%x\n", i, got.fg,
				want.fg, got.bg, want.bg, got.attr, want.attr);
		CHECK(got.fg == want.fg && got.bg == want.bg && got.attr == want.attr);
	}
}

static void test_left_to_libvterm(void)
{
	static const char *const others[] = {
		"\033[2m",	  "\033[4:3m",	    "\033[10m",	  "\033[73m",	       "\033[38;5m",
		"\033[38;5;300m", "\033[38;2;1;2m", "\033[38;1m", "\033[38:2::1:2:3m", "\033[53m",
	};
	struct sgr_pen pen = {GRID_COLOR_INDEXED(1), GRID_COLOR_DEFAULT, GRID_ATTR_BOLD};

	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		struct sgr_pen p = pen;

		CHECK(!sgr_apply(&p, (const unsigned char *)others[i], strlen(others[i])));
		CHECK(p.fg == pen.fg && p.bg == pen.bg && p.attr == pen.attr);
	}
}

/* sgr_absolute from any pen libvterm was in gives the pen back. */
static void test_absolute_round_trip(void)
{
	static const char *const from[] = {"", "\033[1;3;4;5;7;8;9;38;5;100;48;2;1;2;3m",
					   "\033[21;91m"};

	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		struct sgr_pen want = pen_of(through_libvterm("", sequences[i]));
		char seq[SGR_MAX + 1];

		seq[sgr_absolute(seq, &want)] = '\0';
		for (size_t k = 0; k < sizeof from / sizeof from[0]; k++) {
			struct sgr_pen got = pen_of(through_libvterm(from[k], seq));

			CHECK(got.fg == want.fg && got.bg == want.bg && got.attr == want.attr);
		}
	}
}

int main(void)
{
	test_apply_as_libvterm();
	test_left_to_libvterm();
	test_absolute_round_trip();
	CHECK_DONE();
}
