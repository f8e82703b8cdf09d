/*
 * sgr: Select Graphic Rendition, between pens and bytes.
 *
 * Two users: capture-pane -e, which writes the shortest switch from one pen
 * to the next, and the pane output path, which applies the common SGRs
 * itself, as libvterm 0.3.3 would, and tells libvterm the resulting pen only
 * before libvterm takes something that could use it (see grid.c).
 */
#ifndef PMUX_TERM_SGR_H
#define PMUX_TERM_SGR_H

#include <stddef.h>
#include <stdint.h>

#include "term/grid.h"

struct sgr_pen {
	grid_color fg, bg;
	uint16_t attr; /* enum grid_attr, and the link id bits */
};

#define SGR_MAX 96 /* the longest sgr_switch */

/* Write the SGR sequences that take a terminal from *cur to *to (a reset
 * first if an attribute goes); *cur becomes *to. Returns the length. */
size_t sgr_switch(char out[SGR_MAX], struct sgr_pen *cur, const struct sgr_pen *to);

/* The same from a pen not known: always starting with a reset. */
size_t sgr_absolute(char out[SGR_MAX], const struct sgr_pen *to);

/*
 * Apply a whole "ESC [ params m" to *pen as libvterm 0.3.3 does, keeping the
 * link id bits. Returns 0 and leaves *pen alone for what it does not take:
 * sub-parameters (4:3, 38:2::r:g:b), parameters libvterm ignores or keeps
 * but pmux does not draw (2, fonts, 73-75), colour arguments out of range.
 */
int sgr_apply(struct sgr_pen *pen, const unsigned char *seq, size_t len);

#endif
