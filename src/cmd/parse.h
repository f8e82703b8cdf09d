/*
 * parse: tmux's command language, shared by config files, source-file and
 * (later) bind-key bodies, if-shell and command-prompt. Text becomes a list
 * of commands, each an argv; nothing here runs a command (config.c does).
 *
 * Supported: single quotes (literal), double quotes with escapes (\" \\ \$
 * \n \t \r \e \uXXXX \UXXXXXXXX \ooo), $VAR and ${VAR} (hidden variables
 * first, then the environment), ~ and ~user at the start of a bare word,
 * #{…} formats kept whole, comments, '\' line continuation, ';' between
 * commands ("\;" is a literal ";" word), { … } blocks (one word holding the
 * inner commands' text), %if/%elif/%else/%endif, %hidden NAME=value and
 * NAME=value lines.
 */
#ifndef PMUX_CMD_PARSE_H
#define PMUX_CMD_PARSE_H

#include "util/buf.h"

struct parse_cmd {
	char **argv; /* NULL-terminated */
	int argc;
	int line; /* where the command starts */
};

struct parse_result {
	struct parse_cmd *cmds;
	int ncmds;
	struct buf errors; /* "file:line: message\n" each ("line: message" without a file) */
	int nerrors;
};

/* NAME=value lines only count for the text: no assign callback, no setenv
 * (parse-only runs, tests). */
#define PARSE_NOENV 0x1

struct parse_opts {
	const char *file; /* for messages; may be NULL */
	int line;	  /* number of the text's first line */
	int flags;
	/* Decides a %if/%elif condition (the words after the directive, joined
	 * by spaces). NULL: true when the text is non-empty and not "0". */
	int (*cond)(const char *text, void *arg);
	/* $NAME not assigned in the text itself. NULL: getenv. The result is
	 * copied at once; NULL expands to nothing. */
	const char *(*lookup)(const char *name, void *arg);
	/* NAME=value lines (hidden 0) and %hidden (1), after the parser noted
	 * them for the rest of the text. NULL: setenv for NAME=value unless
	 * PARSE_NOENV; %hidden stays in the text. */
	void (*assign)(const char *name, const char *value, int hidden, void *arg);
	void *arg;
};

/* Parse text. Returns 0, or -1 if there were errors (out->errors). The
 * commands that parsed cleanly are in out either way: a config file with a
 * broken line still applies the others. Free with parse_result_free. */
int parse_commands_opts(const char *text, const struct parse_opts *o, struct parse_result *out);
int parse_commands(const char *text, const char *file, int line, struct parse_result *out);
void parse_result_free(struct parse_result *r);

/* The truth of an expanded condition: non-empty and not "0". */
int parse_true(const char *s);

/* Quote a word so that parsing it gives the word back (no expansion). */
void parse_quote(struct buf *out, const char *word);

/* One line as a flat argv, commands separated by ";" words (what cmd_run
 * takes). Returns 0, or -1 with *err. */
int parse_words(const char *line, char ***argv, int *argc, char **err);
void parse_free(char **argv, int argc);

#endif
