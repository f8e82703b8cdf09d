/* set-hook and show-hooks. A hook is set globally (-g), on a session (-t,
 * the default), a window (-w) or a pane (-p), as in tmux. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/hooks.h"

/* "name" or "name[N]" */
static char *hook_name(const char *spec, int *index)
{
	const char *br = strchr(spec, '[');

	*index = -1;
	if (br == NULL)
		return xstrdup(spec);
	*index = atoi(br + 1);
	return xstrndup(spec, br - spec);
}

/* The object the flags name: -g global, -p a pane, -w a window, else the
 * target session. */
static int hook_scope(struct cmd_ctx *ctx, struct args *a, enum hooks_scope *scope, uint32_t *id,
		      struct target *t)
{
	const char *spec = args_get(a, 't');

	memset(t, 0, sizeof *t);
	*id = 0;
	if (args_has(a, 'g')) {
		*scope = HOOKS_GLOBAL;
		return 0;
	}
	if (args_has(a, 'p')) {
		if (target_pane(ctx, spec, t) != 0)
			return -1;
		*scope = HOOKS_PANE;
		*id = t->p->id;
	} else if (args_has(a, 'w')) {
		if (target_window(ctx, spec, t) != 0)
			return -1;
		*scope = HOOKS_WINDOW;
		*id = t->w->id;
	} else {
		/* -t is a pane target, as in tmux: its session */
		if ((spec != NULL ? target_pane(ctx, spec, t) : target_session(ctx, NULL, t)) != 0)
			return -1;
		*scope = HOOKS_SESSION;
		*id = t->s->id;
	}
	return 0;
}

/* -R: fire the hook now, about the target (or the current pane). */
static void hook_run_now(struct cmd_ctx *ctx, const char *name, struct target *t)
{
	if (t->p != NULL)
		hooks_fire_pane(ctx->srv, name, t->p);
	else if (t->w != NULL)
		hooks_fire_window(ctx->srv, name, t->w);
	else if (t->s != NULL)
		hooks_fire_session(ctx->srv, name, t->s);
	else
		hooks_fire_pane(ctx->srv, name, ctx->current);
}

static int cmd_set_hook(struct cmd_ctx *ctx, struct args *a)
{
	const char *cmd = a->argc > 1 ? a->argv[1] : NULL;
	enum hooks_scope scope;
	struct target t;
	uint32_t id;
	char *name, *err = NULL;
	int index, rc;

	if (hook_scope(ctx, a, &scope, &id, &t) != 0)
		return -1;
	name = hook_name(a->argv[0], &index);
	if (!hooks_known(name)) {
		cmd_error(ctx, "invalid hook: %s", name);
		free(name);
		return -1;
	}
	if (args_has(a, 'R')) {
		hook_run_now(ctx, name, &t);
		free(name);
		return 0;
	}
	if (!args_has(a, 'u') && cmd == NULL) {
		free(name);
		return cmd_error(ctx, "no command for hook");
	}
	if (!args_has(a, 'a') && !args_has(a, 'u') && index < 0)
		hooks_set(ctx->srv->hooks, scope, id, name, -1, NULL, &err); /* replace, as tmux */
	rc = hooks_set(ctx->srv->hooks, scope, id, name, index, args_has(a, 'u') ? NULL : cmd,
		       &err);
	free(name);
	if (rc != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
	}
	return rc;
}

static int cmd_show_hooks(struct cmd_ctx *ctx, struct args *a)
{
	enum hooks_scope scope;
	struct target t;
	uint32_t id;

	if (hook_scope(ctx, a, &scope, &id, &t) != 0)
		return -1;
	hooks_show(ctx->srv->hooks, scope, id, a->argc > 0 ? a->argv[0] : NULL, &ctx->out);
	return 0;
}

const struct cmd_entry cmd_hooks_entries[] = {
	{"set-hook", NULL, "agpRt:uw", 1, 2, "[-agpRuw] [-t target-pane] hook [command]",
	 cmd_set_hook},
	{"show-hooks", NULL, "gpt:w", 0, 1, "[-gpw] [-t target-pane] [hook]", cmd_show_hooks},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
