/* display-panes (server/display_panes.c does the drawing and the keys). */
#include <stdlib.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "server/display_panes.h"

static int cmd_display_panes(struct cmd_ctx *ctx, struct args *a)
{
	const char *tty = args_get(a, 't'), *d = args_get(a, 'd');
	struct peer *c = tty != NULL ? cmd_find_client(ctx, tty) : cmd_current_client(ctx, NULL);
	int wait = !args_has(a, 'b') && cmd_can_suspend(ctx);
	char *end;
	long ms;

	if (c == NULL || c->state != PEER_ATTACHED)
		return cmd_error(ctx, tty != NULL ? "can't find client: %s" : "no current client",
				 tty);
	if (d != NULL) {
		ms = strtol(d, &end, 10);
		if (*d == '\0' || *end != '\0' || ms < 0)
			return cmd_error(ctx, "invalid duration: %s", d);
	} else {
		ms = options_number(session_options(c->session), "display-panes-time");
	}
	display_panes_start(c, ms, a->argc > 0 ? a->argv[0] : NULL, args_has(a, 'N'),
			    wait ? ctx : NULL);
	if (wait)
		cmd_suspend(ctx);
	return 0;
}

const struct cmd_entry cmd_modes_entries[] = {
	{"display-panes", "displayp", "bd:Nt:", 0, 1,
	 "[-bN] [-d duration] [-t target-client] [template]", cmd_display_panes},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
