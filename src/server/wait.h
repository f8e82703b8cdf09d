/*
 * wait: clients blocked in wait-pane until a condition on a pane holds. The
 * server checks the conditions when the pane produces output and on a short
 * internal tick (the foreground process group has no event of its own); the
 * client just waits for its reply.
 */
#ifndef PMUX_SERVER_WAIT_H
#define PMUX_SERVER_WAIT_H

#include <regex.h>
#include <stddef.h>

struct server;
struct peer;
struct pane;

struct wait_spec {
	const char *regex; /* -m, or NULL */
	int new_only;	   /* -n: match only output that arrives from now on */
	long idle_ms;	   /* -i, or -1 */
	int foreground;	   /* -f: the pane's foreground job has finished */
	int exited;	   /* -x: the pane's program has exited */
	double timeout;	   /* -T seconds, or 0 for none */
};

/* Start waiting; the waiter replies to the peer itself. Returns 0, or -1 with
 * a message in *err (a bad regex). */
int wait_start(struct peer *c, struct pane *p, const struct wait_spec *spec, char **err);
/* Hooks from the pane and peer code. */
void wait_pane_output(struct pane *p, const char *buf, size_t len);
void wait_pane_exited(struct pane *p, int status);
void wait_pane_closed(struct pane *p);
void wait_peer_closed(struct peer *c);

#endif
