/*
 * modescan: watches a program's output for DECSET/DECRST of one DEC private
 * mode (CSI ? Pn ; ... h or l), which libvterm's state layer keeps to itself
 * for modes it does not know (2026, synchronized output). Sequences split
 * across reads are followed; nothing else is parsed.
 */
#ifndef PMUX_TERM_MODESCAN_H
#define PMUX_TERM_MODESCAN_H

#include <stddef.h>
#include <stdint.h>

struct modescan {
	int mode;      /* the mode watched */
	uint8_t state; /* where in a sequence the last byte left us */
	uint8_t hit;   /* a parameter so far was the mode */
	uint32_t num;  /* the parameter being read */
};

void modescan_init(struct modescan *m, int mode);
/* Feed bytes; returns the mode's last setting in them (1 set, 0 reset), or
 * -1 if they did not set or reset it. */
int modescan_feed(struct modescan *m, const char *buf, size_t len);

#endif
