/*
 * keys: key tables and their bindings (a key → command text), tmux's default
 * bindings, list-keys formatting and command-prompt templates. Pure data: no
 * I/O and no server, so it is unit-testable; the server keeps one set of
 * tables (keys_server()) and attach.c dispatches keys through it.
 */
#ifndef PMUX_CMD_KEYS_H
#define PMUX_CMD_KEYS_H

#include "term/key.h"
#include "util/buf.h"

struct key_binding {
	struct key key;
	char *cmd;  /* command text, in config syntax */
	char *note; /* -N, or NULL */
	int repeat; /* -r: the table stays active for repeat-time */
	struct key_binding *next;
};

struct key_table {
	char *name;
	struct key_binding *bindings; /* sorted (keys_compare) */
	struct key_table *next;	      /* sorted by name */
};

struct key_tables {
	struct key_table *tables;
};

struct key_tables *keys_new(void);
void keys_free(struct key_tables *kt);
/* tmux's default bindings (prefix table). */
void keys_add_defaults(struct key_tables *kt);

struct key_table *keys_table(struct key_tables *kt, const char *name, int create);
/* Bind (replacing an existing binding of the key). */
void keys_bind(struct key_tables *kt, const char *table, const struct key *k, const char *cmd,
	       int repeat, const char *note);
/* 0, or -1 if the key was not bound. */
int keys_unbind(struct key_tables *kt, const char *table, const struct key *k);
void keys_unbind_all(struct key_tables *kt, const char *table);
const struct key_binding *keys_lookup(struct key_tables *kt, const char *table,
				      const struct key *k);

/* list-keys lines for one table (NULL: all) and one key (NULL: all), as
 * bind-key commands; with notes, "KEY  NOTE" lines of the bindings that have a note. Returns -1 if
 * the table does not exist. */
int keys_list(struct key_tables *kt, const char *table, const struct key *only, int notes,
	      struct buf *out);

/* Words joined back into command text, quoted where the parser needs it. */
char *keys_join_words(int argc, char **argv);

/* command-prompt: the template with %1..%9 replaced by the responses and
 * %% by the first (as tmux does), quoted for the quotes around them. */
char *keys_template(const char *tmpl, char **responses, int n);

/* The server's tables, made with the defaults on first use. */
struct key_tables *keys_server(void);

#endif
