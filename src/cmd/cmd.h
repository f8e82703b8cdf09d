/*
 * cmd: the command table and the machinery every command shares: argument
 * parsing with tmux's flag syntax, the context a command runs in, targets.
 */
#ifndef PMUX_CMD_CMD_H
#define PMUX_CMD_CMD_H

#include "cmd/format.h"
#include "server/mouse.h"
#include "server/server.h"
#include "util/buf.h"

struct cmd_ctx {
	struct server *srv;
	struct peer *peer; /* the client that asked, or NULL (config file) */
	struct buf out;
	struct buf err;
	struct session *attach; /* set by commands that attach the client */
	int attach_readonly;
	int waiting;		  /* wait-pane started a waiter: it sends the reply */
	struct pane *current;	  /* the current pane for targets (hooks), or NULL */
	struct pane *new_pane;	  /* what a creating command made (for after- hooks) */
	struct mouse_event mouse; /* the event a mouse binding runs for (valid set) */

	/* A command that must wait for something (run-shell, if-shell) suspends
	 * the list: what is left to run is kept as continuations, and cmd_resume
	 * runs them later. Only a context with a finish callback (allocated,
	 * owned by the caller of cmd_run) can be suspended; others get
	 * background behaviour. */
	int suspended;
	int failed; /* the last command failed: the rest of its list is skipped */
	struct cmd_cont *cont;
	void (*finish)(struct cmd_ctx *ctx);
	int status;
	int no_alias;	  /* running an alias's own words (command-alias) */
	const char *file; /* config file being read, for messages */
	int line;
};

/* Parsed arguments: flags (with values) and the remaining words. */
struct args {
	struct {
		char flag;
		char *value; /* NULL for a flag without value */
	} * flags;
	int nflags;
	char **argv;
	int argc;
};

int args_has(const struct args *a, char flag);
/* The last value of a flag, or NULL. */
const char *args_get(const struct args *a, char flag);
/* Every value of a repeatable flag (-e), in order; returns the count. */
int args_values(const struct args *a, char flag, char ***out);

struct cmd_entry {
	const char *name;
	const char *alias;
	const char *spec;	/* getopt-style: "dPs:" */
	int min_args, max_args; /* max -1: no limit */
	const char *usage;
	int (*exec)(struct cmd_ctx *ctx, struct args *a);
};

/* Append an error line ("fmt\n") and return -1. */
int cmd_error(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_ctx_init(struct cmd_ctx *ctx, struct server *srv, struct peer *peer);
void cmd_ctx_free(struct cmd_ctx *ctx);

/* Run argv, which may hold several commands separated by ";" words. Stops at
 * the first failing command; ctx->status is 0 or 1. */
int cmd_run(struct cmd_ctx *ctx, int argc, char **argv);
/* Run one command whose ";" words are arguments (parsed from "\;"). */
int cmd_run_single(struct cmd_ctx *ctx, int argc, char **argv);
const struct cmd_entry *cmd_find(const char *name, char **err);
/* Check one command's words as running it would (name or alias, flags,
 * argument count, -F) without running it: bind-key's check. */
int cmd_check(struct cmd_ctx *ctx, int argc, char **argv);
/* command-alias: the commands an alias named exactly name stands for, or NULL. */
const char *cmd_alias(struct server *srv, const char *name);
/* The full name of the command an alias or prefix names (display-message
 * for display), as list-keys shows it; the word itself for a
 * command-alias or an unknown word. */
const char *cmd_full_name(struct server *srv, const char *word);
/* Every command of every table (list-commands). */
void cmd_each(void (*fn)(const struct cmd_entry *e, void *arg), void *arg);
int cmd_can_suspend(const struct cmd_ctx *ctx);
void cmd_suspend(struct cmd_ctx *ctx);
/* Put words before what is left of the list (if-shell's chosen command). */
void cmd_prepend(struct cmd_ctx *ctx, int argc, char **argv);
/* While a suspension unwinds, each caller that has more to run after the
 * command that suspended (a config file's next lines) queues it: run(ctx,
 * arg) is called when what was queued before it is done, free(arg) when it
 * has run or the context goes. */
void cmd_push_call(struct cmd_ctx *ctx, void (*run)(struct cmd_ctx *, void *),
		   void (*free_arg)(void *), void *arg);
/* The same, first in line (what a suspended command does when it resumes). */
void cmd_prepend_call(struct cmd_ctx *ctx, void (*run)(struct cmd_ctx *, void *),
		      void (*free_arg)(void *), void *arg);
/* Suspend the list until the client's stdin is read: done gets it (err set
 * if it could not be read; with chunk, chunk got it piece by piece) and must
 * call cmd_resume. -1 with an error when there is no client to read from. */
int cmd_read_stdin(struct cmd_ctx *ctx, void (*chunk)(void *arg, const char *data, size_t len),
		   void (*done)(void *arg, const char *data, size_t len, const char *err),
		   void *arg);
/* Carry on after a suspension; calls finish when the list is done. */
void cmd_resume(struct cmd_ctx *ctx);

/* Targets. Any of the fields may come back NULL where the kind asks less. */
struct target {
	struct session *s;
	struct window *w;
	struct pane *p;
};
int target_session(struct cmd_ctx *ctx, const char *spec, struct target *t);
int target_window(struct cmd_ctx *ctx, const char *spec, struct target *t);
int target_pane(struct cmd_ctx *ctx, const char *spec, struct target *t);
/* new-window -t: a session and a window index that may be free (-1: next). */
int target_window_index(struct cmd_ctx *ctx, const char *spec, struct target *t, int *index);

/* The command tables of each family. */
extern const struct cmd_entry cmd_session_entries[];
extern const struct cmd_entry cmd_window_entries[];
extern const struct cmd_entry cmd_pane_entries[];
extern const struct cmd_entry cmd_misc_entries[];
extern const struct cmd_entry cmd_config_entries[];  /* source-file … */
extern const struct cmd_entry cmd_layout_entries[];  /* select-layout, resize-pane … */
extern const struct cmd_entry cmd_keys_entries[];    /* bind-key, unbind-key, list-keys … */
extern const struct cmd_entry cmd_wait_entries[];    /* wait-pane */
extern const struct cmd_entry cmd_shell_entries[];   /* run-shell, if-shell */
extern const struct cmd_entry cmd_hooks_entries[];   /* set-hook, show-hooks */
extern const struct cmd_entry cmd_waitfor_entries[]; /* wait-for */
extern const struct cmd_entry cmd_buffer_entries[];  /* paste buffers */
extern const struct cmd_entry cmd_copy_entries[];    /* copy-mode */
extern const struct cmd_entry cmd_modes_entries[];   /* display-panes, choose-* */
extern const struct cmd_entry cmd_menu_entries[];    /* display-menu, display-popup */
/* send-keys to a pane in copy mode: the key's copy-mode binding (cmd-copy.c). */
struct key;
int cmd_copy_key(struct cmd_ctx *ctx, struct pane *p, const struct key *k);

/* Shared by the commands that start a program (new-session, new-window,
 * split-window): -c (a format about t, which may be NULL), -e and the
 * command words. Free with cmd_spawn_free. */
void cmd_spawn_args(struct cmd_ctx *ctx, struct args *a, struct spawn_args *sa,
		    const char *default_cwd, struct target *t);
void cmd_spawn_free(struct spawn_args *sa);
/* -P: print the new object with -F (or the default format). */
void cmd_print_new(struct cmd_ctx *ctx, struct args *a, struct pane *p, const char *def);
/* The client's stdin into the empty pane p as it comes (display -I,
 * split-window -I); the command waits for its end. */
int cmd_input_to_pane(struct cmd_ctx *ctx, struct pane *p);
/* Name a new window after its command when -n is not given. */
char *cmd_window_name(const struct spawn_args *sa, struct session *s);
/* The client a command acts on (detach-client, display-message): the peer
 * attached to the target session, the caller itself, or the most recent. */
struct peer *cmd_current_client(struct cmd_ctx *ctx, struct session *s);
/* The attached client on terminal tty (with or without /dev/), or NULL. */
struct peer *cmd_find_client(struct cmd_ctx *ctx, const char *tty);
/*
 * Listing: every list command prints its items through this, so that -F
 * (format), -f (filter) and -j (JSON array of all variables, or of the
 * variables -F names) behave the same everywhere.
 */
struct cmd_list {
	struct cmd_ctx *ctx;
	const char *fmt;    /* -F or the command's default */
	const char *filter; /* -f */
	int json;
	char **names; /* -j with -F: the variables it names */
	int nnames;
	int count;
};
/* The plain variables a format names (#{name}, #S …); returns the count. */
int cmd_format_names(const char *fmt, char ***names);
void cmd_format_names_free(char **names, int n);
void cmd_list_begin(struct cmd_list *l, struct cmd_ctx *ctx, struct args *a, const char *def);
void cmd_list_item(struct cmd_list *l, const struct format_ctx *fc);
void cmd_list_end(struct cmd_list *l);

/* A new window at index with one pane; NULL (and an error) if the program
 * could not be started. */
struct window *cmd_new_window(struct cmd_ctx *ctx, struct session *s, int index, const char *name,
			      const struct spawn_args *sa);
/* A malformed format (NULL is none) is an error: 1 after cmd_error, else 0. */
int cmd_bad_format(struct cmd_ctx *ctx, const char *fmt);

#endif
