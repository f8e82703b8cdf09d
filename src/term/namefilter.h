/*
 * namefilter: tmux's window-name sequence, ESC k name ESC \ (screen's), cut
 * out of a pane's output before it reaches libvterm, which does not know it
 * and would print the name as text. The sequence may be split across reads.
 */
#ifndef PMUX_TERM_NAMEFILTER_H
#define PMUX_TERM_NAMEFILTER_H

#include <stddef.h>

#define NAMEFILTER_MAX 256 /* longer names are cut */

struct namefilter {
	int state;
	size_t len;
	/* on the first name only (most panes never get one): the name being
	 * received, NAMEFILTER_MAX bytes, then the last one completed, NUL
	 * terminated ("" before any) */
	char *name, *last;
};

/* Pass the bytes that are not part of a name sequence to out, in order.
 * Returns 1 if a name was completed (the last one is in nf->last). */
int namefilter_input(struct namefilter *nf, const char *buf, size_t len,
		     void (*out)(void *arg, const char *buf, size_t len), void *arg);

/* The buffers (the struct itself is the owner's). */
void namefilter_free(struct namefilter *nf);

#endif
