/*
 * statusfmt: lay out one status format line as tmux 3.3 does. The text is
 * drawn into parts first: one per alignment, the window list, its two
 * markers, and "after" (text that follows the list in the list's own
 * alignment). Only once every part's width is known are they trimmed to fit
 * and placed; how depends on the list's alignment, and each part's ranges
 * move with it.
 *
 * Two things are kept from tmux as its users see them: a range reaches one
 * column past its text (a click on the separator after a window's entry
 * selects that window), and a list with no align= given is not drawn.
 * Where tmux loses a range (one still open at the end of the line, or one
 * whose text changes alignment), pmux ends it with its text instead.
 */
#include "render/statusfmt.h"

#include <stdlib.h>
#include <string.h>

#include <tickit.h>

#include "util/buf.h"
#include "util/utf8.h"

enum part { P_LEFT, P_CENTRE, P_RIGHT, P_ABS, P_LIST, P_LMARK, P_RMARK, P_AFTER, P_COUNT };

struct cells {
	struct grid_cell *c;
	int n, cap;
};

/* A range while the line is drawn: columns of one part, then of the line
 * (or dropped, part -1, when its text is not shown). */
struct prange {
	int part, start, end;
	enum style_range type;
	long arg;
};

struct layout {
	const struct grid_cell *base;
	struct cells part[P_COUNT];
	struct grid_cell pen, def; /* the pen, and what #[default] gives */
	struct style_layout lay;
	enum part current;
	enum part map[STYLE_ALIGN_ABSOLUTE_CENTRE + 1]; /* each alignment's part */
	int list_state;					/* -1 before the list, 0 in it, 1 after */
	enum style_align list_align;
	int focus_start, focus_end;
	int has_fill;
	grid_color fill;
	int open; /* a range is open: ranges[nranges] */
	struct prange *ranges;
	int nranges, cap;
	struct grid_cell *out;
	int width;
};

int statusfmt_char_width(uint32_t cp)
{
	char tmp[8];
	size_t len;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x7f)
		return 1;
	len = tickit_utf8_put(tmp, sizeof tmp - 1, (long)cp);
	tmp[len] = '\0';
	return tickit_utf8_mbswidth(tmp);
}

int statusfmt_put_char(uint32_t cp, int w, const struct grid_cell *pen, struct grid_cell *cells,
		       int *n, int max)
{
	if (*n + w > max)
		return 0;
	cells[*n] = (struct grid_cell){
		.ch = cp, .fg = pen->fg, .bg = pen->bg, .attr = pen->attr, .width = (uint8_t)w};
	(*n)++;
	if (w == 2) {
		cells[*n] = cells[*n - 1];
		cells[*n].ch = GRID_CH_WIDE_CONT;
		cells[*n].width = 0;
		(*n)++;
	}
	return 1;
}

static void part_put(struct cells *b, uint32_t cp, int w, const struct grid_cell *pen)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap * 2 + 64;
		b->c = xrealloc(b->c, (size_t)b->cap * sizeof *b->c);
	}
	statusfmt_put_char(cp, w, pen, b->c, &b->n, b->cap);
}

/* ---- ranges ---- */

/* End the open range; one that holds no text, or is aborted (tmux drops a
 * range open where the list starts or ends), is forgotten. */
static void range_close(struct layout *l, int keep)
{
	struct prange *r;
	int at;

	if (!l->open)
		return;
	l->open = 0;
	r = &l->ranges[l->nranges];
	at = l->part[r->part].n;
	if (keep && at != r->start) {
		r->end = at + 1;
		l->nranges++;
	}
}

static void range_open(struct layout *l)
{
	if (l->nranges + 1 >= l->cap) {
		l->cap = l->cap * 2 + 8;
		l->ranges = xrealloc(l->ranges, (size_t)l->cap * sizeof *l->ranges);
	}
	l->ranges[l->nranges] = (struct prange){.part = (int)l->current,
						.start = l->part[l->current].n,
						.type = l->lay.range,
						.arg = l->lay.range_arg};
	l->open = 1;
}

/* After a directive: the open range ends if its type changed or its text
 * moved to another part, and a new one starts if one is asked for. */
static void range_update(struct layout *l)
{
	const struct prange *r = l->open ? &l->ranges[l->nranges] : NULL;

	if (r != NULL &&
	    (r->type != l->lay.range || r->arg != l->lay.range_arg || r->part != (int)l->current))
		range_close(l, 1);
	if (!l->open && l->lay.range != STYLE_RANGE_NONE)
		range_open(l);
}

/* ---- the directives ---- */

static void focus_end(struct layout *l)
{
	if (l->focus_start != -1 && l->focus_end == -1)
		l->focus_end = l->part[P_LIST].n;
}

/* Where text goes after a directive, per its list= (tmux's list states). */
static void list_update(struct layout *l)
{
	switch (l->lay.list) {
	case STYLE_LIST_ON:
		if (l->list_state != 0) { /* entering the list */
			range_close(l, 0);
			l->list_state = 0;
			l->list_align = l->lay.align;
		}
		focus_end(l);
		l->current = P_LIST;
		break;
	case STYLE_LIST_FOCUS:
		if (l->list_state == 0 && l->focus_start == -1)
			l->focus_start = l->part[P_LIST].n;
		break;
	case STYLE_LIST_OFF:
		if (l->list_state == 0) { /* leaving it: its alignment's text follows it */
			range_close(l, 0);
			focus_end(l);
			l->map[l->list_align] = P_AFTER;
			if (l->list_align == STYLE_ALIGN_LEFT)
				l->map[STYLE_ALIGN_DEFAULT] = P_AFTER;
			l->list_state = 1;
		}
		l->current = l->map[l->lay.align];
		break;
	case STYLE_LIST_LEFT:
	case STYLE_LIST_RIGHT: {
		enum part m = l->lay.list == STYLE_LIST_LEFT ? P_LMARK : P_RMARK;

		/* a marker is drawn once, and only inside the list */
		if (l->list_state != 0 || l->part[m].n != 0)
			break;
		range_close(l, 0);
		focus_end(l);
		l->current = m;
		break;
	}
	}
}

/* A #[...] directive of len bytes at d; a bad one is dropped, as tmux. */
static void directive(struct layout *l, const char *d, size_t len)
{
	char small[256], *item = len < sizeof small ? small : xmalloc(len + 1);
	int rc;

	memcpy(item, d, len);
	item[len] = '\0';
	rc = style_parse_layout(item, &l->def, &l->pen, &l->lay, NULL);
	if (item != small)
		free(item);
	if (rc != 0)
		return;
	if (l->lay.has_fill) {
		l->has_fill = 1;
		l->fill = l->lay.fill;
		l->lay.has_fill = 0;
	}
	if (l->lay.push == STYLE_DEFAULT_PUSH)
		l->def = l->pen;
	else if (l->lay.push == STYLE_DEFAULT_POP)
		l->def = *l->base;
	l->lay.push = STYLE_DEFAULT_KEEP;
	list_update(l);
	range_update(l);
}

static void parse(struct layout *l, const char *s)
{
	const char *end;
	uint32_t cp;
	int w;

	while (*s != '\0') {
		if (s[0] == '#' && s[1] == '[' && (end = strchr(s + 2, ']')) != NULL) {
			directive(l, s + 2, (size_t)(end - s - 2));
			s = end + 1;
			continue;
		}
		if (s[0] == '#' && s[1] == '#')
			s++; /* ## is a # (as in #{window_flags}) */
		s += utf8_next(s, &cp);
		w = statusfmt_char_width(cp);
		if (w > 0)
			part_put(&l->part[l->current], cp, w, &l->pen);
	}
	range_close(l, 1);
	focus_end(l);
}

/* ---- placing the parts ---- */

static int width_of(const struct layout *l, enum part p)
{
	return l->part[p].n;
}

/* A cell that held half of a wide character: a blank in its pen. */
static void blank(struct grid_cell *c)
{
	*c = (struct grid_cell){.ch = ' ', .fg = c->fg, .bg = c->bg, .attr = c->attr, .width = 1};
}

/* Copy n cells of part p from cell from to column x (clipped to the line),
 * and move its ranges there; a wide character cut in two becomes a blank. */
static void put(struct layout *l, enum part p, int x, int from, int n)
{
	const struct cells *b = &l->part[p];
	struct grid_cell *out = l->out;

	if (x < 0) {
		from -= x;
		n += x;
		x = 0;
	}
	if (n > l->width - x)
		n = l->width - x;
	if (n <= 0 || from < 0 || from + n > b->n)
		return;
	/* half of a wide character drawn before (absolute-centre text goes
	 * over the rest) goes with the half covered */
	if (x > 0 && out[x].ch == GRID_CH_WIDE_CONT)
		blank(&out[x - 1]);
	if (x + n < l->width && out[x + n].ch == GRID_CH_WIDE_CONT)
		blank(&out[x + n]);
	memcpy(out + x, b->c + from, (size_t)n * sizeof *out);
	if (out[x].ch == GRID_CH_WIDE_CONT)
		blank(&out[x]);
	if (out[x + n - 1].width == 2)
		blank(&out[x + n - 1]);
	for (int i = 0; i < l->nranges; i++) {
		struct prange *r = &l->ranges[i];
		int s = r->start > from ? r->start : from;
		int e = r->end < from + n ? r->end : from + n;

		if (r->part != (int)p)
			continue;
		r->part = -1; /* placed (or dropped: nothing of it shows) */
		if (s < e) {
			r->start = x + s - from;
			r->end = x + e - from;
			r->part = P_COUNT;
		}
	}
}

/* The list in n columns at x, scrolled to show its focus (default: cell
 * focus) with the markers where it is cut, as tmux does. */
static void put_list(struct layout *l, int x, int n, int focus)
{
	int len = width_of(l, P_LIST), lm = width_of(l, P_LMARK), rm = width_of(l, P_RMARK);
	int fs = l->focus_start, fe = l->focus_end, centre, start;

	if (n >= len) {
		put(l, P_LIST, x, 0, len);
		return;
	}
	if (fs == -1 || fe == -1)
		fs = fe = focus;
	centre = fs + (fe - fs) / 2;
	start = centre < n / 2 ? 0 : centre - n / 2;
	if (start + n > len)
		start = len - n;
	if (start != 0 && n > lm) {
		put(l, P_LMARK, x, 0, lm);
		x += lm;
		start += lm;
		n -= lm;
	}
	if (start + n < len && n > rm) {
		put(l, P_RMARK, x + n - rm, 0, rm);
		n -= rm;
	}
	put(l, P_LIST, x, start, n);
}

/* absolute-centre text in the middle of the whole line, over the rest. */
static void put_absolute(struct layout *l)
{
	int wa = width_of(l, P_ABS);

	if (wa > l->width)
		wa = l->width;
	put(l, P_ABS, (l->width - wa) / 2, 0, wa);
}

/* No list (or one with no room): left, right, centre between them. */
static void layout_none(struct layout *l)
{
	int W = l->width, wl = width_of(l, P_LEFT), wc = width_of(l, P_CENTRE);
	int wr = width_of(l, P_RIGHT);

	while (wl + wc + wr > W) {
		if (wc > 0)
			wc--;
		else if (wr > 0)
			wr--;
		else
			wl--;
	}
	put(l, P_LEFT, 0, 0, wl);
	put(l, P_RIGHT, W - wr, width_of(l, P_RIGHT) - wr, wr);
	put(l, P_CENTRE, wl + ((W - wr) - wl) / 2 - wc / 2, width_of(l, P_CENTRE) / 2 - wc / 2, wc);
	put_absolute(l);
}

/* Trim widths w[0..n) (in that order of giving way) until they fit. */
static void trim(int *w[], int n, int width)
{
	int sum = 0, i;

	for (i = 0; i < n; i++)
		sum += *w[i];
	for (i = 0; i < n && sum > width; i++) {
		int cut = *w[i] < sum - width ? *w[i] : sum - width;

		*w[i] -= cut;
		sum -= cut;
	}
}

static void layout_left(struct layout *l)
{
	int W = l->width, wl = width_of(l, P_LEFT), wc = width_of(l, P_CENTRE);
	int wr = width_of(l, P_RIGHT), wL = width_of(l, P_LIST), wA = width_of(l, P_AFTER), c0;

	trim((int *[]){&wc, &wL, &wr, &wA, &wl}, 5, W);
	if (wL == 0) {
		layout_none(l);
		return;
	}
	put(l, P_LEFT, 0, 0, wl);
	put(l, P_RIGHT, W - wr, width_of(l, P_RIGHT) - wr, wr);
	put(l, P_AFTER, wl + wL, 0, wA);
	c0 = wl + wL + wA;
	put(l, P_CENTRE, c0 + ((W - wr) - c0) / 2 - wc / 2, width_of(l, P_CENTRE) / 2 - wc / 2, wc);
	put_list(l, wl, wL, 0);
	put_absolute(l);
}

static void layout_centre(struct layout *l)
{
	int W = l->width, wl = width_of(l, P_LEFT), wc = width_of(l, P_CENTRE);
	int wr = width_of(l, P_RIGHT), wL = width_of(l, P_LIST), wA = width_of(l, P_AFTER), mid;

	trim((int *[]){&wL, &wA, &wc, &wr, &wl}, 5, W);
	if (wL == 0) {
		layout_none(l);
		return;
	}
	put(l, P_LEFT, 0, 0, wl);
	put(l, P_RIGHT, W - wr, width_of(l, P_RIGHT) - wr, wr);
	mid = wl + ((W - wr) - wl) / 2;
	put(l, P_CENTRE, mid - wL / 2 - wc, 0, wc);
	put(l, P_AFTER, mid - wL / 2 + wL, 0, wA);
	put_list(l, mid - wL / 2, wL, width_of(l, P_LIST) / 2);
	put_absolute(l);
}

static void layout_right(struct layout *l)
{
	int W = l->width, wl = width_of(l, P_LEFT), wc = width_of(l, P_CENTRE);
	int wr = width_of(l, P_RIGHT), wL = width_of(l, P_LIST), wA = width_of(l, P_AFTER), end;

	trim((int *[]){&wc, &wL, &wr, &wA, &wl}, 5, W);
	if (wL == 0) {
		layout_none(l);
		return;
	}
	end = W - wr - wL - wA; /* where the right part (before the list) starts */
	put(l, P_LEFT, 0, 0, wl);
	put(l, P_AFTER, W - wA, width_of(l, P_AFTER) - wA, wA);
	put(l, P_RIGHT, end, 0, wr);
	put(l, P_CENTRE, wl + (end - wl) / 2 - wc / 2, width_of(l, P_CENTRE) / 2 - wc / 2, wc);
	put_list(l, W - wL - wA, wL, 0);
	put_absolute(l);
}

/* The list (with the absolute-centre text before it and "after") in the
 * middle of the whole line, drawn over left, centre and right, which only
 * give way to each other. */
static void layout_absolute(struct layout *l)
{
	int W = l->width, wl = width_of(l, P_LEFT), wc = width_of(l, P_CENTRE);
	int wr = width_of(l, P_RIGHT), wL = width_of(l, P_LIST), wA = width_of(l, P_AFTER);
	int wa = width_of(l, P_ABS), x;

	trim((int *[]){&wc, &wr, &wl}, 3, W);
	trim((int *[]){&wL, &wA, &wa}, 3, W);
	put(l, P_LEFT, 0, 0, wl);
	put(l, P_RIGHT, W - wr, width_of(l, P_RIGHT) - wr, wr);
	put(l, P_CENTRE, wl + ((W - wr) - wl) / 2 - wc, 0, wc);
	x = (W - wa - wL) / 2;
	put(l, P_ABS, x, 0, wa);
	if (wL > 0)
		put_list(l, x + wa, wL, width_of(l, P_LIST) / 2);
	put(l, P_AFTER, x + wa + wL, 0, wA);
}

static void fill_line(struct grid_cell *cells, int width, const struct grid_cell *pen)
{
	for (int x = 0; x < width; x++)
		cells[x] = (struct grid_cell){
			.ch = ' ', .fg = pen->fg, .bg = pen->bg, .attr = pen->attr, .width = 1};
}

/* The placed ranges, in the order they were made (the first wins where
 * they overlap, as in tmux). */
static void ranges_out(const struct layout *l, struct statusfmt_ranges *out)
{
	out->n = 0;
	for (int i = 0; i < l->nranges; i++) {
		const struct prange *r = &l->ranges[i];

		if (r->part != P_COUNT)
			continue;
		if (out->n == out->cap) {
			out->cap = out->cap * 2 + 8;
			out->r = xrealloc(out->r, (size_t)out->cap * sizeof *out->r);
		}
		out->r[out->n++] = (struct statusfmt_range){
			.type = r->type, .arg = r->arg, .start = r->start, .end = r->end};
	}
}

void statusfmt_draw(const char *text, const struct grid_cell *base, struct grid_cell *cells,
		    int width, struct statusfmt_ranges *ranges)
{
	struct layout l = {.base = base, .pen = *base, .def = *base, .list_state = -1};
	struct grid_cell fillpen;

	if (ranges != NULL)
		ranges->n = 0;
	if (width <= 0)
		return;
	l.map[STYLE_ALIGN_DEFAULT] = l.map[STYLE_ALIGN_LEFT] = P_LEFT;
	l.map[STYLE_ALIGN_CENTRE] = P_CENTRE;
	l.map[STYLE_ALIGN_RIGHT] = P_RIGHT;
	l.map[STYLE_ALIGN_ABSOLUTE_CENTRE] = P_ABS;
	l.current = P_LEFT;
	l.focus_start = l.focus_end = -1;
	l.out = cells;
	l.width = width;
	parse(&l, text);
	fillpen = *base;
	if (l.has_fill)
		fillpen.bg = l.fill;
	fill_line(cells, width, &fillpen);
	if (l.list_state == -1 || l.list_align == STYLE_ALIGN_DEFAULT)
		layout_none(&l);
	else if (l.list_align == STYLE_ALIGN_LEFT)
		layout_left(&l);
	else if (l.list_align == STYLE_ALIGN_CENTRE)
		layout_centre(&l);
	else if (l.list_align == STYLE_ALIGN_RIGHT)
		layout_right(&l);
	else
		layout_absolute(&l);
	if (ranges != NULL)
		ranges_out(&l, ranges);
	for (int i = 0; i < P_COUNT; i++)
		free(l.part[i].c);
	free(l.ranges);
}

const struct statusfmt_range *statusfmt_range_at(const struct statusfmt_ranges *ranges, int x)
{
	for (int i = 0; ranges != NULL && i < ranges->n; i++) {
		if (x >= ranges->r[i].start && x < ranges->r[i].end)
			return &ranges->r[i];
	}
	return NULL;
}

void statusfmt_ranges_free(struct statusfmt_ranges *ranges)
{
	free(ranges->r);
	ranges->r = NULL;
	ranges->n = ranges->cap = 0;
}
