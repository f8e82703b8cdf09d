/*
 * popup_int: a popup's state, shared by popup.c (its program and pty) and
 * popup_mouse.c (the mouse: moving and resizing the box, events for the
 * program). Not for other modules: they use popup.h.
 */
#ifndef PMUX_SERVER_POPUP_INT_H
#define PMUX_SERVER_POPUP_INT_H

#include <sys/types.h>
#include <uv.h>

#include "term/grid.h"
#include "util/buf.h"

struct peer;
struct server;
struct cmd_ctx;

enum popup_drag { POPUP_DRAG_NONE, POPUP_DRAG_MOVE, POPUP_DRAG_SIZE };

struct popup {
	struct server *srv;
	struct peer *c;
	int x, y, w, h; /* the box on the client's screen */
	int lines;	/* enum box_lines */
	char *title;
	struct grid_cell style, border;
	int close_on_exit;

	struct grid *grid;
	int fd;	   /* pty master, -1 once closed */
	pid_t pid; /* the program, its session's id */
	char tty[64];
	int exited;
	int status; /* wait status once exited */
	uv_poll_t poll;
	int poll_events;
	struct buf writeq; /* input the pty has not taken yet */
	struct cmd_ctx *wait;
	void (*done)(struct server *srv, int status, void *arg);
	void *done_arg;

	/* the mouse (popup_mouse.c) */
	int mouse_button;     /* the button last pressed for the program */
	int last_x, last_y;   /* where the event before was */
	int press_button;     /* the button held, 0 after the release */
	int press_border;     /* it was pressed on the border */
	int drag;	      /* enum popup_drag */
	int drag_dx, drag_dy; /* the pointer's place in the box when it started */
	int menu_shown;	      /* the client's menu is the popup's (popup_menu.c) */
};

/* The program's screen: the box less its border. */
void popup_inner(const struct popup *p, int *x, int *y, int *w, int *h);
/* The box becomes w x h (border included); the grid and the pty (so the
 * program gets SIGWINCH) follow when the inside changed. */
void popup_set_size(struct popup *p, int w, int h);
/* Bytes for the program, as typed. */
void popup_write(struct popup *p, const char *buf, size_t len);
/* Close the popup without hanging up its program, which a pane has taken
 * over (popup_pane.c): the command that opened it exits with 129, as in
 * tmux. */
void popup_close_given(struct popup *p);
/* tmux's "To Horizontal Pane" (horizontal 1) and "To Vertical Pane": the
 * program, its pty and its screen become a new pane beside the client's
 * active pane (popup_pane.c). */
void popup_to_pane(struct popup *p, int horizontal);
/* The popup's own menu (popup_menu.c), shown at client cell (x, y). */
void popup_menu(struct popup *p, int x, int y);

#endif
