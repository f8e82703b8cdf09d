/*
 * passfilter: tmux's passthrough sequence, DCS tmux; data ST with every ESC
 * in data doubled, cut out of a pane's output before it reaches the grid.
 * libvterm does not know it: it would end the DCS at the first (doubled)
 * ESC and then act on the wrapped sequence itself. The sequence may be
 * split across reads; other DCS sequences and text pass untouched.
 */
#ifndef PMUX_TERM_PASSFILTER_H
#define PMUX_TERM_PASSFILTER_H

#include <stddef.h>
#include <stdint.h>

/* A longer sequence is cut out all the same but its data is dropped (tmux
 * drops input strings past a megabyte too). */
#define PASSFILTER_MAX (1024 * 1024)
/* A sequence still open this long after it began is given up, and what
 * follows is text again (tmux leaves any string this way after 5 s). */
#define PASSFILTER_TIMEOUT_MS 5000

struct passfilter {
	uint8_t state;	  /* text (with matched), data, an ESC in data */
	uint8_t matched;  /* bytes of ESC P tmux; seen at the end of the last read */
	uint8_t overflow; /* the data passed PASSFILTER_MAX */
	char *data;	  /* the unwrapped data so far */
	size_t len, size;
	uint64_t started; /* when the sequence began (ms) */
};

typedef void passfilter_fn(void *arg, const char *buf, size_t len);

/*
 * Pass the bytes outside passthrough sequences to out, in order. For each
 * sequence completed, when keep is set, call done with its data, doubled
 * ESCs made single again (with keep off the data is not even collected).
 * now is the time in ms, for PASSFILTER_TIMEOUT_MS.
 */
void passfilter_input(struct passfilter *f, const char *buf, size_t len, int keep, uint64_t now,
		      passfilter_fn *out, passfilter_fn *done, void *arg);
void passfilter_free(struct passfilter *f);

#endif
