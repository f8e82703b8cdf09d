/*
 * box: the frame of a menu or popup drawn into a client's overlay cells,
 * in one of tmux's border line sets (popup-border-lines), with an optional
 * title on its top edge.
 */
#ifndef PMUX_RENDER_BOX_H
#define PMUX_RENDER_BOX_H

#include "term/grid.h"

enum box_lines { BOX_SINGLE, BOX_ROUNDED, BOX_DOUBLE, BOX_HEAVY, BOX_SIMPLE, BOX_PADDED, BOX_NONE };

/* The choices for the *-border-lines options, in enum box_lines order. */
#define BOX_LINES_CHOICES "single,rounded,double,heavy,simple,padded,none"

/* A border-lines name as enum box_lines, or -1 if unknown. */
int box_lines_parse(const char *name);

/* A client's overlay: rows x cols cells. Drawing is clipped to it. */
struct box_area {
	struct grid_cell *cells;
	int rows, cols;
};

/* Fill the rectangle with blanks in pen. */
void box_fill(const struct box_area *a, int x, int y, int w, int h, const struct grid_cell *pen);
/* The outline of the w x h rectangle at (x, y) in pen; title (a string with
 * #[style] directives, or NULL) on the top edge from x + 2. BOX_NONE draws
 * nothing. */
void box_draw(const struct box_area *a, int x, int y, int w, int h, int lines,
	      const struct grid_cell *pen, const char *title);
/* A separator across the box at row y, joined to its sides. */
void box_separator(const struct box_area *a, int x, int y, int w, int lines,
		   const struct grid_cell *pen);
/* The cells a string with #[style] directives takes. */
int box_text_width(const char *s);
/* Text with #[style] directives from pen into at most max cells at (x, y);
 * returns the cells used. */
int box_text(const struct box_area *a, int x, int y, int max, const char *s,
	     const struct grid_cell *pen);

#endif
