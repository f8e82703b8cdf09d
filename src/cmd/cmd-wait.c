/* wait-pane: block until a pane's condition holds (pmux's own command). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "server/wait.h"

static int parse_number(struct cmd_ctx *ctx, const char *flag, const char *v, double *out)
{
	char *end;

	*out = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || *out < 0)
		return cmd_error(ctx, "wait-pane: %s needs a number: %s", flag, v);
	return 0;
}

static int cmd_wait_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct wait_spec spec;
	struct target t;
	double v;
	char *err = NULL;

	memset(&spec, 0, sizeof spec);
	spec.idle_ms = -1;
	spec.regex = args_get(a, 'm');
	spec.new_only = args_has(a, 'n');
	spec.foreground = args_has(a, 'f');
	spec.exited = args_has(a, 'x');
	if (args_get(a, 'i') != NULL) {
		if (parse_number(ctx, "-i", args_get(a, 'i'), &v) != 0)
			return -1;
		spec.idle_ms = (long)v;
	}
	if (args_get(a, 'T') != NULL &&
	    parse_number(ctx, "-T", args_get(a, 'T'), &spec.timeout) != 0)
		return -1;
	if (spec.regex == NULL && spec.idle_ms < 0 && !spec.foreground && !spec.exited)
		return cmd_error(ctx, "wait-pane: nothing to wait for (-m, -i, -f or -x)");
	if (spec.new_only && spec.regex == NULL)
		return cmd_error(ctx, "wait-pane: -n goes with -m");
	if (spec.exited && (spec.regex != NULL || spec.idle_ms >= 0 || spec.foreground))
		return cmd_error(ctx, "wait-pane: -x cannot be combined with -m, -i or -f");
	if (ctx->peer == NULL)
		return cmd_error(ctx, "wait-pane: needs a client to wait");
	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (wait_start(ctx->peer, t.p, &spec, &err) != 0) {
		cmd_error(ctx, "wait-pane: %s", err);
		free(err);
		return -1;
	}
	ctx->waiting = 1;
	return 0;
}

const struct cmd_entry cmd_wait_entries[] = {
	{"wait-pane", "waitp", "fnxi:m:T:t:", 0, 0,
	 "[-fnx] [-i idle-ms] [-m regex] [-T timeout] [-t target-pane]", cmd_wait_pane},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
