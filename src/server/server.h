/*
 * The server's model: sessions hold windows, windows hold panes laid out by
 * a layout tree, peers are the connected clients. Everything lives on one
 * libuv loop owned by struct server.
 */
#ifndef PMUX_SERVER_SERVER_H
#define PMUX_SERVER_SERVER_H

#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <uv.h>

#include "pmux/proto.h"
#include "server/buffers.h"
#include "server/environ.h"
#include "server/prompt_history.h"
#include "term/grid.h"
#include "term/modescan.h"
#include "term/passfilter.h"
#include "util/buf.h"

struct grid;
struct tty;
struct render;
struct layout;
struct options;
struct hooks;
struct pane_pipe;
struct cmd_ctx;
struct server;
struct session;
struct window;
struct prompt;
struct menu;
struct popup;

struct key;

struct pane {
	struct server *srv;
	struct window *window;
	struct pane *next; /* in the window, in order */
	uint32_t id;	   /* %id */

	pid_t pid;	 /* the pane's session leader; 0 once reaped */
	int fd;		 /* pty master, -1 once closed */
	char tty[64];	 /* slave path */
	int exit_status; /* wait status once reaped */
	int exited;	 /* the program has exited */
	int closing;	 /* scheduled for removal */
	int empty;	 /* created with an empty command: no program, no pty, no poll */
	uv_poll_t poll;
	uv_timer_t close_timer; /* grace for output in flight after exit */
	int open_handles;
	int poll_events;
	struct buf writeq; /* input not yet accepted by the pty */

	struct grid *grid;
	int sx, sy;	/* size */
	int xoff, yoff; /* position in the window */
	struct layout *layout;
	uint64_t active_point; /* when last made active: breaks ties for select-pane -L… */

	char *start_cwd;
	struct options *options; /* set-option -p; read through pane_options() */
	struct pane_pipe *pipe;	 /* pipe-pane, or NULL */
	struct copy_mode *copy;	 /* copy mode (server/copy.h), or NULL */
	struct choose *choose;	 /* buffer mode (server/choose.h), or NULL */
	struct clock *clock;	 /* clock mode (server/clock.h), or NULL */
	char **cmd_argv;	 /* the command given at creation, for respawn */
	int cmd_argc;
	char *last_command; /* pane_current_command when last looked at */
	char *title_shown;  /* its title when output last asked for a frame */
	time_t created;
	time_t dead_time;	   /* when its program exited, or 0 */
	int32_t *palette;	   /* pane-colours and OSC 4, RGB by index (-1 unset); NULL: none */
	unsigned long palette_gen; /* the grid's colours generation it has */
	unsigned long options_seen; /* options_generation() of pane_options_seen */
	int cursor_style;	    /* cursor-style (DECSCUSR 1-6, 0 default) */
	long cursor_rgb;	    /* cursor-colour as RGB, -1 for none */
	uint64_t last_output;	    /* loop time of the last read, ms */
	uint64_t last_frame;	    /* loop time its output last asked for a frame */
	int frame_due;		    /* output not yet asked for: frame_timer will */
	int input_since_frame;	    /* written to since its output last asked for one */
	int input_off;		    /* select-pane -d: keys and pastes are dropped */
	pid_t fg_name_pgrp;	    /* last_command's foreground group */
	uint64_t fg_name_time;	    /* ... and when it was read, ms */

	/* what wait-pane -f needs: foreground changes since the last send-keys */
	uint64_t last_keys;	  /* loop time of the last send-keys, ms */
	unsigned long keys_marks; /* OSC 133;D marks seen by then */
	pid_t fg_last;		  /* foreground group when last looked at */
	int fg_away;		  /* a job had the foreground since the keys */

	int focused;	  /* told it has the focus (passthru.c) */
	int focus_hooked; /* has the focus as pane-focus-in/out last said */
	/* synchronized output (passthru.c): while sync, clients keep showing
	 * the pane as it was, until the program resets mode 2026 or a second
	 * has passed */
	struct modescan sync_scan;
	int sync;
	uv_timer_t *sync_timer;
	struct passfilter pass; /* DCS tmux; ... ST (allow-passthrough, passthru.c) */
};

struct window {
	struct server *srv;
	struct session *session;
	struct window *next; /* in the session, ordered by index */
	uint32_t id;	     /* @id */
	int index;
	char *name;
	int automatic;		 /* named after the active pane's command */
	struct options *options; /* set-option -w */
	int sx, sy;
	struct pane *panes;
	struct pane *active;
	struct pane *last_active;
	struct layout *layout;
	time_t created;
	int zoomed;	   /* the active pane fills the window; layout kept */
	int lastlayout;	   /* preset last applied (next-layout), -1 none */
	char *old_layout;  /* before the last select-layout, for -o */
	char *layout_seen; /* the layout when last laid out (window-layout-changed) */

	int alerts;	     /* ALERT_* flags in the window list (alerts.c) */
	int alerts_queued;   /* ALERT_* raised, not yet acted on */
	uv_timer_t *silence; /* monitor-silence clock, or NULL */
};

struct session {
	struct server *srv;
	struct session *next; /* ordered by name */
	uint32_t id;	      /* $id */
	char *name;
	struct window *windows; /* ordered by index */
	struct window *current;
	struct window *last;   /* top of tmux's last-window stack */
	struct window **older; /* the rest of it, most recent last */
	int nolder;
	int sx, sy; /* size given to new windows */
	time_t created;
	uint64_t activity;    /* ms: most recent use, picks the default session */
	time_t last_attached; /* a client last attached or switched to it, or 0 */
	int attached;
	char *cwd;
	struct environ env;	 /* over the global one: update-environment, -e */
	struct options *options; /* set-option on the session */
};

enum peer_state {
	PEER_NEW,      /* waiting for MSG_IDENTIFY */
	PEER_READY,    /* identified, running commands */
	PEER_ATTACHED, /* showing a session */
	PEER_CLOSING,  /* flushing its last messages */
};

struct peer {
	struct server *srv;
	struct peer *next;
	uint32_t id;
	uv_pipe_t pipe;
	uv_timer_t timer;	 /* identify deadline; escape-time while attached */
	uv_timer_t msg_timer;	 /* status line message expiry */
	uv_timer_t repeat_timer; /* end of a -r binding's repeat-time */
	int open_handles;
	struct proto_reader reader;
	enum peer_state state;
	pid_t pid;
	uid_t uid;
	size_t queued;		 /* bytes handed to libuv, not yet written */
	time_t created;		 /* #{client_created} */
	uint64_t written;	 /* terminal output sent, #{client_written} */
	int tty_fd;		 /* the client's terminal (MSG_TTYFD) until attached, or -1 */
	struct ttyfd *ttyfd;	 /* attached: the server drives that terminal */
	struct control *control; /* a control client (-C), or NULL (server/control.h) */

	/* from MSG_IDENTIFY */
	char *term;
	char *colorterm;
	char *cwd;
	char *ttyname;
	char *pane_hint; /* PMUX_PANE of the calling shell */
	char **env;
	int nenv;
	int rows, cols;
	int xpixel, ypixel; /* the terminal's size in pixels; 0 if not known */

	/* attached */
	struct session *session;
	struct session *last_session; /* for switch-client -l */
	uint64_t activity;	      /* ms of the last input, resize or attach */
	struct tty *tty;
	struct render *render;
	int readonly;
	int flags;	 /* CLIENT_* (server/client_flags.h) */
	int pause_after; /* pause-after=N (control mode) */
	uint32_t *panes; /* active-pane: its own active panes (%id), one per window */
	int npanes;
	/* refresh-client -L/-R/-U/-D: the view over window pan_window (@id + 1;
	 * 0: none, the view follows the cursor) starts at pan_ox, pan_oy */
	uint32_t pan_window;
	int pan_ox, pan_oy;
	int suspended;		 /* suspend-client: stopped until MSG_WAKEUP */
	int hup_parent;		 /* detach-client -P, attach -x: SIGHUP its shell */
	int waiting;		 /* blocked in wait-pane */
	struct cmd_ctx *pending; /* a suspended command list of this peer */
	char *deferred;		 /* a command that waits for the config file */
	size_t deferred_len;
	/* the client's stdin being read for a command (load-buffer -) */
	void (*stdin_done)(void *arg, const char *data, size_t len, const char *err);
	void (*stdin_chunk)(void *arg, const char *data, size_t len); /* or collected */
	void *stdin_arg;
	struct buf stdin_data;
	int stdin_overflow;
	int prefix_pending;
	int frame_pending;	/* a frame is being written */
	int dirty;		/* redraw when the socket drains */
	int full_redraw;	/* the shadow is stale */
	struct buf frame;	/* bytes of the frame being composed */
	char *message;		/* shown on the status line until msg_timer fires */
	int message_drops_keys; /* display -N: keys are dropped while it shows */

	/* the command prompt on the status line (drawn by render, edited by
	 * attach.c); active while prompt_label is not NULL */
	char *prompt_label;
	struct buf prompt_buf;
	size_t prompt_cursor;
	struct prompt *prompt;	    /* the rest of its state (attach.c) */
	char *key_table;	    /* table for the next key; NULL: root */
	int key_repeat;		    /* key_table is held by a -r binding ... */
	uint64_t repeat_deadline;   /* ... until this loop time (ms, repeat_timer) */
	uint64_t key_ns;	    /* when the last key came (assume-paste-time) */
	int pasting;		    /* keys are coming faster than assume-paste-time */
	struct mouse_client *mouse; /* its mouse state (server/mouse.c) while attached */

	int focused;			     /* its terminal has the focus (focus reports) */
	uint32_t focus_seen;		     /* %id + 1 of the pane it showed active then */
	struct display_panes *display_panes; /* display-panes' indicator, or NULL */
	struct menu *menu;		     /* display-menu's menu (server/menu.h), or NULL */
	struct popup *popup;		     /* display-popup's popup (server/popup.h), or NULL */

	/* the status line built last (attach.c): a frame for pane output alone
	 * keeps it, and it is built again soon after */
	struct grid_cell *status_cells; /* status_nlines rows of status_width cells */
	int status_width;
	int status_nlines;
	int status_cursor; /* the prompt's cursor column in it, or -1 */
	int status_keep;   /* only pane output asked for the frame due */
	int status_owed;   /* a frame kept it: build it again soon */
	/* each of its lines' mouse ranges, as drawn (render/status.c) */
	struct statusfmt_ranges *status_ranges;
	int status_nranges;

	/* terminal-features for its terminal, as of options_generation() */
	int features_known;
	unsigned long features_gen;
	/* the border pens of pens_from (window options) at options generation
	 * pens_gen, parsed again only when an option changed */
	const struct options *pens_from;
	unsigned long pens_gen;
	struct grid_cell border_pen, active_border_pen;
	/* the same when the styles hold formats (pane_border.c): expanded for
	 * fmt_window at options generation fmt_gen, again for every frame not
	 * for pane output alone */
	struct grid_cell fmt_border_pen, fmt_active_border_pen;
	const struct window *fmt_window;
	unsigned long fmt_gen;
	int has_rgb, has_sync, has_links, has_ccolour;
};

struct server {
	uv_loop_t *loop;
	uv_pipe_t listener;
	uv_signal_t sig_term, sig_chld, sig_hup, sig_int;
	uv_check_t check;
	uv_idle_t idle;
	char *socket_path;
	struct options *options;
	struct session *sessions;
	struct peer *peers;
	uint32_t next_session_id, next_window_id, next_pane_id, next_peer_id;
	uint32_t marked; /* %id + 1 of the marked pane (select-pane -m); 0: none */
	time_t start_time;
	int exiting;
	int redraw_needed;
	struct buffers buffers; /* paste buffers */
	struct environ env;	/* the global environment (set-environment -g) */
	struct hooks *hooks;
	struct buf messages; /* show-messages: what display-message showed */
	struct prompt_history prompt_history;
	int history_loaded; /* history-file was read (after the start config) */
	struct buf
		config_errors; /* "file:line: message" lines from config files, for show-messages */
	int config_loading;    /* config files still running (waiting on run-shell) */
	char *config_files;    /* the one loaded at start (#{config_files}), or NULL */
	const char *command;   /* the name of the command running (#{command}), or NULL */
	const char *current_file; /* the config file being run (#{current_file}), or NULL */
	uv_timer_t status_timer; /* status-interval redraws (render/status.c) */
	uv_timer_t frame_timer;	 /* frames for panes that output too often */
	time_t status_last;	 /* when status_timer last ticked */
	int alerts_queued;	 /* some window has alerts to act on (alerts.c) */
	int control_dirty;	 /* a command ran or a hook fired: control clients look */
	int focus_check;	 /* which pane has the focus may have changed (passthru.c) */
	struct pane *typed;	 /* written to in this turn of the loop (pane_read_typed) */

	uv_timer_t status_lag; /* status lines kept by frames for pane output (attach.c) */
};

/* server.c */
int server_main(int listen_fd, const char *socket_path, const char *config_file, int verbose);
void server_schedule(struct server *srv);
/* Make the loop run its check step soon (queued hooks). */
void server_wake(struct server *srv);
void server_check_exit(struct server *srv);
/* A config file finished: clients' commands may run. */
void server_config_done(struct server *srv);
void server_shutdown(struct server *srv);

/* session.c */
struct session *session_create(struct server *srv, const char *name, const char *cwd, int sx,
			       int sy);
struct session *session_find(struct server *srv, const char *name);
struct session *session_find_id(struct server *srv, uint32_t id);
int session_valid_name(const char *name);
void session_rename(struct session *s, const char *name);
void session_destroy(struct session *s);
int session_count_windows(const struct session *s);
void session_select_window(struct session *s, struct window *w);
void session_last_remove(struct session *s, struct window *w);
void session_last_replace(struct session *s, struct window *from, struct window *to);
void session_last_swap(struct session *s, struct window *a, struct window *b);
struct session *session_best(struct server *srv);
void session_touch(struct session *s);
/* The options that apply to an object, falling back to the global ones. */
struct options *session_options(struct session *s);
struct options *window_options(struct window *w);
struct options *pane_options(struct pane *p);
void session_update_environment(struct session *s, struct peer *c);

/* window.c */
struct window *window_create(struct session *s, int index, const char *name);
struct window *window_find_index(struct session *s, int index);
struct window *window_find_id(struct server *srv, uint32_t id);
int window_next_index(struct session *s, int from);
void window_shuffle_up(struct session *s, int idx);
struct pane *window_last_pane(struct window *w);
struct pane *window_marked_pane(struct server *srv);
void window_destroy(struct window *w);
int window_count_panes(const struct window *w);
int window_pane_index(const struct window *w, const struct pane *p);
void window_set_active(struct window *w, struct pane *p);
void window_resize(struct window *w, int sx, int sy);
void window_relayout(struct window *w);
void window_remove_pane(struct window *w, struct pane *p);
/* Unlink a pane from its window's list and layout without destroying
 * either (break-pane, join-pane); the window may be left empty. */
void window_detach_pane(struct window *w, struct pane *p);
/* Zoom: the layout stays as it is, the active pane is drawn over it. */
int window_zoom(struct window *w, struct pane *p);
void window_unzoom(struct window *w);
/* Apply a preset (LAYOUT_EVEN_HORIZONTAL…) or a tmux layout string. */
void window_select_preset(struct window *w, int which);
int window_apply_layout(struct window *w, const char *s, char **cause);
/* #{window_layout} (the layout under any zoom) and #{window_visible_layout}. */
char *window_layout_string(const struct window *w);
char *window_visible_layout(const struct window *w);
/* select-pane -L/-R/-U/-D: the neighbour in direction 'L','R','U','D',
 * wrapping round the window like tmux; NULL if none. */
struct pane *window_pane_next_by_direction(struct window *w, struct pane *p, char dir);
/* Exchange two panes' places (same or different windows). */
void window_swap_panes(struct pane *a, struct pane *b);
/* Put a window in session dst at index (-1: the next free from
 * base-index), making it current there with select; the caller checks the
 * index is free. May destroy the window's old session if that was its last
 * window. */
void window_move(struct window *w, struct session *dst, int index, int select);
/* Exchange two windows' sessions and indexes; current/last are the
 * caller's business. */
void window_swap(struct window *a, struct window *b);
/* Renumber windows from base-index in order (renumber-windows, movew -r). */
void session_renumber_windows(struct session *s);

/* pane.c */
struct spawn_args {
	char **argv; /* NULL: the default command */
	int argc;
	const char *cwd;
	char *cwd_expanded; /* -c after format expansion (owned), or NULL */
	char **env;	    /* extra VAR=value */
	int nenv;
	struct peer *peer; /* whose environment to start from, or NULL */
};
struct pane *pane_create(struct window *w, const struct spawn_args *sa, int sx, int sy,
			 char **errmsg);
/* A pane for a program already running (a popup's, its menu's "To
 * Horizontal Pane"): its pty master fd, its pid (a session leader), its
 * tty's name and its screen, which the pane takes over; sized sx x sy. */
struct pane_adopt {
	int fd;
	pid_t pid;
	const char *tty;
	struct grid *grid;
	const char *cwd;
};
struct pane *pane_adopt(struct window *w, const struct pane_adopt *pa, int sx, int sy);
struct pane *pane_find_id(struct server *srv, uint32_t id);
/* Every pane of the server in turn: pane_all(srv, NULL) gives the first,
 * pane_all(srv, p) the one after p, NULL after the last. */
struct pane *pane_all(struct server *srv, struct pane *p);
void pane_write(struct pane *p, const char *buf, size_t len);
/* A key for the pane's program (key_send), as extended keys when
 * extended-keys is always, or on and the program asked (modifyOtherKeys).
 * Returns -1 if the key cannot be sent. */
int pane_send_key(struct pane *p, const struct key *k);
/* The panes keys or a paste for p go to: for (q = pane_input_first(p); q !=
 * NULL; q = pane_sync_next(p, q)) walks p, unless its input is off
 * (select-pane -d), then every pane synchronized with it. */
struct pane *pane_input_first(struct pane *p);
struct pane *pane_sync_next(struct pane *p, struct pane *q);
/* default-shell if it can be run, else $SHELL, the user's shell, /bin/sh */
const char *pane_default_shell(const struct options *o);
/* default-terminal, or tmux-256color where terminfo has it, else screen-256color. */
const char *pane_default_terminal(const struct options *o);
void pane_resize(struct pane *p, int sx, int sy);
void pane_kill(struct pane *p);
int pane_respawn(struct pane *p, const struct spawn_args *sa, int kill_live, char **errmsg);
void pane_reaped(struct pane *p, int status);
void pane_destroy(struct pane *p);
pid_t pane_foreground(const struct pane *p);
void pane_sample_foreground(struct pane *p);
void pane_keys_sent(struct pane *p);
void pane_poll_set(uv_poll_t *poll, int *now, int events, uv_poll_cb cb);
void pane_options_seen(struct pane *p);
const int32_t *pane_palette(struct pane *p);
/* The cursor's colour as RGB, -1 for the terminal's: the program's (OSC 12)
 * over cursor-colour. */
long pane_cursor_rgb(struct pane *p);
/* Read what the pane written to in this turn of the loop has answered. */
void pane_read_typed(struct server *srv);
char *pane_current_command(struct pane *p);
char *pane_current_path(const struct pane *p);
void pane_hangup_session(pid_t sid);
/* The environment a program of session s starts with (PMUX_PANE when p is
 * not NULL), with env's VAR=value over it; a NULL-terminated malloc'd
 * vector of malloc'd strings. */
char **pane_spawn_environment(struct server *srv, struct session *s, const struct pane *p,
			      char **env, int nenv);

/* peer.c */
void peer_accept(struct server *srv);
void peer_send(struct peer *c, uint16_t type, const void *data, size_t len);
void peer_close(struct peer *c);
/* Ask the client for its stdin: done gets all of it (or err: too large, or
 * the client went away), or with chunk set, chunk gets each piece as it
 * comes and done an empty rest. Returns -1 if a read is already going on. */
int peer_read_stdin(struct peer *c, void (*chunk)(void *arg, const char *data, size_t len),
		    void (*done)(void *arg, const char *data, size_t len, const char *err),
		    void *arg);
/* Run the commands that waited for the config file to finish. */
void peer_run_deferred(struct server *srv);
void peer_exit(struct peer *c, int status, const char *message);
/* A closing peer that has not taken its last messages by then is cut off. */
void peer_close_later(struct peer *c, uint64_t ms);
const char *peer_getenv(const struct peer *c, const char *name);

/* attach.c */
/* attach_start's flags: attach -r, and -E (update-environment not applied) */
#define ATTACH_READONLY 0x1
#define ATTACH_NO_ENV 0x2
void attach_start(struct peer *c, struct session *s, int flags);
void attach_suspend(struct peer *c);
void attach_lock(struct peer *c);
/* lock-after-time: lock the clients of sessions idle that long. */
void attach_lock_idle(struct server *srv);
void attach_refresh(struct peer *c);
/* refresh-client -l: ask the client's terminal for its clipboard; the
 * answer becomes a paste buffer. */
void attach_clipboard_query(struct peer *c);
void attach_wakeup(struct peer *c);
void attach_detach(struct peer *c, const char *message);
/* detach-client -E: the client runs command with the session's shell in
 * its place. */
void attach_detach_exec(struct peer *c, const char *command);
void attach_input(struct peer *c, const char *buf, size_t len);
void attach_resize(struct peer *c, int rows, int cols);
void attach_render_all(struct server *srv);
void attach_mark_session(struct session *s);
/* Pane output changed what s shows: its status line may wait a little. */
void attach_mark_output(struct session *s);
/* s's next frame builds its status line (the output changed a title). */
void attach_status_stale(struct session *s);
/* Draw c again, status line and all. */
void attach_mark_client(struct peer *c);
void attach_status_lag_init(struct server *srv);
/* s is being destroyed: its clients go to another session (as
 * detach-on-destroy says) or detach with [exited]. */
void attach_session_destroyed(struct session *s);
void attach_free(struct peer *c);
void attach_message(struct peer *c, const char *msg);
/* Whether c's prompt is in vi command mode (status-keys vi, after Escape). */
int attach_prompt_vi_command(const struct peer *c);
void attach_message_for(struct peer *c, const char *msg, long ms, int drop_keys);
void attach_drained(struct peer *c);
void attach_switch(struct peer *c, struct session *s, int flags); /* ATTACH_NO_ENV */
void attach_resize_windows(struct session *s);
void attach_timer(struct peer *c);
void attach_options_changed(struct server *srv);
/* allow-passthrough: a program's data for c's terminal as it is, after
 * what c should show so far, at p's cursor (p NULL: wherever the cursor
 * is, for a pane c does not show). */
void attach_passthrough(struct peer *c, struct pane *p, const char *data, size_t len);
/* command-prompt / confirm-before: ask on the status line, then run tmpl
 * with the responses (keys_template). prompts and inputs are comma
 * separated lists; PROMPT_SINGLE takes one key per response. */
#define PROMPT_SINGLE 0x1
#define PROMPT_CONFIRM 0x2
/* PROMPT_INCREMENTAL runs tmpl at each change with the text after '=', or
 * after '+' / '-' for C-s / C-r; Enter then only closes the prompt. */
#define PROMPT_INCREMENTAL 0x4
/* PROMPT_WHOLE: one prompt whose label and input are taken whole (commas
 * are text: customize mode's option values). */
#define PROMPT_WHOLE 0x8
/* PROMPT_NUMERIC (-N): digits only; any other key answers the prompt with
 * them and is then a key as usual (vi copy mode's counts: 1 0 j). */
#define PROMPT_NUMERIC 0x10
void attach_prompt(struct peer *c, const char *prompts, const char *inputs, const char *tmpl,
		   int flags, int type);
/* A prompt (label and input taken whole) whose response, when Enter is
 * pressed, goes to fn with arg instead of running a command: the mode trees'
 * search and filter. arg is malloc'd and freed with the prompt, also when it
 * is cancelled. */
typedef void attach_prompt_fn(struct peer *c, const char *response, void *arg);
void attach_prompt_call(struct peer *c, const char *label, const char *input, int type,
			attach_prompt_fn *fn, void *arg);
/* Close the prompt (if any) and free its state. */
void attach_prompt_clear(struct peer *c);
/* The key table the client's next key is looked up in (switch-client -T);
 * NULL or "root" for the root table. */
void attach_key_table(struct peer *c, const char *name);
/* Run command text for the client (errors to its status line). */
void attach_run_command(struct peer *c, const char *text);
/* The same with pane p (if not NULL) as the current pane for targets, and
 * mouse event m (if not NULL) for the = target, send-keys -M ... (a menu
 * shown by a mouse binding). */
struct mouse_event;
void attach_run_command_at(struct peer *c, const char *text, struct pane *p,
			   const struct mouse_event *m);
/* A mouse key made by mouse.c: looked up in the client's tables like a key,
 * with the event for the commands of its binding. */
struct key;
struct mouse_event;
void attach_mouse_key(struct peer *c, const struct key *k, const struct mouse_event *m);

#endif
