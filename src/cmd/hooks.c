/* hooks: named lists of commands and the queue of fired hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/parse.h"

#define HOOK_SLOTS 64

/* A hook of one object: the global set (scope HOOKS_GLOBAL), or a session,
 * window or pane by id. Ids are never reused. */
struct hook {
	char *name;
	enum hooks_scope scope;
	uint32_t id;
	char *commands[HOOK_SLOTS]; /* tmux's name[N] array */
	struct hook *next;
};

/* What a fired hook's formats see: hook_* and, for the object it is about,
 * every variable as it was when the hook fired (the pane of pane-exited is
 * gone when its commands run). */
struct hook_vars {
	char **names, **values;
	int n;
	int refs;
};

struct fired {
	char *command;
	uint32_t session, window, pane, client; /* ids plus one, 0: none */
	struct hook_vars *vars;
	struct fired *next;
};

struct hooks {
	struct hook *first;
	struct fired *queue, **tail;
	struct fired *running;	    /* the hook whose commands run now */
	const struct pane *standin; /* its current pane, when its own pane is gone */
};

static const char *const known_hooks[] = {
	"after-new-session",
	"after-new-window",
	"after-split-window",
	"after-kill-pane",
	"after-select-pane",
	"after-select-window",
	"after-rename-session",
	"after-rename-window",
	"after-send-keys",
	"after-resize-pane",
	"after-select-layout",
	"client-attached",
	"client-detached",
	"client-resized",
	"client-session-changed",
	"pane-exited",
	"pane-died",
	"session-created",
	"session-closed",
	"session-renamed",
	"window-linked",
	"window-unlinked",
	"window-renamed",
	"alert-bell",
	"alert-activity",
	"alert-silence",
	"session-window-changed",
	"window-pane-changed",
	"window-layout-changed",
	"window-resized",
	"pane-focus-in",
	"pane-focus-out",
	"client-focus-in",
	"client-focus-out",
};

static void vars_unref(struct hook_vars *v)
{
	if (v == NULL || --v->refs > 0)
		return;
	for (int i = 0; i < v->n; i++) {
		free(v->names[i]);
		free(v->values[i]);
	}
	free(v->names);
	free(v->values);
	free(v);
}

static void vars_add(const char *name, const char *value, void *arg)
{
	struct hook_vars *v = arg;

	v->names = xrealloc(v->names, sizeof *v->names * (v->n + 1));
	v->values = xrealloc(v->values, sizeof *v->values * (v->n + 1));
	v->names[v->n] = xstrdup(name);
	v->values[v->n] = xstrdup(value != NULL ? value : ""); /* as it was when the hook fired */
	v->n++;
}

static void fired_free(struct fired *f)
{
	free(f->command);
	vars_unref(f->vars);
	free(f);
}

struct hooks *hooks_new(void)
{
	struct hooks *h = xcalloc(1, sizeof *h);

	h->tail = &h->queue;
	return h;
}

void hooks_free(struct hooks *h)
{
	struct hook *k, *next;
	struct fired *f, *fnext;

	if (h == NULL)
		return;
	for (k = h->first; k != NULL; k = next) {
		next = k->next;
		for (int i = 0; i < HOOK_SLOTS; i++)
			free(k->commands[i]);
		free(k->name);
		free(k);
	}
	for (f = h->queue; f != NULL; f = fnext) {
		fnext = f->next;
		fired_free(f);
	}
	free(h);
}

int hooks_known(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof known_hooks / sizeof known_hooks[0]; i++) {
		if (strcmp(name, known_hooks[i]) == 0)
			return 1;
	}
	/* after-<command> exists for every command */
	return strncmp(name, "after-", 6) == 0;
}

static struct hook *find(const struct hooks *h, enum hooks_scope scope, uint32_t id,
			 const char *name, int create)
{
	struct hook *k;

	for (k = h->first; k != NULL; k = k->next) {
		if (k->scope == scope && k->id == id && strcmp(k->name, name) == 0)
			return k;
	}
	if (!create)
		return NULL;
	k = xcalloc(1, sizeof *k);
	k->name = xstrdup(name);
	k->scope = scope;
	k->id = id;
	k->next = ((struct hooks *)h)->first;
	((struct hooks *)h)->first = k;
	return k;
}

static int hook_empty(const struct hook *k)
{
	for (int i = 0; i < HOOK_SLOTS; i++) {
		if (k->commands[i] != NULL)
			return 0;
	}
	return 1;
}

int hooks_exist(const struct hooks *h, const char *name)
{
	const struct hook *k;

	for (k = h != NULL ? h->first : NULL; k != NULL; k = k->next) {
		if (strcmp(k->name, name) == 0 && !hook_empty(k))
			return 1;
	}
	return 0;
}

static void hook_free(struct hook *k)
{
	for (int i = 0; i < HOOK_SLOTS; i++)
		free(k->commands[i]);
	free(k->name);
	free(k);
}

void hooks_forget(struct hooks *h, enum hooks_scope scope, uint32_t id)
{
	struct hook **kp, *k;

	if (h == NULL)
		return;
	kp = &h->first;
	while ((k = *kp) != NULL) {
		if (k->scope == scope && k->id == id) {
			*kp = k->next;
			hook_free(k);
		} else {
			kp = &k->next;
		}
	}
}

int hooks_set(struct hooks *h, enum hooks_scope scope, uint32_t id, const char *name, int index,
	      const char *command, char **err)
{
	struct hook *k = find(h, scope, id, name, command != NULL);
	int i;

	if (index >= HOOK_SLOTS) {
		*err = xasprintf("hook index too large: %d", index);
		return -1;
	}
	if (k == NULL)
		return 0;
	if (command == NULL) {
		for (i = 0; i < HOOK_SLOTS; i++) {
			if (index < 0 || i == index) {
				free(k->commands[i]);
				k->commands[i] = NULL;
			}
		}
		return 0;
	}
	if (index < 0) {
		for (i = 0; i < HOOK_SLOTS && k->commands[i] != NULL; i++)
			;
		if (i == HOOK_SLOTS) {
			*err = xasprintf("too many commands for hook %s", name);
			return -1;
		}
		index = i;
	}
	free(k->commands[index]);
	k->commands[index] = xstrdup(command);
	return 0;
}

void hooks_show(const struct hooks *h, enum hooks_scope scope, uint32_t id, const char *name,
		struct buf *out)
{
	const struct hook *k;

	for (k = h->first; k != NULL; k = k->next) {
		if (k->scope != scope || k->id != id ||
		    (name != NULL && strcmp(name, k->name) != 0))
			continue;
		for (int i = 0; i < HOOK_SLOTS; i++) {
			if (k->commands[i] != NULL)
				buf_printf(out, "%s[%d] %s\n", k->name, i, k->commands[i]);
		}
	}
}

/* The hook that applies, as tmux looks it up: the session's (which replaces
 * the global one), else the global one, else the pane's, else the window's. */
static struct hook *applying(const struct hooks *h, const char *name, uint32_t session,
			     uint32_t window, uint32_t pane)
{
	struct hook *k;

	if (session != 0 && (k = find(h, HOOKS_SESSION, session - 1, name, 0)) != NULL &&
	    !hook_empty(k))
		return k;
	if ((k = find(h, HOOKS_GLOBAL, 0, name, 0)) != NULL && !hook_empty(k))
		return k;
	if (pane != 0 && (k = find(h, HOOKS_PANE, pane - 1, name, 0)) != NULL && !hook_empty(k))
		return k;
	if (window != 0 && (k = find(h, HOOKS_WINDOW, window - 1, name, 0)) != NULL &&
	    !hook_empty(k))
		return k;
	return NULL;
}

static struct hook_vars *snapshot(struct server *srv, const char *name, struct session *s,
				  struct window *w, struct pane *p)
{
	struct hook_vars *v = xcalloc(1, sizeof *v);
	struct format_ctx fc;
	char id[32];

	v->refs = 1;
	vars_add("hook", name, v);
	if (s != NULL) {
		snprintf(id, sizeof id, "$%u", s->id);
		vars_add("hook_session", id, v);
		vars_add("hook_session_name", s->name, v);
	}
	if (w != NULL) {
		snprintf(id, sizeof id, "@%u", w->id);
		vars_add("hook_window", id, v);
		vars_add("hook_window_name", w->name != NULL ? w->name : "", v);
	}
	if (p != NULL) {
		snprintf(id, sizeof id, "%%%u", p->id);
		vars_add("hook_pane", id, v);
		format_ctx_pane(&fc, srv, p);
	} else if (w != NULL) {
		format_ctx_window(&fc, srv, w);
	} else {
		format_ctx_session(&fc, srv, s);
	}
	if (s != NULL)
		format_each(&fc, vars_add, v);
	return v;
}

/* Ids are stored plus one, so that 0 means none. */
static void hooks_fire(struct server *srv, const char *name, struct session *s, struct window *w,
		       struct pane *p, struct peer *c)
{
	struct hooks *h = srv->hooks;
	uint32_t session = s != NULL ? s->id + 1 : 0, window = w != NULL ? w->id + 1 : 0,
		 pane = p != NULL ? p->id + 1 : 0;
	struct hook *k = h != NULL ? applying(h, name, session, window, pane) : NULL;
	struct hook_vars *vars;

	srv->control_dirty = 1; /* control clients may have something to be told */
	if (k == NULL || srv->exiting)
		return;
	vars = snapshot(srv, name, s, w, p);
	if (c != NULL)
		vars_add("hook_client", c->ttyname != NULL ? c->ttyname : "", vars);
	for (int i = 0; i < HOOK_SLOTS; i++) {
		struct fired *f;

		if (k->commands[i] == NULL)
			continue;
		f = xcalloc(1, sizeof *f);
		f->command = xstrdup(k->commands[i]);
		f->session = session;
		f->window = window;
		f->pane = pane;
		f->client = c != NULL ? c->id + 1 : 0;
		f->vars = vars;
		vars->refs++;
		*h->tail = f;
		h->tail = &f->next;
	}
	vars_unref(vars);
	server_wake(srv);
}

void hooks_fire_session(struct server *srv, const char *name, struct session *s)
{
	hooks_fire(srv, name, s, NULL, NULL, NULL);
}

void hooks_fire_client(struct server *srv, const char *name, struct peer *c, struct session *s)
{
	hooks_fire(srv, name, s, NULL, NULL, c);
}

void hooks_fire_window(struct server *srv, const char *name, struct window *w)
{
	hooks_fire(srv, name, w != NULL ? w->session : NULL, w, NULL, NULL);
}

void hooks_fire_pane(struct server *srv, const char *name, struct pane *p)
{
	if (p == NULL) {
		hooks_fire(srv, name, NULL, NULL, NULL, NULL);
		return;
	}
	hooks_fire(srv, name, p->window->session, p->window, p, NULL);
}

/* The object's variables are the snapshot's while its object is gone and
 * the format is about the hook's own current target (or none). */
static int gone_prefix(struct server *srv, const struct fired *f, const char *name)
{
	if (f->pane != 0 && strncmp(name, "pane_", 5) == 0)
		return pane_find_id(srv, f->pane - 1) == NULL;
	if (f->window != 0 && strncmp(name, "window_", 7) == 0)
		return window_find_id(srv, f->window - 1) == NULL;
	if (f->session != 0 && strncmp(name, "session_", 8) == 0)
		return session_find_id(srv, f->session - 1) == NULL;
	return 0;
}

const char *hooks_var(struct server *srv, const char *name, const struct pane *current)
{
	struct hooks *h = srv->hooks;
	const struct fired *f = h != NULL ? h->running : NULL;
	int i, hookvar;

	if (f == NULL || f->vars == NULL)
		return NULL;
	hookvar = strncmp(name, "hook", 4) == 0 && (name[4] == '\0' || name[4] == '_');
	if (!hookvar && (current != h->standin || !gone_prefix(srv, f, name)))
		return NULL;
	for (i = 0; i < f->vars->n; i++) {
		if (strcmp(f->vars->names[i], name) == 0)
			return f->vars->values[i];
	}
	return NULL;
}

struct hooks_kept {
	struct fired f;		   /* no command: the ids and variables */
	struct fired *was_running; /* what hooks_leave restores */
	const struct pane *was_standin;
};

struct hooks_kept *hooks_keep(struct server *srv)
{
	const struct fired *f = srv->hooks != NULL ? srv->hooks->running : NULL;
	struct hooks_kept *k;

	if (f == NULL)
		return NULL;
	k = xcalloc(1, sizeof *k);
	k->f = *f;
	k->f.command = NULL;
	k->f.next = NULL;
	if (k->f.vars != NULL)
		k->f.vars->refs++;
	return k;
}

void hooks_enter(struct server *srv, struct hooks_kept *k, const struct pane *current)
{
	if (k == NULL || srv->hooks == NULL)
		return;
	k->was_running = srv->hooks->running;
	k->was_standin = srv->hooks->standin;
	srv->hooks->running = &k->f;
	srv->hooks->standin = current;
}

void hooks_leave(struct server *srv, struct hooks_kept *k)
{
	if (k == NULL || srv->hooks == NULL)
		return;
	srv->hooks->running = k->was_running;
	srv->hooks->standin = k->was_standin;
}

void hooks_kept_free(struct hooks_kept *k)
{
	if (k == NULL)
		return;
	vars_unref(k->f.vars);
	free(k);
}

/* The object a hook is about becomes the current one for its commands. */
static struct pane *hook_pane(struct server *srv, const struct fired *f)
{
	struct session *s;
	struct window *w;
	struct pane *p;

	if (f->pane != 0 && (p = pane_find_id(srv, f->pane - 1)) != NULL)
		return p;
	if (f->window != 0 && (w = window_find_id(srv, f->window - 1)) != NULL)
		return w->active;
	if (f->session != 0 && (s = session_find_id(srv, f->session - 1)) != NULL)
		return s->current != NULL ? s->current->active : NULL;
	return NULL;
}

/* The client of a client hook, if it is still attached. */
static struct peer *hook_client(struct server *srv, const struct fired *f)
{
	struct peer *c;

	for (c = srv->peers; c != NULL && f->client != 0; c = c->next) {
		/* a read-only client would refuse the hook's commands */
		if (c->id == f->client - 1 && c->state == PEER_ATTACHED && !c->readonly)
			return c;
	}
	return NULL;
}

static void run_one(struct server *srv, struct fired *f)
{
	struct cmd_ctx ctx;
	char **argv = NULL, *err = NULL;
	int argc = 0;

	cmd_ctx_init(&ctx, srv, hook_client(srv, f));
	ctx.current = hook_pane(srv, f);
	srv->hooks->running = f;
	srv->hooks->standin = ctx.current;
	if (parse_words(f->command, &argv, &argc, &err) == 0)
		cmd_run(&ctx, argc, argv);
	else
		free(err);
	srv->hooks->running = NULL;
	srv->hooks->standin = NULL;
	parse_free(argv, argc);
	cmd_ctx_free(&ctx);
}

void hooks_drain(struct server *srv)
{
	struct hooks *h = srv->hooks;
	int budget = 1000; /* a hook that fires itself must not spin forever */

	while (h != NULL && h->queue != NULL && budget-- > 0 && !srv->exiting) {
		struct fired *f = h->queue;

		h->queue = f->next;
		if (h->queue == NULL)
			h->tail = &h->queue;
		run_one(srv, f);
		fired_free(f);
	}
	if (h != NULL && h->queue != NULL)
		server_wake(srv);
}
