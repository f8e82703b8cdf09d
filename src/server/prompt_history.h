/*
 * prompt_history: what was typed at command prompts, kept by the server for
 * every client as tmux keeps it: one list per prompt type (command-prompt
 * -T), at most prompt-history-limit entries each, saved to history-file when
 * that option is set and read from it once the configuration has run.
 */
#ifndef PMUX_SERVER_PROMPT_HISTORY_H
#define PMUX_SERVER_PROMPT_HISTORY_H

#include "util/buf.h"

enum prompt_type {
	PROMPT_TYPE_COMMAND,
	PROMPT_TYPE_SEARCH,
	PROMPT_TYPE_TARGET,
	PROMPT_TYPE_WINDOW_TARGET,
	PROMPT_NTYPES
};

struct prompt_history {
	char **items[PROMPT_NTYPES]; /* oldest first */
	int n[PROMPT_NTYPES];
};

struct server;

/* A type's name (command, search, target, window-target) to the type, or -1. */
int prompt_type_parse(const char *name);
const char *prompt_type_name(int type);

/* Add a line (not an empty one, nor the last one again) and save the file. */
void prompt_history_add(struct server *srv, int type, const char *line);
int prompt_history_count(const struct server *srv, int type);
/* Entry i, oldest first. */
const char *prompt_history_item(const struct server *srv, int type, int i);
/* Forget a type's lines, or every type's with -1 (and save the file). */
void prompt_history_clear(struct server *srv, int type);
/* show-prompt-history's text for a type, or every type with -1. */
void prompt_history_show(const struct server *srv, int type, struct buf *out);
/* Read history-file (at the end of the start configuration, as tmux). */
void prompt_history_load(struct server *srv);
void prompt_history_free(struct server *srv);

#endif
