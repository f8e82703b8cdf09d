/* hooks: named lists of commands and the queue of fired hooks. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/hooks.h"
#include "cmd/parse.h"

#define HOOK_SLOTS 64

struct hook {
	char *name;
	char *commands[HOOK_SLOTS]; /* tmux's name[N] array */
	struct hook *next;
};

struct fired {
	char *command;
	uint32_t session, window, pane;
	struct fired *next;
};

struct hooks {
	struct hook *first;
	struct fired *queue, **tail;
};

static const char *const known_hooks[] = {
	"after-new-session", "after-new-window",    "after-split-window",     "after-kill-pane",
	"after-select-pane", "after-select-window", "after-rename-session",   "after-rename-window",
	"after-send-keys",   "after-resize-pane",   "after-select-layout",    "client-attached",
	"client-detached",   "client-resized",	    "client-session-changed", "pane-exited",
	"pane-died",	     "session-created",	    "session-closed",	      "session-renamed",
	"window-linked",     "window-unlinked",	    "window-renamed",	      "alert-bell",
	"alert-activity",    "alert-silence",
};

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
		free(f->command);
		free(f);
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

static struct hook *find(const struct hooks *h, const char *name, int create)
{
	struct hook *k;

	for (k = h->first; k != NULL; k = k->next) {
		if (strcmp(k->name, name) == 0)
			return k;
	}
	if (!create)
		return NULL;
	k = xcalloc(1, sizeof *k);
	k->name = xstrdup(name);
	k->next = ((struct hooks *)h)->first;
	((struct hooks *)h)->first = k;
	return k;
}

int hooks_set(struct hooks *h, const char *name, int index, const char *command, char **err)
{
	struct hook *k = find(h, name, command != NULL);
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

void hooks_show(const struct hooks *h, const char *name, struct buf *out)
{
	const struct hook *k;

	for (k = h->first; k != NULL; k = k->next) {
		if (name != NULL && strcmp(name, k->name) != 0)
			continue;
		for (int i = 0; i < HOOK_SLOTS; i++) {
			if (k->commands[i] != NULL)
				buf_printf(out, "%s[%d] %s\n", k->name, i, k->commands[i]);
		}
	}
}

/* Ids are stored plus one, so that 0 means none. */
static void hooks_fire(struct server *srv, const char *name, uint32_t session, uint32_t window,
		       uint32_t pane)
{
	struct hooks *h = srv->hooks;
	struct hook *k = h != NULL ? find(h, name, 0) : NULL;

	if (k == NULL || srv->exiting)
		return;
	for (int i = 0; i < HOOK_SLOTS; i++) {
		struct fired *f;

		if (k->commands[i] == NULL)
			continue;
		f = xcalloc(1, sizeof *f);
		f->command = xstrdup(k->commands[i]);
		f->session = session;
		f->window = window;
		f->pane = pane;
		*h->tail = f;
		h->tail = &f->next;
	}
	server_wake(srv);
}

void hooks_fire_session(struct server *srv, const char *name, struct session *s)
{
	hooks_fire(srv, name, s != NULL ? s->id + 1 : 0, 0, 0);
}

void hooks_fire_window(struct server *srv, const char *name, struct window *w)
{
	hooks_fire(srv, name, w != NULL ? w->session->id + 1 : 0, w != NULL ? w->id + 1 : 0, 0);
}

void hooks_fire_pane(struct server *srv, const char *name, struct pane *p)
{
	if (p == NULL) {
		hooks_fire(srv, name, 0, 0, 0);
		return;
	}
	hooks_fire(srv, name, p->window->session->id + 1, p->window->id + 1, p->id + 1);
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

static void run_one(struct server *srv, struct fired *f)
{
	struct cmd_ctx ctx;
	char **argv = NULL, *err = NULL;
	int argc = 0;

	cmd_ctx_init(&ctx, srv, NULL);
	ctx.current = hook_pane(srv, f);
	if (parse_words(f->command, &argv, &argc, &err) == 0)
		cmd_run(&ctx, argc, argv);
	else
		free(err);
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
		free(f->command);
		free(f);
	}
	if (h != NULL && h->queue != NULL)
		server_wake(srv);
}
