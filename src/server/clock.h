/*
 * clock: clock mode (clock-mode). The pane shows the time in big digits in
 * its middle (clock-mode-colour, clock-mode-style 12 or 24), redrawn every
 * second, until a key is pressed in it (the key goes no further). The
 * pane's program goes on running under it.
 */
#ifndef PMUX_SERVER_CLOCK_H
#define PMUX_SERVER_CLOCK_H

#include "term/grid.h"

struct pane;

/* Put the pane in clock mode (leaving any other mode). */
void clock_enter(struct pane *p);
/* Leave it, if the pane is in it. */
void clock_exit(struct pane *p);
/* Free it without drawing again (the pane is going). */
void clock_free(struct pane *p);
/* Draw over the pane: cells are rows x cols of the client's screen, the
 * window starting at row top. */
void clock_draw(struct pane *p, struct grid_cell *cells, int rows, int cols, int top);

#endif
