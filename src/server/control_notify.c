/*
 * control_notify: a control client's notifications. What it was last told
 * (sessions, windows, panes' modes, other clients) is kept, compared with
 * how things are after each turn of the loop, and the difference is sent
 * as tmux's %-lines. Comparing rather than hooking every change keeps the
 * model's code unaware of control mode; like tmux, notifications come
 * between blocks, never inside one.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "server/control.h"
#include "server/server.h"

struct seen_session {
	uint32_t id;
	char *name;
	uint32_t current; /* @id + 1 of its current window, 0 none */
};

struct seen_window {
	uint32_t id;
	uint32_t session; /* $id */
	char *name;
	uint32_t active; /* %id + 1 */
	char *layout, *visible;
};

struct seen_pane {
	uint32_t id;
	int mode;
};

struct seen_client {
	uint32_t id;
	uint32_t session; /* $id + 1 */
	char *name;
};

struct control_seen {
	uint32_t session; /* the client's own, $id + 1 */
	struct seen_session *s;
	int ns;
	struct seen_window *w;
	int nw;
	struct seen_pane *p;
	int np;
	struct seen_client *c;
	int nc;
};

void control_seen_free(struct control_seen *v)
{
	if (v == NULL)
		return;
	for (int i = 0; i < v->ns; i++)
		free(v->s[i].name);
	for (int i = 0; i < v->nw; i++) {
		free(v->w[i].name);
		free(v->w[i].layout);
		free(v->w[i].visible);
	}
	for (int i = 0; i < v->nc; i++)
		free(v->c[i].name);
	free(v->s);
	free(v->w);
	free(v->p);
	free(v->c);
	free(v);
}

static char *client_name(const struct peer *c)
{
	if (c->ttyname != NULL && *c->ttyname != '\0')
		return xstrdup(c->ttyname);
	return xasprintf("client-%ld", (long)c->pid);
}

static char *window_flags(struct server *srv, struct window *w)
{
	struct format_ctx fc;

	format_ctx_window(&fc, srv, w);
	return format_expand("#{window_flags}", &fc);
}

static void take_window(struct seen_window *sw, struct window *w)
{
	sw->id = w->id;
	sw->session = w->session != NULL ? w->session->id : 0;
	sw->name = xstrdup(w->name != NULL ? w->name : "");
	sw->active = w->active != NULL ? w->active->id + 1 : 0;
	sw->layout = window_layout_string(w);
	sw->visible = window_visible_layout(w);
}

/* How things are now, as c would be told of them. */
static struct control_seen *control_look(struct peer *c)
{
	struct server *srv = c->srv;
	struct control_seen *v = xcalloc(1, sizeof *v);

	v->session = c->session != NULL ? c->session->id + 1 : 0;
	for (struct session *s = srv->sessions; s != NULL; s = s->next) {
		v->s = xrealloc(v->s, sizeof *v->s * (v->ns + 1));
		v->s[v->ns].id = s->id;
		v->s[v->ns].name = xstrdup(s->name);
		v->s[v->ns].current = s->current != NULL ? s->current->id + 1 : 0;
		v->ns++;
		for (struct window *w = s->windows; w != NULL; w = w->next) {
			v->w = xrealloc(v->w, sizeof *v->w * (v->nw + 1));
			take_window(&v->w[v->nw++], w);
		}
	}
	for (struct pane *p = pane_all(srv, NULL); p != NULL; p = pane_all(srv, p)) {
		v->p = xrealloc(v->p, sizeof *v->p * (v->np + 1));
		v->p[v->np].id = p->id;
		v->p[v->np].mode = p->copy != NULL || p->choose != NULL || p->clock != NULL;
		v->np++;
	}
	for (struct peer *o = srv->peers; o != NULL; o = o->next) {
		if (o == c || o->state != PEER_ATTACHED)
			continue;
		v->c = xrealloc(v->c, sizeof *v->c * (v->nc + 1));
		v->c[v->nc].id = o->id;
		v->c[v->nc].session = o->session != NULL ? o->session->id + 1 : 0;
		v->c[v->nc].name = client_name(o);
		v->nc++;
	}
	return v;
}

static struct seen_session *find_session(struct control_seen *v, uint32_t id)
{
	for (int i = 0; i < v->ns; i++) {
		if (v->s[i].id == id)
			return &v->s[i];
	}
	return NULL;
}

static struct seen_window *find_window(struct control_seen *v, uint32_t id)
{
	for (int i = 0; i < v->nw; i++) {
		if (v->w[i].id == id)
			return &v->w[i];
	}
	return NULL;
}

static struct seen_pane *find_pane(struct control_seen *v, uint32_t id)
{
	for (int i = 0; i < v->np; i++) {
		if (v->p[i].id == id)
			return &v->p[i];
	}
	return NULL;
}

static struct seen_client *find_client(struct control_seen *v, uint32_t id)
{
	for (int i = 0; i < v->nc; i++) {
		if (v->c[i].id == id)
			return &v->c[i];
	}
	return NULL;
}

/* Windows come and go, or move in or out of the client's session (a switch
 * of the client's session alone says nothing of its windows). */
static void diff_windows(struct control_seen *was, struct control_seen *now, struct buf *b)
{
	uint32_t mine = now->session != 0 ? now->session - 1 : UINT32_MAX;
	int switched = was->session != now->session;

	for (int i = 0; i < was->nw; i++) {
		struct seen_window *o = &was->w[i], *n = find_window(now, o->id);
		int was_mine = was->session != 0 && o->session == was->session - 1;

		if (n == NULL)
			buf_printf(b, "%%%swindow-close @%u\n", was_mine ? "" : "unlinked-", o->id);
		else if (!switched && was_mine && n->session != mine)
			buf_printf(b, "%%window-close @%u\n", o->id);
	}
	for (int i = 0; i < now->nw; i++) {
		struct seen_window *n = &now->w[i], *o = find_window(was, n->id);
		int is_mine = n->session == mine;

		if (o == NULL)
			buf_printf(b, "%%%swindow-add @%u\n", is_mine ? "" : "unlinked-", n->id);
		else if (!switched && is_mine && o->session != mine)
			buf_printf(b, "%%window-add @%u\n", n->id);
		if (o == NULL || strcmp(o->name, n->name) == 0)
			continue;
		if (is_mine)
			buf_printf(b, "%%window-renamed @%u %s\n", n->id, n->name);
		else
			buf_printf(b, "%%unlinked-window-renamed @%u\n", n->id);
	}
}

static void diff_sessions(struct peer *c, struct control_seen *was, struct control_seen *now,
			  struct buf *b)
{
	int changed = was->ns != now->ns;

	for (int i = 0; i < now->ns && !changed; i++)
		changed = find_session(was, now->s[i].id) == NULL;
	if (changed)
		buf_adds(b, "%sessions-changed\n");
	if (now->session != 0 && now->session != was->session)
		buf_printf(b, "%%session-changed $%u %s\n", now->session - 1, c->session->name);
	for (int i = 0; i < now->ns; i++) {
		struct seen_session *n = &now->s[i], *o = find_session(was, n->id);

		if (o == NULL)
			continue;
		if (strcmp(o->name, n->name) != 0)
			buf_printf(b, "%%session-renamed $%u %s\n", n->id, n->name);
		if (o->current != n->current && n->current != 0)
			buf_printf(b, "%%session-window-changed $%u @%u\n", n->id, n->current - 1);
	}
}

/* Active panes and layouts (of the client's windows, with their flags as
 * they are then), panes' modes. */
static void diff_panes(struct server *srv, struct control_seen *was, struct control_seen *now,
		       struct buf *b)
{
	uint32_t mine = now->session != 0 ? now->session - 1 : UINT32_MAX;

	for (int i = 0; i < now->nw; i++) {
		struct seen_window *n = &now->w[i], *o = find_window(was, n->id);

		if (o == NULL)
			continue;
		if (o->active != n->active && n->active != 0)
			buf_printf(b, "%%window-pane-changed @%u %%%u\n", n->id, n->active - 1);
		if (n->session == mine &&
		    (strcmp(o->layout, n->layout) != 0 || strcmp(o->visible, n->visible) != 0)) {
			char *flags = window_flags(srv, window_find_id(srv, n->id));

			buf_printf(b, "%%layout-change @%u %s %s %s\n", n->id, n->layout,
				   n->visible, flags);
			free(flags);
		}
	}
	for (int i = 0; i < now->np; i++) {
		struct seen_pane *o = find_pane(was, now->p[i].id);

		if (o != NULL && o->mode != now->p[i].mode)
			buf_printf(b, "%%pane-mode-changed %%%u\n", now->p[i].id);
	}
}

static void diff_clients(struct server *srv, struct control_seen *was, struct control_seen *now,
			 struct buf *b)
{
	for (int i = 0; i < now->nc; i++) {
		struct seen_client *n = &now->c[i], *o = find_client(was, n->id);
		struct session *s = n->session != 0 ? session_find_id(srv, n->session - 1) : NULL;

		/* (a client attaching is one changing session, as in tmux) */
		if ((o == NULL || o->session != n->session) && s != NULL)
			buf_printf(b, "%%client-session-changed %s $%u %s\n", n->name, s->id,
				   s->name);
	}
	for (int i = 0; i < was->nc; i++) {
		if (find_client(now, was->c[i].id) == NULL)
			buf_printf(b, "%%client-detached %s\n", was->c[i].name);
	}
}

void control_notify(struct peer *c)
{
	struct control *ctl = c->control;
	struct control_seen *now;
	struct buf b;

	if (ctl == NULL || ctl->exiting)
		return;
	now = control_look(c);
	if (ctl->seen != NULL) {
		buf_init(&b);
		diff_windows(ctl->seen, now, &b);
		diff_sessions(c, ctl->seen, now, &b);
		diff_panes(c->srv, ctl->seen, now, &b);
		diff_clients(c->srv, ctl->seen, now, &b);
		control_write(c, b.data, b.len);
		buf_free(&b);
	}
	control_seen_free(ctl->seen);
	ctl->seen = now;
}

/* Looking costs a layout string per window: it is done only after a
 * command ran or a hook fired (the model changed), at most this often;
 * commands of control clients look at once (control.c). */
#define CONTROL_NOTIFY_MS 20

static uv_timer_t notify_timer;
static int notify_timer_ready;
static uint64_t notify_last;

static void notify_timer_cb(uv_timer_t *t)
{
	control_notify_all(t->data);
}

void control_notify_all(struct server *srv)
{
	uint64_t now = uv_now(srv->loop);
	struct peer *c;

	for (c = srv->peers; c != NULL && c->control == NULL; c = c->next)
		;
	if (c == NULL || srv->exiting || !srv->control_dirty)
		return;
	if (!notify_timer_ready) {
		uv_timer_init(srv->loop, &notify_timer);
		notify_timer.data = srv;
		notify_timer_ready = 1;
	}
	if (now - notify_last < CONTROL_NOTIFY_MS) {
		if (!uv_is_active((uv_handle_t *)&notify_timer))
			uv_timer_start(&notify_timer, notify_timer_cb,
				       CONTROL_NOTIFY_MS - (now - notify_last), 0);
		return;
	}
	notify_last = now;
	srv->control_dirty = 0;
	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->control != NULL && c->state != PEER_CLOSING && !c->control->running)
			control_notify(c);
	}
}
