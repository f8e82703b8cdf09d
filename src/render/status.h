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
 * time now: status-format[0], or the message or the prompt. Returns the
 * column of the prompt's cursor, or -1 when there is no prompt.
 * prompt_cursor is a byte offset into prompt_buf.
 */
int status_build(struct peer *c, time_t now, struct grid_cell *cells, int width);

/* The same for lines status lines (the status option: 1 to 5), each width
 * cells: status-format's lines, a message or the prompt taking the last.
 * With keep_ranges, each line's mouse ranges (#[range=]) are kept in c for
 * status_range_at: those of the lines the client is shown. */
int status_build_lines(struct peer *c, time_t now, struct grid_cell *cells, int width, int lines,
		       int keep_ranges);

/* What a click at column x of status line `line` (0 the first) is on, in
 * the lines last built with keep_ranges: a range=left (STATUS_AT_LEFT),
 * range=right, range=window|N (STATUS_AT_WINDOW, *index N) or none. */
enum { STATUS_AT_LEFT, STATUS_AT_RIGHT, STATUS_AT_WINDOW, STATUS_AT_DEFAULT };
int status_range_at(struct peer *c, int line, int x, long *index);

/* The first column of the window of that index's range on c's status
 * lines (the first line that has one), or -1. */
int status_window_x(struct peer *c, int index);

/* Free what status_build_lines kept in c. */
void status_free(struct peer *c);

/* A string with #[style] directives drawn from pen (reset to base by
 * #[default]) into at most max cells; returns the cells used. */
int status_draw(const char *s, const struct grid_cell *base, struct grid_cell *pen,
		struct grid_cell *cells, int max);

/* Redraw attached clients every status-interval seconds (the clock in
 * status-right). One timer for the server, unreferenced so that it never
 * keeps the loop alive; the server's final uv_walk closes it. */
void status_timer_start(struct server *srv);

#endif
