/*
 * attach: a client showing a session. Its keys go to the active pane (or to
 * the prefix table); its screen is redrawn from the panes' grids after the
 * loop has drained pending reads, with at most one frame in flight: a client
 * that has not yet written its previous frame is marked dirty and skipped,
 * so a slow or stopped terminal never slows a pane or another client.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/format.h"
#include "cmd/options.h"
#include "render/render.h"
#include "render/tty.h"
#include "server/server.h"
#include "term/grid.h"
#include "term/key.h"

static int status_lines(const struct server *srv)
{
	return options_number(srv->options, "status") ? 1 : 0;
}

/* Windows follow the size of the client that used the session last. */
static void attach_size_session(struct peer *c)
{
	struct session *s = c->session;
	struct window *w;
	int sy = c->rows - status_lines(c->srv);

	if (c->cols < 1 || sy < 1)
		return;
	s->sx = c->cols;
	s->sy = sy;
	for (w = s->windows; w != NULL; w = w->next)
		window_resize(w, c->cols, sy);
}

static void tty_out(const char *buf, size_t len, void *ctx)
{
	struct peer *c = ctx;

	buf_add(&c->frame, buf, len);
}

static void flush_frame(struct peer *c)
{
	if (c->frame.len == 0)
		return;
	peer_send(c, MSG_OUTPUT, c->frame.data, c->frame.len);
	c->frame.len = 0;
}

static struct pane *active_pane(struct peer *c)
{
	struct window *w = c->session != NULL ? c->session->current : NULL;

	return w != NULL ? w->active : NULL;
}

static void prefix_key(struct peer *c, const struct key *k)
{
	struct key prefix;
	struct pane *p = active_pane(c);

	c->prefix_pending = 0;
	if (k->kind == KEY_CHAR && k->cp == 'd' && k->mod == 0) {
		attach_detach(c, NULL);
		return;
	}
	if (key_parse(options_string(c->srv->options, "prefix"), &prefix) == 0 &&
	    key_equal(k, &prefix) && p != NULL && !c->readonly)
		key_send(k, p->grid); /* the prefix twice sends it to the pane */
}

static void tty_key(const struct key *k, const char *paste, size_t paste_len, void *ctx)
{
	struct peer *c = ctx;
	struct pane *p = active_pane(c);
	struct key prefix;

	if (c->state != PEER_ATTACHED)
		return;
	if (paste != NULL) {
		if (p != NULL && !c->readonly)
			grid_paste(p->grid, paste, paste_len);
		return;
	}
	if (c->prefix_pending) {
		prefix_key(c, k);
		return;
	}
	if (key_parse(options_string(c->srv->options, "prefix"), &prefix) == 0 &&
	    key_equal(k, &prefix)) {
		c->prefix_pending = 1;
		return;
	}
	if (p != NULL && !c->readonly)
		key_send(k, p->grid);
}

void attach_start(struct peer *c, struct session *s, int readonly)
{
	struct tty_caps caps = {0};
	const char *term = c->term != NULL && *c->term != '\0' ? c->term : "xterm-256color";

	if (c->colorterm != NULL &&
	    (strcmp(c->colorterm, "truecolor") == 0 || strcmp(c->colorterm, "24bit") == 0))
		caps.truecolor = 1;
	if (c->rows < 2)
		c->rows = 24;
	if (c->cols < 1)
		c->cols = 80;
	c->tty = tty_new(term, c->rows, c->cols, &caps, tty_out, tty_key, c);
	if (c->tty == NULL) {
		peer_send(c, MSG_STDERR, "open terminal failed\n", 21);
		peer_exit(c, 1, NULL);
		return;
	}
	c->render = render_new(c->tty);
	c->state = PEER_ATTACHED;
	c->session = s;
	c->readonly = readonly;
	s->attached++;
	session_touch(s);
	peer_send(c, MSG_ATTACH, NULL, 0);
	tty_start(c->tty);
	flush_frame(c);
	attach_size_session(c);
	attach_mark_session(s);
}

/* Give the terminal back and tell the client what to print. */
void attach_detach(struct peer *c, const char *message)
{
	char *msg;

	if (c->state != PEER_ATTACHED)
		return;
	msg = message != NULL ? xstrdup(message)
			      : xasprintf("[detached (from session %s)]", c->session->name);
	tty_stop(c->tty);
	flush_frame(c);
	attach_free(c);
	peer_exit(c, 0, msg);
	free(msg);
}

void attach_detach_session(struct session *s, int exited)
{
	struct peer *c, *next;

	for (c = s->srv->peers; c != NULL; c = next) {
		next = c->next;
		if (c->state == PEER_ATTACHED && c->session == s)
			attach_detach(c, exited ? "[exited]" : NULL);
	}
}

void attach_free(struct peer *c)
{
	if (c->session != NULL)
		c->session->attached--;
	c->session = NULL;
	render_free(c->render);
	c->render = NULL;
	tty_free(c->tty);
	c->tty = NULL;
	uv_timer_stop(&c->timer);
	uv_timer_stop(&c->msg_timer);
	c->state = PEER_READY;
}

/* A lone Escape waits for the rest of a sequence this long. */
static void escape_timer_cb(uv_timer_t *t)
{
	attach_timer(t->data);
}

void attach_input(struct peer *c, const char *buf, size_t len)
{
	int ms;

	tty_input(c->tty, buf, len);
	if (c->state != PEER_ATTACHED)
		return;
	ms = tty_input_timeout(c->tty);
	if (ms >= 0)
		uv_timer_start(&c->timer, escape_timer_cb, (uint64_t)ms, 0);
}

void attach_timer(struct peer *c)
{
	if (c->state == PEER_ATTACHED)
		tty_input_flush(c->tty);
}

void attach_resize(struct peer *c, int rows, int cols)
{
	if (rows < 2 || cols < 1 || rows > 10000 || cols > 10000)
		return;
	c->rows = rows;
	c->cols = cols;
	tty_resize(c->tty, rows, cols);
	render_invalidate(c->render);
	attach_size_session(c);
	attach_mark_session(c->session);
}

static void msg_timer_cb(uv_timer_t *t)
{
	struct peer *c = t->data;

	free(c->message);
	c->message = NULL;
	c->dirty = 1;
	server_schedule(c->srv);
}

void attach_message(struct peer *c, const char *msg)
{
	free(c->message);
	c->message = xstrdup(msg);
	uv_timer_start(&c->msg_timer, msg_timer_cb,
		       (uint64_t)options_number(c->srv->options, "display-time"), 0);
	c->dirty = 1;
	server_schedule(c->srv);
}

void attach_mark_session(struct session *s)
{
	struct peer *c;

	for (c = s->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->session == s)
			c->dirty = 1;
	}
	server_schedule(s->srv);
}

void attach_options_changed(struct server *srv)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED) {
			render_invalidate(c->render);
			attach_size_session(c);
		}
	}
}

void attach_drained(struct peer *c)
{
	if (c->dirty)
		server_schedule(c->srv);
}

/* The status line: status-left, the window list, status-right at the right
 * edge; or the message being displayed. */
static char *status_text(struct peer *c)
{
	struct server *srv = c->srv;
	struct format_ctx fc;
	struct window *w;
	struct buf b;
	char *left, *right, tbuf[512];
	time_t now = time(NULL);
	struct tm tm;

	if (c->message != NULL)
		return xstrdup(c->message);
	format_ctx_session(&fc, srv, c->session);
	fc.c = c;
	buf_init(&b);
	left = format_expand(options_string(srv->options, "status-left"), &fc);
	buf_adds(&b, left);
	free(left);
	for (w = c->session->windows; w != NULL; w = w->next) {
		char *item;

		format_ctx_window(&fc, srv, w);
		item = format_expand("#{window_index}:#{window_name}#{window_flags}", &fc);
		buf_printf(&b, "%s%s", w == c->session->windows ? "" : " ", item);
		free(item);
	}
	format_ctx_session(&fc, srv, c->session);
	right = format_expand(options_string(srv->options, "status-right"), &fc);
	localtime_r(&now, &tm);
	if (strftime(tbuf, sizeof tbuf, right, &tm) == 0)
		tbuf[0] = '\0';
	free(right);
	{
		int width = c->cols, used = (int)b.len, rlen = (int)strlen(tbuf);

		while (used + rlen < width) {
			buf_addc(&b, ' ');
			used++;
		}
		buf_adds(&b, tbuf);
	}
	return buf_detach(&b);
}

static void attach_draw(struct peer *c)
{
	struct window *w = c->session->current;
	struct render_view views[64];
	struct render_frame f;
	struct pane *p;
	int n = 0, status = status_lines(c->srv), top;
	char *st = NULL;

	memset(&f, 0, sizeof f);
	top = strcmp(options_string(c->srv->options, "status-position"), "top") == 0;
	for (p = w != NULL ? w->panes : NULL; p != NULL && n < 64; p = p->next) {
		views[n].grid = p->grid;
		views[n].x = p->xoff;
		views[n].y = p->yoff + (status && top ? 1 : 0);
		views[n].width = p->sx;
		views[n].height = p->sy;
		if (p == w->active)
			f.active = n;
		n++;
	}
	f.views = views;
	f.nviews = n;
	if (status) {
		st = status_text(c);
		f.status = st;
		f.status_top = top;
	}
	render_draw(c->render, &f);
	free(st);
	flush_frame(c);
}

void attach_render_all(struct server *srv)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state != PEER_ATTACHED || !c->dirty)
			continue;
		if (c->queued > 0)
			continue; /* a frame is in flight: draw when it drains */
		c->dirty = 0;
		attach_draw(c);
	}
}
