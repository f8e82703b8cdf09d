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

static int has_semicolon_word(const struct parse_cmd *c)
{
	int i;

	for (i = 1; i < c->argc; i++) {
		if (strcmp(c->argv[i], ";") == 0)
			return 1;
	}
	return 0;
}

/* A parsed command is one command even when it holds ";" words (from "\;",
 * as in "bind \; last-pane"): those are its arguments, not separators. */
static int config_run_one(struct cmd_ctx *ctx, const struct parse_cmd *c)
{
	if (has_semicolon_word(c))
		return cmd_run_single(ctx, c->argc, c->argv);
	return cmd_run(ctx, c->argc, c->argv);
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
