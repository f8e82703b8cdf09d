/* Session commands: new-session, attach-session, has-session, list-sessions,
 * kill-session, rename-session, detach-client, kill-server, start-server. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "server/alerts.h"
#include "server/client_flags.h"
#include "server/client_view.h"
#include "server/control.h"
#include "server/layout.h"

static int parse_size(struct cmd_ctx *ctx, const char *v, int *out)
{
	char *end;
	long n;

	if (v == NULL)
		return 0;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 1 || n > 10000)
		return cmd_error(ctx, "size is invalid: %s", v);
	*out = (int)n;
	return 0;
}

/* default-size ("WxH"): the size of a session made without a terminal's;
 * a value that is not one leaves 80x24. */
static void default_size(struct server *srv, int *sx, int *sy)
{
	int w, h, n = 0;

	if (sscanf(options_string(srv->options, "default-size"), "%dx%d%n", &w, &h, &n) == 2 &&
	    options_string(srv->options, "default-size")[n] == '\0' && w >= 1 && h >= 1 &&
	    w <= 10000 && h <= 10000) {
		*sx = w;
		*sy = h;
	}
}

static int need_terminal(struct cmd_ctx *ctx)
{
	if (ctx->peer != NULL && ctx->peer->control != NULL)
		return 0; /* its commands and replies are its terminal */
	if (ctx->peer == NULL || ctx->peer->ttyname == NULL || *ctx->peer->ttyname == '\0')
		return cmd_error(ctx, "open terminal failed: not a terminal");
	return 0;
}

/* Create a window with one pane running the spawn args. */
struct window *cmd_new_window(struct cmd_ctx *ctx, struct session *s, int index, const char *name,
			      const struct spawn_args *sa)
{
	struct window *w;
	struct pane *p;
	char *auto_name = NULL, *err = NULL;

	if (name == NULL)
		auto_name = cmd_window_name(sa, s);
	w = window_create(s, index, name != NULL ? name : auto_name != NULL ? auto_name : "");
	w->automatic = name == NULL;
	free(auto_name);
	p = pane_create(w, sa, w->sx, w->sy, &err);
	if (p == NULL) {
		cmd_error(ctx, "create pane failed: %s", err);
		free(err);
		window_destroy(w);
		return NULL;
	}
	w->panes = p;
	w->active = p;
	hooks_fire_window(ctx->srv, "window-linked", w);
	w->layout = layout_new_leaf(p, w->sx, w->sy);
	p->layout = w->layout;
	return w;
}

/* attach -d, new -AD: the session's other clients detach; -x, -X: and the
 * shells they were started from get SIGHUP, as in tmux. */
static void detach_others(struct cmd_ctx *ctx, struct session *s, int hup)
{
	for (struct peer *c = ctx->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->session == s && c != ctx->peer) {
			c->hup_parent = hup;
			attach_detach(c, NULL);
		}
	}
}

static int cmd_new_session(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = args_get(a, 's');
	struct server *srv = ctx->srv;
	struct session *s;
	struct spawn_args sa;
	struct window *w;
	int detached = args_has(a, 'd'), sx = 80, sy = 24;

	if (name != NULL && !session_valid_name(name))
		return cmd_error(ctx, "invalid session name: %s", name);
	if (name != NULL && (s = session_find(srv, name)) != NULL) {
		if (args_has(a, 'A')) {
			if (detached)
				return 0;
			if (need_terminal(ctx) != 0)
				return -1;
			if (args_has(a, 'D') || args_has(a, 'X'))
				detach_others(ctx, s, args_has(a, 'X'));
			ctx->attach = s;
			ctx->attach_flags = args_has(a, 'E') ? ATTACH_NO_ENV : 0;
			if (args_get(a, 'f') != NULL)
				client_flags_set(ctx->peer, args_get(a, 'f'));
			return 0;
		}
		return cmd_error(ctx, "duplicate session: %s", name);
	}
	if (!detached && need_terminal(ctx) != 0)
		return -1;
	default_size(srv, &sx, &sy);
	if (!detached && ctx->peer->rows > 0 && ctx->peer->cols > 0) {
		sx = ctx->peer->cols;
		sy = ctx->peer->rows - (int)options_number(srv->options, "status");
	}
	if (parse_size(ctx, args_get(a, 'x'), &sx) != 0 ||
	    parse_size(ctx, args_get(a, 'y'), &sy) != 0)
		return -1;
	cmd_spawn_args(ctx, a, &sa, NULL, NULL);
	s = session_create(srv, name, sa.cwd, sx, sy);
	if (ctx->peer != NULL)
		session_update_environment(s, ctx->peer);
	for (int i = 0; i < sa.nenv; i++) {
		char *eq = strchr(sa.env[i], '='), *var;

		if (eq == NULL)
			continue;
		var = xstrndup(sa.env[i], eq - sa.env[i]);
		environ_set(&s->env, var, eq + 1, 0);
		free(var);
	}
	w = cmd_new_window(ctx, s, (int)options_number(session_options(s), "base-index"),
			   args_get(a, 'n'), &sa);
	cmd_spawn_free(&sa);
	if (w == NULL)
		return -1; /* the session went with its only window */
	s->current = w;
	session_touch(s);
	hooks_fire_session(srv, "session-created", s);
	cmd_print_new(ctx, a, w->active, "#{session_name}:");
	if (!detached) {
		ctx->attach = s;
		if (args_get(a, 'f') != NULL)
			client_flags_set(ctx->peer, args_get(a, 'f'));
	}
	return 0;
}

static int cmd_attach_session(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (need_terminal(ctx) != 0)
		return -1;
	if (args_has(a, 'd') || args_has(a, 'x'))
		detach_others(ctx, t.s, args_has(a, 'x'));
	if (args_get(a, 'c') != NULL) {
		free(t.s->cwd); /* -c: the session's new working directory */
		t.s->cwd = xstrdup(args_get(a, 'c'));
	}
	ctx->attach = t.s;
	ctx->attach_flags =
		(args_has(a, 'r') ? ATTACH_READONLY : 0) | (args_has(a, 'E') ? ATTACH_NO_ENV : 0);
	if (args_get(a, 'f') != NULL)
		client_flags_set(ctx->peer, args_get(a, 'f'));
	return 0;
}

static int cmd_has_session(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	return target_session(ctx, args_get(a, 't'), &t);
}

#define LS_FMT                                                                       \
	"#{session_name}: #{session_windows} windows (created #{t:session_created})" \
	"#{?session_attached, (attached),}"

static int cmd_list_sessions(struct cmd_ctx *ctx, struct args *a)
{
	struct session *s;
	struct format_ctx fc;
	struct cmd_list l;

	int line = 0;

	cmd_list_begin(&l, ctx, a, LS_FMT);
	for (s = ctx->srv->sessions; s != NULL; s = s->next) {
		format_ctx_session(&fc, ctx->srv, s);
		fc.c = ctx->peer;
		fc.m = &ctx->mouse;
		fc.line = ++line;
		cmd_list_item(&l, &fc);
	}
	cmd_list_end(&l);
	return 0;
}

static int cmd_kill_session(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct session *s, *next;

	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (args_has(a, 'C')) {
		/* -C: the alerts of the session's windows go; the session stays */
		for (struct window *w = t.s->windows; w != NULL; w = w->next)
			alerts_selected(w);
		attach_mark_session(t.s);
		return 0;
	}
	if (!args_has(a, 'a')) {
		session_destroy(t.s);
		return 0;
	}
	for (s = ctx->srv->sessions; s != NULL; s = next) {
		next = s->next;
		if (s != t.s)
			session_destroy(s);
	}
	return 0;
}

static int cmd_rename_session(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	const char *name = a->argv[0];

	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (!session_valid_name(name))
		return cmd_error(ctx, "invalid session name: %s", name);
	if (session_find(ctx->srv, name) != NULL && session_find(ctx->srv, name) != t.s)
		return cmd_error(ctx, "duplicate session: %s", name);
	session_rename(t.s, name);
	hooks_fire_session(ctx->srv, "session-renamed", t.s);
	return 0;
}

/* -t target-client, else the current client. */
static struct peer *target_client(struct cmd_ctx *ctx, struct args *a)
{
	const char *tty = args_get(a, 't');
	struct peer *c;

	if (tty != NULL)
		c = cmd_find_client(ctx, tty);
	else
		c = cmd_current_client(ctx, NULL);
	if (c == NULL) {
		if (tty != NULL)
			cmd_error(ctx, "can't find client: %s", tty);
		else
			cmd_error(ctx, "no current client");
	}
	return c;
}

/* A command that acts on its target client (-t) with act. */
static int on_target_client(struct cmd_ctx *ctx, struct args *a, void (*act)(struct peer *c))
{
	struct peer *c = target_client(ctx, a);

	if (c == NULL)
		return -1;
	act(c);
	return 0;
}

/* suspend-client: the client gives the terminal back and stops (SIGTSTP)
 * until its shell continues it. */
static int cmd_suspend_client(struct cmd_ctx *ctx, struct args *a)
{
	return on_target_client(ctx, a, attach_suspend);
}

/* lock-client, lock-session, lock-server: the clients run lock-command in
 * their terminals and are drawn again when it exits. */
static int cmd_lock_client(struct cmd_ctx *ctx, struct args *a)
{
	return on_target_client(ctx, a, attach_lock);
}

static int cmd_lock_session(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct peer *c;

	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	for (c = ctx->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->session == t.s)
			attach_lock(c);
	}
	return 0;
}

static int cmd_lock_server(struct cmd_ctx *ctx, struct args *a)
{
	(void)a;
	for (struct peer *c = ctx->srv->peers; c != NULL; c = c->next)
		attach_lock(c);
	return 0;
}

/* refresh-client -L/-R/-U/-D [adjustment] pans the client's view over a
 * window bigger than its screen, -c makes it follow the cursor again. */
static int refresh_pan(struct cmd_ctx *ctx, struct args *a, struct peer *c)
{
	const char *adj = a->argc > 0 ? a->argv[0] : NULL;
	long n = 1;
	char *end;

	if (adj != NULL) {
		n = strtol(adj, &end, 10);
		if (*adj == '\0' || *end != '\0' || n > INT_MAX)
			return cmd_error(ctx, "adjustment invalid");
		if (n < 1)
			return cmd_error(ctx, "adjustment too small");
	}
	if (c->session == NULL)
		return 0;
	if (args_has(a, 'c'))
		client_view_follow(c);
	else
		client_view_pan(c,
				args_has(a, 'L')   ? 'L'
				: args_has(a, 'R') ? 'R'
				: args_has(a, 'U') ? 'U'
						   : 'D',
				(int)n);
	attach_mark_client(c);
	return 0;
}

/* refresh-client -A, -B, -C: a control client's panes, subscriptions and
 * size. */
static int refresh_control(struct cmd_ctx *ctx, struct args *a, struct peer *c)
{
	char **v, **subs, *err = NULL;
	int n = args_values(a, 'A', &v), nsubs = args_values(a, 'B', &subs), rc = 0;

	if (c->control == NULL)
		rc = cmd_error(ctx, "not a control client");
	for (int i = 0; rc == 0 && i < n; i++)
		rc = control_pane_action(c, v[i], &err);
	for (int i = 0; rc == 0 && i < nsubs; i++)
		rc = control_subscribe(c, subs[i], &err);
	if (rc == 0 && args_has(a, 'C'))
		rc = control_set_size(c, args_get(a, 'C'), &err);
	free(v);
	free(subs);
	if (err != NULL) {
		cmd_error(ctx, "%s", err);
		free(err);
	}
	return rc;
}

/* refresh-client: redraw the client's whole screen (-S: its status line,
 * which a full redraw includes); -f (or -F) sets its flags; -l asks its
 * terminal for the clipboard. */
static int cmd_refresh_client(struct cmd_ctx *ctx, struct args *a)
{
	struct peer *c = target_client(ctx, a);

	if (c == NULL)
		return -1;
	if (args_get(a, 'f') != NULL || args_get(a, 'F') != NULL) {
		if (args_get(a, 'f') != NULL)
			client_flags_set(c, args_get(a, 'f'));
		if (args_get(a, 'F') != NULL)
			client_flags_set(c, args_get(a, 'F'));
		if (c->session != NULL) {
			attach_resize_windows(c->session); /* ignore-size may have changed */
			attach_mark_client(c);
		}
	}
	if (args_has(a, 'A') || args_has(a, 'B') || args_has(a, 'C'))
		return refresh_control(ctx, a, c);
	if (args_has(a, 'l')) {
		attach_clipboard_query(c);
		return 0;
	}
	if (args_has(a, 'c') || args_has(a, 'L') || args_has(a, 'R') || args_has(a, 'U') ||
	    args_has(a, 'D'))
		return refresh_pan(ctx, a, c);
	if (c->state == PEER_ATTACHED)
		attach_refresh(c);
	return 0;
}

/* One client detach-client detaches: with -E it runs the command in its
 * place, with -P its shell is hung up. */
static void detach_one(struct peer *c, struct args *a)
{
	const char *exec = args_get(a, 'E');

	c->hup_parent = args_has(a, 'P');
	if (exec != NULL)
		attach_detach_exec(c, exec);
	else
		attach_detach(c, NULL);
}

static int cmd_detach_client(struct cmd_ctx *ctx, struct args *a)
{
	const char *tty = args_get(a, 't'), *sname = args_get(a, 's');
	struct peer *c, *next, *cur = NULL;
	struct target t;

	if (sname != NULL) {
		if (target_session(ctx, sname, &t) != 0)
			return -1;
	} else if (tty != NULL) {
		if ((cur = cmd_find_client(ctx, tty)) == NULL)
			return cmd_error(ctx, "can't find client: %s", tty);
	} else {
		target_session(ctx, NULL, &t);
		buf_free(&ctx->err);
		ctx->status = 0;
		cur = cmd_current_client(ctx, t.s);
		if (cur == NULL)
			cur = cmd_current_client(ctx, NULL);
		if (cur == NULL)
			return cmd_error(ctx, "no current client");
	}
	for (c = ctx->srv->peers; c != NULL; c = next) {
		next = c->next;
		if (c->state != PEER_ATTACHED)
			continue;
		if (sname != NULL ? c->session == t.s : args_has(a, 'a') ? c != cur : c == cur)
			detach_one(c, a);
	}
	return 0;
}

/* The session after (or before) s in name order, wrapping around. */
static struct session *session_step(struct server *srv, struct session *s, int forward)
{
	struct session *p;

	if (forward)
		return s->next != NULL ? s->next : srv->sessions;
	for (p = srv->sessions; p->next != NULL && p->next != s; p = p->next)
		;
	if (s == srv->sessions)
		while (p->next != NULL)
			p = p->next;
	return p;
}

static int cmd_switch_client(struct cmd_ctx *ctx, struct args *a)
{
	const char *tty = args_get(a, 'c');
	struct peer *c = tty != NULL ? cmd_find_client(ctx, tty) : cmd_current_client(ctx, NULL);
	struct session *s;
	struct target t;

	if (c == NULL)
		return cmd_error(ctx, tty != NULL ? "can't find client: %s" : "no current client%s",
				 tty != NULL ? tty : "");
	if (args_get(a, 'T') != NULL) {
		/* -T: the client's next key is looked up in that table (modal
		 * bindings: bind r switch-client -T resize) */
		if (keys_table(keys_server(), args_get(a, 'T'), 0) == NULL)
			return cmd_error(ctx, "table %s doesn't exist", args_get(a, 'T'));
		attach_key_table(c, args_get(a, 'T'));
		return 0;
	}
	if (args_has(a, 'l')) {
		if (c->last_session == NULL)
			return cmd_error(ctx, "can't find last session");
		s = c->last_session;
	} else if (args_has(a, 'n') || args_has(a, 'p')) {
		s = session_step(ctx->srv, c->session, args_has(a, 'n'));
	} else {
		const char *spec = args_get(a, 't');
		/* A session target, as in tmux; a window or pane target also
		 * selects that window and pane. */
		int deep = spec != NULL && strpbrk(spec, ":.%@") != NULL;

		if ((deep ? target_pane(ctx, spec, &t) : target_session(ctx, spec, &t)) != 0)
			return -1;
		s = t.s;
		if (deep) {
			session_select_window(s, t.w);
			window_set_active(t.w, t.p);
		}
	}
	if (args_has(a, 'r')) {
		/* read-only and ignore-size together, as attach -r sets them */
		c->readonly = !c->readonly;
		if (c->readonly)
			c->flags |= CLIENT_IGNORESIZE;
		else
			c->flags &= ~CLIENT_IGNORESIZE;
		if (c->session != NULL)
			attach_resize_windows(c->session); /* read-only: ignore-size */
	}
	attach_switch(c, s, args_has(a, 'E') ? ATTACH_NO_ENV : 0);
	return 0;
}

#define LSC_FMT                                                                \
	"#{client_name}: #{session_name} [#{client_width}x#{client_height} "   \
	"#{client_termname}] #{?#{!=:#{client_uid},#{uid}},[user "             \
	"#{?client_user,#{client_user},#{client_uid},}] ,}#{?client_flags,(,}" \
	"#{client_flags}#{?client_flags,),}"

static int cmd_list_clients(struct cmd_ctx *ctx, struct args *a)
{
	struct session *only = NULL;
	struct format_ctx fc;
	struct cmd_list l;
	struct target t;
	struct peer *c, **all;
	size_t n = 0, i;
	int line = 0;

	if (args_get(a, 't') != NULL) {
		if (target_session(ctx, args_get(a, 't'), &t) != 0)
			return -1;
		only = t.s;
	}
	/* the newest peer is first in the list: tmux lists the oldest first */
	for (c = ctx->srv->peers; c != NULL; c = c->next)
		n++;
	all = xcalloc(n + 1, sizeof *all);
	i = n;
	for (c = ctx->srv->peers; c != NULL; c = c->next)
		all[--i] = c;
	cmd_list_begin(&l, ctx, a, LSC_FMT);
	for (i = 0; i < n; i++) {
		c = all[i];
		if (c->state != PEER_ATTACHED || (only != NULL && c->session != only))
			continue;
		format_ctx_session(&fc, ctx->srv, c->session);
		fc.type = FORMAT_NONE; /* (a client: #{session_format} 0, as tmux) */
		fc.c = c;
		fc.line = ++line;
		cmd_list_item(&l, &fc);
	}
	free(all);
	cmd_list_end(&l);
	return 0;
}

static int cmd_kill_server(struct cmd_ctx *ctx, struct args *a)
{
	server_shutdown(ctx->srv);
	return 0;
}

static int cmd_start_server(struct cmd_ctx *ctx, struct args *a)
{
	return 0;
}

const struct cmd_entry cmd_session_entries[] = {
	{"new-session", "new", "AdDEPXc:e:F:f:n:s:x:y:", 0, -1,
	 "[-AdDEPX] [-c start-directory] [-e environment] [-F format] [-f flags] [-n window-name] "
	 "[-s session-name] [-x width] [-y height] [shell-command]",
	 cmd_new_session},
	{"attach-session", "attach", "dc:Ef:rt:x", 0, 0,
	 "[-dErx] [-c working-directory] [-f flags] [-t target-session]", cmd_attach_session},
	{"has-session", "has", "t:", 0, 0, "[-t target-session]", cmd_has_session},
	{"list-sessions", "ls", "F:f:j", 0, 0, "[-j] [-F format] [-f filter]", cmd_list_sessions},
	{"kill-session", NULL, "aCt:", 0, 0, "[-aC] [-t target-session]", cmd_kill_session},
	{"rename-session", "rename", "t:", 1, 1, "[-t target-session] new-name",
	 cmd_rename_session},
	{"detach-client", "detach", "aE:Ps:t:", 0, 0,
	 "[-aP] [-E shell-command] [-s target-session] [-t target-client]", cmd_detach_client},
	{"suspend-client", "suspendc", "t:", 0, 0, "[-t target-client]", cmd_suspend_client},
	{"lock-client", "lockc", "t:", 0, 0, "[-t target-client]", cmd_lock_client},
	{"lock-session", "locks", "t:", 0, 0, "[-t target-session]", cmd_lock_session},
	{"lock-server", "lock", "", 0, 0, "", cmd_lock_server},
	{"refresh-client", "refresh", "A:B:C:cDf:F:lLRSt:U", 0, 1,
	 "[-cDlLRSU] [-A pane:state] [-B name:what:format] [-C XxY] [-f flags] [-t target-client] "
	 "[adjustment]",
	 cmd_refresh_client},
	{"switch-client", "switchc", "c:Elnprt:T:", 0, 0,
	 "[-Elnpr] [-c target-client] [-t target-session] [-T key-table]", cmd_switch_client},
	{"list-clients", "lsc", "F:f:jt:", 0, 0, "[-j] [-F format] [-f filter] [-t target-session]",
	 cmd_list_clients},
	{"kill-server", NULL, "", 0, 0, "", cmd_kill_server},
	{"start-server", "start", "", 0, 0, "", cmd_start_server},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
