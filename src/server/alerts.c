/*
 * alerts: bells, activity and silence in windows. See alerts.h.
 *
 * A pane's event only marks its window (alerts_queued) and wakes the loop:
 * the event arrives in the middle of parsing the pane's output, where
 * running hooks or drawing messages would be out of place. alerts_run then
 * decides, as tmux does:
 *   - the window gets the flag unless it is the current window of a session
 *     someone is looking at; activity and silence already flagged are not
 *     raised again (every bell is);
 *   - if the session's *-action allows it (any, current, other, none), the
 *     alert-* hook fires and every client of the session gets a BEL
 *     (visual-* off), the message "Bell in window N" (on), or both.
 */
#include "server/alerts.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/hooks.h"
#include "cmd/options.h"
#include "server/server.h"
#include "util/buf.h"

struct alert_kind {
	int flag;
	const char *monitor; /* the window option that turns it on */
	const char *action;  /* the session option: any, none, current, other */
	const char *visual;  /* off, on, both */
	const char *hook;
	const char *word; /* in the message */
};

static const struct alert_kind kinds[] = {
	{ALERT_BELL, "monitor-bell", "bell-action", "visual-bell", "alert-bell", "Bell"},
	{ALERT_ACTIVITY, "monitor-activity", "activity-action", "visual-activity", "alert-activity",
	 "Activity"},
	{ALERT_SILENCE, "monitor-silence", "silence-action", "visual-silence", "alert-silence",
	 "Silence"},
};

static void alerts_queue(struct window *w, int flag)
{
	w->alerts_queued |= flag;
	w->srv->alerts_queued = 1;
	server_wake(w->srv);
}

static void silence_close_cb(uv_handle_t *h)
{
	free(h);
}

static void silence_reset(struct window *w);

/* Still silent after another period: raised again, as in tmux. */
static void silence_cb(uv_timer_t *t)
{
	struct window *w = t->data;

	silence_reset(w);
	alerts_queue(w, ALERT_SILENCE);
}

/* Restart the window's silence clock (monitor-silence seconds; 0: off). */
static void silence_reset(struct window *w)
{
	long secs = options_number(window_options(w), "monitor-silence");

	w->alerts_queued &= ~ALERT_SILENCE;
	if (secs <= 0) {
		if (w->silence != NULL)
			uv_timer_stop(w->silence);
		return;
	}
	if (w->silence == NULL) {
		w->silence = xmalloc(sizeof *w->silence);
		uv_timer_init(w->srv->loop, w->silence);
		w->silence->data = w;
	}
	uv_timer_start(w->silence, silence_cb, (uint64_t)secs * 1000, 0);
}

void alerts_bell(struct pane *p)
{
	silence_reset(p->window);
	alerts_queue(p->window, ALERT_BELL);
}

void alerts_output(struct pane *p)
{
	struct window *w = p->window;

	silence_reset(w);
	if (options_number(window_options(w), "monitor-activity"))
		alerts_queue(w, ALERT_ACTIVITY);
}

static int action_applies(struct window *w, const char *option)
{
	const char *a = options_string(session_options(w->session), option);
	int current = w->session->current == w;

	return strcmp(a, "any") == 0 || (strcmp(a, "current") == 0 && current) ||
	       (strcmp(a, "other") == 0 && !current);
}

/* A BEL, a message or both to each client of the session. */
static void alert_clients(struct window *w, const struct alert_kind *k)
{
	struct session *s = w->session;
	const char *visual = options_string(session_options(s), k->visual);
	struct peer *c;
	char *msg;

	for (c = w->srv->peers; c != NULL; c = c->next) {
		if (c->state != PEER_ATTACHED || c->session != s)
			continue;
		if (strcmp(visual, "on") != 0 && !c->suspended)
			peer_send(c, MSG_OUTPUT, "\a", 1);
		if (strcmp(visual, "off") == 0)
			continue;
		if (s->current == w)
			msg = xasprintf("%s in current window", k->word);
		else
			msg = xasprintf("%s in window %d", k->word, w->index);
		attach_message(c, msg);
		free(msg);
	}
}

static void alert_window(struct window *w, const struct alert_kind *k)
{
	if (!(w->alerts_queued & k->flag))
		return;
	/* every bell counts; activity and silence count once until seen */
	if (k->flag != ALERT_BELL && (w->alerts & k->flag))
		return;
	if (!options_number(window_options(w), k->monitor))
		return;
	if (w->session->current != w || w->session->attached == 0) {
		w->alerts |= k->flag;
		attach_mark_session(w->session);
	}
	if (!action_applies(w, k->action))
		return;
	hooks_fire_window(w->srv, k->hook, w);
	alert_clients(w, k);
}

void alerts_run(struct server *srv)
{
	struct session *s;
	struct window *w;

	if (!srv->alerts_queued)
		return;
	srv->alerts_queued = 0;
	for (s = srv->sessions; s != NULL; s = s->next) {
		for (w = s->windows; w != NULL; w = w->next) {
			if (w->alerts_queued == 0)
				continue;
			for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
				alert_window(w, &kinds[i]);
			w->alerts_queued = 0;
		}
	}
}

void alerts_selected(struct window *w)
{
	w->alerts = 0;
}

void alerts_reset_all(struct server *srv)
{
	struct session *s;
	struct window *w;

	for (s = srv->sessions; s != NULL; s = s->next) {
		for (w = s->windows; w != NULL; w = w->next)
			silence_reset(w);
	}
}

void alerts_window_free(struct window *w)
{
	if (w->silence != NULL)
		uv_close((uv_handle_t *)w->silence, silence_close_cb);
	w->silence = NULL;
}

char *alerts_session_list(const struct window *first)
{
	const struct window *w;
	struct buf b;
	char *s;

	buf_init(&b);
	for (w = first; w != NULL; w = w->next) {
		if (w->alerts == 0)
			continue;
		s = xasprintf("%s%d%s%s%s", b.len > 0 ? "," : "", w->index,
			      (w->alerts & ALERT_ACTIVITY) ? "#" : "",
			      (w->alerts & ALERT_BELL) ? "!" : "",
			      (w->alerts & ALERT_SILENCE) ? "~" : "");
		buf_adds(&b, s);
		free(s);
	}
	buf_addc(&b, '\0');
	return b.data;
}
