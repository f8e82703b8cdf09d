/*
 * tabs: a pane's tab stops, as libvterm keeps them (it has no way to read
 * them back), for #{pane_tabs}. The grid applies each HTS and TBC at
 * libvterm's cursor column (vtscan ends a unit after one).
 *
 * Column 0 starts without a stop, as in tmux (libvterm sets one there,
 * which no tab can reach).
 */
#ifndef PMUX_TERM_TABS_H
#define PMUX_TERM_TABS_H

#include <stdint.h>

struct tabs {
	uint8_t *bits; /* one bit per column */
	int cols;
};

/* Every 8 columns (kept as bits only once changed); 0. */
int tabs_init(struct tabs *t, int cols);
void tabs_free(struct tabs *t);
/* A new width: every 8 columns again, as tmux does. 0. */
int tabs_resize(struct tabs *t, int cols);
void tabs_reset(struct tabs *t);
void tabs_set(struct tabs *t, int col, int on);
void tabs_clear_all(struct tabs *t);
int tabs_at(const struct tabs *t, int col);
/* Whether they are every 8 columns (nothing to tell libvterm on a resize). */
int tabs_default(const struct tabs *t);

#endif
