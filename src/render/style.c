/*
 * style: parse tmux style strings into a pen. Everything is checked on a copy
 * so that a bad item leaves the caller's pen as it was, as tmux does.
 */
#include "render/style.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "term/xcolour.h"
#include "util/buf.h"

static const char *const colour_names[8] = {"black", "red",	"green", "yellow",
					    "blue",  "magenta", "cyan",	 "white"};

static const struct {
	const char *name;
	uint16_t attr;
} attr_names[] = {
	{"bright", GRID_ATTR_BOLD},
	{"bold", GRID_ATTR_BOLD},
	{"dim", GRID_ATTR_DIM},
	{"underscore", GRID_ATTR_UNDERLINE},
	{"double-underscore", GRID_ATTR_UNDERLINE2},
	{"curly-underscore", GRID_ATTR_UNDERCURL},
	/* no dotted or dashed underline in the grid: the nearest is plain */
	{"dotted-underscore", GRID_ATTR_UNDERLINE},
	{"dashed-underscore", GRID_ATTR_UNDERLINE},
	{"blink", GRID_ATTR_BLINK},
	{"reverse", GRID_ATTR_REVERSE},
	{"hidden", GRID_ATTR_CONCEAL},
	{"italics", GRID_ATTR_ITALIC},
	{"strikethrough", GRID_ATTR_STRIKE},
	/* accepted for compatibility; no terminal pmux draws on needs them */
	{"overline", 0},
	{"acs", 0},
};

/* Accepted and ignored: pmux has no underline colours, and nothing is
 * hidden from the status line's mouse ranges. */
static const char *const ignored_words[] = {"ignore", "noignore", NULL};
static const char *const ignored_keys[] = {"us", NULL};

static const char *const align_names[] = {"left", "centre", "right", "absolute-centre", NULL};
static const char *const list_names[] = {"on", "focus", "left-marker", "right-marker", NULL};

#define UNDERLINES (GRID_ATTR_UNDERLINE | GRID_ATTR_UNDERLINE2 | GRID_ATTR_UNDERCURL)

static int word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

/* A decimal number 0..max made of the whole of s[0..len), or -1. */
static long number(const char *s, size_t len, long max)
{
	long v = 0;

	if (len == 0 || len > 4)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max ? v : -1;
}

static int hex_colour(const char *s, size_t len, grid_color *out)
{
	unsigned long v = 0;

	if (len != 7)
		return -1;
	for (size_t i = 1; i < 7; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -1;
		v = v * 16 + (unsigned long)(isdigit((unsigned char)s[i])
						     ? s[i] - '0'
						     : tolower((unsigned char)s[i]) - 'a' + 10);
	}
	*out = GRID_COLOR_RGB((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
	return 0;
}

/* X11's colour names ("DarkGreen", "grey50"), as tmux takes them after
 * its own. */
static int x11_colour(const char *s, size_t len, grid_color *out)
{
	char name[32];
	long rgb;

	if (len == 0 || len >= sizeof name)
		return -1;
	memcpy(name, s, len);
	name[len] = '\0';
	if ((rgb = xcolour_name(name)) < 0)
		return -1;
	*out = GRID_COLOR_RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
	return 0;
}

int style_colour(const char *s, size_t len, grid_color *out)
{
	long n;

	if (word_is(s, len, "default"))
		return 1;
	if (word_is(s, len, "terminal")) {
		*out = GRID_COLOR_DEFAULT;
		return 0;
	}
	if (len > 0 && s[0] == '#')
		return hex_colour(s, len, out);
	if (len > 6 && strncasecmp(s, "colour", 6) == 0)
		n = number(s + 6, len - 6, 255);
	else if (len > 5 && strncasecmp(s, "color", 5) == 0)
		n = number(s + 5, len - 5, 255);
	else
		n = number(s, len, 255);
	if (n >= 0) {
		*out = GRID_COLOR_INDEXED(n);
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		if (word_is(s, len, colour_names[i])) {
			*out = GRID_COLOR_INDEXED(i);
			return 0;
		}
		if (len > 6 && strncasecmp(s, "bright", 6) == 0 &&
		    word_is(s + 6, len - 6, colour_names[i])) {
			*out = GRID_COLOR_INDEXED(8 + i);
			return 0;
		}
	}
	return x11_colour(s, len, out);
}

static int attr_lookup(const char *s, size_t len, uint16_t *attr)
{
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++) {
		if (word_is(s, len, attr_names[i].name)) {
			*attr = attr_names[i].attr;
			return 0;
		}
	}
	return -1;
}

static int in_list(const char *s, size_t len, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (word_is(s, len, *list))
			return 1;
	}
	return 0;
}

/* The index of s[0..len) in list, or -1. */
static int list_index(const char *s, size_t len, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++) {
		if (word_is(s, len, list[i]))
			return i;
	}
	return -1;
}

/* range=left, range=right, range=window|N; another type without an
 * argument is accepted and changes nothing, as in tmux 3.3. */
static int apply_range(const char *v, size_t len, struct style_layout *lay)
{
	const char *bar = memchr(v, '|', len);
	size_t tlen = bar != NULL ? (size_t)(bar - v) : len;
	const char *arg = bar != NULL ? bar + 1 : NULL;
	size_t alen = bar != NULL ? len - tlen - 1 : 0;
	long n = 0;

	if (bar != NULL && alen == 0)
		return -1;
	if (word_is(v, tlen, "left") || word_is(v, tlen, "right")) {
		if (bar != NULL)
			return -1;
		lay->range = word_is(v, tlen, "left") ? STYLE_RANGE_LEFT : STYLE_RANGE_RIGHT;
		lay->range_arg = 0;
	} else if (word_is(v, tlen, "window")) {
		if (bar == NULL)
			return -1;
		for (size_t i = 0; i < alen; i++) {
			if (!isdigit((unsigned char)arg[i]))
				return -1;
			/* past any window index: a range no window has */
			if (n < 1000000000L)
				n = n * 10 + (arg[i] - '0');
		}
		lay->range = STYLE_RANGE_WINDOW;
		lay->range_arg = n;
	} else if (bar != NULL) {
		return -1; /* (pane|, session|, user| came after 3.3) */
	}
	return 0;
}

/* A layout item (align=, list=, range=, fill=, the no- forms, push-default,
 * pop-default): 1 if applied, 0 if s is not one, -1 if its value is bad. */
static int apply_layout(const char *w, size_t len, size_t klen, struct style_layout *lay)
{
	const char *v = w + klen + 1;
	size_t vlen = klen < len ? len - klen - 1 : 0;
	int i;

	if (klen == len) {
		if (word_is(w, len, "noalign"))
			lay->align = STYLE_ALIGN_DEFAULT;
		else if (word_is(w, len, "nolist"))
			lay->list = STYLE_LIST_OFF;
		else if (word_is(w, len, "norange"))
			lay->range = STYLE_RANGE_NONE;
		else if (word_is(w, len, "push-default"))
			lay->push = STYLE_DEFAULT_PUSH;
		else if (word_is(w, len, "pop-default"))
			lay->push = STYLE_DEFAULT_POP;
		else
			return 0;
		return 1;
	}
	if (word_is(w, klen, "align")) {
		if ((i = list_index(v, vlen, align_names)) < 0)
			return -1;
		lay->align = (enum style_align)(STYLE_ALIGN_LEFT + i);
	} else if (word_is(w, klen, "list")) {
		if ((i = list_index(v, vlen, list_names)) < 0)
			return -1;
		lay->list = (enum style_list)(STYLE_LIST_ON + i);
	} else if (word_is(w, klen, "range")) {
		return apply_range(v, vlen, lay) == 0 ? 1 : -1;
	} else if (word_is(w, klen, "fill")) {
		grid_color c;
		int rc = style_colour(v, vlen, &c);

		if (rc < 0)
			return -1;
		if (rc == 0) { /* (fill=default leaves it) */
			lay->has_fill = 1;
			lay->fill = c;
		}
	} else {
		return 0;
	}
	return 1;
}

/* fg=X or bg=X. */
static int apply_colour(const char *v, size_t vlen, grid_color base, grid_color *c)
{
	int rc = style_colour(v, vlen, c);

	if (rc == 1)
		*c = base;
	return rc < 0 ? -1 : 0;
}

/* One attribute word, possibly "no"-prefixed. Underline kinds exclude
 * each other, as on a terminal. */
static int apply_attr(const char *w, size_t len, struct grid_cell *pen)
{
	uint16_t a;
	int off = len > 2 && strncasecmp(w, "no", 2) == 0 && attr_lookup(w, len, &a) != 0;

	if (off) {
		w += 2;
		len -= 2;
	}
	if (attr_lookup(w, len, &a) != 0)
		return -1;
	if (off) {
		pen->attr &= (uint16_t)~a;
	} else {
		if (a & UNDERLINES)
			pen->attr &= (uint16_t)~UNDERLINES;
		pen->attr |= a;
	}
	return 0;
}

/* One item of a style string. */
static int apply_item(const char *w, size_t len, const struct grid_cell *base,
		      struct grid_cell *pen, struct style_layout *lay)
{
	const char *eq = memchr(w, '=', len);
	size_t klen = eq != NULL ? (size_t)(eq - w) : len;
	int rc = apply_layout(w, len, klen, lay);

	if (rc != 0)
		return rc > 0 ? 0 : -1;
	if (eq != NULL) {
		const char *v = eq + 1;
		size_t vlen = len - klen - 1;

		if (word_is(w, klen, "fg"))
			return apply_colour(v, vlen, base->fg, &pen->fg);
		if (word_is(w, klen, "bg"))
			return apply_colour(v, vlen, base->bg, &pen->bg);
		return in_list(w, klen, ignored_keys) ? 0 : -1;
	}
	if (word_is(w, len, "default")) {
		pen->fg = base->fg;
		pen->bg = base->bg;
		pen->attr = base->attr;
		return 0;
	}
	if (word_is(w, len, "none") || word_is(w, len, "noattr")) {
		pen->attr = 0;
		return 0;
	}
	if (in_list(w, len, ignored_words))
		return 0;
	return apply_attr(w, len, pen);
}

/* The palette tmux gives indexes when it needs RGB: 16 named colours, a
 * 6x6x6 cube, 24 greys. */
static long palette_rgb(int i)
{
	static const long named[16] = {0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080,
				       0x008080, 0xc0c0c0, 0x808080, 0xff0000, 0x00ff00, 0xffff00,
				       0x0000ff, 0xff00ff, 0x00ffff, 0xffffff};
	static const int level[6] = {0, 95, 135, 175, 215, 255};
	int g;

	if (i < 16)
		return named[i];
	if (i >= 232) {
		g = 8 + (i - 232) * 10;
		return (long)g << 16 | g << 8 | g;
	}
	i -= 16;
	return (long)level[i / 36] << 16 | level[i / 6 % 6] << 8 | level[i % 6];
}

long style_colour_rgb(const char *s)
{
	grid_color c;

	if (style_colour(s, strlen(s), &c) != 0)
		return -1;
	return style_rgb(c);
}

long style_rgb(grid_color c)
{
	switch (GRID_COLOR_TYPE(c)) {
	case 1:
		return palette_rgb((int)GRID_COLOR_VALUE(c));
	case 2:
		return (long)GRID_COLOR_VALUE(c);
	default:
		return -1;
	}
}

void style_colour_name(grid_color c, char *out, size_t size)
{
	unsigned v = GRID_COLOR_VALUE(c);

	if (GRID_COLOR_TYPE(c) == 2)
		snprintf(out, size, "#%06x", v);
	else if (GRID_COLOR_TYPE(c) != 1)
		snprintf(out, size, "default");
	else if (v < 8)
		snprintf(out, size, "%s", colour_names[v]);
	else if (v < 16)
		snprintf(out, size, "bright%s", colour_names[v - 8]);
	else
		snprintf(out, size, "colour%u", v);
}

int style_parse_layout(const char *s, const struct grid_cell *base, struct grid_cell *pen,
		       struct style_layout *lay, char **err)
{
	struct grid_cell tmp = *pen;
	struct style_layout ltmp = *lay;
	const char *p = s;
	size_t len;

	for (;;) {
		p += strspn(p, ", \t");
		if (*p == '\0')
			break;
		len = strcspn(p, ", \t");
		if (apply_item(p, len, base, &tmp, &ltmp) != 0) {
			if (err != NULL)
				*err = xasprintf("invalid style: %.*s", (int)len, p);
			return -1;
		}
		p += len;
	}
	*pen = tmp;
	*lay = ltmp;
	return 0;
}

int style_parse(const char *s, const struct grid_cell *base, struct grid_cell *pen, char **err)
{
	struct style_layout lay = {0};

	return style_parse_layout(s, base, pen, &lay, err);
}

/* style_pen's last answers: frames ask for the same few styles (window-style,
 * the borders') over and over, and parsing one compares colour names. */
#define STYLE_MEMO 8
#define STYLE_MEMO_LEN 64
static struct {
	char s[STYLE_MEMO_LEN];
	struct grid_cell base, pen;
	int used;
} style_memo[STYLE_MEMO];
static int style_memo_next;

struct grid_cell style_pen(const char *s, const struct grid_cell *base)
{
	struct grid_cell pen = *base;
	size_t len = s != NULL ? strlen(s) : 0;
	int i;

	if (s == NULL)
		return *base;
	for (i = 0; len < STYLE_MEMO_LEN && i < STYLE_MEMO; i++) {
		if (style_memo[i].used && strcmp(style_memo[i].s, s) == 0 &&
		    memcmp(&style_memo[i].base, base, sizeof *base) == 0)
			return style_memo[i].pen;
	}
	if (style_parse(s, base, &pen, NULL) != 0)
		pen = *base;
	if (len < STYLE_MEMO_LEN) {
		i = style_memo_next;
		style_memo_next = (style_memo_next + 1) % STYLE_MEMO;
		memcpy(style_memo[i].s, s, len + 1);
		style_memo[i].base = *base;
		style_memo[i].pen = pen;
		style_memo[i].used = 1;
	}
	return pen;
}

int style_check(const char *s, char **err)
{
	struct grid_cell pen = {0};

	if (strstr(s, "#{") != NULL)
		return 0;
	return style_parse(s, &pen, &pen, err);
}
