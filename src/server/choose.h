/*
 * choose: a pane's buffer mode (choose-buffer), tmux's mode tree for paste
 * buffers. The pane's program goes on running under it; the mode draws a
 * list of the buffers over the pane (one line each, the current one in
 * mode-style) with a preview of the current buffer in a box below, and
 * takes the keys typed to the pane.
 */
#ifndef PMUX_SERVER_CHOOSE_H
#define PMUX_SERVER_CHOOSE_H

#include "term/grid.h"

struct pane;
struct peer;
struct key;

enum choose_sort { CHOOSE_SORT_TIME, CHOOSE_SORT_NAME, CHOOSE_SORT_SIZE };

struct choose_options {
	const char *tmpl;   /* %% is the buffer's name; NULL: paste-buffer */
	const char *format; /* each line after the name; NULL: tmux's */
	const char *filter; /* items for which it is false are hidden; or NULL */
	enum choose_sort sort;
	int reverse;
	int no_preview;
	int zoom;
};

/* Put the pane in buffer mode (leaving copy mode), or replace its
 * settings if it is in it already. */
void choose_enter(struct pane *p, const struct choose_options *o);
void choose_exit(struct pane *p);
void choose_free(struct pane *p);
/* A key typed by client c to the pane (NULL: send-keys without one). */
void choose_key(struct peer *c, struct pane *p, const struct key *k);
/* The buffers changed: redraw the panes in buffer mode. */
struct server;
void choose_buffers_changed(struct server *srv);
/* Draw the mode over the pane: cells are rows x cols of the client's
 * screen, the window starting at row top. */
void choose_draw(struct pane *p, struct grid_cell *cells, int rows, int cols, int top);

#endif
