/*
 * mouse: the mouse option. Reports from a client's terminal become tmux's
 * mouse keys (MouseDown1Pane, WheelUpStatus, DoubleClick1Pane …), looked up
 * in the client's key tables like other keys; what tmux's default bindings
 * do with them is done by commands (send-keys -M, copy-mode -M,
 * resize-pane -M, select-window -t =) that act on the event kept in the
 * command's context.
 */
#ifndef PMUX_SERVER_MOUSE_H
#define PMUX_SERVER_MOUSE_H

#include <stdint.h>

#include "term/key.h"

struct peer;
struct pane;
struct window;
struct session;
struct server;
struct tty_mouse;

/* One mouse event, as bindings and their commands see it. */
struct mouse_event {
	int valid;
	struct key key; /* the mouse key it became */
	int button;	/* 1-3; 4 and 5 the wheel; 0 motion without a button */
	int mod;	/* VTERM_MOD_* */
	int x, y;	/* client cells */
	int lx, ly;	/* where the event before it was */
	/* where the window is on the client's screen: rows above it (status
	 * lines at the top, less the rows of a bigger window above the
	 * client's view), and the window column of the screen's first */
	int top;
	int ox;
	int status_row;	  /* the first status line's row (the window list's) */
	int status_lines; /* how many there are (0: none) */
	int ignore;	  /* a double click made by the timer: its presses went already */
	uint32_t session; /* $id */
	uint32_t window;  /* @id + 1, 0: the session's current window */
	uint32_t pane;	  /* %id + 1, 0: the window's active pane */
};

/* A report from the client's terminal (render/tty.c), in client cells. */
void mouse_input(struct peer *c, const struct tty_mouse *tm);

/* The event's session, window and pane (the `=` and {mouse} targets): the
 * window or pane it happened over, else the current window and its active
 * pane. NULL if the event is not valid or they are gone. */
struct session *mouse_session(struct server *srv, const struct mouse_event *m);
struct window *mouse_window(struct server *srv, const struct mouse_event *m);
struct pane *mouse_pane(struct server *srv, const struct mouse_event *m);

/* Where the event (last: the one before it) was in pane p, 0-based; -1 if
 * it was outside the pane. */
int mouse_at(const struct mouse_event *m, const struct pane *p, int last, int *x, int *y);

/* send-keys -M, and a mouse key bound nowhere: the event goes to the
 * program of the pane under it, if that program asked for the mouse, in
 * the encoding it asked for. A release goes to the pane the press went to,
 * so that no button stays held. */
void mouse_forward(struct peer *c, const struct mouse_event *m);

/* copy-mode -M, send-keys -X begin-selection: a selection in pane p's copy
 * mode from where the drag started; the drag moves its end. */
void mouse_drag_copy(struct peer *c, const struct mouse_event *m, struct pane *p);
/* resize-pane -M: the border where the drag started follows the pointer. */
void mouse_drag_border(struct peer *c, const struct mouse_event *m);
/* Copy mode's cursor to the event's place in p, if the event is in p. */
void mouse_copy_cursor(const struct mouse_event *m, struct pane *p);

/* Where the client's last mouse event was (client cells; 0, 0 if none):
 * display-menu's and display-popup's -x M and -y M. */
void mouse_last(struct peer *c, int *x, int *y);

/* Is client row y on the status lines? */
int mouse_on_status(const struct mouse_event *m, int y);

/* Does the pane's program want motion with no button held (1003)? */
int mouse_hover_wanted(struct pane *p);

/* Text under the event in its pane (#{mouse_word}, #{mouse_line}); malloc'd,
 * NULL if none. */
char *mouse_word(struct server *srv, const struct mouse_event *m);
char *mouse_line(struct server *srv, const struct mouse_event *m);
/* The same at grid row row, column col of pane p (copy mode's cursor):
 * the word (per word-separators), NULL on none; the row's text. */
struct pane;
char *mouse_word_at(struct pane *p, int row, int col);
char *mouse_line_at(struct pane *p, int row);

/* The client's mouse state: made on attach, freed on detach. */
void mouse_client_new(struct peer *c);
void mouse_client_free(struct peer *c);

#endif
