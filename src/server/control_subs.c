/*
 * control_subs: refresh-client -B subscriptions. A control client names a
 * format and what it is about (its session, a window or every window of
 * it, a pane or every pane of it); once a second the format is expanded
 * for each and %subscription-changed tells the values that changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "server/control.h"
#include "server/server.h"

#define CONTROL_SUBS_MS 1000

struct sub_value {
	char key[24]; /* "s", "@id", "%id": what the value is of */
	char *value;
	int seen; /* still there at the last check */
};

struct control_sub {
	char *name;
	char *what; /* "", "@*", "@id", "%*", "%id" */
	char *format;
	struct sub_value *values;
	int nvalues;
};

static uv_timer_t subs_timer;
static int subs_timer_ready;

static void sub_free(struct control_sub *sub)
{
	for (int i = 0; i < sub->nvalues; i++)
		free(sub->values[i].value);
	free(sub->values);
	free(sub->name);
	free(sub->what);
	free(sub->format);
}

void control_subs_free(struct control *ctl)
{
	for (int i = 0; i < ctl->nsubs; i++)
		sub_free(&ctl->subs[i]);
	free(ctl->subs);
	ctl->subs = NULL;
	ctl->nsubs = 0;
}

static int sub_find(struct control *ctl, const char *name)
{
	for (int i = 0; i < ctl->nsubs; i++) {
		if (strcmp(ctl->subs[i].name, name) == 0)
			return i;
	}
	return -1;
}

static void sub_remove(struct control *ctl, int i)
{
	sub_free(&ctl->subs[i]);
	memmove(&ctl->subs[i], &ctl->subs[i + 1], sizeof *ctl->subs * (ctl->nsubs - i - 1));
	ctl->nsubs--;
}

/* The value last told for key, added (NULL) if new. */
static struct sub_value *sub_value(struct control_sub *sub, const char *key)
{
	struct sub_value *v;

	for (int i = 0; i < sub->nvalues; i++) {
		if (strcmp(sub->values[i].key, key) == 0)
			return &sub->values[i];
	}
	sub->values = xrealloc(sub->values, sizeof *sub->values * (sub->nvalues + 1));
	v = &sub->values[sub->nvalues++];
	memset(v, 0, sizeof *v);
	snprintf(v->key, sizeof v->key, "%s", key);
	return v;
}

/* Expand the format for one object; tell it if it changed. */
static void sub_check_one(struct peer *c, struct control_sub *sub, struct buf *b, struct window *w,
			  struct pane *p)
{
	struct session *s = c->session;
	struct format_ctx fc;
	struct sub_value *v;
	char key[24], *value;

	if (p != NULL)
		snprintf(key, sizeof key, "%%%u", p->id);
	else if (w != NULL)
		snprintf(key, sizeof key, "@%u", w->id);
	else
		snprintf(key, sizeof key, "s");
	/* (the session's value is about its current window and pane) */
	format_ctx_pane(&fc, c->srv,
			p != NULL	     ? p
			: w != NULL	     ? w->active
			: s->current != NULL ? s->current->active
					     : NULL);
	if (fc.p == NULL) {
		fc.s = s;
		fc.w = w;
	}
	if (p == NULL)
		fc.type = w != NULL ? FORMAT_WINDOW : FORMAT_SESSION;
	fc.c = c;
	value = format_expand(sub->format, &fc);
	v = sub_value(sub, key);
	v->seen = 1;
	if (v->value != NULL && strcmp(v->value, value) == 0) {
		free(value);
		return;
	}
	free(v->value);
	v->value = value;
	buf_printf(b, "%%subscription-changed %s $%u ", sub->name, s->id);
	if (w != NULL)
		buf_printf(b, "@%u %d ", w->id, w->index);
	else
		buf_adds(b, "- - ");
	if (p != NULL)
		buf_printf(b, "%%%u : %s\n", p->id, value);
	else
		buf_printf(b, "- : %s\n", value);
}

/* Which objects of the client's session a subscription is about. */
static void sub_check(struct peer *c, struct control_sub *sub, struct buf *b)
{
	const char *what = sub->what;
	uint32_t id = (uint32_t)strtoul(what + (*what != '\0'), NULL, 10);

	for (int i = 0; i < sub->nvalues; i++)
		sub->values[i].seen = 0;
	if (*what == '\0') {
		sub_check_one(c, sub, b, NULL, NULL);
	} else if (*what == '@') {
		for (struct window *w = c->session->windows; w != NULL; w = w->next) {
			if (what[1] == '*' || w->id == id)
				sub_check_one(c, sub, b, w, NULL);
		}
	} else {
		for (struct window *w = c->session->windows; w != NULL; w = w->next) {
			for (struct pane *p = w->panes; p != NULL; p = p->next) {
				if (what[1] == '*' || p->id == id)
					sub_check_one(c, sub, b, w, p);
			}
		}
	}
	/* what has gone is forgotten: it is told again if it comes back */
	for (int i = 0; i < sub->nvalues;) {
		if (sub->values[i].seen) {
			i++;
			continue;
		}
		free(sub->values[i].value);
		sub->values[i] = sub->values[--sub->nvalues];
	}
}

static void subs_timer_cb(uv_timer_t *t)
{
	struct server *srv = t->data;
	int any = 0;

	for (struct peer *c = srv->peers; c != NULL; c = c->next) {
		struct buf b;

		if (c->control == NULL || c->control->nsubs == 0)
			continue;
		any = 1;
		if (c->state != PEER_ATTACHED || c->control->running || c->session == NULL)
			continue;
		buf_init(&b);
		for (int i = 0; i < c->control->nsubs; i++)
			sub_check(c, &c->control->subs[i], &b);
		control_write(c, b.data, b.len);
		buf_free(&b);
	}
	if (!any)
		uv_timer_stop(t);
}

static int sub_what_valid(const char *what)
{
	char *end;

	if (*what == '\0')
		return 1;
	if ((what[0] != '@' && what[0] != '%') || what[1] == '\0')
		return 0;
	if (strcmp(what + 1, "*") == 0)
		return 1;
	(void)strtoul(what + 1, &end, 10);
	return *end == '\0';
}

/* -B name:what:format subscribes (again, replacing it), -B name stops. */
int control_subscribe(struct peer *c, const char *spec, char **err)
{
	struct control *ctl = c->control;
	const char *colon = strchr(spec, ':'), *colon2;
	struct control_sub sub;
	char *name;
	int i;

	name = colon != NULL ? xstrndup(spec, (size_t)(colon - spec)) : xstrdup(spec);
	if ((i = sub_find(ctl, name)) >= 0)
		sub_remove(ctl, i);
	if (colon == NULL) {
		free(name);
		return 0;
	}
	colon2 = strchr(colon + 1, ':');
	if (*name == '\0' || colon2 == NULL) {
		*err = xasprintf("bad subscription: %s", spec);
		free(name);
		return -1;
	}
	memset(&sub, 0, sizeof sub);
	sub.name = name;
	sub.what = xstrndup(colon + 1, (size_t)(colon2 - colon - 1));
	sub.format = xstrdup(colon2 + 1);
	if (!sub_what_valid(sub.what) || format_check(sub.format, err) != 0) {
		if (*err == NULL)
			*err = xasprintf("bad subscription: %s", spec);
		sub_free(&sub);
		return -1;
	}
	/* kept in name order: they are checked (and told) in that order */
	for (i = 0; i < ctl->nsubs && strcmp(ctl->subs[i].name, name) < 0; i++)
		;
	ctl->subs = xrealloc(ctl->subs, sizeof *ctl->subs * (ctl->nsubs + 1));
	memmove(&ctl->subs[i + 1], &ctl->subs[i], sizeof *ctl->subs * (ctl->nsubs - i));
	ctl->subs[i] = sub;
	ctl->nsubs++;
	if (!subs_timer_ready) {
		uv_timer_init(c->srv->loop, &subs_timer);
		subs_timer.data = c->srv;
		subs_timer_ready = 1;
	}
	if (!uv_is_active((uv_handle_t *)&subs_timer))
		uv_timer_start(&subs_timer, subs_timer_cb, CONTROL_SUBS_MS, CONTROL_SUBS_MS);
	return 0;
}
