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

/* tmux's rule: the active pane takes window-active-style's colours where
 * it has them, window-style's otherwise. Attributes are not used. */
void pane_border_view(struct peer *c, struct pane *p, int active, struct render_view *v)
{
	struct grid_cell ws = pane_style(c, p, "window-style"), as;

	if (active) {
		as = pane_style(c, p, "window-active-style");
		if (as.fg != COLOUR_UNSET)
			ws.fg = as.fg;
		if (as.bg != COLOUR_UNSET)
			ws.bg = as.bg;
	}
	v->def_fg = ws.fg == COLOUR_UNSET ? GRID_COLOR_DEFAULT : ws.fg;
	v->def_bg = ws.bg == COLOUR_UNSET ? GRID_COLOR_DEFAULT : ws.bg;
}

/* One pane's border status line: pane-border-format drawn in the pane's
 * border style from two cells after the pane's left edge, in its width
 * less four, on the row above (below) it. Returns the cells used. */
static int pane_label(struct peer *c, struct pane *p, const struct render_view *v,
		      const struct render_frame *f, int active, struct render_label *l,
		      struct grid_cell *cells)
{
	const struct grid_cell *base = active ? &f->active_border_pen : &f->border_pen;
	struct grid_cell pen = *base;
	struct format_ctx fc;
	char *text;

	l->x = v->x + 2;
	l->y = f->border_status == 1 ? v->y - 1 : v->y + v->height;
	l->cells = cells;
	format_ctx_pane(&fc, c->srv, p);
	fc.c = c;
	text = format_expand_time(options_string(pane_options(p), "pane-border-format"), &fc);
	l->ncells = status_draw(text, base, &pen, cells, v->width - 4);
	free(text);
	return l->ncells;
}

void *pane_border_frame(struct peer *c, struct window *w, struct pane **panes,
			struct render_frame *f)
{
	struct options *o = window_options(w);
	struct render_label *labels;
	struct grid_cell *cells;
	size_t ncells = 0;
	int n = 0;

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
		cells += pane_label(c, panes[i], v, f, i == f->active, &labels[n++], cells);
	}
	f->labels = labels;
	f->nlabels = n;
	return labels;
}
