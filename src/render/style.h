/*
 * style: tmux style strings ("fg=red,bg=colour235,bold", "#[…]" directives
 * in status formats) applied to a pen, a struct grid_cell whose fg, bg and
 * attr are what matter.
 */
#ifndef PMUX_RENDER_STYLE_H
#define PMUX_RENDER_STYLE_H

#include "term/grid.h"

/*
 * Parse a colour: default, terminal, black..white, brightblack..brightwhite,
 * colour0-255 (or color), a bare 0-255, #rrggbb, X11's names (DarkGreen). Returns 0 and *out, 1 for
 * "default" (the caller's base colour; *out untouched), -1 if unknown.
 */
int style_colour(const char *s, size_t len, grid_color *out);
/* A colour option's value as RGB (a palette index as tmux converts it), or
 * -1 for default, none or an unknown colour. */
long style_colour_rgb(const char *s);
/* A colour as RGB (an index as tmux converts it), or -1 for the default. */
long style_rgb(grid_color c);
/* A colour as tmux names it in formats: default, red, brightred,
 * colour100, #rrggbb. */
void style_colour_name(grid_color c, char *out, size_t size);

/*
 * Apply style string s (items separated by commas or spaces) on top of *pen.
 * "default" (and fg=default, bg=default) go back to base; "none"/"noattr"
 * clear the attributes; "noX" clears attribute X. tmux's layout directives
 * (align=, list=, range=, fill=, push-default, pop-default, ignore, …) are
 * checked and ignored. Returns 0, or -1 with a message in *err (malloc'd,
 * when err is not NULL) and *pen unchanged.
 */
int style_parse(const char *s, const struct grid_cell *base, struct grid_cell *pen, char **err);

/* What a #[…] directive of a status format says about the layout (tmux's
 * STYLES: align=, list=, range=, fill=, push-default, pop-default). align,
 * list and range carry over from one directive to the next, as the pen
 * does; fill and push are what this directive asked, for its caller. */
enum style_align {
	STYLE_ALIGN_DEFAULT, /* none given: left, but a list there is not drawn */
	STYLE_ALIGN_LEFT,
	STYLE_ALIGN_CENTRE,
	STYLE_ALIGN_RIGHT,
	STYLE_ALIGN_ABSOLUTE_CENTRE
};
enum style_list {
	STYLE_LIST_OFF,
	STYLE_LIST_ON,
	STYLE_LIST_FOCUS,
	STYLE_LIST_LEFT,
	STYLE_LIST_RIGHT
};
enum style_range { STYLE_RANGE_NONE, STYLE_RANGE_LEFT, STYLE_RANGE_RIGHT, STYLE_RANGE_WINDOW };
enum style_default { STYLE_DEFAULT_KEEP, STYLE_DEFAULT_PUSH, STYLE_DEFAULT_POP };
struct style_layout {
	enum style_align align;
	enum style_list list;
	enum style_range range;
	long range_arg; /* STYLE_RANGE_WINDOW: the window index */
	int has_fill;
	grid_color fill;
	enum style_default push;
};

/* style_parse that also applies the layout items to *lay (unchanged too on
 * an error). */
int style_parse_layout(const char *s, const struct grid_cell *base, struct grid_cell *pen,
		       struct style_layout *lay, char **err);

/* 0 if s is a valid style or holds a format (#{…}, checked when it is
 * expanded), else -1 with a message in *err (malloc'd). */
int style_check(const char *s, char **err);

/* A pen from an option's style on top of base; an invalid style is base. */
struct grid_cell style_pen(const char *s, const struct grid_cell *base);

#endif
