/*
 * hooks: commands run when something happens (session-created, pane-exited,
 * after-new-window …). Firing only queues the hook with the ids of what it
 * concerns; the queue runs from the server loop, so a hook never changes the
 * model while the code that fired it is still walking it.
 */
#ifndef PMUX_CMD_HOOKS_H
#define PMUX_CMD_HOOKS_H

#include <stdint.h>

#include "util/buf.h"

struct server;
struct hooks;

/* Where a hook is set (set-hook -g, -t session, -w, -p). */
enum hooks_scope {
	HOOKS_GLOBAL,
	HOOKS_SESSION,
	HOOKS_WINDOW,
	HOOKS_PANE,
};

struct hooks *hooks_new(void);
void hooks_free(struct hooks *h);
/* set-hook on the object id of scope (0 for global): index -1 appends; a
 * NULL command unsets (index -1: all). */
int hooks_set(struct hooks *h, enum hooks_scope scope, uint32_t id, const char *name, int index,
	      const char *command, char **err);
void hooks_show(const struct hooks *h, enum hooks_scope scope, uint32_t id, const char *name,
		struct buf *out);
/* An object is gone: its hooks go too. */
void hooks_forget(struct hooks *h, enum hooks_scope scope, uint32_t id);
/* Is a hook of that name set anywhere? */
int hooks_exist(const struct hooks *h, const char *name);
/* Is name a hook pmux fires? */
int hooks_known(const char *name);
/* Queue the hook's commands with the object it is about (NULL: none). */
struct session;
struct window;
struct pane;
void hooks_fire_session(struct server *srv, const char *name, struct session *s);
void hooks_fire_window(struct server *srv, const char *name, struct window *w);
void hooks_fire_pane(struct server *srv, const char *name, struct pane *p);
/* A client's event (client-attached …): the client is the commands' current
 * client and #{hook_client}. */
struct peer;
void hooks_fire_client(struct server *srv, const char *name, struct peer *c, struct session *s);
/* While a hook's commands run: hook_* variables, and the variables of the
 * object it is about when that object is gone (pane-exited) and the format
 * is about the hook's current pane (current: the format's pane). NULL
 * otherwise. */
const char *hooks_var(struct server *srv, const char *name, const struct pane *current);
/* A command a hook's commands start in the background (if-shell) runs its
 * choice later: hooks_keep takes the running hook's variables (NULL when no
 * hook runs), and between hooks_enter and hooks_leave they are visible
 * again, current standing for the hook's current pane. */
struct hooks_kept;
struct hooks_kept *hooks_keep(struct server *srv);
void hooks_enter(struct server *srv, struct hooks_kept *k, const struct pane *current);
void hooks_leave(struct server *srv, struct hooks_kept *k);
void hooks_kept_free(struct hooks_kept *k);
/* Run what is queued (from the loop). */
void hooks_drain(struct server *srv);

#endif
