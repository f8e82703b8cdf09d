/*
 * options: named settings with defaults. One table of known options, each of
 * one scope (server, session, window or pane), as in tmux. A set of values
 * either is the global one (every option has a value there) or belongs to a
 * session, window or pane and holds only what was set on it, falling back
 * to its parent: pane → window → global, session → global.
 */
#ifndef PMUX_CMD_OPTIONS_H
#define PMUX_CMD_OPTIONS_H

#include "util/buf.h"

enum option_type {
	OPTION_NUMBER,
	OPTION_STRING,
	OPTION_FLAG,   /* on/off */
	OPTION_CHOICE, /* one of a list */
	OPTION_KEY,
	OPTION_ARRAY,  /* strings by index, name[N]; choices: what set splits on */
	OPTION_STYLE,  /* a string that must be a style, unless it holds a format */
	OPTION_COLOUR, /* a string that must be a colour, or the option's own default */
};

struct option_def {
	const char *name;
	enum option_type type;
	const char *def;     /* default, as text */
	long min, max;	     /* numbers */
	const char *choices; /* choices, comma-separated */
};

/* Strings, styles and colours are all text; set-option checks the last
 * two (tmux's messages). */
static inline int option_text_type(enum option_type t)
{
	return t == OPTION_STRING || t == OPTION_STYLE || t == OPTION_COLOUR;
}

enum option_scope {
	OPTION_SESSION,
	OPTION_SERVER,
	OPTION_WINDOW,
	OPTION_PANE,
};

struct options;

/* The global set, every option at its default. */
struct options *options_new(void);
/* A set that holds only what is set on it and inherits the rest. */
struct options *options_new_child(struct options *parent);
enum option_scope options_scope(const struct option_def *d);
void options_reparent(struct options *o, struct options *parent);
/* Is the option set on this very set (not inherited)? */
int options_is_set(const struct options *o, const char *name);
void options_free(struct options *o);
/* Changes whenever any set changes: what was worked out from option values
 * is still good while this is the same. */
unsigned long options_generation(void);
/* The i-th option of the table (in name order), NULL past the end. */
const struct option_def *options_def_at(size_t i);
/* One line about an option (options_help.c), or NULL. */
const char *options_help(const char *name);
/* The option of a name, also as name[N] for an array option. */
const struct option_def *options_def(const char *name);
/* An array option's item idx, or NULL where none is set. */
const char *options_array_item(const struct options *o, const char *name, int idx);
/* One more than an array option's highest index (0 when it is empty). */
int options_array_size(const struct options *o, const char *name);
/* Set from text; on error returns -1 with a message in *err (malloc'd).
 * An array option takes name[N] for one item; without an index the value is
 * split into items (append adds them at the first free indexes). Its
 * options_string is its items joined by the first separator. */
int options_set(struct options *o, const char *name, const char *value, int append, char **err);
void options_unset(struct options *o, const char *name);
/* A user option (@name) from the set or its parents, or NULL. set-option
 * takes any @name: options_set and options_unset handle them too. */
const char *options_user(const struct options *o, const char *name);
long options_number(const struct options *o, const char *name);
const char *options_string(const struct options *o, const char *name);
/* "name value" lines like show-options: name NULL for every option of the
 * scopes in mask (1 << enum option_scope); only the values set on o unless
 * inherited (then marked "name*"). Returns -1 if name is unknown. */
int options_show(const struct options *o, const char *name, unsigned mask, int value_only,
		 int inherited, struct buf *out);
/* The same as a JSON array of {name, value, inherited}; quote writes a JSON
 * string (the formats module's). */
int options_show_json(const struct options *o, const char *name, unsigned mask, int inherited,
		      struct buf *out, void (*quote)(struct buf *, const char *));

#endif
