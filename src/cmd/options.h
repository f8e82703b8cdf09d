/*
 * options: named settings with defaults. One table of known options; values
 * are kept as strings and numbers by type. (Scopes — server, session, window,
 * pane — arrive with the command-language issue; for now every option is
 * global.)
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
};

struct option_def {
	const char *name;
	enum option_type type;
	const char *def;     /* default, as text */
	long min, max;	     /* numbers */
	const char *choices; /* choices, comma-separated */
};

struct options;

struct options *options_new(void);
void options_free(struct options *o);
const struct option_def *options_def(const char *name);
/* Set from text; on error returns -1 with a message in *err (malloc'd). */
int options_set(struct options *o, const char *name, const char *value, int append, char **err);
void options_unset(struct options *o, const char *name);
long options_number(const struct options *o, const char *name);
const char *options_string(const struct options *o, const char *name);
/* "name value" lines like show-options; name NULL for all. Returns -1 if unknown. */
int options_show(const struct options *o, const char *name, int value_only, struct buf *out);

#endif
