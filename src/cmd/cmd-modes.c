/* display-panes, clock-mode, choose-buffer, choose-client, choose-tree and customize-mode
 * (server/display_panes.c and server/choose*.c draw them and take their keys). */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "server/choose.h"
#include "server/clock.h"
#include "server/display_panes.h"
#include "util/buf.h"

static int cmd_clock_mode(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	clock_enter(t.p);
	return 0;
}

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

/* What choose-buffer, choose-client and choose-tree share: -F, -f, -K, -N, -O, -r, -Z, -t and
 * the template. */
static int choose_args(struct cmd_ctx *ctx, struct args *a, struct choose_options *o,
		       struct target *t)
{
	const char *sort = args_get(a, 'O');

	if (target_pane(ctx, args_get(a, 't'), t) != 0)
		return -1;
	if ((o->sort = choose_sort_parse(o->kind, sort)) < 0)
		return cmd_error(ctx, "invalid sort order: %s", sort);
	if (cmd_bad_format(ctx, args_get(a, 'F')) || cmd_bad_format(ctx, args_get(a, 'f')) ||
	    cmd_bad_format(ctx, args_get(a, 'K')))
		return -1;
	o->tmpl = a->argc > 0 ? a->argv[0] : NULL;
	o->format = args_get(a, 'F');
	o->keys = args_get(a, 'K');
	o->filter = args_get(a, 'f');
	o->reverse = args_has(a, 'r');
	o->no_preview = args_has(a, 'N');
	o->zoom = args_has(a, 'Z');
	return 0;
}

static int cmd_choose_buffer(struct cmd_ctx *ctx, struct args *a)
{
	struct choose_options o = {.kind = CHOOSE_BUFFER};
	struct target t;

	if (choose_args(ctx, a, &o, &t) != 0)
		return -1;
	if (ctx->srv->buffers.first == NULL)
		return 0; /* tmux: nothing to choose, no mode */
	choose_enter(t.p, &o);
	return 0;
}

static int cmd_choose_client(struct cmd_ctx *ctx, struct args *a)
{
	struct choose_options o = {.kind = CHOOSE_CLIENT};
	struct target t;
	int any = 0;

	if (choose_args(ctx, a, &o, &t) != 0)
		return -1;
	for (struct peer *c = ctx->srv->peers; c != NULL; c = c->next)
		any |= c->state == PEER_ATTACHED;
	if (!any)
		return 0; /* tmux: nothing to choose, no mode */
	choose_enter(t.p, &o);
	return 0;
}

/* -G (grouped sessions) changes nothing: pmux has no session groups. */
static int cmd_choose_tree(struct cmd_ctx *ctx, struct args *a)
{
	struct choose_options o = {.kind = CHOOSE_TREE};
	struct target t;

	if (choose_args(ctx, a, &o, &t) != 0)
		return -1;
	if (args_has(a, 's'))
		o.collapse = CHOOSE_COLLAPSE_SESSIONS;
	else if (args_has(a, 'w'))
		o.collapse = CHOOSE_COLLAPSE_WINDOWS;
	choose_enter(t.p, &o);
	return 0;
}

/* customize-mode: -F, -f, -N, -Z and -t as the other modes (no sort
 * orders, no shortcut format, no template). */
static int cmd_customize_mode(struct cmd_ctx *ctx, struct args *a)
{
	struct choose_options o = {.kind = CHOOSE_CUSTOMIZE, .collapse = CHOOSE_COLLAPSE_ALL};
	struct target t;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (cmd_bad_format(ctx, args_get(a, 'F')) || cmd_bad_format(ctx, args_get(a, 'f')))
		return -1;
	o.format = args_get(a, 'F');
	o.filter = args_get(a, 'f');
	o.no_preview = args_has(a, 'N');
	o.zoom = args_has(a, 'Z');
	choose_enter(t.p, &o);
	return 0;
}

/* The match string as literal text inside a format argument. */
static void add_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("#,}", *s) != NULL)
			buf_addc(b, '#');
		buf_addc(b, *s);
	}
}

/* One #{m:} test of the name or title: a glob anywhere in it, or a regex. */
static void add_match(struct buf *b, const char *flags, int regex, const char *s, const char *what)
{
	buf_adds(b, "#{m");
	buf_adds(b, flags);
	buf_adds(b, regex ? ":" : ":*");
	add_escaped(b, s);
	buf_adds(b, regex ? "," : "*,");
	buf_adds(b, what);
	buf_adds(b, "}");
}

/* find-window's filter for choose-tree, as tmux builds it: the panes whose
 * content (C), window name (N) or title (T) holds the string. */
static char *find_filter(struct args *a, const char *s)
{
	int c = args_has(a, 'C'), n = args_has(a, 'N'), t = args_has(a, 'T');
	int regex = args_has(a, 'r');
	const char *flags =
		regex ? (args_has(a, 'i') ? "/ri" : "/r") : (args_has(a, 'i') ? "/i" : "");
	int tests, i = 0;
	struct buf b;

	if (!c && !n && !t)
		c = n = t = 1;
	tests = c + n + t;
	buf_init(&b);
	if (tests > 1)
		buf_adds(&b, "#{||:");
	if (c) {
		buf_adds(&b, "#{C");
		buf_adds(&b, flags);
		buf_addc(&b, ':');
		add_escaped(&b, s);
		buf_addc(&b, '}');
		i++;
	}
	if (tests == 3)
		buf_adds(&b, ",#{||:");
	else if (i > 0 && tests > 1)
		buf_addc(&b, ',');
	if (n)
		add_match(&b, flags, regex, s, "#{window_name}");
	if (n && t)
		buf_addc(&b, ',');
	if (t)
		add_match(&b, flags, regex, s, "#{pane_title}");
	if (tests == 3)
		buf_addc(&b, '}');
	if (tests > 1)
		buf_addc(&b, '}');
	return buf_detach(&b);
}

static int cmd_find_window(struct cmd_ctx *ctx, struct args *a)
{
	struct choose_options o = {.kind = CHOOSE_TREE};
	struct target t;
	char *filter;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	filter = find_filter(a, a->argv[0]);
	o.filter = filter;
	o.zoom = args_has(a, 'Z');
	choose_enter(t.p, &o);
	free(filter);
	return 0;
}

const struct cmd_entry cmd_modes_entries[] = {
	{"choose-buffer", NULL, "F:f:K:NO:rt:Z", 0, 1,
	 "[-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] "
	 "[template]",
	 cmd_choose_buffer},
	{"choose-client", NULL, "F:f:K:NO:rt:Z", 0, 1,
	 "[-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] "
	 "[template]",
	 cmd_choose_client},
	{"choose-tree", NULL, "F:f:GK:NO:rst:wZ", 0, 1,
	 "[-GNrswZ] [-F format] [-f filter] [-K key-format] [-O sort-order] [-t target-pane] "
	 "[template]",
	 cmd_choose_tree},
	{"customize-mode", NULL, "F:f:Nt:Z", 0, 0, "[-NZ] [-F format] [-f filter] [-t target-pane]",
	 cmd_customize_mode},
	{"find-window", "findw", "CiNrt:TZ", 1, 1, "[-CiNrTZ] [-t target-pane] match-string",
	 cmd_find_window},
	{"clock-mode", NULL, "t:", 0, 0, "[-t target-pane]", cmd_clock_mode},
	{"display-panes", "displayp", "bd:Nt:", 0, 1,
	 "[-bN] [-d duration] [-t target-client] [template]", cmd_display_panes},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
