/*
 * popup_mouse: the mouse over a popup, as in tmux 3.3. Dragging its border
 * with the left button moves the box, with the right button resizes it
 * (its bottom-right corner goes to the pointer); with Meta held the same
 * works anywhere in it. The right button on the left or top border, or
 * outside the box, shows the popup's menu. Other events inside go to the
 * program if it asked for the mouse, relative to its screen.
 */
#include "server/popup.h"

#include "render/box.h"
#include "render/tty.h"
#include "server/popup_int.h"
#include "server/server.h"
#include "term/grid.h"

enum where { OUTSIDE, INSIDE, LEFT, RIGHT, TOP, BOTTOM };

/* Where client cell (x, y) is on the popup. */
static enum where popup_where(const struct popup *p, int x, int y)
{
	if (x < p->x || x >= p->x + p->w || y < p->y || y >= p->y + p->h)
		return OUTSIDE;
	if (p->lines == BOX_NONE)
		return INSIDE;
	if (x == p->x)
		return LEFT;
	if (x == p->x + p->w - 1)
		return RIGHT;
	if (y == p->y)
		return TOP;
	if (y == p->y + p->h - 1)
		return BOTTOM;
	return INSIDE;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The box follows the pointer, held where it was taken, and stays on the
 * client's screen (the status line included, as in tmux). */
static void popup_drag_move(struct popup *p, const struct tty_mouse *m)
{
	struct peer *c = p->c;
	int x = m->x - p->drag_dx, y = m->y - p->drag_dy;

	x = clamp(x, 0, c->cols - p->w);
	y = clamp(y, 0, c->rows - p->h);
	if (x < 0 || y < 0 || (x == p->x && y == p->y))
		return;
	p->x = x;
	p->y = y;
	attach_mark_client(c);
}

/* The box's bottom-right corner goes just before the pointer, as long as
 * the program keeps at least one cell and the box stays on the screen. */
static void popup_drag_size(struct popup *p, const struct tty_mouse *m)
{
	struct peer *c = p->c;
	int b = p->lines != BOX_NONE, w = m->x - p->x, h = m->y - p->y;

	if (w - 2 * b < 1 || h - 2 * b < 1 || p->x + w > c->cols || p->y + h > c->rows)
		return;
	if (w == p->w && h == p->h)
		return;
	popup_set_size(p, w, h);
	attach_mark_client(c);
}

/* A drag under way: motion moves or resizes, a press or release ends it. */
static void popup_drag(struct popup *p, const struct tty_mouse *m)
{
	if (m->type == TTY_MOUSE_PRESS || m->type == TTY_MOUSE_RELEASE)
		p->drag = POPUP_DRAG_NONE;
	else if (m->type == TTY_MOUSE_DRAG && p->drag == POPUP_DRAG_MOVE)
		popup_drag_move(p, m);
	else if (m->type == TTY_MOUSE_DRAG && p->drag == POPUP_DRAG_SIZE)
		popup_drag_size(p, m);
}

/* An event for the box itself (on its border, or with Meta): the first
 * motion with a button held starts a drag, from where the event before it
 * was; the left button moves the box, the right one resizes it. Nothing
 * else of it reaches the program. */
static void popup_grab(struct popup *p, const struct tty_mouse *m)
{
	if (m->type != TTY_MOUSE_DRAG)
		return;
	if (p->press_button == 1)
		p->drag = POPUP_DRAG_MOVE;
	else if (p->press_button == 3)
		p->drag = POPUP_DRAG_SIZE;
	p->drag_dx = p->last_x - p->x;
	p->drag_dy = p->last_y - p->y;
}

/* An event inside for the program, if it asked for the mouse: relative to
 * its screen, a drag or release that leaves it at its edge. */
static void popup_forward(struct popup *p, const struct tty_mouse *m)
{
	VTermModifier mod = (VTermModifier)m->mod;
	int x, y, w, h;

	popup_inner(p, &x, &y, &w, &h);
	if (p->exited || w < 1 || h < 1 || grid_mouse_mode(p->grid) == VTERM_PROP_MOUSE_NONE)
		return;
	grid_mouse_move(p->grid, clamp(m->y - y, 0, h - 1), clamp(m->x - x, 0, w - 1), mod);
	if (m->type == TTY_MOUSE_PRESS) {
		p->mouse_button = m->button;
		grid_mouse_button(p->grid, m->button, 1, mod);
	} else if (m->type == TTY_MOUSE_RELEASE) {
		grid_mouse_button(p->grid, m->button != 0 ? m->button : p->mouse_button, 0, mod);
		p->mouse_button = 0;
	} else if (m->type == TTY_MOUSE_WHEEL) {
		grid_mouse_button(p->grid, m->button == TTY_WHEEL_UP ? 4 : 5, 1, mod);
	}
}

static void popup_mouse_event(struct popup *p, const struct tty_mouse *m)
{
	enum where at = popup_where(p, m->x, m->y);
	int border = at != INSIDE && at != OUTSIDE;

	if (p->drag != POPUP_DRAG_NONE) {
		popup_drag(p, m);
		return;
	}
	if (p->mouse_button != 0 && (m->type == TTY_MOUSE_DRAG || m->type == TTY_MOUSE_RELEASE)) {
		popup_forward(p, m); /* the program has a button held: it gets it back */
		return;
	}
	if (m->type == TTY_MOUSE_PRESS) {
		p->press_button = m->button;
		p->press_border = border;
	}
	if (m->type == TTY_MOUSE_PRESS && m->button == 3 && m->mod == 0 &&
	    (at == OUTSIDE || at == LEFT || at == TOP)) {
		popup_menu(p, m->x, m->y);
		return;
	}
	if (at == OUTSIDE)
		return;
	/* tmux decides on the first motion's place; a press on the border
	 * counts too, so that dragging a border straight off it works */
	if (border || m->mod == VTERM_MOD_ALT || (m->type == TTY_MOUSE_DRAG && p->press_border))
		popup_grab(p, m);
	else
		popup_forward(p, m);
}

int popup_wants_mouse(struct peer *c)
{
	struct popup *p = c->popup;

	return p != NULL && !p->exited && grid_mouse_mode(p->grid) != VTERM_PROP_MOUSE_NONE;
}

int popup_mouse(struct peer *c, const struct tty_mouse *m)
{
	struct popup *p = c->popup;

	if (p == NULL)
		return 0;
	if (c->readonly)
		return 1;
	popup_mouse_event(p, m);
	if (c->popup == p) {
		p->last_x = m->x;
		p->last_y = m->y;
		if (m->type == TTY_MOUSE_RELEASE)
			p->press_button = 0, p->press_border = 0;
	}
	return 1;
}
