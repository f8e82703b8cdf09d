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
#include "util/log.h"

/* source-file nesting: the depth of the file running now (a file that
 * resumes after run-shell gets its own depth back). */
static int config_depth;

/* A file's commands being run: kept when a command suspends the list
 * (run-shell, if-shell without -b), and carried on after it. */
struct config_rest {
	struct parse_result r;
	char *file;
	int next;
	int failed_line;
	int depth;
};

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

static void config_rest_free(void *arg)
{
	struct config_rest *cr = arg;

	parse_result_free(&cr->r);
	free(cr->file);
	free(cr);
}

static void config_continue(struct cmd_ctx *ctx, void *arg);

/* Run the commands left; 0, or -1 if any failed. If one suspends the list,
 * the rest is queued after it (and cr kept): returns 1. */
static int config_rest_run(struct cmd_ctx *ctx, struct config_rest *cr)
{
	const char *old_file = ctx->file, *old_current = ctx->srv->current_file;
	int old_line = ctx->line, old_depth = config_depth, rc = 0;
	struct parse_cmd *c;

	ctx->file = cr->file;
	ctx->srv->current_file = cr->file;
	config_depth = cr->depth;
	while (cr->next < cr->r.ncmds && !ctx->suspended) {
		c = &cr->r.cmds[cr->next++];
		if (c->line == cr->failed_line)
			continue;
		ctx->line = c->line;
		if (config_run_one(ctx, c) != 0) {
			cr->failed_line = c->line;
			rc = -1;
		}
		if (ctx->suspended && cr->next < cr->r.ncmds) {
			cmd_push_call(ctx, config_continue, config_rest_free, cr);
			rc = 1;
		}
	}
	ctx->file = old_file;
	ctx->srv->current_file = old_current;
	ctx->line = old_line;
	config_depth = old_depth;
	return rc;
}

static void config_continue(struct cmd_ctx *ctx, void *arg)
{
	struct config_rest *cr = arg, *again;

	/* cmd_resume frees arg once this returns: a new suspension needs a
	 * state of its own. */
	again = xmalloc(sizeof *again);
	*again = *cr;
	again->file = xstrdup(cr->file);
	memset(&cr->r, 0, sizeof cr->r);
	if (config_rest_run(ctx, again) != 1)
		config_rest_free(again);
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
	struct config_rest *cr = xcalloc(1, sizeof *cr);
	int rc, i, run;

	config_parse_opts(&o, ctx->srv, file, line);
	if (flags & CONFIG_PARSE_ONLY)
		o.flags |= PARSE_NOENV;
	rc = parse_commands_opts(text, &o, &cr->r);
	if (rc != 0) {
		buf_add(&ctx->err, cr->r.errors.data, cr->r.errors.len);
		ctx->status = 1;
	}
	for (i = 0; (flags & CONFIG_VERBOSE) && i < cr->r.ncmds; i++)
		config_show(ctx, file, &cr->r.cmds[i]);
	cr->file = file != NULL ? xstrdup(file) : NULL;
	cr->failed_line = -1;
	cr->depth = config_depth;
	if (flags & CONFIG_PARSE_ONLY) {
		config_rest_free(cr);
		return rc;
	}
	run = config_rest_run(ctx, cr);
	if (run != 1)
		config_rest_free(cr);
	return run < 0 ? -1 : rc;
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

/* The config at start has no client: what it prints and its errors go to
 * the server's config messages, when the file is done (after any run-shell
 * it waits for). */
static void config_load_done(struct cmd_ctx *ctx)
{
	struct server *srv = ctx->srv;

	buf_add(&srv->config_errors, ctx->out.data, ctx->out.len);
	buf_add(&srv->config_errors, ctx->err.data, ctx->err.len);
	if (ctx->err.len > 0)
		log_debug("config: %s", buf_cstr(&ctx->err));
	srv->config_loading--;
	cmd_ctx_free(ctx);
	free(ctx);
	server_config_done(srv);
}

void config_load(struct server *srv, const char *path)
{
	struct cmd_ctx *ctx = xmalloc(sizeof *ctx);

	cmd_ctx_init(ctx, srv, NULL);
	ctx->finish = config_load_done;
	srv->config_loading++;
	config_source_file(ctx, path, 0);
	if (!ctx->suspended)
		config_load_done(ctx);
}
