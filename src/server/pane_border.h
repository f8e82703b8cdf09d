/*
 * pane_border: what the options say about drawing a window's panes, for the
 * frame attach.c builds: each pane's default colours (window-style,
 * window-active-style), the border lines and indicators (pane-border-lines,
 * pane-border-indicators) and the border status lines (pane-border-status,
 * pane-border-format). Also where the status lines take a pane's row.
 */
#ifndef PMUX_SERVER_PANE_BORDER_H
#define PMUX_SERVER_PANE_BORDER_H

#include "render/render.h"
#include "server/server.h"

/* pane-border-status of a window: 0 off, 1 top, 2 bottom. */
int pane_border_status(struct window *w);

/* Does a layout cell at yoff of sy rows give a row to its pane's status
 * line: 1 its first, 2 its last, 0 none? */
int pane_border_row(struct window *w, int yoff, int sy);

/* Pane p's default colours (GRID_COLOR_DEFAULT: the terminal's), the
 * active pane or not: window-active-style, the program's (OSC 10, 11),
 * window-style. */
void pane_border_defaults(struct peer *c, struct pane *p, int active, grid_color *fg,
			  grid_color *bg);

/* The view's default colours for pane p, the active pane or not. */
void pane_border_view(struct peer *c, struct pane *p, int active, struct render_view *v);

/* A mode drawn over pane p in an overlay of rows x cols cells (the window
 * from row top): its cells of the default colours take the pane's. */
void pane_border_mode_colours(struct peer *c, struct pane *p, struct grid_cell *cells, int rows,
			      int cols, int top);

/* The frame's border settings and, with pane-border-status, the status
 * line of each view (panes[i] shown in f->views[i]). Returns memory to free
 * once the frame is drawn, or NULL. */
void *pane_border_frame(struct peer *c, struct window *w, struct pane **panes,
			struct render_frame *f);

#endif
