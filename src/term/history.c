/*
 * history: compact storage of scrolled-off lines. See history.h.
 *
 * A line's bytes are its text, its attribute runs and the length of the
 * runs: one byte below 255, else 255 after the length in four bytes (little
 * endian). Keeping it at the end lets the text be encoded in place before
 * the runs' length is known.
 *
 * Text: one entry per cell, in order. A plain cell is its code point in
 * UTF-8; a cell never written (ch 0) is thus the byte 0, distinct from a
 * written space. Bytes 0xf8..0xff never occur in UTF-8, so three of them
 * say what plain text cannot:
 *   MARK_WIDE   the next character is two cells wide; its right half is
 *               implied and takes no bytes
 *   MARK_COMB   the next code point combines with the cell before
 *   MARK_CONT   a right half of a wide character with no left half (only
 *               seen when a program overwrites half of a wide character)
 *
 * Runs: a record per column where the pen (fg, bg, attributes) changes from
 * the previous cell's (the line starts with the default pen): the column as
 * a LEB128 delta from the previous record's, a mask byte saying which of fg,
 * bg and attributes follow and the types of the colours, then only those. A
 * colour's type (0 default, 1 indexed, else rgb) is in the mask, its value
 * takes no, one or three bytes; attributes take one byte, or two
 * (RUN_ATTR16) when a link id is among them.
 *
 * A line of plain 80-column text thus costs its 80 bytes, one for its runs'
 * length and the 8 bytes of its struct hline.
 */
#include "term/history.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_LINES 256
#define MAX_CELLS 65535

#define MARK_CONT 0xfb
#define MARK_COMB 0xfd
#define MARK_WIDE 0xfe

#define RUN_FG 0x01
#define RUN_BG 0x02
#define RUN_ATTR 0x04
#define RUN_ATTR16 0x08
#define RUN_FG_TYPE(m) (((m) >> 4) & 3)
#define RUN_BG_TYPE(m) (((m) >> 6) & 3)

/* The runs' length at the end of a line: one byte, or RUNLEN_LONG after four. */
#define RUNLEN_LONG 0xff
#define RUNLEN_MAX 5

/* Most code points a cell keeps (the grid's combining table holds fewer). */
#define CELL_CPS 8
/* Worst case bytes per cell: text (wide mark, base, marked combining code
 * points) and run record (delta, mask, two colours, attributes). */
#define TEXT_MAX_PER_CELL (1 + 4 + (CELL_CPS - 1) * 5)
#define RUN_MAX_PER_CELL (3 + 1 + 3 + 3 + 2)
/* Most text bytes per cell without combined characters: a character, or a
 * wide mark and a character for two cells. */
#define TEXT_PER_CELL 4

struct hline {
	uint32_t off; /* start of the text in the chunk's buffer; the runs and
			 their length follow, up to the next line's off */
	uint16_t ncells;
	uint8_t cont;
	uint8_t unused;
};

struct hchunk {
	uint8_t *buf;
	size_t used, cap;
	int n; /* lines in use, from 0 */
	struct hline line[CHUNK_LINES];
};

struct history {
	struct hchunk **chunk; /* oldest first */
	int nchunk, capchunk;
	int first; /* slot of the oldest line kept in chunk[0] */
	int size, limit;
	uint8_t *runs; /* scratch for a line's runs while its text is encoded
			  in place */
	size_t runscap;
};

struct hpen {
	grid_color fg, bg;
	uint16_t attr;
};

static const struct hpen default_pen = {GRID_COLOR_DEFAULT, GRID_COLOR_DEFAULT, 0};

/*
 * A cell's 8 bytes from bg to flags as one word, to compare a cell's pen
 * (and that it is a single-width, uncombined cell) in one step. Both sides of
 * a comparison come from the same layout, so byte order does not matter.
 */
_Static_assert(sizeof(struct grid_cell) == 16 && offsetof(struct grid_cell, bg) == 8,
	       "struct grid_cell: bg, attr, width and flags are its last 8 bytes");

static uint64_t cell_tail(const struct grid_cell *c)
{
	uint64_t v;

	memcpy(&v, (const unsigned char *)c + offsetof(struct grid_cell, bg), sizeof v);
	return v;
}

/* A cell's code point and fg as one word, the code point in the low half
 * (compilers make this one load on a little-endian machine). */
static uint64_t cell_head(const struct grid_cell *c)
{
	return (uint64_t)c->fg << 32 | c->ch;
}

struct history *history_new(int limit)
{
	struct history *h = calloc(1, sizeof *h);

	if (h == NULL)
		return NULL;
	h->limit = limit < 0 ? 0 : limit;
	return h;
}

void history_clear(struct history *h)
{
	for (int i = 0; i < h->nchunk; i++) {
		free(h->chunk[i]->buf);
		free(h->chunk[i]);
	}
	h->nchunk = 0;
	h->first = 0;
	h->size = 0;
}

void history_free(struct history *h)
{
	if (h == NULL)
		return;
	history_clear(h);
	free(h->chunk);
	free(h->runs);
	free(h);
}

int history_size(const struct history *h)
{
	return h->size;
}

int history_limit(const struct history *h)
{
	return h->limit;
}

/* Forget the oldest line; a chunk goes once all its lines are gone. */
static void drop_oldest(struct history *h)
{
	if (--h->size == 0) {
		history_clear(h);
		return;
	}
	if (++h->first < CHUNK_LINES)
		return;
	free(h->chunk[0]->buf);
	free(h->chunk[0]);
	/* A pointer array of limit/256 entries: cheap, and once per chunk. */
	memmove(h->chunk, h->chunk + 1, (size_t)(h->nchunk - 1) * sizeof h->chunk[0]);
	h->nchunk--;
	h->first = 0;
}

void history_set_limit(struct history *h, int limit)
{
	h->limit = limit < 0 ? 0 : limit;
	while (h->size > h->limit)
		drop_oldest(h);
}

int history_content_len(const struct grid_cell *cells, int n)
{
	/* the bits of a tail that make a blank show (bg, attributes) or not a
	 * blank (combined) */
	static const struct grid_cell bits = {0, 0, UINT32_MAX, UINT16_MAX, 0, GRID_CELL_COMBINED};
	uint64_t shows = cell_tail(&bits);

	/* Four at a time: most rows end in many blanks. */
	for (; n >= 4; n -= 4) {
		const struct grid_cell *c = cells + n - 4;

		if ((c[0].ch | c[1].ch | c[2].ch | c[3].ch) != 0 ||
		    ((cell_tail(c) | cell_tail(c + 1) | cell_tail(c + 2) | cell_tail(c + 3)) &
		     shows) != 0)
			break;
	}
	while (n > 0 && cells[n - 1].ch == 0 && (cell_tail(&cells[n - 1]) & shows) == 0)
		n--;
	return n;
}

/* Locate line idx: its chunk, its record and the length of its bytes. */
static const struct hline *line_at(const struct history *h, int idx, const struct hchunk **cp,
				   size_t *len)
{
	int pos = h->first + idx;
	const struct hchunk *c = h->chunk[pos / CHUNK_LINES];
	int slot = pos % CHUNK_LINES;
	size_t end = slot + 1 < c->n ? c->line[slot + 1].off : c->used;

	*cp = c;
	*len = end - c->line[slot].off;
	return &c->line[slot];
}

int history_cont(const struct history *h, int idx)
{
	const struct hchunk *c;
	size_t len;

	if (idx < 0 || idx >= h->size)
		return 0;
	return line_at(h, idx, &c, &len)->cont;
}

int history_ncells(const struct history *h, int idx)
{
	const struct hchunk *c;
	size_t len;

	if (idx < 0 || idx >= h->size)
		return 0;
	return line_at(h, idx, &c, &len)->ncells;
}

size_t history_bytes(const struct history *h)
{
	size_t n = sizeof *h + (size_t)h->capchunk * sizeof h->chunk[0] + h->runscap;

	for (int i = 0; i < h->nchunk; i++)
		n += sizeof *h->chunk[i] + h->chunk[i]->cap;
	return n;
}

/* ---- chunk storage ---- */

/* Room for more bytes. A chunk grows by an eighth (it starts at about what
 * the one before needed), so that the slack trimmed when it is full stays
 * small: a large one leaves a hole in the heap no later chunk fits. */
static int reserve_bytes(struct hchunk *c, size_t more)
{
	size_t cap = c->cap + (c->cap / 8 > more ? c->cap / 8 : more);
	uint8_t *buf;

	if (c->cap - c->used >= more)
		return 0;
	if (cap < 4096)
		cap = 4096;
	buf = realloc(c->buf, cap);
	if (buf == NULL)
		return -1;
	c->buf = buf;
	c->cap = cap;
	return 0;
}

/* A full chunk never grows again (until lines are popped): give back the
 * slack its doubling left. */
static void shrink_chunk(struct hchunk *c)
{
	uint8_t *buf;

	if (c->used == 0 || c->used == c->cap)
		return;
	buf = realloc(c->buf, c->used);
	if (buf != NULL) {
		c->buf = buf;
		c->cap = c->used;
	}
}

/* A new chunk for the next lines, with room for more bytes. */
static struct hchunk *new_chunk(struct history *h, size_t more)
{
	struct hchunk *c;

	if (h->nchunk == h->capchunk) {
		int cap = h->capchunk ? h->capchunk * 2 : 8;
		struct hchunk **p = realloc(h->chunk, (size_t)cap * sizeof *p);

		if (p == NULL)
			return NULL;
		h->chunk = p;
		h->capchunk = cap;
	}
	c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	/* Start a little past what the last chunk needed: one allocation and
	 * one trim (in place) per chunk, rather than a doubling series whose
	 * freed steps fragment the heap, or a growth that copies the chunk. */
	if (h->nchunk > 0) {
		size_t want = h->chunk[h->nchunk - 1]->used;

		want += want / 8;
		if (want < more)
			want = more;
		if ((c->buf = malloc(want)) != NULL)
			c->cap = want;
	}
	h->chunk[h->nchunk++] = c;
	return c;
}

/* The chunk the next line goes in, with room for more bytes. */
static struct hchunk *writable_chunk(struct history *h, size_t more)
{
	struct hchunk *c = h->nchunk ? h->chunk[h->nchunk - 1] : NULL;

	if (c != NULL && c->n < CHUNK_LINES && c->cap - c->used >= more)
		return c; /* most lines */
	if ((c == NULL || c->n == CHUNK_LINES) && (c = new_chunk(h, more)) == NULL)
		return NULL;
	if (reserve_bytes(c, more) != 0)
		return NULL;
	return c;
}

/* Record the line whose bytes were just written at c->buf + c->used. */
static void commit_line(struct history *h, struct hchunk *c, size_t total, int ncells, int cont)
{
	struct hline *l = &c->line[c->n++];

	l->off = (uint32_t)c->used;
	l->ncells = (uint16_t)ncells;
	l->cont = cont ? 1 : 0;
	c->used += total;
	if (c->n == CHUNK_LINES)
		shrink_chunk(c);
	h->size++;
	while (h->size > h->limit)
		drop_oldest(h);
}

/* ---- encoding ---- */

static uint8_t *put_utf8(uint8_t *p, uint32_t cp)
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		*p++ = (uint8_t)cp;
	} else if (cp < 0x800) {
		*p++ = (uint8_t)(0xc0 | (cp >> 6));
		*p++ = (uint8_t)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*p++ = (uint8_t)(0xe0 | (cp >> 12));
		*p++ = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
		*p++ = (uint8_t)(0x80 | (cp & 0x3f));
	} else {
		*p++ = (uint8_t)(0xf0 | (cp >> 18));
		*p++ = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
		*p++ = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
		*p++ = (uint8_t)(0x80 | (cp & 0x3f));
	}
	return p;
}

/* put_utf8 with the two and three byte forms (most text that is not ASCII)
 * first and in line. */
static uint8_t *put_char(uint8_t *p, uint32_t cp)
{
	if (cp - 0x80 < 0x800 - 0x80) {
		p[0] = (uint8_t)(0xc0 | (cp >> 6));
		p[1] = (uint8_t)(0x80 | (cp & 0x3f));
		return p + 2;
	}
	if (cp - 0x800 < 0xd800 - 0x800) {
		p[0] = (uint8_t)(0xe0 | (cp >> 12));
		p[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
		p[2] = (uint8_t)(0x80 | (cp & 0x3f));
		return p + 3;
	}
	return put_utf8(p, cp);
}

static uint8_t *put_varint(uint8_t *p, unsigned v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

/* A colour's value; its type is in the mask. */
static uint8_t *put_color(uint8_t *p, grid_color c)
{
	unsigned type = GRID_COLOR_TYPE(c), v = GRID_COLOR_VALUE(c);

	if (type == 0)
		return p;
	if (type == 1) {
		*p++ = (uint8_t)v;
		return p;
	}
	*p++ = (uint8_t)(v >> 16);
	*p++ = (uint8_t)(v >> 8);
	*p++ = (uint8_t)v;
	return p;
}

/* A run record at column col: the cell's pen differs from *pen. */
static uint8_t *put_run(uint8_t *p, int col, int *lastcol, struct hpen *pen,
			const struct grid_cell *c)
{
	uint8_t *mask;

	p = put_varint(p, (unsigned)(col - *lastcol));
	*lastcol = col;
	mask = p++;
	*mask = 0;
	if (c->fg != pen->fg) {
		*mask |= RUN_FG | (uint8_t)((GRID_COLOR_TYPE(c->fg) & 3) << 4);
		p = put_color(p, c->fg);
	}
	if (c->bg != pen->bg) {
		*mask |= RUN_BG | (uint8_t)((GRID_COLOR_TYPE(c->bg) & 3) << 6);
		p = put_color(p, c->bg);
	}
	if (c->attr != pen->attr) {
		*mask |= RUN_ATTR;
		*p++ = (uint8_t)c->attr;
		if (c->attr > 0xff) {
			*mask |= RUN_ATTR16;
			*p++ = (uint8_t)(c->attr >> 8);
		}
	}
	pen->fg = c->fg;
	pen->bg = c->bg;
	pen->attr = c->attr;
	return p;
}

/* The text of a cell that is not a plain character: a blank, a right half
 * alone or combined characters. */
static uint8_t *put_text(uint8_t *p, const struct grid_cell *c, int wide,
			 const struct history_codec *codec)
{
	uint32_t cps[CELL_CPS];
	size_t n = 0;

	if (c->ch == GRID_CH_WIDE_CONT) {
		*p++ = MARK_CONT;
		return p;
	}
	if ((c->flags & GRID_CELL_COMBINED) && codec != NULL)
		n = codec->expand(codec->ctx, c->ch, cps, CELL_CPS);
	if (n == 0) {
		/* a blank; both halves of a wide character that cannot be told */
		*p++ = 0;
		if (wide)
			*p++ = 0;
		return p;
	}
	if (wide)
		*p++ = MARK_WIDE;
	p = put_utf8(p, cps[0]);
	for (size_t i = 1; i < n; i++) {
		*p++ = MARK_COMB;
		p = put_utf8(p, cps[i]);
	}
	return p;
}

/* A scratch buffer of at least need bytes. */
static int reserve_scratch(uint8_t **buf, size_t *cap, size_t need)
{
	uint8_t *p;

	if (*cap >= need)
		return 0;
	p = realloc(*buf, need);
	if (p == NULL)
		return -1;
	*buf = p;
	*cap = need;
	return 0;
}

/* The runs' length after them; returns the bytes it took. */
static size_t put_runlen(uint8_t *p, size_t rl)
{
	if (rl < RUNLEN_LONG) {
		*p = (uint8_t)rl;
		return 1;
	}
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(rl >> (8 * i));
	p[4] = RUNLEN_LONG;
	return RUNLEN_MAX;
}

/* The tail of a plain cell in pen p. */
static uint64_t pen_tail(const struct hpen *p)
{
	struct grid_cell c = {0, p->fg, p->bg, p->attr, 1, 0};

	return cell_tail(&c);
}

/*
 * What a cell's head and tail are compared with: a plain cell in the pen in
 * force (fg in the head's high half), and the bits of the tail that are pen
 * (bg and attributes, not width or flags).
 */
struct hkey {
	uint64_t fg, tail, pen_bits;
};

static void set_key(struct hkey *k, const struct hpen *p)
{
	static const struct grid_cell pen_bits = {0, 0, UINT32_MAX, UINT16_MAX, 0, 0};

	k->fg = (uint64_t)p->fg << 32;
	k->tail = pen_tail(p);
	k->pen_bits = cell_tail(&pen_bits);
}

/* Record the cell's pen, which differs from the one in force. */
static uint8_t *new_pen(uint8_t *r, int col, int *lastcol, struct hpen *pen, struct hkey *key,
			const struct grid_cell *c)
{
	r = put_run(r, col, lastcol, pen, c);
	set_key(key, pen);
	return r;
}

/* Does the cell's pen differ from the one in force? */
static int pen_differs(const struct grid_cell *c, const struct hkey *key)
{
	return ((cell_head(c) ^ key->fg) >> 32 | ((cell_tail(c) ^ key->tail) & key->pen_bits)) != 0;
}

/* Is the cell a character of its own (not a blank, a right half or
 * combined)? */
static int is_char(const struct grid_cell *c)
{
	return c->ch - 1u < GRID_CH_WIDE_CONT - 1u && !(c->flags & GRID_CELL_COMBINED);
}

/* Is the cell the left half of a wide character whose right half follows? */
static int is_wide(const struct grid_cell *c, const struct grid_cell *end)
{
	return c->width == 2 && c->ch != GRID_CH_WIDE_CONT &&
	       (c->ch != 0 || (c->flags & GRID_CELL_COMBINED)) && c + 1 < end &&
	       c[1].ch == GRID_CH_WIDE_CONT;
}

/*
 * Copy the text of the plain cells from c on to *tp (a byte each); returns
 * the first cell that is not one. A cell is plain if its code point is below
 * 0x80 (0 a blank) and it is a single-width cell in the pen: its head xor the
 * pen's fg is then its code point (another fg sets bits past the low 32),
 * its tail the pen's.
 */
static const struct grid_cell *plain_run(const struct grid_cell *c, const struct grid_cell *end,
					 const struct hkey *key, uint8_t **tp)
{
	uint8_t *t = *tp;

	/* two cells a round: half the loop's own cost */
	for (; c + 1 < end; c += 2, t += 2) {
		uint64_t h0 = cell_head(c) ^ key->fg, h1 = cell_head(c + 1) ^ key->fg;

		if (h0 >= 0x80 || cell_tail(c) != key->tail)
			break;
		t[0] = (uint8_t)h0;
		if (h1 >= 0x80 || cell_tail(c + 1) != key->tail) {
			*tp = t + 1;
			return c + 1;
		}
		t[1] = (uint8_t)h1;
	}
	if (c < end && (cell_head(c) ^ key->fg) < 0x80 && cell_tail(c) == key->tail)
		*t++ = (uint8_t)(c++)->ch;
	*tp = t;
	return c;
}

/*
 * Encode cells: text to out (room bytes), runs to h->runs; their lengths to
 * *tl, *rl. Returns -1 if combined characters need more room than that:
 * other cells take at most TEXT_PER_CELL bytes each.
 * Most of any history is plain ASCII cells in the pen of the cell before:
 * one test of the cell's two words tells them from the rest. Then come
 * other characters (wide ones take their right half along), and the rarer
 * changes of pen.
 */
static int encode(struct history *h, const struct grid_cell *cells, int n, uint8_t *out,
		  size_t room, const struct history_codec *codec, size_t *tl, size_t *rl)
{
	const struct grid_cell *c, *end = cells + n;
	const uint8_t *limit = out + room;
	struct hpen pen = default_pen;
	struct hkey key;
	uint8_t *t = out, *r = h->runs;
	int lastcol = 0;

	set_key(&key, &pen);
	for (c = cells; (c = plain_run(c, end, &key, &t)) < end;) {
		int wide;

		if (pen_differs(c, &key)) {
			/* c is tried again as plain in its pen */
			r = new_pen(r, (int)(c - cells), &lastcol, &pen, &key, c);
			continue;
		}
		wide = is_wide(c, end);
		if (is_char(c)) {
			if (wide)
				*t++ = MARK_WIDE;
			t = put_char(t, c->ch);
		} else {
			if ((c->flags & GRID_CELL_COMBINED) &&
			    (size_t)(limit - t) <
				    TEXT_MAX_PER_CELL + TEXT_PER_CELL * (size_t)(end - c))
				return -1;
			t = put_text(t, c, wide, codec);
		}
		if (wide) {
			/* The right half is implied: only a change of pen there
			 * is recorded. */
			c++;
			if (pen_differs(c, &key))
				r = new_pen(r, (int)(c - cells), &lastcol, &pen, &key, c);
		}
		c++;
	}
	*tl = (size_t)(t - out);
	*rl = (size_t)(r - h->runs);
	return 0;
}

int history_push(struct history *h, const struct grid_cell *cells, int ncells, int cont,
		 const struct history_codec *codec)
{
	struct hchunk *c;
	size_t tl, rl, n;

	if (h->limit <= 0)
		return 0;
	if (ncells < 0)
		ncells = 0;
	if (ncells > MAX_CELLS)
		ncells = MAX_CELLS;
	n = (size_t)ncells;
	if (reserve_scratch(&h->runs, &h->runscap, n * RUN_MAX_PER_CELL + RUNLEN_MAX) != 0)
		return -1;
	/* The text goes straight into the chunk; a line of many combined
	 * characters is encoded again with room for the worst case. */
	c = writable_chunk(h, n * TEXT_PER_CELL + 1);
	if (c == NULL)
		return -1;
	if (encode(h, cells, ncells, c->buf + c->used, c->cap - c->used, codec, &tl, &rl) != 0) {
		if (reserve_bytes(c, n * TEXT_MAX_PER_CELL + 1) != 0)
			return -1;
		encode(h, cells, ncells, c->buf + c->used, c->cap - c->used, codec, &tl, &rl);
	}
	if (reserve_bytes(c, tl + rl + RUNLEN_MAX) != 0)
		return -1;
	if (rl > 0)
		memcpy(c->buf + c->used + tl, h->runs, rl);
	rl += put_runlen(c->buf + c->used + tl + rl, rl);
	commit_line(h, c, tl + rl, ncells, cont);
	return 0;
}

int history_copy_line(struct history *dst, const struct history *src, int idx)
{
	const struct hchunk *sc;
	const struct hline *l;
	struct hchunk *c;
	size_t len;

	if (idx < 0 || idx >= src->size)
		return -1;
	if (dst->limit <= 0)
		return 0;
	l = line_at(src, idx, &sc, &len);
	c = writable_chunk(dst, len);
	if (c == NULL)
		return -1;
	memcpy(c->buf + c->used, sc->buf + l->off, len);
	commit_line(dst, c, len, l->ncells, l->cont);
	return 0;
}

/* ---- decoding ---- */

struct decoder {
	const uint8_t *t, *tend; /* text */
	const uint8_t *r, *rend; /* runs */
	unsigned next_col;	 /* column of the next run record */
	struct hpen pen;
	struct grid_cell *out;
	int cols, x;
	const struct history_codec *codec;
};

static const struct grid_cell blank_cell = {0, GRID_COLOR_DEFAULT, GRID_COLOR_DEFAULT, 0, 1, 0};

/* UTF-8 written by put_utf8; anything malformed becomes U+FFFD. */
static uint32_t get_utf8(const uint8_t **pp, const uint8_t *end)
{
	const uint8_t *p = *pp;
	uint32_t cp = *p++;
	int more;

	/* two and three bytes first: most text that is not ASCII */
	if (cp - 0xc0 < 0x20 && p < end && (p[0] & 0xc0) == 0x80) {
		*pp = p + 1;
		return (cp & 0x1f) << 6 | (p[0] & 0x3fu);
	}
	if (cp - 0xe0 < 0x10 && end - p >= 2 && (p[0] & 0xc0) == 0x80 && (p[1] & 0xc0) == 0x80) {
		*pp = p + 2;
		return (cp & 0x0f) << 12 | (p[0] & 0x3fu) << 6 | (p[1] & 0x3fu);
	}
	more = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : cp >= 0xc0 ? 1 : 0;
	if (cp >= 0xf8 || (cp >= 0x80 && cp < 0xc0)) {
		*pp = p;
		return 0xfffd;
	}
	if (more)
		cp &= 0x3fu >> more;
	for (; more > 0; more--) {
		if (p == end || (*p & 0xc0) != 0x80) {
			*pp = p;
			return 0xfffd;
		}
		cp = (cp << 6) | (*p++ & 0x3f);
	}
	*pp = p;
	return cp;
}

static unsigned get_varint(struct decoder *d)
{
	unsigned v = 0;

	for (int shift = 0; d->r < d->rend && shift < 32; shift += 7) {
		uint8_t b = *d->r++;

		v |= (unsigned)(b & 0x7f) << shift;
		if (!(b & 0x80))
			break;
	}
	return v;
}

static grid_color get_color(struct decoder *d, unsigned type)
{
	unsigned v = 0;

	if (type == 0)
		return GRID_COLOR_DEFAULT;
	if (type == 1) {
		v = d->r < d->rend ? *d->r++ : 0;
		return GRID_COLOR_INDEXED(v);
	}
	for (int i = 0; i < 3 && d->r < d->rend; i++)
		v = (v << 8) | *d->r++;
	return ((grid_color)type << 24) | v;
}

static void next_run(struct decoder *d)
{
	if (d->r < d->rend)
		d->next_col += get_varint(d);
	else
		d->next_col = UINT_MAX;
}

static void apply_run(struct decoder *d)
{
	uint8_t mask = d->r < d->rend ? *d->r++ : 0;

	if (mask & RUN_FG)
		d->pen.fg = get_color(d, RUN_FG_TYPE(mask));
	if (mask & RUN_BG)
		d->pen.bg = get_color(d, RUN_BG_TYPE(mask));
	if ((mask & RUN_ATTR) && d->r < d->rend) {
		d->pen.attr = *d->r++;
		if ((mask & RUN_ATTR16) && d->r < d->rend)
			d->pen.attr |= (uint16_t)(*d->r++ << 8);
	}
	next_run(d);
}

/* Emit a cell at the next column with the pen in force there. */
static void put_cell(struct decoder *d, uint32_t ch, uint8_t width, uint8_t flags)
{
	while ((unsigned)d->x == d->next_col)
		apply_run(d);
	if (d->x < d->cols) {
		struct grid_cell *c = &d->out[d->x];

		c->ch = ch;
		c->fg = d->pen.fg;
		c->bg = d->pen.bg;
		c->attr = d->pen.attr;
		c->width = width;
		c->flags = flags;
	}
	d->x++;
}

/* One cell's code points: the base, then any marked combining ones. */
/* The cell of base and the combining code points marked after it: a
 * combined cell if the codec can keep it, else base alone. */
static uint32_t decode_combined(struct decoder *d, uint32_t base, uint8_t *flags)
{
	uint32_t cps[CELL_CPS];
	size_t n = 0;
	uint32_t ch;

	cps[n++] = base;
	while (d->t < d->tend && *d->t == MARK_COMB) {
		d->t++;
		if (d->t == d->tend)
			break;
		ch = get_utf8(&d->t, d->tend);
		if (n < CELL_CPS - 1)
			cps[n++] = ch;
	}
	if (n > 1 && d->codec != NULL) {
		int64_t idx = d->codec->intern(d->codec->ctx, cps, n);

		if (idx >= 0) {
			*flags = GRID_CELL_COMBINED;
			return (uint32_t)idx;
		}
	}
	return base;
}

/* One cell's code points: the base, then any marked combining ones. */
static void decode_glyph(struct decoder *d, int wide)
{
	uint32_t ch = get_utf8(&d->t, d->tend);
	uint8_t flags = 0;

	if (d->t < d->tend && *d->t == MARK_COMB)
		ch = decode_combined(d, ch, &flags);
	if (wide && d->x + 1 >= d->cols) {
		/* Clipped: half a wide character cannot be shown. */
		put_cell(d, 0, 1, 0);
		put_cell(d, 0, 1, 0);
		return;
	}
	put_cell(d, ch, wide ? 2 : 1, flags);
	if (wide)
		put_cell(d, GRID_CH_WIDE_CONT, 0, 0);
}

/*
 * Plain ASCII bytes (or blanks) from the text into cells in the pen in
 * force, up to the next run record or the last column wanted: most of any
 * history. A byte followed by a combining mark is left to decode_glyph, as
 * is the text's last byte.
 */
static void plain_cells(struct decoder *d)
{
	unsigned stop = d->next_col < (unsigned)d->cols ? d->next_col : (unsigned)d->cols;
	const uint8_t *t = d->t;
	struct grid_cell *o, pen = blank_cell;
	size_t n, i;
	uint64_t words[2];

	if ((unsigned)d->x >= stop)
		return; /* (out may be NULL when cols is 0) */
	o = d->out + d->x;
	n = stop - (unsigned)d->x;
	if (n > (size_t)(d->tend - t) - 1)
		n = (size_t)(d->tend - t) - 1;
	pen.fg = d->pen.fg;
	pen.bg = d->pen.bg;
	pen.attr = d->pen.attr;
	/* the cell in two words, then its code point: three stores */
	memcpy(words, &pen, sizeof words);
	/* eight bytes at a time while none has its top bit (which every mark
	 * has), nor is the last one followed by a combining mark */
	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, t + i, sizeof w);
		if ((w & 0x8080808080808080u) != 0 || t[i + 8] == MARK_COMB)
			break;
		for (size_t k = i; k < i + 8; k++) {
			memcpy(&o[k], words, sizeof words);
			o[k].ch = t[k];
		}
	}
	for (; i < n && t[i] < 0x80 && t[i + 1] != MARK_COMB; i++) {
		memcpy(&o[i], words, sizeof words);
		o[i].ch = t[i];
	}
	d->x += (int)i;
	d->t = t + i;
}

static void decode(struct decoder *d)
{
	d->pen = default_pen;
	d->next_col = 0;
	next_run(d);
	/* (cells past cols are clipped: they need no decoding) */
	while (d->t < d->tend && d->x < d->cols) {
		uint8_t b;

		while ((unsigned)d->x == d->next_col)
			apply_run(d);
		plain_cells(d);
		if (d->t == d->tend)
			break;
		b = *d->t;
		if (b < 0x80 && (d->t + 1 == d->tend || d->t[1] != MARK_COMB)) {
			d->t++; /* plain, at a run record, past the columns wanted
				   or last */
			put_cell(d, b, 1, 0);
		} else if (b == MARK_CONT) {
			d->t++;
			put_cell(d, GRID_CH_WIDE_CONT, 0, 0);
		} else if (b == MARK_WIDE) {
			d->t++;
			if (d->t < d->tend)
				decode_glyph(d, 1);
		} else if (b == MARK_COMB) {
			d->t++; /* a combining mark with no cell before it: drop */
			if (d->t < d->tend)
				get_utf8(&d->t, d->tend);
		} else {
			decode_glyph(d, 0);
		}
	}
	for (int x = d->x; x < d->cols; x++)
		d->out[x] = blank_cell;
}

/* The runs' length from the end of a line's len bytes at p (into *rl);
 * returns the bytes that took. */
static size_t runs_len(const uint8_t *p, size_t len, size_t *rl)
{
	size_t n = 0;

	if (len == 0) {
		*rl = 0;
		return 0;
	}
	if (p[len - 1] != RUNLEN_LONG || len < RUNLEN_MAX) {
		*rl = p[len - 1] < len ? p[len - 1] : len - 1;
		return 1;
	}
	for (int i = 3; i >= 0; i--)
		n = (n << 8) | p[len - RUNLEN_MAX + (size_t)i];
	*rl = n <= len - RUNLEN_MAX ? n : len - RUNLEN_MAX;
	return RUNLEN_MAX;
}

int history_get(const struct history *h, int idx, struct grid_cell *out, int cols,
		const struct history_codec *codec)
{
	const struct hchunk *c;
	const struct hline *l;
	struct decoder d;
	size_t len, rl;

	if (idx < 0 || idx >= h->size) {
		for (int x = 0; x < cols; x++)
			out[x] = (struct grid_cell){0, GRID_COLOR_DEFAULT, GRID_COLOR_DEFAULT, 0, 1,
						    0};
		return 0;
	}
	l = line_at(h, idx, &c, &len);
	d.t = c->buf + l->off;
	d.rend = d.t + len - runs_len(d.t, len, &rl);
	d.r = d.rend - rl;
	d.tend = d.r;
	d.out = out;
	d.cols = cols;
	d.x = 0;
	d.codec = codec;
	decode(&d);
	return l->ncells;
}

int history_pop(struct history *h, struct grid_cell *out, int cols, int *cont,
		const struct history_codec *codec)
{
	struct hchunk *c;
	int n;

	if (h->size == 0)
		return -1;
	n = history_get(h, h->size - 1, out, cols, codec);
	if (cont != NULL)
		*cont = history_cont(h, h->size - 1);
	if (h->size == 1) {
		history_clear(h);
		return n;
	}
	c = h->chunk[h->nchunk - 1];
	c->used = c->line[--c->n].off;
	h->size--;
	if (c->n == 0) {
		free(c->buf);
		free(c);
		h->nchunk--;
	}
	return n;
}
