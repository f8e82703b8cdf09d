/*
 * oscolour: OSC 4, 10, 11, 12, 104, 110, 111 and 112. See oscolour.h.
 */
#include "term/oscolour.h"

#include <stdlib.h>
#include <string.h>

#include "term/xcolour.h"

void oscolour_init(struct oscolour *c)
{
	c->palette = NULL;
	c->fg = c->bg = c->cursor = -1;
	c->generation = 0;
}

void oscolour_free(struct oscolour *c)
{
	free(c->palette);
	c->palette = NULL;
}

void oscolour_reset(struct oscolour *c)
{
	if (c->palette == NULL)
		return;
	oscolour_free(c);
	c->generation++;
}

int oscolour_handles(int command)
{
	return command == 4 || command == 10 || command == 11 || command == 12 || command == 104 ||
	       command == 110 || command == 111 || command == 112;
}

long oscolour_get(const struct oscolour *c, int which)
{
	if (which == OSCOLOUR_FG)
		return c->fg;
	if (which == OSCOLOUR_BG)
		return c->bg;
	if (which == OSCOLOUR_CURSOR)
		return c->cursor;
	return c->palette != NULL && which >= 0 && which < 256 ? c->palette[which] : -1;
}

/* A palette index, 0-255 in decimal; -1 if s is not one. */
static int index_of(const char *s)
{
	char *end;
	long i;

	if (*s < '0' || *s > '9')
		return -1;
	i = strtol(s, &end, 10);
	return *end == '\0' && i < 256 ? (int)i : -1;
}

static void answer(int command, int which, long rgb, int bel, struct buf *reply)
{
	char spec[32];

	if (rgb < 0 || xcolour_format(rgb, spec, sizeof spec) == 0)
		return;
	if (command == 4)
		buf_printf(reply, "\033]4;%d;%s%s", which, spec, bel ? "\a" : "\033\\");
	else
		buf_printf(reply, "\033]%d;%s%s", command, spec, bel ? "\a" : "\033\\");
}

static long ask(const struct oscolour *c, int which, oscolour_query_fn *q, void *ctx)
{
	return q != NULL ? q(which, ctx) : oscolour_get(c, which);
}

static int set_entry(struct oscolour *c, int i, long rgb)
{
	if (c->palette == NULL) {
		if (rgb < 0)
			return 0;
		c->palette = malloc(256 * sizeof *c->palette);
		if (c->palette == NULL)
			return 0;
		for (int k = 0; k < 256; k++)
			c->palette[k] = -1;
	}
	if (c->palette[i] == (int32_t)rgb)
		return 0;
	c->palette[i] = (int32_t)rgb;
	return 1;
}

/* OSC 4: pairs of index and colour (or "?"); a bad index ends the list,
 * a bad colour leaves its entry. */
static int osc4(struct oscolour *c, char *s, int bel, oscolour_query_fn *q, void *ctx,
		struct buf *reply)
{
	int changed = 0, i;
	char *idx, *spec;
	long rgb;

	while ((idx = strsep(&s, ";")) != NULL && (spec = strsep(&s, ";")) != NULL) {
		if ((i = index_of(idx)) < 0)
			break;
		if (strcmp(spec, "?") == 0)
			answer(4, i, ask(c, i, q, ctx), bel, reply);
		else if ((rgb = xcolour_parse(spec)) >= 0)
			changed |= set_entry(c, i, rgb);
	}
	return changed;
}

/* OSC 104: every entry, or the listed ones (others in the list ignored). */
static int osc104(struct oscolour *c, char *s)
{
	int changed = 0, i;
	char *idx;

	if (c->palette == NULL)
		return 0;
	if (*s == '\0') {
		oscolour_free(c);
		return 1;
	}
	while ((idx = strsep(&s, ";")) != NULL) {
		if ((i = index_of(idx)) >= 0)
			changed |= set_entry(c, i, -1);
	}
	return changed;
}

/* OSC 10, 11 and 12: one colour, or "?". */
static int osc_default(struct oscolour *c, int command, const char *s, int bel,
		       oscolour_query_fn *q, void *ctx, struct buf *reply)
{
	int which = command == 10 ? OSCOLOUR_FG : command == 11 ? OSCOLOUR_BG : OSCOLOUR_CURSOR;
	long *now = command == 10 ? &c->fg : command == 11 ? &c->bg : &c->cursor, rgb;

	if (strcmp(s, "?") == 0) {
		answer(command, which, ask(c, which, q, ctx), bel, reply);
		return 0;
	}
	if ((rgb = xcolour_parse(s)) < 0 || rgb == *now)
		return 0;
	*now = rgb;
	return 1;
}

static int reset_default(long *now)
{
	int changed = *now >= 0;

	*now = -1;
	return changed;
}

int oscolour_run(struct oscolour *c, int command, char *s, int bel, oscolour_query_fn *q, void *ctx,
		 struct buf *reply)
{
	int changed = 0;

	switch (command) {
	case 4:
		changed = osc4(c, s, bel, q, ctx, reply);
		break;
	case 104:
		changed = osc104(c, s);
		break;
	case 10:
	case 11:
	case 12:
		changed = osc_default(c, command, s, bel, q, ctx, reply);
		break;
	case 110:
		changed = reset_default(&c->fg);
		break;
	case 111:
		changed = reset_default(&c->bg);
		break;
	case 112:
		changed = reset_default(&c->cursor);
		break;
	}
	if (changed)
		c->generation++;
	return changed;
}
