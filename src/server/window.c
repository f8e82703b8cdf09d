/* window: a session's window, its panes and their layout. */
#include <stdlib.h>
#include <string.h>

#include "server/layout.h"
#include "server/server.h"

struct window *window_create(struct session *s, int index, const char *name)
{
	struct window *w = xcalloc(1, sizeof *w), **pp;

	w->srv = s->srv;
	w->session = s;
	w->id = s->srv->next_window_id++;
	w->index = index;
	w->name = xstrdup(name != NULL ? name : "");
	w->sx = s->sx;
	w->sy = s->sy;
	w->created = time(NULL);
	for (pp = &s->windows; *pp != NULL && (*pp)->index < index; pp = &(*pp)->next)
		;
	w->next = *pp;
	*pp = w;
	return w;
}

struct window *window_find_index(struct session *s, int index)
{
	struct window *w;

	for (w = s->windows; w != NULL; w = w->next) {
		if (w->index == index)
			return w;
	}
	return NULL;
}

struct window *window_find_id(struct server *srv, uint32_t id)
{
	struct session *s;
	struct window *w;

	for (s = srv->sessions; s != NULL; s = s->next) {
		for (w = s->windows; w != NULL; w = w->next) {
			if (w->id == id)
				return w;
		}
	}
	return NULL;
}

/* The first free index at or after from. */
int window_next_index(struct session *s, int from)
{
	int i;

	for (i = from; window_find_index(s, i) != NULL; i++)
		;
	return i;
}

int window_count_panes(const struct window *w)
{
	const struct pane *p;
	int n = 0;

	for (p = w->panes; p != NULL; p = p->next)
		n++;
	return n;
}

int window_pane_index(const struct window *w, const struct pane *p)
{
	const struct pane *q;
	int n = 0;

	for (q = w->panes; q != NULL && q != p; q = q->next)
		n++;
	return n;
}

void window_set_active(struct window *w, struct pane *p)
{
	if (w->active == p)
		return;
	w->last_active = w->active;
	w->active = p;
	attach_mark_session(w->session);
}

static void apply_leaf(struct layout *leaf, void *ctx)
{
	struct pane *p = leaf->pane;

	(void)ctx;
	p->layout = leaf;
	p->xoff = leaf->xoff;
	p->yoff = leaf->yoff;
	pane_resize(p, leaf->sx, leaf->sy);
}

/* Give every pane the place its layout cell says. */
void window_relayout(struct window *w)
{
	if (w->layout == NULL)
		return;
	layout_fix_offsets(w->layout);
	layout_each_leaf(w->layout, apply_leaf, NULL);
	attach_mark_session(w->session);
}

void window_resize(struct window *w, int sx, int sy)
{
	if (sx < 1)
		sx = 1;
	if (sy < 1)
		sy = 1;
	if (w->sx == sx && w->sy == sy)
		return;
	w->sx = sx;
	w->sy = sy;
	if (w->layout != NULL)
		layout_resize(w->layout, sx, sy);
	window_relayout(w);
}

/* Take a pane out of the window; the window goes with its last pane. */
void window_remove_pane(struct window *w, struct pane *p)
{
	struct pane **pp;

	for (pp = &w->panes; *pp != NULL && *pp != p; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = p->next;
	if (p->layout != NULL)
		layout_remove(&w->layout, p->layout);
	p->layout = NULL;
	if (w->last_active == p)
		w->last_active = NULL;
	if (w->active == p) {
		w->active = w->last_active != NULL ? w->last_active : w->panes;
		w->last_active = NULL;
	}
	if (w->panes == NULL) {
		window_destroy(w);
		return;
	}
	window_relayout(w);
}

/* Remove a window from its session, killing any panes left in it. */
void window_destroy(struct window *w)
{
	struct session *s = w->session;
	struct window **pp;
	struct pane *p;

	for (pp = &s->windows; *pp != NULL && *pp != w; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = w->next;
	while ((p = w->panes) != NULL) {
		w->panes = p->next;
		p->layout = NULL;
		pane_destroy(p);
	}
	layout_free(w->layout);
	if (s->last == w)
		s->last = NULL;
	if (s->current == w)
		session_select_window(s, s->last != NULL ? s->last : s->windows);
	free(w->name);
	free(w);
	if (s->windows == NULL)
		session_destroy(s);
	else
		attach_mark_session(s);
}
