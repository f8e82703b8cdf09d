/* Unit tests for the layout tree against tmux 3.3a figures: split, remove,
 * resize, presets, layout strings (dump, parse, checksum), resize-pane,
 * split -f and select-pane directions. */
#include <stdlib.h>

#include "check.h"
#include "server/layout.h"
#include "server/server.h"

/* Leaves hold panes; only their ids matter here (%0..%7). */
static struct pane tag[10];
static void *panes[10];

/* Measured with tmux 3.3a (scripts in the test comment): new -d -x W -y H,
 * split to n panes, select-layout NAME, display -p '#{window_layout}'. */
static const struct preset_case {
	int sx, sy, n;
	const char *name, *layout;
} preset_cases[] = {
	{120, 40, 2, "even-horizontal", "010e,120x40,0,0{59x40,0,0,0,60x40,60,0,1}"},
	{120, 40, 2, "even-vertical", "d62a,120x40,0,0[120x19,0,0,0,120x20,0,20,1]"},
	{120, 40, 2, "main-horizontal", "56ab,120x40,0,0[120x24,0,0,0,120x15,0,25,1]"},
	{120, 40, 2, "main-vertical", "02fe,120x40,0,0{80x40,0,0,0,39x40,81,0,1}"},
	{120, 40, 2, "tiled", "d62a,120x40,0,0[120x19,0,0,0,120x20,0,20,1]"},
	{120, 40, 3, "even-horizontal", "a754,120x40,0,0{39x40,0,0,0,39x40,40,0,1,40x40,80,0,2}"},
	{120, 40, 3, "even-vertical", "8b9d,120x40,0,0[120x12,0,0,0,120x12,0,13,1,120x14,0,26,2]"},
	{120, 40, 3, "main-horizontal",
	 "c8e9,120x40,0,0[120x24,0,0,0,120x15,0,25{59x15,0,25,1,60x15,60,25,2}]"},
	{120, 40, 3, "main-vertical",
	 "1e7f,120x40,0,0{80x40,0,0,0,39x40,81,0[39x19,81,0,1,39x20,81,20,2]}"},
	{120, 40, 3, "tiled",
	 "56f7,120x40,0,0[120x19,0,0{59x19,0,0,0,60x19,60,0,1},120x20,0,20,2]"},
	{120, 40, 4, "even-horizontal",
	 "29f9,120x40,0,0{29x40,0,0,0,29x40,30,0,1,29x40,60,0,2,30x40,90,0,3}"},
	{120, 40, 4, "even-vertical",
	 "1a3a,120x40,0,0[120x9,0,0,0,120x9,0,10,1,120x9,0,20,2,120x10,0,30,3]"},
	{120, 40, 4, "main-horizontal",
	 "3565,120x40,0,0[120x24,0,0,0,120x15,0,25{39x15,0,25,1,39x15,40,25,2,40x15,80,25,3}]"},
	{120, 40, 4, "main-vertical",
	 "0f1f,120x40,0,0{80x40,0,0,0,39x40,81,0[39x12,81,0,1,39x12,81,13,2,39x14,81,26,3]}"},
	{120, 40, 4, "tiled",
	 "81a9,120x40,0,0[120x19,0,0{59x19,0,0,0,60x19,60,0,1},120x20,0,20{59x20,0,20,2,60x20,60,"
	 "20,3}]"},
	{120, 40, 5, "even-horizontal",
	 "fe3b,120x40,0,0{23x40,0,0,0,23x40,24,0,1,23x40,48,0,2,23x40,72,0,3,24x40,96,0,4}"},
	{120, 40, 5, "even-vertical",
	 "a731,120x40,0,0[120x7,0,0,0,120x7,0,8,1,120x7,0,16,2,120x7,0,24,3,120x8,0,32,4]"},
	{120, 40, 5, "main-horizontal",
	 "171f,120x40,0,0[120x24,0,0,0,120x15,0,25{29x15,0,25,1,29x15,30,25,2,29x15,60,25,3,30x15,"
	 "90,25,4}]"},
	{120, 40, 5, "main-vertical",
	 "3826,120x40,0,0{80x40,0,0,0,39x40,81,0[39x9,81,0,1,39x9,81,10,2,39x9,81,20,3,39x10,81,30,"
	 "4]}"},
	{120, 40, 5, "tiled",
	 "487f,120x40,0,0[120x12,0,0{59x12,0,0,0,60x12,60,0,1},120x12,0,13{59x12,0,13,2,60x12,60,"
	 "13,3},120x14,0,26,4]"},
	{120, 40, 6, "even-horizontal",
	 "3645,120x40,0,0{19x40,0,0,0,19x40,20,0,1,19x40,40,0,2,19x40,60,0,3,19x40,80,0,4,20x40,"
	 "100,0,5}"},
	{120, 40, 6, "even-vertical",
	 "a525,120x40,0,0[120x5,0,0,0,120x5,0,6,1,120x5,0,12,2,120x5,0,18,3,120x5,0,24,4,120x10,0,"
	 "30,5]"},
	{120, 40, 6, "main-horizontal",
	 "3cb5,120x40,0,0[120x24,0,0,0,120x15,0,25{23x15,0,25,1,23x15,24,25,2,23x15,48,25,3,23x15,"
	 "72,25,4,24x15,96,25,5}]"},
	{120, 40, 6, "main-vertical",
	 "50a6,120x40,0,0{80x40,0,0,0,39x40,81,0[39x7,81,0,1,39x7,81,8,2,39x7,81,16,3,39x7,81,24,4,"
	 "39x8,81,32,5]}"},
	{120, 40, 6, "tiled",
	 "4b4a,120x40,0,0[120x12,0,0{59x12,0,0,0,60x12,60,0,1},120x12,0,13{59x12,0,13,2,60x12,60,"
	 "13,3},120x14,0,26{59x14,0,26,4,60x14,60,26,5}]"},
	{120, 40, 7, "even-horizontal",
	 "38f4,120x40,0,0{16x40,0,0,0,16x40,17,0,1,16x40,34,0,2,16x40,51,0,3,16x40,68,0,4,16x40,85,"
	 "0,5,18x40,102,0,6}"},
	{120, 40, 7, "even-vertical",
	 "38ef,120x40,0,0[120x4,0,0,0,120x4,0,5,1,120x4,0,10,2,120x4,0,15,3,120x4,0,20,4,120x4,0,"
	 "25,5,120x10,0,30,6]"},
	{120, 40, 7, "main-horizontal",
	 "d64a,120x40,0,0[120x24,0,0,0,120x15,0,25{19x15,0,25,1,19x15,20,25,2,19x15,40,25,3,19x15,"
	 "60,25,4,19x15,80,25,5,20x15,100,25,6}]"},
	{120, 40, 7, "main-vertical",
	 "a07a,120x40,0,0{80x40,0,0,0,39x40,81,0[39x5,81,0,1,39x5,81,6,2,39x5,81,12,3,39x5,81,18,4,"
	 "39x5,81,24,5,39x10,81,30,6]}"},
	{120, 40, 7, "tiled",
	 "4a72,120x40,0,0[120x12,0,0{39x12,0,0,0,39x12,40,0,1,40x12,80,0,2},120x12,0,13{39x12,0,13,"
	 "3,39x12,40,13,4,40x12,80,13,5},120x14,0,26,6]"},
	{120, 40, 8, "even-horizontal",
	 "3937,120x40,0,0{14x40,0,0,0,14x40,15,0,1,14x40,30,0,2,14x40,45,0,3,14x40,60,0,4,14x40,75,"
	 "0,5,14x40,90,0,6,15x40,105,0,7}"},
	{120, 40, 8, "even-vertical",
	 "afd3,120x40,0,0[120x4,0,0,0,120x4,0,5,1,120x4,0,10,2,120x4,0,15,3,120x4,0,20,4,120x4,0,"
	 "25,5,120x4,0,30,6,120x5,0,35,7]"},
	{120, 40, 8, "main-horizontal",
	 "4052,120x40,0,0[120x24,0,0,0,120x15,0,25{16x15,0,25,1,16x15,17,25,2,16x15,34,25,3,16x15,"
	 "51,25,4,16x15,68,25,5,16x15,85,25,6,18x15,102,25,7}]"},
	{120, 40, 8, "main-vertical",
	 "670c,120x40,0,0{80x40,0,0,0,39x40,81,0[39x4,81,0,1,39x4,81,5,2,39x4,81,10,3,39x4,81,15,4,"
	 "39x4,81,20,5,39x4,81,25,6,39x10,81,30,7]}"},
	{120, 40, 8, "tiled",
	 "4595,120x40,0,0[120x12,0,0{39x12,0,0,0,39x12,40,0,1,40x12,80,0,2},120x12,0,13{39x12,0,13,"
	 "3,39x12,40,13,4,40x12,80,13,5},120x14,0,26{39x14,0,26,6,80x14,40,26,7}]"},
	{120, 40, 9, "even-horizontal",
	 "de9f,120x40,0,0{12x40,0,0,0,12x40,13,0,1,12x40,26,0,2,12x40,39,0,3,12x40,52,0,4,12x40,65,"
	 "0,5,12x40,78,0,6,12x40,91,0,7,16x40,104,0,8}"},
	{120, 40, 9, "even-vertical",
	 "c5a7,120x40,0,0[120x3,0,0,0,120x3,0,4,1,120x3,0,8,2,120x3,0,12,3,120x3,0,16,4,120x3,0,20,"
	 "5,120x3,0,24,6,120x3,0,28,7,120x8,0,32,8]"},
	{120, 40, 9, "main-horizontal",
	 "08bc,120x40,0,0[120x24,0,0,0,120x15,0,25{14x15,0,25,1,14x15,15,25,2,14x15,30,25,3,14x15,"
	 "45,25,4,14x15,60,25,5,14x15,75,25,6,14x15,90,25,7,15x15,105,25,8}]"},
	{120, 40, 9, "main-vertical",
	 "5621,120x40,0,0{80x40,0,0,0,39x40,81,0[39x4,81,0,1,39x4,81,5,2,39x4,81,10,3,39x4,81,15,4,"
	 "39x4,81,20,5,39x4,81,25,6,39x4,81,30,7,39x5,81,35,8]}"},
	{120, 40, 9, "tiled",
	 "7cb4,120x40,0,0[120x12,0,0{39x12,0,0,0,39x12,40,0,1,40x12,80,0,2},120x12,0,13{39x12,0,13,"
	 "3,39x12,40,13,4,40x12,80,13,5},120x14,0,26{39x14,0,26,6,39x14,40,26,7,40x14,80,26,8}]"},
	{80, 24, 2, "even-horizontal", "89f5,80x24,0,0{39x24,0,0,0,40x24,40,0,1}"},
	{80, 24, 2, "even-vertical", "9295,80x24,0,0[80x11,0,0,0,80x12,0,12,1]"},
	{80, 24, 2, "main-horizontal", "d89e,80x24,0,0[80x22,0,0,0,80x1,0,23,1]"},
	{80, 24, 2, "main-vertical", "0bdf,80x24,0,0{78x24,0,0,0,1x24,79,0,1}"},
	{80, 24, 2, "tiled", "9295,80x24,0,0[80x11,0,0,0,80x12,0,12,1]"},
	{80, 24, 3, "even-horizontal", "9bb2,80x24,0,0{26x24,0,0,0,26x24,27,0,1,26x24,54,0,2}"},
	{80, 24, 3, "even-vertical", "e470,80x24,0,0[80x7,0,0,0,80x7,0,8,1,80x8,0,16,2]"},
	{80, 24, 3, "main-horizontal",
	 "df9b,80x24,0,0[80x22,0,0,0,80x1,0,23{39x1,0,23,1,40x1,40,23,2}]"},
	{80, 24, 3, "main-vertical",
	 "b0a5,80x24,0,0{78x24,0,0,0,1x24,79,0[1x11,79,0,1,1x12,79,12,2]}"},
	{80, 24, 3, "tiled", "a7cf,80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12,2]"},
	{80, 24, 4, "even-horizontal",
	 "764c,80x24,0,0{19x24,0,0,0,19x24,20,0,1,19x24,40,0,2,20x24,60,0,3}"},
	{80, 24, 4, "even-vertical",
	 "a0c0,80x24,0,0[80x5,0,0,0,80x5,0,6,1,80x5,0,12,2,80x6,0,18,3]"},
	{80, 24, 4, "main-horizontal",
	 "4317,80x24,0,0[80x22,0,0,0,80x1,0,23{26x1,0,23,1,26x1,27,23,2,26x1,54,23,3}]"},
	{80, 24, 4, "main-vertical",
	 "5624,80x24,0,0{78x24,0,0,0,1x24,79,0[1x7,79,0,1,1x7,79,8,2,1x8,79,16,3]}"},
	{80, 24, 4, "tiled",
	 "30d6,80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12{39x12,0,12,2,40x12,40,12,3}"
	 "]"},
	{80, 24, 5, "even-horizontal",
	 "5a25,80x24,0,0{15x24,0,0,0,15x24,16,0,1,15x24,32,0,2,15x24,48,0,3,16x24,64,0,4}"},
	{80, 24, 5, "even-vertical",
	 "fe20,80x24,0,0[80x4,0,0,0,80x4,0,5,1,80x4,0,10,2,80x4,0,15,3,80x4,0,20,4]"},
	{80, 24, 5, "main-horizontal",
	 "344f,80x24,0,0[80x22,0,0,0,80x1,0,23{19x1,0,23,1,19x1,20,23,2,19x1,40,23,3,20x1,60,23,4}"
	 "]"},
	{80, 24, 5, "main-vertical",
	 "e3fc,80x24,0,0{78x24,0,0,0,1x24,79,0[1x5,79,0,1,1x5,79,6,2,1x5,79,12,3,1x6,79,18,4]}"},
	{80, 24, 5, "tiled",
	 "8bcd,80x24,0,0[80x7,0,0{39x7,0,0,0,40x7,40,0,1},80x7,0,8{39x7,0,8,2,40x7,40,8,3},80x8,0,"
	 "16,4]"},
	{80, 24, 6, "even-horizontal",
	 "de52,80x24,0,0{12x24,0,0,0,12x24,13,0,1,12x24,26,0,2,12x24,39,0,3,12x24,52,0,4,15x24,65,"
	 "0,5}"},
	{80, 24, 6, "even-vertical",
	 "c014,80x24,0,0[80x3,0,0,0,80x3,0,4,1,80x3,0,8,2,80x3,0,12,3,80x3,0,16,4,80x4,0,20,5]"},
	{80, 24, 6, "main-horizontal",
	 "c578,80x24,0,0[80x22,0,0,0,80x1,0,23{15x1,0,23,1,15x1,16,23,2,15x1,32,23,3,15x1,48,23,4,"
	 "16x1,64,23,5}]"},
	{80, 24, 6, "main-vertical",
	 "4b1f,80x24,0,0{78x24,0,0,0,1x24,79,0[1x4,79,0,1,1x4,79,5,2,1x4,79,10,3,1x4,79,15,4,1x4,"
	 "79,20,5]}"},
	{80, 24, 6, "tiled",
	 "5297,80x24,0,0[80x7,0,0{39x7,0,0,0,40x7,40,0,1},80x7,0,8{39x7,0,8,2,40x7,40,8,3},80x8,0,"
	 "16{39x8,0,16,4,40x8,40,16,5}]"},
	{80, 24, 7, "even-horizontal",
	 "43cc,80x24,0,0{10x24,0,0,0,10x24,11,0,1,10x24,22,0,2,10x24,33,0,3,10x24,44,0,4,10x24,55,"
	 "0,5,14x24,66,0,6}"},
	{80, 24, 7, "even-vertical",
	 "11ad,80x24,0,0[80x2,0,0,0,80x2,0,3,1,80x2,0,6,2,80x2,0,9,3,80x2,0,12,4,80x2,0,15,5,80x6,"
	 "0,18,6]"},
	{80, 24, 7, "main-horizontal",
	 "97e1,80x24,0,0[80x22,0,0,0,80x1,0,23{12x1,0,23,1,12x1,13,23,2,12x1,26,23,3,12x1,39,23,4,"
	 "12x1,52,23,5,15x1,65,23,6}]"},
	{80, 24, 7, "main-vertical",
	 "eb03,80x24,0,0{78x24,0,0,0,1x24,79,0[1x3,79,0,1,1x3,79,4,2,1x3,79,8,3,1x3,79,12,4,1x3,79,"
	 "16,5,1x4,79,20,6]}"},
	{80, 24, 7, "tiled",
	 "a79b,80x24,0,0[80x7,0,0{26x7,0,0,0,26x7,27,0,1,26x7,54,0,2},80x7,0,8{26x7,0,8,3,26x7,27,"
	 "8,4,26x7,54,8,5},80x8,0,16,6]"},
	{80, 24, 8, "even-horizontal",
	 "da44,80x24,0,0{9x24,0,0,0,9x24,10,0,1,9x24,20,0,2,9x24,30,0,3,9x24,40,0,4,9x24,50,0,5,"
	 "9x24,60,0,6,10x24,70,0,7}"},
	{80, 24, 8, "even-vertical",
	 "9250,80x24,0,0[80x2,0,0,0,80x2,0,3,1,80x2,0,6,2,80x2,0,9,3,80x2,0,12,4,80x2,0,15,5,80x2,"
	 "0,18,6,80x3,0,21,7]"},
	{80, 24, 8, "main-horizontal",
	 "2d74,80x24,0,0[80x22,0,0,0,80x1,0,23{10x1,0,23,1,10x1,11,23,2,10x1,22,23,3,10x1,33,23,4,"
	 "10x1,44,23,5,10x1,55,23,6,14x1,66,23,7}]"},
	{80, 24, 8, "main-vertical",
	 "b4ab,80x24,0,0{78x24,0,0,0,1x24,79,0[1x2,79,0,1,1x2,79,3,2,1x2,79,6,3,1x2,79,9,4,1x2,79,"
	 "12,5,1x2,79,15,6,1x6,79,18,7]}"},
	{80, 24, 8, "tiled",
	 "a86f,80x24,0,0[80x7,0,0{26x7,0,0,0,26x7,27,0,1,26x7,54,0,2},80x7,0,8{26x7,0,8,3,26x7,27,"
	 "8,4,26x7,54,8,5},80x8,0,16{26x8,0,16,6,53x8,27,16,7}]"},
	{80, 24, 9, "even-horizontal",
	 "6804,80x24,0,0{8x24,0,0,0,8x24,9,0,1,8x24,18,0,2,8x24,27,0,3,8x24,36,0,4,8x24,45,0,5,"
	 "8x24,54,0,6,8x24,63,0,7,8x24,72,0,8}"},
	{80, 24, 9, "even-vertical",
	 "ecba,80x24,0,0[80x1,0,0,0,80x1,0,2,1,80x1,0,4,2,80x1,0,6,3,80x1,0,8,4,80x1,0,10,5,80x1,0,"
	 "12,6,80x1,0,14,7,80x8,0,16,8]"},
	{80, 24, 9, "main-horizontal",
	 "c034,80x24,0,0[80x22,0,0,0,80x1,0,23{9x1,0,23,1,9x1,10,23,2,9x1,20,23,3,9x1,30,23,4,9x1,"
	 "40,23,5,9x1,50,23,6,9x1,60,23,7,10x1,70,23,8}]"},
	{80, 24, 9, "main-vertical",
	 "5ff8,80x24,0,0{78x24,0,0,0,1x24,79,0[1x2,79,0,1,1x2,79,3,2,1x2,79,6,3,1x2,79,9,4,1x2,79,"
	 "12,5,1x2,79,15,6,1x2,79,18,7,1x3,79,21,8]}"},
	{80, 24, 9, "tiled",
	 "adb6,80x24,0,0[80x7,0,0{26x7,0,0,0,26x7,27,0,1,26x7,54,0,2},80x7,0,8{26x7,0,8,3,26x7,27,"
	 "8,4,26x7,54,8,5},80x8,0,16{26x8,0,16,6,26x8,27,16,7,26x8,54,16,8}]"},
};

static void sum_leaves(struct layout *l, void *ctx)
{
	(void)l;
	*(int *)ctx += 1;
}

static void test_split_like_tmux(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40), *a, *b;

	b = layout_split(root, 1, -1, 0, &tag[1]);
	CHECK(b != NULL);
	a = root->first;
	CHECK_INT(root->type, LAYOUT_LEFTRIGHT);
	CHECK(a->pane == &tag[0]);
	/* 120 columns split with -h: 60 | border | 59. */
	CHECK_INT(a->sx, 60);
	CHECK_INT(b->sx, 59);
	layout_fix_offsets(root);
	CHECK_INT(b->xoff, 61);
	CHECK_INT(a->sy, 40);

	/* Vertical split of the right pane: 40 rows → 20 and 19. */
	{
		struct layout *c = layout_split(b, 0, -1, 0, &tag[2]);

		CHECK(c != NULL);
		CHECK_INT(c->parent->type, LAYOUT_TOPBOTTOM);
		CHECK_INT(c->parent->first->sy, 20);
		CHECK_INT(c->sy, 19);
		layout_fix_offsets(root);
		CHECK_INT(c->yoff, 21);
		CHECK_INT(c->xoff, 61);
	}
	layout_free(root);
}

static void test_split_sizes(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 80, 24), *n;

	n = layout_split(root, 0, 5, 0, &tag[1]);
	CHECK_INT(n->sy, 5);
	CHECK_INT(root->first->sy, 18);
	layout_free(root);

	root = layout_new_leaf(&tag[0], 80, 24);
	n = layout_split(root, 1, 10, 1, &tag[1]); /* -b: new pane on the left */
	CHECK(root->first == n);
	CHECK_INT(n->sx, 10);
	CHECK_INT(n->next->sx, 69);
	layout_free(root);

	root = layout_new_leaf(&tag[0], 2, 24);
	CHECK(layout_split(root, 1, -1, 0, &tag[1]) == NULL);
	layout_free(root);
}

static void test_remove_and_collapse(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40), *b, *c;
	int n = 0;

	b = layout_split(root, 1, -1, 0, &tag[1]);
	c = layout_split(b, 1, -1, 0, &tag[2]);
	CHECK_INT(layout_count_children(root), 3);
	layout_remove(&root, c);
	CHECK_INT(layout_count_children(root), 2);
	CHECK_INT(root->first->sx + root->first->next->sx + 1, 120);
	layout_remove(&root, root->first);
	/* One pane left: the root is a leaf again, full size. */
	CHECK_INT(root->type, LAYOUT_PANE);
	CHECK(root->pane == &tag[1]);
	CHECK_INT(root->sx, 120);
	layout_each_leaf(root, sum_leaves, &n);
	CHECK_INT(n, 1);
	layout_remove(&root, root);
	CHECK(root == NULL);
}

/* Figures measured with tmux 3.3a: new -x 100 -y 30; splitw -h -l 24;
 * resize-window -x 201 -y 60, then -x 10 -y 5, then -x 2. */
static void test_resize_like_tmux(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 100, 30), *b;

	b = layout_split(root, 1, 24, 0, &tag[1]);
	CHECK_INT(root->first->sx, 75);
	layout_resize(root, 201, 60);
	CHECK_INT(root->first->sx, 126);
	CHECK_INT(b->sx, 74);
	CHECK_INT(b->sy, 60);
	CHECK_INT(b->xoff, 127);
	layout_resize(root, 10, 5);
	CHECK_INT(root->first->sx, 8);
	CHECK_INT(b->sx, 1);
	/* Too small for two panes: the tree stops at its minimum. */
	layout_resize(root, 2, 5);
	CHECK_INT(root->sx, 3);
	CHECK_INT(root->first->sx + b->sx, 2);
	layout_free(root);
}

/* select-pane -L/-R/-U/-D measured with tmux 3.3a on random layouts: every
 * pane selected in list order, then pane i, then the direction. expect has,
 * for each pane i, the list positions reached by L, R, U and D. */
static const struct dir_case {
	int n;
	const char *layout, *expect;
} dir_cases[] = {
	{7,
	 "21de,120x40,0,0{15x40,0,0,0,14x40,16,0,4,29x40,31,0,3,59x40,61,0[59x20,61,0{29x20,61,0,1,"
	 "29x20,91,0,6},59x19,61,21{29x19,61,21,2,29x19,91,21,5}]}",
	 "6100 0211 1522 2455 3066 2633 5044"},
	{5, "0ddf,50x20,0,0[50x2,0,0,0,50x2,0,3,4,50x4,0,6,3,50x4,0,11,1,50x4,0,16,2]",
	 "0041 1102 2213 3324 4430"},
	{9,
	 "ac39,120x40,0,0{60x40,0,0[60x21,0,0{30x21,0,0,0,29x21,31,0,5},60x18,0,22{32x18,0,22,2,"
	 "27x18,33,22[27x9,33,22{13x9,33,22,3,13x9,47,22[13x4,47,22,6,13x4,47,27,8]},27x8,33,32{"
	 "13x8,33,32,4,13x8,47,32,7}]}],59x40,61,0,1}",
	 "8122 0874 8611 2516 3815 3847 2731 6851 7288"},
	{7,
	 "47a1,50x20,0,0{25x20,0,0[25x10,0,0{9x10,0,0,0,15x10,10,0,5},25x9,0,11,2],6x20,26,0,1,"
	 "5x20,33,0[5x17,33,0,4,5x2,33,18,6],11x20,39,0,3}",
	 "6122 0322 6311 2533 3655 3644 5266"},
	{5,
	 "7795,120x40,0,0[120x14,0,0{15x14,0,0,0,14x14,16,0,4,29x14,31,0,3,59x14,61,0,2},120x25,0,"
	 "15,1]",
	 "3144 0244 1344 2044 4433"},
	{6,
	 "babd,50x20,0,0{12x20,0,0,0,12x20,13,0,3,24x20,26,0[24x7,26,0,1,24x12,26,8{12x12,26,8,2,"
	 "11x12,39,8[11x6,39,8,4,11x5,39,15,5]}]}",
	 "5100 0311 1054 1522 3025 3042"},
	{6,
	 "1d58,50x20,0,0[50x2,0,0,0,50x1,0,3,2,50x11,0,5{25x11,0,5,1,24x11,26,5,5},50x1,0,17,3,"
	 "50x1,0,19,4]",
	 "0051 1103 3314 2214 4435 5540"},
	{8,
	 "8202,120x40,0,0[120x5,0,0,0,120x4,0,6,3,120x9,0,11{63x9,0,11,2,26x9,64,11,4,29x9,91,11,5}"
	 ",120x19,0,21{65x19,0,21[65x9,0,21,1,65x9,0,31,7],54x19,66,21,6}]",
	 "0071 1104 4315 2417 3217 7736 7750 6640"},
	{9,
	 "a5ab,120x40,0,0[120x18,0,0{60x18,0,0,0,59x18,61,0[59x9,61,0,4,59x8,61,10{29x8,61,10,5,"
	 "14x8,91,10,7,14x8,106,10,8}]},120x21,0,19{30x21,0,19,1,14x21,31,19,3,14x21,46,19,6,59x21,"
	 "61,19,2}]",
	 "4277 0084 0318 2418 3018 8600 5700 6800 7541"},
	{5,
	 "75c6,80x24,0,0[80x12,0,0{40x12,0,0,0,39x12,41,0,2},80x11,0,13{40x11,0,13,1,39x11,41,13["
	 "39x5,41,13,3,39x5,41,19,4]}]",
	 "1122 0043 4400 2214 2231"},
	{8,
	 "c135,80x24,0,0[80x6,0,0{33x6,0,0,0,15x6,34,0[15x3,34,0,4,15x2,34,4,7],7x6,50,0,6,22x6,58,"
	 "0,5},80x17,0,7{40x17,0,7,1,39x17,41,7[39x8,41,7,2,39x8,41,16,3]}]",
	 "4255 0372 0316 2476 3076 7721 5547 5564"},
	{6,
	 "193b,120x40,0,0{30x40,0,0,0,14x40,31,0[14x20,31,0,2,14x19,31,21,5],14x40,46,0[14x20,46,0,"
	 "3,14x19,46,21,4],59x40,61,0,1}",
	 "5200 0322 0411 1544 2533 4055"},
	{8,
	 "30fc,80x24,0,0[80x6,0,0,0,80x6,0,7,2,80x10,0,14{20x10,0,14,1,15x10,21,14,5,43x10,37,14["
	 "43x2,37,14,3,43x2,37,17,7,43x2,37,20,4,43x1,37,23,6]}]",
	 "0071 1104 7310 2710 3215 3246 3257 3260"},
	{9,
	 "ff77,120x40,0,0{30x40,0,0,0,29x40,31,0,3,29x40,61,0[29x20,61,0,1,29x19,61,21,6],29x40,91,"
	 "0[29x10,91,0{7x10,91,0,2,6x10,99,0,8,14x10,106,0,7},29x9,91,11,5,29x19,91,21,4]}",
	 "8100 0311 1733 1822 2587 4687 5087 2068 3076"},
	{8,
	 "82bc,120x40,0,0[120x18,0,0{30x18,0,0,0,29x18,31,0[29x9,31,0,4,29x8,31,10,6],59x18,61,0["
	 "59x6,61,0,2,59x1,61,7,3,59x9,61,9,5]},120x10,0,19,1,120x10,0,30,7]",
	 "5276 0572 0516 1074 1035 2046 6657 7763"},
	{5,
	 "be53,80x24,0,0{40x24,0,0,0,39x24,41,0[39x12,41,0{9x12,41,0,1,17x12,51,0,4,11x12,69,0,3},"
	 "39x11,41,13,2]}",
	 "4400 0244 1344 2044 0033"},
};

static void place_leaf(struct layout *leaf, void *ctx)
{
	struct pane *p = leaf->pane;

	(void)ctx;
	p->xoff = leaf->xoff;
	p->yoff = leaf->yoff;
	p->sx = leaf->sx;
	p->sy = leaf->sy;
}

static void test_directions_like_tmux(void)
{
	size_t k;

	for (k = 0; k < sizeof dir_cases / sizeof dir_cases[0]; k++) {
		const struct dir_case *c = &dir_cases[k];
		struct window w;
		char *cause;
		struct layout *root = layout_parse(c->layout, c->n, &cause);
		int i, d;

		CHECK(root != NULL);
		if (root == NULL)
			continue;
		memset(&w, 0, sizeof w);
		w.sx = root->sx;
		w.sy = root->sy;
		layout_assign(root, panes);
		layout_each_leaf(root, place_leaf, NULL);
		for (i = 0; i < c->n; i++)
			tag[i].next = i + 1 < c->n ? &tag[i + 1] : NULL;
		w.panes = &tag[0];
		for (i = 0; i < c->n; i++) {
			for (int j = 0; j < c->n; j++)
				tag[j].active_point = (uint64_t)j + 1;
			tag[i].active_point = 1000;
			for (d = 0; d < 4; d++) {
				struct pane *got =
					window_pane_next_by_direction(&w, &tag[i], "LRUD"[d]);
				int want = c->expect[i * 5 + d] - '0';

				/* tmux stays put when there is no neighbour. */
				if (got == NULL)
					got = &tag[i];
				if (got != &tag[want])
					fprintf(stderr, "case %zu pane %d dir %c\n", k, i,
						"LRUD"[d]);
				CHECK(got == &tag[want]);
			}
		}
		for (i = 0; i < 10; i++)
			tag[i].next = NULL;
		layout_free(root);
	}
}

/* Every one rejected by tmux 3.3a too (bad checksum, syntax or sizes). */
static const char *const bad_layouts[] = {
	"f141,120x40,0,0{60x40,0,0,0,59x40,61,0,1",
	"019e,120x40,0,0{60x40,0,0,0,59x39,61,0,1}",
	"e8fd,120x40,0,0[60x40,0,0,0,59x40,61,0,1]",
	"fd06,120x40,0,0{60x40,0,0,0,59x40,61,0,1}x",
	"2b72,120x40,0,0{}",
	"7922,121x41,0,0{60x40,0,0,0,59x40,61,0,1}",
	"82af,120x40,0,0{60x40,0,0,0,0x40,61,0,1}",
	"fceb,120x40,0,0{60x40,0,0,0,59x40,61,0,1}]",
	"843f,120x40,0,0{60x40,0,0,,59x40,61,0,1}",
	"805e,x40,0,0,1",
	"fd0b,120x40,0,0{60x40,0,0,0,59x40,61,0,1}}",
	"f91e,120x40,0,0{60x40,0,0,0,59x40,61,0,1}", /* checksum off by one */
	"f91d",
	"",
	"zzzz,120x40,0,0,1",
};

static void test_parse_errors(void)
{
	size_t i;

	for (i = 0; i < sizeof bad_layouts / sizeof bad_layouts[0]; i++) {
		char *cause = NULL;
		struct layout *root = layout_parse(bad_layouts[i], 2, &cause);

		if (root != NULL)
			fprintf(stderr, "accepted: %s\n", bad_layouts[i]);
		CHECK(root == NULL);
		CHECK(cause != NULL && *cause != '\0');
		free(cause);
		layout_free(root);
	}
}

static void check_parse(const char *in, int npanes, const char *out)
{
	char *cause = NULL, *s;
	struct layout *root = layout_parse(in, npanes, &cause);

	CHECK(root != NULL);
	if (root == NULL) {
		fprintf(stderr, "%s: %s\n", in, cause);
		free(cause);
		return;
	}
	layout_assign(root, panes);
	s = layout_dump(root);
	CHECK_STR(s, out);
	free(s);
	layout_free(root);
}

/* What tmux 3.3a does with each of these in a window of two panes. */
static void test_parse_like_tmux(void)
{
	char *cause = NULL;

	/* A top cell too big is taken from its children. */
	check_parse("f8fd,120x40,0,0{60x40,0,0,0,58x40,61,0,1}", 2,
		    "3902,119x40,0,0{60x40,0,0,0,58x40,61,0,1}");
	/* More cells than panes: close from the bottom right. */
	check_parse("bbd4,120x40,0,0{60x40,0,0,0,29x40,61,0,1,29x40,91,0,2}", 2,
		    "f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}");
	check_parse("d099,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21{29x19,61,21,"
		    "2,29x19,91,21,3}]}",
		    2, "f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}");
	/* Nested cells keep their shape; the ids in the string do not matter. */
	check_parse("d099,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21{29x19,61,21,"
		    "2,29x19,91,21,3}]}",
		    4,
		    "d099,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21{29x19,61,21,"
		    "2,29x19,91,21,3}]}");
	check_parse("ab04,120x40,0,0,7", 1, "aafd,120x40,0,0,0");
	/* More panes than cells is an error. */
	CHECK(layout_parse("f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}", 3, &cause) == NULL);
	CHECK_STR(cause, "have 3 panes but need 2");
	free(cause);
}

static void find_leaf(struct layout *leaf, void *ctx)
{
	struct layout **want = ctx;

	if (leaf->pane == (*want)->pane)
		*want = leaf;
}

static struct layout *leaf_of(struct layout *root, int i)
{
	struct layout key = {.pane = &tag[i]}, *l = &key;

	layout_each_leaf(root, find_leaf, &l);
	return l;
}

/* resize-pane on a tiled 120x40 window of four panes, step by step; the
 * strings are tmux 3.3a's after the same commands. */
static void test_resize_pane_like_tmux(void)
{
	struct layout *root = layout_preset(LAYOUT_TILED, panes, 4, 120, 40, NULL, NULL);
	char *s;

	layout_resize_leaf_to(leaf_of(root, 0), 1, 30); /* resizep -t %0 -x 30 */
	layout_resize_leaf(leaf_of(root, 3), 0, -5, 1); /* -t %3 -U 5 */
	layout_resize_leaf(leaf_of(root, 1), 1, -7, 1); /* -t %1 -L 7 */
	s = layout_dump(root);
	CHECK_STR(s, "a2e6,120x40,0,0[120x14,0,0{23x14,0,0,0,96x14,24,0,1},120x25,0,15{59x25,0,"
		     "15,2,60x25,60,15,3}]");
	free(s);
	layout_resize_leaf_to(leaf_of(root, 2), 0, 10);	 /* -t %2 -y 10 */
	layout_resize_leaf(leaf_of(root, 2), 1, 200, 1); /* -t %2 -R 200 */
	layout_resize_leaf(leaf_of(root, 0), 0, 3, 1);	 /* -t %0 -D 3 */
	s = layout_dump(root);
	CHECK_STR(s, "087b,120x40,0,0[120x32,0,0{23x32,0,0,0,96x32,24,0,1},120x7,0,33{118x7,0,"
		     "33,2,1x7,119,33,3}]");
	free(s);
	layout_free(root);
}

static void check_dump(struct layout *root, const char *want)
{
	char *s = layout_dump(root);

	CHECK_STR(s, want);
	free(s);
}

/* split-window -f, against tmux 3.3a: new -x 120 -y 40; splitw -h; splitw
 * -v; then each full-size split below. */
static void test_split_full_like_tmux(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40);

	layout_split(layout_split(root, 1, -1, 0, &tag[1]), 0, -1, 0, &tag[2]);
	CHECK(layout_split_full(&root, 0, -1, 0, &tag[3]) != NULL);
	check_dump(root, "1d05,120x40,0,0[120x20,0,0{60x20,0,0,0,59x20,61,0[59x10,61,0,1,59x9,61,"
			 "11,2]},120x19,0,21,3]");
	CHECK(layout_split_full(&root, 1, -1, 1, &tag[4]) != NULL);
	check_dump(root, "4a3b,120x40,0,0{60x40,0,0,4,59x40,61,0[59x20,61,0{29x20,61,0,0,29x20,91,"
			 "0[29x10,91,0,1,29x9,91,11,2]},59x19,61,21,3]}");
	CHECK(layout_split_full(&root, 1, 10, 0, &tag[5]) != NULL);
	check_dump(root, "1e4a,120x40,0,0{54x40,0,0,4,54x40,55,0[54x20,55,0{26x20,55,0,0,27x20,82,"
			 "0[27x10,82,0,1,27x9,82,11,2]},54x19,55,21,3],10x40,110,0,5}");
	CHECK(layout_split_full(&root, 0, 5, 1, &tag[6]) != NULL);
	check_dump(root,
		   "7196,120x40,0,0[120x5,0,0,6,120x34,0,6{54x34,0,6,4,54x34,55,6[54x17,55,"
		   "6{26x17,55,6,0,27x17,82,6[27x8,82,6,1,27x8,82,15,2]},54x16,55,24,3],10x34,"
		   "110,6,5}]");
	/* No room left for a full-width column of one cell each. */
	CHECK(layout_split_full(&root, 1, 117, 0, &tag[7]) == NULL);
	layout_free(root);
}

static void test_dump_like_tmux(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40);
	char *s;

	/* Both strings measured with tmux 3.3a: new -x 120 -y 40; splitw -h. */
	s = layout_dump(root);
	CHECK_STR(s, "aafd,120x40,0,0,0");
	free(s);
	layout_split(root, 1, -1, 0, &tag[1]);
	layout_fix_offsets(root);
	s = layout_dump(root);
	CHECK_STR(s, "f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}");
	free(s);
	layout_free(root);
}

static void test_presets_like_tmux(void)
{
	size_t i;

	for (i = 0; i < sizeof preset_cases / sizeof preset_cases[0]; i++) {
		const struct preset_case *c = &preset_cases[i];
		int which = layout_preset_lookup(c->name);
		struct layout *root;
		char *s;

		CHECK(which >= 0);
		/* tmux's defaults: main-pane-height 24, main-pane-width 80. */
		root = layout_preset(which, panes, c->n, c->sx, c->sy,
				     which == LAYOUT_MAIN_HORIZONTAL ? "24" : "80", NULL);
		s = layout_dump(root);
		if (s == NULL || strcmp(s, c->layout) != 0)
			fprintf(stderr, "%dx%d %d %s\n", c->sx, c->sy, c->n, c->name);
		CHECK_STR(s, c->layout);
		free(s);
		layout_free(root);
	}
}

/* Every tmux string parses and dumps back to itself. */
static void test_parse_round_trip(void)
{
	size_t i;

	for (i = 0; i < sizeof preset_cases / sizeof preset_cases[0]; i++) {
		const struct preset_case *c = &preset_cases[i];
		char *cause, *s;
		struct layout *root = layout_parse(c->layout, c->n, &cause);

		CHECK(root != NULL);
		if (root == NULL) {
			fprintf(stderr, "%s: %s\n", c->layout, cause);
			free(cause);
			continue;
		}
		CHECK_INT(layout_count_leaves(root), c->n);
		layout_assign(root, panes);
		s = layout_dump(root);
		CHECK_STR(s, c->layout);
		free(s);
		layout_free(root);
	}
}

int main(void)
{
	for (int i = 0; i < 10; i++) {
		tag[i].id = (uint32_t)i;
		panes[i] = &tag[i];
	}
	test_split_like_tmux();
	test_split_sizes();
	test_remove_and_collapse();
	test_resize_like_tmux();
	test_dump_like_tmux();
	test_presets_like_tmux();
	test_parse_round_trip();
	test_directions_like_tmux();
	test_parse_errors();
	test_parse_like_tmux();
	test_resize_pane_like_tmux();
	test_split_full_like_tmux();
	CHECK_DONE();
}
