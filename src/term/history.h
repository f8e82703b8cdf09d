/*
 * history: the compact store of the lines scrolled off a pane's screen.
 *
 * A line is kept as its cells' text (UTF-8, never-written cells as the byte
 * 0, and a few marker bytes that can never occur in UTF-8 for what text
 * cannot say: wide characters, combining marks) followed by the runs of attribute changes,
 * both in a byte buffer shared by a chunk of lines. Trailing cells that were
 * never written and show nothing are dropped. Lines live in chunks of a fixed
 * number of lines, so dropping the oldest lines past the limit is O(1) per
 * line and frees a whole chunk at a time; nothing is ever memmoved per line.
 *
 * Index 0 is the oldest line kept, history_size() - 1 the newest.
 */
#ifndef PMUX_TERM_HISTORY_H
#define PMUX_TERM_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "term/grid.h"

/* The grid owns the table of combined characters; the history stores their
 * code points as text and asks the grid to map them back and forth. */
struct history_codec {
	/* The code points of combined cell index idx into cps (at most max);
	 * returns how many. */
	size_t (*expand)(void *ctx, uint32_t idx, uint32_t *cps, size_t max);
	/* The index of a sequence of n code points, or -1 when it cannot be
	 * stored (the cell then keeps only its first code point). */
	int64_t (*intern)(void *ctx, const uint32_t *cps, size_t n);
	void *ctx;
};

struct history;

/* A history keeping at most limit lines (limit <= 0 keeps none). NULL when
 * out of memory. */
struct history *history_new(int limit);
void history_free(struct history *h);

int history_size(const struct history *h);
int history_limit(const struct history *h);
/* Change the limit, dropping the oldest lines past it. */
void history_set_limit(struct history *h, int limit);
void history_clear(struct history *h);

/*
 * Append a line of ncells cells, stored as they are: the caller has dropped
 * the trailing cells not worth keeping (history_content_len), except on a
 * line that wraps, where blanks before the wrap are part of the text. cont
 * says the line continues the one before it (it was wrapped into). Drops the
 * oldest line past the limit. Returns 0, or -1 when out of memory (the line
 * is then lost). At most 65535 cells are kept.
 */
int history_push(struct history *h, const struct grid_cell *cells, int ncells, int cont,
		 const struct history_codec *codec);
/* Append line idx of src to dst as it is stored (no decoding). 0 or -1. */
int history_copy_line(struct history *dst, const struct history *src, int idx);

/*
 * Decode line idx into out[0..cols): cells past the line are blank, cells
 * past cols are clipped. Returns the number of cells the line holds.
 */
int history_get(const struct history *h, int idx, struct grid_cell *out, int cols,
		const struct history_codec *codec);
/* Does line idx continue the line before it? */
int history_cont(const struct history *h, int idx);
/* The number of cells line idx holds (trailing blanks dropped). */
int history_ncells(const struct history *h, int idx);
/* Decode the newest line into out like history_get (out may be NULL with
 * cols 0 to just drop it), store its continuation flag in *cont (may be
 * NULL), and remove it. Returns its cell count, -1 when empty. */
int history_pop(struct history *h, struct grid_cell *out, int cols, int *cont,
		const struct history_codec *codec);

/* Bytes of memory the history holds. */
size_t history_bytes(const struct history *h);

/* How many of the n cells are content: trailing cells that were never
 * written (or were erased) and show nothing are not. */
int history_content_len(const struct grid_cell *cells, int n);

#endif
