/* Unit tests for OSC 8 hyperlinks in the grid: the link id in the cells'
 * attr bits, its text, SGR leaving it alone, and ids reused once the table
 * is full of links no longer on the screen. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "term/grid.h"

static void put(struct grid *g, const char *s)
{
	grid_input(g, s, strlen(s));
}

static void test_link_cells(void)
{
	struct grid *g = grid_new(5, 20, 100, NULL, NULL);
	const struct grid_cell *c;
	size_t len;
	char *cap;

	put(g, "a\033]8;id=1;http://x/\033\\b\033[1;31mc\033[0md\033]8;;\033\\e");
	c = grid_line(g, 0);
	CHECK_INT(GRID_CELL_LINK(&c[0]), 0);
	CHECK(GRID_CELL_LINK(&c[1]) != 0);
	CHECK_INT(GRID_CELL_LINK(&c[2]), GRID_CELL_LINK(&c[1]));
	CHECK_INT(GRID_CELL_LINK(&c[3]), GRID_CELL_LINK(&c[1])); /* SGR 0 keeps it */
	CHECK_INT(GRID_CELL_LINK(&c[4]), 0);
	CHECK_STR(grid_link(g, GRID_CELL_LINK(&c[1])), "id=1;http://x/");
	CHECK(grid_link(g, 0) == NULL);
	CHECK_INT(c[2].attr & ~GRID_ATTR_LINK, GRID_ATTR_BOLD);
	cap = grid_capture(g, 0, 0, GRID_CAPTURE_ESCAPES, &len);
	CHECK_STR(cap, "ab\033[1m\033[31mc\033[0mde\n");
	free(cap);
	/* split across writes */
	put(g, "\r\n\033]8;;http://sp");
	put(g, "lit/\033\\f");
	c = grid_line(g, 1);
	CHECK_STR(grid_link(g, GRID_CELL_LINK(&c[0])), ";http://split/");
	grid_free(g);
}

static void test_table_reuse(void)
{
	struct grid *g = grid_new(3, 20, 0, NULL, NULL);
	const struct grid_cell *c;
	char s[64];

	/* many links, each scrolled away: the last ones still get ids */
	for (int i = 0; i < 3 * GRID_LINK_MAX; i++) {
		snprintf(s, sizeof s, "\r\n\033]8;;http://h/%d\033\\x\033]8;;\033\\", i);
		put(g, s);
	}
	c = grid_line(g, 2);
	snprintf(s, sizeof s, ";http://h/%d", 3 * GRID_LINK_MAX - 1);
	CHECK(GRID_CELL_LINK(&c[0]) != 0);
	CHECK_STR(grid_link(g, GRID_CELL_LINK(&c[0])), s);
	grid_free(g);
}

int main(void)
{
	test_link_cells();
	test_table_reuse();
	CHECK_DONE();
}
