/*
 * environ: an environment as pmux keeps it: the server's global one, and one
 * per session on top of it. An entry may be marked removed (it hides the
 * global one, like tmux's "-VAR"), or hidden (%hidden, set-environment -h:
 * for formats and config files only, never given to a program).
 */
#ifndef PMUX_SERVER_ENVIRON_H
#define PMUX_SERVER_ENVIRON_H

#include "util/buf.h"

struct environ_entry {
	char *name;
	char *value; /* NULL: removed */
	int hidden;
	struct environ_entry *next;
};

struct environ {
	struct environ_entry *first; /* sorted by name */
};

void environ_init(struct environ *e);
void environ_clear(struct environ *e);
/* Set (value NULL marks it removed). */
void environ_set(struct environ *e, const char *name, const char *value, int hidden);
/* Forget the entry entirely. */
void environ_unset(struct environ *e, const char *name);
struct environ_entry *environ_find(const struct environ *e, const char *name);
/* Fill from "NAME=value" strings. */
void environ_load(struct environ *e, char *const *vars);
/* "NAME=value" (and "-NAME" for removed) lines of the hidden entries or
 * of the others. */
void environ_show(const struct environ *e, const char *only, int hidden, struct buf *out);
/* The environment for a program: global, overlaid by session (either may be
 * NULL); a NULL-terminated malloc'd vector of malloc'd "NAME=value". */
char **environ_build(const struct environ *global, const struct environ *session);

#endif
