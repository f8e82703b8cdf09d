/*
 * statusfmt: one line of an expanded status format (status-format[N]) drawn
 * as tmux lays it out: the #[align=] parts (left, centre, right,
 * absolute-centre), the window list marked with #[list=on] scrolled so that
 * its #[list=focus] part shows, with the #[list=left-marker] and
 * #[list=right-marker] texts where it is cut, #[fill=] and
 * #[push-default]/#[pop-default]; and the #[range=] parts of the line that
 * a mouse click on it finds.
 */
#ifndef PMUX_RENDER_STATUSFMT_H
#define PMUX_RENDER_STATUSFMT_H

#include <stdint.h>

#include "render/style.h"
#include "term/grid.h"

/* A range of columns [start, end) of a drawn line: status-left
 * (STYLE_RANGE_LEFT), status-right or a window (arg its index). */
struct statusfmt_range {
	enum style_range type;
	long arg;
	int start, end;
};

struct statusfmt_ranges {
	struct statusfmt_range *r;
	int n, cap;
};

/*
 * Draw text (formats already expanded) into cells[0..width) from pen base,
 * which #[default] returns to (until a #[push-default]). The ranges the line
 * has are put in *ranges (emptied first) unless it is NULL.
 */
void statusfmt_draw(const char *text, const struct grid_cell *base, struct grid_cell *cells,
		    int width, struct statusfmt_ranges *ranges);

/* The first range holding column x (as tmux, where ranges overlap), or
 * NULL. */
const struct statusfmt_range *statusfmt_range_at(const struct statusfmt_ranges *ranges, int x);

void statusfmt_ranges_free(struct statusfmt_ranges *ranges);

/* The columns a character takes on a status line: 0 for controls and
 * combining marks, which the status line leaves out. */
int statusfmt_char_width(uint32_t cp);

/* Put a character of w columns in pen at cells[*n] (a wide one with its
 * continuation cell); returns 0 if it does not fit in max cells. */
int statusfmt_put_char(uint32_t cp, int w, const struct grid_cell *pen, struct grid_cell *cells,
		       int *n, int max);

#endif
