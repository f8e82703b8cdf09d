/*
 * Differential test of the grid's plain-text fast path (grid_set_fast): two
 * grids of the same size, one with every byte going through libvterm
 * ("slow"), one with the fast path ("fast"), are fed the same bytes cut at
 * the same places and must stay identical: every cell of the screen and the
 * history, wrap flags, cursor, modes, title, window name, replies to the
 * program, bells, and capture-pane's text with and without escapes.
 *
 *   test_grid_fast               the default seeds (a few seconds)
 *   test_grid_fast --seeds N     N seeds for each random generator
 *   test_grid_fast --seed S      start at seed S (with --seeds 1: one seed)
 *   test_grid_fast -v            print each failing case's whole input
 *   test_grid_fast --case NAME   only case NAME, or the cases NAME.* (soup,
 *                                text, log, cp, a directed case and its .cut)
 *   test_grid_fast --trace       print each call before making it (to find
 *                                the input of a crash)
 *
 * A case is a script: grid_input calls, resizes and comparisons. On the
 * first mismatch of a case it prints the seed, the case, where the grids
 * differ and the tail of the input, then shrinks the script to a short
 * sequence of calls that still fails and prints it as C.
 *
 * Cases: directed ones (named, as written and cut at random places), every
 * code point of the fast ranges and samples of others at a row's edges
 * (cp.*), and for each seed a token soup of text and every kind of escape
 * sequence with resizes (soup.*), dense text in tiny grids (text.*) and
 * log-like output with history trimming (log.*). The last bytes of every
 * case ask libvterm for its hidden state (see probe).
 *
 * Among the inputs are those that crash or hang libvterm 0.3.3 on its own
 * (UTF-8-encoded C1 controls, a CSI of more than 16 parameters, REP with no
 * glyph or a zero-width one to repeat, a scroll region or saved cursor past
 * a smaller size, a double-width line in one column): pmux keeps them from
 * it on both paths (see vtscan.h), and the test runs under ASan in CI.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "term/grid.h"

static struct {
	uint64_t seed;	  /* the first seed */
	int seeds;	  /* seeds for each random generator */
	int verbose;	  /* print whole inputs */
	int trace;	  /* print every call first */
	const char *only; /* --case */
	int shrink_left;  /* failing cases still to shrink (it takes a while) */
} opt = {1, 4, 0, 0, NULL, 3};

static struct {
	unsigned long cases, checks, bytes;
} stats;

/* ---- random numbers (splitmix64: deterministic everywhere) ---- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
static int rnd(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

static int chance(struct rng *r, int percent)
{
	return rnd(r, 100) < percent;
}

static struct rng rng_for(uint64_t seed, uint64_t stream)
{
	struct rng r = {seed * 0x100000001b3ull ^ (stream << 32) ^ stream};

	rng_next(&r);
	return r;
}

/* ---- byte buffers ---- */

struct buf {
	char *p;
	size_t len, cap;
};

static void buf_add(struct buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (b->len + n + 1 > cap)
			cap *= 2;
		if ((b->p = realloc(b->p, cap)) == NULL) {
			fprintf(stderr, "test_grid_fast: out of memory\n");
			exit(1);
		}
		b->cap = cap;
	}
	if (n > 0)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	char tmp[512];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);

	if (n > 0)
		buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

static void buf_utf8(struct buf *b, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_add(b, u, n);
}

static void buf_free(struct buf *b)
{
	free(b->p);
	*b = (struct buf){0};
}

/* Bytes as the inside of a C string literal: octal escapes are always three
 * digits so a digit after one cannot join it; "??" is split (trigraphs). */
static void buf_cstring(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == '"')
			buf_addf(b, "\\%c", c);
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c == '?' && i > 0 && s[i - 1] == '?')
			buf_adds(b, "\\?");
		else if (c < 0x20 || c >= 0x7f)
			buf_addf(b, "\\%03o", c);
		else
			buf_add(b, &s[i], 1);
	}
}

/* ---- scripts ---- */

enum op_kind { OP_FEED, OP_RESIZE, OP_CHECK };

struct op {
	enum op_kind kind;
	char *data; /* OP_FEED: its own copy */
	size_t len;
	int rows, cols; /* OP_RESIZE */
};

struct script {
	char name[80];
	uint64_t seed;
	int rows, cols, hist;
	struct op *ops;
	size_t nops, cap;
	struct buf pending; /* generated, not yet cut into grid_input calls */
	struct rng cut;	    /* where to cut */
	int max_chunk;	    /* bytes in a long grid_input call */
	int check_one_in;   /* compare after one call in this many */
};

/* Fed at the end of every case: text and questions that show libvterm's
 * hidden state, so a difference the screen does not show yet still shows: a
 * pending wrap, the pen, the charset ('q'), modes, margins, a half-received
 * character or a mark to combine. CAN ends a sequence the case left open. */
static const char probe[] =
	"\xcc\x88Zq\xcc\x81\033[6n"
	"\030\xcc\x88Yq\033[6n\033P$qm\033\\\033P$qr\033\\\033P$qs\033\\\033P$q\"q\033\\"
	"\033[?7$p\033[4$p\033[?6$p\033[20$p\033[?69$p\033[?25$p\033[?1049$p"
	"\033[?2004$p\033[?1000$p";

static void sc_init(struct script *sc, const char *name, uint64_t seed, int rows, int cols,
		    int hist)
{
	*sc = (struct script){.seed = seed, .rows = rows, .cols = cols, .hist = hist};
	snprintf(sc->name, sizeof sc->name, "%s", name);
	sc->cut = rng_for(seed, 0xc07);
	sc->max_chunk = 256;
	sc->check_one_in = 4;
}

static void sc_push(struct script *sc, struct op op)
{
	if (sc->nops == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 64;
		if ((sc->ops = realloc(sc->ops, sc->cap * sizeof *sc->ops)) == NULL) {
			fprintf(stderr, "test_grid_fast: out of memory\n");
			exit(1);
		}
	}
	sc->ops[sc->nops++] = op;
}

/* One grid_input call of exactly these bytes. */
static void sc_feed(struct script *sc, const char *s, size_t n)
{
	struct op op = {OP_FEED, malloc(n ? n : 1), n, 0, 0};

	if (op.data == NULL) {
		fprintf(stderr, "test_grid_fast: out of memory\n");
		exit(1);
	}
	memcpy(op.data, s, n);
	sc_push(sc, op);
}

static void sc_check(struct script *sc)
{
	sc_push(sc, (struct op){OP_CHECK, NULL, 0, 0, 0});
}

/* Generated bytes, cut later at random places. */
static void sc_text(struct script *sc, const char *s, size_t n)
{
	buf_add(&sc->pending, s, n);
}

/* Mostly tiny pieces, so cuts fall inside sequences and characters. */
static size_t chunk_len(struct script *sc)
{
	int r = rnd(&sc->cut, 10);

	if (r < 5)
		return 1 + (size_t)rnd(&sc->cut, 3);
	if (r < 8)
		return 4 + (size_t)rnd(&sc->cut, 29);
	return 33 + (size_t)rnd(&sc->cut, sc->max_chunk);
}

/* Cut the pending bytes into grid_input calls, comparing every few. */
static void sc_flush(struct script *sc)
{
	size_t off = 0;

	while (off < sc->pending.len) {
		size_t n = chunk_len(sc);

		if (n > sc->pending.len - off)
			n = sc->pending.len - off;
		sc_feed(sc, sc->pending.p + off, n);
		off += n;
		if (rnd(&sc->cut, sc->check_one_in) == 0)
			sc_check(sc);
	}
	sc->pending.len = 0;
}

static void sc_resize(struct script *sc, int rows, int cols)
{
	sc_flush(sc);
	sc_push(sc, (struct op){OP_RESIZE, NULL, 0, rows, cols});
	sc_check(sc);
}

/* The end of a case: the probe (in pieces too) and a last comparison. */
static void sc_finish(struct script *sc)
{
	sc_flush(sc);
	sc_check(sc);
	sc_text(sc, probe, sizeof probe - 1);
	sc_flush(sc);
	sc_check(sc);
}

static void ops_free(struct op *ops, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ops[i].data);
	free(ops);
}

static void sc_free(struct script *sc)
{
	ops_free(sc->ops, sc->nops);
	buf_free(&sc->pending);
}

/* ---- the two grids ---- */

struct side {
	struct grid *g;
	struct buf out; /* replies to the program since the last comparison */
	int bells;
	/* the screen at the last comparison, for the renderer's stamps */
	struct grid_cell *snap;
	uint64_t *rowgen, gen;
	int snap_rows, snap_cols, snap_crow, snap_ccol, snap_alt;
};

struct pair {
	struct side s[2]; /* [0] slow, [1] fast */
};

static const char *const side_name[2] = {"slow", "fast"};

static void on_output(const char *buf, size_t len, void *ctx)
{
	buf_add(&((struct side *)ctx)->out, buf, len);
}

static void on_bell(void *ctx)
{
	((struct side *)ctx)->bells++;
}

static const struct grid_events events = {on_bell, NULL, NULL};

static void pair_init(struct pair *p, const struct script *sc)
{
	memset(p, 0, sizeof *p);
	for (int i = 0; i < 2; i++) {
		struct side *s = &p->s[i];

		s->g = grid_new(sc->rows, sc->cols, sc->hist, on_output, s);
		if (s->g == NULL) {
			fprintf(stderr, "test_grid_fast: grid_new failed\n");
			exit(1);
		}
		grid_set_fast(s->g, i);
		grid_set_events(s->g, &events, s);
	}
}

static void pair_free(struct pair *p)
{
	for (int i = 0; i < 2; i++) {
		grid_free(p->s[i].g);
		buf_free(&p->s[i].out);
		free(p->s[i].snap);
		free(p->s[i].rowgen);
	}
}

/* ---- comparing ---- */

static void describe_cell(struct buf *b, struct grid *g, const struct grid_cell *c)
{
	char u[32];
	struct buf t = {0};
	size_t n = grid_cell_utf8(g, c, u);

	buf_cstring(&t, u, n);
	buf_addf(b, "ch=0x%x \"%s\" fg=0x%x bg=0x%x attr=0x%x width=%u flags=0x%x", c->ch,
		 t.p ? t.p : "", c->fg, c->bg, c->attr, c->width, c->flags);
	buf_free(&t);
}

static int cells_equal(struct grid *ga, const struct grid_cell *a, struct grid *gb,
		       const struct grid_cell *b)
{
	if (a->fg != b->fg || a->bg != b->bg || a->attr != b->attr || a->width != b->width ||
	    a->flags != b->flags)
		return 0;
	if (a->flags & GRID_CELL_COMBINED) {
		/* an index into each grid's own table: compare the text */
		char ua[32], ub[32];
		size_t na = grid_cell_utf8(ga, a, ua), nb = grid_cell_utf8(gb, b, ub);

		return na == nb && memcmp(ua, ub, na) == 0;
	}
	return a->ch == b->ch;
}

static int links_equal(struct grid *ga, const struct grid_cell *a, struct grid *gb,
		       const struct grid_cell *b)
{
	const char *la = grid_link(ga, GRID_CELL_LINK(a)), *lb = grid_link(gb, GRID_CELL_LINK(b));

	if (la == NULL || lb == NULL)
		return la == lb;
	return strcmp(la, lb) == 0;
}

/* Row y of both grids; 1 and a description at the first difference. */
static int compare_row(struct pair *p, int y, struct buf *msg)
{
	struct grid *a = p->s[0].g, *b = p->s[1].g;
	int cols = grid_cols(a);
	struct grid_cell *ca = malloc((size_t)cols * sizeof *ca);
	const struct grid_cell *cb;
	int bad = 0;

	if (ca == NULL) {
		fprintf(stderr, "test_grid_fast: out of memory\n");
		exit(1);
	}
	/* grid_line's buffer is the grid's and lasts until its next call */
	memcpy(ca, grid_line(a, y), (size_t)cols * sizeof *ca);
	cb = grid_line(b, y);
	for (int x = 0; x < cols && !bad; x++) {
		if (cells_equal(a, &ca[x], b, &cb[x]) && links_equal(a, &ca[x], b, &cb[x]))
			continue;
		buf_addf(msg, "%s row %d col %d differs:\n  slow: ", y < 0 ? "history" : "screen",
			 y, x);
		describe_cell(msg, a, &ca[x]);
		buf_adds(msg, "\n  fast: ");
		describe_cell(msg, b, &cb[x]);
		buf_adds(msg, "\n");
		bad = 1;
	}
	if (!bad && grid_line_wrapped(a, y) != grid_line_wrapped(b, y)) {
		buf_addf(msg, "row %d wrapped: slow %d, fast %d\n", y, grid_line_wrapped(a, y),
			 grid_line_wrapped(b, y));
		bad = 1;
	}
	free(ca);
	return bad;
}

#define COMPARE_INT(what, expr_a, expr_b)                                            \
	do {                                                                         \
		long long va_ = (long long)(expr_a), vb_ = (long long)(expr_b);      \
		if (va_ != vb_) {                                                    \
			buf_addf(msg, "%s: slow %lld, fast %lld\n", what, va_, vb_); \
			return 1;                                                    \
		}                                                                    \
	} while (0)

static int compare_strings(const char *what, const char *sa, size_t na, const char *sb, size_t nb,
			   struct buf *msg)
{
	size_t i = 0;

	if (na == nb && (na == 0 || memcmp(sa, sb, na) == 0))
		return 0;
	while (i < na && i < nb && sa[i] == sb[i])
		i++;
	/* show a window around the first different byte */
	size_t from = i > 40 ? i - 40 : 0;
	buf_addf(msg, "%s differs at byte %zu (lengths %zu, %zu):\n  slow: \"", what, i, na, nb);
	buf_cstring(msg, sa + from, (na - from) > 120 ? 120 : na - from);
	buf_adds(msg, "\"\n  fast: \"");
	buf_cstring(msg, sb + from, (nb - from) > 120 ? 120 : nb - from);
	buf_adds(msg, "\"\n");
	return 1;
}

static int compare_captures(struct pair *p, struct buf *msg)
{
	static const struct {
		int flags;
		const char *name;
	} kinds[] = {
		{0, "capture"},
		{GRID_CAPTURE_ESCAPES, "capture -e"},
		{GRID_CAPTURE_JOIN, "capture -J"},
		{GRID_CAPTURE_ESCAPES | GRID_CAPTURE_JOIN, "capture -eJ"},
	};
	struct grid *a = p->s[0].g, *b = p->s[1].g;

	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t na, nb;
		char *ca = grid_capture(a, -grid_history_size(a), grid_rows(a) - 1, kinds[k].flags,
					&na);
		char *cb = grid_capture(b, -grid_history_size(b), grid_rows(b) - 1, kinds[k].flags,
					&nb);
		int bad = ca == NULL || cb == NULL ||
			  compare_strings(kinds[k].name, ca, na, cb, nb, msg);

		if (ca == NULL || cb == NULL)
			buf_addf(msg, "%s failed\n", kinds[k].name);
		free(ca);
		free(cb);
		if (bad)
			return 1;
	}
	return 0;
}

static int compare_state(struct pair *p, struct buf *msg)
{
	struct grid *a = p->s[0].g, *b = p->s[1].g;
	int ra, ca, rb, cb;
	const char *na, *nb;
	const struct grid_marks *ma = grid_shell_marks(a), *mb = grid_shell_marks(b);

	grid_cursor(a, &ra, &ca);
	grid_cursor(b, &rb, &cb);
	COMPARE_INT("cursor row", ra, rb);
	COMPARE_INT("cursor col", ca, cb);
	COMPARE_INT("alt screen", grid_alt_screen(a), grid_alt_screen(b));
	COMPARE_INT("cursor visible", grid_cursor_visible(a), grid_cursor_visible(b));
	COMPARE_INT("cursor shape", grid_cursor_shape(a), grid_cursor_shape(b));
	COMPARE_INT("cursor blink", grid_cursor_blink(a), grid_cursor_blink(b));
	COMPARE_INT("mouse mode", grid_mouse_mode(a), grid_mouse_mode(b));
	COMPARE_INT("bracketed paste", grid_bracketed_paste(a), grid_bracketed_paste(b));
	COMPARE_INT("bells", p->s[0].bells, p->s[1].bells);
	COMPARE_INT("prompt marks", ma->prompts, mb->prompts);
	COMPARE_INT("command marks", ma->commands, mb->commands);
	COMPARE_INT("finished marks", ma->finished, mb->finished);
	COMPARE_INT("history dropped", grid_history_dropped(a), grid_history_dropped(b));
	if (compare_strings("title", grid_title(a), strlen(grid_title(a)), grid_title(b),
			    strlen(grid_title(b)), msg))
		return 1;
	na = grid_take_name(a);
	nb = grid_take_name(b);
	if ((na == NULL) != (nb == NULL) || (na && strcmp(na, nb) != 0)) {
		buf_addf(msg, "window name: slow %s, fast %s\n", na ? na : "(none)",
			 nb ? nb : "(none)");
		return 1;
	}
	if (compare_strings("replies to the program", p->s[0].out.p, p->s[0].out.len, p->s[1].out.p,
			    p->s[1].out.len, msg))
		return 1;
	p->s[0].out.len = p->s[1].out.len = 0;
	return 0;
}

/* 1 if row y, given as the columns it changed in since stamp since, has
 * changed elsewhere (old: its cells then, c: now). */
static int check_span(struct grid *g, int y, uint64_t since, const struct grid_cell *old,
		      const struct grid_cell *c)
{
	int x0, x1;

	if (!grid_row_span(g, y, since, &x0, &x1))
		return 0;
	for (int x = 0; x < grid_cols(g); x++)
		if ((x < x0 || x >= x1) && memcmp(&old[x], &c[x], sizeof *c) != 0)
			return 1;
	return 0;
}

/*
 * The renderer redraws a row only if its stamp grew: a row whose cells
 * changed since the last comparison must have a newer stamp, and a changed
 * screen or cursor a newer grid generation; where the row says in which
 * columns it changed (grid_row_span), nothing changed outside them. Checked
 * on each grid alone.
 */
static int check_stamps(struct side *s, const char *name, struct buf *msg)
{
	struct grid *g = s->g;
	int rows = grid_rows(g), cols = grid_cols(g), crow, ccol, bad = 0;
	int same_shape = s->snap && rows == s->snap_rows && cols == s->snap_cols &&
			 grid_alt_screen(g) == s->snap_alt;
	int changed = 0;

	grid_cursor(g, &crow, &ccol);
	if (!same_shape) {
		free(s->snap);
		free(s->rowgen);
		s->snap = malloc((size_t)rows * (size_t)cols * sizeof *s->snap);
		s->rowgen = malloc((size_t)rows * sizeof *s->rowgen);
		if (s->snap == NULL || s->rowgen == NULL) {
			fprintf(stderr, "test_grid_fast: out of memory\n");
			exit(1);
		}
	}
	for (int y = 0; y < rows; y++) {
		const struct grid_cell *c = grid_line(g, y);
		struct grid_cell *old = s->snap + (size_t)y * (size_t)cols;
		uint64_t gen = grid_row_generation(g, y);

		if (same_shape && memcmp(old, c, (size_t)cols * sizeof *c) != 0) {
			changed = 1;
			if (gen <= s->rowgen[y] && !bad) {
				buf_addf(msg,
					 "%s grid: row %d changed but its stamp did not grow\n",
					 name, y);
				bad = 1;
			}
			if (!bad && check_span(g, y, s->rowgen[y], old, c)) {
				buf_addf(msg, "%s grid: row %d changed outside its span\n", name,
					 y);
				bad = 1;
			}
		}
		memcpy(old, c, (size_t)cols * sizeof *c);
		s->rowgen[y] = gen;
	}
	if (same_shape && !bad && (changed || crow != s->snap_crow || ccol != s->snap_ccol) &&
	    grid_generation(g) <= s->gen) {
		buf_addf(msg, "%s grid: screen or cursor changed but its generation did not grow\n",
			 name);
		bad = 1;
	}
	s->snap_rows = rows;
	s->snap_cols = cols;
	s->snap_alt = grid_alt_screen(g);
	s->snap_crow = crow;
	s->snap_ccol = ccol;
	s->gen = grid_generation(g);
	return bad;
}

/* 0 if the grids are the same; else 1 and what differs in msg. */
static int compare(struct pair *p, struct buf *msg)
{
	struct grid *a = p->s[0].g, *b = p->s[1].g;

	stats.checks++;
	COMPARE_INT("rows", grid_rows(a), grid_rows(b));
	COMPARE_INT("cols", grid_cols(a), grid_cols(b));
	COMPARE_INT("history size", grid_history_size(a), grid_history_size(b));
	/* cells first: the most telling difference */
	for (int y = -grid_history_size(a); y < grid_rows(a); y++)
		if (compare_row(p, y, msg))
			return 1;
	if (compare_state(p, msg))
		return 1;
	if (compare_captures(p, msg))
		return 1;
	for (int i = 0; i < 2; i++)
		if (check_stamps(&p->s[i], side_name[i], msg))
			return 1;
	return 0;
}

/* ---- running and reporting ---- */

static void print_ops(const struct script *sc, const struct op *ops, size_t n, size_t max_chars)
{
	struct buf b = {0};

	if (sc != NULL)
		buf_addf(&b, "\tg = grid_new(%d, %d, %d, NULL, NULL); /* rows, cols, history */\n",
			 sc->rows, sc->cols, sc->hist);
	for (size_t i = 0; i < n; i++) {
		if (ops[i].kind == OP_FEED) {
			buf_adds(&b, "\tgrid_input(g, \"");
			buf_cstring(&b, ops[i].data, ops[i].len);
			buf_addf(&b, "\", %zu);\n", ops[i].len);
		} else if (ops[i].kind == OP_RESIZE) {
			buf_addf(&b, "\tgrid_resize(g, %d, %d);\n", ops[i].rows, ops[i].cols);
		} else {
			buf_adds(&b, "\t/* compare */\n");
		}
		if (max_chars && b.len > max_chars) {
			buf_addf(&b, "\t... (%zu more calls; -v prints all)\n", n - i - 1);
			break;
		}
	}
	fputs(b.p, stderr);
	buf_free(&b);
}

/* Run ops on a fresh pair; 0 if they agree throughout, else 1 with the
 * difference in msg and the index of the op after which it showed in *at. */
static int run_ops(const struct script *sc, const struct op *ops, size_t nops, struct buf *msg,
		   size_t *at)
{
	struct pair p;
	int bad = 0;
	size_t i;

	pair_init(&p, sc);
	if (opt.trace) {
		fprintf(stderr, "case %s seed %llu:\n", sc->name, (unsigned long long)sc->seed);
		print_ops(sc, ops, 0, 0);
	}
	for (i = 0; i < nops && !bad; i++) {
		const struct op *op = &ops[i];

		if (opt.trace)
			print_ops(NULL, op, 1, 0);

		switch (op->kind) {
		case OP_FEED:
			for (int s = 0; s < 2; s++)
				grid_input(p.s[s].g, op->data, op->len);
			break;
		case OP_RESIZE:
			for (int s = 0; s < 2; s++)
				grid_resize(p.s[s].g, op->rows, op->cols);
			break;
		case OP_CHECK:
			bad = compare(&p, msg);
			break;
		}
	}
	if (!bad)
		bad = compare(&p, msg);
	*at = i;
	pair_free(&p);
	return bad;
}

static struct op *ops_copy(const struct op *ops, size_t n)
{
	struct op *c = calloc(n ? n : 1, sizeof *c);

	if (c == NULL) {
		fprintf(stderr, "test_grid_fast: out of memory\n");
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		c[i] = ops[i];
		if (ops[i].kind == OP_FEED) {
			c[i].data = malloc(ops[i].len ? ops[i].len : 1);
			if (c[i].data == NULL) {
				fprintf(stderr, "test_grid_fast: out of memory\n");
				exit(1);
			}
			memcpy(c[i].data, ops[i].data, ops[i].len);
		}
	}
	return c;
}

/* Shrinking stops after this many runs or seconds. */
#define SHRINK_RUNS 4000
#define SHRINK_SECONDS 30

/*
 * Whether ops still make the grids differ. Each try runs in a child: a
 * shorter input can be one that crashes or hangs libvterm 0.3.3 (see the
 * generators), and such a try only counts as not failing.
 */
static int still_fails(const struct script *sc, const struct op *ops, size_t n, int *budget)
{
	static time_t start;
	int status;
	pid_t pid;

	if (*budget == SHRINK_RUNS)
		start = time(NULL);
	if (time(NULL) - start > SHRINK_SECONDS)
		*budget = 0;
	(*budget)--;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror("test_grid_fast: fork");
		return 0;
	}
	if (pid == 0) {
		struct buf msg = {0};
		size_t at;

		alarm(5);
		_exit(run_ops(sc, ops, n, &msg, &at) ? 1 : 0);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("test_grid_fast: waitpid");
		return 0;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

/* Drop ops[from, from+k) if the rest still fails. */
static int try_drop_ops(const struct script *sc, struct op *ops, size_t *n, size_t from, size_t k,
			int *budget)
{
	struct op *trial = malloc((*n - k + 1) * sizeof *trial);

	if (trial == NULL)
		return 0;
	memcpy(trial, ops, from * sizeof *ops);
	memcpy(trial + from, ops + from + k, (*n - from - k) * sizeof *ops);
	if (!still_fails(sc, trial, *n - k, budget)) {
		free(trial);
		return 0;
	}
	free(trial);
	for (size_t i = from; i < from + k; i++)
		free(ops[i].data);
	memmove(ops + from, ops + from + k, (*n - from - k) * sizeof *ops);
	*n -= k;
	return 1;
}

/* Drop bytes [from, from+k) of feed op i if the script still fails. */
static int try_drop_bytes(const struct script *sc, struct op *ops, size_t n, size_t i, size_t from,
			  size_t k, int *budget)
{
	struct op saved = ops[i];
	char *data = malloc(saved.len - k + 1);

	if (data == NULL)
		return 0;
	memcpy(data, saved.data, from);
	memcpy(data + from, saved.data + from + k, saved.len - from - k);
	ops[i].data = data;
	ops[i].len = saved.len - k;
	if (still_fails(sc, ops, n, budget)) {
		free(saved.data);
		return 1;
	}
	free(data);
	ops[i] = saved;
	return 0;
}

/* Join feed ops i and i+1 into one grid_input call if it still fails. */
static int try_join(const struct script *sc, struct op *ops, size_t *n, size_t i, int *budget)
{
	struct op a = ops[i], b = ops[i + 1];
	char *data;

	if (a.kind != OP_FEED || b.kind != OP_FEED || (data = malloc(a.len + b.len + 1)) == NULL)
		return 0;
	memcpy(data, a.data, a.len);
	memcpy(data + a.len, b.data, b.len);
	ops[i].data = data;
	ops[i].len = a.len + b.len;
	memmove(ops + i + 1, ops + i + 2, (*n - i - 2) * sizeof *ops);
	if (still_fails(sc, ops, *n - 1, budget)) {
		free(a.data);
		free(b.data);
		*n -= 1;
		return 1;
	}
	memmove(ops + i + 2, ops + i + 1, (*n - i - 2) * sizeof *ops);
	ops[i] = a;
	ops[i + 1] = b;
	free(data);
	return 0;
}

/* Delta debugging, bounded: fewer ops, fewer bytes, fewer calls. */
static void shrink(const struct script *sc, struct op *ops, size_t *n)
{
	int budget = SHRINK_RUNS, progress = 1;

	while (progress && budget > 0) {
		progress = 0;
		for (size_t k = *n / 2; k >= 1 && budget > 0; k /= 2)
			for (size_t from = 0; from + k <= *n && budget > 0;)
				if (try_drop_ops(sc, ops, n, from, k, &budget))
					progress = 1;
				else
					from += k;
		for (size_t i = 0; i < *n && budget > 0; i++) {
			if (ops[i].kind != OP_FEED)
				continue;
			for (size_t k = ops[i].len / 2; k >= 1 && budget > 0; k /= 2)
				for (size_t from = 0; from + k <= ops[i].len && budget > 0;)
					if (try_drop_bytes(sc, ops, *n, i, from, k, &budget))
						progress = 1;
					else
						from += k;
		}
		for (size_t i = 0; i + 1 < *n && budget > 0;)
			if (try_join(sc, ops, n, i, &budget))
				progress = 1;
			else
				i++;
	}
}

/* The input up to the failing op, as one C string, its tail if long. */
static void print_input_tail(const struct script *sc, size_t upto)
{
	struct buf all = {0}, esc = {0};
	size_t keep = opt.verbose ? (size_t)-1 : 600, from;

	for (size_t i = 0; i < upto && i < sc->nops; i++) {
		if (sc->ops[i].kind == OP_FEED)
			buf_add(&all, sc->ops[i].data, sc->ops[i].len);
		else if (sc->ops[i].kind == OP_RESIZE)
			buf_addf(&all, "<resize %dx%d>", sc->ops[i].cols, sc->ops[i].rows);
	}
	from = all.len > keep ? all.len - keep : 0;
	if (all.len > 0)
		buf_cstring(&esc, all.p + from, all.len - from);
	fprintf(stderr, "  input (%zu bytes%s): \"%s\"\n", all.len, from ? ", last 600" : "",
		esc.p ? esc.p : "");
	buf_free(&all);
	buf_free(&esc);
}

/* Run a case; report it if the grids differ. */
static void run_case(struct script *sc)
{
	struct buf msg = {0};
	size_t at;

	if (opt.only != NULL && strcmp(sc->name, opt.only) != 0 &&
	    (strncmp(sc->name, opt.only, strlen(opt.only)) != 0 ||
	     sc->name[strlen(opt.only)] != '.'))
		return;
	stats.cases++;
	for (size_t i = 0; i < sc->nops; i++)
		stats.bytes += sc->ops[i].len;
	if (!run_ops(sc, sc->ops, sc->nops, &msg, &at)) {
		buf_free(&msg);
		return;
	}
	check_failures++;
	fprintf(stderr,
		"FAIL seed %llu case %s (%d rows, %d cols, history %d), after call %zu of %zu:\n%s",
		(unsigned long long)sc->seed, sc->name, sc->rows, sc->cols, sc->hist, at, sc->nops,
		msg.p);
	print_input_tail(sc, at);
	if (opt.shrink_left > 0) {
		struct op *ops = ops_copy(sc->ops, at);
		size_t n = at;
		struct buf m2 = {0};

		opt.shrink_left--;
		shrink(sc, ops, &n);
		run_ops(sc, ops, n, &m2, &at);
		fprintf(stderr, "  shrunk to %zu calls, which give:\n%s  reproduce with:\n", n,
			m2.p ? m2.p : "(no difference: shrinking lost it)\n");
		print_ops(sc, ops, n, opt.verbose ? 0 : 4000);
		buf_free(&m2);
		ops_free(ops, n);
	}
	fprintf(stderr, "  rerun: test_grid_fast --seed %llu --seeds 1 --case %s\n\n",
		(unsigned long long)sc->seed, sc->name);
	buf_free(&msg);
}

/* ---- generator 1: token soup ---- */

#define S(lit)                      \
	{                           \
		lit, sizeof lit - 1 \
	}

/* Sequences that need no parameters: controls, modes, charsets, erasures,
 * screens, titles, links, queries and oddities. */
/* clang-format off */
static const struct {
	const char *s;
	size_t n;
} fixed[] = {
	S("\r"), S("\n"), S("\r\n"), S("\r\n"), S("\t"), S("\t\t"), S("\b"), S("\a"), S("\v"),
	S("\f"), S("\0"), S("\030"), S("\032"), S("\177"),
	/* SGR */
	S("\033[m"), S("\033[0m"), S("\033[1m"), S("\033[22m"), S("\033[4m"), S("\033[7m"),
	S("\033[27m"), S("\033[39m"), S("\033[49m"), S("\033[4:3m"), S("\033[38:2::10:20:30m"),
	S("\033[48:2::1:2:3m"), S("\033[38:5:100m"), S("\033[2;3;5;8;9m"), S("\033[21m"),
	S("\033[53m"), S("\033[58;5;3m"), S("\033[59m"), S("\033[10m"), S("\033[11m"),
	/* erase, scroll, index */
	S("\033[J"), S("\033[0J"), S("\033[1J"), S("\033[2J"), S("\033[3J"), S("\033[K"),
	S("\033[1K"), S("\033[2K"), S("\033M"), S("\033D"), S("\033E"), S("\033[r"),
	/* modes */
	S("\033[?6h"), S("\033[?6l"), S("\033[?7l"), S("\033[?7h"), S("\033[?7h"), S("\033[4h"),
	S("\033[4l"), S("\033[20h"), S("\033[20l"), S("\033[?69h"), S("\033[?69l"),
	S("\033[?25l"), S("\033[?25h"), S("\033[?5h"), S("\033[?5l"), S("\033[?2004h"),
	S("\033[?2004l"), S("\033[?1000h"), S("\033[?1006h"), S("\033[?1000l"), S("\033[3 q"),
	S("\033[?12l"), S("\033[?1h"), S("\033[?1l"), S("\033=\033>"), S("\033[?3h"),
	S("\033[?3l"),
	/* charsets and shifts */
	S("\033(0"), S("\033(B"), S("\033)0"), S("\033)B"), S("\033*0"), S("\033+0"), S("\033(A"),
	S("\016"), S("\017"), S("\033n"), S("\033o"), S("\033N"), S("\033O"), S("\033%G"),
	S("\033%@"),
	/* save, restore, screens */
	S("\0337"), S("\0338"), S("\033[s"), S("\033[u"), S("\033[?1049h"), S("\033[?1049l"),
	S("\033[?47h"), S("\033[?47l"), S("\033[?1047h"), S("\033[?1047l"), S("\033[?1048h"),
	S("\033[?1048l"),
	/* strings */
	S("\033]0;title one\a"), S("\033]2;t\303\251tle two\033\\"), S("\033]1;icon\a"),
	S("\033]8;;http://example.com/\033\\"), S("\033]8;id=1;file:///x\a"),
	S("\033]8;;\033\\"), S("\033]133;A\a"), S("\033]133;C\a"), S("\033]133;D;1\a"),
	S("\033]52;c;aGVsbG8=\a"), S("\033]10;?\a"), S("\033P$qm\033\\"), S("\033Pq#0;1\033\\"),
	S("\033_apc\033\\"), S("\033^pm\033\\"), S("\033Xsos\033\\"), S("\033kname\033\\"),
	S("\033kn\303\251\033\\"), S("\033]0;unfinished"), S("\033k"),
	/* protection and selective erase */
	S("\033[1\"q"), S("\033[0\"q"), S("\033[2\"q"), S("\033[?2J"), S("\033[?2K"),
	S("\033[?1J"), S("\033[?0K"), S("\033V"), S("\033W"),
	/* tabs */
	S("\033H"), S("\033[g"), S("\033[0g"), S("\033[3g"), S("\033[I"), S("\033[2I"),
	S("\033[Z"), S("\033[3Z"), S("\033[?5W"), S("\033[W"),
	/* line size, alignment, resets */
	S("\033#3"), S("\033#4"), S("\033#5"), S("\033#6"), S("\033#8"), S("\033[!p"), S("\033c"),
	/* queries */
	S("\033[6n"), S("\033[5n"), S("\033[?6n"), S("\033[c"), S("\033[>c"), S("\033[?7$p"),
	S("\033[4$p"), S("\033[18t"), S("\033[14t"),
	/* garbage */
	S("\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16m"),
	S("\033[99999999999A"), S("\033[4294967296C"), S("\033[ $%x"), S("\033[?>1;2\"!z"),
	S("\033[<1;2;3M"), S("\033\033["), S("\033[\030A"), S("\033[1\0332m"), S("\033[12;;;;H"),
	S("\033[:::m"), S("\033[38;5m"), S("\033[38;2;1m"), S("\033[?m"), S("\033[>4;2m"),
	S("\033[=1c"), S("\033 F"), S("\033#"), S("\033"), S("\033["), S("\033[1"), S("\033]"),
	S("\033P"), S("\033[?1;2$y"), S("\033[\177m"), S("\033[\r\n1m"), S("\033(\r0"),
	S("\033[2\tC"), S("\033[1\bX"),
	/* C1 controls as raw bytes (invalid UTF-8), and UTF-8-encoded ones
	 * (U+0080-U+009F, a glyph of width -1 to libvterm 0.3.3) */
	S("\205"), S("\233"), S("\235"), S("\220"), S("\234"), S("\2332m"),
	S("\302\233x"), S("\302\205"), S("\302\237\302\200"),
	/* more parameters than libvterm 0.3.3 has room for */
	S("\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18m"),
	S("\033[1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17h"), S("\033[;;;;;;;;;;;;;;;;;;;;H"),
	/* invalid and odd UTF-8 */
	S("\200"), S("\277"), S("\303"), S("\303A"), S("\344\270"), S("\344\270A"),
	S("\360\237\230"), S("\360\237\230B"), S("\300\257"), S("\340\200\257"),
	S("\355\240\200"), S("\364\220\200\200"), S("\377"), S("\376"), S("\370\210\200\200\200"),
	S("\303\303\251"), S("\342\202"),
};
/* clang-format on */

static void add_cp(struct script *sc, uint32_t cp)
{
	struct buf b = {0};

	buf_utf8(&b, cp);
	sc_text(sc, b.p, b.len);
	buf_free(&b);
}

static void addf(struct script *sc, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	sc_text(sc, b.p, b.len);
	buf_free(&b);
}

static const uint32_t marks[] = {0x301,	 0x308,	 0x20dd, 0x300, 0x36f, 0x200d,
				 0xfe0f, 0x1ab0, 0x20d0, 0x302, 0x334};

/* Wide, zero-width and other characters the fast path leaves to libvterm. */
/* clang-format off */
static const uint32_t others[] = {
	0x1f600, 0x1f1e6, 0x3042, 0x30a2, 0xac00, 0xd7a3, 0xff21, 0xff61, 0x200b, 0x2028,
	0xfeff, 0xe000, 0xfffd, 0x370, 0x3b1, 0x416, 0x5d0, 0x627, 0x2500, 0x3000, 0x303f,
	0x1100, 0xe01, 0xe31, 0x10ffff, 0x1f3fb, 0x2603, 0x26a1, 0x9fff, 0xa000, 0x4dff,
	0x2ff, 0xa0, 0xad, 0x34f, 0x2e80, 0x1d400,
};
/* clang-format on */

/* A character the fast path takes: printable ASCII, Latin or CJK. */
static uint32_t fast_char(struct rng *r)
{
	switch (rnd(r, 4)) {
	case 0:
		return 0xa0 + (uint32_t)rnd(r, 0x300 - 0xa0);
	case 1:
		return 0x4e00 + (uint32_t)rnd(r, 0xa000 - 0x4e00);
	default:
		return 0x20 + (uint32_t)rnd(r, 0x5f);
	}
}

/* A run of printable ASCII: short, a row's width give or take one, or long. */
static void ascii_run(struct script *sc, struct rng *r, int cols)
{
	int lens[] = {1, 2, 3, 5, 8, cols - 1, cols, cols + 1, 2 * cols, rnd(r, 4 * cols + 1)};
	int n = lens[rnd(r, 10)];

	for (int i = 0; i < n; i++) {
		char c = (char)(rnd(r, 2) ? 'a' + rnd(r, 26) : 0x20 + rnd(r, 0x5f));

		sc_text(sc, &c, 1);
	}
}

static void sgr_random(struct script *sc, struct rng *r)
{
	static const int simple[] = {0,	 1,  2,	 3,  4,	 5,  7,	 8,  9,	 22, 23, 24, 27,  28, 29,
				     30, 31, 34, 37, 39, 40, 42, 47, 49, 90, 91, 97, 100, 107};
	int n = 1 + rnd(r, 3);

	sc_text(sc, "\033[", 2);
	for (int i = 0; i < n; i++) {
		if (i)
			sc_text(sc, ";", 1);
		switch (rnd(r, 5)) {
		case 0:
			addf(sc, "%d;5;%d", rnd(r, 2) ? 38 : 48, rnd(r, 256));
			break;
		case 1:
			addf(sc, "%d;2;%d;%d;%d", rnd(r, 2) ? 38 : 48, rnd(r, 256), rnd(r, 256),
			     rnd(r, 256));
			break;
		default:
			addf(sc, "%d", simple[rnd(r, sizeof simple / sizeof simple[0])]);
		}
	}
	sc_text(sc, "m", 1);
}

/* A number for a cursor or edit parameter: near the edges mostly. */
static int param(struct rng *r, int limit)
{
	switch (rnd(r, 6)) {
	case 0:
		return 0;
	case 1:
		return 1;
	case 2:
		return limit;
	case 3:
		return limit + 1 + rnd(r, 3);
	default:
		return 1 + rnd(r, limit + 1);
	}
}

static void csi_random(struct script *sc, struct rng *r, int rows, int cols)
{
	static const char moves[] = "ABCDEFGHIJKLMPSTXZ@`abdefr";
	char f = moves[rnd(r, sizeof moves - 1)];

	switch (f) {
	case 'H':
	case 'f':
		addf(sc, "\033[%d;%d%c", param(r, rows), param(r, cols), f);
		break;
	case 'r':
		addf(sc, "\033[%d;%dr", param(r, rows), param(r, rows));
		break;
	case 'J':
	case 'K':
		addf(sc, "\033[%d%c", rnd(r, 4), f);
		break;
	default:
		addf(sc, "\033[%d%c",
		     param(r, f == 'G' || f == '`' || f == 'C' || f == 'a' ? cols : rows), f);
	}
}

/* Something after which a combining mark is a special case. */
static void mark_context(struct script *sc, struct rng *r, int cols)
{
	static const char *const before[] = {"e",   "\344\270\255", "\r",	 "\n",
					     "\t",  "\033[31m",	    "\033[1;1H", "\033[1;%dH",
					     "x\b", "\0337"};
	const char *b = before[rnd(r, sizeof before / sizeof before[0])];

	addf(sc, b, cols);
	add_cp(sc, marks[rnd(r, sizeof marks / sizeof marks[0])]);
}

/* A double-width or double-height line (ESC # 3 to 6)? */
static int is_dwl(const char *s)
{
	return s[0] == '\033' && s[1] == '#' && s[2] >= '3' && s[2] <= '6';
}

/* dwl: whether ESC # 3 to 6 may be used */
static void soup_token(struct script *sc, struct rng *r, int rows, int cols, int dwl)
{
	int k = rnd(r, 100);

	if (k < 18) {
		ascii_run(sc, r, cols);
	} else if (k < 30) {
		for (int i = 1 + rnd(r, 6); i > 0; i--)
			add_cp(sc, fast_char(r));
	} else if (k < 36) {
		add_cp(sc, marks[rnd(r, sizeof marks / sizeof marks[0])]);
	} else if (k < 40) {
		mark_context(sc, r, cols);
	} else if (k < 45) {
		add_cp(sc, others[rnd(r, sizeof others / sizeof others[0])]);
	} else if (k < 70) {
		int i;

		do
			i = rnd(r, sizeof fixed / sizeof fixed[0]);
		while (!dwl && is_dwl(fixed[i].s));
		sc_text(sc, fixed[i].s, fixed[i].n);
	} else if (k < 78) {
		sgr_random(sc, r);
	} else if (k < 90) {
		csi_random(sc, r, rows, cols);
	} else if (k < 93) {
		/* margins: top/bottom, left/right */
		if (chance(r, 50))
			addf(sc, "\033[%d;%dr", 1 + rnd(r, rows), 1 + rnd(r, rows));
		else
			addf(sc, "\033[?69h\033[%d;%ds", 1 + rnd(r, cols), 1 + rnd(r, cols));
	} else if (k < 96) {
		/* a tab stop somewhere, then tabs */
		addf(sc, "\033[%dG\033H\033[%dG\t", 1 + rnd(r, cols), 1 + rnd(r, cols));
	} else if (k < 98) {
		/* REP right after a character */
		add_cp(sc, fast_char(r));
		addf(sc, "\033[%db", param(r, cols));
	} else {
		/* to the last column, or just before it, then text */
		addf(sc, "\033[%dG", cols - rnd(r, 2));
		ascii_run(sc, r, 3);
	}
}

static void random_size(struct rng *r, int *rows, int *cols)
{
	static const int rs[] = {1, 2, 3, 4, 5, 6, 8, 10, 12, 24};
	static const int cs[] = {1, 2, 3, 4, 5, 7, 8, 10, 16, 20, 33, 40, 80};

	*rows = rs[rnd(r, sizeof rs / sizeof rs[0])];
	*cols = cs[rnd(r, sizeof cs / sizeof cs[0])];
}

static void gen_soup(uint64_t seed, int n)
{
	struct rng r = rng_for(seed, 100 + (uint64_t)n);
	static const int hists[] = {0, 1, 5, 20, 100};
	struct script sc;
	int rows, cols, tokens = 100 + rnd(&r, 400);
	/* half the cases have double-width lines (in one column libvterm
	 * 0.3.3 puts characters outside the row) */
	int dwl = chance(&r, 50);
	char name[32];

	random_size(&r, &rows, &cols);
	snprintf(name, sizeof name, "soup.%d", n);
	sc_init(&sc, name, seed, rows, cols, hists[rnd(&r, 5)]);
	sc.cut = rng_for(seed, 200 + (uint64_t)n);
	for (int i = 0; i < tokens; i++) {
		if (chance(&r, 1)) {
			/* (libvterm 0.3.3 clamps neither the scroll region nor
			 * the saved cursor to a smaller size) */
			random_size(&r, &rows, &cols);
			sc_resize(&sc, rows, cols);
		}
		soup_token(&sc, &r, rows, cols, dwl);
	}
	sc_finish(&sc);
	run_case(&sc);
	sc_free(&sc);
}

/* ---- generator 1b: dense text in tiny grids ---- */

/* Mostly what the fast path takes, in grids of a few cells, so wrapping,
 * pending wraps and scrolling happen all the time; a little of what it
 * leaves to libvterm in between. */
static void text_token(struct script *sc, struct rng *r, int rows, int cols)
{
	static const char *const controls[] = {"\r",	   "\n",      "\r\n",	    "\t",
					       "\b",	   "\033[m",  "\033[1;31m", "\033[?7l",
					       "\033[?7h", "\033[4h", "\033[4l",    "\0337",
					       "\0338",	   "\033[K",  "\033M"};
	int k = rnd(r, 100);

	if (k < 60)
		add_cp(sc, fast_char(r));
	else if (k < 85)
		addf(sc, "%s", controls[rnd(r, sizeof controls / sizeof controls[0])]);
	else if (k < 90)
		add_cp(sc, marks[rnd(r, sizeof marks / sizeof marks[0])]);
	else if (k < 94)
		add_cp(sc, others[rnd(r, sizeof others / sizeof others[0])]);
	else
		csi_random(sc, r, rows, cols);
}

static void gen_text(uint64_t seed, int n)
{
	struct rng r = rng_for(seed, 400 + (uint64_t)n);
	struct script sc;
	int rows = 1 + rnd(&r, 4), cols = 1 + rnd(&r, 6), tokens = 200 + rnd(&r, 300);
	char name[32];

	snprintf(name, sizeof name, "text.%d", n);
	sc_init(&sc, name, seed, rows, cols, rnd(&r, 2) ? 0 : 8);
	sc.cut = rng_for(seed, 500 + (uint64_t)n);
	for (int i = 0; i < tokens; i++) {
		if (chance(&r, 1)) {
			/* see gen_soup */
			sc_text(&sc, "\0337\033[r\0338", 7);
			rows = 1 + rnd(&r, 4);
			cols = 1 + rnd(&r, 6);
			sc_resize(&sc, rows, cols);
			sc_text(&sc, "\0337", 2);
		}
		text_token(&sc, &r, rows, cols);
	}
	sc_finish(&sc);
	run_case(&sc);
	sc_free(&sc);
}

/* ---- generator 2: log-like text (as bench/benchlib.py make_data) ---- */

static const char *const log_words[] = {
	"request", "served",	    "in",	"ms",  "user", "cache",	 "miss", "hit",	   "GET",
	"POST",	   "/api/v1/items", "status",	"200", "404",  "服务器", "日志", "数据库", "émigré",
	"naïve",   "\tfield",	    "tab\there"};
static const char *const log_colours[] = {"\033[31m",
					  "\033[32m",
					  "\033[33m",
					  "\033[34m",
					  "\033[1;35m",
					  "\033[38;5;208m",
					  "\033[38;2;10;200;120m"};

static void gen_log(uint64_t seed, int rows, int cols, int lines)
{
	struct rng r = rng_for(seed, 300 + (uint64_t)cols);
	struct script sc;
	char name[32];
	int nw = sizeof log_words / sizeof log_words[0], nc = 7;
	static const int lengths[] = {8, 12, 20, 40, 70};

	snprintf(name, sizeof name, "log.%dx%d", cols, rows);
	sc_init(&sc, name, seed, rows, cols, 100);
	sc.max_chunk = 4096;
	sc.check_one_in = 16;
	for (int n = 1; n <= lines; n++) {
		int len = lengths[rnd(&r, 5)];

		addf(&sc, "%s%08d\033[0m %s", log_colours[rnd(&r, nc)], n,
		     log_colours[rnd(&r, nc)]);
		for (int i = 0; i < len; i++) {
			const char *w = log_words[rnd(&r, nw)];

			sc_text(&sc, " ", 1);
			sc_text(&sc, w, strlen(w));
		}
		sc_text(&sc, "\033[0m\r\n", 6);
	}
	sc_finish(&sc);
	run_case(&sc);
	sc_free(&sc);
}

/* ---- generator 3: code points, one by one ---- */

/* Each code point after "ab", at the last column and the one before, each
 * time followed by a combining mark; compared every 16 code points. */
static void gen_codepoints(uint64_t seed, const char *name, uint32_t from, uint32_t to,
			   uint32_t step)
{
	struct script sc;
	int cols = 20, n = 0;

	sc_init(&sc, name, seed, 4, cols, 64);
	sc.max_chunk = 512;
	sc.check_one_in = 1000000;
	for (uint32_t cp = from; cp <= to; cp += step) {
		sc_text(&sc, "ab", 2);
		add_cp(&sc, cp);
		add_cp(&sc, 0x301);
		addf(&sc, "\033[%dG", cols);
		add_cp(&sc, cp);
		add_cp(&sc, 0x308);
		addf(&sc, "\033[%dG", cols - 1);
		add_cp(&sc, cp);
		add_cp(&sc, 0x20dd);
		sc_text(&sc, "\r\n", 2);
		if (++n % 16 == 0) {
			sc_flush(&sc);
			sc_check(&sc);
		}
	}
	sc_finish(&sc);
	run_case(&sc);
	sc_free(&sc);
}

static void gen_all_codepoints(uint64_t seed)
{
	char name[32];

	gen_codepoints(seed, "cp.latin", 0xa0, 0x2ff, 1);
	for (uint32_t c = 0x4e00; c < 0xa000; c += 0x1000) {
		snprintf(name, sizeof name, "cp.cjk.%04x", c);
		gen_codepoints(seed, name, c, c + 0xfff > 0x9fff ? 0x9fff : c + 0xfff, 1);
	}
	gen_codepoints(seed, "cp.combining", 0x300, 0x36f, 1);
	gen_codepoints(seed, "cp.kana", 0x3000, 0x30ff, 1);
	gen_codepoints(seed, "cp.hangul", 0xac00, 0xd7a3, 37);
	gen_codepoints(seed, "cp.fullwidth", 0xff00, 0xffef, 1);
	gen_codepoints(seed, "cp.ascii", 0x20, 0x7e, 1);
}

/* ---- directed cases ---- */

#define MAX_CHUNKS 8

/* Each chunk is one grid_input call; the grids are compared after each. */
static const struct directed {
	const char *name;
	int rows, cols;
	const char *chunks[MAX_CHUNKS];
} directed[] = {
	/* phantom wrap: the last column filled, the cursor waits on it */
	{"last_col_lf_bottom", 3, 5, {"\033[3;1Habcde", "\n", "fgh"}},
	{"last_col_lf_bottom_one_call", 3, 5, {"\033[3;1Habcde\nfgh\r\nijklm\n\nn"}},
	{"last_col_then_cr", 3, 5, {"abcde", "\rX"}},
	{"last_col_then_bs", 3, 5, {"abcde", "\bX"}},
	{"last_col_then_tab", 3, 5, {"abcde", "\tX"}},
	{"last_col_then_cup", 3, 5, {"abcde", "\033[1;5HX"}},
	{"last_col_then_resize", 3, 5, {"abcde", "<resize 3x8>", "fg"}},
	{"last_col_then_sgr", 3, 5, {"abcd\033[31me", "\033[1m", "f"}},
	{"last_col_then_save_restore", 3, 5, {"abcde\0337", "\r\n\0338", "f"}},
	{"last_col_then_dsr", 3, 5, {"abcde", "\033[6n", "f"}},
	{"last_col_then_el", 3, 5, {"abcde", "\033[KX"}},
	{"last_col_then_decawm_off", 3, 5, {"abcde", "\033[?7lX", "\033[?7h"}},
	{"last_col_then_cuf", 3, 5, {"abcde", "\033[CX"}},
	{"last_col_then_taller", 3, 5, {"abcde", "<resize 5x4>", "X"}},
	{"last_col_then_narrower", 3, 8, {"abcdefgh", "<resize 5x3>", "X"}},
	{"wide_phantom_then_bs", 3, 5, {"abc\344\270\255", "\bX"}},
	{"wide_phantom_then_tab", 3, 5, {"abc\344\270\255", "\tX"}},
	{"wide_phantom_then_el", 3, 5, {"abc\344\270\255", "\033[KX"}},
	{"one_col_phantom", 3, 1, {"a", "\r", "b", "\b", "c", "\t", "d", "\033[Ce"}},
	{"two_cols_wide", 3, 2, {"\344\270\255x\344\270\255", "\033[?7la\344\270\255"}},
	{"exactly_full_screen", 2, 4, {"abcdefgh", "ij"}},
	/* tabs */
	{"tab_at_last_col", 2, 8, {"abcdefg\tX", "\r\nabcdefgh\tY"}},
	{"tab_from_last_col_twice", 2, 8, {"\033[1;8H\t\tX"}},
	{"tab_stops_cleared", 2, 20, {"\033[3g\tX\r\n\033[5G\033H\r\tY"}},
	{"tab_narrow", 2, 3, {"\ta\tb\tc"}},
	{"tab_stops_after_widening", 2, 10, {"ab", "<resize 30x2>", "\t\t\tX"}},
	{"tab_stops_cleared_then_widening", 2, 10, {"\033[3g", "<resize 30x2>", "\t\tX"}},
	{"tab_stop_set_then_narrowing", 2, 30, {"\033[5G\033H", "<resize 4x2>", "\r\tX"}},
	/* combining marks */
	{"mark_next_call", 3, 10, {"abc", "\314\201", "def"}},
	{"mark_split_bytes", 3, 10, {"e\314", "\201x"}},
	{"mark_after_cjk_next_call", 3, 10, {"\344\270\255", "\314\201", "x"}},
	{"mark_after_sgr", 3, 10, {"e\033[31m\314\201x"}},
	{"mark_after_sgr_split", 3, 10, {"e", "\033[31m", "\314\201", "x"}},
	{"mark_after_cr", 3, 10, {"ab\r\314\201x"}},
	{"mark_after_lf", 3, 10, {"ab\n\314\201x"}},
	{"mark_after_tab", 3, 10, {"ab\t\314\201x"}},
	{"mark_at_row_start", 3, 10, {"\314\201x\r\n\314\210"}},
	{"mark_on_phantom", 3, 5, {"abcde", "\314\201", "f"}},
	{"mark_after_cup", 3, 10, {"ab\033[1;2H\314\201"}},
	{"mark_after_cub", 3, 10, {"ab\033[D\314\201x"}},
	{"mark_after_cub_cuf", 3, 10, {"ab\033[D\033[C\314\201x"}},
	{"mark_after_wide_phantom_next_call", 3, 5, {"abc\344\270\255", "\314\201", "x"}},
	{"mark_after_wrapped_wide_next_call", 3, 5, {"abcd\344\270\255", "\314\201", "x"}},
	{"mark_after_nul_on_phantom", 3, 5, {"abcde\000\314\201x"}},
	{"many_marks",
	 3,
	 10,
	 {"e\314\201\314\202\314\203\314\204\314\205\314\206\314\207\314\210x"}},
	/* wide characters */
	{"wide_at_last_col", 2, 5, {"abcd\344\270\255", "x"}},
	{"wide_at_last_col_one_call", 2, 5, {"abcd\344\270\255x\r\nabcde\344\270\255"}},
	{"wide_over_wide", 2, 10, {"\344\270\255\344\270\255", "\033[1;2Hx\033[1;3Hy"}},
	{"wide_one_col", 3, 1, {"\344\270\255a\344\270\255"}},
	{"emoji_at_last_col", 2, 5, {"abcd\360\237\230\200x"}},
	/* UTF-8 split across calls */
	{"utf8_split_then_ascii", 2, 10, {"ab\344", "\270", "\255cd"}},
	{"utf8_split_two", 2, 10, {"\303", "\251x"}},
	{"utf8_truncated_then_ascii", 2, 10, {"\344\270", "x"}},
	{"utf8_truncated_at_end", 2, 10, {"ab\360\237"}},
	/* margins and modes */
	{"scroll_region_bottom", 5, 10, {"\033[2;4r\033[4;1Habc\ndef\nghi", "\njkl"}},
	{"scroll_region_wrap", 5, 6, {"\033[2;4r\033[4;1Habcdefghijklmnopq"}},
	{"decawm_off_long_line", 3, 10, {"\033[?7l0123456789abcdef", "ghi\033[?7hjk"}},
	{"decawm_off_wide", 3, 5, {"\033[?7labcd\344\270\255\344\270\255"}},
	{"insert_mode", 3, 10, {"abcdef\033[1;3H\033[4hXY", "Z\033[4l"}},
	{"insert_mode_wrap", 3, 6, {"abcdef\033[1;2H\033[4hXYZ\344\270\255"}},
	{"lnm", 3, 10, {"\033[20habc\ndef\033[20l\nghi"}},
	{"origin_mode", 5, 10, {"\033[2;4r\033[?6h\033[1;1Hx\033[10;10Hyz", "\033[?6l"}},
	{"left_right_margins", 4, 10, {"\033[?69h\033[3;6sab\033[1;3Hxxxxxxxxx", "yy"}},
	{"left_right_margins_tab", 4, 10, {"\033[?69h\033[3;6s\033[1;3H\tx\tyyy"}},
	/* an LF at the bottom scrolls only the columns inside the margins */
	{"left_right_margins_lf_bottom",
	 4,
	 10,
	 {"0000000000\r\n1111111111\r\n2222222222\r\n3333333333", "\033[?69h\033[3;6s\033[4;1H",
	  "\nX", "\nYYYYYYYYYYYY", "\033[?69l\nZ"}},
	{"left_right_margins_region_lf",
	 4,
	 10,
	 {"0000000000\r\n1111111111\r\n2222222222\r\n3333333333",
	  "\033[?69h\033[3;6s\033[2;3r\033[3;1H", "\nX\nY", "abcdefghijkl\n"}},
	/* charsets */
	{"dec_graphics", 2, 10, {"\033(0lqqk", "\033(Bx"}},
	{"dec_graphics_g1", 2, 10, {"\033)0\016lqqk\017x"}},
	{"single_shift", 2, 10, {"\033*0\033Nqq\033+0\033Oqq"}},
	{"uk_charset", 2, 10, {"\033(A#$\033(B#"}},
	/* cursor saving */
	{"save_restore_sgr", 2, 10, {"\033[31mab\0337\033[1;44mcd", "\0338ef"}},
	{"csi_s_u", 2, 10, {"ab\033[scd\033[uX"}},
	/* repeat */
	{"rep_after_text", 2, 10, {"a\033[3b", "\344\270\255\033[2b"}},
	{"rep_after_mark", 2, 10, {"e\314\201\033[2b"}},
	{"rep_after_sgr_cr", 2, 10, {"ab", "\033[31m\r\033[2b"}},
	{"rep_wrapping", 2, 5, {"abc", "\033[9b"}},
	{"rep_after_latin_next_call", 2, 10, {"\303\251", "\033[3b"}},
	/* protection */
	{"protected_selective_erase", 2, 10, {"\033[1\"qab\033[0\"qcd", "\033[?2K", "ef"}},
	/* line sizes and alignment */
	{"double_width_line", 3, 10, {"\033#6abcdefghij", "\033#5xy"}},
	{"decaln_then_text", 3, 5, {"\033#8", "ab\r\n"}},
	/* others */
	{"nul_in_text", 2, 10, {"ab", "<nul>", "cd"}},
	{"del_in_text", 2, 10, {"ab\177cd"}},
	{"name_sequence_split", 2, 10, {"ab\033k", "na", "me\033", "\\cd"}},
	{"title_split", 2, 10, {"ab\033]2;ti", "tle\a", "cd"}},
	{"ris_after_text", 2, 10, {"abcdefghijkl", "\033cx"}},
	{"decstr_after_text", 2, 10, {"\033[4h\033[?7labc", "\033[!pdef"}},
	{"alt_screen_text", 3, 5, {"abcde", "\033[?1049hxyz", "\033[?1049lq"}},
};

/* A chunk "<resize CxR>" is a resize, "<nul>" a NUL byte. */
static void add_directed_chunk(struct script *sc, const char *c, int exact)
{
	int cols, rows;
	size_t n = strlen(c);

	if (strcmp(c, "<nul>") == 0) {
		c = "";
		n = 1; /* the string's terminating NUL */
	}
	if (sscanf(c, "<resize %dx%d>", &cols, &rows) == 2) {
		sc_resize(sc, rows, cols);
	} else if (exact) {
		sc_feed(sc, c, n);
		sc_check(sc);
	} else {
		sc_text(sc, c, n);
	}
}

/* As written (exact = 1), or its bytes cut at random places. */
static void gen_directed(uint64_t seed, const struct directed *d, int exact)
{
	struct script sc;
	char name[80];

	snprintf(name, sizeof name, "%s%s", d->name, exact ? "" : ".cut");
	sc_init(&sc, name, seed, d->rows, d->cols, 10);
	for (int i = 0; i < MAX_CHUNKS && d->chunks[i]; i++)
		add_directed_chunk(&sc, d->chunks[i], exact);
	sc_finish(&sc);
	run_case(&sc);
	sc_free(&sc);
}

/* ---- main ---- */

static void usage(void)
{
	fprintf(stderr,
		"usage: test_grid_fast [--seeds N] [--seed S] [--case NAME] [-v] [--trace]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	clock_t t0 = clock();

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--seeds") == 0 && i + 1 < argc)
			opt.seeds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			opt.seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-v") == 0)
			opt.verbose = 1;
		else if (strcmp(argv[i], "--trace") == 0)
			opt.trace = 1;
		else if (strcmp(argv[i], "--case") == 0 && i + 1 < argc)
			opt.only = argv[++i];
		else
			usage();
	}
	for (size_t i = 0; i < sizeof directed / sizeof directed[0]; i++)
		gen_directed(opt.seed, &directed[i], 1);
	gen_all_codepoints(opt.seed);
	for (uint64_t s = opt.seed; s < opt.seed + (uint64_t)opt.seeds; s++) {
		for (size_t i = 0; i < sizeof directed / sizeof directed[0]; i++)
			gen_directed(s, &directed[i], 0);
		for (int n = 0; n < 20; n++)
			gen_soup(s, n);
		for (int n = 0; n < 10; n++)
			gen_text(s, n);
		if (s == opt.seed || s % 4 == 0) {
			gen_log(s, 50, 200, 400);
			gen_log(s, 24, 80, 300);
			gen_log(s, 7, 33, 200);
		}
	}
	printf("%lu cases, %lu bytes, %lu comparisons, %.1f s\n", stats.cases, stats.bytes,
	       stats.checks, (double)(clock() - t0) / CLOCKS_PER_SEC);
	CHECK_DONE();
}
