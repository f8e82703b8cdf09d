/*
 * target: resolving -t arguments the way tmux does: session, session:window,
 * session:window.pane, $id, @id, %id, names by exact match then prefix, and
 * the current session/window/pane when nothing is given.
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "server/client_flags.h"

static int parse_id(const char *s, char sigil, uint32_t *id)
{
	char *end;
	unsigned long v;

	if (s[0] != sigil || s[1] < '0' || s[1] > '9')
		return 0;
	v = strtoul(s + 1, &end, 10);
	if (*end != '\0')
		return 0;
	*id = (uint32_t)v;
	return 1;
}

static int parse_index(const char *s, int *index)
{
	char *end;
	long v;

	if (*s == '\0' || ((*s < '0' || *s > '9') && *s != '-'))
		return 0;
	v = strtol(s, &end, 10);
	if (*end != '\0')
		return 0;
	*index = (int)v;
	return 1;
}

/* The current pane: the one the calling shell runs in, else the best
 * session's active pane. */
static void target_current(struct cmd_ctx *ctx, struct target *t)
{
	struct peer *c = ctx->peer;
	uint32_t id;

	memset(t, 0, sizeof *t);
	/* a mouse binding's: the pane under the pointer (by id: the list may
	 * have waited), unless it was on the status line */
	if (ctx->mouse.valid && ctx->mouse.pane != 0 &&
	    (t->p = mouse_pane(ctx->srv, &ctx->mouse)) != NULL) {
		t->w = t->p->window;
		t->s = t->w->session;
		return;
	}
	if (ctx->current != NULL && pane_find_id(ctx->srv, ctx->current->id) == ctx->current) {
		t->p = ctx->current;
		t->w = t->p->window;
		t->s = t->w->session;
		return;
	}
	if (c != NULL && c->session != NULL) {
		t->s = c->session;
	} else if (c != NULL && c->pane_hint != NULL && parse_id(c->pane_hint, '%', &id) &&
		   (t->p = pane_find_id(ctx->srv, id)) != NULL) {
		t->w = t->p->window;
		t->s = t->w->session;
		return;
	} else {
		t->s = session_best(ctx->srv);
	}
	if (t->s != NULL) {
		t->w = t->s->current;
		/* an active-pane client's own active pane (tmux) */
		if (c != NULL && c->session == t->s)
			t->p = client_window_pane(c, t->w);
		else
			t->p = t->w != NULL ? t->w->active : NULL;
	}
}

static struct session *find_session(struct server *srv, const char *name)
{
	struct session *s, *found = NULL;
	uint32_t id;
	size_t len = strlen(name);

	if (parse_id(name, '$', &id))
		return session_find_id(srv, id);
	if (name[0] == '=')
		return session_find(srv, name + 1); /* "=name": exact only */
	if ((s = session_find(srv, name)) != NULL)
		return s;
	for (s = srv->sessions; s != NULL; s = s->next) {
		if (strncmp(s->name, name, len) == 0) {
			if (found != NULL)
				return NULL; /* ambiguous */
			found = s;
		}
	}
	if (found != NULL)
		return found;
	for (s = srv->sessions; s != NULL; s = s->next) {
		if (fnmatch(name, s->name, 0) == 0) {
			if (found != NULL)
				return NULL;
			found = s;
		}
	}
	return found;
}

static struct window *find_window_in(struct session *s, const char *name)
{
	struct window *w, *found = NULL;
	uint32_t id;
	int index;
	size_t len = strlen(name);

	if (parse_index(name, &index))
		return window_find_index(s, index);
	if (parse_id(name, '@', &id)) {
		w = window_find_id(s->srv, id);
		return w != NULL && w->session == s ? w : NULL;
	}
	if (name[0] == '=' && parse_index(name + 1, &index))
		return window_find_index(s, index); /* "=N": exactly that index */
	if (name[0] == '=') {
		/* "=name": an exact name only */
		for (w = s->windows; w != NULL; w = w->next) {
			if (strcmp(w->name, name + 1) == 0) {
				if (found != NULL)
					return NULL;
				found = w;
			}
		}
		return found;
	}
	for (w = s->windows; w != NULL; w = w->next) {
		if (strcmp(w->name, name) == 0) {
			if (found != NULL)
				return NULL;
			found = w;
		}
	}
	if (found != NULL)
		return found;
	for (w = s->windows; w != NULL; w = w->next) {
		if (strncmp(w->name, name, len) == 0 || fnmatch(name, w->name, 0) == 0) {
			if (found != NULL)
				return NULL;
			found = w;
		}
	}
	return found;
}

/* ".+", ".-", ".+N", ".-N": the pane N after (before) cur by index,
 * round the window, as in tmux. */
static struct pane *relative_pane(struct window *w, const char *name, struct pane *cur)
{
	int n = 1, count = window_count_panes(w), index;
	struct pane *p;
	char *end;

	if (name[1] != '\0') {
		long v = strtol(name + 1, &end, 10);

		if (*end != '\0' || name[1] < '0' || name[1] > '9' || v > 1000000)
			return NULL;
		n = (int)v;
	}
	if (cur == NULL || count < 1)
		return NULL;
	index = window_pane_index(w, cur) + (name[0] == '+' ? n : -(n % count));
	index = ((index % count) + count) % count;
	for (p = w->panes; p != NULL && index > 0; p = p->next)
		index--;
	return p;
}

static struct pane *find_pane_in(struct window *w, const char *name, struct pane *cur)
{
	struct pane *p;
	uint32_t id;
	int index, base;

	if (name[0] == '+' || name[0] == '-')
		return relative_pane(w, name, cur != NULL && cur->window == w ? cur : w->active);

	if (parse_id(name, '%', &id)) {
		p = pane_find_id(w->srv, id);
		return p != NULL && p->window == w ? p : NULL;
	}
	if (!parse_index(name, &index))
		return NULL;
	base = (int)options_number(window_options(w), "pane-base-index");
	for (p = w->panes; p != NULL; p = p->next) {
		if (window_pane_index(w, p) + base == index)
			return p;
	}
	return NULL;
}

static void set_from_pane(struct target *t, struct pane *p)
{
	t->p = p;
	t->w = p->window;
	t->s = p->window->session;
}

static void set_from_window(struct target *t, struct window *w)
{
	t->w = w;
	t->s = w->session;
	t->p = w->active;
}

/* A "%id" target: the pane and its window and session. */
static int target_pane_id(struct cmd_ctx *ctx, const char *spec, uint32_t id, struct target *t)
{
	struct pane *p = pane_find_id(ctx->srv, id);

	if (p == NULL)
		return cmd_error(ctx, "can't find pane: %s", spec);
	set_from_pane(t, p);
	return 0;
}

/* "~" and "{marked}": the marked pane (select-pane -m), as in tmux. */
static int is_marked_spec(const char *spec)
{
	return strcmp(spec, "~") == 0 || strcmp(spec, "{marked}") == 0;
}

static int target_marked(struct cmd_ctx *ctx, struct target *t)
{
	struct pane *p = window_marked_pane(ctx->srv);

	if (p == NULL)
		return cmd_error(ctx, "no marked target");
	set_from_pane(t, p);
	return 0;
}

static void set_from_pane(struct target *t, struct pane *p);

/* "=" and "{mouse}": what the mouse event of a mouse binding was over. */
static int is_mouse_spec(const char *spec)
{
	return strcmp(spec, "=") == 0 || strcmp(spec, "{mouse}") == 0;
}

static int target_mouse(struct cmd_ctx *ctx, struct target *t)
{
	struct pane *p = mouse_pane(ctx->srv, &ctx->mouse);

	if (p == NULL)
		return cmd_error(ctx, "no mouse target");
	set_from_pane(t, p);
	return 0;
}

int target_session(struct cmd_ctx *ctx, const char *spec, struct target *t)
{
	char *copy, *colon;
	struct pane *p;
	struct window *w;
	uint32_t id;

	target_current(ctx, t);
	if (spec == NULL || *spec == '\0') {
		if (t->s == NULL)
			return cmd_error(ctx, "no current session");
		return 0;
	}
	if (is_mouse_spec(spec))
		return target_mouse(ctx, t);
	if (parse_id(spec, '%', &id) && (p = pane_find_id(ctx->srv, id)) != NULL) {
		set_from_pane(t, p);
		return 0;
	}
	if (parse_id(spec, '@', &id) && (w = window_find_id(ctx->srv, id)) != NULL) {
		set_from_window(t, w);
		return 0;
	}
	copy = xstrdup(spec);
	colon = strchr(copy, ':');
	if (colon != NULL)
		*colon = '\0';
	t->s = *copy == '\0' ? t->s : find_session(ctx->srv, copy);
	free(copy);
	if (t->s == NULL)
		return cmd_error(ctx, "can't find session: %s", spec);
	t->w = t->s->current;
	t->p = t->w != NULL ? t->w->active : NULL;
	return 0;
}

/* Resolve "session:window" into t; the window part may be empty. */
static int resolve_window(struct cmd_ctx *ctx, const char *spec, struct target *t,
			  const char **winpart)
{
	const char *colon = strchr(spec, ':');
	struct session *s;

	if (colon == NULL) {
		*winpart = spec;
		return 0;
	}
	*winpart = colon + 1;
	if (colon != spec) {
		char *name = xstrndup(spec, colon - spec);

		s = find_session(ctx->srv, name);
		free(name);
		if (s == NULL)
			return cmd_error(ctx, "can't find session: %.*s", (int)(colon - spec),
					 spec);
		t->s = s;
		t->w = s->current;
		t->p = t->w != NULL ? t->w->active : NULL;
	}
	if (t->s == NULL)
		return cmd_error(ctx, "no current session");
	return 1;
}

int target_window(struct cmd_ctx *ctx, const char *spec, struct target *t)
{
	const char *win;
	struct window *w;
	struct session *s;
	uint32_t id;
	int had_colon;

	target_current(ctx, t);
	if (spec == NULL || *spec == '\0') {
		if (t->w == NULL)
			return cmd_error(ctx, "no current window");
		return 0;
	}
	if (is_marked_spec(spec))
		return target_marked(ctx, t);
	if (is_mouse_spec(spec))
		return target_mouse(ctx, t);
	if (parse_id(spec, '%', &id))
		return target_pane_id(ctx, spec, id, t);
	/* session:window.pane: the pane's window, as in tmux (tree mode's
	 * targets end in ".") */
	if (strchr(spec, ':') != NULL && strrchr(spec, '.') > strchr(spec, ':'))
		return target_pane(ctx, spec, t);
	had_colon = resolve_window(ctx, spec, t, &win);
	if (had_colon < 0)
		return -1;
	if (*win == '\0')
		return t->w != NULL ? 0 : cmd_error(ctx, "can't find window: %s", spec);
	if (parse_id(win, '@', &id) && (w = window_find_id(ctx->srv, id)) != NULL) {
		set_from_window(t, w);
		return 0;
	}
	if (t->s != NULL && (w = find_window_in(t->s, win)) != NULL) {
		set_from_window(t, w);
		return 0;
	}
	/* Without a colon, the word may also name a session. */
	if (!had_colon && (s = find_session(ctx->srv, win)) != NULL && s->current != NULL) {
		set_from_window(t, s->current);
		return 0;
	}
	return cmd_error(ctx, "can't find window: %s", spec);
}

int target_pane(struct cmd_ctx *ctx, const char *spec, struct target *t)
{
	const char *dot;
	struct pane *p;
	uint32_t id;

	target_current(ctx, t);
	if (spec == NULL || *spec == '\0') {
		if (t->p == NULL)
			return cmd_error(ctx, "no current pane");
		return 0;
	}
	if (is_marked_spec(spec))
		return target_marked(ctx, t);
	if (is_mouse_spec(spec))
		return target_mouse(ctx, t);
	if (parse_id(spec, '%', &id))
		return target_pane_id(ctx, spec, id, t);
	dot = strrchr(spec, '.');
	if (dot != NULL && dot > strchr(spec, ':')) {
		char *win = xstrndup(spec, dot - spec);
		int rc = target_window(ctx, win, t);

		free(win);
		if (rc != 0)
			return -1;
		if (dot[1] == '\0')
			return 0;
		if ((p = find_pane_in(t->w, dot + 1, t->p)) == NULL)
			return cmd_error(ctx, "can't find pane: %s", spec);
		t->p = p;
		return 0;
	}
	/* No dot: a pane index of the current window, else a window. */
	if (strchr(spec, ':') == NULL && t->w != NULL &&
	    (p = find_pane_in(t->w, spec, t->p)) != NULL) {
		t->p = p;
		return 0;
	}
	if (target_window(ctx, spec, t) != 0) {
		/* Say what was asked for, not the window lookup that failed. */
		buf_free(&ctx->err);
		return cmd_error(ctx, "can't find pane: %s", spec);
	}
	return 0;
}

int target_window_index(struct cmd_ctx *ctx, const char *spec, struct target *t, int *index)
{
	const char *win;
	struct window *w;
	int had_colon, i;

	*index = -1;
	target_current(ctx, t);
	if (spec == NULL || *spec == '\0')
		return t->s != NULL ? 0 : cmd_error(ctx, "no current session");
	had_colon = resolve_window(ctx, spec, t, &win);
	if (had_colon < 0)
		return -1;
	if (*win == '\0')
		return 0;
	if (parse_index(win, &i)) {
		if (t->s == NULL)
			return cmd_error(ctx, "no current session");
		*index = i;
		return 0;
	}
	if (!had_colon) {
		struct session *s = find_session(ctx->srv, win);

		if (s != NULL) {
			t->s = s;
			return 0;
		}
	}
	if (t->s != NULL && (w = find_window_in(t->s, win)) != NULL) {
		*index = w->index;
		return 0;
	}
	return cmd_error(ctx, "can't find window: %s", spec);
}
