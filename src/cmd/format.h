/* format: expansion of #{variable} formats for -F, display-message and the status line. */
#ifndef PMUX_CMD_FORMAT_H
#define PMUX_CMD_FORMAT_H

#include "server/server.h"

struct format_ctx {
	struct server *srv;
	struct session *s;
	struct window *w;
	struct pane *p;
	struct peer *c;
};

/* 0 if fmt is well formed, else -1 and a message in *err (malloc'd). An
 * unknown variable is not an error: it expands to nothing, as in tmux. */
int format_check(const char *fmt, char **err);
/* Expand fmt; returns a malloc'd string. */
char *format_expand(const char *fmt, const struct format_ctx *fc);
/* Fill the context from the most specific object given. */
void format_ctx_pane(struct format_ctx *fc, struct server *srv, struct pane *p);
void format_ctx_window(struct format_ctx *fc, struct server *srv, struct window *w);
void format_ctx_session(struct format_ctx *fc, struct server *srv, struct session *s);

#endif
