/*
 * status: the cells of one client's status lines, built as tmux builds them:
 * status-left, the window list and status-right (strftime, then formats,
 * then #[style] directives), the other lines of status-format (with their
 * alignments), or the message being displayed, or the command prompt with
 * its cursor.
 */
#ifndef PMUX_RENDER_STATUS_H
#define PMUX_RENDER_STATUS_H

#include <time.h>

#include "term/grid.h"

struct peer;
struct server;
struct window;

/*
 * Fill cells[0..width) for client c (its srv, session, message, prompt) at
 * time now. Returns the column of the prompt's cursor, or -1 when there is
 * no prompt. prompt_cursor is a byte offset into prompt_buf.
 */
int status_build(struct peer *c, time_t now, struct grid_cell *cells, int width);

/* The same for lines status lines (the status option: 1 to 5), each width
 * cells: status-format's lines (the first as status_build draws it while it
 * is tmux's default); a message or the prompt takes the last line. */
int status_build_lines(struct peer *c, time_t now, struct grid_cell *cells, int width, int lines);

/* The window whose entry in the window list is at column x, as
 * status_build draws the list at time now; NULL for none (status-left or
 * -right, a separator, empty space). */
struct window *status_window_at(struct peer *c, time_t now, int width, int x);

/* What is at column x of the status line as status_build draws it at time
 * now (for the mouse): status-left, status-right, a window's entry in the
 * list (*w set to the window) or anything else (a separator, empty space). */
enum { STATUS_AT_LEFT, STATUS_AT_RIGHT, STATUS_AT_WINDOW, STATUS_AT_DEFAULT };
int status_range_at(struct peer *c, time_t now, int width, int x, struct window **w);

/* A string with #[style] directives drawn from pen (reset to base by
 * #[default]) into at most max cells; returns the cells used. */
int status_draw(const char *s, const struct grid_cell *base, struct grid_cell *pen,
		struct grid_cell *cells, int max);

/* Redraw attached clients every status-interval seconds (the clock in
 * status-right). One timer for the server, unreferenced so that it never
 * keeps the loop alive; the server's final uv_walk closes it. */
void status_timer_start(struct server *srv);

#endif
