/*
 * choose_tree: tree mode (choose-tree), the sessions, their windows and the
 * windows' panes in the mode tree of server/choose.c. A window with one pane
 * has no pane items, as in tmux. The preview of a session shows its windows
 * side by side, of a window its panes, each cropped to its column with a
 * label in the middle; of a pane, its screen. Enter runs the template with
 * the item's target; x kills the item after a confirmation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "render/style.h"
#include "server/choose_mode.h"
#include "server/server.h"
#include "term/key.h"
#include "util/buf.h"

enum { SORT_INDEX, SORT_NAME, SORT_TIME };

/* tmux's default format: a pane, a window or a session line (a pane's title
 * shows when it is set and is not the host name) */
#define TITLE_SET "#{&&:#{pane_title},#{!=:#{pane_title},#{host_short}}}"
#define TREE_FORMAT                                                             \
	"#{?pane_format,"                                                       \
	"#{pane_current_command}#{?pane_active,*,}#{?pane_marked,M,}"           \
	"#{?" TITLE_SET ",: \"#{pane_title}\",},"                               \
	"#{?window_format,"                                                     \
	"#{window_name}#{window_flags}"                                         \
	"#{?#{&&:#{==:#{window_panes},1}," TITLE_SET "},: \"#{pane_title}\",}," \
	"#{session_windows} windows#{?session_attached, (attached),}}}"

/* ---- sorting ---- */

static uint64_t window_activity(const struct window *w)
{
	uint64_t t = 0;

	for (const struct pane *p = w->panes; p != NULL; p = p->next) {
		if (p->last_output > t)
			t = p->last_output;
	}
	return t;
}

static int compare_sessions(const void *a, const void *b, int by)
{
	const struct session *x = *(struct session *const *)a, *y = *(struct session *const *)b;

	if (by == SORT_NAME)
		return strcmp(x->name, y->name);
	if (by == SORT_TIME)
		return x->activity > y->activity ? -1
						 : x->activity < y->activity; /* recent first */
	return x->id < y->id ? -1 : x->id > y->id;
}

static int compare_windows(const void *a, const void *b, int by)
{
	const struct window *x = *(struct window *const *)a, *y = *(struct window *const *)b;
	uint64_t tx, ty;
	int r = 0;

	if (by == SORT_NAME) {
		r = strcmp(x->name, y->name);
	} else if (by == SORT_TIME) {
		tx = window_activity(x);
		ty = window_activity(y);
		r = tx > ty ? -1 : tx < ty;
	}
	return r != 0 ? r : x->index - y->index;
}

/* ---- the items ---- */

static int pane_kept(struct pane *mode, struct pane *p)
{
	struct format_ctx fc;

	format_ctx_pane(&fc, p->srv, p);
	return choose_kept(mode, &fc);
}

static int window_kept(struct pane *mode, struct window *w)
{
	for (struct pane *p = w->panes; p != NULL; p = p->next) {
		if (pane_kept(mode, p))
			return 1;
	}
	return 0;
}

static void add_panes(struct pane *mode, struct window *w)
{
	struct format_ctx fc;
	char id[16], *name, *target, *text;

	for (struct pane *p = w->panes; p != NULL; p = p->next) {
		if (!pane_kept(mode, p))
			continue;
		format_ctx_pane(&fc, p->srv, p);
		name = format_expand("#{pane_index}", &fc);
		target = xasprintf("=%s:%d.%%%u", w->session->name, w->index, p->id);
		text = format_expand(choose_format(mode), &fc);
		snprintf(id, sizeof id, "%%%u", p->id);
		choose_add(mode, 2, id, name, target, text, p);
		free(name);
		free(target);
		free(text);
	}
}

static void add_window(struct pane *mode, struct window *w)
{
	struct format_ctx fc;
	char id[16], name[16], *target, *text;

	format_ctx_window(&fc, w->srv, w);
	snprintf(id, sizeof id, "@%u", w->id);
	snprintf(name, sizeof name, "%d", w->index);
	target = xasprintf("=%s:%d.", w->session->name, w->index);
	text = format_expand(choose_format(mode), &fc);
	choose_add(mode, 1, id, name, target, text, w);
	free(target);
	free(text);
	if (window_count_panes(w) > 1)
		add_panes(mode, w);
}

static void add_session(struct pane *mode, struct session *s)
{
	struct window **ws;
	struct format_ctx fc;
	char id[16], *target, *text;
	int n = 0;

	ws = xcalloc((size_t)session_count_windows(s) + 1, sizeof *ws);
	for (struct window *w = s->windows; w != NULL; w = w->next) {
		if (window_kept(mode, w))
			ws[n++] = w;
	}
	if (n > 0) {
		choose_order(mode, ws, (size_t)n, sizeof *ws, compare_windows);
		format_ctx_session(&fc, s->srv, s);
		snprintf(id, sizeof id, "$%u", s->id);
		target = xasprintf("=%s:", s->name);
		text = format_expand(choose_format(mode), &fc);
		choose_add(mode, 0, id, s->name, target, text, s);
		free(target);
		free(text);
		for (int i = 0; i < n; i++)
			add_window(mode, ws[i]);
	}
	free(ws);
}

static void build(struct pane *mode)
{
	struct session **ss, *s;
	int n = 0;

	for (s = mode->srv->sessions; s != NULL; s = s->next)
		n++;
	ss = xcalloc((size_t)n + 1, sizeof *ss);
	n = 0;
	for (s = mode->srv->sessions; s != NULL; s = s->next)
		ss[n++] = s;
	choose_order(mode, ss, (size_t)n, sizeof *ss, compare_sessions);
	for (int i = 0; i < n; i++)
		add_session(mode, ss[i]);
	free(ss);
}

/* The pane the mode is in, or its window if that has no pane items; with
 * -s or -w, choose.c shows its shown ancestor. */
static char *start(struct pane *mode)
{
	if (mode->window == NULL || window_count_panes(mode->window) > 1)
		return xasprintf("%%%u", mode->id);
	return xasprintf("@%u", mode->window->id);
}

/* ---- the preview ---- */

/* Where a w-cell slice of size cells starts to show the cursor at c: from
 * 0, or with the cursor a third of the way in (as tmux's previews). */
static int preview_origin(int c, int w, int size)
{
	int o = c < w / 3 ? 0 : c - w / 3;

	if (o + w > size)
		o = size - w;
	return o < 0 ? 0 : o;
}

void choose_draw_screen(struct choose_area *a, struct pane *p, int x, int y, int w, int h)
{
	int rows, cols, cy = 0, cx = 0, px, py;

	if (p->grid == NULL)
		return;
	rows = grid_rows(p->grid);
	cols = grid_cols(p->grid);
	if (grid_cursor_visible(p->grid))
		grid_cursor(p->grid, &cy, &cx);
	px = preview_origin(cx, w, cols);
	py = preview_origin(cy, h, rows);
	for (int r = 0; r < h && py + r < rows; r++) {
		const struct grid_cell *line = grid_line(p->grid, py + r);

		for (int col = 0; col < w && px + col < cols; col++) {
			struct grid_cell cell = line[px + col];

			if (cell.width == 0 || (cell.width == 2 && col + 1 >= w))
				continue;
			if (cell.ch == 0 || (cell.flags & GRID_CELL_COMBINED)) {
				char text[32];

				if (cell.ch == 0)
					cell.ch = ' ';
				else if (grid_cell_utf8(p->grid, &line[px + col], text) > 0)
					cell.ch = (unsigned char)text[0] < 0x80 ? (uint32_t)text[0]
										: '?';
			}
			choose_put(a, y + r, x + col, cell.ch, cell.width, &cell);
		}
	}
}

/* The label in the middle of a column: " text " in a box, in
 * display-panes-active-colour for the current one, else display-panes-colour. */
static void draw_label(struct pane *mode, struct choose_area *a, int x, int y, int w, int h,
		       const char *text, int active)
{
	struct grid_cell base = {.ch = ' ', .width = 1}, pen, textpen;
	struct options *o = session_options(mode->window->session);
	char *style, *label = xasprintf(" %s ", text);
	int len = (int)strlen(label), bx, by = y + h / 2 - 1;

	style = xasprintf("fg=%s", options_string(o, active ? "display-panes-active-colour"
							    : "display-panes-colour"));
	textpen = style_pen(style, &base);
	pen = base;
	if (len + 2 <= w && h >= 3) {
		bx = x + (w - len - 2) / 2;
		for (int i = 0; i < len + 2; i++) {
			choose_put(a, by, bx + i,
				   i == 0	  ? 0x250c
				   : i == len + 1 ? 0x2510
						  : 0x2500,
				   1, &pen);
			choose_put(a, by + 2, bx + i,
				   i == 0	  ? 0x2514
				   : i == len + 1 ? 0x2518
						  : 0x2500,
				   1, &pen);
			choose_put(a, by + 1, bx + i, ' ', 1, &pen);
		}
		choose_put(a, by + 1, bx, 0x2502, 1, &pen);
		choose_put(a, by + 1, bx + len + 1, 0x2502, 1, &pen);
		choose_put_text(a, by + 1, bx + 1, bx + 1 + len, label, &textpen);
	}
	free(style);
	free(label);
}

struct column {
	struct pane *p; /* shown in it */
	char *label;
	int active;
};

/* The first of n columns shown when fit fit: the active one shown, moved by
 * < and > (the preview's shift). */
static int first_column(struct pane *mode, struct column *cols, int n, int fit)
{
	int start = 0, first;

	for (int i = 0; i < n; i++) {
		if (cols[i].active && i >= fit)
			start = i - fit + 1;
	}
	first = start + choose_preview_shift(mode);
	if (first > n - fit)
		first = n - fit;
	if (first < 0)
		first = 0;
	choose_set_preview_shift(mode, first - start); /* no further than the ends */
	return first;
}

/* A vertical line at column x, from row y for h rows. */
static void draw_rule(struct choose_area *a, int x, int y, int h)
{
	struct grid_cell pen = {.ch = ' ', .width = 1};

	for (int r = 0; r < h; r++)
		choose_put(a, y + r, x, 0x2502, 1, &pen);
}

/* " < " or " > " in a 3-cell area at x, for the columns left out. */
static void draw_arrow(struct choose_area *a, int x, int y, int h, uint32_t arrow)
{
	struct grid_cell pen = {.ch = ' ', .width = 1};

	choose_put(a, y + h / 2, x + 1, arrow, 1, &pen);
}

/* Columns side by side in the box (as tmux: at least 24 cells each, or
 * fewer columns with < and > at the sides), split by lines. */
static void draw_columns(struct pane *mode, struct choose_area *a, int top, int bottom,
			 struct column *cols, int n)
{
	int x = 2, w = a->w - 3, y = top + 1, h = bottom - top - 1, fit = n, first = 0;
	int left, right, each;

	if (n == 0 || w < 1 || h < 1)
		return;
	if (w / n < 24)
		fit = w / 24 > 0 ? w / 24 : 1;
	if (fit < n)
		first = first_column(mode, cols, n, fit);
	left = first > 0 && w > 4 * fit + 8;
	right = first + fit < n && w > 4 * fit + 8;
	if (left) {
		draw_arrow(a, x, y, h, '<');
		draw_rule(a, x + 3, y, h);
		x += 4;
		w -= 4;
	}
	if (right) {
		draw_rule(a, x + w - 4, y, h);
		draw_arrow(a, x + w - 3, y, h, '>');
		w -= 4;
	}
	each = (w - (fit - 1)) / fit;
	for (int i = 0; i < fit; i++) {
		struct column *c = &cols[first + i];
		int cw = i == fit - 1 ? w : each;

		choose_draw_screen(a, c->p, x, y, cw, h);
		draw_label(mode, a, x, y, cw, h, c->label, c->active);
		if (i < fit - 1)
			draw_rule(a, x + cw, y, h);
		x += cw + 1;
		w -= cw + 1;
	}
}

static void preview_window(struct pane *mode, struct choose_area *a, int top, int bottom,
			   struct window *w)
{
	struct column cols[64];
	int n = 0;

	for (struct pane *p = w->panes; p != NULL && n < 64; p = p->next, n++) {
		struct format_ctx fc;

		format_ctx_pane(&fc, p->srv, p);
		cols[n].p = p;
		cols[n].label = format_expand("#{pane_index}", &fc);
		cols[n].active = p == w->active;
	}
	draw_columns(mode, a, top, bottom, cols, n);
	for (int i = 0; i < n; i++)
		free(cols[i].label);
}

static void preview_session(struct pane *mode, struct choose_area *a, int top, int bottom,
			    struct session *s)
{
	struct column cols[64];
	int n = 0;

	for (struct window *w = s->windows; w != NULL && n < 64; w = w->next) {
		struct format_ctx fc;

		if (w->active == NULL)
			continue;
		format_ctx_window(&fc, w->srv, w);
		cols[n].p = w->active;
		cols[n].label = format_expand("#{window_index}:#{window_name}", &fc);
		cols[n].active = w == s->current;
		n++;
	}
	draw_columns(mode, a, top, bottom, cols, n);
	for (int i = 0; i < n; i++)
		free(cols[i].label);
}

static void preview(struct pane *mode, struct choose_item *it, struct choose_area *a, int top,
		    int bottom)
{
	if (it->depth == 0)
		preview_session(mode, a, top, bottom, it->obj);
	else if (it->depth == 1)
		preview_window(mode, a, top, bottom, it->obj);
	else
		choose_draw_screen(a, it->obj, 2, top + 1, a->w - 3, bottom - top - 1);
}

/* ---- killing ---- */

/* "kill-session -t '$1'" for an item. */
static void kill_command(struct choose_item *it, struct buf *b)
{
	static const char *const cmds[] = {"kill-session", "kill-window", "kill-pane"};

	if (b->len > 0)
		buf_adds(b, " ; ");
	buf_adds(b, cmds[it->depth]);
	buf_adds(b, " -t ");
	parse_quote(b, it->id);
}

/* x and X: kill the current or the tagged items once confirmed (y), with
 * tmux's prompts. */
static void kill_items(struct peer *c, struct pane *mode, int tagged)
{
	static const char *const kinds[] = {"session", "window", "pane"};
	struct choose_item *cur = choose_current(mode);
	struct buf cmds, text;
	char *prompt;
	int n = 0;

	buf_init(&cmds);
	for (int i = 0; i < choose_count(mode); i++) {
		struct choose_item *it = choose_item(mode, i);

		if (tagged ? it->tagged : it == cur) {
			kill_command(it, &cmds);
			n++;
		}
	}
	if (n > 0) {
		if (tagged)
			prompt = xasprintf("Kill %d tagged?", n);
		else
			prompt = xasprintf("Kill %s %s?", kinds[cur->depth], cur->name);
		buf_init(&text);
		buf_adds(&text, "confirm-before -p ");
		parse_quote(&text, prompt);
		buf_addc(&text, ' ');
		parse_quote(&text, buf_cstr(&cmds));
		choose_run_text(c, mode, buf_cstr(&text));
		buf_free(&text);
		free(prompt);
	}
	buf_free(&cmds);
}

/* ---- searching and the other keys ---- */

/* tmux's search: a session's name, a window's name, the command running in
 * a pane. */
static int search(struct pane *mode, struct choose_item *it, const char *text)
{
	struct format_ctx fc;
	char *name;
	int hit;

	if (it->depth == 0)
		return strstr(((struct session *)it->obj)->name, text) != NULL;
	if (it->depth == 1) {
		/* as shown: an automatic name is made when asked for */
		format_ctx_window(&fc, mode->srv, it->obj);
		name = format_expand("#{window_name}", &fc);
	} else {
		name = pane_current_command(it->obj);
	}
	hit = name != NULL && strstr(name, text) != NULL;
	free(name);
	return hit;
}

/* The pane an item stands for: a session's current window's active pane,
 * a window's active pane. */
static struct pane *item_pane(struct choose_item *it)
{
	struct window *w;

	if (it->depth == 2)
		return it->obj;
	w = it->depth == 1 ? it->obj : ((struct session *)it->obj)->current;
	return w != NULL ? w->active : NULL;
}

/* m marks the current item's pane (as select-pane -m, but never unmarks),
 * M clears the mark. */
static void set_marked(struct pane *mode, int on)
{
	struct server *srv = mode->srv;
	struct choose_item *cur = choose_current(mode);
	struct pane *old = window_marked_pane(srv), *p = cur != NULL ? item_pane(cur) : NULL;

	if (on && p == NULL)
		return;
	srv->marked = on ? p->id + 1 : 0;
	if (old != NULL && old->window != NULL)
		attach_mark_session(old->window->session);
	if (on && p->window != NULL)
		attach_mark_session(p->window->session);
}

/* :'s command for each tagged item, or the current one if none is: the
 * first %% (and every %1) is the item's target, as in the template. */
static void command_answered(struct peer *c, struct pane *mode, const char *text)
{
	struct choose_item *cur = choose_current(mode);
	char **targets;
	int n = 0, tagged = 0;

	for (int i = 0; i < choose_count(mode); i++)
		tagged += choose_item(mode, i)->tagged;
	targets = xcalloc((size_t)choose_count(mode) + 1, sizeof *targets);
	for (int i = 0; i < choose_count(mode); i++) {
		struct choose_item *it = choose_item(mode, i);

		if (tagged ? it->tagged : it == cur)
			targets[n++] = xstrdup(it->target);
	}
	/* each runs on its own (a failure stops only its own), and may change
	 * the items: the targets were copied */
	for (int i = 0; i < n; i++) {
		char *resp[1] = {targets[i]}, *cmd = keys_template(text, resp, 1);

		choose_run_text(c, mode, cmd);
		free(cmd);
		free(targets[i]);
	}
	free(targets);
}

static void command_key(struct peer *c, struct pane *mode)
{
	int tagged = 0;
	char *label;

	for (int i = 0; i < choose_count(mode); i++)
		tagged += choose_item(mode, i)->tagged;
	if (tagged > 0)
		label = xasprintf("(%d tagged) ", tagged);
	else
		label = xstrdup("(current) ");
	choose_prompt(c, mode, label, "", PROMPT_TYPE_COMMAND, command_answered);
	free(label);
}

/* H (back to the pane the mode is in), m, M and :. */
static int key(struct peer *c, struct pane *mode, const struct key *k)
{
	char *id;
	int i;

	if (k->kind != KEY_CHAR || k->mod != 0)
		return 0;
	switch (k->cp) {
	case 'H':
		id = start(mode);
		i = choose_index(mode, id);
		free(id);
		if (i >= 0)
			choose_show(mode, i);
		return 1;
	case 'm':
	case 'M':
		set_marked(mode, k->cp == 'm');
		return 1;
	case ':':
		command_key(c, mode);
		return 1;
	default:
		return 0;
	}
}

static const char *const sorts[] = {"index", "name", "time"};

const struct choose_mode choose_tree_mode = {
	.name = "tree-mode",
	.format = TREE_FORMAT,
	.tmpl = "switch-client -t '%%'",
	.sorts = sorts,
	.nsorts = 3,
	.kill_key = 'x',
	.run_tagged_key = 0,
	.build = build,
	.preview = preview,
	.kill = kill_items,
	.key = key,
	.start = start,
	.search = search,
};
