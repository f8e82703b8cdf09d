/*
 * control: tmux's control mode (-C, -CC). The client sends command lines,
 * the server answers each with a %begin ... %end (or %error) block and
 * tells of changes with notifications (%output, %window-add, ...). A
 * control client is an attached peer whose terminal output goes nowhere:
 * it is never drawn, and sizes windows only once it has a size
 * (refresh-client -C).
 */
#ifndef PMUX_SERVER_CONTROL_H
#define PMUX_SERVER_CONTROL_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct peer;
struct pane;
struct server;
struct cmd_ctx;
struct control_seen;
struct control_sub;

/* A pane the client asked about with refresh-client -A. */
struct control_pane {
	uint32_t id;
	int off;    /* no %output for it */
	int paused; /* pause-after: %pause sent, output dropped until continued */
};

struct control {
	int mode;      /* 1: -C, 2: -CC */
	int sized;     /* refresh-client -C gave it a size */
	struct buf in; /* command text not yet run (a partial line) */
	int running;   /* a command line of it has not finished */
	int eof;       /* its input has ended */
	int exiting;   /* %exit sent */
	/* a command of its own detached it: its block comes before %exit */
	int exit_deferred;
	int exit_status;
	char *exit_reason;
	struct control_pane *panes;
	int npanes;
	/* the age of what the socket has not taken: each %output's end in
	 * bytes queued so far, and when it was queued */
	uint64_t sent; /* bytes ever queued */
	struct {
		uint64_t end;
		uint64_t when;
	} * marks;
	int nmarks, marks_cap;
	struct control_seen *seen; /* control_notify.c */
	struct control_sub *subs;  /* control_subs.c, by name */
	int nsubs;
};

/* A peer that identified as a control client (mode 1 or 2). */
void control_new(struct peer *c, int mode);
void control_free(struct peer *c);
/* The client's command (the first one, on the command line, or a line of
 * its input) is over: its block. Returns 1 if the peer is done with (it
 * was not attached and has been told %exit). */
int control_command_done(struct peer *c, struct cmd_ctx *ctx, int first);
/* Bytes of its stdin (MSG_INPUT; empty: its end). */
void control_input(struct peer *c, const char *data, size_t len);
/* Run the lines that waited (after the first command, after a line's
 * command that waited on something). */
void control_run_lines(struct peer *c);
/* A pane's program wrote: %output to the control clients of its session. */
void control_pane_output(struct pane *p, const char *data, size_t len);
/* The client goes with "%exit [reason]". */
void control_exit(struct peer *c, const char *reason);
/* Text for the client between blocks. */
void control_write(struct peer *c, const char *text, size_t len);
/* refresh-client for a control client: -C size, -A pane actions (its
 * flags are client_flags.c's). Return -1 with an error in err (malloc'd). */
int control_set_size(struct peer *c, const char *spec, char **err);
int control_pane_action(struct peer *c, const char *spec, char **err);

/* control_notify.c: compare what each control client has been told with
 * how things are now, and tell it the difference. */
void control_notify_all(struct server *srv);
void control_notify(struct peer *c);
void control_seen_free(struct control_seen *s);

/* control_subs.c: refresh-client -B name:what:format (what: empty for the
 * session, @id or @* for windows, %id or %* for panes), -B name to stop;
 * checked once a second. */
int control_subscribe(struct peer *c, const char *spec, char **err);
void control_subs_free(struct control *ctl);

#endif
