/* sgr: Select Graphic Rendition, between pens and bytes. See sgr.h. */
#include "term/sgr.h"

#include <stdio.h>
#include <string.h>

#define MAX_PARAMS 16 /* vtscan never lets more through */

static const struct {
	uint16_t attr;
	const char *code;
} attrs[] = {
	{GRID_ATTR_BOLD, "1"},	    {GRID_ATTR_DIM, "2"},	  {GRID_ATTR_ITALIC, "3"},
	{GRID_ATTR_UNDERLINE, "4"}, {GRID_ATTR_UNDERLINE2, "21"}, {GRID_ATTR_UNDERCURL, "4:3"},
	{GRID_ATTR_BLINK, "5"},	    {GRID_ATTR_REVERSE, "7"},	  {GRID_ATTR_CONCEAL, "8"},
	{GRID_ATTR_STRIKE, "9"},
};

#define ALL_UNDERLINES (GRID_ATTR_UNDERLINE | GRID_ATTR_UNDERLINE2 | GRID_ATTR_UNDERCURL)

/* The SGR of a colour: 30-37/90-97 for the 16 colours (as typed), 38;5;n,
 * 38;2;r;g;b, or 39 for the default. base is 30 or 40. */
static size_t put_color(char *out, grid_color c, int base)
{
	unsigned v = GRID_COLOR_VALUE(c);
	int n;

	if (GRID_COLOR_TYPE(c) == 0)
		n = sprintf(out, "\033[%dm", base + 9);
	else if (GRID_COLOR_TYPE(c) == 1 && v < 8)
		n = sprintf(out, "\033[%um", base + v);
	else if (GRID_COLOR_TYPE(c) == 1 && v < 16)
		n = sprintf(out, "\033[%um", base + 60 + v - 8);
	else if (GRID_COLOR_TYPE(c) == 1)
		n = sprintf(out, "\033[%d;5;%um", base + 8, v);
	else
		n = sprintf(out, "\033[%d;2;%u;%u;%um", base + 8, (v >> 16) & 0xff, (v >> 8) & 0xff,
			    v & 0xff);
	return (size_t)n;
}

size_t sgr_switch(char out[SGR_MAX], struct sgr_pen *cur, const struct sgr_pen *to)
{
	static const struct sgr_pen plain = {GRID_COLOR_DEFAULT, GRID_COLOR_DEFAULT, 0};
	size_t n = 0;
	int first = 1;

	if (cur->fg == to->fg && cur->bg == to->bg && cur->attr == to->attr)
		return 0;
	if ((cur->attr & ~to->attr) != 0 ||
	    (to->attr == 0 && to->fg == GRID_COLOR_DEFAULT && to->bg == GRID_COLOR_DEFAULT)) {
		memcpy(out, "\033[0m", 4);
		n = 4;
		*cur = plain;
	}
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		if ((to->attr & attrs[i].attr) && !(cur->attr & attrs[i].attr)) {
			n += (size_t)sprintf(out + n, "%s%s", first ? "\033[" : ";", attrs[i].code);
			first = 0;
		}
	}
	if (!first)
		out[n++] = 'm';
	if (to->fg != cur->fg)
		n += put_color(out + n, to->fg, 30);
	if (to->bg != cur->bg)
		n += put_color(out + n, to->bg, 40);
	*cur = *to;
	return n;
}

size_t sgr_absolute(char out[SGR_MAX], const struct sgr_pen *to)
{
	/* every attribute "on" and colours no pen has: the switch resets */
	struct sgr_pen any = {0xffffffffu, 0xffffffffu, 0xffff};

	return sgr_switch(out, &any, to);
}

/* 38;5;n or 38;2;r;g;b from p[i] (at the 38 or 48); returns the
 * parameters used, 0 if not one pmux takes. */
static int color_args(const int *p, int np, int i, grid_color *c)
{
	if (i + 2 < np && p[i + 1] == 5 && p[i + 2] >= 0 && p[i + 2] <= 255) {
		*c = GRID_COLOR_INDEXED(p[i + 2]);
		return 3;
	}
	if (i + 4 < np && p[i + 1] == 2 && p[i + 2] >= 0 && p[i + 2] <= 255 && p[i + 3] >= 0 &&
	    p[i + 3] <= 255 && p[i + 4] >= 0 && p[i + 4] <= 255) {
		*c = GRID_COLOR_RGB(p[i + 2], p[i + 3], p[i + 4]);
		return 5;
	}
	return 0;
}

/* One parameter that stands alone (-1: missing); 0 if pmux does not take
 * it. */
static int simple(struct sgr_pen *pen, int v)
{
	static const struct {
		uint8_t code;
		uint16_t set, clear;
	} flags[] = {
		{1, GRID_ATTR_BOLD, 0},
		{3, GRID_ATTR_ITALIC, 0},
		{4, GRID_ATTR_UNDERLINE, ALL_UNDERLINES},
		{5, GRID_ATTR_BLINK, 0},
		{7, GRID_ATTR_REVERSE, 0},
		{8, GRID_ATTR_CONCEAL, 0},
		{9, GRID_ATTR_STRIKE, 0},
		{21, GRID_ATTR_UNDERLINE2, ALL_UNDERLINES},
		{22, 0, GRID_ATTR_BOLD},
		{23, 0, GRID_ATTR_ITALIC},
		{24, 0, ALL_UNDERLINES},
		{25, 0, GRID_ATTR_BLINK},
		{27, 0, GRID_ATTR_REVERSE},
		{28, 0, GRID_ATTR_CONCEAL},
		{29, 0, GRID_ATTR_STRIKE},
	};

	if (v <= 0) { /* 0 or missing: reset */
		pen->fg = pen->bg = GRID_COLOR_DEFAULT;
		pen->attr &= GRID_ATTR_LINK;
	} else if ((v >= 30 && v <= 37) || (v >= 90 && v <= 97)) {
		pen->fg = GRID_COLOR_INDEXED(v < 90 ? v - 30 : v - 90 + 8);
	} else if ((v >= 40 && v <= 47) || (v >= 100 && v <= 107)) {
		pen->bg = GRID_COLOR_INDEXED(v < 100 ? v - 40 : v - 100 + 8);
	} else if (v == 39) {
		pen->fg = GRID_COLOR_DEFAULT;
	} else if (v == 49) {
		pen->bg = GRID_COLOR_DEFAULT;
	} else {
		for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
			if (flags[i].code == v) {
				pen->attr =
					(uint16_t)((pen->attr & ~flags[i].clear) | flags[i].set);
				return 1;
			}
		}
		return 0;
	}
	return 1;
}

/* The parameters of ESC [ ... m, -1 for a missing one; returns how many,
 * or -1 if there are sub-parameters or too many. */
static int params(const unsigned char *seq, size_t len, int *p)
{
	int np = 1;

	p[0] = -1;
	for (size_t i = 2; i + 1 < len; i++) {
		if (seq[i] == ';') {
			if (np == MAX_PARAMS)
				return -1;
			p[np++] = -1;
		} else if (seq[i] >= '0' && seq[i] <= '9') {
			int v = p[np - 1] < 0 ? 0 : p[np - 1];

			p[np - 1] = v < 10000 ? v * 10 + (seq[i] - '0') : v;
		} else {
			return -1;
		}
	}
	return np;
}

int sgr_apply(struct sgr_pen *pen, const unsigned char *seq, size_t len)
{
	int p[MAX_PARAMS], np = params(seq, len, p);
	struct sgr_pen next = *pen;

	if (np < 0)
		return 0;
	for (int i = 0; i < np; i++) {
		int used = 1;

		if (p[i] == 38 || p[i] == 48)
			used = color_args(p, np, i, p[i] == 38 ? &next.fg : &next.bg);
		else if (!simple(&next, p[i]))
			used = 0;
		if (used == 0)
			return 0;
		i += used - 1;
	}
	*pen = next;
	return 1;
}
