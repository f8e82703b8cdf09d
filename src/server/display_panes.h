/*
 * display_panes: a client's pane indicator (display-panes). Each visible
 * pane of the client's window shows its number, in big digits when the
 * pane has room, until a duration passes or a key is pressed; a digit
 * runs a template for that pane. The indicator is drawn as an overlay over
 * the client's screen (render_frame.overlay).
 */
#ifndef PMUX_SERVER_DISPLAY_PANES_H
#define PMUX_SERVER_DISPLAY_PANES_H

#include "term/grid.h"

struct peer;
struct key;
struct cmd_ctx;

/* Show the indicator on c for ms milliseconds (0: until a key). tmpl runs
 * with %% as the chosen pane's id (NULL: select-pane). With nokeys, keys
 * are not taken. wait, if not NULL, is a suspended command list resumed
 * when the indicator closes. */
void display_panes_start(struct peer *c, long ms, const char *tmpl, int nokeys,
			 struct cmd_ctx *wait);
/* Close the indicator, if any (detach, or a new one). */
void display_panes_stop(struct peer *c);
/* A key while the indicator shows: returns 1 if it took the key. */
int display_panes_key(struct peer *c, const struct key *k);
/* Draw into cells (rows x cols of the client's screen, window at row top). */
void display_panes_draw(struct peer *c, struct grid_cell *cells, int rows, int cols, int top);

#endif
