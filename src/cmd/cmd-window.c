/* Window commands: new-window, kill-window, list-windows, rename-window,
 * select-window. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/options.h"

/* -k: the window at index goes; if it is the session's only one, only once
 * the new one exists (returns that case in *later). */
static struct window *replace_window(struct session *s, int index, int *later)
{
	struct window *old = window_find_index(s, index);

	*later = 0;
	if (old == NULL)
		return NULL;
	if (s->windows == old && old->next == NULL) {
		*later = 1;
		return old;
	}
	window_destroy(old);
	return NULL;
}

/* -S with -n and no index: the one window of that name is selected
 * instead (1), or there are several (-1), or none (0). */
static int select_existing(struct cmd_ctx *ctx, struct args *a, struct session *s)
{
	struct window *w, *found = NULL;

	for (w = s->windows; w != NULL; w = w->next) {
		if (strcmp(w->name, args_get(a, 'n')) != 0)
			continue;
		if (found != NULL)
			return cmd_error(ctx, "multiple windows named %s", args_get(a, 'n'));
		found = w;
	}
	if (found == NULL)
		return 0;
	if (!args_has(a, 'd'))
		session_select_window(s, found);
	return 1;
}

static int cmd_new_window_exec(struct cmd_ctx *ctx, struct args *a)
{
	struct target t, ft;
	struct spawn_args sa;
	struct window *w, *old = NULL;
	int index, later = 0, want;

	if (target_window_index(ctx, args_get(a, 't'), &t, &index) != 0)
		return -1;
	if (args_has(a, 'S') && args_get(a, 'n') != NULL && index < 0) {
		int rc = select_existing(ctx, a, t.s);

		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	if (args_has(a, 'a') || args_has(a, 'b')) {
		/* as tmux: next to the target window, or at a free index */
		if (index < 0)
			index = t.s->current->index;
		if (window_find_index(t.s, index) != NULL) {
			if (args_has(a, 'a'))
				index++;
			window_shuffle_up(t.s, index);
		}
	} else if (index >= 0 && args_has(a, 'k')) {
		old = replace_window(t.s, index, &later);
	} else if (index >= 0 && window_find_index(t.s, index) != NULL) {
		return cmd_error(ctx, "index in use: %d", index);
	}
	want = index;
	if (later)
		index = window_next_index(t.s, index);
	if (index < 0)
		index = window_next_index(t.s,
					  (int)options_number(session_options(t.s), "base-index"));
	/* -c formats are about the session's current pane */
	ft.s = t.s;
	ft.w = t.s->current;
	ft.p = ft.w != NULL ? ft.w->active : NULL;
	cmd_spawn_args(ctx, a, &sa, t.s->cwd, &ft);
	if (args_get(a, 'c') == NULL && ctx->peer != NULL && ctx->peer->cwd != NULL)
		sa.cwd = ctx->peer->cwd;
	w = cmd_new_window(ctx, t.s, index, args_get(a, 'n'), &sa);
	cmd_spawn_free(&sa);
	if (w == NULL)
		return -1;
	if (later) {
		/* The session's only window is replaced: now the new one is there,
		 * the old one can go and the new one take its index. */
		window_destroy(old);
		w->index = want;
	}
	if (!args_has(a, 'd'))
		session_select_window(t.s, w);
	cmd_print_new(ctx, a, w->active, "#{session_name}:#{window_index}.#{pane_index}");
	return 0;
}

static int cmd_kill_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct window *w, *next;

	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (!args_has(a, 'a')) {
		window_destroy(t.w);
		return 0;
	}
	for (w = t.s->windows; w != NULL; w = next) {
		next = w->next;
		if (w != t.w)
			window_destroy(w);
	}
	return 0;
}

/* tmux's default list formats. */
#define LSW_FMT                                                                       \
	"#{window_index}: #{window_name}#{window_raw_flags} (#{window_panes} panes) " \
	"[#{window_width}x#{window_height}] [layout #{window_layout}] #{window_id}"   \
	"#{?window_active, (active),}"
#define LSW_ALL_FMT                                                                            \
	"#{session_name}:#{window_index}: #{window_name}#{window_raw_flags} (#{window_panes} " \
	"panes) [#{window_width}x#{window_height}] "

static void list_session_windows(struct cmd_ctx *ctx, struct session *s, struct cmd_list *l)
{
	struct window *w;
	struct format_ctx fc;

	int line = 0;

	for (w = s->windows; w != NULL; w = w->next) {
		format_ctx_window(&fc, ctx->srv, w);
		fc.c = ctx->peer;
		fc.m = &ctx->mouse;
		fc.line = ++line;
		cmd_list_item(l, &fc);
	}
}

static int cmd_list_windows(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct session *s;
	struct cmd_list l;

	if (args_has(a, 'a')) {
		cmd_list_begin(&l, ctx, a, LSW_ALL_FMT);
		for (s = ctx->srv->sessions; s != NULL; s = s->next)
			list_session_windows(ctx, s, &l);
		cmd_list_end(&l);
		return 0;
	}
	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	cmd_list_begin(&l, ctx, a, LSW_FMT);
	list_session_windows(ctx, t.s, &l);
	cmd_list_end(&l);
	return 0;
}

static int cmd_rename_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	free(t.w->name);
	t.w->name = xstrdup(a->argv[0]);
	t.w->automatic = 0;
	hooks_fire_window(ctx->srv, "window-renamed", t.w);
	attach_mark_session(t.s);
	return 0;
}

static int step_window(struct cmd_ctx *ctx, struct args *a, char how);

static int cmd_select_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (args_has(a, 'l') || args_has(a, 'n') || args_has(a, 'p'))
		return step_window(ctx, a, args_has(a, 'l') ? 'l' : args_has(a, 'n') ? 'n' : 'p');
	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	/* -T: selecting the current window goes to the last one (tmux) */
	if (args_has(a, 'T') && t.w == t.s->current) {
		if (t.s->last == NULL)
			return cmd_error(ctx, "no last window");
		session_select_window(t.s, t.s->last);
		return 0;
	}
	session_select_window(t.s, t.w);
	return 0;
}

/* -a: the next (or previous) window after the current one, wrapping, that
 * has an alert flag; NULL if none has. */
static struct window *step_alert(struct session *s, char how)
{
	struct window *w, *before = NULL, *after = NULL, *first_before = NULL;
	int past = 0;

	for (w = s->windows; w != NULL; w = w->next) {
		if (w == s->current) {
			past = 1;
		} else if (w->alerts != 0 && !past) {
			before = w; /* the last one before the current */
			if (first_before == NULL)
				first_before = w;
		} else if (w->alerts != 0 && (after == NULL || how == 'p')) {
			after = w; /* 'n': the first after; 'p': the last */
		}
	}
	if (how == 'n')
		return after != NULL ? after : first_before;
	return before != NULL ? before : after;
}

/* next-window, previous-window and last-window act on a session's current
 * window as select-window -n/-p/-l do. */
static int step_window(struct cmd_ctx *ctx, struct args *a, char how)
{
	struct target t;
	struct window *w;

	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (how != 'l' && args_has(a, 'a')) {
		w = step_alert(t.s, how);
		if (w == NULL)
			return cmd_error(ctx, how == 'n' ? "no next window" : "no previous window");
		session_select_window(t.s, w);
		return 0;
	}
	if (how == 'l') {
		if (t.s->last == NULL)
			return cmd_error(ctx, "no last window");
		w = t.s->last;
	} else if (how == 'n') {
		w = t.s->current->next != NULL ? t.s->current->next : t.s->windows;
	} else {
		for (w = t.s->windows; w->next != NULL && w->next != t.s->current; w = w->next)
			;
		if (t.s->current == t.s->windows)
			while (w->next != NULL)
				w = w->next;
	}
	session_select_window(t.s, w);
	return 0;
}

static int cmd_next_window(struct cmd_ctx *ctx, struct args *a)
{
	return step_window(ctx, a, 'n');
}

static int cmd_previous_window(struct cmd_ctx *ctx, struct args *a)
{
	return step_window(ctx, a, 'p');
}

static int cmd_last_window(struct cmd_ctx *ctx, struct args *a)
{
	return step_window(ctx, a, 'l');
}

static int resize_amount(struct cmd_ctx *ctx, const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 1 || n > 10000)
		return cmd_error(ctx, "size is invalid: %s", v);
	*out = (int)n;
	return 0;
}

/*
 * resize-window: -x/-y set the size (and make the window's size manual, as
 * tmux does), -L/-R/-U/-D adjust it, -A/-a give it back to the largest or
 * smallest client.
 */
static int cmd_resize_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	int sx, sy, adjust = 1;
	char *err = NULL;

	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	sx = t.w->sx;
	sy = t.w->sy;
	if (a->argc > 0 && resize_amount(ctx, a->argv[0], &adjust) != 0)
		return -1;
	if ((args_get(a, 'x') != NULL && resize_amount(ctx, args_get(a, 'x'), &sx) != 0) ||
	    (args_get(a, 'y') != NULL && resize_amount(ctx, args_get(a, 'y'), &sy) != 0))
		return -1;
	sx += args_has(a, 'R') ? adjust : args_has(a, 'L') ? -adjust : 0;
	sy += args_has(a, 'D') ? adjust : args_has(a, 'U') ? -adjust : 0;
	if (args_has(a, 'A') || args_has(a, 'a')) {
		options_set(window_options(t.w), "window-size",
			    args_has(a, 'A') ? "largest" : "smallest", 0, &err);
		free(err);
		attach_resize_windows(t.s);
		return 0;
	}
	options_set(window_options(t.w), "window-size", "manual", 0, &err);
	free(err);
	window_resize(t.w, sx < 1 ? 1 : sx, sy < 1 ? 1 : sy);
	attach_resize_windows(t.s);
	return 0;
}

const struct cmd_entry cmd_window_entries[] = {
	{"new-window", "neww", "abdkPSc:e:F:n:t:", 0, -1,
	 "[-abdkPS] [-c start-directory] [-e environment] [-F format] [-n window-name] "
	 "[-t target-window] [shell-command]",
	 cmd_new_window_exec},
	{"kill-window", "killw", "at:", 0, 0, "[-a] [-t target-window]", cmd_kill_window},
	{"list-windows", "lsw", "aF:f:jt:", 0, 0,
	 "[-aj] [-F format] [-f filter] [-t target-session]", cmd_list_windows},
	{"rename-window", "renamew", "t:", 1, 1, "[-t target-window] new-name", cmd_rename_window},
	{"select-window", "selectw", "lnpTt:", 0, 0, "[-lnpT] [-t target-window]",
	 cmd_select_window},
	{"resize-window", "resizew", "aADLRt:Ux:y:", 0, 1,
	 "[-aADLRU] [-x width] [-y height] [-t target-window] [adjustment]", cmd_resize_window},
	{"next-window", "next", "at:", 0, 0, "[-a] [-t target-session]", cmd_next_window},
	{"previous-window", "prev", "at:", 0, 0, "[-a] [-t target-session]", cmd_previous_window},
	{"last-window", "last", "t:", 0, 0, "[-t target-session]", cmd_last_window},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
