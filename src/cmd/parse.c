/*
 * parse: tmux's command language. One pass over the text with a small
 * lexer; { } blocks are a stack of levels, each collecting its commands, and
 * a closed block becomes one word of the command around it. %if is a stack
 * of conditions decided while parsing, as tmux does, so a skipped branch is
 * never tokenised beyond its directives.
 *
 * Errors do not stop the parse: the broken command is dropped, the rest of
 * its line skipped, and parsing goes on, so one typo in a config file does
 * not lose every other setting.
 */
#include <ctype.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/parse.h"

struct building {
	char **argv;
	int argc;
	int line;
	int broken; /* an error in one of its words: drop it */
};

struct level {
	struct parse_cmd *cmds;
	int ncmds;
	struct building cur;
	int open_line; /* of the '{' */
	int broken;    /* an error inside the block */
};

struct cond {
	int active;    /* lines are taken */
	int done;      /* some branch was taken already */
	int parent;    /* the enclosing %if is taking lines */
	int seen_else; /* %else met */
	int line;
};

struct var {
	char *name;
	char *value;
};

struct parser {
	const char *p;
	int line;
	const struct parse_opts *o;
	struct parse_result *out;
	struct level *lv; /* lv[0] is the top level */
	int depth;
	struct cond *conds;
	int nconds;
	struct var *vars; /* %hidden and NAME=value, searched before the environment */
	int nvars;
};

static void parse_error(struct parser *ps, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void parse_error(struct parser *ps, int line, const char *fmt, ...)
{
	va_list ap;

	if (ps->o->file != NULL)
		buf_printf(&ps->out->errors, "%s:%d: ", ps->o->file, line);
	va_start(ap, fmt);
	buf_vprintf(&ps->out->errors, fmt, ap);
	va_end(ap);
	buf_addc(&ps->out->errors, '\n');
	ps->out->nerrors++;
	ps->lv[ps->depth].cur.broken = 1;
	ps->lv[ps->depth].broken = 1;
}

/* The current character, stepping over "\\\n" continuations first. */
static int cur(struct parser *ps)
{
	for (;;) {
		if (ps->p[0] == '\\' && ps->p[1] == '\n') {
			ps->p += 2;
			ps->line++;
		} else if (ps->p[0] == '\\' && ps->p[1] == '\r' && ps->p[2] == '\n') {
			ps->p += 3;
			ps->line++;
		} else {
			return (unsigned char)*ps->p;
		}
	}
}

static void adv(struct parser *ps)
{
	if (*ps->p == '\n')
		ps->line++;
	if (*ps->p != '\0')
		ps->p++;
}

static void skip_blanks(struct parser *ps)
{
	int c;

	while ((c = cur(ps)) == ' ' || c == '\t' || c == '\r')
		adv(ps);
}

/* Leaves the parser on the newline, which ends the command. */
static void skip_to_eol(struct parser *ps)
{
	int c;

	while ((c = cur(ps)) != '\n' && c != '\0')
		adv(ps);
}

static int is_name_char(int c, int first)
{
	return c == '_' || (first ? isalpha(c) : isalnum(c));
}

/* NAME=value with a valid name: an assignment. */
static int is_assignment(const char *w)
{
	const char *p = w;

	if (!is_name_char((unsigned char)*p, 1))
		return 0;
	while (is_name_char((unsigned char)*p, 0))
		p++;
	return *p == '=';
}

static const char *var_get(struct parser *ps, const char *name)
{
	int i;

	for (i = ps->nvars - 1; i >= 0; i--) {
		if (strcmp(ps->vars[i].name, name) == 0)
			return ps->vars[i].value;
	}
	if (ps->o->lookup != NULL)
		return ps->o->lookup(name, ps->o->arg);
	return getenv(name);
}

/* Remember NAME=value for $NAME later in the text, and hand it on: tmux
 * puts both kinds in its global environment (%hidden ones marked hidden). */
static void var_set(struct parser *ps, const char *assignment, int hidden)
{
	const char *eq = strchr(assignment, '=');
	struct var *v;

	ps->vars = xrealloc(ps->vars, sizeof *ps->vars * (ps->nvars + 1));
	v = &ps->vars[ps->nvars++];
	v->name = xstrndup(assignment, eq - assignment);
	v->value = xstrdup(eq + 1);
	if (ps->o->flags & PARSE_NOENV)
		return;
	if (ps->o->assign != NULL)
		ps->o->assign(v->name, v->value, hidden, ps->o->arg);
	else if (!hidden)
		setenv(v->name, v->value, 1);
}

static void utf8_add(struct buf *w, unsigned long u)
{
	if (u < 0x80) {
		buf_addc(w, (char)u);
	} else if (u < 0x800) {
		buf_addc(w, (char)(0xc0 | (u >> 6)));
		buf_addc(w, (char)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		buf_addc(w, (char)(0xe0 | (u >> 12)));
		buf_addc(w, (char)(0x80 | ((u >> 6) & 0x3f)));
		buf_addc(w, (char)(0x80 | (u & 0x3f)));
	} else {
		buf_addc(w, (char)(0xf0 | (u >> 18)));
		buf_addc(w, (char)(0x80 | ((u >> 12) & 0x3f)));
		buf_addc(w, (char)(0x80 | ((u >> 6) & 0x3f)));
		buf_addc(w, (char)(0x80 | (u & 0x3f)));
	}
}

/* \uXXXX or \UXXXXXXXX: exactly n hex digits, a valid code point. */
static int read_unicode(struct parser *ps, struct buf *w, int n)
{
	unsigned long u = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)ps->p[i])) {
			parse_error(ps, ps->line, "invalid \\%c escape", n == 4 ? 'u' : 'U');
			return -1;
		}
		u = u * 16 +
		    (isdigit((unsigned char)ps->p[i])
			     ? (unsigned long)(ps->p[i] - '0')
			     : (unsigned long)(tolower((unsigned char)ps->p[i]) - 'a' + 10));
	}
	if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff) || u == 0) {
		parse_error(ps, ps->line, "invalid \\%c escape", n == 4 ? 'u' : 'U');
		return -1;
	}
	ps->p += n;
	utf8_add(w, u);
	return 0;
}

/* After a backslash (consumed). The escaped character is taken raw: the
 * continuation rule already had its chance at the backslash. */
static int read_escape(struct parser *ps, struct buf *w)
{
	int c = (unsigned char)*ps->p, v, i;

	if (c == '\0')
		return 0;
	ps->p++;
	switch (c) {
	case 'n':
		buf_addc(w, '\n');
		return 0;
	case 't':
		buf_addc(w, '\t');
		return 0;
	case 'r':
		buf_addc(w, '\r');
		return 0;
	case 'e':
		buf_addc(w, '\033');
		return 0;
	case 'u':
		return read_unicode(ps, w, 4);
	case 'U':
		return read_unicode(ps, w, 8);
	}
	if (c >= '0' && c <= '7') {
		v = c - '0';
		for (i = 0; i < 2 && *ps->p >= '0' && *ps->p <= '7'; i++)
			v = v * 8 + (*ps->p++ - '0');
		buf_addc(w, (char)v);
		return 0;
	}
	buf_addc(w, (char)c); /* \\ \" \$ \; \{ and any other: the character */
	return 0;
}

/* $NAME or ${NAME}; a '$' not followed by a name is itself. */
static int read_var(struct parser *ps, struct buf *w)
{
	const char *start, *end, *value;
	char *name;
	int braced = ps->p[1] == '{';

	start = ps->p + 1 + braced;
	for (end = start; is_name_char((unsigned char)*end, end == start); end++)
		;
	if (braced && *end != '}') {
		parse_error(ps, ps->line, "invalid environment variable");
		return -1;
	}
	if (end == start) {
		buf_addc(w, '$');
		ps->p++;
		return 0;
	}
	name = xstrndup(start, end - start);
	value = var_get(ps, name);
	if (value != NULL)
		buf_adds(w, value);
	free(name);
	ps->p = end + braced;
	return 0;
}

static int word_end(int c)
{
	return c == '\0' || strchr(" \t\r\n;}", c) != NULL;
}

/* ~ or ~user at the start of a bare word or of a double-quoted part (as
 * tmux), followed by '/' or the end of the word or quote. */
static void read_tilde(struct parser *ps, struct buf *w, int quoted)
{
	const char *end = ps->p + 1, *home = NULL;
	struct passwd *pw;
	char *user;

	while (isalnum((unsigned char)*end) || (*end != '\0' && strchr("._-", *end) != NULL))
		end++;
	if (*end != '/' && !word_end((unsigned char)*end) && !(quoted && *end == '"')) {
		buf_addc(w, '~');
		ps->p++;
		return;
	}
	user = xstrndup(ps->p + 1, end - ps->p - 1);
	if (*user == '\0') {
		home = getenv("HOME");
		if ((home == NULL || *home == '\0') && (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
	} else if ((pw = getpwnam(user)) != NULL) {
		home = pw->pw_dir;
	}
	free(user);
	if (home == NULL) { /* an unknown user: the word as written */
		buf_addc(w, '~');
		ps->p++;
		return;
	}
	buf_adds(w, home);
	ps->p = end;
}

/* #{…} is kept whole, nested braces and all, so formats may hold spaces,
 * ';' and '}' (#{?c,a b,c}) without quoting. */
static int read_format(struct parser *ps, struct buf *w)
{
	int depth = 0, c;

	buf_addc(w, '#');
	ps->p++;
	do {
		c = (unsigned char)*ps->p;
		if (c == '\0' || c == '\n') {
			parse_error(ps, ps->line, "unterminated format");
			return -1;
		}
		if (c == '{')
			depth++;
		else if (c == '}')
			depth--;
		buf_addc(w, (char)c);
		ps->p++;
	} while (depth > 0);
	return 0;
}

/* Quotes may span lines, keeping the newlines, as in tmux; an unterminated
 * quote is reported at the line where it opened. */
static int read_single(struct parser *ps, struct buf *w)
{
	int line = ps->line, c;

	adv(ps);
	while ((c = cur(ps)) != '\'') {
		if (c == '\0') {
			parse_error(ps, line, "unterminated quote");
			return -1;
		}
		buf_addc(w, (char)c);
		adv(ps);
	}
	adv(ps);
	return 0;
}

static int read_double(struct parser *ps, struct buf *w)
{
	int line = ps->line, c, rc = 0;

	adv(ps);
	if (cur(ps) == '~')
		read_tilde(ps, w, 1);
	while (rc == 0 && (c = cur(ps)) != '"') {
		if (c == '\0') {
			parse_error(ps, line, "unterminated quote");
			return -1;
		}
		if (c == '\\') {
			adv(ps);
			rc = read_escape(ps, w);
		} else if (c == '$') {
			rc = read_var(ps, w);
		} else {
			buf_addc(w, (char)c);
			adv(ps);
		}
	}
	if (rc == 0)
		adv(ps);
	return rc;
}

/* One word, up to whitespace, ';', '}' or the end of the line. */
static int read_word(struct parser *ps, struct buf *w)
{
	int first = 1, c, rc = 0;

	while (rc == 0 && !word_end(c = cur(ps))) {
		if (c == '\'') {
			rc = read_single(ps, w);
		} else if (c == '"') {
			rc = read_double(ps, w);
		} else if (c == '\\') {
			adv(ps);
			rc = read_escape(ps, w);
		} else if (c == '$') {
			rc = read_var(ps, w);
		} else if (c == '~' && first) {
			read_tilde(ps, w, 0);
		} else if (c == '#' && ps->p[1] == '{') {
			rc = read_format(ps, w);
		} else {
			buf_addc(w, (char)c);
			adv(ps);
		}
		first = 0;
	}
	return rc;
}

static void building_add(struct building *b, char *word, int line)
{
	if (b->argc == 0)
		b->line = line;
	b->argv = xrealloc(b->argv, sizeof *b->argv * (b->argc + 2));
	b->argv[b->argc++] = word;
	b->argv[b->argc] = NULL;
}

static void building_reset(struct building *b)
{
	memset(b, 0, sizeof *b);
}

static void cmds_free(struct parse_cmd *cmds, int n)
{
	int i;

	for (i = 0; i < n; i++)
		parse_free(cmds[i].argv, cmds[i].argc);
	free(cmds);
}

/* The command being built at the current level is complete. */
static void end_command(struct parser *ps)
{
	struct level *l = &ps->lv[ps->depth];
	struct building *b = &l->cur;
	struct parse_cmd *c;

	if (b->argc == 0 || b->broken) {
		parse_free(b->argv, b->argc);
	} else if (ps->depth == 0 && b->argc == 1 && is_assignment(b->argv[0])) {
		var_set(ps, b->argv[0], 0);
		parse_free(b->argv, b->argc);
	} else {
		l->cmds = xrealloc(l->cmds, sizeof *l->cmds * (l->ncmds + 1));
		c = &l->cmds[l->ncmds++];
		c->argv = b->argv;
		c->argc = b->argc;
		c->line = b->line;
	}
	building_reset(b);
}

static int add_word(struct parser *ps)
{
	struct buf w;
	int line = ps->line;

	buf_init(&w);
	if (read_word(ps, &w) != 0) {
		buf_free(&w);
		return -1;
	}
	building_add(&ps->lv[ps->depth].cur, buf_detach(&w), line);
	return 0;
}

static void open_block(struct parser *ps)
{
	int line = ps->line;

	adv(ps);
	ps->lv = xrealloc(ps->lv, sizeof *ps->lv * (ps->depth + 2));
	ps->depth++;
	memset(&ps->lv[ps->depth], 0, sizeof ps->lv[ps->depth]);
	ps->lv[ps->depth].open_line = line;
	/* the outer command starts at its first word, or here */
	if (ps->lv[ps->depth - 1].cur.argc == 0)
		ps->lv[ps->depth - 1].cur.line = line;
}

/* A closed block is one word: its commands' text, "; " between them,
 * each word quoted so that parsing the text again gives the same words. */
static char *block_text(const struct level *l)
{
	struct buf t;
	int i, j;

	buf_init(&t);
	for (i = 0; i < l->ncmds; i++) {
		if (i > 0)
			buf_adds(&t, "; ");
		for (j = 0; j < l->cmds[i].argc; j++) {
			if (j > 0)
				buf_addc(&t, ' ');
			parse_quote(&t, l->cmds[i].argv[j]);
		}
	}
	return buf_detach(&t);
}

static void close_block(struct parser *ps)
{
	struct level *l;
	struct building *outer;

	if (ps->depth == 0) {
		parse_error(ps, ps->line, "unmatched }");
		skip_to_eol(ps);
		return;
	}
	adv(ps);
	end_command(ps);
	l = &ps->lv[ps->depth];
	outer = &ps->lv[ps->depth - 1].cur;
	if (outer->argc == 0)
		outer->line = l->open_line;
	building_add(outer, block_text(l), l->open_line);
	if (l->broken) {
		outer->broken = 1;
		ps->lv[ps->depth - 1].broken = 1;
	}
	cmds_free(l->cmds, l->ncmds);
	ps->depth--;
}

static int cond_active(const struct parser *ps)
{
	return ps->nconds == 0 || ps->conds[ps->nconds - 1].active;
}

static int cond_eval(struct parser *ps, const char *text)
{
	if (ps->o->cond != NULL)
		return ps->o->cond(text, ps->o->arg);
	return parse_true(text);
}

/* The words after a directive, to the end of the line, joined by spaces. */
static int directive_text(struct parser *ps, struct buf *text)
{
	int c;

	for (;;) {
		skip_blanks(ps);
		c = cur(ps);
		if (c == '\0' || c == '\n' || (c == '#' && ps->p[1] != '{'))
			return 0;
		if (text->len > 0)
			buf_addc(text, ' ');
		if (c == ';' || c == '}') {
			buf_addc(text, (char)c);
			adv(ps);
		} else if (read_word(ps, text) != 0) {
			return -1;
		}
	}
}

static struct cond *cond_top(struct parser *ps)
{
	return ps->nconds > 0 ? &ps->conds[ps->nconds - 1] : NULL;
}

static void directive_if(struct parser *ps, const char *text, int line)
{
	int parent = cond_active(ps);
	struct cond *c;

	ps->conds = xrealloc(ps->conds, sizeof *ps->conds * (ps->nconds + 1));
	c = &ps->conds[ps->nconds++];
	memset(c, 0, sizeof *c);
	c->line = line;
	c->parent = parent;
	/* a skipped branch's conditions are not evaluated */
	c->active = parent && cond_eval(ps, text);
	c->done = c->active;
}

static void directive_else(struct parser *ps, const char *name, const char *text, int line)
{
	struct cond *c = cond_top(ps);

	if (c == NULL) {
		parse_error(ps, line, "%%%s without %%if", name);
		return;
	}
	if (c->seen_else) {
		parse_error(ps, line, "%%%s after %%else", name);
		c->active = 0;
		return;
	}
	if (strcmp(name, "else") == 0) {
		c->seen_else = 1;
		c->active = c->parent && !c->done;
	} else {
		c->active = c->parent && !c->done && cond_eval(ps, text);
	}
	c->done = c->done || c->active;
}

static void directive_hidden(struct parser *ps, const char *text, int line)
{
	if (!is_assignment(text))
		parse_error(ps, line, "%%hidden needs NAME=value");
	else
		var_set(ps, text, 1);
}

/* A line starting with '%'. Leaves the parser at the end of the line. */
static void directive(struct parser *ps)
{
	int line = ps->line;
	char name[16];
	size_t n = 0;
	struct buf text;

	adv(ps);
	while (isalpha((unsigned char)*ps->p) && n < sizeof name - 1)
		name[n++] = *ps->p++;
	name[n] = '\0';
	buf_init(&text);
	if (directive_text(ps, &text) != 0) {
		skip_to_eol(ps);
		buf_free(&text);
		return;
	}
	buf_cstr(&text);
	if (strcmp(name, "if") == 0)
		directive_if(ps, text.len ? text.data : "", line);
	else if (strcmp(name, "elif") == 0 || strcmp(name, "else") == 0)
		directive_else(ps, name, text.len ? text.data : "", line);
	else if (strcmp(name, "endif") == 0 && ps->nconds == 0)
		parse_error(ps, line, "%%endif without %%if");
	else if (strcmp(name, "endif") == 0)
		ps->nconds--;
	else if (!cond_active(ps))
		; /* an unknown directive in a skipped branch does not matter */
	else if (strcmp(name, "hidden") == 0)
		directive_hidden(ps, text.len ? text.data : "", line);
	else
		parse_error(ps, line, "unknown directive: %%%s", name);
	buf_free(&text);
}

/* At the start of a line: a directive, a skipped line, or nothing. Returns
 * 1 if the line was consumed. */
static int line_start(struct parser *ps)
{
	skip_blanks(ps);
	if (cur(ps) == '%') {
		directive(ps);
		return 1;
	}
	if (!cond_active(ps)) {
		skip_to_eol(ps);
		return 1;
	}
	return 0;
}

static void parse_loop(struct parser *ps)
{
	int bol = 1, c;

	for (;;) {
		if (bol) {
			bol = 0;
			if (line_start(ps))
				continue;
		}
		skip_blanks(ps);
		c = cur(ps);
		if (c == '\0')
			break;
		if (c == '\n' || c == ';') {
			end_command(ps);
			bol = c == '\n';
			adv(ps);
		} else if (c == '#' && ps->p[1] != '{') {
			skip_to_eol(ps); /* a comment */
		} else if (c == '{') {
			open_block(ps);
		} else if (c == '}') {
			close_block(ps);
		} else if (add_word(ps) != 0) {
			skip_to_eol(ps);
		}
	}
	end_command(ps);
}

/* What is still open at the end of the text. */
static void parse_finish(struct parser *ps)
{
	while (ps->depth > 0) {
		int line = ps->lv[ps->depth].open_line;

		parse_error(ps, line, "missing }");
		cmds_free(ps->lv[ps->depth].cmds, ps->lv[ps->depth].ncmds);
		parse_free(ps->lv[ps->depth].cur.argv, ps->lv[ps->depth].cur.argc);
		ps->depth--;
		/* the command around the block is incomplete: drop it */
		parse_free(ps->lv[ps->depth].cur.argv, ps->lv[ps->depth].cur.argc);
		building_reset(&ps->lv[ps->depth].cur);
	}
	while (ps->nconds > 0) {
		parse_error(ps, ps->conds[ps->nconds - 1].line, "%%if without %%endif");
		ps->nconds--;
	}
}

int parse_commands_opts(const char *text, const struct parse_opts *o, struct parse_result *out)
{
	struct parser ps;
	int i;

	memset(out, 0, sizeof *out);
	buf_init(&out->errors);
	memset(&ps, 0, sizeof ps);
	ps.p = text;
	ps.line = o->line > 0 ? o->line : 1;
	ps.o = o;
	ps.out = out;
	ps.lv = xcalloc(1, sizeof *ps.lv);
	parse_loop(&ps);
	parse_finish(&ps);
	out->cmds = ps.lv[0].cmds;
	out->ncmds = ps.lv[0].ncmds;
	parse_free(ps.lv[0].cur.argv, ps.lv[0].cur.argc);
	free(ps.lv);
	free(ps.conds);
	for (i = 0; i < ps.nvars; i++) {
		free(ps.vars[i].name);
		free(ps.vars[i].value);
	}
	free(ps.vars);
	return out->nerrors > 0 ? -1 : 0;
}

int parse_commands(const char *text, const char *file, int line, struct parse_result *out)
{
	struct parse_opts o;

	memset(&o, 0, sizeof o);
	o.file = file;
	o.line = line;
	return parse_commands_opts(text, &o, out);
}

void parse_result_free(struct parse_result *r)
{
	cmds_free(r->cmds, r->ncmds);
	r->cmds = NULL;
	r->ncmds = 0;
	buf_free(&r->errors);
}

int parse_true(const char *s)
{
	return s != NULL && *s != '\0' && strcmp(s, "0") != 0;
}

/* Characters that need a word quoted (as tmux quotes): the rest, control
 * characters included, can be escaped in a bare word. */
#define QUOTE_DOUBLE " #';${}%"

static void quote_char(struct buf *out, const char *p, char quotes)
{
	unsigned char c = (unsigned char)*p;

	if (c == '\\' || (quotes == '"' && c == '"'))
		buf_printf(out, "\\%c", c);
	else if (quotes == '"' && c == '$' && (p[1] == '{' || is_name_char((unsigned char)p[1], 1)))
		buf_adds(out, "\\$");
	else if (c == '\n')
		buf_adds(out, "\\n");
	else if (c == '\t')
		buf_adds(out, "\\t");
	else if (c == '\r')
		buf_adds(out, "\\r");
	else if (c < 0x20 || c == 0x7f)
		buf_printf(out, "\\%03o", c);
	else
		buf_addc(out, (char)c);
}

/* Would quote_char escape anything in word? (not in single quotes, then) */
static int has_escapes(const char *word)
{
	for (const char *p = word; *p != '\0'; p++) {
		if (*p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7f)
			return 1;
	}
	return 0;
}

/*
 * As tmux writes a word (show-options, list-keys): bare when nothing in it
 * means anything to the parser; in double quotes when it holds a space or
 * one of QUOTE_DOUBLE; in single quotes when only a double quote needs them;
 * a lone special character escaped (\;, \#); a leading ~ escaped.
 */
void parse_quote(struct buf *out, const char *word)
{
	char quotes = 0;

	if (*word == '\0') {
		buf_adds(out, "''");
		return;
	}
	if (word[strcspn(word, QUOTE_DOUBLE)] != '\0')
		quotes = '"';
	else if (strchr(word, '"') != NULL)
		quotes = has_escapes(word) ? '"' : '\'';
	if (word[1] == '\0' && *word != ' ' && (quotes != 0 || *word == '~')) {
		buf_printf(out, "\\%c", *word);
		return;
	}
	if (quotes == '\'') {
		buf_printf(out, "'%s'", word);
		return;
	}
	if (quotes != 0)
		buf_addc(out, quotes);
	if (*word == '~')
		buf_addc(out, '\\');
	for (const char *p = word; *p != '\0'; p++)
		quote_char(out, p, quotes);
	if (quotes != 0)
		buf_addc(out, quotes);
}

int parse_words(const char *line, char ***argv, int *argc, char **err)
{
	struct parse_result r;
	struct parse_opts o;
	int i, j;

	memset(&o, 0, sizeof o);
	o.flags = PARSE_NOENV;
	if (parse_commands_opts(line, &o, &r) != 0) {
		char *nl = strchr(buf_cstr(&r.errors), '\n');

		*err = xstrndup(r.errors.data,
				nl != NULL ? (size_t)(nl - r.errors.data) : r.errors.len);
		parse_result_free(&r);
		*argv = NULL;
		*argc = 0;
		return -1;
	}
	*argv = xcalloc(1, sizeof **argv);
	*argc = 0;
	for (i = 0; i < r.ncmds; i++) {
		for (j = (i > 0 ? -1 : 0); j < r.cmds[i].argc; j++) {
			*argv = xrealloc(*argv, sizeof **argv * (*argc + 2));
			(*argv)[(*argc)++] = xstrdup(j < 0 ? ";" : r.cmds[i].argv[j]);
		}
	}
	(*argv)[*argc] = NULL;
	parse_result_free(&r);
	return 0;
}

void parse_free(char **argv, int argc)
{
	int i;

	if (argv == NULL)
		return;
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}
