/* set-hook and show-hooks. Hooks are global: -g is accepted, and a session
 * target is checked but hooks are not kept per session. */
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

static int cmd_set_hook(struct cmd_ctx *ctx, struct args *a)
{
	const char *cmd = a->argc > 1 ? a->argv[1] : NULL;
	char *name, *err = NULL;
	int index, rc;
	struct target t;

	if (args_get(a, 't') != NULL && target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	name = hook_name(a->argv[0], &index);
	if (!hooks_known(name)) {
		cmd_error(ctx, "invalid hook: %s", name);
		free(name);
		return -1;
	}
	if (args_has(a, 'R')) {
		hooks_fire_pane(ctx->srv, name, NULL);
		free(name);
		return 0;
	}
	if (!args_has(a, 'u') && cmd == NULL) {
		free(name);
		return cmd_error(ctx, "no command for hook");
	}
	if (!args_has(a, 'a') && !args_has(a, 'u') && index < 0)
		hooks_set(ctx->srv->hooks, name, -1, NULL, &err); /* replace, as tmux does */
	rc = hooks_set(ctx->srv->hooks, name, index, args_has(a, 'u') ? NULL : cmd, &err);
	free(name);
	if (rc != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
	}
	return rc;
}

static int cmd_show_hooks(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (args_get(a, 't') != NULL && target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	hooks_show(ctx->srv->hooks, a->argc > 0 ? a->argv[0] : NULL, &ctx->out);
	return 0;
}

const struct cmd_entry cmd_hooks_entries[] = {
	{"set-hook", NULL, "agRt:u", 1, 2, "[-agRu] [-t target-session] hook [command]",
	 cmd_set_hook},
	{"show-hooks", NULL, "gt:", 0, 1, "[-g] [-t target-session] [hook]", cmd_show_hooks},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
