/*
 * grid: a pane's screen on libvterm's state layer. See grid.h.
 *
 * libvterm parses and tells us what to draw (putglyph, erase, scrollrect,
 * moverect); the cells live here. Screen rows are a ring of row records
 * pointing to their cells, so a full-screen scroll moves no cells: the top
 * row is encoded into the history, blanked and becomes the bottom row. A
 * scroll region moves row records, never cells. A row that was never written
 * points to one shared read-only blank row and gets its own cells on its
 * first write (row_cells_to), only as many as written so far (rounded up), so
 * an idle pane or a short prompt costs little memory.
 *
 * Wrapping: libvterm marks a row that text wrapped into as a continuation in
 * its line info, but 0.3.3 does not report that through setlineinfo. The
 * flag is set just before the first glyph of the row is put, so putglyph
 * copies it at column 0; erase re-reads it (libvterm clears it when the end
 * of the row before is erased). Our row records carry it through scrolls.
 *
 * Resize: libvterm's state leaves the line info arrays to the resize
 * callback (it does not reallocate them itself when there is one), so the
 * callback installs arrays of the new height. The new screens and arrays are
 * allocated before vterm_set_size is called, so a failure leaves the old size;
 * inside the callback, reflow allocations that fail lose lines, not state.
 *
 * Reflow: on a width change the history and the main screen are cut into
 * logical lines (joined at continuations) and cut again at the new width;
 * lines that stand alone and fit are copied without decoding. The cursor
 * keeps its place in its logical line. The alternate screen is clipped, not
 * reflowed. While it is shown, the main screen reflows around the cursor it
 * had when the program switched; libvterm restores its own saved cursor on
 * the way back, which a reflow in between may have moved.
 */
#include "term/grid.h"
#include "term/namefilter.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term/history.h"
#include "term/oscolour.h"
#include "term/sgr.h"
#include "term/tabs.h"
#include "term/vtscan.h"
#include "util/utf8.h"

/* A cell written under DECSCA protection (kept from selective erase). Not
 * part of the public flags; the history does not keep it. */
#define CELL_PROTECTED 0x80

#define COMBINE_CPS 7		/* code points kept per combined cell */
#define COMBINE_LIMIT (1 << 16) /* distinct combined cells per grid */
#define TITLE_MAX 2048

/* A row holds only the cells up to the last one written (ncells, rounded
 * up); the cells past them are blanks of the default colour. */
struct row {
	struct grid_cell *cells;
	int ncells;   /* cells allocated; 0 while it shares blank_row */
	uint8_t cont; /* this row continues the one above: text wrapped into it */
	uint64_t gen; /* change stamp of its cells (grid_row_generation) */
	/* The changes since stamp span_base all lie in columns [span0, span1):
	 * the renderer redraws only those of a row it drew at that stamp. A
	 * span starts afresh in each epoch (grid_row_span). */
	uint64_t span_base;
	uint64_t span_epoch;
	uint16_t span0, span1;
};

struct screen {
	struct row *row; /* ring: screen row y is row[(top + y) % nrows] */
	int top, nrows, ncols;
};

/* Combined cells (base + marks), interned so repeats share an entry. */
struct combine {
	uint32_t *cps; /* n entries of COMBINE_CPS + 1 code points, 0 padded */
	uint32_t n, cap;
	uint32_t *slot; /* open addressing: entry + 1, 0 for free */
	uint32_t nslot; /* power of two */
};

/* Plain text written without libvterm (grid_feed). */
struct plain {
	struct vtscan scan;
	VTermPos pos;	   /* the cursor; libvterm's lags while dirty */
	uint8_t phantom;   /* a wrap is pending (libvterm's at_phantom) */
	uint8_t valid;	   /* pos and phantom are known */
	uint8_t dirty;	   /* libvterm has not been told */
	uint8_t have_last; /* last_* hold the last character put here */
	VTermPos last_pos;
	uint32_t last_ch;
	unsigned char hold[4]; /* a character cut off by the end of a read */
	uint8_t hold_len;
	uint8_t pen_stale;  /* libvterm has not been told the pen (SGRs we took) */
	uint8_t last_width; /* of libvterm's last glyph (REP repeats it); 0: none */
	uint8_t exotic;	    /* libvterm's pen has a font, small or baseline */
	uint8_t wrap_maybe; /* libvterm may hold a wrap at wrap_at (see plain_unit) */
	VTermPos wrap_at;
};

struct grid {
	VTerm *vt;
	VTermState *state;
	grid_output_fn *out;
	void *ctx;

	struct screen main, alt; /* alt is allocated only while shown */
	struct screen *scr;	 /* the one shown */
	struct row *tmprows;	 /* nrows records for region scrolls */
	VTermPos main_cursor;	 /* the main screen's cursor while alt is shown */
	VTermPos alt_saved;	 /* the cursor DECSET 1049 saved; row -1: none yet */
	struct tabs tabs;

	struct history *hist;
	int history_limit;
	unsigned long hist_dropped; /* oldest lines dropped at the limit, ever */
	struct history_codec codec;
	struct grid_cell *scratch; /* a decoded history row or a short screen row
				      padded, cols cells; on first use */

	struct sgr_pen pen;
	struct combine comb;

	int altscreen, cursor_visible, cursor_shape, cursor_blink, mouse;
	char *title;
	size_t title_len;
	char *title_next; /* a title being received in fragments */
	size_t title_next_len;
	char *path;	 /* OSC 7: the program's working directory as it told it */
	char *path_next; /* one being received */
	size_t path_next_len;
	struct namefilter names; /* ESC k name ESC \ */
	int name_set;

	uint64_t gen;
	uint64_t all_gen; /* gen of the last change that moved or replaced every row */
	uint64_t epoch;	  /* of row spans: each input, and each change of every row */
	uint64_t serial;
	struct resize_plan *plan;

	/* OSC 133 shell integration marks, for wait-pane and formats */
	struct grid_marks marks;
	char osc133[16]; /* the mark being received in fragments */
	size_t osc133_len;

	/* events for the owner (grid_set_events) */
	const struct grid_events *ev;
	void *ev_ctx;
	/* libvterm decodes OSC 52 into it, piece by piece: a small one, as
	 * every pane has one and few programs set the clipboard */
	char selbuf[256];
	char **links; /* OSC 8 "params;URI" by id, [0] unused; on first use */
	char *osc8;   /* an OSC 8 being received */
	size_t osc8_len;
	/* OSC 4, 10, 11, 104, 110, 111: the program's colours, and the one
	 * being received (dropped if longer than OSCOLOUR_MAX) */
	struct oscolour colours;
	int respawning; /* inside grid_respawned: its RIS keeps the colours */
	char *osc_colour;
	size_t osc_colour_len;
	char *clip; /* OSC 52 text being received */
	size_t clip_len, clip_cap;
	int clip_bad;	     /* too long: dropped at its end */
	int fast_off;	     /* grid_set_fast(0): every byte through libvterm */
	int scroll_on_clear; /* grid_set_scroll_on_clear */
	int no_altscreen;    /* !grid_set_alternate_screen */
	int replay;	     /* libvterm is only being told a character we put */
	struct plain plain;
};

static const struct sgr_pen default_pen = {GRID_COLOR_DEFAULT, GRID_COLOR_DEFAULT, 0};

/* Grid serial numbers: a new grid at a freed one's address is another. */
static uint64_t serial_counter;

/* A row's stamp is the grid's generation when it last changed: the
 * renderer skips a row whose stamp it has drawn. Cells [x0, x1) changed. */
static inline void row_touch(struct grid *g, struct row *r, int x0, int x1)
{
	x0 = x0 < 0 ? 0 : x0;
	x1 = x1 > UINT16_MAX ? UINT16_MAX : x1;
	if (r->span_epoch != g->epoch) {
		r->span_epoch = g->epoch;
		r->span_base = r->gen > g->all_gen ? r->gen : g->all_gen;
		r->span0 = (uint16_t)x0;
		r->span1 = (uint16_t)x1;
	} else {
		r->span0 = x0 < r->span0 ? (uint16_t)x0 : r->span0;
		r->span1 = x1 > r->span1 ? (uint16_t)x1 : r->span1;
	}
	r->gen = ++g->gen;
}

/* Every row moved or replaced (scroll, resize, the other screen): a span
 * begun before it belongs to another row's stamp. */
static void grid_touch_all(struct grid *g)
{
	g->all_gen = ++g->gen;
	g->epoch++;
}

/* ---- cells and screens ---- */

static inline struct grid_cell blank_cell(grid_color bg)
{
	return (struct grid_cell){0, GRID_COLOR_DEFAULT, bg, 0, 1, 0};
}

static void cells_blank(struct grid_cell *c, int from, int to, grid_color bg)
{
	struct grid_cell b = blank_cell(bg);

	for (int x = from; x < to; x++)
		c[x] = b;
}

static inline struct row *screen_row(const struct screen *s, int y)
{
	int i = s->top + y;

	if (i >= s->nrows)
		i -= s->nrows;
	return &s->row[i];
}

/* Rows never written share this; wider screens give every row its cells. */
#define BLANK_COLS 1024
static const struct grid_cell blank_row[BLANK_COLS] = {[0 ... BLANK_COLS - 1] = {.width = 1}};

static void grid_oom(void)
{
	fprintf(stderr, "pmux: out of memory\n");
	abort();
}

static inline int row_shared(const struct row *r)
{
	return r->ncells == 0;
}

/* A whole row of blanks; a copy of blank_row is faster than a store per
 * field of each cell (every scrolled line is blanked). */
static void row_fill_blank(struct grid_cell *c, int cols, grid_color bg)
{
	if (bg == GRID_COLOR_DEFAULT && cols <= BLANK_COLS)
		memcpy(c, blank_row, (size_t)cols * sizeof *c);
	else
		cells_blank(c, 0, cols, bg);
}

/* Rows grow in steps of this many cells (a shell prompt fits the first). */
#define ROW_STEP 32

/* Give row r at least n cells (n <= cols), the new ones blank. */
__attribute__((noinline, cold)) static void row_grow(struct row *r, int n, int cols)
{
	struct grid_cell *c;

	n = (n + ROW_STEP - 1) / ROW_STEP * ROW_STEP;
	if (n > cols || cols - n < ROW_STEP / 2)
		n = cols;
	c = malloc((size_t)n * sizeof *c);
	if (c == NULL)
		grid_oom();
	if (r->ncells > 0)
		memcpy(c, r->cells, (size_t)r->ncells * sizeof *c);
	row_fill_blank(c + r->ncells, n - r->ncells, GRID_COLOR_DEFAULT);
	if (!row_shared(r))
		free(r->cells);
	r->cells = c;
	r->ncells = n;
}

/* The cells of row r for writing, at least the first n of them: its own,
 * allocated (or grown) on the write that needs them. */
static inline struct grid_cell *row_cells_to(const struct screen *s, struct row *r, int n)
{
	if (n > s->ncols)
		n = s->ncols;
	if (__builtin_expect(r->ncells < n, 0))
		row_grow(r, n, s->ncols);
	return r->cells;
}

/* Cell x of row r for reading. */
static inline const struct grid_cell *row_cell(const struct row *r, int x)
{
	return x < r->ncells ? &r->cells[x] : &blank_row[0];
}

/* Blank a row in bg: a row keeps its width for the default colour. */
static void row_blank(const struct screen *s, struct row *r, grid_color bg)
{
	if (bg != GRID_COLOR_DEFAULT)
		row_cells_to(s, r, s->ncols);
	if (r->ncells > 0)
		row_fill_blank(r->cells, r->ncells, bg);
}

static int screen_init(struct screen *s, int rows, int cols)
{
	s->row = calloc((size_t)rows, sizeof *s->row);
	if (s->row == NULL)
		return -1;
	s->top = 0;
	s->nrows = rows;
	s->ncols = cols;
	for (int y = 0; y < rows; y++)
		s->row[y].cells = (struct grid_cell *)blank_row;
	return 0;
}

static void screen_free(struct screen *s)
{
	for (int y = 0; s->row != NULL && y < s->nrows; y++) {
		if (s->row[y].ncells > 0)
			free(s->row[y].cells);
	}
	free(s->row);
	s->row = NULL;
}

/*
 * Keep wide characters whole at the edges of a range [from, to) of a row
 * that was just rewritten: a left half whose right half is gone, or a right
 * half whose left half is gone, becomes a blank.
 */
static void fix_wide_edges(struct grid_cell *c, int ncols, int from, int to)
{
	if (from > 0 && from < ncols && c[from].ch != GRID_CH_WIDE_CONT && c[from - 1].width == 2)
		c[from - 1] = blank_cell(c[from - 1].bg);
	if (from < ncols && c[from].ch == GRID_CH_WIDE_CONT &&
	    (from == 0 || c[from - 1].width != 2))
		c[from] = blank_cell(c[from].bg);
	if (to > 0 && to <= ncols && c[to - 1].width == 2 &&
	    (to == ncols || c[to].ch != GRID_CH_WIDE_CONT))
		c[to - 1] = blank_cell(c[to - 1].bg);
	if (to > 0 && to < ncols && c[to].ch == GRID_CH_WIDE_CONT && c[to - 1].width != 2)
		c[to] = blank_cell(c[to].bg);
}

/* ---- combined characters ---- */

static uint32_t combine_hash(const uint32_t *cps)
{
	uint32_t h = 2166136261u;

	for (int i = 0; i < COMBINE_CPS && cps[i]; i++)
		h = (h ^ cps[i]) * 16777619u;
	return h;
}

static uint32_t *combine_entry(const struct combine *t, uint32_t i)
{
	return t->cps + (size_t)i * (COMBINE_CPS + 1);
}

static int combine_rehash(struct combine *t, uint32_t nslot)
{
	uint32_t *slot = calloc(nslot, sizeof *slot);

	if (slot == NULL)
		return -1;
	for (uint32_t e = 0; e < t->n; e++) {
		uint32_t i = combine_hash(combine_entry(t, e)) & (nslot - 1);

		while (slot[i])
			i = (i + 1) & (nslot - 1);
		slot[i] = e + 1;
	}
	free(t->slot);
	t->slot = slot;
	t->nslot = nslot;
	return 0;
}

static int combine_grow(struct combine *t)
{
	if (t->n == t->cap) {
		uint32_t cap = t->cap ? t->cap * 2 : 64;
		uint32_t *p = realloc(t->cps, (size_t)cap * (COMBINE_CPS + 1) * sizeof *p);

		if (p == NULL)
			return -1;
		t->cps = p;
		t->cap = cap;
	}
	if ((t->n + 1) * 2 > t->nslot)
		return combine_rehash(t, t->nslot ? t->nslot * 2 : 128);
	return 0;
}

/* The index of the sequence cps[0..n) (n >= 1), or -1 if it cannot be kept. */
static int64_t combine_intern(struct combine *t, const uint32_t *cps, size_t n)
{
	uint32_t key[COMBINE_CPS + 1] = {0};
	uint32_t i;

	if (n > COMBINE_CPS)
		n = COMBINE_CPS;
	for (size_t k = 0; k < n; k++)
		key[k] = cps[k] ? cps[k] : 0xfffd;
	if (t->nslot) {
		for (i = combine_hash(key) & (t->nslot - 1); t->slot[i];
		     i = (i + 1) & (t->nslot - 1)) {
			if (memcmp(combine_entry(t, t->slot[i] - 1), key, sizeof key) == 0)
				return t->slot[i] - 1;
		}
	}
	/* Bounded so a flood of distinct marks cannot grow memory forever. */
	if (t->n >= COMBINE_LIMIT || combine_grow(t) != 0)
		return -1;
	memcpy(combine_entry(t, t->n), key, sizeof key);
	for (i = combine_hash(key) & (t->nslot - 1); t->slot[i]; i = (i + 1) & (t->nslot - 1))
		;
	t->slot[i] = t->n + 1;
	return t->n++;
}

static size_t combine_expand(const struct combine *t, uint32_t idx, uint32_t *cps, size_t max)
{
	const uint32_t *e;
	size_t n = 0;

	if (idx >= t->n)
		return 0;
	e = combine_entry(t, idx);
	while (n < max && n < COMBINE_CPS && e[n])
		cps[n] = e[n], n++;
	return n;
}

static size_t codec_expand(void *ctx, uint32_t idx, uint32_t *cps, size_t max)
{
	return combine_expand(&((struct grid *)ctx)->comb, idx, cps, max);
}

static int64_t codec_intern(void *ctx, const uint32_t *cps, size_t n)
{
	return combine_intern(&((struct grid *)ctx)->comb, cps, n);
}

/* ---- history rows ---- */

/*
 * The cells of row r worth keeping when it goes into the history. A row that
 * wraps (next continues it) keeps its blanks before the wrap: they are text.
 * A blank last cell before a wide character that did not fit is not.
 */
static int row_keep_len(const struct row *r, const struct row *next, int ncols)
{
	const struct grid_cell *last = row_cell(r, ncols - 1);

	if (next == NULL || !next->cont)
		return history_content_len(r->cells, r->ncells < ncols ? r->ncells : ncols);
	if (last->ch == 0 && last->bg == GRID_COLOR_DEFAULT && last->attr == 0 &&
	    row_cell(next, 0)->width == 2)
		return ncols - 1;
	return ncols;
}

/* The first n cells of row r (n <= the main screen's width) in one piece:
 * its own, or padded with blanks into the scratch row. */
static const struct grid_cell *row_padded(struct grid *g, const struct row *r, int n)
{
	if (n <= r->ncells || (row_shared(r) && n <= BLANK_COLS))
		return r->cells;
	if (g->scratch == NULL &&
	    (g->scratch = malloc((size_t)g->main.ncols * sizeof *g->scratch)) == NULL)
		grid_oom();
	if (r->ncells > 0)
		memcpy(g->scratch, r->cells, (size_t)r->ncells * sizeof *r->cells);
	row_fill_blank(g->scratch + r->ncells, n - r->ncells, GRID_COLOR_DEFAULT);
	return g->scratch;
}

static void push_row(struct grid *g, const struct row *r, const struct row *next, int ncols)
{
	int before = history_size(g->hist);
	int n = row_keep_len(r, next, ncols);

	history_push(g->hist, row_padded(g, r, n), n, r->cont, &g->codec);
	if (history_size(g->hist) < before + 1 && g->history_limit > 0)
		g->hist_dropped += (unsigned long)(before + 1 - history_size(g->hist));
}

/* ---- libvterm state callbacks ---- */

/* libvterm can give places off the screen: a double-width row on a screen
 * one column wide has no room at all, and it puts text at column -1. Nothing
 * is drawn there. */
static inline int on_screen(const struct screen *s, VTermPos pos)
{
	return (unsigned)pos.row < (unsigned)s->nrows && (unsigned)pos.col < (unsigned)s->ncols;
}

static int rect_on_screen(const struct screen *s, VTermRect r)
{
	return r.start_row >= 0 && r.start_col >= 0 && r.start_row <= r.end_row &&
	       r.start_col <= r.end_col && r.end_row <= s->nrows && r.end_col <= s->ncols;
}

/* The general case: combining marks, wide characters, protection, column 0
 * (where the row's continuation flag is copied), half of a wide character
 * overwritten. */
__attribute__((noinline)) static int putglyph_slow(struct grid *g, const VTermGlyphInfo *info,
						   VTermPos pos)
{
	struct screen *s = g->scr;
	struct row *r = screen_row(s, pos.row);
	int x = pos.col, width = info->width == 2 && x + 1 < s->ncols ? 2 : 1;
	/* the cell after the glyph too: it may be the right half it breaks */
	struct grid_cell *c = row_cells_to(s, r, x + width + 1);
	uint32_t ch = info->chars[0];
	uint8_t flags = info->protected_cell ? CELL_PROTECTED : 0;

	if (info->chars[1] != 0) {
		size_t n = 1;
		int64_t idx;

		while (n < VTERM_MAX_CHARS_PER_CELL && info->chars[n])
			n++;
		idx = combine_intern(&g->comb, info->chars, n);
		if (idx >= 0) {
			ch = (uint32_t)idx;
			flags |= GRID_CELL_COMBINED;
		}
	}
	/* Overwriting half of a wide character blanks its other half. */
	if (c[x].ch == GRID_CH_WIDE_CONT && x > 0)
		c[x - 1] = blank_cell(c[x - 1].bg);
	if (x + width < s->ncols && c[x + width].ch == GRID_CH_WIDE_CONT)
		c[x + width] = blank_cell(c[x + width].bg);

	c[x] = (struct grid_cell){ch, g->pen.fg, g->pen.bg, g->pen.attr, (uint8_t)width, flags};
	if (width == 2) {
		c[x + 1] = c[x];
		c[x + 1].ch = GRID_CH_WIDE_CONT;
		c[x + 1].width = 0;
		c[x + 1].flags &= CELL_PROTECTED;
	}
	if (x == 0)
		r->cont = vterm_state_get_lineinfo(g->state, pos.row)->continuation;
	row_touch(g, r, x - 1, x + width + 1);
	return 1;
}

/* Called for every character of output: the common case (a lone narrow
 * character over a narrow cell, not in column 0) does nothing else. */
static int cb_putglyph(VTermGlyphInfo *info, VTermPos pos, void *user)
{
	struct grid *g = user;
	struct row *r = screen_row(g->scr, pos.row);
	struct grid_cell *c;
	/* Read width alone: libvterm has just stored it and the bit-fields
	 * after it separately, and one wide load over both stalls the CPU (a
	 * failed store-to-load forward) on every character. */
	int width = *(volatile const int *)&info->width;

	g->plain.last_width = (uint8_t)width;
	if (__builtin_expect(g->replay || !on_screen(g->scr, pos), 0))
		return 1;
	if (__builtin_expect(pos.col + 1 >= r->ncells, 0))
		return putglyph_slow(g, info, pos);
	c = r->cells + pos.col;
	if (width != 1 || info->chars[1] != 0 || pos.col == 0 || c->ch == GRID_CH_WIDE_CONT ||
	    c->width == 2 || info->protected_cell)
		return putglyph_slow(g, info, pos);
	*c = (struct grid_cell){info->chars[0], g->pen.fg, g->pen.bg, g->pen.attr, 1, 0};
	row_touch(g, r, pos.col, pos.col + 1);
	return 1;
}

static int cb_movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
{
	struct grid *g = user;

	(void)pos, (void)oldpos, (void)visible;
	g->gen++;
	return 1;
}

/* Full-screen scroll up: rotate the ring; O(1) rows moved. */
static void ring_scroll_up(struct grid *g, struct screen *s, int n, int to_history)
{
	for (int i = 0; i < n; i++) {
		struct row *r = &s->row[s->top];

		if (to_history)
			push_row(g, r, s->nrows > 1 ? screen_row(s, 1) : NULL, s->ncols);
		row_blank(s, r, g->pen.bg);
		r->cont = 0;
		s->top = s->top + 1 == s->nrows ? 0 : s->top + 1;
	}
}

/* Scroll rows [start, end) up by n, moving row records, not cells. */
static void region_scroll_up(struct grid *g, struct screen *s, int start, int end, int n,
			     int to_history)
{
	struct row *tmp = g->tmprows;

	for (int i = 0; i < n; i++) {
		if (to_history)
			push_row(g, screen_row(s, start + i),
				 start + i + 1 < end ? screen_row(s, start + i + 1) : NULL,
				 s->ncols);
		tmp[i] = *screen_row(s, start + i);
	}
	for (int y = start; y < end - n; y++)
		*screen_row(s, y) = *screen_row(s, y + n);
	for (int i = 0; i < n; i++) {
		struct row *r = screen_row(s, end - n + i);

		*r = tmp[i];
		row_blank(s, r, g->pen.bg);
		r->cont = 0;
	}
}

static void region_scroll_down(struct grid *g, struct screen *s, int start, int end, int n)
{
	struct row *tmp = g->tmprows;

	for (int i = 0; i < n; i++)
		tmp[i] = *screen_row(s, end - n + i);
	for (int y = end - 1; y >= start + n; y--)
		*screen_row(s, y) = *screen_row(s, y - n);
	for (int i = 0; i < n; i++) {
		struct row *r = screen_row(s, start + i);

		*r = tmp[i];
		row_blank(s, r, g->pen.bg);
		r->cont = 0;
	}
}

/*
 * Whole-width vertical scrolls are ours (the fast paths); anything narrower
 * or sideways returns 0 so libvterm does it with moverect + erase. Rows that
 * leave the top of the main screen go to the history when the region starts
 * at the top, as in xterm; never from the alternate screen.
 */
static int cb_scrollrect(VTermRect rect, int downward, int rightward, void *user)
{
	struct grid *g = user;
	struct screen *s = g->scr;
	int height = rect.end_row - rect.start_row;
	int n = downward < 0 ? -downward : downward;

	if (!rect_on_screen(s, rect))
		return 1;
	if (rightward != 0 || downward == 0 || rect.start_col != 0 || rect.end_col != s->ncols)
		return 0;
	if (n > height)
		n = height;
	if (downward > 0) {
		int to_history = s == &g->main && rect.start_row == 0;

		if (rect.start_row == 0 && rect.end_row == s->nrows)
			ring_scroll_up(g, s, n, to_history);
		else
			region_scroll_up(g, s, rect.start_row, rect.end_row, n, to_history);
	} else {
		region_scroll_down(g, s, rect.start_row, rect.end_row, n);
	}
	grid_touch_all(g);
	return 1;
}

static int cb_moverect(VTermRect dest, VTermRect src, void *user)
{
	struct grid *g = user;
	struct screen *s = g->scr;
	int h = src.end_row - src.start_row, w = src.end_col - src.start_col;
	int down = dest.start_row > src.start_row;

	if (!rect_on_screen(s, src) || !rect_on_screen(s, dest))
		return 1;
	for (int i = 0; i < h; i++) {
		int k = down ? h - 1 - i : i; /* copy away from the overlap */
		struct row *dr = screen_row(s, dest.start_row + k);
		struct row *sr = screen_row(s, src.start_row + k);
		/* the source's cells past its own are blanks */
		int n = sr->ncells - src.start_col < w ? sr->ncells - src.start_col : w;
		int end;
		struct grid_cell *d;

		if (n < 0)
			n = 0;
		row_touch(g, dr, dest.start_col - 1, dest.end_col + 1);
		if (n == 0 && dest.start_col >= dr->ncells)
			continue; /* blanks onto blanks */
		d = row_cells_to(s, dr, dest.start_col + n);
		end = dest.end_col < dr->ncells ? dest.end_col : dr->ncells;
		memmove(d + dest.start_col, sr->cells + src.start_col, (size_t)n * sizeof *d);
		if (dest.start_col + n < end)
			row_fill_blank(d + dest.start_col + n, end - dest.start_col - n,
				       GRID_COLOR_DEFAULT);
		fix_wide_edges(d, dr->ncells, dest.start_col, end);
	}
	g->gen++;
	return 1;
}

static int cb_erase(VTermRect rect, int selective, void *user)
{
	struct grid *g = user;
	struct screen *s = g->scr;
	struct grid_cell b = blank_cell(g->pen.bg);

	if (!rect_on_screen(s, rect))
		return 1;
	for (int y = rect.start_row; y < rect.end_row && y < s->nrows; y++) {
		struct row *r = screen_row(s, y);
		struct grid_cell *c;

		int end = rect.end_col;

		if (b.bg == GRID_COLOR_DEFAULT) {
			if (rect.start_col >= r->ncells)
				continue; /* blank already */
			if (end > r->ncells)
				end = r->ncells;
		}
		c = row_cells_to(s, r, end);
		for (int x = rect.start_col; x < end; x++) {
			if (!selective || !(c[x].flags & CELL_PROTECTED))
				c[x] = b;
		}
		fix_wide_edges(c, r->ncells, rect.start_col, end);
		row_touch(g, r, rect.start_col - 1, rect.end_col + 1);
	}
	/* libvterm may have ended a wrap here (see the top of the file). */
	for (int y = rect.start_row; y <= rect.end_row && y < s->nrows; y++)
		screen_row(s, y)->cont = vterm_state_get_lineinfo(g->state, y)->continuation;
	g->gen++;
	return 1;
}

static int cb_initpen(void *user)
{
	((struct grid *)user)->pen = default_pen;
	return 1;
}

static grid_color color_from_vterm(const VTermColor *c)
{
	if (c->type & VTERM_COLOR_DEFAULT_MASK)
		return GRID_COLOR_DEFAULT;
	if (VTERM_COLOR_IS_INDEXED(c))
		return GRID_COLOR_INDEXED(c->indexed.idx);
	return GRID_COLOR_RGB(c->rgb.red, c->rgb.green, c->rgb.blue);
}

static void pen_flag(struct sgr_pen *p, uint16_t attr, int on)
{
	if (on)
		p->attr |= attr;
	else
		p->attr &= (uint16_t)~attr;
}

/* Fonts, small and baseline are not drawn, but while libvterm's pen has
 * any, its pen cannot be told in an SGR of ours (see plain_pen). */
static void pen_exotic(struct grid *g, uint8_t bit, int on)
{
	if (on)
		g->plain.exotic |= bit;
	else
		g->plain.exotic &= (uint8_t)~bit;
}

static int cb_setpenattr(VTermAttr attr, VTermValue *val, void *user)
{
	struct grid *g = user;
	struct sgr_pen *p = &g->pen;

	switch (attr) {
	case VTERM_ATTR_BOLD:
		pen_flag(p, GRID_ATTR_BOLD, val->boolean);
		break;
	case VTERM_ATTR_ITALIC:
		pen_flag(p, GRID_ATTR_ITALIC, val->boolean);
		break;
	case VTERM_ATTR_BLINK:
		pen_flag(p, GRID_ATTR_BLINK, val->boolean);
		break;
	case VTERM_ATTR_REVERSE:
		pen_flag(p, GRID_ATTR_REVERSE, val->boolean);
		break;
	case VTERM_ATTR_CONCEAL:
		pen_flag(p, GRID_ATTR_CONCEAL, val->boolean);
		break;
	case VTERM_ATTR_STRIKE:
		pen_flag(p, GRID_ATTR_STRIKE, val->boolean);
		break;
	case VTERM_ATTR_UNDERLINE:
		pen_flag(p, GRID_ATTR_UNDERLINE | GRID_ATTR_UNDERLINE2 | GRID_ATTR_UNDERCURL, 0);
		pen_flag(p, GRID_ATTR_UNDERLINE, val->number == 1);
		pen_flag(p, GRID_ATTR_UNDERLINE2, val->number == 2);
		pen_flag(p, GRID_ATTR_UNDERCURL, val->number == 3);
		break;
	case VTERM_ATTR_FOREGROUND:
		p->fg = color_from_vterm(&val->color);
		break;
	case VTERM_ATTR_BACKGROUND:
		p->bg = color_from_vterm(&val->color);
		break;
	case VTERM_ATTR_FONT:
		pen_exotic(g, 1, val->number != 0);
		break;
	case VTERM_ATTR_SMALL:
		pen_exotic(g, 2, val->boolean);
		break;
	case VTERM_ATTR_BASELINE:
		pen_exotic(g, 4, val->number != VTERM_BASELINE_NORMAL);
		break;
	default:
		break;
	}
	return 1;
}

static void title_fragment(struct grid *g, const VTermStringFragment *f)
{
	size_t room, n;
	char *p;

	if (f->initial)
		g->title_next_len = 0;
	if (g->title_next == NULL && (g->title_next = malloc(TITLE_MAX + 1)) == NULL)
		return;
	room = TITLE_MAX - g->title_next_len;
	n = f->len < room ? f->len : room;
	if (n > 0)
		memcpy(g->title_next + g->title_next_len, f->str, n);
	g->title_next_len += n;
	if (!f->final)
		return;
	p = malloc(g->title_next_len + 1);
	if (p == NULL)
		return;
	memcpy(p, g->title_next, g->title_next_len);
	p[g->title_next_len] = '\0';
	free(g->title);
	g->title = p;
	g->title_len = g->title_next_len;
}

/* Returning 0 makes libvterm stay on the screen it is on. */
static int set_altscreen(struct grid *g, int on)
{
	if (on == g->altscreen)
		return 1;
	if (on) {
		if (screen_init(&g->alt, g->main.nrows, g->main.ncols) != 0)
			return 0;
		vterm_state_get_cursorpos(g->state, &g->main_cursor);
		if (g->plain.scan.altsave)
			g->alt_saved = g->main_cursor;
		g->scr = &g->alt;
	} else {
		screen_free(&g->alt);
		g->scr = &g->main;
	}
	g->altscreen = on;
	return 1;
}

static int cb_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct grid *g = user;

	switch (prop) {
	case VTERM_PROP_CURSORVISIBLE:
		g->cursor_visible = val->boolean;
		break;
	case VTERM_PROP_CURSORSHAPE:
		g->cursor_shape = val->number;
		break;
	case VTERM_PROP_CURSORBLINK:
		g->cursor_blink = val->boolean;
		break;
	case VTERM_PROP_MOUSE:
		g->mouse = val->number;
		break;
	case VTERM_PROP_TITLE:
		title_fragment(g, &val->string);
		break;
	case VTERM_PROP_ALTSCREEN:
		if (!set_altscreen(g, val->boolean))
			return 0;
		grid_touch_all(g);
		break;
	default:
		break; /* blink, icon name, reverse screen, focus: not shown */
	}
	g->gen++;
	return 1;
}

static int cb_setlineinfo(int row, const VTermLineInfo *newinfo, const VTermLineInfo *oldinfo,
			  void *user)
{
	struct grid *g = user;

	(void)oldinfo;
	if (row >= 0 && row < g->scr->nrows)
		screen_row(g->scr, row)->cont = newinfo->continuation;
	return 1;
}

static int cb_sb_clear(void *user)
{
	struct grid *g = user;

	history_clear(g->hist);
	grid_touch_all(g);
	return 1;
}

static int cb_resize(int rows, int cols, VTermStateFields *fields, void *user);

static int cb_bell(void *user)
{
	struct grid *g = user;

	if (g->ev != NULL && g->ev->bell != NULL)
		g->ev->bell(g->ev_ctx);
	return 1;
}

static const VTermStateCallbacks state_callbacks = {
	.bell = cb_bell,
	.putglyph = cb_putglyph,
	.movecursor = cb_movecursor,
	.scrollrect = cb_scrollrect,
	.moverect = cb_moverect,
	.erase = cb_erase,
	.initpen = cb_initpen,
	.setpenattr = cb_setpenattr,
	.settermprop = cb_settermprop,
	.resize = cb_resize,
	.setlineinfo = cb_setlineinfo,
	.sb_clear = cb_sb_clear,
};

/* ---- plain text without libvterm ----
 *
 * Most output is printable characters, CR, LF and TAB in the modes every
 * shell leaves. libvterm spends most of a pane's parsing time on them, one
 * callback per character, so grid_feed writes them here itself and keeps
 * libvterm's state as it would have been: vtscan follows the parser to know
 * when text is plain; the line info libvterm reads is updated as libvterm
 * would (wraps, scrolls); and before libvterm takes anything that could
 * depend on the cursor ("sync"), it is given the last character put again,
 * with putglyph muted, at the place it was put (which also sets libvterm's
 * pending wrap and the glyph a combining mark joins), and then the cursor.
 * OSC sequences cannot depend on it and go straight through; the common
 * SGRs are applied to the pen here (sgr.c), and libvterm is told the pen
 * before it takes anything else (plain_pen). What libvterm 0.3.3 cannot
 * take safely never reaches it (see vtscan.h, plain_write, plain_resized).
 *
 * The characters taken here are those whose width libvterm is known to
 * give: ASCII, U+00A0-U+02FF (1) and CJK ideographs U+4E00-U+9FFF (2).
 * libvterm's pending wrap cannot be read, so after libvterm has moved the
 * cursor near the right edge, text goes to libvterm until it is clear.
 */

static VTermLineInfo *plain_lineinfo(struct grid *g)
{
	/* libvterm's own array for the screen shown; it reads it back on
	 * erase and at the start of a row, so it must match */
	return (VTermLineInfo *)vterm_state_get_lineinfo(g->state, 0);
}

/* libvterm's linefeed with the whole screen as scroll region. */
static void plain_linefeed(struct grid *g)
{
	struct plain *f = &g->plain;
	struct screen *s = g->scr;

	if (f->pos.row == s->nrows - 1) {
		VTermLineInfo *li = plain_lineinfo(g);
		VTermRect rect = {
			.start_row = 0, .end_row = s->nrows, .start_col = 0, .end_col = s->ncols};

		memmove(li, li + 1, (size_t)(s->nrows - 1) * sizeof *li);
		li[s->nrows - 1] = (VTermLineInfo){0};
		cb_scrollrect(rect, 1, 0, g);
		return; /* the cursor stays: a pending wrap stays too */
	}
	f->pos.row++;
	f->phantom = 0;
}

static void plain_wrap(struct grid *g)
{
	struct plain *f = &g->plain;

	plain_linefeed(g);
	f->pos.col = 0;
	f->phantom = 0;
	plain_lineinfo(g)[f->pos.row].continuation = 1;
}

static void plain_tab(struct grid *g)
{
	struct plain *f = &g->plain;
	int last = g->scr->ncols - 1;

	if (f->pos.col >= last)
		return;
	f->pos.col = (f->pos.col / 8 + 1) * 8;
	if (f->pos.col > last)
		f->pos.col = last;
	f->phantom = 0;
}

/* After putting a glyph of width w at the cursor. */
static void plain_advance(struct grid *g, uint32_t ch, int w)
{
	struct plain *f = &g->plain;

	f->last_pos = f->pos;
	f->last_ch = ch;
	f->have_last = 1;
	f->last_width = (uint8_t)w;
	if (f->pos.col + w >= g->scr->ncols)
		f->phantom = 1;
	else
		f->pos.col += w;
}

static void plain_put(struct grid *g, uint32_t ch, int w)
{
	struct plain *f = &g->plain;
	uint32_t chars[2] = {ch, 0};
	VTermGlyphInfo info = {.chars = chars, .width = w};

	struct screen *s = g->scr;
	struct row *r;
	struct grid_cell *c;

	if (f->phantom || f->pos.col + w > s->ncols)
		plain_wrap(g);
	r = screen_row(s, f->pos.row);
	c = r->cells + f->pos.col;
	/* narrow cells under it and after it: nothing to mend (else as
	 * cb_putglyph) */
	if (f->pos.col > 0 && f->pos.col + w < r->ncells && c[0].width == 1 &&
	    c[w - 1].width == 1 && c[w].width != 0) {
		c[0] = (struct grid_cell){ch, g->pen.fg, g->pen.bg, g->pen.attr, (uint8_t)w, 0};
		if (w == 2)
			c[1] = (struct grid_cell){GRID_CH_WIDE_CONT, g->pen.fg, g->pen.bg,
						  g->pen.attr,	     0,		0};
		row_touch(g, r, f->pos.col, f->pos.col + w);
	} else {
		putglyph_slow(g, &info, f->pos);
	}
	plain_advance(g, ch, w);
}

/* How many of the first len bytes are printable ASCII, eight at a time. */
static size_t printable_run(const unsigned char *p, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t n = 0;

	for (; n + 8 <= len; n += 8) {
		uint64_t v;

		memcpy(&v, p + n, 8);
		/* a byte below 0x20 borrows, one of 0x7f or more carries or
		 * has its top bit: either sets a top bit (false alarms only
		 * above a true one) */
		if (((v - 0x20 * ones) | (v + ones) | v) & highs)
			break;
	}
	while (n < len && p[n] - 0x20u < 0x5fu)
		n++;
	return n;
}

static void plain_ascii_slow(struct grid *g, unsigned char ch, int x)
{
	uint32_t chars[2] = {ch, 0};
	VTermGlyphInfo info = {.chars = chars, .width = 1};

	putglyph_slow(g, &info, (VTermPos){g->plain.pos.row, x});
}

/* A run of printable ASCII on the cursor's row; returns the bytes taken. */
static size_t plain_ascii(struct grid *g, const unsigned char *p, size_t len)
{
	struct plain *f = &g->plain;
	struct screen *s = g->scr;
	size_t n = 0, i = 0, room = (size_t)(f->phantom ? s->ncols : s->ncols - f->pos.col);
	size_t lim = len < room ? len : room;
	struct grid_cell *c, cell;
	struct row *r;
	int x, end, stop;

	n = printable_run(p, lim);
	/* a character with marks after it goes to libvterm with them */
	if (n < len && vtscan_joins(p + n, len - n) && --n == 0)
		return 0;
	if (f->phantom)
		plain_wrap(g);
	x = f->pos.col;
	end = x + (int)n;
	r = screen_row(s, f->pos.row);
	c = row_cells_to(s, r, end + 1);
	cell = (struct grid_cell){0, g->pen.fg, g->pen.bg, g->pen.attr, 1, 0};
	/* as cb_putglyph: column 0 takes the row's wrap flag, the last cell
	 * has no neighbour, a wide character's other half must be mended
	 * (width 2, or 0 for its right half) */
	if (x == 0)
		plain_ascii_slow(g, p[i++], x++);
	stop = end < r->ncells - 1 ? end : r->ncells - 1;
	for (; x < stop; x++, i++) {
		if (__builtin_expect(c[x].width != 1, 0)) {
			plain_ascii_slow(g, p[i], x);
			c = r->cells;
			continue;
		}
		cell.ch = p[i];
		c[x] = cell;
	}
	for (; x < end; x++, i++)
		plain_ascii_slow(g, p[i], x);
	row_touch(g, r, f->pos.col, end);
	f->pos.col = end - 1;
	plain_advance(g, p[n - 1], 1);
	return n;
}

/* A run of plain characters beyond ASCII; returns the bytes taken. Each is
 * decoded once: as the one after the last, whether it may join it. */
static size_t plain_utf8(struct grid *g, const unsigned char *p, size_t len)
{
	size_t i = 0;
	uint32_t cp, next;
	int n = utf8_take(p, len, &cp), m;

	if (n <= 0 || !vtscan_plain_char(cp))
		return 0;
	for (;;) {
		m = 0;
		if ((size_t)n < len - i && p[i + n] >= 0x80) {
			m = utf8_take(p + i + n, len - i - (size_t)n, &next);
			if (m <= 0 || !vtscan_plain_char(next))
				break; /* it may join cp: both go to libvterm */
		}
		plain_put(g, cp, cp >= 0x4e00 ? 2 : 1);
		i += (size_t)n;
		if (m == 0)
			return i;
		cp = next;
		n = m;
	}
	return i;
}

/* Take plain text from p; returns the bytes taken (0: none is plain). */
static size_t plain_text(struct grid *g, const unsigned char *p, size_t len)
{
	struct plain *f = &g->plain;
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i];
		int n;

		if (c >= 0x20 && c < 0x7f) {
			n = (int)plain_ascii(g, p + i, len - i);
			if (n == 0)
				break;
			i += (size_t)n;
			continue;
		}
		if (c == '\r') {
			if (f->pos.col != 0)
				f->phantom = 0;
			f->pos.col = 0;
		} else if (c == '\n') {
			plain_linefeed(g);
		} else if (c == '\t') {
			plain_tab(g);
		} else {
			n = c < 0x80 ? 0 : (int)plain_utf8(g, p + i, len - i);
			if (n == 0)
				break;
			i += (size_t)n;
			continue;
		}
		i++;
	}
	if (i > 0) {
		f->dirty = 1;
		g->gen++; /* the cursor moved */
	}
	return i;
}

/* Bring libvterm up to date (see the top of this section). */
/* CUP to pos (0-based) into seq (room for 16 bytes); its length. Not
 * snprintf: this runs after every read, and it cost more than the rest. */
static int cup(char *seq, VTermPos pos)
{
	int n = 0, v[2] = {pos.row + 1, pos.col + 1};

	seq[n++] = '\033';
	seq[n++] = '[';
	for (int i = 0; i < 2; i++) {
		char d[12];
		int k = 0;

		for (unsigned u = (unsigned)v[i]; k == 0 || u > 0; u /= 10)
			d[k++] = (char)('0' + u % 10);
		while (k > 0)
			seq[n++] = d[--k];
		seq[n++] = i == 0 ? ';' : 'H';
	}
	return n;
}

static void plain_sync(struct grid *g)
{
	struct plain *f = &g->plain;
	char seq[48];
	VTermPos at;
	int n;

	int moved = 0;

	if (!f->dirty)
		return;
	f->dirty = 0;
	if (f->have_last) {
		n = cup(seq, f->last_pos);
		n += (int)utf8_put(f->last_ch, seq + n);
		g->replay = 1;
		vterm_input_write(g->vt, seq, (size_t)n);
		g->replay = 0;
		f->have_last = 0;
		/* the replay may have left a wrap pending that a move since
		 * (CR then TAB to the same place) has cancelled */
		moved = !f->phantom;
	}
	vterm_state_get_cursorpos(g->state, &at);
	if (moved || at.row != f->pos.row || at.col != f->pos.col) {
		n = cup(seq, f->pos);
		vterm_input_write(g->vt, seq, (size_t)n);
	}
}

/* libvterm has moved the cursor: take it, if no wrap can be pending. */
static void plain_reload(struct grid *g)
{
	struct plain *f = &g->plain;

	vterm_state_get_cursorpos(g->state, &f->pos);
	f->phantom = 0;
	/* (libvterm drops a pending wrap only when the cursor moves) */
	if (f->wrap_maybe && (f->pos.row != f->wrap_at.row || f->pos.col != f->wrap_at.col))
		f->wrap_maybe = 0;
	/* (libvterm can also leave it off the screen: DECRC of a cursor
	 * saved before the screen shrank) */
	f->valid = on_screen(g->scr, f->pos) && f->pos.col < g->scr->ncols - 2 && !f->wrap_maybe;
}

/* After a saved cursor was restored: libvterm may have put it off a screen
 * that shrank since (see vtscan_unit). */
static void plain_restored(struct grid *g)
{
	VTermPos at;
	char seq[32];
	int n;

	g->plain.scan.restored = 0;
	vterm_state_get_cursorpos(g->state, &at);
	if (on_screen(g->scr, at))
		return;
	at.row = at.row < 0 ? 0 : at.row >= g->scr->nrows ? g->scr->nrows - 1 : at.row;
	at.col = at.col < 0 ? 0 : at.col >= g->scr->ncols ? g->scr->ncols - 1 : at.col;
	n = cup(seq, at);
	vterm_input_write(g->vt, seq, (size_t)n);
}

/* The common SGRs we apply to the pen ourselves, as libvterm would (sgr.c),
 * unless libvterm's pen holds what an SGR of ours cannot tell it. */
static int plain_sgr(struct grid *g, const unsigned char *p, size_t n)
{
	if (g->fast_off || g->plain.exotic || n < 3 || p[0] != 0x1b || p[1] != '[' ||
	    p[n - 1] != 'm' || !sgr_apply(&g->pen, p, n))
		return 0;
	g->plain.pen_stale = 1;
	return 1;
}

/* Tell libvterm the pen before it takes anything that could use or change
 * it (DECSC saves it, an SGR builds on it). */
static void plain_pen(struct grid *g)
{
	char seq[SGR_MAX];

	if (!g->plain.pen_stale)
		return;
	g->plain.pen_stale = 0;
	vterm_input_write(g->vt, seq, sgr_absolute(seq, &g->pen));
}

/* Give libvterm a unit that may move the cursor or draw. A REP ending it
 * is kept from libvterm if there is no glyph to repeat or it has no width:
 * libvterm 0.3.3 would loop forever; so is a DECDWL or DECDHL on a screen
 * one column wide (see vtscan_unit), and a DECSTBM of less than two rows
 * (tmux and xterm ignore it; libvterm would reset the region). Its ESC
 * still goes, then CAN: that ESC ends whatever escape came before it
 * (ESC ESC [ b, CSI 1 ESC [ b). */
static void plain_write(struct grid *g, const unsigned char *p, size_t n)
{
	struct vtscan *scan = &g->plain.scan;
	int cut = scan->rep || scan->dwl || scan->badregion;
	size_t at = cut && scan->esc_at > 0 ? (size_t)scan->esc_at : 0;

	if (!cut) {
		vterm_input_write(g->vt, (const char *)p, n);
	} else {
		/* what comes before it first: it may put the glyph */
		vterm_input_write(g->vt, (const char *)p, at);
		if (scan->badregion)
			vterm_input_write(g->vt, scan->esc_at < 0 ? "\x18" : "\x1b\x18",
					  scan->esc_at < 0 ? 1 : 2);
		else if (scan->rep ? g->plain.last_width > 0 : g->scr->ncols > 1)
			vterm_input_write(g->vt, (const char *)p + at, n - at);
		else if (scan->esc_at < 0)
			vterm_input_write(g->vt, "\x18", 1); /* it began before: abandon it */
		else
			vterm_input_write(g->vt, "\x1b\x18", 2);
	}
	scan->rep = 0;
	scan->dwl = 0;
	scan->badregion = 0;
	if (scan->forgot) { /* (a unit ends after what made it forget) */
		scan->forgot = 0;
		g->plain.last_width = 0;
	}
}

/* A change of tab stops ended the unit: at libvterm's cursor, which it
 * leaves where it was. */
static void plain_tabs(struct grid *g)
{
	VTermPos at;

	vterm_state_get_cursorpos(g->state, &at);
	switch (g->plain.scan.tabop) {
	case VTSCAN_TAB_SET:
	case VTSCAN_TAB_CLEAR:
		tabs_set(&g->tabs, at.col, g->plain.scan.tabop == VTSCAN_TAB_SET);
		break;
	case VTSCAN_TAB_CLEAR_ALL:
		tabs_clear_all(&g->tabs);
		break;
	case VTSCAN_TAB_RESET:
		tabs_reset(&g->tabs);
		break;
	}
	g->plain.scan.tabop = VTSCAN_TAB_NONE;
}

/*
 * Give libvterm the next unit that is not plain text; returns its length.
 * With left and right margins (DECLRMM) libvterm can hold a pending wrap at
 * the right margin, anywhere on the row, and keeps it after the margins go
 * (DECSTR, DECRST 69): the plain path waits until the cursor has moved.
 */
/* scroll-on-clear: the main screen's rows down to the last one used go to
 * the history before ED 2 erases them. */
static void clear_to_history(struct grid *g)
{
	struct screen *s = &g->main;
	int last = s->nrows - 1;

	while (last >= 0 && screen_row(s, last)->ncells == 0)
		last--;
	for (int y = 0; y <= last; y++)
		push_row(g, screen_row(s, y), y + 1 < s->nrows ? screen_row(s, y + 1) : NULL,
			 s->ncols);
	grid_touch_all(g);
}

/* alternate-screen off: the DEC mode sequence of p without 47, 1047 and
 * 1049, into out (empty when nothing is left). A sequence begun in an
 * earlier read cannot be rewritten: it is cancelled. */
static size_t without_altscreen(const struct vtscan *s, const unsigned char *p, size_t n, char *out,
				size_t size)
{
	size_t len = 0;
	int kept = 0;

	if (n < 3 || p[0] != 0x1b || p[1] != '[')
		return (size_t)snprintf(out, size, "\x18");
	len += (size_t)snprintf(out, size, "\033[?");
	for (int i = 0; i < s->nparam && len < size; i++) {
		int m = s->param[i];

		if (m == 47 || m == 1047 || m == 1049)
			continue;
		len += (size_t)snprintf(out + len, size - len, kept++ ? ";%d" : "%d",
					m < 0 ? 0 : m);
	}
	if (kept == 0 || len + 2 > size)
		return 0;
	out[len++] = (char)p[n - 1];
	out[len] = '\0';
	return len;
}

static size_t plain_unit(struct grid *g, const unsigned char *p, size_t len)
{
	struct plain *f = &g->plain;
	enum vtscan_kind kind;
	unsigned margins = f->scan.unsafe & VTSCAN_MARGINS;
	int whole = vtscan_modal(&f->scan);
	size_t n = vtscan_unit(&f->scan, p, len, whole, &kind);

	/* (a whole run of sequences may draw before its ED: left alone) */
	if (f->scan.cleared && kind == VTSCAN_MOVES && !whole && g->scroll_on_clear &&
	    g->scr == &g->main)
		clear_to_history(g);
	f->scan.cleared = 0;

	switch (kind) {
	case VTSCAN_NEUTRAL:
		if (plain_sgr(g, p, n))
			break;
		plain_pen(g);
		vterm_input_write(g->vt, (const char *)p, n);
		break;
	case VTSCAN_PARTIAL:
		memcpy(f->hold, p, n);
		f->hold_len = (uint8_t)n;
		break;
	case VTSCAN_CANCEL:
		vterm_input_write(g->vt, "\x18", 1);
		break;
	case VTSCAN_INVALID:
	case VTSCAN_MOVES:
		plain_sync(g);
		plain_pen(g);
		if (kind == VTSCAN_INVALID) {
			vterm_input_write(g->vt, "\xef\xbf\xbd", 3);
		} else if (f->scan.altscreen && g->no_altscreen && !whole) {
			char seq[VTSCAN_PARAMS * 12 + 8];
			size_t m = without_altscreen(&f->scan, p, n, seq, sizeof seq);

			if (m > 0)
				vterm_input_write(g->vt, seq, m);
		} else {
			plain_write(g, p, n);
		}
		if (f->scan.tabop != VTSCAN_TAB_NONE)
			plain_tabs(g);
		f->scan.altscreen = 0;
		if (f->scan.ris) { /* RIS resets the program's palette */
			f->scan.ris = 0;
			if (!g->respawning)
				oscolour_reset(&g->colours);
		}
		f->scan.altsave = 0;
		if (f->scan.restored)
			plain_restored(g);
		plain_reload(g);
		if ((margins | f->scan.unsafe) & VTSCAN_MARGINS) {
			f->wrap_maybe = 1;
			f->wrap_at = f->pos;
			f->valid = 0;
		}
		break;
	}
	return n;
}

static size_t plain_step(struct grid *g, const unsigned char *p, size_t len)
{
	struct plain *f = &g->plain;
	size_t n = 0;

	if (f->valid && !g->fast_off && vtscan_plain(&f->scan))
		n = plain_text(g, p, len);
	return n > 0 ? n : plain_unit(g, p, len);
}

/* A character held from the last read, completed (or found invalid) with
 * the first bytes of this one, goes to libvterm with the marks after it
 * (both paths alike); returns the bytes of p used. */
static size_t plain_held(struct grid *g, const unsigned char *p, size_t len)
{
	struct plain *f = &g->plain;
	unsigned char t[64];
	size_t k = f->hold_len, take = len < sizeof t - k ? len : sizeof t - k, pos = 0;

	memcpy(t, f->hold, k);
	memcpy(t + k, p, take);
	f->hold_len = 0;
	while (pos < k)
		pos += plain_unit(g, t + pos, k + take - pos);
	return pos - k;
}

/* Tab stops every 8 columns again in libvterm, which keeps those of the
 * old width: HTS at each, on the cursor's row (the region is whole now). */
static void plain_tabs_reset(struct grid *g, VTermPos at)
{
	char seq[32];
	int n;

	vterm_input_write(g->vt, "\033[3g", 4);
	for (at.col = 8; at.col < g->main.ncols; at.col += 8) {
		n = cup(seq, at);
		seq[n++] = '\033';
		seq[n++] = 'H';
		vterm_input_write(g->vt, seq, (size_t)n);
	}
	g->plain.scan.unsafe &= ~VTSCAN_TABS;
}

/* After a resize: a scroll region or margins set for the old size are
 * reset, as tmux does; libvterm 0.3.3 would keep a top past a smaller
 * screen and then move a negative number of rows. A new width puts tab
 * stops every 8 columns, as in tmux. The cursor stays. */
static void plain_resized(struct grid *g, int rows, int cols_changed)
{
	struct vtscan *scan = &g->plain.scan;
	int tabs = cols_changed && (scan->unsafe & VTSCAN_TABS);
	VTermPos at;
	char seq[64];
	int n;

	vtscan_resize(scan, rows);
	g->plain.valid = 0;
	if (cols_changed)
		(void)tabs_resize(&g->tabs, g->main.ncols); /* (kept if out of memory) */
	if (!(scan->unsafe & (VTSCAN_REGION | VTSCAN_MARGINS)) && !tabs)
		return;
	vterm_state_get_cursorpos(g->state, &at);
	/* (a sequence the program has begun is given up) */
	n = snprintf(seq, sizeof seq, "%s", vtscan_ground(scan) ? "" : "\030");
	if (scan->unsafe & (VTSCAN_REGION | VTSCAN_MARGINS))
		n += snprintf(seq + n, sizeof seq - (size_t)n, "\033[r%s",
			      scan->unsafe & VTSCAN_MARGINS ? "\033[s" : "");
	vterm_input_write(g->vt, seq, (size_t)n);
	if (tabs)
		plain_tabs_reset(g, at);
	n = cup(seq, at);
	vterm_input_write(g->vt, seq, (size_t)n);
	vtscan_cancelled(scan);
	scan->unsafe &= ~VTSCAN_REGION;
	vtscan_region_reset(scan);
}

/* ---- resize and reflow ---- */

/* What a resize needs, allocated before libvterm is told. */
struct resize_plan {
	int rows, cols;
	struct screen main, alt;
	struct row *tmprows;
	VTermLineInfo *lineinfo[2];
};

static void plan_free(struct resize_plan *p)
{
	screen_free(&p->main);
	screen_free(&p->alt);
	free(p->tmprows);
	free(p->lineinfo[0]);
	free(p->lineinfo[1]);
}

static int plan_prepare(struct grid *g, struct resize_plan *p, int rows, int cols)
{
	memset(p, 0, sizeof *p);
	p->rows = rows;
	p->cols = cols;
	p->tmprows = malloc((size_t)rows * sizeof *p->tmprows);
	p->lineinfo[0] = calloc((size_t)rows, sizeof(VTermLineInfo));
	p->lineinfo[1] = calloc((size_t)rows, sizeof(VTermLineInfo));
	if (p->tmprows == NULL || p->lineinfo[0] == NULL || p->lineinfo[1] == NULL ||
	    screen_init(&p->main, rows, cols) != 0 ||
	    (g->altscreen && screen_init(&p->alt, rows, cols) != 0)) {
		plan_free(p);
		return -1;
	}
	return 0;
}

/*
 * Reflow: physical lines (history, then screen rows) are gathered into
 * logical lines and cut again at the new width into out.
 */
struct reflow {
	struct grid *g;
	struct history *out;
	int cols;
	struct grid_cell *line; /* the logical line being gathered */
	size_t len, cap;
	struct grid_cell *tmp; /* one decoded history line */
	size_t tmpcap;
	int open, first_cont;
	int has_cursor;
	size_t cursor_off;
	int cursor_y, cursor_x; /* where the cursor went: a line of out */
	int content_end;	/* lines of out up to the last with content */
};

static int reflow_reserve(struct grid_cell **p, size_t *cap, size_t n)
{
	size_t c = *cap ? *cap : 256;
	struct grid_cell *q;

	if (n <= *cap)
		return 0;
	while (c < n)
		c *= 2;
	q = realloc(*p, c * sizeof *q);
	if (q == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static void reflow_push(struct reflow *rf, const struct grid_cell *cells, size_t n, int cont)
{
	history_push(rf->out, cells, (int)n, cont, &rf->g->codec);
}

/* Where the next piece of the logical line ends: at most cols cells, and
 * not through the middle of a wide character. One column wide, a wide
 * character is a piece of its own (reflow_flush keeps its left half). */
static size_t piece_len(const struct reflow *rf, size_t pos)
{
	size_t n = rf->len - pos;

	if (n <= (size_t)rf->cols)
		return n;
	n = (size_t)rf->cols;
	if (rf->line[pos + n].ch == GRID_CH_WIDE_CONT)
		n += n > 1 ? -1 : 1;
	return n;
}

/* A cursor past the end of the text: on the last piece, or on empty
 * continuation lines after it. */
static void reflow_cursor_past(struct reflow *rf, size_t last_start)
{
	size_t col = rf->cursor_off - last_start;

	while (col >= (size_t)rf->cols) {
		reflow_push(rf, NULL, 0, 1);
		col -= (size_t)rf->cols;
	}
	rf->cursor_y = history_size(rf->out) - 1;
	rf->cursor_x = (int)col;
}

static void reflow_flush(struct reflow *rf)
{
	size_t pos = 0, start = 0;
	int placed = 0;

	if (!rf->open)
		return;
	do {
		size_t n = piece_len(rf, pos);
		/* (the right half of a wide character has no column: as when one
		 * is printed on a screen one column wide) */
		size_t kept = n > (size_t)rf->cols ? (size_t)rf->cols : n;

		reflow_push(rf, rf->line + pos, kept, pos == 0 ? rf->first_cont : 1);
		if (rf->has_cursor && rf->cursor_off >= pos && rf->cursor_off < pos + n) {
			rf->cursor_y = history_size(rf->out) - 1;
			rf->cursor_x = (int)(rf->cursor_off - pos < kept ? rf->cursor_off - pos
									 : kept - 1);
			placed = 1;
		}
		start = pos;
		pos += n;
	} while (pos < rf->len);
	if (rf->has_cursor && !placed)
		reflow_cursor_past(rf, start);
	if (rf->len > 0 || rf->has_cursor)
		rf->content_end = history_size(rf->out);
	rf->open = 0;
	rf->len = 0;
	rf->has_cursor = 0;
}

/* Add a physical line; cursor_col >= 0 if the cursor is on it. */
static void reflow_add(struct reflow *rf, const struct grid_cell *cells, size_t n, int cont,
		       int cursor_col)
{
	if (!cont || !rf->open) {
		reflow_flush(rf);
		rf->open = 1;
		rf->first_cont = cont;
	}
	if (cursor_col >= 0) {
		rf->has_cursor = 1;
		rf->cursor_off = rf->len + (size_t)cursor_col;
	}
	if (n == 0)
		return; /* an empty row adds nothing (and line may still be NULL) */
	if (reflow_reserve(&rf->line, &rf->cap, rf->len + n) != 0)
		return; /* out of memory: this part of the line is lost */
	memcpy(rf->line + rf->len, cells, n * sizeof *cells);
	rf->len += n;
}

/* Rewrap the old history into rf->out. Lines that stand alone and fit are
 * copied as they are stored. */
static void reflow_history(struct reflow *rf, const struct history *old, int screen0_cont)
{
	int size = history_size(old);

	for (int i = 0; i < size; i++) {
		int cont = history_cont(old, i);
		int next_cont = i + 1 < size ? history_cont(old, i + 1) : screen0_cont;
		int n = history_ncells(old, i);

		if (!cont && !next_cont && n <= rf->cols) {
			reflow_flush(rf);
			history_copy_line(rf->out, old, i);
			continue;
		}
		if (reflow_reserve(&rf->tmp, &rf->tmpcap, (size_t)n + 1) != 0)
			continue;
		history_get(old, i, rf->tmp, n, &rf->g->codec);
		reflow_add(rf, rf->tmp, (size_t)n, cont, -1);
	}
}

/* Add the main screen's rows, the cursor's among them. */
static void reflow_screen(struct reflow *rf, const struct screen *s, VTermPos cursor)
{
	for (int y = 0; y < s->nrows; y++) {
		const struct row *r = screen_row(s, y);
		const struct row *next = y + 1 < s->nrows ? screen_row(s, y + 1) : NULL;
		int n = row_keep_len(r, next, s->ncols);

		reflow_add(rf, row_padded(rf->g, r, n), (size_t)n, r->cont,
			   y == cursor.row ? cursor.col : -1);
	}
	reflow_flush(rf);
}

/*
 * Choose which lines of out make the new screen: the newest ones, the
 * cursor's included. Blank lines below the cursor and the content go first
 * when the screen part does not fit (as tmux and xterm do when shrinking);
 * a taller screen pulls lines back from the history. Returns the line of out
 * shown as screen row 0.
 */
static int choose_screen_top(struct reflow *rf, int screen_start, int rows)
{
	int n = history_size(rf->out);
	int keep = rf->content_end > rf->cursor_y + 1 ? rf->content_end : rf->cursor_y + 1;
	int top;

	while (n - screen_start > rows && n > keep) {
		history_pop(rf->out, NULL, 0, NULL, NULL);
		n--;
	}
	top = n > rows ? n - rows : 0;
	if (rf->cursor_y >= 0 && rf->cursor_y < top) {
		top = rf->cursor_y;
		for (; n - top > rows; n--)
			history_pop(rf->out, NULL, 0, NULL, NULL);
	}
	return top;
}

/* Reflow the main screen (and the history) into dst; the cursor's new place
 * goes to *cursor. */
static void reflow_main(struct grid *g, struct screen *dst, VTermPos *cursor)
{
	struct screen *src = &g->main;
	struct reflow rf = {.g = g, .out = g->hist, .cols = dst->ncols, .cursor_y = -1};
	int top, n;

	if (dst->ncols != src->ncols) {
		struct history *nh = history_new(INT_MAX);

		if (nh != NULL) {
			rf.out = nh;
			reflow_history(&rf, g->hist, screen_row(src, 0)->cont);
			history_free(g->hist);
			g->hist = nh;
		} else {
			history_clear(g->hist); /* cannot rewrap it: lose it whole */
		}
	}
	history_set_limit(rf.out, INT_MAX);
	top = history_size(rf.out);
	reflow_screen(&rf, src, *cursor);
	top = choose_screen_top(&rf, top, dst->nrows);
	n = history_size(rf.out);
	for (int y = n - top - 1; y >= 0; y--) {
		struct row *r = screen_row(dst, y);
		int cont, len = history_ncells(rf.out, history_size(rf.out) - 1);

		if (len > 0) {
			struct grid_cell *c = row_cells_to(dst, r, len);

			history_pop(rf.out, c, r->ncells, &cont, &g->codec);
		} else {
			history_pop(rf.out, NULL, 0, &cont, NULL);
		}
		r->cont = (uint8_t)cont;
	}
	history_set_limit(rf.out, g->history_limit);
	cursor->row = rf.cursor_y >= top ? rf.cursor_y - top : 0;
	cursor->col = rf.cursor_x < dst->ncols ? rf.cursor_x : dst->ncols - 1;
	free(rf.line);
	free(rf.tmp);
}

/* The alternate screen is not reflowed (its program redraws): keep the top
 * left. */
static void copy_alt(const struct screen *src, struct screen *dst)
{
	int rows = src->nrows < dst->nrows ? src->nrows : dst->nrows;
	int cols = src->ncols < dst->ncols ? src->ncols : dst->ncols;

	for (int y = 0; y < rows; y++) {
		struct row *d = screen_row(dst, y);
		const struct row *sr = screen_row(src, y);
		int n = sr->ncells < cols ? sr->ncells : cols;

		d->cont = sr->cont;
		if (n == 0)
			continue;
		memcpy(row_cells_to(dst, d, n), sr->cells, (size_t)n * sizeof *d->cells);
		fix_wide_edges(d->cells, d->ncells, n, n);
	}
}

static void install_lineinfo(VTermStateFields *fields, struct resize_plan *p, int i,
			     const struct screen *s)
{
	if (s->row != NULL) {
		for (int y = 0; y < s->nrows; y++)
			p->lineinfo[i][y].continuation = screen_row(s, y)->cont;
	}
	/* The state frees these with our allocator (free). */
	free(fields->lineinfos[i]);
	fields->lineinfos[i] = p->lineinfo[i];
	p->lineinfo[i] = NULL;
}

static void plan_commit(struct grid *g, struct resize_plan *p, VTermStateFields *fields)
{
	VTermPos cursor = g->altscreen ? g->main_cursor : fields->pos;

	reflow_main(g, &p->main, &cursor);
	screen_free(&g->main);
	g->main = p->main;
	p->main = (struct screen){0};
	if (g->altscreen) {
		copy_alt(&g->alt, &p->alt);
		screen_free(&g->alt);
		g->alt = p->alt;
		p->alt = (struct screen){0};
		g->main_cursor = cursor;
	} else {
		fields->pos = cursor;
	}
	g->scr = g->altscreen ? &g->alt : &g->main;
	free(g->scratch); /* of the old width */
	g->scratch = NULL;
	free(g->tmprows);
	g->tmprows = p->tmprows;
	p->tmprows = NULL;
	install_lineinfo(fields, p, 0, &g->main);
	install_lineinfo(fields, p, 1, &g->alt);
	grid_touch_all(g);
}

static int cb_resize(int rows, int cols, VTermStateFields *fields, void *user)
{
	struct grid *g = user;
	struct resize_plan local;

	if (g->plan != NULL && g->plan->rows == rows && g->plan->cols == cols) {
		plan_commit(g, g->plan, fields);
		return 1;
	}
	/* Only grid_resize resizes; this is a safety net. libvterm has already
	 * taken the new size and would overrun line info of the old one. */
	if (plan_prepare(g, &local, rows, cols) != 0) {
		fprintf(stderr, "pmux: out of memory resizing a pane\n");
		abort();
	}
	plan_commit(g, &local, fields);
	plan_free(&local);
	return 1;
}

void grid_resize(struct grid *g, int rows, int cols)
{
	struct resize_plan plan;
	int old_cols = g->main.ncols;

	if (rows < 1 || cols < 1 || (rows == g->main.nrows && cols == g->main.ncols))
		return;
	if (plan_prepare(g, &plan, rows, cols) != 0)
		return; /* out of memory: keep the old size */
	plain_sync(g);
	g->plan = &plan;
	vterm_set_size(g->vt, rows, cols);
	g->plan = NULL;
	plan_free(&plan);
	plain_resized(g, rows, cols != old_cols);
}

/* ---- lifetime ---- */

static void *vt_malloc(size_t size, void *data)
{
	(void)data;
	return calloc(1, size); /* libvterm wants zeroed memory */
}

static void vt_free(void *p, void *data)
{
	(void)data;
	free(p);
}

static const VTermAllocatorFunctions vt_alloc = {vt_malloc, vt_free};

static void out_discard(const char *buf, size_t len, void *ctx)
{
	(void)buf, (void)len, (void)ctx;
}

static const VTermStateFallbacks state_fallbacks;	  /* OSC 133, defined below */
static const VTermSelectionCallbacks selection_callbacks; /* OSC 52, defined below */

static int grid_init_vterm(struct grid *g, int rows, int cols)
{
	struct VTermBuilder b = {
		.rows = rows,
		.cols = cols,
		.allocator = &vt_alloc,
		/* Unused: replies go straight to the output callback. */
		.outbuffer_len = 64,
		/* Scratch for formatting replies and decoding text (a quarter
		 * of its length in code points per call). */
		.tmpbuffer_len = 256,
	};

	g->vt = vterm_build(&b);
	if (g->vt == NULL)
		return -1;
	vterm_set_utf8(g->vt, 1);
	vterm_output_set_callback(g->vt, g->out, g->ctx);
	g->state = vterm_obtain_state(g->vt);
	if (g->state == NULL)
		return -1;
	vterm_state_set_callbacks(g->state, &state_callbacks, g);
	vterm_state_set_unrecognised_fallbacks(g->state, &state_fallbacks, g);
	vterm_state_set_selection_callbacks(g->state, &selection_callbacks, g, g->selbuf,
					    sizeof g->selbuf);
	vterm_state_reset(g->state, 1);
	return 0;
}

/* OSC 133 (FinalTerm/iTerm2 shell integration): "A" a prompt starts, "C" a
 * command's output starts, "D[;status]" the command finished. Shells that
 * emit them let wait-pane know exactly when a command is done. */
static void osc133_done(struct grid *g)
{
	const char *m = g->osc133;

	switch (m[0]) {
	case 'A':
		g->marks.prompts++;
		break;
	case 'C':
		g->marks.commands++;
		break;
	case 'D':
		g->marks.finished++;
		g->marks.last_status = m[1] == ';' ? atoi(m + 2) : 0;
		g->marks.have_status = m[1] == ';';
		break;
	}
}

/* Ids some cell of the screens uses. */
static void links_in_use(const struct grid *g, uint8_t *used)
{
	const struct screen *scr[2] = {&g->main, &g->alt};

	for (int i = 0; i < 2; i++) {
		if (scr[i]->row == NULL)
			continue;
		for (int y = 0; y < scr[i]->nrows; y++) {
			const struct grid_cell *c = scr[i]->row[y].cells;

			for (int x = 0; x < scr[i]->row[y].ncells; x++)
				used[GRID_CELL_LINK(&c[x])] = 1;
		}
	}
	used[(g->pen.attr & GRID_ATTR_LINK) >> GRID_LINK_SHIFT] = 1;
}

/* The id of a link's text, a new one if need be; 0 when the table is full
 * of links still on the screen. */
static unsigned link_intern(struct grid *g, const char *text)
{
	uint8_t used[GRID_LINK_MAX + 1] = {0};
	unsigned id, free_id = 0;

	if (g->links == NULL && (g->links = calloc(GRID_LINK_MAX + 1, sizeof *g->links)) == NULL)
		return 0;
	for (id = 1; id <= GRID_LINK_MAX; id++) {
		if (g->links[id] != NULL && strcmp(g->links[id], text) == 0)
			return id;
		if (g->links[id] == NULL && free_id == 0)
			free_id = id;
	}
	if (free_id == 0) {
		links_in_use(g, used);
		for (id = 1; id <= GRID_LINK_MAX; id++) {
			if (!used[id]) {
				free(g->links[id]);
				g->links[id] = NULL;
				if (free_id == 0)
					free_id = id;
			}
		}
	}
	if (free_id != 0 && (g->links[free_id] = strdup(text)) == NULL)
		free_id = 0;
	return free_id;
}

/* OSC 8 ; params ; URI: the pen links what follows to URI (none if empty). */
#define OSC8_MAX 4096
static void osc8_done(struct grid *g)
{
	const char *semi = memchr(g->osc8, ';', g->osc8_len);
	unsigned id = 0;

	if (semi != NULL && semi[1] != '\0')
		id = link_intern(g, g->osc8);
	g->pen.attr = (uint16_t)((g->pen.attr & ~GRID_ATTR_LINK) | (id << GRID_LINK_SHIFT));
}

static void osc8_fragment(struct grid *g, const VTermStringFragment *f)
{
	size_t n = f->len;

	if (f->initial)
		g->osc8_len = 0;
	if (g->osc8 == NULL && (g->osc8 = malloc(OSC8_MAX + 1)) == NULL)
		return;
	if (n > OSC8_MAX - g->osc8_len)
		n = OSC8_MAX - g->osc8_len;
	memcpy(g->osc8 + g->osc8_len, f->str, n);
	g->osc8_len += n;
	g->osc8[g->osc8_len] = '\0';
	if (f->final)
		osc8_done(g);
}

const char *grid_link(const struct grid *g, unsigned id)
{
	return id >= 1 && id <= GRID_LINK_MAX && g->links != NULL ? g->links[id] : NULL;
}

/* What the owner says colour "which" is now (grid_events.colour). */
static long colour_now(int which, void *ctx)
{
	struct grid *g = ctx;

	if (g->ev != NULL && g->ev->colour != NULL)
		return g->ev->colour(which, g->ev_ctx);
	return oscolour_get(&g->colours, which);
}

/* The program's colours (oscolour.h). The reply to a query ends as the
 * query did, which vtscan saw: a unit ends with each string. */
#define OSCOLOUR_MAX 16384
static void colour_fragment(struct grid *g, int command, const VTermStringFragment *f)
{
	struct buf reply;

	if (f->initial)
		g->osc_colour_len = 0;
	if (g->osc_colour == NULL && (g->osc_colour = malloc(OSCOLOUR_MAX + 1)) == NULL)
		return;
	if (g->osc_colour_len + f->len > OSCOLOUR_MAX) {
		g->osc_colour_len = OSCOLOUR_MAX + 1; /* too long: dropped */
	} else if (f->len > 0) {
		memcpy(g->osc_colour + g->osc_colour_len, f->str, f->len);
		g->osc_colour_len += f->len;
	}
	if (!f->final || g->osc_colour_len > OSCOLOUR_MAX)
		return;
	g->osc_colour[g->osc_colour_len] = '\0';
	buf_init(&reply);
	if (oscolour_run(&g->colours, command, g->osc_colour, g->plain.scan.str_bel, colour_now, g,
			 &reply))
		grid_touch_all(g);
	if (reply.len > 0)
		g->out(reply.data, reply.len, g->ctx);
	buf_free(&reply);
}

const struct oscolour *grid_colours(const struct grid *g)
{
	return &g->colours;
}

/* OSC 7 (a file: URL of the working directory), kept as given, as tmux's
 * #{pane_path}. */
static void osc7_fragment(struct grid *g, const VTermStringFragment *f)
{
	size_t n;

	if (f->initial)
		g->path_next_len = 0;
	if (g->path_next == NULL && (g->path_next = malloc(TITLE_MAX + 1)) == NULL)
		return;
	n = f->len < TITLE_MAX - g->path_next_len ? f->len : TITLE_MAX - g->path_next_len;
	if (n > 0)
		memcpy(g->path_next + g->path_next_len, f->str, n);
	g->path_next_len += n;
	g->path_next[g->path_next_len] = '\0';
	if (!f->final)
		return;
	free(g->path);
	g->path = g->path_next;
	g->path_next = NULL;
}

static int grid_osc(int command, VTermStringFragment frag, void *user)
{
	struct grid *g = user;
	size_t n;

	if (command == 8) {
		osc8_fragment(g, &frag);
		return 1;
	}
	if (oscolour_handles(command)) {
		colour_fragment(g, command, &frag);
		return 1;
	}
	if (command == 7) {
		osc7_fragment(g, &frag);
		return 1;
	}
	if (command != 133)
		return 0;
	if (frag.initial)
		g->osc133_len = 0;
	n = frag.len;
	if (n > sizeof g->osc133 - 1 - g->osc133_len)
		n = sizeof g->osc133 - 1 - g->osc133_len;
	if (n > 0)
		memcpy(g->osc133 + g->osc133_len, frag.str, n);
	g->osc133_len += n;
	g->osc133[g->osc133_len] = '\0';
	if (frag.final)
		osc133_done(g);
	return 1;
}

static const VTermStateFallbacks state_fallbacks = {
	.osc = grid_osc,
};

/* OSC 52: libvterm decodes the base64 and hands the text over in pieces;
 * the owner gets it whole. A query ("?") is not answered: the clipboard is
 * the client's, not the pane's. */
static int sel_set(VTermSelectionMask mask, VTermStringFragment frag, void *user)
{
	struct grid *g = user;
	char *p;

	(void)mask;
	if (frag.initial) {
		g->clip_len = 0;
		g->clip_bad = 0;
	}
	if (g->clip_len + frag.len > GRID_CLIPBOARD_MAX)
		g->clip_bad = 1;
	if (!g->clip_bad && frag.len > 0 && g->clip_len + frag.len > g->clip_cap) {
		/* doubling: the pieces are small (selbuf) */
		size_t cap = g->clip_cap * 2 > 1024 ? g->clip_cap * 2 : 1024;

		if (cap < g->clip_len + frag.len)
			cap = g->clip_len + frag.len;
		p = realloc(g->clip, cap);
		if (p == NULL) {
			g->clip_bad = 1;
		} else {
			g->clip = p;
			g->clip_cap = cap;
		}
	}
	if (!g->clip_bad && frag.len > 0) {
		memcpy(g->clip + g->clip_len, frag.str, frag.len);
		g->clip_len += frag.len;
	}
	if (frag.final) {
		if (!g->clip_bad && g->ev != NULL && g->ev->clipboard != NULL)
			g->ev->clipboard(g->clip != NULL ? g->clip : "", g->clip_len, g->ev_ctx);
		free(g->clip);
		g->clip = NULL;
		g->clip_len = g->clip_cap = 0;
	}
	return 1;
}

static const VTermSelectionCallbacks selection_callbacks = {
	.set = sel_set,
};

void grid_set_output(struct grid *g, grid_output_fn *out, void *ctx)
{
	g->out = out != NULL ? out : out_discard;
	g->ctx = ctx;
	vterm_output_set_callback(g->vt, g->out, g->ctx);
}

void grid_set_events(struct grid *g, const struct grid_events *ev, void *ctx)
{
	g->ev = ev;
	g->ev_ctx = ctx;
}

void grid_focus(struct grid *g, int in)
{
	if (in)
		vterm_state_focus_in(g->state);
	else
		vterm_state_focus_out(g->state);
}

const struct grid_marks *grid_shell_marks(const struct grid *g)
{
	return &g->marks;
}

struct grid *grid_new(int rows, int cols, int history_limit, grid_output_fn *out, void *ctx)
{
	struct grid *g = calloc(1, sizeof *g);

	if (g == NULL)
		return NULL;
	rows = rows < 1 ? 1 : rows;
	cols = cols < 1 ? 1 : cols;
	g->out = out != NULL ? out : out_discard;
	g->ctx = ctx;
	g->scr = &g->main;
	g->pen = default_pen;
	g->serial = ++serial_counter;
	g->epoch = 1; /* rows begin in epoch 0: their first change starts a span */
	g->cursor_visible = 1;
	g->cursor_shape = VTERM_PROP_CURSORSHAPE_BLOCK;
	g->cursor_blink = 1;
	g->history_limit = history_limit < 0 ? 0 : history_limit;
	g->codec = (struct history_codec){codec_expand, codec_intern, g};
	vtscan_init(&g->plain.scan, rows);
	oscolour_init(&g->colours);
	g->plain.valid = cols > 2;
	g->alt_saved.row = -1;
	g->hist = history_new(g->history_limit);
	g->tmprows = malloc((size_t)rows * sizeof *g->tmprows);
	if (g->hist == NULL || g->tmprows == NULL || screen_init(&g->main, rows, cols) != 0 ||
	    tabs_init(&g->tabs, cols) != 0 || grid_init_vterm(g, rows, cols) != 0) {
		grid_free(g);
		return NULL;
	}
	return g;
}

void grid_free(struct grid *g)
{
	if (g == NULL)
		return;
	if (g->vt != NULL)
		vterm_free(g->vt);
	screen_free(&g->main);
	screen_free(&g->alt);
	history_free(g->hist);
	free(g->scratch);
	free(g->tmprows);
	tabs_free(&g->tabs);
	namefilter_free(&g->names);
	free(g->comb.cps);
	free(g->comb.slot);
	free(g->title);
	free(g->title_next);
	free(g->path);
	free(g->path_next);
	free(g->clip);
	free(g->osc8);
	free(g->osc_colour);
	oscolour_free(&g->colours);
	for (int i = 0; g->links != NULL && i <= GRID_LINK_MAX; i++)
		free(g->links[i]);
	free(g->links);
	free(g);
}

/* ---- input and state ---- */

static void grid_feed(void *arg, const char *buf, size_t len)
{
	struct grid *g = arg;
	const unsigned char *p = (const unsigned char *)buf;
	size_t n;

	if (g->plain.hold_len > 0 && len > 0) {
		n = plain_held(g, p, len);
		p += n;
		len -= n;
	}
	while (len > 0) {
		n = plain_step(g, p, len);
		p += n;
		len -= n;
	}
}

void grid_respawned(struct grid *g)
{
	/* RIS, which libvterm does not let reach the mouse modes */
	static const char fresh[] = "\033[?1049l\033c\033[?1000;1005;1006;1015l";

	g->respawning = 1;
	grid_input(g, fresh, sizeof fresh - 1);
	g->respawning = 0;
}

void grid_input(struct grid *g, const char *buf, size_t len)
{
	g->epoch++;
	if (namefilter_input(&g->names, buf, len, grid_feed, g))
		g->name_set = 1;
	/* libvterm's cursor is told later, when something needs it: telling
	 * it costs more than a keystroke's echo, and it was waiting to show */
}

void grid_set_fast(struct grid *g, int on)
{
	g->fast_off = !on;
}

void grid_set_scroll_on_clear(struct grid *g, int on)
{
	g->scroll_on_clear = on;
}

void grid_set_alternate_screen(struct grid *g, int on)
{
	g->no_altscreen = !on;
}

const char *grid_take_name(struct grid *g)
{
	if (!g->name_set)
		return NULL;
	g->name_set = 0;
	return g->names.last;
}

void grid_set_history_limit(struct grid *g, int limit)
{
	g->history_limit = limit < 0 ? 0 : limit;
	history_set_limit(g->hist, g->history_limit);
	grid_touch_all(g);
}

void grid_clear_history(struct grid *g)
{
	history_clear(g->hist);
	grid_touch_all(g);
}

int grid_rows(const struct grid *g)
{
	return g->main.nrows;
}

int grid_cols(const struct grid *g)
{
	return g->main.ncols;
}

int grid_history_size(const struct grid *g)
{
	return history_size(g->hist);
}

size_t grid_history_bytes(const struct grid *g)
{
	return history_bytes(g->hist);
}

int grid_history_limit(const struct grid *g)
{
	return g->history_limit;
}

unsigned long grid_history_dropped(const struct grid *g)
{
	return g->hist_dropped;
}

const struct grid_cell *grid_line(struct grid *g, int y)
{
	int hsize = history_size(g->hist);

	if (y >= 0 && y < g->scr->nrows)
		return row_padded(g, screen_row(g->scr, y), g->scr->ncols);
	/* History rows (and rows that do not exist, as blanks) decode into
	 * the scratch row. */
	if (g->scratch == NULL &&
	    (g->scratch = malloc((size_t)g->main.ncols * sizeof *g->scratch)) == NULL)
		grid_oom();
	history_get(g->hist, y + hsize, g->scratch, g->main.ncols, &g->codec);
	return g->scratch;
}

int grid_line_wrapped(struct grid *g, int y)
{
	int hsize = history_size(g->hist);

	if (y >= 0 && y + 1 < g->scr->nrows)
		return screen_row(g->scr, y + 1)->cont;
	if (y == -1)
		return hsize > 0 && screen_row(&g->main, 0)->cont;
	if (y < -1 && y >= -hsize)
		return history_cont(g->hist, y + 1 + hsize);
	return 0;
}

size_t grid_cell_utf8(const struct grid *g, const struct grid_cell *c, char out[32])
{
	uint32_t cps[COMBINE_CPS];
	size_t n, len = 0;

	if (c->ch == GRID_CH_WIDE_CONT) {
		out[0] = '\0';
		return 0;
	}
	if (!(c->flags & GRID_CELL_COMBINED)) {
		len = c->ch == 0 ? utf8_put(' ', out) : utf8_put(c->ch, out);
		out[len] = '\0';
		return len;
	}
	/* At most 7 code points of 4 bytes: always room for the NUL. */
	n = combine_expand(&g->comb, c->ch, cps, COMBINE_CPS);
	for (size_t i = 0; i < n; i++)
		len += utf8_put(cps[i], out + len);
	if (n == 0)
		len = utf8_put(' ', out);
	out[len] = '\0';
	return len;
}

void grid_cursor(const struct grid *g, int *row, int *col)
{
	VTermPos pos = g->plain.pos;

	if (!g->plain.dirty)
		vterm_state_get_cursorpos(g->state, &pos);
	*row = pos.row;
	*col = pos.col;
}

int grid_cursor_visible(const struct grid *g)
{
	return g->cursor_visible;
}

int grid_cursor_shape(const struct grid *g)
{
	return g->cursor_shape;
}

int grid_cursor_blink(const struct grid *g)
{
	return g->cursor_blink;
}

int grid_alt_screen(const struct grid *g)
{
	return g->altscreen;
}

int grid_mouse_mode(const struct grid *g)
{
	return g->mouse;
}

void grid_modes(const struct grid *g, struct grid_modes *m)
{
	const struct vtscan *s = &g->plain.scan;

	m->insert = (s->unsafe & VTSCAN_INSERT) != 0;
	m->origin = (s->unsafe & VTSCAN_ORIGIN) != 0;
	m->wrap = !(s->unsafe & VTSCAN_NOWRAP);
	m->keypad = s->keypad;
	m->keypad_cursor = s->appcursor;
	m->mouse_utf8 = s->mouse_utf8;
	m->mouse_sgr = s->mouse_sgr;
	m->region_upper = s->region_top;
	m->region_lower = (s->region_end < 0 ? g->main.nrows : s->region_end) - 1;
	m->alt_saved_x = g->alt_saved.row < 0 ? -1 : g->alt_saved.col;
	m->alt_saved_y = g->alt_saved.row;
}

int grid_tab_stop(const struct grid *g, int col)
{
	return tabs_at(&g->tabs, col);
}

static void count_output(const char *buf, size_t len, void *ctx)
{
	(void)buf;
	*(size_t *)ctx += len;
}

/*
 * libvterm 0.3.3 keeps DECSET 2004 to itself (no termprop, and the
 * unrecognised-sequence fallbacks never see it). It emits the paste start
 * marker only when the mode is set, so ask it to, with the output
 * redirected to a counter, and put the pane's output back.
 */
int grid_bracketed_paste(const struct grid *g)
{
	size_t n = 0;

	vterm_output_set_callback(g->vt, count_output, &n);
	vterm_keyboard_start_paste(g->vt);
	vterm_output_set_callback(g->vt, g->out, g->ctx);
	return n > 0;
}

const char *grid_path(const struct grid *g)
{
	return g->path != NULL ? g->path : "";
}

void grid_set_title(struct grid *g, const char *title)
{
	char *p = strdup(title);

	if (p == NULL)
		return; /* out of memory: the old title stays */
	free(g->title);
	g->title = p;
	g->title_len = strlen(p);
}

const char *grid_title(const struct grid *g)
{
	return g->title != NULL ? g->title : "";
}

uint64_t grid_generation(const struct grid *g)
{
	return g->gen;
}

uint64_t grid_row_generation(const struct grid *g, int y)
{
	uint64_t r;

	if (y < 0 || y >= g->scr->nrows)
		return 0;
	r = screen_row(g->scr, y)->gen;
	return r > g->all_gen ? r : g->all_gen;
}

int grid_row_span(const struct grid *g, int y, uint64_t since, int *x0, int *x1)
{
	const struct row *r;

	if (y < 0 || y >= g->scr->nrows)
		return 0;
	r = screen_row(g->scr, y);
	if (r->gen < g->all_gen || r->span_base != since)
		return 0;
	*x0 = r->span0;
	*x1 = r->span1 < g->scr->ncols ? r->span1 : g->scr->ncols;
	return 1;
}

uint64_t grid_serial(const struct grid *g)
{
	return g->serial;
}

void grid_key(struct grid *g, VTermKey key, VTermModifier mod)
{
	vterm_keyboard_key(g->vt, key, mod);
}

void grid_key_bytes(struct grid *g, const char *buf, size_t len)
{
	g->out(buf, len, g->ctx);
}

int grid_modify_other_keys(const struct grid *g)
{
	return g->plain.scan.modkeys;
}

void grid_unichar(struct grid *g, uint32_t c, VTermModifier mod)
{
	vterm_keyboard_unichar(g->vt, c, mod);
}

void grid_paste(struct grid *g, const char *buf, size_t len)
{
	vterm_keyboard_start_paste(g->vt);
	if (len > 0)
		g->out(buf, len, g->ctx);
	vterm_keyboard_end_paste(g->vt);
}

/* libvterm keeps the pointer position and the buttons held, and reports
 * only what the program's modes ask for. */
void grid_mouse_move(struct grid *g, int row, int col, VTermModifier mod)
{
	vterm_mouse_move(g->vt, row, col, mod);
}

void grid_mouse_button(struct grid *g, int button, int pressed, VTermModifier mod)
{
	vterm_mouse_button(g->vt, button, pressed != 0, mod);
}

/* ---- capture ---- */

struct sbuf {
	char *p;
	size_t len, cap;
	int failed;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (p == NULL) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
}

static int cell_is_space(const struct grid_cell *c)
{
	return (c->ch == 0 || c->ch == ' ') && !(c->flags & GRID_CELL_COMBINED);
}

/* Does a blank cell look like nothing? (It shows no colour or line.) */
static int cell_invisible(const struct grid_cell *c)
{
	return c->bg == GRID_COLOR_DEFAULT &&
	       !(c->attr & (GRID_ATTR_REVERSE | GRID_ATTR_UNDERLINE | GRID_ATTR_UNDERLINE2 |
			    GRID_ATTR_UNDERCURL | GRID_ATTR_STRIKE));
}

/* How many cells of row y a capture shows. */
static int capture_len(struct grid *g, int y, const struct grid_cell *c, int flags, int wrapped)
{
	int n = g->main.ncols;

	if (flags & GRID_CAPTURE_JOIN) {
		if (!wrapped)
			return history_content_len(c, n);
		if (y < 0)
			return history_ncells(g->hist, y + history_size(g->hist));
		return row_keep_len(screen_row(g->scr, y), screen_row(g->scr, y + 1), n);
	}
	while (n > 0 && cell_is_space(&c[n - 1]) &&
	       (!(flags & GRID_CAPTURE_ESCAPES) || cell_invisible(&c[n - 1])))
		n--;
	return n;
}

static void capture_row(struct grid *g, struct sbuf *b, const struct grid_cell *c, int n, int flags,
			struct sgr_pen *pen)
{
	char u[32];

	for (int x = 0; x < n; x++) {
		if (c[x].ch == GRID_CH_WIDE_CONT)
			continue;
		if (flags & GRID_CAPTURE_ESCAPES) {
			struct sgr_pen to = {c[x].fg, c[x].bg,
					     (uint16_t)(c[x].attr & ~GRID_ATTR_LINK)};
			char seq[SGR_MAX];

			sb_add(b, seq, sgr_switch(seq, pen, &to));
		}
		sb_add(b, u, grid_cell_utf8(g, &c[x], u));
	}
}

int grid_alternate_showing(const struct grid *g)
{
	return g->scr == &g->alt;
}

/* -C: what a terminal would act on, written out: bytes below 0x20 (other
 * than the line ends) and 0x7f as \ooo, a backslash as \\. */
static void capture_octal(struct sbuf *b)
{
	struct sbuf o = {0};

	sb_add(&o, "", 0);
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->p[i];
		char esc[8];

		if (c == '\\')
			sb_add(&o, "\\\\", 2);
		else if ((c < 0x20 && c != '\n') || c == 0x7f)
			sb_add(&o, esc, (size_t)snprintf(esc, sizeof esc, "\\%03o", c));
		else
			sb_add(&o, (const char *)&c, 1);
	}
	b->len = 0;
	sb_add(b, o.p, o.len);
	b->failed |= o.failed;
	free(o.p);
}

char *grid_capture(struct grid *g, int start, int end, int flags, size_t *len)
{
	struct sbuf b = {0};
	struct sgr_pen pen = default_pen;
	struct screen *shown = g->scr;
	int hsize = history_size(g->hist);

	if ((flags & GRID_CAPTURE_SAVED) && g->scr == &g->alt) {
		g->scr = &g->main; /* its rows, no history (as tmux) */
		hsize = 0;
	}
	start = start < -hsize ? -hsize : start;
	end = end > g->scr->nrows - 1 ? g->scr->nrows - 1 : end;
	sb_add(&b, "", 0);
	for (int y = start; y <= end; y++) {
		int wrapped = (flags & GRID_CAPTURE_JOIN) && grid_line_wrapped(g, y);
		const struct grid_cell *c = grid_line(g, y);

		capture_row(g, &b, c, capture_len(g, y, c, flags, wrapped), flags, &pen);
		if (y == end && (flags & GRID_CAPTURE_ESCAPES)) {
			struct sgr_pen def = default_pen;
			char seq[SGR_MAX];

			sb_add(&b, seq, sgr_switch(seq, &pen, &def));
		}
		if (!wrapped || y == end)
			sb_add(&b, "\n", 1);
	}
	g->scr = shown;
	if (flags & GRID_CAPTURE_OCTAL)
		capture_octal(&b);
	if (b.failed) {
		free(b.p);
		*len = 0;
		return NULL;
	}
	b.p[b.len] = '\0';
	*len = b.len;
	return b.p;
}
