/* passthru: the clipboard, focus and passthrough between programs and terminals. */
#include "server/passthru.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/hooks.h"
#include "cmd/options.h"
#include "render/tty.h"
#include "server/server.h"
#include "term/grid.h"
#include "util/buf.h"

int passthru_client_has(const struct peer *c, const char *feature, const char *cap)
{
	struct options *o = c->srv->options;
	const char *term = c->term != NULL ? c->term : "";

	return tty_features_has(options_string(o, "terminal-features"), term, feature) ||
	       tty_features_has(options_string(o, "terminal-overrides"), term, cap);
}

/* OSC 52 setting the clipboard to data, in base64. */
static void osc52(struct buf *b, const char *data, size_t len)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	buf_adds(b, "\033]52;c;");
	for (size_t i = 0; i < len; i += 3) {
		size_t n = len - i < 3 ? len - i : 3;
		uint32_t v = (uint32_t)(unsigned char)data[i] << 16;

		if (n > 1)
			v |= (uint32_t)(unsigned char)data[i + 1] << 8;
		if (n > 2)
			v |= (unsigned char)data[i + 2];
		for (size_t k = 0; k < 4; k++)
			buf_addc(b, k <= n ? b64[(v >> (18 - 6 * k)) & 63] : '=');
	}
	buf_addc(b, '\a');
}

int passthru_focus_wanted(const struct peer *c)
{
	return options_number(c->srv->options, "focus-events") &&
	       passthru_client_has(c, "focus", "Enfcs");
}

void passthru_client_focus(struct peer *c, int in)
{
	if (c->focused == in)
		return;
	c->focused = in;
	c->srv->focus_check = 1;
	if (c->state == PEER_ATTACHED)
		hooks_fire_client(c->srv, in ? "client-focus-in" : "client-focus-out", c,
				  c->session);
	/* now, not at the check step: keys typed after it come after it */
	passthru_focus_check(c->srv);
}

static struct pane *client_pane(const struct peer *c)
{
	if (c->state != PEER_ATTACHED || c->session == NULL || c->session->current == NULL)
		return NULL;
	return c->session->current->active;
}

static uint32_t pane_key(const struct pane *p)
{
	return p != NULL ? p->id + 1 : 0;
}

/* Has a client's active pane changed since the last check? */
static int clients_moved(struct server *srv)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && pane_key(client_pane(c)) != c->focus_seen)
			return 1;
	}
	return 0;
}

static int pane_has_focus(struct server *srv, const struct pane *p)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->focused && client_pane(c) == p)
			return 1;
	}
	return 0;
}

void passthru_focus_check(struct server *srv)
{
	struct pane *p;
	struct peer *c;
	int want, events;

	if (!srv->focus_check && !clients_moved(srv))
		return;
	srv->focus_check = 0;
	for (c = srv->peers; c != NULL; c = c->next)
		c->focus_seen = c->state == PEER_ATTACHED ? pane_key(client_pane(c)) : 0;
	events = options_number(srv->options, "focus-events");
	for (p = pane_all(srv, NULL); p != NULL; p = pane_all(srv, p)) {
		want = pane_has_focus(srv, p);
		if (p->exited)
			continue;
		/* the hooks whether or not the program is told */
		if (want != p->focus_hooked) {
			p->focus_hooked = want;
			hooks_fire_pane(srv, want ? "pane-focus-in" : "pane-focus-out", p);
		}
		if (!events || want == p->focused)
			continue;
		p->focused = want;
		grid_focus(p->grid, want);
	}
}

#define SYNC_MAX_MS 1000 /* a program that never ends its frame is shown anyway */

static void sync_end(struct pane *p)
{
	p->sync = 0;
	if (p->sync_timer != NULL)
		uv_timer_stop(p->sync_timer);
	attach_mark_session(p->window->session);
}

static void sync_timer_cb(uv_timer_t *t)
{
	sync_end(t->data);
}

static void sync_close_cb(uv_handle_t *h)
{
	free(h);
}

/* Mode 2026 in the text of the program's output (not in passthrough data). */
static void sync_scan(struct pane *p, const char *buf, size_t len)
{
	int on;

	if (p->sync_scan.mode == 0)
		modescan_init(&p->sync_scan, 2026);
	on = modescan_feed(&p->sync_scan, buf, len);
	if (on < 0 || on == p->sync)
		return;
	if (!on) {
		sync_end(p);
		return;
	}
	if (p->sync_timer == NULL) {
		p->sync_timer = xmalloc(sizeof *p->sync_timer);
		uv_timer_init(p->srv->loop, p->sync_timer);
		p->sync_timer->data = p;
	}
	p->sync = 1;
	uv_timer_start(p->sync_timer, sync_timer_cb, SYNC_MAX_MS, 0);
}

static void text_out(void *arg, const char *buf, size_t len)
{
	struct pane *p = arg;

	sync_scan(p, buf, len);
	pane_options_seen(p);
	grid_input(p->grid, buf, len);
}

/* Does the client show the pane (its window current, not hidden by a
 * zoomed pane)? */
static int shows_pane(const struct peer *c, const struct pane *p)
{
	struct window *w = p->window;

	return c->state == PEER_ATTACHED && !c->suspended && c->session != NULL &&
	       c->session->current == w && (!w->zoomed || w->active == p);
}

/* allow-passthrough: the data goes to the terminals showing the pane, with
 * all also to those of the window's session showing another window. */
static void passthrough_done(void *arg, const char *data, size_t len)
{
	struct pane *p = arg;
	long allow = options_number(pane_options(p), "allow-passthrough");
	struct peer *c, *next;

	if (allow == 0)
		return;
	for (c = p->srv->peers; c != NULL; c = next) {
		next = c->next;
		if (shows_pane(c, p))
			attach_passthrough(c, p, data, len);
		else if (allow == 2 && c->state == PEER_ATTACHED && !c->suspended &&
			 c->session == p->window->session)
			attach_passthrough(c, NULL, data, len);
	}
}

/* The data is always kept (a megabyte at most): allow-passthrough is
 * looked at once a sequence is complete, not on every read. */
void passthru_pane_output(struct pane *p, const char *buf, size_t len)
{
	passfilter_input(&p->pass, buf, len, 1, uv_now(p->srv->loop), text_out, passthrough_done,
			 p);
}

void passthru_pane_free(struct pane *p)
{
	passfilter_free(&p->pass);
	if (p->sync_timer != NULL)
		uv_close((uv_handle_t *)p->sync_timer, sync_close_cb);
	p->sync_timer = NULL;
}

/* Clients whose current window is the pane's. */
static int shows(const struct peer *c, const struct pane *p)
{
	return c->state == PEER_ATTACHED && c->session != NULL && c->session->current == p->window;
}

void passthru_client_selection(struct peer *c, const char *data, size_t len)
{
	struct buf b;

	if (c->state != PEER_ATTACHED || !passthru_client_has(c, "clipboard", "Ms"))
		return;
	buf_init(&b);
	osc52(&b, data, len);
	/* its own message: it moves no cursor and changes no cell */
	peer_send(c, MSG_OUTPUT, b.data, b.len);
	buf_free(&b);
}

void passthru_set_selection(struct pane *p, const char *data, size_t len)
{
	for (struct peer *c = p->srv->peers; c != NULL; c = c->next) {
		if (shows(c, p))
			passthru_client_selection(c, data, len);
	}
}

/* One base64 character's value, -1 for anything else. */
static int b64_value(char ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	return ch == '+' ? 62 : ch == '/' ? 63 : -1;
}

void passthru_client_clipboard(struct peer *c, const char *data, size_t len)
{
	struct buf out;
	uint32_t acc = 0;
	int bits = 0, v;

	buf_init(&out);
	for (size_t i = 0; i < len && data[i] != '='; i++) {
		if ((v = b64_value(data[i])) < 0) {
			buf_free(&out);
			return; /* not base64: no buffer, as tmux */
		}
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addc(&out, (char)(acc >> bits & 0xff));
		}
	}
	if (out.len > 0)
		buffers_set(&c->srv->buffers, NULL, out.data, out.len);
	buf_free(&out);
}

void passthru_clipboard(struct pane *p, const char *data, size_t len)
{
	struct server *srv = p->srv;

	if (strcmp(options_string(srv->options, "set-clipboard"), "on") != 0)
		return;
	buffers_set(&srv->buffers, NULL, data, len);
	passthru_set_selection(p, data, len);
}
