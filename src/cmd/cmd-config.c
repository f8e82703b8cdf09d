/* Commands of the config family: source-file. */
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/config.h"
#include "cmd/format.h"

/* A relative path is taken from the client's directory, as tmux does; with
 * no client (a config file at start), from HOME. */
static char *source_pattern(struct cmd_ctx *ctx, const char *path)
{
	const char *cwd = NULL;

	if (*path == '/')
		return xstrdup(path);
	if (ctx->peer != NULL)
		cwd = ctx->peer->cwd;
	if (cwd == NULL)
		cwd = getenv("HOME");
	if (cwd == NULL)
		cwd = "/";
	return xasprintf("%s/%s", cwd, path);
}

/* -F: the path is a format, for -t's pane. NULL if the target is bad. */
static char *source_expand(struct cmd_ctx *ctx, struct args *a, const char *path)
{
	struct format_ctx fc;
	struct target t;

	if (!args_has(a, 'F'))
		return xstrdup(path);
	if (args_get(a, 't') != NULL) {
		if (target_pane(ctx, args_get(a, 't'), &t) != 0)
			return NULL;
		format_ctx_pane(&fc, ctx->srv, t.p);
	} else {
		format_ctx_session(&fc, ctx->srv, session_best(ctx->srv));
	}
	fc.c = ctx->peer;
	fc.m = &ctx->mouse;
	return format_expand(path, &fc);
}

/* The files to read, in order; a file that waits (run-shell) holds the
 * others back until it is done. */
struct source_list {
	char **paths;
	int n, next;
	int flags;
};

static void source_list_free(void *arg)
{
	struct source_list *l = arg;

	for (int i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
	free(l);
}

static void source_list_continue(struct cmd_ctx *ctx, void *arg);

/* 0, or -1 if a file had errors; a suspension queues the files left. */
static int source_list_run(struct cmd_ctx *ctx, struct source_list *l)
{
	int rc = 0;

	while (l->next < l->n && !ctx->suspended) {
		if (config_source_file(ctx, l->paths[l->next++], l->flags) != 0)
			rc = -1;
	}
	if (l->next < l->n) {
		struct source_list *rest = xcalloc(1, sizeof *rest);

		rest->flags = l->flags;
		for (; l->next < l->n; l->next++) {
			rest->paths = xrealloc(rest->paths, sizeof *rest->paths * (rest->n + 1));
			rest->paths[rest->n++] = xstrdup(l->paths[l->next]);
		}
		cmd_push_call(ctx, source_list_continue, source_list_free, rest);
	}
	return rc;
}

static void source_list_continue(struct cmd_ctx *ctx, void *arg)
{
	source_list_run(ctx, arg);
}

static void source_list_add(struct source_list *l, const char *path)
{
	l->paths = xrealloc(l->paths, sizeof *l->paths * (l->n + 1));
	l->paths[l->n++] = xstrdup(path);
}

/* One path argument: every file its glob matches, in glob's order. */
static int source_one(struct cmd_ctx *ctx, struct args *a, const char *arg, struct source_list *l)
{
	char *path = source_expand(ctx, a, arg), *pattern;
	glob_t g;
	size_t i;
	int rc = 0, grc;

	if (path == NULL)
		return -1;
	pattern = source_pattern(ctx, path);
	grc = glob(pattern, 0, NULL, &g);
	if (grc == GLOB_NOMATCH) {
		if (!(l->flags & CONFIG_QUIET))
			rc = cmd_error(ctx, "%s: No such file or directory", path);
	} else if (grc != 0) {
		rc = cmd_error(ctx, "%s: cannot expand the pattern", path);
	} else {
		for (i = 0; i < g.gl_pathc; i++)
			source_list_add(l, g.gl_pathv[i]);
	}
	if (grc == 0 || grc == GLOB_NOMATCH)
		globfree(&g);
	free(pattern);
	free(path);
	return rc;
}

/* source-file -: the client's stdin, read first; its commands run when
 * the list resumes. */
struct stdin_source {
	struct cmd_ctx *ctx;
	char *text;
	int flags;
};

static void stdin_source_free(void *arg)
{
	struct stdin_source *src = arg;

	free(src->text);
	free(src);
}

static void stdin_source_run(struct cmd_ctx *ctx, void *arg)
{
	struct stdin_source *src = arg;

	config_run_text(ctx, src->text, "-", 1, src->flags);
}

static void stdin_source_done(void *arg, const char *data, size_t len, const char *err)
{
	struct stdin_source *src = arg;
	struct cmd_ctx *ctx = src->ctx;

	if (err != NULL) {
		cmd_error(ctx, "source-file: %s", err);
		stdin_source_free(src);
	} else {
		src->text = xstrndup(data, len);
		cmd_prepend_call(ctx, stdin_source_run, stdin_source_free, src);
	}
	cmd_resume(ctx);
}

static int source_stdin(struct cmd_ctx *ctx, int flags)
{
	struct stdin_source *src = xcalloc(1, sizeof *src);

	src->ctx = ctx;
	src->flags = flags;
	if (cmd_read_stdin(ctx, NULL, stdin_source_done, src) != 0) {
		free(src);
		return -1;
	}
	return 0;
}

/* Every file is read even if an earlier one had errors, as in tmux. */
static int cmd_source_file(struct cmd_ctx *ctx, struct args *a)
{
	struct source_list *l = xcalloc(1, sizeof *l);
	int flags = 0, rc = 0, i;
	struct target t;

	if (args_get(a, 't') != NULL && target_pane(ctx, args_get(a, 't'), &t) != 0) {
		free(l);
		return -1;
	}
	if (args_has(a, 'q'))
		flags |= CONFIG_QUIET;
	if (args_has(a, 'n'))
		flags |= CONFIG_PARSE_ONLY;
	if (args_has(a, 'v'))
		flags |= CONFIG_VERBOSE;
	l->flags = flags;
	if (a->argc == 1 && strcmp(a->argv[0], "-") == 0) {
		free(l);
		return source_stdin(ctx, flags);
	}
	for (i = 0; i < a->argc; i++) {
		if (source_one(ctx, a, a->argv[i], l) != 0)
			rc = -1;
	}
	if (source_list_run(ctx, l) != 0)
		rc = -1;
	source_list_free(l);
	return rc;
}

const struct cmd_entry cmd_config_entries[] = {
	{"source-file", "source", "Fnqvt:", 1, -1, "[-Fnqv] [-t target-pane] path ...",
	 cmd_source_file},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
