/*
 * popup: a client's popup (display-popup), a box drawn over its screen
 * with a program of its own on a pty of its own. Like a pane's, the
 * program is a session leader whose controlling terminal is that pty; its
 * output goes to the popup's grid, and keys typed on the client go to it
 * while the popup is open (C-c through the line discipline). The
 * program's exit, or closing the popup first, hangs up every process group
 * left in its session.
 */
#ifndef PMUX_SERVER_POPUP_H
#define PMUX_SERVER_POPUP_H

#include <stddef.h>
#include <sys/types.h>

struct peer;
struct server;
struct session;
struct key;
struct cmd_ctx;
struct box_area;
struct render_frame;
struct render_view;
struct tty_mouse;

struct popup_args {
	char **argv; /* one word: run by the shell; none: default-command or the shell */
	int argc;
	const char *cwd;
	char **env; /* VAR=value (-e) */
	int nenv;
	struct session *session; /* whose environment and options */
	int x, y, w, h;		 /* the box on the client's screen */
	int lines;		 /* enum box_lines; BOX_NONE: no border */
	const char *title;	 /* #[style] directives allowed; NULL for none */
	const char *style, *border_style;
	int close_on_exit; /* 0: stays; 1 (-E): closes when the program exits; 2 (-EE): if it
			      succeeded */
	/* Called once when the popup closes, with the program's exit status
	 * (as a shell gives it; 129 if it was hung up). May be NULL. */
	void (*done)(struct server *srv, int status, void *arg);
	void *done_arg;
};

/* Open a popup on c (closing any other). wait, if not NULL, is a suspended
 * command list resumed when it closes, with the program's exit status when
 * that closed it. Returns 0, or -1 with *err (malloc'd). */
int popup_open(struct peer *c, const struct popup_args *pa, struct cmd_ctx *wait, char **err);
/* Close c's popup, if any (display-popup -C, detach). */
void popup_close(struct peer *c);
/* A key or a paste while c has a popup: returns 1 if the popup took it. */
int popup_key(struct peer *c, const struct key *k);
int popup_paste(struct peer *c, const char *buf, size_t len);
/* A mouse event while c has a popup: returns 1 if the popup took it (it
 * takes all); its program gets those inside it if it asked for the mouse. */
int popup_mouse(struct peer *c, const struct tty_mouse *m);
/* Does c's popup's program ask for the mouse? As in tmux, the client's
 * terminal then reports it even with the mouse option off. */
int popup_wants_mouse(struct peer *c);
/* SIGCHLD: returns 1 if pid was a popup's program. */
int popup_reaped(struct server *srv, pid_t pid, int status);
/* Draw c's popup: its frame into the overlay, its screen as f's floating
 * view (v is where that view is kept). */
void popup_draw(struct peer *c, const struct box_area *a, struct render_frame *f,
		struct render_view *v);

#endif
