/* wait: the server side of wait-pane. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server/server.h"
#include "server/wait.h"
#include "term/grid.h"

/* How often the foreground group and idleness are looked at while someone
 * waits on them. */
#define WAIT_TICK_MS 20
/* A command that never leaves the shell's process group (a builtin) is taken
 * as finished once the pane has been quiet this long after the keys. */
#define WAIT_SETTLE_MS 250
/* -n keeps at most this much of the new output to match against. */
#define WAIT_TEXT_MAX (1024 * 1024)

struct waiter {
	struct server *srv;
	struct waiter *next;
	struct peer *c;
	uint32_t pane;
	struct wait_spec spec;
	int have_re;
	regex_t re;
	struct buf text; /* -n: output since the start, escapes removed */
	int esc;	 /* inside an escape sequence while stripping */
	uint64_t started;
	uv_timer_t tick;
	int done;
};

/* The server owns the list through a static head: there is one server per
 * process, and this keeps struct server free of wait internals. */
static struct waiter *waiters;

static void waiter_close_cb(uv_handle_t *h)
{
	struct waiter *w = h->data;

	if (w->have_re)
		regfree(&w->re);
	buf_free(&w->text);
	free(w);
}

static void waiter_free(struct waiter *w)
{
	struct waiter **pp;

	for (pp = &waiters; *pp != NULL && *pp != w; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = w->next;
	uv_close((uv_handle_t *)&w->tick, waiter_close_cb);
}

static void waiter_reply(struct waiter *w, int status, const char *out, const char *err)
{
	if (w->done)
		return;
	w->done = 1;
	if (out != NULL)
		peer_send(w->c, MSG_STDOUT, out, strlen(out));
	if (err != NULL)
		peer_send(w->c, MSG_STDERR, err, strlen(err));
	peer_exit(w->c, status, NULL);
	waiter_free(w);
}

static int match_screen(struct waiter *w, struct pane *p)
{
	size_t len;
	char *text;
	int rc;

	if (w->spec.new_only)
		return regexec(&w->re, buf_cstr(&w->text), 0, NULL, 0) == 0;
	text = grid_capture(p->grid, 0, grid_rows(p->grid) - 1, 0, &len);
	rc = regexec(&w->re, text, 0, NULL, 0) == 0;
	free(text);
	return rc;
}

/* -x: the program's exit status, or 128 plus the signal that ended it. */
static void exited_reply(struct waiter *w, int status)
{
	char out[32];
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

	snprintf(out, sizeof out, "%d\n", code);
	waiter_reply(w, 0, out, NULL);
}

/* The pane's foreground job is over: the shell has the terminal again, and
 * either the shell said so (OSC 133;D), or a job was seen in the foreground
 * since the keys were sent, or the pane has been quiet long enough for a
 * builtin (or a job too quick to be seen) to have finished. */
static int foreground_done(struct waiter *w, struct pane *p, uint64_t now)
{
	uint64_t last;

	if (p->exited)
		return 1; /* no program, so no job in the foreground either */
	pane_sample_foreground(p);
	if (pane_foreground(p) != p->pid)
		return 0;
	if (grid_shell_marks(p->grid)->finished > p->keys_marks)
		return 1;
	if (p->fg_away)
		return 1;
	last = p->last_output > p->last_keys ? p->last_output : p->last_keys;
	return now - last >= WAIT_SETTLE_MS;
}

static int idle_done(struct waiter *w, struct pane *p, uint64_t now)
{
	uint64_t last = p->last_output;

	if (p->last_keys > last)
		last = p->last_keys;
	if (w->started > last && w->spec.new_only)
		last = w->started;
	return now - last >= (uint64_t)w->spec.idle_ms;
}

static void waiter_check(struct waiter *w)
{
	struct pane *p = pane_find_id(w->srv, w->pane);
	uint64_t now = uv_now(w->srv->loop);

	if (p == NULL)
		return; /* a close is reported by wait_pane_closed */
	if (w->spec.exited) {
		/* an exit is reported as it happens; one before the wait now */
		if (p->exited) {
			exited_reply(w, p->exit_status);
			return;
		}
		goto not_yet;
	}
	if (w->have_re && !match_screen(w, p))
		goto not_yet;
	if (w->spec.idle_ms >= 0 && !idle_done(w, p, now))
		goto not_yet;
	if (w->spec.foreground && !foreground_done(w, p, now))
		goto not_yet;
	waiter_reply(w, 0, NULL, NULL);
	return;
not_yet:
	if (w->spec.timeout > 0 && now - w->started >= (uint64_t)(w->spec.timeout * 1000)) {
		char *msg = xasprintf("wait-pane: timed out after %g seconds\n", w->spec.timeout);

		waiter_reply(w, 1, NULL, msg);
		free(msg);
	}
}

static void tick_cb(uv_timer_t *t)
{
	waiter_check(t->data);
}

int wait_start(struct peer *c, struct pane *p, const struct wait_spec *spec, char **err)
{
	struct waiter *w = xcalloc(1, sizeof *w);

	w->srv = c->srv;
	w->c = c;
	w->pane = p->id;
	w->spec = *spec;
	w->started = uv_now(c->srv->loop);
	buf_init(&w->text);
	if (spec->regex != NULL) {
		int rc = regcomp(&w->re, spec->regex, REG_EXTENDED | REG_NEWLINE | REG_NOSUB);

		if (rc != 0) {
			char msg[256];

			regerror(rc, &w->re, msg, sizeof msg);
			*err = xasprintf("bad regular expression: %s", msg);
			free(w);
			return -1;
		}
		w->have_re = 1;
	}
	w->spec.regex = NULL; /* not kept: the argument goes with the command */
	uv_timer_init(c->srv->loop, &w->tick);
	w->tick.data = w;
	w->next = waiters;
	waiters = w;
	uv_timer_start(&w->tick, tick_cb, 0, WAIT_TICK_MS);
	return 0;
}

/* Keep the text of new output, without escape sequences and carriage
 * returns, for -n. */
static void add_text(struct waiter *w, const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)buf[i];

		if (w->esc) {
			/* CSI ends at a final byte; OSC and others at BEL or ST. */
			if ((w->esc == 2 && ch >= 0x40 && ch <= 0x7e) || ch == 0x07 ||
			    (w->esc == 1 && ch != '[' && ch != ']' && ch != 'P'))
				w->esc = 0;
			else if (w->esc == 1)
				w->esc = ch == '[' ? 2 : 3;
			else if (w->esc == 3 && ch == '\\')
				w->esc = 0;
			continue;
		}
		if (ch == 0x1b)
			w->esc = 1;
		else if (ch != '\r' && (ch >= 0x20 || ch == '\n' || ch == '\t'))
			buf_addc(&w->text, (char)ch);
	}
	if (w->text.len > WAIT_TEXT_MAX)
		buf_consume(&w->text, w->text.len - WAIT_TEXT_MAX / 2);
}

void wait_pane_output(struct pane *p, const char *buf, size_t len)
{
	struct waiter *w, *next;

	for (w = waiters; w != NULL; w = next) {
		next = w->next;
		if (w->pane != p->id)
			continue;
		if (w->spec.new_only)
			add_text(w, buf, len);
		if (w->have_re)
			waiter_check(w);
	}
}

void wait_pane_exited(struct pane *p, int status)
{
	struct waiter *w, *next;

	for (w = waiters; w != NULL; w = next) {
		next = w->next;
		if (w->pane == p->id && w->spec.exited)
			exited_reply(w, status);
	}
}

void wait_pane_closed(struct pane *p)
{
	struct waiter *w, *next;

	for (w = waiters; w != NULL; w = next) {
		char *msg;

		next = w->next;
		if (w->pane != p->id)
			continue;
		if (w->spec.exited) {
			waiter_reply(w, 0, "0\n", NULL); /* killed: no status of its own */
			continue;
		}
		msg = xasprintf("wait-pane: pane %%%u closed\n", p->id);
		waiter_reply(w, 1, NULL, msg);
		free(msg);
	}
}

void wait_peer_closed(struct peer *c)
{
	struct waiter *w, *next;

	for (w = waiters; w != NULL; w = next) {
		next = w->next;
		if (w->c == c) {
			w->done = 1;
			waiter_free(w);
		}
	}
}
