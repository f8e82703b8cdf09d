/*
 * client_view: a client's view over a window bigger than its screen. The
 * offset is worked out for each frame from the window's size, the
 * client's and the cursor's place, so nothing needs updating when any of
 * them changes; only a pan is remembered (per client, for one window).
 */
#include "server/client_view.h"
#include "cmd/options.h"
#include "server/client_flags.h"
#include "server/copy.h"
#include "server/server.h"

/* The client's window area: its screen less the status lines. */
static void client_area(struct peer *c, int *sx, int *sy)
{
	*sx = c->cols;
	*sy = c->rows - (int)options_number(session_options(c->session), "status");
	if (*sy < 1)
		*sy = 1;
}

/* One direction of the view that follows the cursor at window cell cur:
 * none while it is within the first screenful, the far edge once it is
 * within the last, else the cursor in the middle (tmux's rule). */
static int follow(int cur, int size, int area)
{
	if (cur < area)
		return 0;
	if (cur > size - area)
		return size - area;
	return cur - area / 2;
}

static int clamp(int v, int size, int area)
{
	if (v > size - area)
		v = size - area;
	return v < 0 ? 0 : v;
}

/* The cursor of the client's active pane, in window cells. */
static void cursor_cell(struct peer *c, struct window *w, int *cx, int *cy)
{
	struct pane *p = client_window_pane(c, w);
	int row = 0, col = 0;

	*cx = *cy = 0;
	if (p == NULL || p->grid == NULL)
		return;
	if (p->copy != NULL)
		copy_cursor(p, &row, &col);
	else
		grid_cursor(p->grid, &row, &col);
	*cx = p->xoff + col;
	*cy = p->yoff + row;
}

void client_view_offset(struct peer *c, int *ox, int *oy)
{
	struct window *w = c->session != NULL ? c->session->current : NULL;
	int sx, sy, cx, cy;

	*ox = *oy = 0;
	if (w == NULL)
		return;
	client_area(c, &sx, &sy);
	if (w->sx <= sx && w->sy <= sy)
		return;
	if (c->pan_window == w->id + 1) {
		*ox = w->sx > sx ? clamp(c->pan_ox, w->sx, sx) : 0;
		*oy = w->sy > sy ? clamp(c->pan_oy, w->sy, sy) : 0;
		return;
	}
	cursor_cell(c, w, &cx, &cy);
	*ox = w->sx > sx ? follow(cx, w->sx, sx) : 0;
	*oy = w->sy > sy ? follow(cy, w->sy, sy) : 0;
}

void client_view_pan(struct peer *c, char dir, int adjustment)
{
	struct window *w = c->session != NULL ? c->session->current : NULL;
	int sx, sy;

	if (w == NULL)
		return;
	if (c->pan_window != w->id + 1) {
		/* a pan starts from what the client shows now */
		client_view_offset(c, &c->pan_ox, &c->pan_oy);
		c->pan_window = w->id + 1;
	}
	client_area(c, &sx, &sy);
	switch (dir) {
	case 'L':
		c->pan_ox = c->pan_ox > adjustment ? c->pan_ox - adjustment : 0;
		break;
	case 'R':
		c->pan_ox = clamp(c->pan_ox + adjustment, w->sx, sx);
		break;
	case 'U':
		c->pan_oy = c->pan_oy > adjustment ? c->pan_oy - adjustment : 0;
		break;
	case 'D':
		c->pan_oy = clamp(c->pan_oy + adjustment, w->sy, sy);
		break;
	}
}

void client_view_follow(struct peer *c)
{
	c->pan_window = 0;
}
