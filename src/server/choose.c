/*
 * choose: buffer mode (see choose.h). The list is rebuilt from the server's
 * buffers whenever it is drawn or a key is handled, so it follows buffers
 * added or deleted meanwhile; tags and the current line are kept by name.
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
#include "server/copy.h"
#include "server/server.h"
#include "term/key.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/utf8.h"

#define CHOOSE_FORMAT "#{t/p:buffer_created}: #{buffer_sample}"
#define CHOOSE_TEMPLATE "paste-buffer -b '%%'"
/* Shortcut keys: 0-9, then M-a to M-z. */
#define CHOOSE_SHORTCUTS 36

struct choose_item {
	struct paste_buffer *pb;
	int pos; /* in the server's list (newest first) */
	int tagged;
};

struct choose {
	char *tmpl, *format, *filter;
	enum choose_sort sort;
	int reverse, preview, zoomed;
	struct choose_item *items;
	int n;
	char *current; /* name of the current buffer */
	int offset;    /* first item shown */
	char **tags;   /* names of the tagged buffers */
	int ntags;
};

/* ---- the list ---- */

static int is_tagged(struct choose *ch, const char *name)
{
	for (int i = 0; i < ch->ntags; i++) {
		if (strcmp(ch->tags[i], name) == 0)
			return 1;
	}
	return 0;
}

static void set_tag(struct choose *ch, const char *name, int on)
{
	for (int i = 0; i < ch->ntags; i++) {
		if (strcmp(ch->tags[i], name) == 0) {
			if (!on) {
				free(ch->tags[i]);
				ch->tags[i] = ch->tags[--ch->ntags];
			}
			return;
		}
	}
	if (on) {
		ch->tags = xrealloc(ch->tags, sizeof *ch->tags * (size_t)(ch->ntags + 1));
		ch->tags[ch->ntags++] = xstrdup(name);
	}
}

static void buffer_format(struct pane *p, struct paste_buffer *pb, struct format_ctx *fc,
			  struct format_buffer *fb)
{
	fb->name = pb->name;
	fb->data = pb->data;
	fb->size = pb->size;
	fb->created = pb->created;
	format_ctx_pane(fc, p->srv, p);
	fc->b = fb;
}

static int shown(struct pane *p, struct paste_buffer *pb)
{
	struct format_ctx fc;
	struct format_buffer fb;

	buffer_format(p, pb, &fc, &fb);
	return format_true(p->choose->filter, &fc);
}

/* qsort's comparison has no argument for them */
static enum choose_sort sort_by;
static int sort_reverse;

/* Buffers are kept newest first: time order is their order, which also
 * breaks ties. */
static int compare(const void *a, const void *b)
{
	const struct choose_item *x = a, *y = b;
	int r = 0;

	if (sort_by == CHOOSE_SORT_NAME)
		r = strcmp(x->pb->name, y->pb->name);
	else if (sort_by == CHOOSE_SORT_SIZE)
		r = x->pb->size < y->pb->size ? -1 : x->pb->size > y->pb->size;
	if (r == 0)
		r = x->pos - y->pos;
	return sort_reverse ? -r : r;
}

/* The buffers shown (with the filter, or all), in the server's order. */
static void fill(struct pane *p, int filtered)
{
	struct choose *ch = p->choose;
	struct paste_buffer *pb;

	ch->n = 0;
	for (pb = p->srv->buffers.first; pb != NULL; pb = pb->next) {
		if (filtered && !shown(p, pb))
			continue;
		ch->items[ch->n].pb = pb;
		ch->items[ch->n].pos = ch->n;
		ch->n++;
	}
}

static void build(struct pane *p)
{
	struct choose *ch = p->choose;
	struct paste_buffer *pb;
	int n = 0;

	free(ch->items);
	for (pb = p->srv->buffers.first; pb != NULL; pb = pb->next)
		n++;
	ch->items = xcalloc((size_t)n + 1, sizeof *ch->items);
	fill(p, ch->filter != NULL);
	if (ch->n == 0 && ch->filter != NULL)
		fill(p, 0); /* as tmux: a filter that hides everything is ignored */
	sort_by = ch->sort;
	sort_reverse = ch->reverse;
	qsort(ch->items, (size_t)ch->n, sizeof *ch->items, compare);
	for (int i = 0; i < ch->n; i++)
		ch->items[i].tagged = is_tagged(ch, ch->items[i].pb->name);
}

static int current_index(struct choose *ch)
{
	for (int i = 0; ch->current != NULL && i < ch->n; i++) {
		if (strcmp(ch->items[i].pb->name, ch->current) == 0)
			return i;
	}
	return 0;
}

static void set_current(struct choose *ch, int i)
{
	if (ch->n == 0)
		return;
	i = ((i % ch->n) + ch->n) % ch->n; /* Up at the top wraps, as tmux */
	free(ch->current);
	ch->current = xstrdup(ch->items[i].pb->name);
}

/* ---- lifetime ---- */

void choose_enter(struct pane *p, const struct choose_options *o)
{
	struct choose *ch;

	if (p->copy != NULL)
		copy_exit(p);
	if (p->choose == NULL)
		p->choose = xcalloc(1, sizeof *p->choose);
	ch = p->choose;
	free(ch->tmpl);
	free(ch->format);
	free(ch->filter);
	ch->tmpl = xstrdup(o->tmpl != NULL ? o->tmpl : CHOOSE_TEMPLATE);
	ch->format = xstrdup(o->format != NULL ? o->format : CHOOSE_FORMAT);
	ch->filter = o->filter != NULL ? xstrdup(o->filter) : NULL;
	ch->sort = o->sort;
	ch->reverse = o->reverse;
	ch->preview = !o->no_preview;
	if (o->zoom && p->window != NULL && window_zoom(p->window, p) == 0)
		ch->zoomed = 1;
	build(p);
	set_current(ch, 0);
	ch->offset = 0;
	if (p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

void choose_free(struct pane *p)
{
	struct choose *ch = p->choose;

	if (ch == NULL)
		return;
	for (int i = 0; i < ch->ntags; i++)
		free(ch->tags[i]);
	free(ch->tags);
	free(ch->items);
	free(ch->current);
	free(ch->tmpl);
	free(ch->format);
	free(ch->filter);
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

/* The template for one buffer, as command text. */
static char *command_for(struct choose *ch, const char *name)
{
	char *resp[1] = {(char *)name};

	return keys_template(ch->tmpl, resp, 1);
}

/* Command text for client c, or (keys sent by send-keys with no attached
 * client) with the pane as the current one. */
static void run_text(struct peer *c, struct pane *p, const char *text)
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

/* Leave the mode and run the template for the buffers chosen: the current
 * one, or (tagged) every tagged one. */
static void choose_run(struct peer *c, struct pane *p, int tagged)
{
	struct choose *ch = p->choose;
	struct buf cmds;
	int any = 0;

	buf_init(&cmds);
	for (int i = 0; i < ch->n; i++) {
		char *cmd;

		if (tagged ? !ch->items[i].tagged : i != current_index(ch))
			continue;
		cmd = command_for(ch, ch->items[i].pb->name);
		if (any)
			buf_adds(&cmds, " ; ");
		buf_adds(&cmds, cmd);
		free(cmd);
		any = 1;
	}
	choose_exit(p);
	if (any)
		run_text(c, p, buf_cstr(&cmds));
	buf_free(&cmds);
}

static void delete_buffers(struct pane *p, int tagged)
{
	struct choose *ch = p->choose;
	int cur = current_index(ch);

	for (int i = 0; i < ch->n; i++) {
		if (tagged ? ch->items[i].tagged : i == cur) {
			set_tag(ch, ch->items[i].pb->name, 0);
			buffers_delete(&p->srv->buffers, ch->items[i].pb->name);
		}
	}
	build(p);
	if (ch->n == 0) {
		choose_exit(p); /* nothing left to choose from, as tmux */
		return;
	}
	set_current(ch, cur < ch->n ? cur : ch->n - 1);
}

/* A shortcut key: 0-9, M-a..M-z; its item index or -1. */
static int shortcut(const struct key *k)
{
	if (k->kind != KEY_CHAR)
		return -1;
	if (k->mod == 0 && k->cp >= '0' && k->cp <= '9')
		return (int)(k->cp - '0');
	if (k->mod == VTERM_MOD_ALT && k->cp >= 'a' && k->cp <= 'z')
		return 10 + (int)(k->cp - 'a');
	return -1;
}

static int list_height(struct pane *p);

/* Keys that move the current line; returns 0 if k is not one. */
static int move_key(struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	int cur = current_index(ch), page = list_height(p);
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
		set_current(ch, cur + page >= ch->n ? ch->n - 1 : cur + page);
	else if (sym == VTERM_KEY_HOME || (plain && k->cp == 'g'))
		set_current(ch, 0);
	else if (sym == VTERM_KEY_END || (plain && k->cp == 'G'))
		set_current(ch, ch->n - 1);
	else
		return 0;
	return 1;
}

/* Keys that change tags, sorting or the preview; 0 if k is not one. */
static int view_key(struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	int cur = current_index(ch);

	if (k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && k->cp == 't') {
		for (int i = 0; i < ch->n; i++)
			set_tag(ch, ch->items[i].pb->name, 1);
	} else if (k->kind != KEY_CHAR || k->mod != 0) {
		return 0;
	} else if (k->cp == 't') {
		set_tag(ch, ch->items[cur].pb->name, !ch->items[cur].tagged);
		set_current(ch, cur + 1 < ch->n ? cur + 1 : cur);
	} else if (k->cp == 'T') {
		while (ch->ntags > 0)
			free(ch->tags[--ch->ntags]);
	} else if (k->cp == 'v') {
		ch->preview = !ch->preview;
	} else if (k->cp == 'O') {
		ch->sort = ch->sort == CHOOSE_SORT_SIZE ? CHOOSE_SORT_TIME : ch->sort + 1;
	} else if (k->cp == 'r') {
		ch->reverse = !ch->reverse;
	} else {
		return 0;
	}
	return 1;
}

void choose_key(struct peer *c, struct pane *p, const struct key *k)
{
	struct choose *ch = p->choose;
	int plain = k->kind == KEY_CHAR && k->mod == 0, i;
	VTermKey sym = k->kind == KEY_SYM ? k->sym : VTERM_KEY_NONE;

	build(p);
	if (ch->n == 0 || sym == VTERM_KEY_ESCAPE || (plain && k->cp == 'q') ||
	    (k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && (k->cp == 'c' || k->cp == 'g'))) {
		choose_exit(p);
		return;
	}
	if ((i = shortcut(k)) >= 0) {
		if (i < ch->n) {
			set_current(ch, i);
			choose_run(c, p, 0);
		}
		return;
	}
	if (sym == VTERM_KEY_ENTER || (plain && k->cp == 'p'))
		choose_run(c, p, 0);
	else if (plain && k->cp == 'P')
		choose_run(c, p, 1);
	else if (plain && (k->cp == 'd' || k->cp == 'D'))
		delete_buffers(p, k->cp == 'D');
	else if (!move_key(p, k) && !view_key(p, k))
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
	if (h > ch->n)
		h = sy / 2;
	if (h < 10 || sy - h < 2)
		h = sy;
	return h;
}

struct area {
	struct grid_cell *cells;
	int rows, cols;
	int x0, y0, w, h; /* the pane on the screen */
};

static void put(struct area *a, int y, int x, uint32_t cp, int width, const struct grid_cell *pen)
{
	struct grid_cell *d;

	if (y < 0 || y >= a->h || x < 0 || x + width > a->w || a->y0 + y >= a->rows ||
	    a->x0 + x + width > a->cols)
		return;
	d = &a->cells[(size_t)(a->y0 + y) * (size_t)a->cols + (size_t)(a->x0 + x)];
	*d = *pen;
	d->ch = cp;
	d->width = (uint8_t)width;
	if (width == 2) {
		d[1] = *pen;
		d[1].ch = GRID_CH_WIDE_CONT;
		d[1].width = 0;
	}
}

static int cp_width(uint32_t cp)
{
	char tmp[8];
	size_t len = tickit_utf8_put(tmp, sizeof tmp - 1, (long)cp);

	tmp[len] = '\0';
	return tickit_utf8_mbswidth(tmp);
}

/* UTF-8 text from column x up to column x1; returns the column after it. */
static int put_text(struct area *a, int y, int x, int x1, const char *s,
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
		put(a, y, x, cp, w, pen);
		x += w;
	}
	return x;
}

static void draw_line(struct pane *p, struct area *a, int y, int i, int keylen)
{
	struct choose *ch = p->choose;
	struct choose_item *it = &ch->items[i];
	struct grid_cell base = {.ch = ' ', .width = 1}, pen = base;
	struct format_ctx fc;
	struct format_buffer fb;
	char key[16] = "", *text, *line;
	int x;

	if (i == current_index(ch))
		pen = style_pen(options_string(window_options(p->window), "mode-style"), &base);
	if (it->tagged)
		pen.attr ^= GRID_ATTR_BOLD;
	if (i < 10)
		snprintf(key, sizeof key, "(%d)", i);
	else if (i < CHOOSE_SHORTCUTS)
		snprintf(key, sizeof key, "(M-%c)", 'a' + i - 10);
	buffer_format(p, it->pb, &fc, &fb);
	text = format_expand(ch->format, &fc);
	line = xasprintf("%-*s%s%s: %s", keylen, key, it->pb->name, it->tagged ? "*" : "", text);
	x = put_text(a, y, 0, a->w, line, &pen);
	while (x < a->w)
		put(a, y, x++, ' ', 1, &pen);
	free(line);
	free(text);
}

/* A buffer's text for the preview: one line per line, C-style escapes. */
static void draw_preview_text(struct area *a, struct paste_buffer *pb, int y0, int y1)
{
	struct grid_cell pen = {.ch = ' ', .width = 1};
	struct buf line;
	size_t i = 0;

	buf_init(&line);
	for (int y = y0; y < y1 && i < pb->size; y++) {
		line.len = 0;
		for (; i < pb->size && pb->data[i] != '\n'; i++) {
			unsigned char c = (unsigned char)pb->data[i];

			if (c == '\t')
				buf_adds(&line, "\\t");
			else if (c < 0x20 || c == 0x7f)
				buf_printf(&line, "\\%03o", c);
			else
				buf_addc(&line, (char)c);
		}
		i++; /* the line feed */
		put_text(a, y, 2, a->w - 2, buf_cstr(&line), &pen);
	}
	buf_free(&line);
}

static void draw_preview(struct pane *p, struct area *a, int top)
{
	static const char *const sorts[] = {"time", "name", "size"};
	struct choose *ch = p->choose;
	struct grid_cell pen = {.ch = ' ', .width = 1};
	struct paste_buffer *pb = ch->items[current_index(ch)].pb;
	char *title;
	int bottom = a->h - 1;

	for (int x = 1; x < a->w - 1; x++) {
		put(a, top, x, 0x2500, 1, &pen);
		put(a, bottom, x, 0x2500, 1, &pen);
	}
	for (int y = top + 1; y < bottom; y++) {
		put(a, y, 0, 0x2502, 1, &pen);
		put(a, y, a->w - 1, 0x2502, 1, &pen);
	}
	put(a, top, 0, 0x250c, 1, &pen);
	put(a, top, a->w - 1, 0x2510, 1, &pen);
	put(a, bottom, 0, 0x2514, 1, &pen);
	put(a, bottom, a->w - 1, 0x2518, 1, &pen);
	title = xasprintf(" %s (sort: %s%s) ", pb->name, sorts[ch->sort],
			  ch->reverse ? ", reversed" : "");
	put_text(a, top, 1, a->w - 1, title, &pen);
	free(title);
	draw_preview_text(a, pb, top + 1, bottom);
}

void choose_draw(struct pane *p, struct grid_cell *cells, int rows, int cols, int top)
{
	struct choose *ch = p->choose;
	struct grid_cell blank = {.ch = ' ', .width = 1};
	struct area a = {cells, rows, cols, p->xoff, p->yoff + top, p->sx, p->sy};
	int h, cur, keylen = 0;

	if (ch == NULL)
		return;
	build(p);
	for (int y = 0; y < a.h; y++) {
		for (int x = 0; x < a.w; x++)
			put(&a, y, x, ' ', 1, &blank);
	}
	if (ch->n == 0)
		return;
	h = list_height(p);
	cur = current_index(ch);
	if (cur < ch->offset)
		ch->offset = cur;
	if (cur >= ch->offset + h)
		ch->offset = cur - h + 1;
	keylen = ch->n > 10 ? 6 : 4; /* "(M-a) " once there are such keys */
	for (int y = 0; y < h && ch->offset + y < ch->n; y++)
		draw_line(p, &a, y, ch->offset + y, keylen);
	if (h < a.h)
		draw_preview(p, &a, h);
}
