/*
 * config: running command text. The parser (parse.c) turns text into
 * commands; here they go through cmd_run one at a time, with the context's
 * file and line set so that every error names where it came from.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/config.h"
#include "cmd/format.h"

/* source-file nesting. The server is single-threaded and a config run never
 * yields to the loop, so one counter is exact. */
static int config_depth;

static int config_cond(const char *text, void *arg)
{
	struct server *srv = arg;
	struct format_ctx fc;
	char *v;
	int t;

	format_ctx_session(&fc, srv, srv != NULL ? session_best(srv) : NULL);
	v = format_expand(text, &fc);
	t = parse_true(v);
	free(v);
	return t;
}

/* $NAME in a file is the server's global environment, as in tmux (loaded
 * from the server's own at start, changed by set-environment -g). */
static const char *config_lookup(const char *name, void *arg)
{
	struct server *srv = arg;
	struct environ_entry *e;

	if (srv == NULL)
		return getenv(name);
	e = environ_find(&srv->env, name);
	return e != NULL ? e->value : NULL;
}

/* NAME=value and %hidden go to the global environment: new panes get the
 * visible ones, show-environment -gh lists the hidden ones. */
static void config_assign(const char *name, const char *value, int hidden, void *arg)
{
	struct server *srv = arg;

	if (srv != NULL)
		environ_set(&srv->env, name, value, hidden);
}

void config_parse_opts(struct parse_opts *o, struct server *srv, const char *file, int line)
{
	memset(o, 0, sizeof *o);
	o->file = file;
	o->line = line;
	o->cond = config_cond;
	o->lookup = config_lookup;
	o->assign = config_assign;
	o->arg = srv;
}

/* Where the positional words of argv start, by the entry's getopt spec. */
static int first_positional(const struct cmd_entry *e, int argc, char **argv)
{
	int i, j;

	for (i = 1; i < argc; i++) {
		const char *w = argv[i], *s;

		if (w[0] != '-' || w[1] == '\0')
			break;
		if (strcmp(w, "--") == 0)
			return i + 1;
		for (j = 1; w[j] != '\0'; j++) {
			s = strchr(e->spec, w[j]);
			if (s != NULL && s[1] == ':') {
				if (w[j + 1] == '\0')
					i++;
				break;
			}
		}
	}
	return i;
}

/*
 * In a file, "bind-key x display hi \; kill-pane" binds both commands: the
 * "\;" is bind-key's, not a separator. cmd_run splits at every ";" word, so
 * the binding's command words are folded into one word of command text,
 * exactly what "bind-key x { display hi; kill-pane }" gives.
 */
static char **fold_body(int argc, char **argv, int *newargc)
{
	const struct cmd_entry *e;
	char *err = NULL, **out;
	struct buf text;
	int i, body, semi = -1;

	for (i = 1; i < argc && semi < 0; i++) {
		if (strcmp(argv[i], ";") == 0)
			semi = i;
	}
	e = semi > 0 ? cmd_find(argv[0], &err) : NULL;
	free(err);
	if (e == NULL || strcmp(e->name, "bind-key") != 0)
		return NULL;
	body = first_positional(e, argc, argv) + 1; /* after the key */
	if (body >= semi)
		return NULL;
	buf_init(&text);
	for (i = body; i < argc; i++) {
		if (i > body)
			buf_addc(&text, ' ');
		parse_quote(&text, argv[i]);
	}
	out = xcalloc(body + 2, sizeof *out);
	memcpy(out, argv, sizeof *out * body);
	out[body] = buf_detach(&text);
	*newargc = body + 1;
	return out;
}

static int has_semicolon_word(const struct parse_cmd *c)
{
	int i;

	for (i = 1; i < c->argc; i++) {
		if (strcmp(c->argv[i], ";") == 0)
			return 1;
	}
	return 0;
}

/*
 * A parsed command is one command even when it holds ";" words (from "\;"),
 * but cmd_run splits at every ";" word. cmd.c is to export cmd_run_single,
 * running one command whose ";" words are arguments; until it does, this
 * weak reference is NULL and only bind-key bodies can be folded. Anything
 * else is refused rather than run in pieces: "bind \; last-pane" must not
 * run last-pane while the file is read.
 */
int cmd_run_single(struct cmd_ctx *ctx, int argc, char **argv) __attribute__((weak));

static int config_run_one(struct cmd_ctx *ctx, const struct parse_cmd *c)
{
	char **folded;
	int argc, rc;

	if (!has_semicolon_word(c))
		return cmd_run(ctx, c->argc, c->argv);
	if (cmd_run_single != NULL)
		return cmd_run_single(ctx, c->argc, c->argv);
	folded = fold_body(c->argc, c->argv, &argc);
	if (folded == NULL)
		return cmd_error(ctx, "%s: a ';' argument is not supported here", c->argv[0]);
	rc = cmd_run(ctx, argc, folded);
	free(folded[argc - 1]);
	free(folded);
	return rc;
}

/* -v: "file:line: command" as it will run, quoted so it could be pasted. */
static void config_show(struct cmd_ctx *ctx, const char *file, const struct parse_cmd *c)
{
	int i;

	if (file != NULL)
		buf_printf(&ctx->out, "%s:%d: ", file, c->line);
	for (i = 0; i < c->argc; i++) {
		if (i > 0)
			buf_addc(&ctx->out, ' ');
		parse_quote(&ctx->out, c->argv[i]);
	}
	buf_addc(&ctx->out, '\n');
}

int config_run(struct cmd_ctx *ctx, const struct parse_result *r)
{
	int i, rc = 0, failed_line = -1;

	for (i = 0; i < r->ncmds; i++) {
		if (r->cmds[i].line == failed_line)
			continue;
		ctx->line = r->cmds[i].line;
		if (config_run_one(ctx, &r->cmds[i]) != 0) {
			failed_line = r->cmds[i].line;
			rc = -1;
		}
	}
	return rc;
}

int config_run_text(struct cmd_ctx *ctx, const char *text, const char *file, int line, int flags)
{
	struct parse_opts o;
	struct parse_result r;
	const char *old_file = ctx->file;
	int old_line = ctx->line, rc, i;

	config_parse_opts(&o, ctx->srv, file, line);
	if (flags & CONFIG_PARSE_ONLY)
		o.flags |= PARSE_NOENV;
	rc = parse_commands_opts(text, &o, &r);
	if (rc != 0) {
		buf_add(&ctx->err, r.errors.data, r.errors.len);
		ctx->status = 1;
	}
	for (i = 0; (flags & CONFIG_VERBOSE) && i < r.ncmds; i++)
		config_show(ctx, file, &r.cmds[i]);
	if (!(flags & CONFIG_PARSE_ONLY)) {
		ctx->file = file;
		if (config_run(ctx, &r) != 0)
			rc = -1;
		ctx->file = old_file;
		ctx->line = old_line;
	}
	parse_result_free(&r);
	return rc;
}

static char *read_file(FILE *f)
{
	struct buf text;
	char chunk[8192];
	size_t n;

	buf_init(&text);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&text, chunk, n);
	buf_cstr(&text);
	return buf_detach(&text);
}

int config_source_file(struct cmd_ctx *ctx, const char *path, int flags)
{
	FILE *f;
	char *text;
	int rc;

	if (config_depth >= CONFIG_MAX_DEPTH)
		return cmd_error(ctx, "%s: too many nested files", path);
	f = fopen(path, "re");
	if (f == NULL) {
		if (errno == ENOENT && (flags & CONFIG_QUIET))
			return 0;
		return cmd_error(ctx, "%s: %s", path, strerror(errno));
	}
	text = read_file(f);
	fclose(f);
	config_depth++;
	rc = config_run_text(ctx, text, path, 1, flags);
	config_depth--;
	free(text);
	return rc;
}

int config_load(struct server *srv, const char *path, struct buf *errors)
{
	struct cmd_ctx ctx;
	int rc;

	cmd_ctx_init(&ctx, srv, NULL);
	rc = config_source_file(&ctx, path, 0);
	buf_add(errors, ctx.err.data, ctx.err.len);
	cmd_ctx_free(&ctx);
	return rc;
}
