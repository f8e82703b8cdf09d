/*
 * status: build a client's status lines as cells. Each line is its
 * status-format item expanded as a format (strftime first, as tmux) about
 * the current pane and laid out by statusfmt, which also says where its
 * mouse ranges went; those are kept in the client, so that a click finds
 * what was drawn. The last line shows a message or the prompt instead.
 */
#include "util/utf8.h"
#include "render/status.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "cmd/options.h"
#include "render/status_default.h"
#include "render/statusfmt.h"
#include "render/style.h"
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
		w = statusfmt_char_width(cp);
		if (w > 0 && !statusfmt_put_char(cp, w, pen, cells, &n, max))
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
		w = statusfmt_char_width(cp);
		if (w <= 0)
			continue;
		cells_reserve(b, 2);
		statusfmt_put_char(cp, w, pen, b->c, &b->n, b->cap);
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

static void fill(struct grid_cell *cells, int from, int to, const struct grid_cell *pen)
{
	for (int x = from; x < to; x++)
		cells[x] = (struct grid_cell){
			.ch = ' ', .fg = pen->fg, .bg = pen->bg, .attr = pen->attr, .width = 1};
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

/* Line i of status-format, with the current pane's formats (#{P:} and
 * #{W:} loop over the window's panes and the session's windows); ranges
 * NULL to keep none. */
static void build_line(struct peer *c, time_t now, int i, struct grid_cell *cells, int width,
		       struct statusfmt_ranges *ranges)
{
	struct grid_cell sb = status_pen(c);
	struct window *w = c->session != NULL ? c->session->current : NULL;
	const char *fmt = NULL;
	struct format_ctx fc;
	char *text;

	if (c->session != NULL)
		fmt = options_array_item(status_options(c), "status-format", i);
	if (fmt == NULL) {
		fill(cells, 0, width, c->session != NULL ? &sb : &default_pen);
		if (ranges != NULL)
			ranges->n = 0;
		return;
	}
	if (w != NULL && w->active != NULL)
		format_ctx_pane(&fc, c->srv, w->active);
	else
		format_ctx_session(&fc, c->srv, c->session);
	fc.c = c;
	if (status_default_is(fmt))
		text = status_default_expand(&fc);
	else
		text = expand_time(fmt, now, &fc);
	statusfmt_draw(text, &sb, cells, width, ranges);
	free(text);
}

/* Room in c->status_ranges for lines lines. */
static struct statusfmt_ranges *ranges_for(struct peer *c, int lines)
{
	if (c->status_nranges < lines) {
		c->status_ranges =
			xrealloc(c->status_ranges, (size_t)lines * sizeof *c->status_ranges);
		memset(c->status_ranges + c->status_nranges, 0,
		       (size_t)(lines - c->status_nranges) * sizeof *c->status_ranges);
		c->status_nranges = lines;
	}
	for (int i = 0; i < c->status_nranges; i++)
		c->status_ranges[i].n = 0;
	return c->status_ranges;
}

int status_build_lines(struct peer *c, time_t now, struct grid_cell *cells, int width, int lines,
		       int keep_ranges)
{
	struct statusfmt_ranges *ranges = keep_ranges ? ranges_for(c, lines) : NULL;
	struct grid_cell *line;

	if (width <= 0)
		return -1;
	for (int i = 0; i < lines - 1; i++)
		build_line(c, now, i, cells + (size_t)i * (size_t)width, width,
			   ranges != NULL ? &ranges[i] : NULL);
	line = cells + (size_t)(lines - 1) * (size_t)width;
	/* a message or the prompt takes the last line, as in tmux */
	if (c->prompt_label != NULL || c->message != NULL)
		return build_message(c, line, width);
	build_line(c, now, lines - 1, line, width, ranges != NULL ? &ranges[lines - 1] : NULL);
	return -1;
}

int status_build(struct peer *c, time_t now, struct grid_cell *cells, int width)
{
	return status_build_lines(c, now, cells, width, 1, 0);
}

int status_range_at(struct peer *c, int line, int x, long *index)
{
	const struct statusfmt_range *r;

	*index = -1;
	if (line < 0 || line >= c->status_nranges)
		return STATUS_AT_DEFAULT;
	r = statusfmt_range_at(&c->status_ranges[line], x);
	if (r == NULL)
		return STATUS_AT_DEFAULT;
	if (r->type == STYLE_RANGE_LEFT)
		return STATUS_AT_LEFT;
	if (r->type == STYLE_RANGE_RIGHT)
		return STATUS_AT_RIGHT;
	*index = r->arg;
	return STATUS_AT_WINDOW;
}

int status_window_x(struct peer *c, int index)
{
	for (int i = 0; i < c->status_nranges; i++) {
		const struct statusfmt_ranges *rs = &c->status_ranges[i];

		for (int j = 0; j < rs->n; j++) {
			if (rs->r[j].type == STYLE_RANGE_WINDOW && rs->r[j].arg == index)
				return rs->r[j].start;
		}
	}
	return -1;
}

void status_free(struct peer *c)
{
	for (int i = 0; i < c->status_nranges; i++)
		statusfmt_ranges_free(&c->status_ranges[i]);
	free(c->status_ranges);
	c->status_ranges = NULL;
	c->status_nranges = 0;
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
