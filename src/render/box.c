/* box: menu and popup frames (see box.h). */
#include "render/box.h"

#include <stdlib.h>
#include <string.h>

#include "render/status.h"
#include "util/buf.h"

/* Per line set: top-left, top-right, bottom-left, bottom-right, horizontal,
 * vertical, left tee, right tee. */
static const uint32_t box_chars[][8] = {
	[BOX_SINGLE] = {0x250c, 0x2510, 0x2514, 0x2518, 0x2500, 0x2502, 0x251c, 0x2524},
	[BOX_ROUNDED] = {0x256d, 0x256e, 0x2570, 0x256f, 0x2500, 0x2502, 0x251c, 0x2524},
	[BOX_DOUBLE] = {0x2554, 0x2557, 0x255a, 0x255d, 0x2550, 0x2551, 0x2560, 0x2563},
	[BOX_HEAVY] = {0x250f, 0x2513, 0x2517, 0x251b, 0x2501, 0x2503, 0x2523, 0x252b},
	[BOX_SIMPLE] = {'+', '+', '+', '+', '-', '|', '+', '+'},
	[BOX_PADDED] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '},
};
enum { TL, TR, BL, BR, HORIZ, VERT, LTEE, RTEE };

int box_lines_parse(const char *name)
{
	static const char *const names[] = {"single", "rounded", "double", "heavy",
					    "simple", "padded",	 "none"};

	for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++) {
		if (strcmp(name, names[i]) == 0)
			return i;
	}
	return -1;
}

static void put(const struct box_area *a, int x, int y, uint32_t ch, const struct grid_cell *pen)
{
	struct grid_cell *c;

	if (x < 0 || y < 0 || x >= a->cols || y >= a->rows)
		return;
	c = &a->cells[(size_t)y * (size_t)a->cols + (size_t)x];
	*c = *pen;
	c->ch = ch;
	c->width = 1;
	c->flags = 0;
}

void box_fill(const struct box_area *a, int x, int y, int w, int h, const struct grid_cell *pen)
{
	for (int j = y; j < y + h; j++) {
		for (int i = x; i < x + w; i++)
			put(a, i, j, ' ', pen);
	}
}

int box_text(const struct box_area *a, int x, int y, int max, const char *s,
	     const struct grid_cell *pen)
{
	struct grid_cell *row, p = *pen;
	int n;

	if (y < 0 || y >= a->rows || max <= 0)
		return 0;
	row = xcalloc((size_t)max, sizeof *row);
	n = status_draw(s, pen, &p, row, max);
	for (int i = 0; i < n; i++) {
		if (x + i < 0 || x + i >= a->cols)
			continue;
		/* a wide character cut by the screen's right edge goes */
		if (row[i].width == 2 && x + i + 1 >= a->cols)
			row[i].ch = ' ', row[i].width = 1;
		a->cells[(size_t)y * (size_t)a->cols + (size_t)(x + i)] = row[i];
	}
	free(row);
	return n;
}

int box_text_width(const char *s)
{
	static const struct grid_cell base = {.ch = ' ', .width = 1};
	size_t len = strlen(s);
	struct grid_cell *cells, pen = base;
	int n;

	if (len == 0)
		return 0;
	cells = xcalloc(len, sizeof *cells);
	n = status_draw(s, &base, &pen, cells, (int)len);
	free(cells);
	return n;
}

/* A title with #[align=centre] (tmux's default menus have it) is centred
 * on the top edge; any other starts two cells in. */
static void box_title(const struct box_area *a, int x, int y, int w, const char *title,
		      const struct grid_cell *pen)
{
	int tw = box_text_width(title);

	if ((strstr(title, "align=centre") != NULL || strstr(title, "align=center") != NULL) &&
	    tw < w - 4)
		x += (w - 4 - tw + 1) / 2;
	box_text(a, x + 2, y, w - 4, title, pen);
}

void box_draw(const struct box_area *a, int x, int y, int w, int h, int lines,
	      const struct grid_cell *pen, const char *title)
{
	const uint32_t *ch;

	if (lines < 0 || lines >= BOX_NONE || w < 2 || h < 2)
		return;
	ch = box_chars[lines];
	for (int i = x + 1; i < x + w - 1; i++) {
		put(a, i, y, ch[HORIZ], pen);
		put(a, i, y + h - 1, ch[HORIZ], pen);
	}
	for (int j = y + 1; j < y + h - 1; j++) {
		put(a, x, j, ch[VERT], pen);
		put(a, x + w - 1, j, ch[VERT], pen);
	}
	put(a, x, y, ch[TL], pen);
	put(a, x + w - 1, y, ch[TR], pen);
	put(a, x, y + h - 1, ch[BL], pen);
	put(a, x + w - 1, y + h - 1, ch[BR], pen);
	if (title != NULL && *title != '\0')
		box_title(a, x, y, w, title, pen);
}

void box_separator(const struct box_area *a, int x, int y, int w, int lines,
		   const struct grid_cell *pen)
{
	const uint32_t *ch;

	if (lines < 0 || lines >= BOX_NONE || w < 2)
		return;
	ch = box_chars[lines];
	put(a, x, y, ch[LTEE], pen);
	for (int i = x + 1; i < x + w - 1; i++)
		put(a, i, y, ch[HORIZ], pen);
	put(a, x + w - 1, y, ch[RTEE], pen);
}
