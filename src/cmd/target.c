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

	if (*s < '0' || *s > '9') /* "-1" is an offset, not an index */
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

/* "+", "-", "+N", "-N" (N steps, as tmux); 0 if s is none of them. */
static int parse_offset(const char *s, int *steps)
{
	char *end;
	long v;

	if (*s != '+' && *s != '-')
		return 0;
	if (s[1] == '\0') {
		*steps = *s == '+' ? 1 : -1;
		return 1;
	}
	if (s[1] < '0' || s[1] > '9')
		return 0;
	v = strtol(s + 1, &end, 10);
	if (*end != '\0' || v > 100000)
		return 0;
	*steps = *s == '+' ? (int)v : -(int)v;
	return 1;
}

static int token_is(const char *name, const char *brace, const char *mark)
{
	return strcmp(name, brace) == 0 || (mark != NULL && strcmp(name, mark) == 0);
}

/* The window steps away from w in its session, round the ends. */
static struct window *window_step(struct window *w, int steps)
{
	struct session *s = w->session;
	int n = 0, at = 0, i;
	struct window *x;

	for (x = s->windows; x != NULL; x = x->next, n++)
		if (x == w)
			at = n;
	i = ((at + steps) % n + n) % n;
	for (x = s->windows; i > 0; x = x->next, i--)
		;
	return x;
}

/*
 * tmux's window tokens: {start} (^), {end} ($), {last} (!), {next} (+, +N)
 * and {previous} (-, -N), from the session's current window. Returns 1 if
 * name is one, with the window (or NULL) in *out.
 */
static int window_token(struct session *s, const char *name, struct window **out)
{
	struct window *w;
	int steps;

	*out = NULL;
	if (token_is(name, "{start}", "^")) {
		*out = s->windows;
	} else if (token_is(name, "{end}", "$")) {
		for (w = s->windows; w != NULL; w = w->next)
			*out = w;
	} else if (token_is(name, "{last}", "!")) {
		*out = s->last;
	} else if (token_is(name, "{next}", NULL) || token_is(name, "{previous}", NULL) ||
		   parse_offset(name, &steps)) {
		if (s->current != NULL)
			*out = window_step(s->current, name[1] == 'n'	? 1
						       : name[1] == 'p' ? -1
									: steps);
	} else {
		return 0;
	}
	return 1;
}

static struct window *find_window_in(struct session *s, const char *name)
{
	struct window *w, *found = NULL;
	uint32_t id;
	int index;
	size_t len = strlen(name);

	if (window_token(s, name, &w))
		return w;
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

/* The pane over window cell (x, y), a pane's right and bottom borders
 * counting as its own (as tmux finds {top} and the like). */
static struct pane *pane_over(struct window *w, int x, int y)
{
	for (struct pane *p = w->panes; p != NULL; p = p->next) {
		if ((!w->zoomed || p == w->active) && x >= p->xoff && x <= p->xoff + p->sx &&
		    y >= p->yoff && y <= p->yoff + p->sy)
			return p;
	}
	return NULL;
}

/* The pane steps away from p in its window's order, round the ends. */
static struct pane *pane_step(struct window *w, struct pane *p, int steps)
{
	int n = 0, at = 0, i;
	struct pane *x;

	for (x = w->panes; x != NULL; x = x->next, n++)
		if (x == p)
			at = n;
	i = ((at + steps) % n + n) % n;
	for (x = w->panes; i > 0; x = x->next, i--)
		;
	return x;
}

/* A pane by where it is: {top} is the pane at the top of the window's
 * middle column, {top-left} at its corner, and so on. Returns 1 if name is
 * one of these, with the pane in *out. */
static int pane_place(struct window *w, const char *name, struct pane **out)
{
	static const struct {
		const char *name;
		int x, y; /* 0 the first, 1 the middle, 2 the last column or row */
	} places[] = {{"{top}", 1, 0},	       {"{bottom}", 1, 2},	{"{left}", 0, 1},
		      {"{right}", 2, 1},       {"{top-left}", 0, 0},	{"{top-right}", 2, 0},
		      {"{bottom-left}", 0, 2}, {"{bottom-right}", 2, 2}};

	for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
		if (strcmp(name, places[i].name) == 0) {
			int x = places[i].x == 0 ? 0 : places[i].x == 1 ? w->sx / 2 : w->sx - 1;
			int y = places[i].y == 0 ? 0 : places[i].y == 1 ? w->sy / 2 : w->sy - 1;

			*out = pane_over(w, x, y);
			return 1;
		}
	}
	return 0;
}

/*
 * tmux's pane tokens, from the current pane cur (the window's active one,
 * or an active-pane client's own): {last} (!), {next} (+, +N), {previous}
 * (-, -N), {top} {bottom} {left} {right} and the corners, {up-of}
 * {down-of} {left-of} {right-of}. Returns 1 if name is one, with the pane
 * (or NULL) in *out.
 */
static int pane_token(struct window *w, struct pane *cur, const char *name, struct pane **out)
{
	static const char *const dirs[] = {"{up-of}", "{down-of}", "{left-of}", "{right-of}"};
	int steps;

	*out = NULL;
	if (token_is(name, "{last}", "!")) {
		*out = w->last_active;
		return 1;
	}
	if (token_is(name, "{next}", NULL) || token_is(name, "{previous}", NULL) ||
	    parse_offset(name, &steps)) {
		if (cur != NULL)
			*out = pane_step(w, cur, name[1] == 'n' ? 1 : name[1] == 'p' ? -1 : steps);
		return 1;
	}
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (strcmp(name, dirs[i]) == 0) {
			if (cur != NULL)
				*out = window_pane_next_by_direction(w, cur, "UDLR"[i]);
			return 1;
		}
	}
	return pane_place(w, name, out);
}

/* A pane of w by name; cur is the current pane, relative names start from
 * it when it is w's (an active-pane client's own), else from w's active. */
static struct pane *find_pane_in(struct window *w, const char *name, struct pane *cur)
{
	struct pane *p;
	uint32_t id;
	int index, base;

	if (parse_id(name, '%', &id)) {
		p = pane_find_id(w->srv, id);
		return p != NULL && p->window == w ? p : NULL;
	}
	if (pane_token(w, cur != NULL && cur->window == w ? cur : w->active, name, &p))
		return p;
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
	return cmd_error(ctx, "can't find window: %s", win); /* as tmux: the window's part */
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
			return cmd_error(ctx, "can't find pane: %s", dot + 1);
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
	return cmd_error(ctx, "can't find window: %s", win);
}
