/* window: a session's window, its panes and their layout. */
#include <stdlib.h>
#include <string.h>

#include "cmd/hooks.h"
#include "cmd/options.h"
#include "server/alerts.h"
#include "server/layout.h"
#include "server/pane_border.h"
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
	w->lastlayout = -1;
	w->options = options_new_child(s->srv->options);
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

/* -a/-b of new-window and move-window: free index idx as tmux does, by
 * moving up one the run of windows from idx to the first free index. */
void window_shuffle_up(struct session *s, int idx)
{
	int end = window_next_index(s, idx);

	for (struct window *w = s->windows; w != NULL; w = w->next) {
		if (w->index >= idx && w->index < end)
			w->index++;
	}
}

/* The marked pane (select-pane -m), NULL if none or it is gone. */
struct pane *window_marked_pane(struct server *srv)
{
	return srv->marked != 0 ? pane_find_id(srv, srv->marked - 1) : NULL;
}

/* The pane last-pane and select-pane -l go to. One split off with -d or
 * left after the last one was killed was never the last: with two panes,
 * the other one is, as in tmux. */
struct pane *window_last_pane(struct window *w)
{
	if (w->last_active == NULL && window_count_panes(w) == 2)
		return w->panes == w->active ? w->panes->next : w->panes;
	return w->last_active;
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
	static uint64_t active_clock;

	if (w->active == p)
		return;
	/* Another pane cannot stay hidden behind a zoomed one: unzoom. */
	if (w->zoomed)
		window_unzoom(w);
	p->active_point = ++active_clock;
	w->last_active = w->active;
	w->active = p;
	attach_mark_session(w->session);
	hooks_fire_window(w->srv, "window-pane-changed", w);
}

/* Place pane p in the cell at (xoff, yoff) of sx by sy cells, less the
 * row its border status line takes. */
static void place_pane(struct window *w, struct pane *p, int xoff, int yoff, int sx, int sy)
{
	switch (pane_border_row(w, yoff, sy)) {
	case 1:
		yoff++;
		sy--;
		break;
	case 2:
		sy--;
		break;
	}
	p->xoff = xoff;
	p->yoff = yoff;
	pane_resize(p, sx, sy);
}

static void apply_leaf(struct layout *leaf, void *ctx)
{
	struct pane *p = leaf->pane;

	p->layout = leaf;
	place_pane(ctx, p, leaf->xoff, leaf->yoff, leaf->sx, leaf->sy);
}

/* Give every pane the place its layout cell says; a zoomed window's active
 * pane covers the whole window instead. */
/* window-layout-changed: when the layout differs from the one last laid
 * out; a first one counts when it has several panes (a new window has one). */
static void layout_note(struct window *w)
{
	char *now = layout_dump(w->layout);
	int changed = w->layout_seen != NULL ? strcmp(now, w->layout_seen) != 0
					     : w->panes != NULL && w->panes->next != NULL;

	if (changed)
		hooks_fire_window(w->srv, "window-layout-changed", w);
	free(w->layout_seen);
	w->layout_seen = now;
}

void window_relayout(struct window *w)
{
	if (w->layout == NULL)
		return;
	w->layout->xoff = w->layout->yoff = 0;
	layout_fix_offsets(w->layout);
	layout_each_leaf(w->layout, apply_leaf, w);
	if (w->zoomed && w->active != NULL)
		place_pane(w, w->active, 0, 0, w->sx, w->sy);
	layout_note(w);
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
	hooks_fire_window(w->srv, "window-resized", w);
}

void window_detach_pane(struct window *w, struct pane *p)
{
	struct pane **pp;

	window_unzoom(w);
	for (pp = &w->panes; *pp != NULL && *pp != p; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = p->next;
	p->next = NULL;
	if (p->layout != NULL)
		layout_remove(&w->layout, p->layout);
	p->layout = NULL;
	if (w->last_active == p)
		w->last_active = NULL;
	if (w->active == p) {
		w->active = w->last_active != NULL ? w->last_active : w->panes;
		w->last_active = NULL;
		if (w->active != NULL)
			hooks_fire_window(w->srv, "window-pane-changed", w);
	}
}

/* Take a pane out of the window; the window goes with its last pane. */
void window_remove_pane(struct window *w, struct pane *p)
{
	window_detach_pane(w, p);
	if (w->panes == NULL) {
		window_destroy(w);
		return;
	}
	window_relayout(w);
}

/* The window a session shows when w, its current one, goes: the last
 * window, else the one before w (wrapping to the end), else the one after,
 * like tmux's session_detach. Call with w still linked. */
static struct window *session_fallback(struct session *s, struct window *w)
{
	struct window *prev = NULL, *q;

	if (s->last != NULL && s->last != w)
		return s->last;
	for (q = s->windows; q != NULL && q != w; q = q->next)
		prev = q;
	if (prev == NULL) /* w is first: wrap to the end */
		for (q = w->next; q != NULL; q = q->next)
			prev = q;
	return prev != NULL ? prev : w->next;
}

/* Remove a window from its session, killing any panes left in it. */
void window_destroy(struct window *w)
{
	struct session *s = w->session;
	struct window **pp, *fallback = session_fallback(s, w);
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
	session_last_remove(s, w);
	if (s->current == w) {
		s->current = NULL;
		session_select_window(s, fallback);
	}
	alerts_window_free(w);
	hooks_forget(w->srv->hooks, HOOKS_WINDOW, w->id);
	options_free(w->options);
	free(w->name);
	free(w->old_layout);
	free(w->layout_seen);
	free(w);
	if (s->windows == NULL) {
		session_destroy(s);
		return;
	}
	if (options_number(session_options(s), "renumber-windows"))
		session_renumber_windows(s);
	attach_mark_session(s);
}

int window_zoom(struct window *w, struct pane *p)
{
	if (w->zoomed || w->panes == NULL || w->panes->next == NULL)
		return -1;
	window_set_active(w, p);
	w->zoomed = 1;
	window_relayout(w);
	return 0;
}

void window_unzoom(struct window *w)
{
	if (!w->zoomed)
		return;
	w->zoomed = 0;
	window_relayout(w);
}

/* The panes in order, for layout_assign and layout_preset. */
static void **pane_array(struct window *w, int *n)
{
	struct pane *p;
	void **v;
	int i = 0;

	*n = window_count_panes(w);
	v = xcalloc((size_t)*n + 1, sizeof *v);
	for (p = w->panes; p != NULL; p = p->next)
		v[i++] = p;
	return v;
}

static void replace_layout(struct window *w, struct layout *root)
{
	layout_free(w->layout);
	w->layout = root;
	window_relayout(w);
}

void window_select_preset(struct window *w, int which)
{
	const struct options *o = window_options(w);
	const char *main_opt, *other_opt;
	void **panes;
	int n;

	window_unzoom(w);
	if (which < 0 || which >= LAYOUT_NPRESETS)
		return;
	w->lastlayout = which;
	panes = pane_array(w, &n);
	if (n > 1) {
		int vertical = which == LAYOUT_MAIN_VERTICAL;

		main_opt = options_string(o, vertical ? "main-pane-width" : "main-pane-height");
		other_opt = options_string(o, vertical ? "other-pane-width" : "other-pane-height");
		replace_layout(w,
			       layout_preset(which, panes, n, w->sx, w->sy, main_opt, other_opt));
	}
	free(panes);
}

int window_apply_layout(struct window *w, const char *s, char **cause)
{
	struct layout *root;
	void **panes;
	int n;

	panes = pane_array(w, &n);
	root = layout_parse(s, n, cause);
	if (root == NULL) {
		free(panes);
		return -1;
	}
	window_unzoom(w);
	layout_assign(root, panes);
	free(panes);
	/* A layout made for another size is fitted to this window. */
	if (root->sx != w->sx || root->sy != w->sy)
		layout_resize(root, w->sx, w->sy);
	replace_layout(w, root);
	return 0;
}

char *window_layout_string(const struct window *w)
{
	return layout_dump(w->layout);
}

char *window_visible_layout(const struct window *w)
{
	struct layout *zoomed;
	char *s;

	if (!w->zoomed || w->active == NULL)
		return layout_dump(w->layout);
	zoomed = layout_new_leaf(w->active, w->sx, w->sy);
	s = layout_dump(zoomed);
	layout_free(zoomed);
	return s;
}

/* Does [a0, a1] overlap next's span [b0, b0 + len - 1], by tmux's test? */
static int spans_touch(int a0, int a1, int b0, int len)
{
	int b1 = b0 + len - 1;

	return (b0 < a0 && b1 > a1) || (b0 >= a0 && b0 <= a1) || (b1 >= a0 && b1 <= a1);
}

/* A pane's cell in the layout: where it is with its border status line. */
struct cell_box {
	int xoff, yoff, sx, sy;
};

static struct cell_box cell_of(const struct pane *p)
{
	const struct layout *l = p->layout;

	if (l == NULL)
		return (struct cell_box){p->xoff, p->yoff, p->sx, p->sy};
	return (struct cell_box){l->xoff, l->yoff, l->sx, l->sy};
}

/* Is q the neighbour of p in direction dir? Edges wrap round the window.
 * Cells are compared, so that border status lines change nothing. */
static int is_neighbour(const struct window *w, const struct pane *pp, const struct pane *qp,
			char dir)
{
	struct cell_box pc = cell_of(pp), qc = cell_of(qp);
	const struct cell_box *p = &pc, *q = &qc;
	int edge;

	switch (dir) {
	case 'U':
		edge = p->yoff == 0 ? w->sy + 1 : p->yoff;
		return q->yoff + q->sy + 1 == edge &&
		       spans_touch(p->xoff, p->xoff + p->sx, q->xoff, q->sx);
	case 'D':
		edge = p->yoff + p->sy + 1 >= w->sy ? 0 : p->yoff + p->sy + 1;
		return q->yoff == edge && spans_touch(p->xoff, p->xoff + p->sx, q->xoff, q->sx);
	case 'L':
		edge = p->xoff == 0 ? w->sx + 1 : p->xoff;
		return q->xoff + q->sx + 1 == edge &&
		       spans_touch(p->yoff, p->yoff + p->sy, q->yoff, q->sy);
	case 'R':
		edge = p->xoff + p->sx + 1 >= w->sx ? 0 : p->xoff + p->sx + 1;
		return q->xoff == edge && spans_touch(p->yoff, p->yoff + p->sy, q->yoff, q->sy);
	}
	return 0;
}

struct pane *window_pane_next_by_direction(struct window *w, struct pane *p, char dir)
{
	struct pane *q, *best = NULL;

	if (p == NULL)
		return NULL;
	/* Of several neighbours, the one most recently active wins. */
	for (q = w->panes; q != NULL; q = q->next) {
		if (q != p && is_neighbour(w, p, q, dir) &&
		    (best == NULL || q->active_point > best->active_point))
			best = q;
	}
	return best;
}

static struct pane **pane_slot(struct window *w, struct pane *p)
{
	struct pane **pp;

	for (pp = &w->panes; *pp != p; pp = &(*pp)->next)
		;
	return pp;
}

void window_swap_panes(struct pane *a, struct pane *b)
{
	struct window *wa = a->window, *wb = b->window;
	struct pane **sa, **sb, *tmp;
	struct layout *la = a->layout, *lb = b->layout;

	if (a == b)
		return;
	window_unzoom(wa);
	window_unzoom(wb);
	/* Swap the list links then the next pointers: right even when the
	 * two are neighbours. */
	sa = pane_slot(wa, a);
	sb = pane_slot(wb, b);
	*sa = b;
	*sb = a;
	tmp = a->next;
	a->next = b->next;
	b->next = tmp;
	la->pane = b;
	lb->pane = a;
	a->layout = lb;
	b->layout = la;
	a->window = wb;
	b->window = wa;
	if (wa != wb) {
		if (wa->active == a)
			wa->active = b;
		if (wa->last_active == a)
			wa->last_active = NULL;
		if (wb->active == b)
			wb->active = a;
		if (wb->last_active == b)
			wb->last_active = NULL;
	}
	window_relayout(wa);
	if (wb != wa)
		window_relayout(wb);
}

/* Insert into the session's list, kept ordered by index. */
static void session_link(struct session *s, struct window *w)
{
	struct window **pp;

	for (pp = &s->windows; *pp != NULL && (*pp)->index < w->index; pp = &(*pp)->next)
		;
	w->next = *pp;
	*pp = w;
}

static void session_unlink(struct session *s, struct window *w)
{
	struct window **pp;

	for (pp = &s->windows; *pp != NULL && *pp != w; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = w->next;
	w->next = NULL;
}

/* A window moved within its session without being selected: tmux gave it
 * a new slot and dropped the old, current one, so the session falls back
 * as if the window had gone from its old index (where the moved window,
 * in its new slot, is a candidate like any other). */
static void fallback_from_slot(struct session *s, struct window *w, int old)
{
	struct window *q, *prev = NULL, *max = NULL;

	if (s->last != NULL && s->last != w) {
		s->current = s->last;
		session_last_remove(s, s->current);
		return;
	}
	for (q = s->windows; q != NULL; q = q->next) {
		if (q->index < old)
			prev = q;
		max = q;
	}
	s->current = prev != NULL ? prev : max;
	if (s->current != w)
		session_last_remove(s, w);
}

void window_move(struct window *w, struct session *dst, int index, int select)
{
	struct session *src = w->session;
	struct window *fallback = session_fallback(src, w);
	int old = w->index, was_current = src->current == w;

	/* The free index is found before the window leaves its slot, as
	 * tmux links the new place before unlinking the old. */
	if (index < 0)
		index = window_next_index(dst,
					  (int)options_number(session_options(dst), "base-index"));
	session_unlink(src, w);
	w->index = index;
	w->session = dst;
	session_link(dst, w);
	if (select)
		session_select_window(dst, w);
	if (src == dst) {
		if (was_current && !select)
			fallback_from_slot(src, w, old);
		attach_mark_session(src);
		return;
	}
	session_last_remove(src, w);
	if (was_current) {
		src->current = NULL;
		session_select_window(src, fallback);
	}
	if (src->windows == NULL)
		session_destroy(src);
	else
		attach_mark_session(src);
	attach_mark_session(dst);
}

void session_renumber_windows(struct session *s)
{
	struct window *w;
	int i = (int)options_number(session_options(s), "base-index");

	/* The list is already in index order: only the numbers change. */
	for (w = s->windows; w != NULL; w = w->next)
		w->index = i++;
	attach_mark_session(s);
}

void window_swap(struct window *a, struct window *b)
{
	struct session *sa = a->session, *sb = b->session;
	int ia = a->index, ib = b->index;

	session_unlink(sa, a);
	session_unlink(sb, b);
	a->session = sb;
	a->index = ib;
	b->session = sa;
	b->index = ia;
	session_link(sb, a);
	session_link(sa, b);
	attach_mark_session(sa);
	attach_mark_session(sb);
}
