/*
 * pane_border: the pane and border options turned into what the renderer
 * draws. Styles may hold formats (as tmux's do): those are expanded for the
 * pane each frame.
 */
#include "server/pane_border.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "cmd/options.h"
#include "render/status.h"
#include "render/style.h"
#include "term/oscolour.h"

/* A colour no style gives: "default", which falls back to another style. */
#define COLOUR_UNSET 0xff000000u

int pane_border_status(struct window *w)
{
	return w != NULL ? (int)options_number(window_options(w), "pane-border-status") : 0;
}

/* As in tmux, a cell at the window's top (bottom) edge, unless it has only
 * one row. */
int pane_border_row(struct window *w, int yoff, int sy)
{
	int status = pane_border_status(w);

	if (sy > 1 && status == 1 && yoff == 0)
		return 1;
	if (sy > 1 && status == 2 && yoff + sy >= w->sy)
		return 2;
	return 0;
}

/* A style option of the pane as a pen over unset colours; a format in it is
 * expanded for the pane. */
static struct grid_cell pane_style(struct peer *c, struct pane *p, const char *name)
{
	const struct grid_cell unset = {.fg = COLOUR_UNSET, .bg = COLOUR_UNSET};
	const char *s = options_string(pane_options(p), name);
	struct format_ctx fc;
	struct grid_cell pen;
	char *expanded;

	if (strstr(s, "#{") == NULL)
		return style_pen(s, &unset);
	format_ctx_pane(&fc, p->srv, p);
	fc.c = c;
	expanded = format_expand(s, &fc);
	pen = style_pen(expanded, &unset);
	free(expanded);
	return pen;
}

/* An RGB colour the program set (OSC 10, 11), or unset. */
static grid_color program_colour(long rgb)
{
	return rgb < 0 ? COLOUR_UNSET
		       : GRID_COLOR_RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
}

/* tmux's rule: the active pane takes window-active-style's colours where
 * it has them, then the program's own (OSC 10, 11), then window-style's.
 * Attributes are not used. */
void pane_border_defaults(struct peer *c, struct pane *p, int active, grid_color *fg,
			  grid_color *bg)
{
	struct grid_cell ws = pane_style(c, p, "window-style"), as = ws;
	const struct oscolour *o = p->grid != NULL ? grid_colours(p->grid) : NULL;
	grid_color ofg = program_colour(o != NULL ? oscolour_get(o, OSCOLOUR_FG) : -1);
	grid_color obg = program_colour(o != NULL ? oscolour_get(o, OSCOLOUR_BG) : -1);

	if (active)
		as = pane_style(c, p, "window-active-style");
	if (!active || as.fg == COLOUR_UNSET)
		as.fg = ofg != COLOUR_UNSET ? ofg : ws.fg;
	if (!active || as.bg == COLOUR_UNSET)
		as.bg = obg != COLOUR_UNSET ? obg : ws.bg;
	*fg = as.fg == COLOUR_UNSET ? GRID_COLOR_DEFAULT : as.fg;
	*bg = as.bg == COLOUR_UNSET ? GRID_COLOR_DEFAULT : as.bg;
}

void pane_border_view(struct peer *c, struct pane *p, int active, struct render_view *v)
{
	pane_border_defaults(c, p, active, &v->def_fg, &v->def_bg);
}

enum { PART_LEFT, PART_CENTRE, PART_RIGHT };

/* The part an #[...] directive's align= starts (-1 if it has none); a fill=
 * colour goes into *fill. */
static int directive_part(const char *d, size_t len, grid_color *fill, int *filled)
{
	static const char *const names[] = {"left", "centre", "right", "absolute-centre"};
	static const int parts[] = {PART_LEFT, PART_CENTRE, PART_RIGHT, PART_CENTRE};
	int part = -1;
	size_t n;

	while (len > 0) {
		n = strcspn(d, ", ]");
		if (n > len)
			n = len;
		if (n > 6 && strncmp(d, "align=", 6) == 0) {
			for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
				if (strlen(names[i]) == n - 6 &&
				    strncmp(d + 6, names[i], n - 6) == 0)
					part = parts[i];
			}
		} else if (n > 5 && strncmp(d, "fill=", 5) == 0) {
			*filled = style_colour(d + 5, n - 5, fill) == 0;
		}
		d += n;
		len -= n;
		while (len > 0 && (*d == ',' || *d == ' ')) {
			d++;
			len--;
		}
	}
	return part;
}

/* Text [from, to) drawn at the end of a part. */
static void draw_segment(const char *from, const char *to, const struct grid_cell *base,
			 struct grid_cell *pen, struct grid_cell *part, int *n, int width)
{
	char *seg = xstrndup(from, (size_t)(to - from));

	*n += status_draw(seg, base, pen, part + *n, width - *n);
	free(seg);
}

/*
 * A border status line as tmux draws it: text after #[align=right] at the
 * right end, after #[align=centre] in the middle (where the other parts
 * leave room), the rest from the left; cells with nothing drawn are left
 * out (ch 0), or blanks of the #[fill=colour]. out has width cells.
 */
static void label_draw(const char *text, const struct grid_cell *base, struct grid_cell *out,
		       int width)
{
	struct grid_cell *part[3], pen = *base;
	int n[3] = {0, 0, 0}, cur = PART_LEFT, next, filled = 0, start;
	const char *p = text, *seg = text, *end;
	grid_color fill = GRID_COLOR_DEFAULT;

	part[0] = xcalloc((size_t)width * 3, sizeof **part);
	part[1] = part[0] + width;
	part[2] = part[1] + width;
	while (*p != '\0') {
		if (p[0] == '#' && p[1] == '#') {
			p += 2;
			continue;
		}
		if (p[0] != '#' || p[1] != '[' || (end = strchr(p + 2, ']')) == NULL) {
			p++;
			continue;
		}
		next = directive_part(p + 2, (size_t)(end - p - 2), &fill, &filled);
		if (next >= 0) {
			draw_segment(seg, p, base, &pen, part[cur], &n[cur], width);
			cur = next;
			seg = p;
		}
		p = end + 1;
	}
	draw_segment(seg, p, base, &pen, part[cur], &n[cur], width);

	for (int x = 0; x < width; x++)
		out[x] = filled ? (struct grid_cell){.ch = ' ', .bg = fill, .width = 1}
				: (struct grid_cell){0};
	memcpy(out, part[PART_LEFT], (size_t)n[PART_LEFT] * sizeof *out);
	/* the right part in what the left leaves, cut at its end */
	if (n[PART_RIGHT] > width - n[PART_LEFT])
		n[PART_RIGHT] = width - n[PART_LEFT];
	memcpy(out + width - n[PART_RIGHT], part[PART_RIGHT], (size_t)n[PART_RIGHT] * sizeof *out);
	start = width / 2 - n[PART_CENTRE] / 2;
	for (int k = 0; k < n[PART_CENTRE]; k++) {
		if (start + k >= n[PART_LEFT] && start + k < width - n[PART_RIGHT])
			out[start + k] = part[PART_CENTRE][k];
	}
	free(part[0]);
}

void pane_border_mode_colours(struct peer *c, struct pane *p, struct grid_cell *cells, int rows,
			      int cols, int top)
{
	struct render_view v;
	struct grid_cell *d;

	pane_border_view(c, p, p->window->active == p, &v);
	if (v.def_fg == GRID_COLOR_DEFAULT && v.def_bg == GRID_COLOR_DEFAULT)
		return;
	for (int y = top + p->yoff; y < top + p->yoff + p->sy && y < rows; y++) {
		for (int x = p->xoff; x < p->xoff + p->sx && x < cols; x++) {
			d = &cells[(size_t)y * (size_t)cols + (size_t)x];
			if (y < 0 || d->ch == 0)
				continue;
			if (d->fg == GRID_COLOR_DEFAULT)
				d->fg = v.def_fg;
			if (d->bg == GRID_COLOR_DEFAULT)
				d->bg = v.def_bg;
		}
	}
}

/* One pane's border status line: pane-border-format drawn in the pane's
 * border style from two cells after the pane's left edge, in its width
 * less four, on the row above (below) it. */
static void pane_label(struct peer *c, struct pane *p, const struct render_view *v,
		       const struct render_frame *f, int active, struct render_label *l,
		       struct grid_cell *cells)
{
	const struct grid_cell *base = active ? &f->active_border_pen : &f->border_pen;
	struct format_ctx fc;
	char *text;

	l->x = v->x + 2;
	l->y = f->border_status == 1 ? v->y - 1 : v->y + v->height;
	l->cells = cells;
	l->ncells = v->width - 4;
	format_ctx_pane(&fc, c->srv, p);
	fc.c = c;
	text = format_expand_time(options_string(pane_options(p), "pane-border-format"), &fc);
	label_draw(text, base, cells, l->ncells);
	free(text);
}

/* A border style holding a format (tmux's default pane-active-border-style
 * does: yellow in a mode, red with synchronize-panes) is expanded for the
 * window's active pane; attach.c parsed the others. */
static void border_pen(struct peer *c, struct window *w, const char *name, struct grid_cell *pen)
{
	const struct grid_cell base = {.ch = ' ', .width = 1};
	const char *s = options_string(window_options(w), name);
	struct format_ctx fc;
	char *expanded;

	if (strstr(s, "#{") == NULL || w->active == NULL)
		return;
	format_ctx_pane(&fc, c->srv, w->active);
	fc.c = c;
	expanded = format_expand(s, &fc);
	*pen = style_pen(expanded, &base);
	free(expanded);
}

/* What the formats use (a mode, synchronize-panes) changes by commands,
 * which ask for a frame of their own: a frame for pane output alone keeps
 * the pens the last one expanded, as it keeps the status line, since
 * expanding costs more than drawing a keystroke's echo. */
static void border_pens(struct peer *c, struct window *w, struct render_frame *f)
{
	if (c->status_keep && c->fmt_window == w && c->fmt_gen == options_generation()) {
		f->border_pen = c->fmt_border_pen;
		f->active_border_pen = c->fmt_active_border_pen;
		return;
	}
	border_pen(c, w, "pane-border-style", &f->border_pen);
	border_pen(c, w, "pane-active-border-style", &f->active_border_pen);
	c->fmt_border_pen = f->border_pen;
	c->fmt_active_border_pen = f->active_border_pen;
	c->fmt_window = w;
	c->fmt_gen = options_generation();
}

void *pane_border_frame(struct peer *c, struct window *w, struct pane **panes,
			struct render_frame *f)
{
	struct options *o = window_options(w);
	struct render_label *labels;
	struct grid_cell *cells;
	size_t ncells = 0;
	int n = 0;

	border_pens(c, w, f);

	f->border_lines = (enum render_lines)options_number(o, "pane-border-lines");
	/* the option's order is off, colour, arrows, both; colour is the
	 * renderer's zero */
	switch (options_number(o, "pane-border-indicators")) {
	case 0:
		f->border_indicators = RENDER_IND_OFF;
		break;
	case 2:
		f->border_indicators = RENDER_IND_ARROWS;
		break;
	case 3:
		f->border_indicators = RENDER_IND_BOTH;
		break;
	default:
		f->border_indicators = RENDER_IND_COLOUR;
		break;
	}
	f->border_status = pane_border_status(w);
	if (f->border_status == 0 || f->nviews == 0)
		return NULL;
	for (int i = 0; i < f->nviews; i++)
		ncells += f->views[i].width > 4 ? (size_t)f->views[i].width - 4 : 0;
	/* one block: the labels, then their cells */
	labels = xcalloc(1, (size_t)f->nviews * sizeof *labels + ncells * sizeof *cells + 1);
	cells = (struct grid_cell *)(labels + f->nviews);
	for (int i = 0; i < f->nviews; i++) {
		const struct render_view *v = &f->views[i];

		if (v->width <= 4)
			continue;
		pane_label(c, panes[i], v, f, i == f->active, &labels[n], cells);
		cells += labels[n++].ncells;
	}
	f->labels = labels;
	f->nlabels = n;
	return labels;
}
