/* session: a named set of windows that outlives its clients. */
#include <stdlib.h>
#include <string.h>

#include "cmd/hooks.h"
#include "cmd/options.h"
#include "server/alerts.h"
#include "server/server.h"

struct session *session_create(struct server *srv, const char *name, const char *cwd, int sx,
			       int sy)
{
	struct session *s = xcalloc(1, sizeof *s), **pp;

	s->srv = srv;
	s->id = srv->next_session_id++;
	if (name != NULL) {
		s->name = xstrdup(name);
	} else {
		/* Unnamed sessions take the lowest free number, as in tmux. */
		for (int n = 0;; n++) {
			char *try = xasprintf("%d", n);

			if (session_find(srv, try) == NULL) {
				s->name = try;
				break;
			}
			free(try);
		}
	}
	s->cwd = xstrdup(cwd != NULL ? cwd : "/");
	environ_init(&s->env);
	s->options = options_new_child(srv->options);
	s->sx = sx;
	s->sy = sy;
	s->created = time(NULL);
	s->activity = uv_now(srv->loop);
	for (pp = &srv->sessions; *pp != NULL && strcmp((*pp)->name, s->name) < 0;
	     pp = &(*pp)->next)
		;
	s->next = *pp;
	*pp = s;
	return s;
}

struct session *session_find(struct server *srv, const char *name)
{
	struct session *s;

	for (s = srv->sessions; s != NULL; s = s->next) {
		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

struct session *session_find_id(struct server *srv, uint32_t id)
{
	struct session *s;

	for (s = srv->sessions; s != NULL; s = s->next) {
		if (s->id == id)
			return s;
	}
	return NULL;
}

/* tmux forbids ':' and '.' in names because they separate targets. */
int session_valid_name(const char *name)
{
	return *name != '\0' && strpbrk(name, ":.") == NULL;
}

void session_rename(struct session *s, const char *name)
{
	struct server *srv = s->srv;
	struct session **pp;

	for (pp = &srv->sessions; *pp != s; pp = &(*pp)->next)
		;
	*pp = s->next;
	free(s->name);
	s->name = xstrdup(name);
	for (pp = &srv->sessions; *pp != NULL && strcmp((*pp)->name, s->name) < 0;
	     pp = &(*pp)->next)
		;
	s->next = *pp;
	*pp = s;
	attach_mark_session(s);
}

int session_count_windows(const struct session *s)
{
	const struct window *w;
	int n = 0;

	for (w = s->windows; w != NULL; w = w->next)
		n++;
	return n;
}

/* Take w out of the last-window stack; the next one down becomes the
 * top when w was it, so C-b l goes on working after a kill, as in tmux. */
void session_last_remove(struct session *s, struct window *w)
{
	int i, j = 0;

	if (w == NULL)
		return;
	for (i = 0; i < s->nolder; i++) {
		if (s->older[i] != w)
			s->older[j++] = s->older[i];
	}
	s->nolder = j;
	if (s->last == w)
		s->last = s->nolder > 0 ? s->older[--s->nolder] : NULL;
}

/* A swap between sessions: the stack keeps the slot, as tmux's winlinks. */
void session_last_replace(struct session *s, struct window *from, struct window *to)
{
	if (s->last == from)
		s->last = to;
	for (int i = 0; i < s->nolder; i++) {
		if (s->older[i] == from)
			s->older[i] = to;
	}
}

static struct window *swapped(struct window *w, struct window *a, struct window *b)
{
	return w == a ? b : w == b ? a : w;
}

/* A swap within the session: a and b trade places in the stack too. */
void session_last_swap(struct session *s, struct window *a, struct window *b)
{
	s->last = swapped(s->last, a, b);
	for (int i = 0; i < s->nolder; i++)
		s->older[i] = swapped(s->older[i], a, b);
}

static void session_last_push(struct session *s, struct window *w)
{
	session_last_remove(s, w);
	if (s->last != NULL) {
		s->older = xrealloc(s->older, ((size_t)s->nolder + 1) * sizeof *s->older);
		s->older[s->nolder++] = s->last;
	}
	s->last = w;
}

void session_select_window(struct session *s, struct window *w)
{
	if (s->current == w)
		return;
	session_last_remove(s, w);
	if (s->current != NULL)
		session_last_push(s, s->current);
	s->current = w;
	alerts_selected(w);
	if (w != NULL)
		hooks_fire_session(s->srv, "session-window-changed", s);
	/* aggressive-resize: the window takes its clients' size now */
	if (w != NULL && options_number(window_options(w), "aggressive-resize"))
		attach_resize_windows(s);
	else
		attach_mark_session(s);
}

/* An object built without options of its own (unit tests' models) reads
 * the global ones. */
struct options *session_options(struct session *s)
{
	return s->options != NULL ? s->options : s->srv->options;
}

struct options *window_options(struct window *w)
{
	return w->options != NULL ? w->options : w->srv->options;
}

/* A pane moved to another window (join-pane, break-pane) inherits from its
 * new window: the parent is looked up now rather than fixed at creation. */
struct options *pane_options(struct pane *p)
{
	if (p->options == NULL)
		return window_options(p->window);
	options_reparent(p->options, window_options(p->window));
	return p->options;
}

void session_touch(struct session *s)
{
	s->activity = uv_now(s->srv->loop);
}

/* update-environment: the variables that follow the user from one connection
 * to the next (SSH_AUTH_SOCK, DISPLAY …) take the attaching client's values;
 * one the client lacks is marked removed, so new panes do not inherit a
 * stale value. */
void session_update_environment(struct session *s, struct peer *c)
{
	char *list = xstrdup(options_string(session_options(s), "update-environment"));
	char *save = NULL, *name;

	for (name = strtok_r(list, " ", &save); name != NULL; name = strtok_r(NULL, " ", &save))
		environ_set(&s->env, name, peer_getenv(c, name), 0);
	free(list);
}

/* The session a command means when it names none: the most recently used. */
struct session *session_best(struct server *srv)
{
	struct session *s, *best = NULL;

	for (s = srv->sessions; s != NULL; s = s->next) {
		if (best == NULL || s->activity > best->activity ||
		    (s->activity == best->activity && s->id > best->id))
			best = s;
	}
	return best;
}

/* Remove a session: its clients are told, its windows and panes closed. */
void session_destroy(struct session *s)
{
	struct server *srv = s->srv;
	struct session **pp;

	for (pp = &srv->sessions; *pp != NULL && *pp != s; pp = &(*pp)->next)
		;
	if (*pp == NULL)
		return; /* already being destroyed */
	*pp = s->next;
	for (struct peer *c = srv->peers; c != NULL; c = c->next) {
		if (c->last_session == s)
			c->last_session = NULL;
	}
	attach_session_destroyed(s);
	hooks_fire_session(srv, "session-closed", s);
	hooks_forget(srv->hooks, HOOKS_SESSION, s->id);
	while (s->windows != NULL) {
		struct window *w = s->windows;

		/* The last window_destroy would destroy the session again;
		 * it is unlinked, so that call returns at once. */
		window_destroy(w);
	}
	free(s->older);
	free(s->name);
	free(s->cwd);
	environ_clear(&s->env);
	options_free(s->options);
	free(s);
	server_check_exit(srv);
}
