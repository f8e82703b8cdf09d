/*
 * oscolour: the colours a pane's program gives itself, as tmux keeps them:
 * palette entries (OSC 4 ; index ; colour, reset by OSC 104 [; index ...])
 * the default foreground and background (OSC 10 and 11, reset by OSC 110
 * and 111) and the cursor's colour (OSC 12, reset by OSC 112). A colour of "?" is a query: the
 * answer is what the owner says the colour is now (these colours, or the pane's options), in
 * xterm's form, ended as the query was (BEL or ST); nothing when it has
 * none. Malformed parts are ignored.
 */
#ifndef PMUX_TERM_OSCOLOUR_H
#define PMUX_TERM_OSCOLOUR_H

#include <stdint.h>

#include "util/buf.h"

#define OSCOLOUR_FG 256	    /* "which" of the default foreground */
#define OSCOLOUR_BG 257	    /* ... and background */
#define OSCOLOUR_CURSOR 258 /* ... of the cursor */

struct oscolour {
	int32_t *palette;	  /* RGB by index, -1 unset; NULL until one is set */
	long fg, bg, cursor;	  /* RGB, -1 unset */
	unsigned long generation; /* grows with every change */
};

/* The colour "which" (0-255, OSCOLOUR_FG, _BG, _CURSOR) as RGB now, or -1. */
typedef long oscolour_query_fn(int which, void *ctx);

void oscolour_init(struct oscolour *c);
void oscolour_free(struct oscolour *c);
/* RIS: the palette entries go; the default colours stay, as in tmux. */
void oscolour_reset(struct oscolour *c);
/* Whether OSC command is one of these. */
int oscolour_handles(int command);
/*
 * Act on one whole OSC string: its command and what followed "command;"
 * (s, NUL-terminated, modified), ended by BEL (bel) or ST. Answers to
 * queries are appended to reply; q may be NULL (these colours only).
 * Returns non-zero if a colour changed.
 */
int oscolour_run(struct oscolour *c, int command, char *s, int bel, oscolour_query_fn *q, void *ctx,
		 struct buf *reply);
/* The colour "which" as the program set it, or -1. */
long oscolour_get(const struct oscolour *c, int which);

#endif
