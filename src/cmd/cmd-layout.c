/*
 * Commands that arrange panes and windows: select-layout, next-layout,
 * previous-layout, resize-pane, swap-pane, break-pane, join-pane,
 * move-pane, last-pane, move-window, swap-window. Semantics follow tmux 3.3.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "server/layout.h"
#include "server/pane_border.h"

/* "N" or "N%" of cur (tmux's args_percentage); -1 with an error. */
static int size_arg(struct cmd_ctx *ctx, const char *what, const char *v, int cur, int *out)
{
	char *end;
	long n;

	n = strtol(v, &end, 10);
	if (end == v || n < 0 || (*end != '\0' && strcmp(end, "%") != 0))
		return cmd_error(ctx, "%s invalid", what);
	if (*end == '%') {
		if (n > 100)
			return cmd_error(ctx, "%s too large", what);
		n = (long)cur * n / 100;
	}
	if (n > INT_MAX / 2)
		return cmd_error(ctx, "%s too large", what);
	*out = (int)n;
	return 0;
}

/* select-layout -E: even out the pane's container, or the nearest one up
 * the tree that is uneven. */
static void spread_out(struct window *w, struct pane *p)
{
	struct layout *l;

	window_unzoom(w);
	for (l = p->layout->parent; l != NULL; l = l->parent) {
		if (layout_spread(l))
			break;
	}
	window_relayout(w);
}

static int apply_named(struct cmd_ctx *ctx, struct window *w, const char *name, int old)
{
	char *cause;
	int which;

	if (!old && (which = layout_preset_lookup(name)) >= 0) {
		window_select_preset(w, which);
		return 0;
	}
	if (window_apply_layout(w, name, &cause) != 0) {
		cmd_error(ctx, "%s: %s", cause, name);
		free(cause);
		return -1;
	}
	return 0;
}

static int select_layout(struct cmd_ctx *ctx, struct args *a, int step)
{
	struct target t;
	struct window *w;
	const char *name = a->argc > 0 ? a->argv[0] : NULL;
	char *previous;
	int r = 0;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	w = t.w;
	window_unzoom(w); /* whatever follows, as tmux */
	if (args_has(a, 'n'))
		step = 1;
	else if (args_has(a, 'p'))
		step = -1;
	/* Remember what is undone by -o; kept if this command fails. */
	previous = w->old_layout;
	w->old_layout = window_layout_string(w);
	if (step != 0) {
		/* From no preset yet, next starts at the first, previous at
		 * the last. */
		if (w->lastlayout < 0)
			window_select_preset(w, step > 0 ? 0 : LAYOUT_NPRESETS - 1);
		else
			window_select_preset(w, (w->lastlayout + step + LAYOUT_NPRESETS) %
							LAYOUT_NPRESETS);
	} else if (args_has(a, 'E')) {
		spread_out(w, t.p);
	} else if (name == NULL && args_has(a, 'o')) {
		if (previous != NULL)
			r = apply_named(ctx, w, previous, 1);
	} else if (name == NULL) {
		/* Without a name tmux reapplies the last preset. */
		if (w->lastlayout >= 0)
			window_select_preset(w, w->lastlayout);
	} else {
		r = apply_named(ctx, w, name, 0);
	}
	if (r != 0) {
		free(w->old_layout);
		w->old_layout = previous;
		return -1;
	}
	free(previous);
	return 0;
}

static int cmd_select_layout(struct cmd_ctx *ctx, struct args *a)
{
	return select_layout(ctx, a, 0);
}

static int cmd_next_layout(struct cmd_ctx *ctx, struct args *a)
{
	return select_layout(ctx, a, 1);
}

static int cmd_previous_layout(struct cmd_ctx *ctx, struct args *a)
{
	return select_layout(ctx, a, -1);
}

static int cmd_resize_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	const char *x = args_get(a, 'x'), *y = args_get(a, 'y');
	int adjust = 1, size;

	if (args_has(a, 'M')) {
		/* -M: the border the mouse is dragging follows it (a mouse binding) */
		if (ctx->mouse.valid)
			mouse_drag_border(ctx->peer, &ctx->mouse);
		return 0;
	}
	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (args_has(a, 'Z')) {
		if (t.w->zoomed)
			window_unzoom(t.w);
		else
			window_zoom(t.w, t.p);
		return 0;
	}
	if (a->argc > 0) {
		char *end;
		long n = strtol(a->argv[0], &end, 10);

		if (*a->argv[0] == '\0' || *end != '\0' || n < 1 || n > INT_MAX / 2)
			return cmd_error(ctx, "adjustment invalid");
		adjust = (int)n;
	}
	window_unzoom(t.w);
	if (x != NULL) {
		if (size_arg(ctx, "width", x, t.w->sx, &size) != 0)
			return -1;
		layout_resize_leaf_to(t.p->layout, 1, size);
	}
	if (y != NULL) {
		if (size_arg(ctx, "height", y, t.w->sy, &size) != 0)
			return -1;
		/* the pane's height, as tmux: with its border status line's row */
		if (pane_border_row(t.w, t.p->layout->yoff, t.p->layout->sy) != 0)
			size++;
		layout_resize_leaf_to(t.p->layout, 0, size);
	}
	if (args_has(a, 'L'))
		layout_resize_leaf(t.p->layout, 1, -adjust, 1);
	else if (args_has(a, 'R'))
		layout_resize_leaf(t.p->layout, 1, adjust, 1);
	else if (args_has(a, 'U'))
		layout_resize_leaf(t.p->layout, 0, -adjust, 1);
	else if (args_has(a, 'D'))
		layout_resize_leaf(t.p->layout, 0, adjust, 1);
	window_relayout(t.w);
	return 0;
}

/* The pane before or after p in its window, wrapping. */
static struct pane *pane_step(struct window *w, struct pane *p, int forward)
{
	struct pane *q, *prev = NULL;

	if (forward)
		return p->next != NULL ? p->next : w->panes;
	for (q = w->panes; q != p; q = q->next)
		prev = q;
	if (prev == NULL)
		for (prev = w->panes; prev->next != NULL; prev = prev->next)
			;
	return prev;
}

/* -s of swap-pane, join-pane, swap-window and move-window: the marked
 * pane when there is one and -s is not given, as tmux. */
static const char *default_marked(struct cmd_ctx *ctx, const char *spec)
{
	if (spec == NULL && window_marked_pane(ctx->srv) != NULL)
		return "~";
	return spec;
}

static void swap_panes(struct args *a, struct pane *srcp, struct pane *dstp);

static int cmd_swap_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target src, dst;
	struct window *sw, *dw;
	int zs, zd;

	if (target_pane(ctx, args_get(a, 't'), &dst) != 0)
		return -1;
	if (args_has(a, 'D') || args_has(a, 'U')) {
		src = dst;
		src.p = pane_step(dst.w, dst.p, args_has(a, 'D'));
	} else if (target_pane(ctx, default_marked(ctx, args_get(a, 's')), &src) != 0) {
		return -1;
	}
	/* -Z: a zoomed window is zoomed again afterwards, on its active pane */
	zs = src.w->zoomed && args_has(a, 'Z');
	zd = dst.w->zoomed && args_has(a, 'Z');
	window_unzoom(dst.w); /* even when there is nothing to swap, as tmux */
	window_unzoom(src.w);
	sw = src.w;
	dw = dst.w;
	if (src.p != dst.p)
		swap_panes(a, src.p, dst.p);
	if (zs)
		window_zoom(sw, sw->active);
	if (zd && dw != sw)
		window_zoom(dw, dw->active);
	return 0;
}

/* The swap itself; sw and dw are the panes' windows before it. */
static void swap_panes(struct args *a, struct pane *src, struct pane *dst)
{
	struct window *sw = src->window, *dw = dst->window;

	window_swap_panes(src, dst);
	if (!args_has(a, 'd')) {
		/* The target pane stays active, now in the source's place. */
		window_set_active(sw, dst);
		if (sw != dw)
			window_set_active(dw, src);
	} else if (sw == dw) {
		/* tmux's two checks in turn: the active pane keeps its place
		 * when the target was active, and stays when the source was. */
		if (sw->active == src)
			window_set_active(sw, dst);
		if (sw->active == dst)
			window_set_active(sw, src);
	}
}

/* The window's panes in list order, in a new array; *n is their count. */
static struct pane **pane_array(struct window *w, int *n)
{
	struct pane **all, *p;
	int i = 0;

	*n = window_count_panes(w);
	all = xcalloc((size_t)*n + 1, sizeof *all);
	for (p = w->panes; p != NULL; p = p->next)
		all[i++] = p;
	return all;
}

/*
 * rotate-window: the pane list turns by one (up: the first pane goes last;
 * -D: the last goes first) while the layout cells stay where they are, so
 * every pane moves to the next cell; the active one is then the pane that
 * came into the active cell, as in tmux.
 */
static int cmd_rotate_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct pane **old, *active;
	struct layout **cells;
	int n, i, down = args_has(a, 'D'), zoom;

	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	zoom = t.w->zoomed && args_has(a, 'Z');
	window_unzoom(t.w);
	old = pane_array(t.w, &n);
	if (n < 2) {
		free(old);
		return 0;
	}
	cells = xcalloc((size_t)n, sizeof *cells);
	for (i = 0; i < n; i++)
		cells[i] = old[i]->layout;
	/* new order: old[(i + shift) % n] is the i-th pane */
	for (i = 0; i < n; i++) {
		struct pane *p = old[(i + (down ? n - 1 : 1)) % n];

		p->next = i + 1 < n ? old[(i + 1 + (down ? n - 1 : 1)) % n] : NULL;
		p->layout = cells[i];
		cells[i]->pane = p;
		if (i == 0)
			t.w->panes = p;
	}
	/* the active cell keeps the focus */
	for (i = 0; i < n && old[i] != t.w->active; i++)
		;
	active = i < n ? cells[i]->pane : t.w->panes;
	window_relayout(t.w);
	window_set_active(t.w, active);
	if (zoom)
		window_zoom(t.w, active);
	free(cells);
	free(old);
	return 0;
}

/* tmux's default window name: the pane's command. */
static void name_window(struct window *w, struct pane *p, const char *name)
{
	char *cmd = name == NULL ? pane_current_command(p) : NULL;

	free(w->name);
	w->name = xstrdup(name != NULL ? name : cmd);
	w->automatic = name == NULL;
	free(cmd);
}

/* -a/-b of break-pane and move-window: the index next to the target
 * window, or to the current one when there is none there (as tmux). */
static int after_or_before(struct session *s, int index, struct args *a)
{
	if (!args_has(a, 'a') && !args_has(a, 'b'))
		return index;
	if (index < 0 || window_find_index(s, index) == NULL)
		index = s->current->index;
	if (args_has(a, 'a'))
		index++;
	window_shuffle_up(s, index);
	return index;
}

static int cmd_break_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target src, dst;
	struct window *w, *nw;
	struct pane *p;
	int index;

	if (target_pane(ctx, args_get(a, 's'), &src) != 0)
		return -1;
	if (target_window_index(ctx, args_get(a, 't'), &dst, &index) != 0)
		return -1;
	w = src.w;
	p = src.p;
	index = after_or_before(dst.s, index, a);
	window_unzoom(w); /* first: tmux unzooms even if it then fails */
	/* a lone pane moves its window (same index); else the index is taken */
	if (index >= 0 && window_find_index(dst.s, index) == w && w->panes->next == NULL)
		return cmd_error(ctx, "same index: %d", index);
	if (index >= 0 && window_find_index(dst.s, index) != NULL)
		return cmd_error(ctx, "index in use: %d", index);
	if (p == w->panes && p->next == NULL) {
		/* A lone pane: tmux just moves its window. */
		window_move(w, dst.s, index, !args_has(a, 'd'));
		nw = w;
		if (args_get(a, 'n') != NULL)
			name_window(nw, p, args_get(a, 'n'));
	} else {
		window_detach_pane(w, p);
		window_relayout(w);
		if (index < 0)
			index = window_next_index(
				dst.s, (int)options_number(session_options(dst.s), "base-index"));
		nw = window_create(dst.s, index, NULL);
		nw->sx = w->sx;
		nw->sy = w->sy;
		name_window(nw, p, args_get(a, 'n'));
		p->window = nw;
		nw->panes = p;
		nw->active = p;
		nw->layout = layout_new_leaf(p, nw->sx, nw->sy);
		p->layout = nw->layout;
		window_relayout(nw);
		attach_mark_session(src.s);
		if (!args_has(a, 'd'))
			session_select_window(dst.s, nw);
	}
	cmd_print_new(ctx, a, p, "#{session_name}:#{window_index}.#{pane_index}");
	return 0;
}

/* join-pane and move-pane: split the target and move the source there. */
static int cmd_join_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target src, dst;
	struct layout *leaf;
	struct pane *p, **pp;
	const char *l = args_get(a, 'l');
	int horizontal = args_has(a, 'h'), before = args_has(a, 'b'), size = -1;

	if (target_pane(ctx, args_get(a, 't'), &dst) != 0 ||
	    target_pane(ctx, default_marked(ctx, args_get(a, 's')), &src) != 0)
		return -1;
	if (src.p == dst.p)
		return cmd_error(ctx, "source and target panes must be different");
	if (l == NULL && args_get(a, 'p') != NULL) {
		char *pct = xasprintf("%s%%", args_get(a, 'p'));
		int r = size_arg(ctx, "size", pct, horizontal ? dst.p->sx : dst.p->sy, &size);

		free(pct);
		if (r != 0)
			return -1;
	} else if (l != NULL &&
		   size_arg(ctx, "size", l, horizontal ? dst.p->sx : dst.p->sy, &size) != 0) {
		return -1;
	}
	window_unzoom(dst.w);
	window_unzoom(src.w);
	if (args_has(a, 'f'))
		leaf = layout_split_full(&dst.w->layout, horizontal, size, before, NULL);
	else
		leaf = layout_split(dst.p->layout, horizontal, size, before, NULL);
	if (leaf == NULL)
		return cmd_error(ctx, "create pane failed: pane too small");
	p = src.p;
	if (window_marked_pane(ctx->srv) == p)
		ctx->srv->marked = 0; /* tmux: a joined pane is no longer marked */
	window_detach_pane(src.w, p);
	/* In the target's list next to it, as split-window places panes. */
	for (pp = &dst.w->panes; *pp != dst.p; pp = &(*pp)->next)
		;
	if (!before)
		pp = &(*pp)->next;
	p->next = *pp;
	*pp = p;
	p->window = dst.w;
	leaf->pane = p;
	p->layout = leaf;
	window_relayout(dst.w);
	if (!args_has(a, 'd')) {
		window_set_active(dst.w, p);
		session_select_window(dst.s, dst.w);
	}
	if (src.w != dst.w) {
		if (src.w->panes == NULL)
			window_destroy(src.w);
		else
			window_relayout(src.w);
	}
	return 0;
}

static int cmd_last_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct pane *last;

	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	last = window_last_pane(t.w);
	if (last == NULL)
		return cmd_error(ctx, "no last pane");
	if (args_has(a, 'd') || args_has(a, 'e'))
		return 0; /* input on/off is not modelled */
	if (args_has(a, 'Z') && t.w->zoomed) {
		window_unzoom(t.w);
		window_set_active(t.w, last);
		window_zoom(t.w, last);
		return 0;
	}
	window_set_active(t.w, last);
	return 0;
}

static int cmd_move_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target src, dst;
	struct window *other;
	uint32_t from;
	int index, select;

	if (args_has(a, 'r')) {
		size_t errlen = ctx->err.len;
		int status = ctx->status;

		/* tmux looks the session up quietly and does nothing if
		 * there is none. */
		if (target_session(ctx, args_get(a, 't'), &dst) != 0) {
			ctx->err.len = errlen;
			ctx->status = status;
			return 0;
		}
		session_renumber_windows(dst.s);
		return 0;
	}
	if (target_window(ctx, args_get(a, 's'), &src) != 0 ||
	    target_window_index(ctx, args_get(a, 't'), &dst, &index) != 0)
		return -1;
	if (args_get(a, 't') == NULL)
		index = src.w->index; /* like tmux: the current window's index */
	index = after_or_before(dst.s, index, a);
	other = index >= 0 ? window_find_index(dst.s, index) : NULL;
	if (other == src.w)
		return cmd_error(ctx, "same index: %d", index);
	if (other != NULL && !args_has(a, 'k'))
		return cmd_error(ctx, "index in use: %d", index);
	from = src.w->session->id; /* the move may destroy that session */
	/* Killing the current window selects the new one even with -d. */
	select = !args_has(a, 'd') || (other != NULL && other == dst.s->current);
	if (other != NULL) {
		/* Move in first, so that the destination session is never left
		 * without windows by the kill. */
		window_move(src.w, dst.s, -1, select);
		window_destroy(other);
		window_move(src.w, dst.s, index, select);
	} else {
		window_move(src.w, dst.s, index, select);
	}
	if (!args_has(a, 's') && session_find_id(ctx->srv, from) != NULL &&
	    options_number(session_options(session_find_id(ctx->srv, from)), "renumber-windows"))
		session_renumber_windows(session_find_id(ctx->srv, from));
	return 0;
}

/* Exchange two windows' places. The sessions keep their current index, so
 * the window shown there changes, as in tmux (whose current is a slot). */
static int cmd_swap_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target src, dst;
	struct session *ss, *ds;
	int scur, dcur;

	if (target_window(ctx, default_marked(ctx, args_get(a, 's')), &src) != 0 ||
	    target_window(ctx, args_get(a, 't'), &dst) != 0)
		return -1;
	if (src.w == dst.w)
		return 0;
	ss = src.w->session;
	ds = dst.w->session;
	scur = ss->current != NULL ? ss->current->index : -1;
	dcur = ds->current != NULL ? ds->current->index : -1;
	if (args_has(a, 'd')) {
		/* tmux 3.3 selects the destination slot, where the source
		 * window now is (measured; the manual says otherwise). */
		scur = src.w->index;
		dcur = dst.w->index;
	}
	window_swap(src.w, dst.w);
	ctx->srv->marked = 0; /* as tmux */
	/* the last-window stacks keep their slots, as tmux's winlinks */
	if (ss != ds) {
		session_last_replace(ss, src.w, dst.w);
		session_last_replace(ds, dst.w, src.w);
	} else {
		session_last_swap(ss, src.w, dst.w);
	}
	ss->current = window_find_index(ss, scur);
	ds->current = window_find_index(ds, dcur);
	session_last_remove(ss, ss->current);
	session_last_remove(ds, ds->current);
	return 0;
}

const struct cmd_entry cmd_layout_entries[] = {
	{"select-layout", "selectl", "Enopt:", 0, 1, "[-Enop] [-t target-pane] [layout-name]",
	 cmd_select_layout},
	{"next-layout", "nextl", "t:", 0, 0, "[-t target-window]", cmd_next_layout},
	{"previous-layout", "prevl", "t:", 0, 0, "[-t target-window]", cmd_previous_layout},
	{"resize-pane", "resizep", "DLMRTUZx:y:t:", 0, 1,
	 "[-DLMRTUZ] [-x width] [-y height] [-t target-pane] [adjustment]", cmd_resize_pane},
	{"swap-pane", "swapp", "dDUZs:t:", 0, 0, "[-dDUZ] [-s src-pane] [-t dst-pane]",
	 cmd_swap_pane},
	{"break-pane", "breakp", "abdPF:n:s:t:", 0, 0,
	 "[-abdP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]", cmd_break_pane},
	{"join-pane", "joinp", "bdfhvl:p:s:t:", 0, 0,
	 "[-bdfhv] [-l size] [-s src-pane] [-t dst-pane]", cmd_join_pane},
	{"move-pane", "movep", "bdfhvl:p:s:t:", 0, 0,
	 "[-bdfhv] [-l size] [-s src-pane] [-t dst-pane]", cmd_join_pane},
	{"last-pane", "lastp", "deZt:", 0, 0, "[-deZ] [-t target-window]", cmd_last_pane},
	{"move-window", "movew", "abdkrs:t:", 0, 0, "[-abdkr] [-s src-window] [-t dst-window]",
	 cmd_move_window},
	{"swap-window", "swapw", "ds:t:", 0, 0, "[-d] [-s src-window] [-t dst-window]",
	 cmd_swap_window},
	{"rotate-window", "rotatew", "DUt:Z", 0, 0, "[-DUZ] [-t target-window]", cmd_rotate_window},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
