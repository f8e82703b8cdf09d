/*
 * choose: tmux's mode tree over a pane, for buffer mode (choose-buffer,
 * server/choose_buffer.c), tree mode (choose-tree, server/choose_tree.c) and
 * client mode (choose-client, server/choose_client.c) and customize mode
 * (customize-mode, server/choose_customize.c).
 * The pane's program goes on running under it; the mode draws a list over
 * the pane (one line per item, the current one in mode-style, children
 * indented under their parent) with a preview of the current item in a box
 * below, and takes the keys typed to the pane (searching and filtering in
 * server/choose_search.c).
 */
#ifndef PMUX_SERVER_CHOOSE_H
#define PMUX_SERVER_CHOOSE_H

#include "term/grid.h"

struct pane;
struct peer;
struct key;

enum choose_kind { CHOOSE_BUFFER, CHOOSE_TREE, CHOOSE_CLIENT, CHOOSE_CUSTOMIZE };

/* Tree mode's -s and -w: the levels collapsed at first (customize mode:
 * every item). */
enum choose_collapse {
	CHOOSE_EXPANDED,
	CHOOSE_COLLAPSE_SESSIONS,
	CHOOSE_COLLAPSE_WINDOWS,
	CHOOSE_COLLAPSE_ALL
};

struct choose_options {
	enum choose_kind kind;
	const char *tmpl;   /* %% is the item's target; NULL: the mode's */
	const char *format; /* each line after the name; NULL: tmux's */
	const char *keys;   /* -K: each line's shortcut key (#{line}); NULL: 0-9, M-a..M-z */
	const char *filter; /* items for which it is false are hidden; or NULL */
	int sort;	    /* from choose_sort_parse */
	int reverse;
	int no_preview;
	int zoom;
	enum choose_collapse collapse;
};

/* The sort order named (-O) for a mode, NULL for its default; -1 if the
 * mode has no such order. */
int choose_sort_parse(enum choose_kind kind, const char *name);
/* Put the pane in the mode (leaving copy mode), or replace its settings if
 * it is in it already. */
void choose_enter(struct pane *p, const struct choose_options *o);
/* #{pane_mode} of a pane in one of these modes. */
const char *choose_mode_name(struct pane *p);
/* Whether the pane is in a mode that shows every session (tree and client
 * mode): it
 * is drawn again whenever any session changes. */
int choose_shows_all(struct pane *p);
void choose_exit(struct pane *p);
void choose_free(struct pane *p);
/* A key typed by client c to the pane (NULL: send-keys without one). */
void choose_key(struct peer *c, struct pane *p, const struct key *k);
/* The mouse (send-keys -M): a click on row (of the pane) makes its line the
 * current one, and with choose (a double click) chooses it, as Enter. */
void choose_mouse(struct peer *c, struct pane *p, int row, int choose);
/* The buffers changed: redraw the panes in the modes. */
struct server;
void choose_buffers_changed(struct server *srv);
/* Draw the mode over the pane: cells are rows x cols of the client's
 * screen, the window starting at row top. */
void choose_draw(struct pane *p, struct grid_cell *cells, int rows, int cols, int top);

#endif
