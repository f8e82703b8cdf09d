/* copy-mode: enter a pane's copy mode (server/copy.c does the rest). */
#include "cmd/cmd.h"
#include "server/copy.h"

static int cmd_copy_mode(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	int flags = 0;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (args_has(a, 'q')) {
		/* -q: leave any mode */
		if (t.p->copy != NULL)
			copy_exit(t.p);
		return 0;
	}
	if (args_has(a, 'u'))
		flags |= COPY_PAGE_UP;
	if (args_has(a, 'e'))
		flags |= COPY_EXIT_BOTTOM;
	if (args_has(a, 'H'))
		flags |= COPY_HIDE_POSITION;
	copy_enter(t.p, flags);
	return 0;
}

const struct cmd_entry cmd_copy_entries[] = {
	{"copy-mode", NULL, "eHqut:", 0, 0, "[-eHqu] [-t target-pane]", cmd_copy_mode},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
