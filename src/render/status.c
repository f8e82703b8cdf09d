/*
 * status: build a client's status line as cells. The parts are drawn into
 * cell buffers of their own first, because the window list is placed (and,
 * if too long, scrolled around the current window) only once the widths of
 * status-left and status-right are known.
 */
#include "util/utf8.h"
#include "render/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tickit.h>

#include "cmd/format.h"
#include "cmd/options.h"
#include "render/style.h"
#include "server/alerts.h"
#include "server/server.h"

/* strftime output for templates longer than this is not worth having */
#define STATUS_TIME_MAX 65536

struct cells {
	struct grid_cell *c;
	int n, cap;
};

static void cells_reserve(struct cells *b, int more)
{
	if (b->n + more <= b->cap)
		return;
	b->cap = (b->n + more) * 2 + 16;
	b->c = xrealloc(b->c, (size_t)b->cap * sizeof *b->c);
}

/* Columns a character takes; 0 for controls and combining marks, which
 * the status line leaves out. */
static int cp_width(uint32_t cp)
{
	char tmp[8];
	size_t len;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x7f)
		return 1;
	len = tickit_utf8_put(tmp, sizeof tmp - 1, (long)cp);
	tmp[len] = '\0';
	return tickit_utf8_mbswidth(tmp);
}

/* Put one character; returns 0 if it does not fit in max cells. */
static int put_char(uint32_t cp, int w, const struct grid_cell *pen, struct grid_cell *cells,
		    int *n, int max)
{
	if (*n + w > max)
		return 0;
	cells[*n] = (struct grid_cell){
		.ch = cp, .fg = pen->fg, .bg = pen->bg, .attr = pen->attr, .width = (uint8_t)w};
	(*n)++;
	if (w == 2) {
		cells[*n] = cells[*n - 1];
		cells[*n].ch = GRID_CH_WIDE_CONT;
		cells[*n].width = 0;
		(*n)++;
	}
	return 1;
}

int status_draw(const char *s, const struct grid_cell *base, struct grid_cell *pen,
		struct grid_cell *cells, int max)
{
	int n = 0, w;
	uint32_t cp;
	const char *end;

	while (*s != '\0') {
		if (s[0] == '#' && s[1] == '[' && (end = strchr(s + 2, ']')) != NULL) {
			char *item = xstrndup(s + 2, (size_t)(end - s - 2));

			/* a bad directive is dropped, as tmux does */
			style_parse(item, base, pen, NULL);
			free(item);
			s = end + 1;
			continue;
		}
		if (s[0] == '#' && s[1] == '#')
			s++; /* ## is a # (as in #{window_flags}) */
		s += utf8_next(s, &cp);
		w = cp_width(cp);
		if (w > 0 && !put_char(cp, w, pen, cells, &n, max))
			break;
	}
	return n;
}

/* Plain text (no directives): messages and the prompt show what they say. */
static int draw_plain(const char *s, size_t len, const struct grid_cell *pen, struct cells *b)
{
	const char *end = s + len;
	uint32_t cp;
	int w, cols = 0;

	while (s < end && *s != '\0') {
		s += utf8_next(s, &cp);
		w = cp_width(cp);
		if (w <= 0)
			continue;
		cells_reserve(b, 2);
		put_char(cp, w, pen, b->c, &b->n, b->cap);
		cols += w;
	}
	return cols;
}

/* tmux's order: strftime on the template, then the formats, so that a '%'
 * in a session or window name is never taken for a time conversion. */
static char *expand_time(const char *fmt, time_t now, const struct format_ctx *fc)
{
	struct tm tm;
	size_t size = strlen(fmt) * 4 + 64, n = 0;
	char *t = NULL, *out;

	if (strchr(fmt, '%') == NULL)
		return format_expand(fmt, fc);
	localtime_r(&now, &tm);
	while (size <= STATUS_TIME_MAX) {
		t = xrealloc(t, size);
		n = strftime(t, size, fmt, &tm);
		if (n > 0)
			break;
		size *= 4;
	}
	out = format_expand(n > 0 ? t : fmt, fc);
	free(t);
	return out;
}

/* An expanded format drawn into b, from pen base, at most max cells. */
static void draw_part(struct cells *b, const char *text, const struct grid_cell *base, int max)
{
	struct grid_cell pen = *base;
	size_t len = strlen(text);

	/* a character takes at least one byte and at most two cells */
	if ((size_t)max > len * 2)
		max = (int)len * 2;
	cells_reserve(b, max);
	b->n += status_draw(text, base, &pen, b->c + b->n, max);
}

static const struct grid_cell default_pen = {.ch = ' ', .width = 1};

static struct grid_cell option_pen(struct options *o, const char *name,
				   const struct grid_cell *base)
{
	return style_pen(options_string(o, name), base);
}

/* Status options are the client's session's; window-status-* the window's. */
static struct options *status_options(struct peer *c)
{
	return c->session != NULL ? session_options(c->session) : c->srv->options;
}

/* status-style, with status-fg and status-bg over it unless default (as
 * tmux still reads them). */
static struct grid_cell status_pen(struct peer *c)
{
	struct options *o = status_options(c);
	struct grid_cell pen = option_pen(o, "status-style", &default_pen);
	const char *fg = options_string(o, "status-fg"), *bg = options_string(o, "status-bg");

	(void)style_colour(fg, strlen(fg), &pen.fg); /* (default leaves it) */
	(void)style_colour(bg, strlen(bg), &pen.bg);
	return pen;
}

/* One window's entry, appended to the list. */
static void draw_window(struct peer *c, struct window *w, time_t now, const struct grid_cell *sb,
			struct cells *list)
{
	struct server *srv = c->srv;
	struct options *o = window_options(w);
	int current = w == c->session->current;
	struct grid_cell base = option_pen(o, "window-status-style", sb);
	struct format_ctx fc;
	char *text;

	/* tmux's order: the last window's style, then an alert's over it */
	if (current)
		base = option_pen(o, "window-status-current-style", &base);
	else if (c->session->last == w)
		base = option_pen(o, "window-status-last-style", &base);
	if (!current && (w->alerts & ALERT_BELL))
		base = option_pen(o, "window-status-bell-style", &base);
	else if (!current && (w->alerts & (ALERT_ACTIVITY | ALERT_SILENCE)))
		base = option_pen(o, "window-status-activity-style", &base);
	format_ctx_window(&fc, srv, w);
	fc.c = c;
	text = expand_time(options_string(o, current ? "window-status-current-format"
						     : "window-status-format"),
			   now, &fc);
	draw_part(list, text, &base, 1 << 20);
	free(text);
}

/* The window list; [*cur_start, *cur_end) is the current window's part. */
static void draw_windows(struct peer *c, time_t now, const struct grid_cell *sb, struct cells *list,
			 int *cur_start, int *cur_end)
{
	struct window *w;

	*cur_start = *cur_end = 0;
	for (w = c->session->windows; w != NULL; w = w->next) {
		if (w != c->session->windows)
			draw_part(list,
				  options_string(window_options(w), "window-status-separator"), sb,
				  1 << 20);
		if (w == c->session->current)
			*cur_start = list->n;
		draw_window(c, w, now, sb, list);
		if (w == c->session->current)
			*cur_end = list->n;
	}
}

static void fill(struct grid_cell *cells, int from, int to, const struct grid_cell *pen)
{
	for (int x = from; x < to; x++)
		cells[x] = (struct grid_cell){
			.ch = ' ', .fg = pen->fg, .bg = pen->bg, .attr = pen->attr, .width = 1};
}

/* Where the list starts within its space, per status-justify. */
static int list_offset(struct peer *c, int width, int left, int avail, int n)
{
	const char *j = options_string(status_options(c), "status-justify");
	int x;

	if (strcmp(j, "centre") == 0)
		return left + (avail - n) / 2;
	if (strcmp(j, "right") == 0)
		return left + avail - n;
	if (strcmp(j, "absolute-centre") == 0) {
		x = (width - n) / 2;
		return x < left ? left : x > left + avail - n ? left + avail - n : x;
	}
	return left;
}

/* Where a list of n cells goes: its cell start onwards at column *x. A
 * list too long for its space is scrolled so the current window shows. */
static int list_start(struct peer *c, int width, int left, int avail, int n, int cs, int ce, int *x)
{
	int start;

	if (n <= avail) {
		*x = list_offset(c, width, left, avail, n);
		return 0;
	}
	*x = left;
	start = cs - (avail - (ce - cs)) / 2;
	if (start > n - avail)
		start = n - avail;
	return start < 0 ? 0 : start;
}

/* Copy the list into its space, scrolled if it is too long, and mark the
 * cut ends with '<' and '>' as tmux does. */
static void place_list(struct peer *c, struct grid_cell *cells, int width, int left, int avail,
		       const struct cells *list, int cs, int ce, const struct grid_cell *sb)
{
	int start, x;

	if (avail <= 0)
		return;
	if (list->n == 0)
		return;
	start = list_start(c, width, left, avail, list->n, cs, ce, &x);
	if (list->n <= avail) {
		memcpy(cells + x, list->c, (size_t)list->n * sizeof *cells);
		return;
	}
	memcpy(cells + left, list->c + start, (size_t)avail * sizeof *cells);
	if (start > 0)
		put_char('<', 1, sb, cells + left, &(int){0}, 1);
	if (start + avail < list->n)
		put_char('>', 1, sb, cells + left + avail - 1, &(int){0}, 1);
}

/* A part (status-left or -right) drawn under its length option. */
static void draw_side(struct peer *c, const char *which, time_t now, const struct grid_cell *sb,
		      int max, struct cells *b)
{
	struct server *srv = c->srv;
	char opt[32];
	struct grid_cell base;
	struct format_ctx fc;
	char *text;
	long len;

	snprintf(opt, sizeof opt, "%s-length", which);
	len = options_number(status_options(c), opt);
	snprintf(opt, sizeof opt, "%s-style", which);
	base = option_pen(status_options(c), opt, sb);
	format_ctx_session(&fc, srv, c->session);
	fc.c = c;
	text = expand_time(options_string(status_options(c), which), now, &fc);
	draw_part(b, text, &base, len < max ? (int)len : max);
	free(text);
}

static void build_normal(struct peer *c, time_t now, struct grid_cell *cells, int width)
{
	struct grid_cell sb = status_pen(c);
	struct cells left = {0}, right = {0}, list = {0};
	int cs, ce;

	fill(cells, 0, width, &sb);
	draw_side(c, "status-left", now, &sb, width, &left);
	draw_side(c, "status-right", now, &sb, width - left.n, &right);
	draw_windows(c, now, &sb, &list, &cs, &ce);
	if (left.n > 0)
		memcpy(cells, left.c, (size_t)left.n * sizeof *cells);
	if (right.n > 0)
		memcpy(cells + width - right.n, right.c, (size_t)right.n * sizeof *cells);
	place_list(c, cells, width, left.n, width - left.n - right.n, &list, cs, ce, &sb);
	free(left.c);
	free(right.c);
	free(list.c);
}

/* The window whose entry holds cell at of the list drawn as draw_windows
 * draws it; NULL for a separator or past the end. */
static struct window *list_window_at(struct peer *c, time_t now, const struct grid_cell *sb, int at)
{
	struct cells list = {0};
	struct window *w, *hit = NULL;

	for (w = c->session->windows; w != NULL && hit == NULL; w = w->next) {
		if (w != c->session->windows)
			draw_part(&list,
				  options_string(window_options(w), "window-status-separator"), sb,
				  1 << 20);
		if (at < list.n)
			break;
		draw_window(c, w, now, sb, &list);
		if (at < list.n)
			hit = w;
	}
	free(list.c);
	return hit;
}

struct window *status_window_at(struct peer *c, time_t now, int width, int x)
{
	struct window *w;

	status_range_at(c, now, width, x, &w);
	return w;
}

int status_range_at(struct peer *c, time_t now, int width, int x, struct window **wp)
{
	struct grid_cell sb = status_pen(c);
	struct cells left = {0}, right = {0}, list = {0};
	int cs, ce, avail, start, x0, n, nleft, nright;

	*wp = NULL;
	draw_side(c, "status-left", now, &sb, width, &left);
	draw_side(c, "status-right", now, &sb, width - left.n, &right);
	draw_windows(c, now, &sb, &list, &cs, &ce);
	nleft = left.n, nright = right.n;
	avail = width - nleft - nright;
	n = list.n;
	start = list_start(c, width, nleft, avail, n, cs, ce, &x0);
	free(left.c);
	free(right.c);
	free(list.c);
	if (x < nleft)
		return STATUS_AT_LEFT;
	if (x >= width - nright)
		return STATUS_AT_RIGHT;
	if (avail <= 0 || x < x0 || x >= x0 + (n < avail ? n : avail))
		return STATUS_AT_DEFAULT;
	*wp = list_window_at(c, now, &sb, start + x - x0);
	return *wp != NULL ? STATUS_AT_WINDOW : STATUS_AT_DEFAULT;
}

/* A message, or the prompt (in message-command-style in vi command mode);
 * returns the prompt's cursor column or -1. */
static int build_message(struct peer *c, struct grid_cell *cells, int width)
{
	const char *style = c->prompt_label != NULL && attach_prompt_vi_command(c)
				    ? "message-command-style"
				    : "message-style";
	struct grid_cell pen = option_pen(status_options(c), style, &default_pen);
	struct cells b = {0};
	int cursor = -1, start = 0, label;
	size_t at;

	fill(cells, 0, width, &pen);
	if (c->prompt_label != NULL) {
		label = draw_plain(c->prompt_label, strlen(c->prompt_label), &pen, &b);
		at = c->prompt_cursor < c->prompt_buf.len ? c->prompt_cursor : c->prompt_buf.len;
		cursor = label + draw_plain(c->prompt_buf.data, at, &pen, &b);
		draw_plain(c->prompt_buf.data + at, c->prompt_buf.len - at, &pen, &b);
		/* a long line scrolls so that the cursor stays on screen */
		if (cursor >= width)
			start = cursor - width + 1;
		cursor -= start;
	} else {
		draw_plain(c->message, strlen(c->message), &pen, &b);
	}
	if (b.n > start)
		memcpy(cells, b.c + start,
		       (size_t)(b.n - start < width ? b.n - start : width) * sizeof *cells);
	free(b.c);
	return cursor;
}

/* ---- status-format lines ---- */

enum { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT, ALIGN_ABSOLUTE, ALIGN_COUNT };

/* What a #[...] directive says about the layout: align=, fill=. */
static void directive_layout(const char *d, size_t len, int *align, struct grid_cell *fillpen,
			     const struct grid_cell *base)
{
	static const char *const names[] = {"left", "centre", "right", "absolute-centre"};
	char *copy = xstrndup(d, len), *save = NULL, *tok;

	for (tok = strtok_r(copy, " ,", &save); tok != NULL; tok = strtok_r(NULL, " ,", &save)) {
		if (strncmp(tok, "align=", 6) == 0) {
			for (int i = 0; i < ALIGN_COUNT; i++) {
				if (strcmp(tok + 6, names[i]) == 0)
					*align = i;
			}
		} else if (strcmp(tok, "noalign") == 0) {
			*align = ALIGN_LEFT;
		} else if (strncmp(tok, "fill=", 5) == 0) {
			char *bg = xasprintf("bg=%s", tok + 5);

			fillpen->bg = style_pen(bg, base).bg;
			free(bg);
		}
	}
	free(copy);
}

/* An expanded status-format line: the text is cut where a directive
 * changes the alignment, each piece drawn (the style carried from piece to
 * piece) into the part of its alignment, and the parts placed as tmux
 * places them: left, right, centre between them, absolute-centre in the
 * whole width. */
/* A part's width, at most room. */
static int clip(const struct cells *b, int room)
{
	return b->n < room ? b->n : (room > 0 ? room : 0);
}

/* Copy a part (at most room cells) to column x; returns the cells copied. */
static int place(struct grid_cell *cells, int x, int room, const struct cells *b)
{
	int n = clip(b, room);

	if (n > 0)
		memcpy(cells + x, b->c, (size_t)n * sizeof *cells);
	return n;
}

static void draw_aligned(const char *text, const struct grid_cell *sb, struct grid_cell *cells,
			 int width)
{
	struct cells part[ALIGN_COUNT] = {{0}};
	struct grid_cell pen = *sb, fillpen = *sb;
	int align = ALIGN_LEFT, next, left;
	const char *p = text, *q, *d, *e, *cut;

	while (*p != '\0') {
		/* the piece ends at the next directive that changes the alignment */
		cut = NULL;
		next = align;
		for (q = p; (d = strstr(q, "#[")) != NULL && (e = strchr(d + 2, ']')) != NULL;
		     q = e + 1) {
			directive_layout(d + 2, (size_t)(e - d - 2), &next, &fillpen, sb);
			if (next != align) {
				cut = d;
				break;
			}
		}
		{
			char *t = xstrndup(p, cut != NULL ? (size_t)(cut - p) : strlen(p));
			struct cells *b = &part[align];

			cells_reserve(b, width);
			b->n += status_draw(t, sb, &pen, b->c + b->n, width - b->n);
			free(t);
		}
		if (cut == NULL)
			break;
		align = next;
		p = cut; /* (its other keys are the next piece's first style) */
	}
	fill(cells, 0, width, &fillpen);
	left = place(cells, 0, width, &part[ALIGN_LEFT]);
	place(cells, width - clip(&part[ALIGN_RIGHT], width - left), width - left,
	      &part[ALIGN_RIGHT]);
	{
		int room = width - left - clip(&part[ALIGN_RIGHT], width - left);

		place(cells, left + (room - clip(&part[ALIGN_CENTRE], room)) / 2, room,
		      &part[ALIGN_CENTRE]);
	}
	place(cells, (width - clip(&part[ALIGN_ABSOLUTE], width)) / 2, width,
	      &part[ALIGN_ABSOLUTE]);
	for (int i = 0; i < ALIGN_COUNT; i++)
		free(part[i].c);
}

/* Line i of a status-format: the current pane's formats apply (#{P:} and
 * #{W:} loop over the window's panes and the session's windows). */
static void build_format(struct peer *c, time_t now, const char *fmt, struct grid_cell *cells,
			 int width)
{
	struct grid_cell sb = status_pen(c);
	struct window *w = c->session->current;
	struct format_ctx fc;
	char *text;

	if (w != NULL && w->active != NULL)
		format_ctx_pane(&fc, c->srv, w->active);
	else
		format_ctx_session(&fc, c->srv, c->session);
	fc.c = c;
	text = expand_time(fmt, now, &fc);
	draw_aligned(text, &sb, cells, width);
	free(text);
}

/* Is line 0's format tmux's default (which build_normal draws)? */
static int format_is_default(const char *fmt)
{
	const char *def = options_def("status-format")->def;
	size_t n = strcspn(def, "\n");

	return fmt != NULL && strlen(fmt) == n && strncmp(fmt, def, n) == 0;
}

/* Status line i without a message or prompt. */
static void build_line(struct peer *c, time_t now, int i, struct grid_cell *cells, int width)
{
	const char *fmt;
	struct grid_cell sb;

	if (c->session == NULL) {
		fill(cells, 0, width, &default_pen);
		return;
	}
	fmt = options_array_item(status_options(c), "status-format", i);
	if (i == 0 && format_is_default(fmt)) {
		build_normal(c, now, cells, width);
	} else if (fmt != NULL) {
		build_format(c, now, fmt, cells, width);
	} else {
		sb = status_pen(c);
		fill(cells, 0, width, &sb);
	}
}

int status_build_lines(struct peer *c, time_t now, struct grid_cell *cells, int width, int lines)
{
	struct grid_cell *line;

	if (width <= 0)
		return -1;
	for (int i = 0; i < lines - 1; i++)
		build_line(c, now, i, cells + (size_t)i * (size_t)width, width);
	line = cells + (size_t)(lines - 1) * (size_t)width;
	/* a message or the prompt takes the last line, as in tmux */
	if (c->prompt_label != NULL || c->message != NULL)
		return build_message(c, line, width);
	build_line(c, now, lines - 1, line, width);
	return -1;
}

int status_build(struct peer *c, time_t now, struct grid_cell *cells, int width)
{
	return status_build_lines(c, now, cells, width, 1);
}

/*
 * Every second: when the wall clock has entered a new status-interval period
 * since the last tick, redraw every attached client. Ticking each second
 * (rather than every status-interval) makes a changed status-interval take
 * effect at once and keeps the refresh aligned to the clock, as a clock in
 * status-right expects.
 */
static void status_timer_cb(uv_timer_t *t)
{
	struct server *srv = t->data;
	time_t now = time(NULL);
	struct peer *c;
	long secs;

	for (c = srv->peers; c != NULL && !srv->exiting; c = c->next) {
		if (c->state != PEER_ATTACHED || c->session == NULL)
			continue;
		secs = options_number(status_options(c), "status-interval");
		if (secs > 0 && now / secs != srv->status_last / secs)
			attach_mark_client(c);
	}
	srv->status_last = now;
	attach_lock_idle(srv); /* the server's second tick serves lock-after-time too */
}

void status_timer_start(struct server *srv)
{
	uv_timer_init(srv->loop, &srv->status_timer);
	srv->status_timer.data = srv;
	uv_unref((uv_handle_t *)&srv->status_timer);
	srv->status_last = time(NULL);
	uv_timer_start(&srv->status_timer, status_timer_cb, 1000, 1000);
}
