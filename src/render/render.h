/*
 * render: compose what one client sees and send only what changed. It keeps
 * a shadow of the client's screen; a frame compares the panes' grids with the
 * shadow and draws the differing cells as same-pen runs through the client's
 * TickitTerm (libtickit's own buffer does not diff).
 */
#ifndef PMUX_RENDER_RENDER_H
#define PMUX_RENDER_RENDER_H

#include "render/tty.h"
#include "term/grid.h"

/* One pane's place on the client's screen. */
struct render_view {
	struct grid *grid;
	int x, y;	   /* top-left corner on the client's screen */
	int width, height; /* cells shown (may be smaller than the grid) */
};

struct render_frame {
	const struct render_view *views;
	int nviews;
	int active;	    /* index of the view that has the cursor */
	const char *status; /* status line text (UTF-8), or NULL for none */
	int status_top;	    /* status line at the top instead of the bottom */
};

struct render;

struct render *render_new(struct tty *t);
void render_free(struct render *r);
/* Forget the shadow: the next frame redraws everything (after a resize, a
 * tty_stop/tty_start, or after output to the client was dropped). */
void render_invalidate(struct render *r);
/* Draw the frame: only the cells that differ from the shadow. */
void render_draw(struct render *r, const struct render_frame *f);

#endif
