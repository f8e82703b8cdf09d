/*
 * choose: the mode tree shared by buffer, tree and client mode (see choose.h;
 * choose_mode.h is what each mode gives it). The list is rebuilt by the
 * mode whenever it is drawn or a key is handled, so it follows the objects
 * added or deleted meanwhile; the current line, tags and expansion are kept
 * by item id.
 */
#include "server/choose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tickit.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "render/style.h"
#include "server/choose_mode.h"
#include "server/clock.h"
#include "server/copy.h"
#include "server/server.h"
#include "term/key.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/utf8.h"

/* Shortcut keys: 0-9, then M-a to M-z. */
#define CHOOSE_SHORTCUTS 36

/* A set of item ids. */
struct idset {
	char **ids;
	int n;
};

struct choose {
	const struct choose_mode *mode;
	char *tmpl, *format, *filter;
	char *keys; /* -K format, or NULL */
	int sort, reverse, preview, zoomed;
	int filtering;	 /* the filter applies to this build */
	int no_matches;	 /* the filter hid everything, so it was ignored */
	char *search;	 /* the last search (C-s), for n and N */
	unsigned serial; /* tells this mode from a later one in the pane */
	struct choose_item *items;
	int n, cap;
	int *lines; /* the items shown, in order */
	int nlines;
	char *current; /* id of the current item */
	int offset;    /* first line shown */
	int shift;     /* of the preview, by < and > */
	struct idset tags;
	struct idset collapsed; /* items are expanded unless here */
};

/* ---- id sets ---- */

static int idset_has(const struct idset *s, const char *id)
{
	for (int i = 0; i < s->n; i++) {
		if (strcmp(s->ids[i], id) == 0)
			return 1;
	}
	return 0;
}

static void idset_set(struct idset *s, const char *id, int on)
{
	for (int i = 0; i < s->n; i++) {
		if (strcmp(s->ids[i], id) == 0) {
			if (!on) {
				free(s->ids[i]);
				s->ids[i] = s->ids[--s->n];
			}
			return;
		}
	}
	if (on) {
		s->ids = xrealloc(s->ids, sizeof *s->ids * (size_t)(s->n + 1));
		s->ids[s->n++] = xstrdup(id);
	}
}

static void idset_clear(struct idset *s)
{
	while (s->n > 0)
		free(s->ids[--s->n]);
}

static void idset_free(struct idset *s)
{
	idset_clear(s);
	free(s->ids);
	s->ids = NULL;
}

/* ---- the list ---- */

static const struct choose_mode *mode_for(enum choose_kind kind)
{
	if (kind == CHOOSE_CLIENT)
		return &choose_client_mode;
	if (kind == CHOOSE_CUSTOMIZE)
		return &choose_customize_mode;
	return kind == CHOOSE_TREE ? &choose_tree_mode : &choose_buffer_mode;
}

int choose_sort_parse(enum choose_kind kind, const char *name)
{
	const struct choose_mode *m = mode_for(kind);

	if (name == NULL)
		return 0;
	for (int i = 0; i < m->nsorts; i++) {
		if (strcmp(m->sorts[i], name) == 0)
			return i;
	}
	return -1;
}

const char *choose_mode_name(struct pane *p)
{
	return p->choose != NULL ? p->choose->mode->name : "";
}

int choose_shows_all(struct pane *p)
{
	return p->choose != NULL && p->choose->mode != &choose_buffer_mode;
}

int choose_preview_shift(struct pane *p)
{
	return p->choose->shift;
}

void choose_set_preview_shift(struct pane *p, int shift)
{
	p->choose->shift = shift;
}

/* The sort key and direction go with the call (qsort_r), not in statics. */
struct order {
	choose_compare *compare;
	int by, reverse;
};

static int order_compare(const void *a, const void *b, void *arg)
{
	const struct order *o = arg;
	int r = o->compare(a, b, o->by);

	return o->reverse ? -r : r;
}

void choose_order(struct pane *p, void *items, size_t n, size_t size, choose_compare *compare)
{
	struct order o = {compare, p->choose->sort, p->choose->reverse};

	qsort_r(items, n, size, order_compare, &o);
}

const char *choose_format(struct pane *p)
{
	return p->choose->format != NULL ? p->choose->format : p->choose->mode->format;
}

int choose_kept(struct pane *p, const struct format_ctx *fc)
{
	return !p->choose->filtering || format_true(p->choose->filter, fc);
}

void choose_add(struct pane *p, int depth, const char *id, const char *name, const char *target,
		const char *text, void *obj)
{
	struct choose *ch = p->choose;
	struct choose_item *it;

	if (ch->n == ch->cap) {
		ch->cap = ch->cap == 0 ? 16 : ch->cap * 2;
		ch->items = xrealloc(ch->items, sizeof *ch->items * (size_t)ch->cap);
	}
	it = &ch->items[ch->n++];
	memset(it, 0, sizeof *it);
	it->id = xstrdup(id);
	it->name = xstrdup(name);
	it->target = xstrdup(target);
	it->text = text != NULL ? xstrdup(text) : NULL;
	it->obj = obj;
	it->depth = depth;
}

static void clear_items(struct choose *ch)
{
	for (int i = 0; i < ch->n; i++) {
		free(ch->items[i].id);
		free(ch->items[i].name);
		free(ch->items[i].target);
		free(ch->items[i].text);
	}
	ch->n = 0;
	ch->nlines = 0;
}

/* An item without children gets "  " for the symbol when a sibling has
 * some, so that the names line up. */
static void pad_items(struct choose *ch)
{
	/* whether the children of item i (of the top level: index n) have any */
	char *nested = xcalloc((size_t)ch->n + 1, 1);

	for (int i = 0; i < ch->n; i++) {
		if (ch->items[i].children)
			nested[ch->items[i].parent >= 0 ? ch->items[i].parent : ch->n] = 1;
	}
	for (int i = 0; i < ch->n; i++) {
		struct choose_item *it = &ch->items[i];

		it->pad = !it->children && nested[it->parent >= 0 ? it->parent : ch->n];
	}
	free(nested);
}

/* Parents, children, last siblings and padding from the depths. */
static void link_items(struct choose *ch)
{
	int parents[8] = {-1, -1, -1, -1, -1, -1, -1, -1};

	for (int i = 0; i < ch->n; i++) {
		struct choose_item *it = &ch->items[i];
		int j;

		it->parent = it->depth > 0 && it->depth < 8 ? parents[it->depth - 1] : -1;
		if (it->depth < 8)
			parents[it->depth] = i;
		it->children = i + 1 < ch->n && ch->items[i + 1].depth > it->depth;
		it->last = 1;
		for (j = i + 1; j < ch->n && ch->items[j].depth >= it->depth; j++) {
			if (ch->items[j].depth == it->depth) {
				it->last = 0;
				break;
			}
		}
		it->expanded = !idset_has(&ch->collapsed, it->id);
		it->tagged = idset_has(&ch->tags, it->id);
	}
	pad_items(ch);
}

/* The lines: items whose ancestors are all expanded. */
static void find_lines(struct choose *ch)
{
	ch->lines = xrealloc(ch->lines, sizeof *ch->lines * (size_t)(ch->n + 1));
	ch->nlines = 0;
	for (int i = 0; i < ch->n; i++) {
		struct choose_item *it = &ch->items[i];
		struct choose_item *up = it->parent >= 0 ? &ch->items[it->parent] : NULL;

		it->shown = up == NULL || (up->shown && up->expanded);
		if (it->shown)
			ch->lines[ch->nlines++] = i;
	}
}

static void build(struct pane *p)
{
	struct choose *ch = p->choose;

	clear_items(ch);
	ch->filtering = ch->filter != NULL;
	ch->mode->build(p);
	ch->no_matches = ch->n == 0 && ch->filter != NULL;
	if (ch->no_matches) {
		ch->filtering = 0; /* as tmux: a filter that hides everything is ignored */
		ch->mode->build(p);
	}
	link_items(ch);
	find_lines(ch);
}

void choose_rebuild(struct pane *p)
{
	build(p);
}

const struct choose_mode *choose_mode_of(struct pane *p)
{
	return p->choose->mode;
}

int choose_count(struct pane *p)
{
	return p->choose->n;
}

struct choose_item *choose_item(struct pane *p, int i)
{
	return &p->choose->items[i];
}

/* The line of the current item (or of its nearest shown ancestor). */
static int current_line(struct choose *ch)
{
	int i;

	for (i = 0; ch->current != NULL && i < ch->n; i++) {
		if (strcmp(ch->items[i].id, ch->current) == 0)
			break;
	}
	if (i == ch->n)
		return 0; /* it went away: the top, as tmux */
	while (!ch->items[i].shown && ch->items[i].parent >= 0)
		i = ch->items[i].parent;
	for (int l = 0; l < ch->nlines; l++) {
		if (ch->lines[l] == i)
			return l;
	}
	return 0;
}

struct choose_item *choose_current(struct pane *p)
{
	struct choose *ch = p->choose;

	return ch->nlines == 0 ? NULL : &ch->items[ch->lines[current_line(ch)]];
}

static void set_current_id(struct choose *ch, const char *id)
{
	char *copy = xstrdup(id);

	if (ch->current == NULL || strcmp(ch->current, id) != 0)
		ch->shift = 0;
	free(ch->current);
	ch->current = copy;
}

static void set_current(struct choose *ch, int line)
{
	if (ch->nlines == 0)
		return;
	line = ((line % ch->nlines) + ch->nlines) % ch->nlines; /* Up at the top wraps, as tmux */
	set_current_id(ch, ch->items[ch->lines[line]].id);
}

int choose_index(struct pane *p, const char *id)
{
	struct choose *ch = p->choose;

	for (int i = 0; id != NULL && i < ch->n; i++) {
		if (strcmp(ch->items[i].id, id) == 0)
			return i;
	}
	return -1;
}

int choose_current_index(struct pane *p)
{
	struct choose *ch = p->choose;
	int i = choose_index(p, ch->current);

	return i >= 0 || ch->nlines == 0 ? i : ch->lines[0];
}

void choose_show(struct pane *p, int i)
{
	struct choose *ch = p->choose;

	for (int up = ch->items[i].parent; up >= 0; up = ch->items[up].parent)
		idset_set(&ch->collapsed, ch->items[up].id, 0);
	set_current_id(ch, ch->items[i].id);
	link_items(ch);
	find_lines(ch);
}

const char *choose_filter(struct pane *p)
{
	return p->choose->filter;
}

void choose_set_filter(struct pane *p, const char *filter)
{
	free(p->choose->filter);
	p->choose->filter = filter != NULL && *filter != '\0' ? xstrdup(filter) : NULL;
	build(p);
	/* a current item the filter hid is left for the top line, and stays
	 * left when the filter changes again (tmux) */
	set_current(p->choose, current_line(p->choose));
}

const char *choose_search_text(struct pane *p)
{
	return p->choose->search;
}

void choose_set_search(struct pane *p, const char *text)
{
	free(p->choose->search);
	p->choose->search = text != NULL && *text != '\0' ? xstrdup(text) : NULL;
}

unsigned choose_serial(struct pane *p)
{
	return p->choose->serial;
}

void choose_move_down(struct pane *p)
{
	struct choose *ch = p->choose;
	int cur = current_line(ch);

	if (cur + 1 < ch->nlines)
		set_current(ch, cur + 1);
}

/* ---- lifetime ---- */

static void set_settings(struct choose *ch, const struct choose_options *o)
{
	free(ch->tmpl);
	free(ch->format);
	free(ch->filter);
	free(ch->keys);
	ch->mode = mode_for(o->kind);
	ch->keys = o->keys != NULL ? xstrdup(o->keys) : NULL;
	ch->tmpl = xstrdup(o->tmpl != NULL ? o->tmpl : ch->mode->tmpl);
	ch->format = o->format != NULL ? xstrdup(o->format) : NULL;
	ch->filter = o->filter != NULL ? xstrdup(o->filter) : NULL;
	ch->sort = o->sort;
	ch->reverse = o->reverse;
	ch->preview = !o->no_preview;
}

/* -s and -w: the items there are at the start collapsed (those added later
 * come expanded, as in tmux). */
static void collapse_start(struct pane *p, enum choose_collapse collapse)
{
	struct choose *ch = p->choose;
	int from = collapse == CHOOSE_COLLAPSE_WINDOWS ? 1 : 0;

	idset_clear(&ch->collapsed);
	if (collapse == CHOOSE_EXPANDED)
		return;
	build(p);
	for (int i = 0; i < ch->n; i++) {
		if (ch->items[i].depth >= from && ch->items[i].children)
			idset_set(&ch->collapsed, ch->items[i].id, 1);
	}
}

void choose_enter(struct pane *p, const struct choose_options *o)
{
	struct choose *ch;
	char *start;

	if (p->copy != NULL)
		copy_exit(p);
	clock_exit(p);
	if (p->choose != NULL && p->choose->mode != mode_for(o->kind))
		choose_exit(p);
	if (p->choose == NULL) {
		static unsigned serials;

		p->choose = xcalloc(1, sizeof *p->choose);
		p->choose->serial = ++serials;
	}
	ch = p->choose;
	set_settings(ch, o);
	if (o->zoom && !ch->zoomed && p->window != NULL && window_zoom(p->window, p) == 0)
		ch->zoomed = 1;
	collapse_start(p, o->collapse);
	build(p);
	start = ch->mode->start(p);
	if (start != NULL)
		set_current_id(ch, start);
	free(start);
	set_current(ch, current_line(ch)); /* the start, or its shown ancestor */
	ch->offset = 0;
	if (p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

void choose_free(struct pane *p)
{
	struct choose *ch = p->choose;

	if (ch == NULL)
		return;
	clear_items(ch);
	idset_free(&ch->tags);
	idset_free(&ch->collapsed);
	free(ch->items);
	free(ch->lines);
	free(ch->current);
	free(ch->tmpl);
	free(ch->format);
	free(ch->filter);
	free(ch->search);
	free(ch->keys);
	free(ch);
	p->choose = NULL;
}

void choose_exit(struct pane *p)
{
	int zoomed = p->choose != NULL && p->choose->zoomed;

	choose_free(p);
	if (zoomed && p->window != NULL)
		window_unzoom(p->window);
	if (p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

void choose_buffers_changed(struct server *srv)
{
	for (struct session *s = srv->sessions; s != NULL; s = s->next) {
		for (struct window *w = s->windows; w != NULL; w = w->next) {
			for (struct pane *p = w->panes; p != NULL; p = p->next) {
				if (p->choose != NULL)
					attach_mark_session(s);
			}
		}
	}
}

/* ---- keys ---- */

/* Command text for client c, or (keys sent by send-keys with no attached
 * client) with the pane as the current one. */
void choose_run_text(struct peer *c, struct pane *p, const char *text)
{
	struct cmd_ctx ctx;
	char **argv = NULL, *err = NULL;
	int argc = 0;

	if (c != NULL && c->state == PEER_ATTACHED) {
		attach_run_command(c, text);
		return;
	}
	if (parse_words(text, &argv, &argc, &err) != 0) {
		log_debug("choose: %s", err);
		free(err);
		return;
	}
	cmd_ctx_init(&ctx, p->srv, NULL);
	ctx.current = p;
	cmd_run(&ctx, argc, argv);
	parse_free(argv, argc);
	cmd_ctx_free(&ctx);
}

/* Leave the mode and run the template for the items chosen: the current
 * one, or (tagged) every tagged one. */
static void choose_run(struct peer *c, struct pane *p, int tagged)
{
	struct choose *ch = p->choose;
	struct choose_item *cur = choose_current(p);
	struct buf cmds;
	int any = 0;

	buf_init(&cmds);
	for (int i = 0; i < ch->n; i++) {
		char *resp[1] = {ch->items[i].target}, *cmd;

		if (tagged ? !ch->items[i].tagged : &ch->items[i] != cur)
			continue;
		cmd = keys_template(ch->tmpl, resp, 1);
		if (any)
			buf_adds(&cmds, " ; ");
		buf_adds(&cmds, cmd);
		free(cmd);
		any = 1;
	}
	choose_exit(p);
	if (any)
		choose_run_text(c, p, buf_cstr(&cmds));
	buf_free(&cmds);
}

/* Line's shortcut key, as a key name (malloc'd, "" for none): -K's format
 * with #{line}, or 0-9 then M-a..M-z. */
static char *line_key(struct pane *p, int line)
{
	struct choose *ch = p->choose;
	struct format_ctx fc;
	char num[16];
	const char *extra[2] = {"line", num};

	snprintf(num, sizeof num, "%d", line);
	if (ch->keys == NULL) {
		if (line < 10)
			return xstrdup(num);
		return line < CHOOSE_SHORTCUTS ? xasprintf("M-%c", 'a' + line - 10) : xstrdup("");
	}
	format_ctx_pane(&fc, p->srv, p);
	fc.extra = extra;
	fc.nextra = 1;
	return format_expand(ch->keys, &fc);
}

/* The line whose shortcut key k is, or -1. */
static int shortcut(struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	struct key lk;
	int line, n = ch->keys != NULL ? ch->nlines : CHOOSE_SHORTCUTS;

	for (line = 0; line < n && line < ch->nlines; line++) {
		char *name = line_key(p, line);
		int hit = *name != '\0' && key_parse(name, &lk) == 0 && key_equal(&lk, k);

		free(name);
		if (hit)
			return line;
	}
	return -1;
}

static int list_height(struct pane *p);

/* Keys that move the current line; returns 0 if k is not one. */
static int move_key(struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	int cur = current_line(ch), page = list_height(p), last = ch->nlines - 1;
	int ctrl = k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL;
	int plain = k->kind == KEY_CHAR && k->mod == 0;
	VTermKey sym = k->kind == KEY_SYM ? k->sym : VTERM_KEY_NONE;

	if (sym == VTERM_KEY_UP || (plain && k->cp == 'k') || (ctrl && k->cp == 'p'))
		set_current(ch, cur - 1);
	else if (sym == VTERM_KEY_DOWN || (plain && k->cp == 'j') || (ctrl && k->cp == 'n'))
		set_current(ch, cur + 1);
	else if (sym == VTERM_KEY_PAGEUP || (ctrl && k->cp == 'b'))
		set_current(ch, cur - page < 0 ? 0 : cur - page);
	else if (sym == VTERM_KEY_PAGEDOWN || (ctrl && k->cp == 'f'))
		set_current(ch, cur + page > last ? last : cur + page);
	else if (sym == VTERM_KEY_HOME || (plain && k->cp == 'g'))
		set_current(ch, 0);
	else if (sym == VTERM_KEY_END || (plain && k->cp == 'G'))
		set_current(ch, last);
	else
		return 0;
	return 1;
}

static void set_expanded(struct choose *ch, struct choose_item *it, int on)
{
	if (it->children && it->expanded != on)
		idset_set(&ch->collapsed, it->id, !on);
}

/* M-+ and M--: every top-level item, as tmux. */
static void set_top(struct choose *ch, int on)
{
	for (int i = 0; i < ch->n; i++) {
		if (ch->items[i].depth == 0)
			set_expanded(ch, &ch->items[i], on);
	}
}

/* Left, h, -: collapse the current item, or (when it is not expanded) go to
 * its parent and collapse that; at the top, up a line. */
static void collapse_key(struct pane *p, struct choose_item *it)
{
	struct choose *ch = p->choose;
	int cur = current_line(ch);

	if (it->children && it->expanded) {
		set_expanded(ch, it, 0);
	} else if (it->parent >= 0) {
		set_current_id(ch, ch->items[it->parent].id);
		set_expanded(ch, &ch->items[it->parent], 0);
	} else if (cur > 0) {
		set_current(ch, cur - 1);
	}
}

/* Right, l, +: expand the current item, or (when it is) down a line. */
static void expand_key(struct pane *p, struct choose_item *it)
{
	if (it->children && !it->expanded)
		set_expanded(p->choose, it, 1);
	else
		choose_move_down(p);
}

/* Keys that expand or collapse; 0 if k is not one. */
static int tree_key(struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	struct choose_item *it = choose_current(p);
	int plain = k->kind == KEY_CHAR && k->mod == 0;
	int alt = k->kind == KEY_CHAR && k->mod == VTERM_MOD_ALT;
	VTermKey sym = k->kind == KEY_SYM ? k->sym : VTERM_KEY_NONE;

	if (sym == VTERM_KEY_LEFT || (plain && (k->cp == 'h' || k->cp == '-')))
		collapse_key(p, it);
	else if (sym == VTERM_KEY_RIGHT || (plain && (k->cp == 'l' || k->cp == '+')))
		expand_key(p, it);
	else if (alt && (k->cp == '+' || k->cp == '-'))
		set_top(ch, k->cp == '+');
	else
		return 0;
	return 1;
}

/* Keys that change tags, sorting or the preview; 0 if k is not one. */
static int view_key(struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	int cur = current_line(ch);
	struct choose_item *it = &ch->items[ch->lines[cur]];

	if (k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && k->cp == 't') {
		for (int i = 0; i < ch->n; i++)
			idset_set(&ch->tags, ch->items[i].id, 1);
	} else if (k->kind != KEY_CHAR || k->mod != 0) {
		return 0;
	} else if (k->cp == 't') {
		idset_set(&ch->tags, it->id, !it->tagged);
		set_current(ch, cur + 1 < ch->nlines ? cur + 1 : cur);
	} else if (k->cp == 'T') {
		idset_clear(&ch->tags);
	} else if (k->cp == 'v') {
		ch->preview = !ch->preview;
	} else if (k->cp == '<' || k->cp == '>') {
		ch->shift += k->cp == '<' ? -1 : 1;
	} else if (k->cp == 'O' && ch->mode->nsorts > 0) {
		ch->sort = (ch->sort + 1) % ch->mode->nsorts;
	} else if (k->cp == 'r') {
		ch->reverse = !ch->reverse;
	} else {
		return 0;
	}
	return 1;
}

/* Keys that end the mode; 0 if k is not one. */
static int action_key(struct peer *c, struct pane *p, const struct key *k)
{
	const struct choose_mode *m = p->choose->mode;
	int plain = k->kind == KEY_CHAR && k->mod == 0, i;
	VTermKey sym = k->kind == KEY_SYM ? k->sym : VTERM_KEY_NONE;

	if ((i = shortcut(p, k)) >= 0) {
		set_current(p->choose, i);
		if (m->choose != NULL)
			m->choose(c, p);
		else
			choose_run(c, p, 0);
	} else if (sym == VTERM_KEY_ENTER && m->choose != NULL) {
		m->choose(c, p);
	} else if (sym == VTERM_KEY_ENTER || (plain && m->run_tagged_key != 0 && k->cp == 'p')) {
		choose_run(c, p, 0);
	} else if (plain && m->run_tagged_key != 0 && k->cp == (uint32_t)m->run_tagged_key) {
		choose_run(c, p, 1);
	} else if (plain && k->cp == (uint32_t)m->kill_key) {
		m->kill(c, p, 0);
	} else if (plain && k->cp == (uint32_t)m->kill_key - 'a' + 'A') {
		m->kill(c, p, 1);
	} else if (m->key == NULL || !m->key(c, p, k)) {
		return 0;
	}
	return 1;
}

void choose_key(struct peer *c, struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	int plain = k->kind == KEY_CHAR && k->mod == 0;
	VTermKey sym = k->kind == KEY_SYM ? k->sym : VTERM_KEY_NONE;

	build(p);
	if (ch->nlines == 0 || sym == VTERM_KEY_ESCAPE || (plain && k->cp == 'q') ||
	    (k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && (k->cp == 'c' || k->cp == 'g'))) {
		choose_exit(p);
		return;
	}
	if (!action_key(c, p, k) && !move_key(p, k) && !tree_key(p, k) && !view_key(p, k) &&
	    !choose_search_key(c, p, k))
		return;
	if (p->choose != NULL && p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

/* ---- drawing ---- */

/* Rows of the list; the preview box takes the rest (tmux's proportions). */
static int list_height(struct pane *p)
{
	struct choose *ch = p->choose;
	int sy = p->sy, h;

	if (!ch->preview)
		return sy;
	h = sy / 3 * 2;
	if (h > ch->nlines)
		h = sy / 2;
	if (h < 10 || sy - h < 2)
		h = sy;
	return h;
}

void choose_put(struct choose_area *a, int y, int x, uint32_t cp, int width,
		const struct grid_cell *pen)
{
	struct grid_cell *d;

	if (y < 0 || y >= a->h || x < 0 || x + width > a->w || a->y0 + y >= a->rows ||
	    a->x0 + x + width > a->cols)
		return;
	d = &a->cells[(size_t)(a->y0 + y) * (size_t)a->cols + (size_t)(a->x0 + x)];
	*d = *pen;
	d->ch = cp;
	d->width = (uint8_t)width;
	d->flags = 0;
	if (width == 2) {
		d[1] = *pen;
		d[1].ch = GRID_CH_WIDE_CONT;
		d[1].width = 0;
		d[1].flags = 0;
	}
}

static int cp_width(uint32_t cp)
{
	char tmp[8];
	size_t len = tickit_utf8_put(tmp, sizeof tmp - 1, (long)cp);

	tmp[len] = '\0';
	return tickit_utf8_mbswidth(tmp);
}

int choose_put_text(struct choose_area *a, int y, int x, int x1, const char *s,
		    const struct grid_cell *pen)
{
	uint32_t cp;
	int w;

	while (*s != '\0') {
		s += utf8_next(s, &cp);
		w = cp < 0x20 || cp == 0x7f ? 0 : cp_width(cp);
		if (w < 1)
			continue;
		if (x + w > x1)
			break;
		choose_put(a, y, x, cp, w, pen);
		x += w;
	}
	return x;
}

/* The tree lines before an item's name: "│   " or "    " for each
 * ancestor below the top, "├─> " or "└─> ", then "+ ", "- " or "  ". */
static void line_start(struct choose *ch, struct choose_item *it, struct buf *b)
{
	const char *ancestors[8];
	int n = 0;

	for (int up = it->parent; up >= 0 && ch->items[up].parent >= 0 && n < 8;
	     up = ch->items[up].parent)
		ancestors[n++] = ch->items[up].last ? "    " : "\u2502   ";
	while (n > 0)
		buf_adds(b, ancestors[--n]);
	if (it->depth > 0)
		buf_adds(b, it->last ? "\u2514\u2500> " : "\u251c\u2500> ");
	if (it->children)
		buf_adds(b, it->expanded ? "- " : "+ ");
	else if (it->pad)
		buf_adds(b, "  ");
}

/* A line: "(key) " padded to keylen, then the item. */
static void draw_line(struct pane *p, struct choose_area *a, int y, int line, const char *key,
		      int keylen)
{
	struct choose *ch = p->choose;
	struct choose_item *it = &ch->items[ch->lines[line]];
	struct grid_cell base = {.ch = ' ', .width = 1}, pen = base;
	struct buf b;
	int x;

	if (line == current_line(ch))
		pen = style_pen(options_string(window_options(p->window), "mode-style"), &base);
	if (it->tagged)
		pen.attr ^= GRID_ATTR_BOLD;
	buf_init(&b);
	if (*key != '\0')
		buf_printf(&b, "(%s)", key);
	while ((int)b.len < keylen)
		buf_adds(&b, " ");
	line_start(ch, it, &b);
	buf_printf(&b, "%s%s", it->name, it->tagged ? "*" : "");
	if (it->text != NULL)
		buf_printf(&b, ": %s", it->text);
	x = choose_put_text(a, y, 0, a->w, buf_cstr(&b), &pen);
	while (x < a->w)
		choose_put(a, y, x++, ' ', 1, &pen);
	buf_free(&b);
}

/* After the box's title: "(filter: active) ", or "no matches" in mode-style
 * when the filter hid everything and was ignored. */
static void draw_filter_state(struct pane *p, struct choose_area *a, int top, int x)
{
	struct grid_cell pen = {.ch = ' ', .width = 1}, warn;

	warn = style_pen(options_string(window_options(p->window), "mode-style"), &pen);
	x = choose_put_text(a, top, x, a->w - 1, "(filter: ", &pen);
	x = choose_put_text(a, top, x, a->w - 1, p->choose->no_matches ? "no matches" : "active",
			    p->choose->no_matches ? &warn : &pen);
	choose_put_text(a, top, x, a->w - 1, ") ", &pen);
}

static void draw_preview(struct pane *p, struct choose_area *a, int top)
{
	struct choose *ch = p->choose;
	struct grid_cell pen = {.ch = ' ', .width = 1};
	struct choose_item *it = choose_current(p);
	char *title;
	int bottom = a->h - 1, x;

	for (int x = 1; x < a->w - 1; x++) {
		choose_put(a, top, x, 0x2500, 1, &pen);
		choose_put(a, bottom, x, 0x2500, 1, &pen);
	}
	for (int y = top + 1; y < bottom; y++) {
		choose_put(a, y, 0, 0x2502, 1, &pen);
		choose_put(a, y, a->w - 1, 0x2502, 1, &pen);
	}
	choose_put(a, top, 0, 0x250c, 1, &pen);
	choose_put(a, top, a->w - 1, 0x2510, 1, &pen);
	choose_put(a, bottom, 0, 0x2514, 1, &pen);
	choose_put(a, bottom, a->w - 1, 0x2518, 1, &pen);
	if (ch->mode->nsorts == 0)
		title = xasprintf(" %s ", it->name);
	else
		title = xasprintf(" %s (sort: %s%s) ", it->name, ch->mode->sorts[ch->sort],
				  ch->reverse ? ", reversed" : "");
	x = choose_put_text(a, top, 1, a->w - 1, title, &pen);
	free(title);
	if (ch->filter != NULL)
		draw_filter_state(p, a, top, x);
	ch->mode->preview(p, it, a, top, bottom);
}

/* The h lines from the offset, their keys in a column as wide as the
 * widest: "(M-a) " once there are such keys. */
static void draw_lines(struct pane *p, struct choose_area *a, int h)
{
	struct choose *ch = p->choose;
	char **keys = xcalloc(h > 0 ? (size_t)h : 1, sizeof *keys);
	int n = 0, keylen = ch->keys == NULL ? (ch->nlines > 10 ? 6 : 4) : 0;

	for (; n < h && ch->offset + n < ch->nlines; n++) {
		int len;

		keys[n] = line_key(p, ch->offset + n);
		len = (int)strlen(keys[n]);
		if (len > 0 && len + 3 > keylen)
			keylen = len + 3;
	}
	for (int y = 0; y < n; y++) {
		draw_line(p, a, y, ch->offset + y, keys[y], keylen);
		free(keys[y]);
	}
	free(keys);
}

void choose_draw(struct pane *p, struct grid_cell *cells, int rows, int cols, int top)
{
	struct choose *ch = p->choose;
	struct grid_cell blank = {.ch = ' ', .width = 1};
	struct choose_area a = {cells, rows, cols, p->xoff, p->yoff + top, p->sx, p->sy};
	int h, cur;

	if (ch == NULL)
		return;
	build(p);
	for (int y = 0; y < a.h; y++) {
		for (int x = 0; x < a.w; x++)
			choose_put(&a, y, x, ' ', 1, &blank);
	}
	if (ch->nlines == 0)
		return;
	h = list_height(p);
	cur = current_line(ch);
	if (cur < ch->offset)
		ch->offset = cur;
	if (cur >= ch->offset + h)
		ch->offset = cur - h + 1;
	draw_lines(p, &a, h);
	if (h < a.h)
		draw_preview(p, &a, h);
}

/* ---- the mouse ---- */

void choose_mouse(struct peer *c, struct pane *p, int row, int choose)
{
	struct choose *ch = p->choose;
	struct key enter = {.kind = KEY_SYM, .sym = VTERM_KEY_ENTER};

	build(p);
	if (row < 0 || row >= list_height(p) || ch->offset + row >= ch->nlines)
		return; /* the preview, or past the last line */
	set_current(ch, ch->offset + row);
	if (choose)
		choose_key(c, p, &enter);
	else if (p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}
