/*
 * render: compose what one client sees and send only what changed. It keeps
 * a shadow of the client's screen; a frame compares the panes' grids with the
 * shadow and draws the differing cells as same-pen runs through the client's
 * TickitTerm (libtickit's own buffer does not diff).
 */
#ifndef PMUX_RENDER_RENDER_H
#define PMUX_RENDER_RENDER_H

#include "render/tty.h"
#include "term/grid.h"

/* One pane's place on the client's screen. */
struct render_view {
	struct grid *grid;
	int x, y;	   /* top-left corner on the client's screen */
	int width, height; /* cells shown (may be smaller than the grid) */

	/* Copy mode (all zero otherwise). View row gy shows grid row
	 * gy - offset (history when offset > 0); selected cells and the
	 * indicator (right-aligned on the top row, ASCII) are drawn in
	 * mode_pen (fg, bg, attr); the cursor is at cursor_row/col of the
	 * view instead of the grid's. Selection rows are grid rows. */
	int copy;
	int offset;
	int sel, sel_rect, sel_sy, sel_sx, sel_ey, sel_ex;
	struct grid_cell mode_pen;
	/* Per cell of the view (height rows of width): 1 the marked line
	 * (mark_pen), 2 a search match (match_pen), 3 the current match
	 * (current_pen); or NULL. */
	const uint8_t *marks;
	struct grid_cell mark_pen, match_pen, current_pen;
	const char *indicator;
	int cursor_row, cursor_col;

	/* Synchronized output: the client goes on showing what it shows in
	 * this view (unless the whole screen is being redrawn). */
	int hold;

	/* window-style: the colours its cells of the default colour take
	 * (GRID_COLOR_DEFAULT: the terminal's own). */
	grid_color def_fg, def_bg;
	/* pane-colours: RGB for palette indexes 0-255 (-1: the terminal's); or
	 * NULL. */
	const int32_t *palette;
	/* pane-border-lines number: the number its border cells show. */
	int number;
	/* cursor-style: the cursor (DECSCUSR 1-6) of a pane whose program
	 * chose none; 0 leaves the terminal's own. */
	int cursor_style;
};

/* pane-border-lines */
enum render_lines {
	RENDER_LINES_SINGLE,
	RENDER_LINES_DOUBLE,
	RENDER_LINES_HEAVY,
	RENDER_LINES_SIMPLE,
	RENDER_LINES_NUMBER,
};

/* pane-border-indicators: colour is the zero value, tmux's default */
enum render_indicators {
	RENDER_IND_COLOUR, /* with two panes, each colours half the border between them */
	RENDER_IND_OFF,
	RENDER_IND_ARROWS, /* arrows on the active pane's borders point at it */
	RENDER_IND_BOTH,
};

/* Cells drawn over the borders (a pane's border status line), normalised as
 * the status line's: wide characters as a cell of width 2 then one of
 * GRID_CH_WIDE_CONT. A cell with ch 0 lets the border show. */
struct render_label {
	int x, y; /* on the client's screen */
	int ncells;
	const struct grid_cell *cells;
};

struct render_frame {
	const struct render_view *views;
	int nviews;
	int active;	    /* index of the view that has the cursor */
	const char *status; /* status line text (UTF-8) in black on green, or NULL */
	int status_top;	    /* status line at the top instead of the bottom */

	/* A styled status line instead of status: status_ncells cells (wide
	 * characters as a cell of width 2 then one of GRID_CH_WIDE_CONT);
	 * short lines are padded with default blanks. */
	const struct grid_cell *status_cells;
	int status_ncells;
	int status_lines; /* rows of status_cells, each status_ncells (0: one) */
	/* The cursor on the last status row (a command prompt) instead of the
	 * active view's. */
	int status_cursor;
	int status_cursor_x;

	/* Pane borders: the cells of this rectangle no view covers are drawn
	 * as box-drawing lines; those next to the active view in
	 * active_border_pen, the rest in border_pen (fg, bg, attr used).
	 * area_w == 0: no borders, uncovered cells are blank. */
	int area_x, area_y, area_w, area_h;
	struct grid_cell border_pen, active_border_pen;
	uint32_t fill_ch; /* the client's screen beyond the window (0: a dot) */
	/* cursor-colour of the active pane (cursor_rgb), when cursor_coloured;
	 * else the terminal's own */
	int cursor_coloured;
	uint32_t cursor_rgb;
	enum render_lines border_lines;
	enum render_indicators border_indicators;
	/* pane-border-status: 1 top, 2 bottom. Then the row above (below) a
	 * pane is its own, not the pane's above (below) as well. */
	int border_status;
	/* Drawn over the borders, clipped to the window's area. */
	const struct render_label *labels;
	int nlabels;

	/* Overlays (display-panes, choose modes, menus, popup borders):
	 * overlay_rows x overlay_cols cells of the client's screen drawn over
	 * the views, borders and status line; a cell with ch 0 lets what is
	 * under it show. */
	const struct grid_cell *overlay;
	int overlay_rows, overlay_cols;
	int cursor_hidden; /* no cursor (a choose mode fills the active pane) */

	/* A popup's screen (display-popup), drawn over everything else; its
	 * cells in default colours take floating_pen's fg and bg. It has the
	 * cursor. NULL: none. */
	const struct render_view *floating;
	struct grid_cell floating_pen;
	/* Cells drawn over the popup's screen (its menu), as overlay's; NULL:
	 * none. */
	const struct grid_cell *overlay_top;
};

struct render;

struct render *render_new(struct tty *t);
void render_free(struct render *r);
/* Forget the shadow: the next frame redraws everything (after a resize, a
 * tty_stop/tty_start, or after output to the client was dropped). */
void render_invalidate(struct render *r);
/* Send the panes' OSC 8 hyperlinks (the terminal has them) or not. */
void render_set_hyperlinks(struct render *r, int on);
/* Draw the frame: only the cells that differ from the shadow. */
void render_draw(struct render *r, const struct render_frame *f);
/* Write data to the terminal as it is, with the cursor at row, col first
 * (-1: where it is). Afterwards the cursor's place and the pen are taken as
 * unknown, since the data may have moved or changed them. */
void render_raw(struct render *r, int row, int col, const char *data, size_t len);
/* How many rows the last frame composed and compared (the others were
 * unchanged and skipped), for tests. */
int render_rows_composed(const struct render *r);
/* How many cells of views the last frame composed (a row that changed in a
 * few columns composes only those and their neighbours). */
int render_cells_composed(const struct render *r);

#endif
