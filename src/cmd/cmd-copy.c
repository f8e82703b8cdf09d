/* copy-mode: enter a pane's copy mode (server/copy.c does the rest); keys
 * sent to a pane in copy mode. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "server/choose.h"
#include "server/clock.h"
#include "server/copy.h"
#include "term/key.h"

static int cmd_copy_mode(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	int flags = 0;

	if (args_has(a, 'M')) {
		/* -M: the pane under the mouse, a selection dragged from where
		 * the button went down (a mouse binding) */
		if (!ctx->mouse.valid || (t.p = mouse_pane(ctx->srv, &ctx->mouse)) == NULL)
			return 0;
	} else if (target_pane(ctx, args_get(a, 't'), &t) != 0)
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
	if (t.p->choose != NULL)
		choose_exit(t.p);
	copy_enter(t.p, flags);
	if (args_has(a, 'M'))
		mouse_drag_copy(ctx->peer, &ctx->mouse, t.p);
	return 0;
}

/* A key for a pane in a mode (send-keys), as tmux does: buffer mode takes
 * it as typed; in copy mode its binding in the pane's copy-mode table runs
 * with the pane as the current one, and an unbound key is dropped. */
int cmd_copy_key(struct cmd_ctx *ctx, struct pane *p, const struct key *k)
{
	const char *table =
		strcmp(options_string(window_options(p->window), "mode-keys"), "vi") == 0
			? "copy-mode-vi"
			: "copy-mode";
	const struct key_binding *b = keys_lookup(keys_server(), table, k);
	struct cmd_ctx sub;
	char **argv = NULL, *err = NULL, *text;
	int argc = 0, rc;

	if (p->clock != NULL) {
		clock_exit(p); /* any key leaves clock mode */
		return 0;
	}
	if (p->choose != NULL) {
		/* the client for its prompts and commands: as tmux, the caller
		 * or one attached to the pane's session */
		choose_key(cmd_current_client(ctx, p->window != NULL ? p->window->session : NULL),
			   p, k);
		return 0;
	}
	if (b == NULL)
		return 0;
	text = xstrdup(b->cmd); /* the command may rebind the key */
	rc = parse_words(text, &argv, &argc, &err);
	free(text);
	if (rc != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	cmd_ctx_init(&sub, ctx->srv, ctx->peer);
	sub.current = p;
	rc = cmd_run(&sub, argc, argv);
	parse_free(argv, argc);
	buf_add(&ctx->out, sub.out.data, sub.out.len);
	buf_add(&ctx->err, sub.err.data, sub.err.len);
	cmd_ctx_free(&sub);
	return rc == 0 && sub.status == 0 ? 0 : -1;
}

const struct cmd_entry cmd_copy_entries[] = {
	{"copy-mode", NULL, "eHMqut:", 0, 0, "[-eHMqu] [-t target-pane]", cmd_copy_mode},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
