/*
 * mouse: reports from a client's terminal turned into tmux's mouse keys,
 * and what the mouse commands need: the event's targets, passing it to a
 * pane's program, and the drags that copy mode and resize-pane -M follow.
 *
 * As in tmux, a press quickly after a press of the same button is a
 * SecondClick, a third one a TripleClick, and a DoubleClick comes when no
 * third press followed in time. The first motion with a button held is a
 * MouseDrag key of the place where the button was pressed; if its binding
 * started a drag of its own (copy-mode -M, resize-pane -M) the motion that
 * follows moves that drag and makes no keys, and the release is a
 * MouseDragEnd key.
 */
#include "server/mouse.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"
#include "render/status.h"
#include "render/tty.h"
#include "server/choose.h"
#include "server/clock.h"
#include "server/client_view.h"
#include "server/copy.h"
#include "server/layout.h"
#include "server/server.h"
#include "term/grid.h"

/* Presses closer together than this make a double or triple click (tmux's
 * fixed time in 3.3). */
#define MOUSE_CLICK_MS 300
/* Arrow keys per wheel step for a program on the alternate screen that
 * did not ask for the mouse (less, man): terminals' alternate scroll. */
#define MOUSE_WHEEL_LINES 3

/* What motion with a button held does. */
enum mouse_drag { DRAG_KEYS, DRAG_COPY, DRAG_BORDER };
enum { BORDER_LEFT = 1, BORDER_ABOVE = 2 };

struct mouse_client {
	struct peer *c;
	uv_timer_t click_timer;
	int clicks; /* 1 after a press, 2 after a second click, while the timer runs */
	int click_button, click_mod;
	uint32_t click_window, click_pane; /* where the clicks were */
	int click_where;
	struct mouse_event click; /* the second click, for its DoubleClick */
	int lx, ly;		  /* where the last event was */
	int pressed;		  /* the last press's button (X10 releases say none) */
	int drag_button;	  /* held in a drag, 0 if none */
	enum mouse_drag drag;
	uint32_t drag_pane; /* DRAG_COPY: its pane */
	int border;	    /* DRAG_BORDER: BORDER_*, and the panes left of and above it */
	uint32_t left, above;
	uint32_t sent_pane; /* %id + 1 of the pane the last press was passed to */
};

static int mouse_on(struct peer *c)
{
	return c->session != NULL && options_number(session_options(c->session), "mouse");
}

/* How many status lines (the status option: off, on, 2 to 5). */
static int status_count(struct peer *c)
{
	return (int)options_number(session_options(c->session), "status");
}

static int status_at_top(struct peer *c)
{
	return strcmp(options_string(session_options(c->session), "status-position"), "top") == 0;
}

int mouse_on_status(const struct mouse_event *m, int y)
{
	return m->status_lines > 0 && y >= m->status_row && y < m->status_row + m->status_lines;
}

static int pane_visible(const struct window *w, const struct pane *p)
{
	return p != NULL && p->window == w && (!w->zoomed || p == w->active);
}

/* The visible pane at window cell (x, y), or NULL: a border or outside. */
static struct pane *pane_at(struct window *w, int x, int y)
{
	for (struct pane *p = w->panes; p != NULL; p = p->next) {
		if (pane_visible(w, p) && x >= p->xoff && x < p->xoff + p->sx && y >= p->yoff &&
		    y < p->yoff + p->sy)
			return p;
	}
	return NULL;
}

/* The pane whose right or bottom border is at window cell (x, y); one cell
 * of tolerance takes in the corners where borders cross, as tmux. */
static struct pane *border_at(struct window *w, int x, int y)
{
	if (w->zoomed)
		return NULL;
	for (struct pane *p = w->panes; p != NULL; p = p->next) {
		if ((p->xoff + p->sx == x && p->yoff <= y + 1 && p->yoff + p->sy >= y) ||
		    (p->yoff + p->sy == y && p->xoff <= x + 1 && p->xoff + p->sx >= x))
			return p;
	}
	return NULL;
}

static struct pane *pane_by_id(struct server *srv, uint32_t id_plus_one)
{
	return id_plus_one != 0 ? pane_find_id(srv, id_plus_one - 1) : NULL;
}

/* Fill in what is at client cell (x, y): the key's place, window and pane.
 * Returns the place, or -1 if nothing is there (past the window). */
static int locate(struct peer *c, struct mouse_event *m, int x, int y)
{
	struct window *w = c->session->current, *sw;
	struct pane *p;
	long index;
	int at;

	m->window = m->pane = 0;
	if (mouse_on_status(m, y)) {
		/* a message or the prompt shows on the last line */
		if ((c->message != NULL || c->prompt_label != NULL) &&
		    y == m->status_row + m->status_lines - 1)
			return KEY_AT_STATUS_DEFAULT;
		/* the ranges of the lines as drawn: what the click was on */
		at = status_range_at(c, y - m->status_row, x, &index);
		if (at == STATUS_AT_LEFT)
			return KEY_AT_STATUS_LEFT;
		if (at == STATUS_AT_RIGHT)
			return KEY_AT_STATUS_RIGHT;
		if (at != STATUS_AT_WINDOW)
			return KEY_AT_STATUS_DEFAULT;
		/* a range of a window the session does not have: no key, as tmux */
		if (index > 0x7fffffff || (sw = window_find_index(c->session, (int)index)) == NULL)
			return -1;
		m->window = sw->id + 1;
		return KEY_AT_STATUS;
	}
	m->window = w->id + 1;
	y -= m->top;
	x += m->ox;
	if ((p = border_at(w, x, y)) != NULL) {
		m->pane = p->id + 1;
		return KEY_AT_BORDER;
	}
	if ((p = pane_at(w, x, y)) != NULL) {
		m->pane = p->id + 1;
		return KEY_AT_PANE;
	}
	return -1;
}

static void click_timer_cb(uv_timer_t *t)
{
	struct mouse_client *mc = t->data;
	struct peer *c = mc->c;
	struct mouse_event m = mc->click;

	if (mc->clicks != 2) {
		mc->clicks = 0;
		return;
	}
	mc->clicks = 0;
	/* no third press came: the second click was a double click */
	if (c->state != PEER_ATTACHED || !mouse_on(c) || c->session->id != m.session)
		return;
	m.key.cp = KEY_MOUSE_CODE(KEY_MOUSE_DOUBLE_CLICK, KEY_MOUSE_BUTTON(m.key.cp),
				  KEY_MOUSE_WHERE(m.key.cp));
	m.ignore = 1;
	attach_mouse_key(c, &m.key, &m);
}

/* A press: the first, second or third of quick presses of one button at
 * one place (pmux does not count presses in another pane as one click). */
static enum key_mouse_event click_count(struct mouse_client *mc, const struct mouse_event *m,
					int where)
{
	int same = m->button == mc->click_button && m->mod == mc->click_mod &&
		   m->window == mc->click_window && m->pane == mc->click_pane &&
		   where == mc->click_where;

	uv_timer_stop(&mc->click_timer);
	if (same && mc->clicks == 2) {
		mc->clicks = 0;
		return KEY_MOUSE_TRIPLE_CLICK;
	}
	uv_timer_start(&mc->click_timer, click_timer_cb, MOUSE_CLICK_MS, 0);
	if (same && mc->clicks == 1) {
		mc->clicks = 2;
		return KEY_MOUSE_SECOND_CLICK;
	}
	mc->clicks = 1;
	mc->click_button = m->button, mc->click_mod = m->mod;
	mc->click_window = m->window, mc->click_pane = m->pane;
	mc->click_where = where;
	return KEY_MOUSE_DOWN;
}

static void drag_stop(struct mouse_client *mc)
{
	mc->drag_button = 0;
	mc->drag = DRAG_KEYS;
}

/* Copy mode's cursor follows the pointer; past the pane's top or bottom
 * the view scrolls a line for each motion. */
static void drag_copy_update(struct peer *c, const struct mouse_event *m)
{
	struct pane *p = pane_by_id(c->srv, c->mouse->drag_pane + 1);
	char up[] = "scroll-up", down[] = "scroll-down";
	char *argv[1];
	const char *err;
	int row, col;

	if (p == NULL || p->copy == NULL || p->window != c->session->current)
		return;
	row = m->y - m->top - p->yoff;
	col = m->x + m->ox - p->xoff;
	if (row < 0 || row >= p->sy) {
		argv[0] = row < 0 ? up : down;
		copy_command(p, 1, argv, &err);
		if (p->copy == NULL)
			return;
	}
	row = row < 0 ? 0 : row >= p->sy ? p->sy - 1 : row;
	copy_set_cursor(p, row, col < 0 ? 0 : col >= p->sx ? p->sx - 1 : col);
	attach_mark_session(c->session);
}

/* Move the held border to the pointer: the pane left of it (above it)
 * grows or shrinks by the distance from its edge, so the border follows the
 * pointer even after it was held back at a pane's minimum size. */
static void drag_border_update(struct peer *c, const struct mouse_event *m)
{
	struct mouse_client *mc = c->mouse;
	struct window *w = c->session->current;
	struct pane *p;
	int x = m->x + m->ox, y = m->y - m->top;

	p = pane_find_id(c->srv, mc->left);
	if ((mc->border & BORDER_LEFT) && pane_visible(w, p) && x != p->xoff + p->sx) {
		layout_resize_leaf(p->layout, 1, x - (p->xoff + p->sx), 0);
		window_relayout(w);
	}
	p = pane_find_id(c->srv, mc->above);
	if ((mc->border & BORDER_ABOVE) && pane_visible(w, p) && y != p->yoff + p->sy) {
		layout_resize_leaf(p->layout, 0, y - (p->yoff + p->sy), 0);
		window_relayout(w);
	}
}

static int has_button(enum key_mouse_event ev)
{
	return ev != KEY_MOUSE_MOVE && ev != KEY_MOUSE_WHEEL_UP && ev != KEY_MOUSE_WHEEL_DOWN;
}

/* Turn the report into its key; 0 if it makes none. */
static int make_key(struct peer *c, const struct tty_mouse *tm, struct mouse_event *m)
{
	struct mouse_client *mc = c->mouse;
	enum key_mouse_event ev;
	int px = m->x, py = m->y, where, button = tm->button;

	switch (tm->type) {
	case TTY_MOUSE_PRESS:
	case TTY_MOUSE_RELEASE:
		if (tm->type == TTY_MOUSE_PRESS)
			mc->pressed = button;
		if (mc->drag_button != 0) {
			/* a press or release ends a drag (a press: its release got lost) */
			ev = KEY_MOUSE_DRAG_END;
			button = mc->drag_button;
		} else if (tm->type == TTY_MOUSE_RELEASE) {
			ev = KEY_MOUSE_UP;
			button = button != 0 ? button : mc->pressed;
		} else {
			ev = KEY_MOUSE_DOWN; /* counted once its place is known */
		}
		drag_stop(mc);
		break;
	case TTY_MOUSE_DRAG:
		if (mc->drag != DRAG_KEYS) {
			mc->drag_button = button;
			(mc->drag == DRAG_COPY ? drag_copy_update : drag_border_update)(c, m);
			return 0;
		}
		if (mc->drag_button == 0) {
			px = m->lx, py = m->ly; /* a drag is where it started */
			mc->drag_button = button;
		} else if (m->x == m->lx && m->y == m->ly) {
			return 0;
		}
		ev = KEY_MOUSE_DRAG;
		break;
	case TTY_MOUSE_WHEEL:
		ev = tm->button == TTY_WHEEL_UP ? KEY_MOUSE_WHEEL_UP : KEY_MOUSE_WHEEL_DOWN;
		button = tm->button == TTY_WHEEL_UP ? 4 : 5;
		break;
	default:
		ev = KEY_MOUSE_MOVE;
		button = 0;
		break;
	}
	/* tmux has keys for buttons 1 to 3 (and the wheel) */
	if ((has_button(ev) && (button < 1 || button > 3)) || (where = locate(c, m, px, py)) < 0)
		return 0;
	m->button = button;
	if (ev == KEY_MOUSE_DOWN)
		ev = click_count(mc, m, where);
	m->key.kind = KEY_MOUSE;
	m->key.mod = (VTermModifier)m->mod;
	m->key.cp = KEY_MOUSE_CODE(ev, has_button(ev) ? button : 0, where);
	if (ev == KEY_MOUSE_SECOND_CLICK)
		mc->click = *m;
	return 1;
}

/* A report from the client's terminal. Reports that arrive after mouse
 * was turned off are dropped; so is everything from a read-only client,
 * which may not change anything. */
void mouse_input(struct peer *c, const struct tty_mouse *tm)
{
	struct mouse_client *mc = c->mouse;
	struct mouse_event m = {0};
	int oy;

	if (mc == NULL)
		return;
	if (!mouse_on(c) || c->readonly || c->session->current == NULL) {
		drag_stop(mc);
		mc->clicks = 0;
		return;
	}
	m.valid = 1;
	m.x = tm->x, m.y = tm->y;
	m.lx = mc->lx, m.ly = mc->ly;
	m.mod = tm->mod;
	m.status_lines = status_count(c);
	m.top = status_at_top(c) ? m.status_lines : 0;
	m.status_row = m.top > 0 ? 0 : c->rows - m.status_lines;
	client_view_offset(c, &m.ox, &oy);
	m.top -= oy;
	m.session = c->session->id;
	mc->lx = tm->x, mc->ly = tm->y;
	if (make_key(c, tm, &m))
		attach_mouse_key(c, &m.key, &m);
}

void mouse_last(struct peer *c, int *x, int *y)
{
	*x = c->mouse != NULL ? c->mouse->lx : 0;
	*y = c->mouse != NULL ? c->mouse->ly : 0;
}

/* ---- the event's targets ---- */

struct session *mouse_session(struct server *srv, const struct mouse_event *m)
{
	return m != NULL && m->valid ? session_find_id(srv, m->session) : NULL;
}

struct window *mouse_window(struct server *srv, const struct mouse_event *m)
{
	struct session *s = mouse_session(srv, m);
	struct window *w;

	if (s == NULL)
		return NULL;
	if (m->window != 0 && (w = window_find_id(srv, m->window - 1)) != NULL && w->session == s)
		return w;
	return s->current;
}

struct pane *mouse_pane(struct server *srv, const struct mouse_event *m)
{
	struct window *w = mouse_window(srv, m);
	struct pane *p;

	if (w == NULL)
		return NULL;
	if ((p = pane_by_id(srv, m->pane)) != NULL && p->window == w)
		return p;
	return w->active;
}

int mouse_at(const struct mouse_event *m, const struct pane *p, int last, int *x, int *y)
{
	int px = (last ? m->lx : m->x) + m->ox, py = (last ? m->ly : m->y) - m->top;
	struct window *w = p->window;

	if (!m->valid || w->session->id != m->session || w->session->current != w ||
	    !pane_visible(w, p) || mouse_on_status(m, last ? m->ly : m->y))
		return -1;
	if (px < p->xoff || px >= p->xoff + p->sx || py < p->yoff || py >= p->yoff + p->sy)
		return -1;
	*x = px - p->xoff;
	*y = py - p->yoff;
	return 0;
}

/* The pane under the pointer now (not where a drag started). */
static struct pane *pane_under(struct server *srv, const struct mouse_event *m)
{
	struct session *s = mouse_session(srv, m);

	if (s == NULL || s->current == NULL || mouse_on_status(m, m->y))
		return NULL;
	return pane_at(s->current, m->x + m->ox, m->y - m->top);
}

/* ---- passing the event to a pane's program ---- */

/* Does the pane's program get mouse events? Not while a mode shows. */
static int mouse_wanted(struct pane *p)
{
	return p->copy == NULL && p->choose == NULL && p->clock == NULL &&
	       grid_mouse_mode(p->grid) != VTERM_PROP_MOUSE_NONE;
}

int mouse_hover_wanted(struct pane *p)
{
	return p->copy == NULL && grid_mouse_mode(p->grid) == VTERM_PROP_MOUSE_MOVE;
}

/* Tell libvterm where the pointer is, relative to the pane and clamped to
 * it; it reports the motion if the program's mode asks for that. */
static void move_to(struct pane *p, const struct mouse_event *m)
{
	int x = m->x + m->ox - p->xoff, y = m->y - m->top - p->yoff;

	x = x < 0 ? 0 : x >= p->sx ? p->sx - 1 : x;
	y = y < 0 ? 0 : y >= p->sy ? p->sy - 1 : y;
	grid_mouse_move(p->grid, y, x, (VTermModifier)m->mod);
}

static void forward_press(struct mouse_client *mc, struct pane *p, const struct mouse_event *m)
{
	mc->sent_pane = 0;
	if (p == NULL)
		return;
	if (p->clock != NULL) {
		clock_exit(p); /* any key leaves clock mode */
		return;
	}
	if (!mouse_wanted(p))
		return;
	move_to(p, m);
	grid_mouse_button(p->grid, m->button, 1, (VTermModifier)m->mod);
	mc->sent_pane = p->id + 1;
}

/* The release always reaches the pane the press went to, so that neither
 * the program nor libvterm is left with a button held. */
static void forward_release(struct mouse_client *mc, struct server *srv,
			    const struct mouse_event *m)
{
	struct pane *p = pane_by_id(srv, mc->sent_pane);

	mc->sent_pane = 0;
	if (p == NULL || p->copy != NULL || p->choose != NULL)
		return;
	if (pane_visible(p->window, p))
		move_to(p, m);
	grid_mouse_button(p->grid, m->button, 0, (VTermModifier)m->mod);
}

/* The wheel: a program that asked for the mouse gets it (buttons 4 and 5),
 * one on the alternate screen gets arrow keys. */
static void forward_wheel(struct pane *p, const struct mouse_event *m)
{
	if (p == NULL)
		return;
	if (p->clock != NULL) {
		clock_exit(p);
	} else if (mouse_wanted(p)) {
		move_to(p, m);
		grid_mouse_button(p->grid, m->button, 1, (VTermModifier)m->mod);
	} else if (p->copy == NULL && p->choose == NULL && grid_alt_screen(p->grid)) {
		for (int i = 0; i < MOUSE_WHEEL_LINES; i++)
			grid_key(p->grid, m->button == 4 ? VTERM_KEY_UP : VTERM_KEY_DOWN,
				 VTERM_MOD_NONE);
	}
}

/* Tree and buffer mode take clicks (the line clicked) and double clicks
 * (choose it), as tmux's mode tree. Returns 1 if the event was for it. */
static int forward_choose(struct peer *c, struct pane *p, const struct mouse_event *m)
{
	enum key_mouse_event ev = KEY_MOUSE_EVENT(m->key.cp);
	int x, y;

	if (p == NULL || p->choose == NULL)
		return 0;
	switch (ev) {
	case KEY_MOUSE_DOWN:
	case KEY_MOUSE_DOUBLE_CLICK:
		if (m->button != 2 && mouse_at(m, p, 0, &x, &y) == 0)
			choose_mouse(c, p, y, ev == KEY_MOUSE_DOUBLE_CLICK);
		return 1;
	case KEY_MOUSE_SECOND_CLICK:
	case KEY_MOUSE_TRIPLE_CLICK:
	case KEY_MOUSE_WHEEL_UP: /* tmux 3.3's mode tree has no use for it */
	case KEY_MOUSE_WHEEL_DOWN:
		return 1;
	default:
		return 0; /* a release still goes to the pane its press went to */
	}
}

void mouse_forward(struct peer *c, const struct mouse_event *m)
{
	struct mouse_client *mc = c != NULL ? c->mouse : NULL;
	struct pane *p, *under;

	if (mc == NULL || !m->valid || c->readonly)
		return;
	under = pane_under(c->srv, m);
	if (forward_choose(c, under, m) || m->ignore)
		return;
	switch (KEY_MOUSE_EVENT(m->key.cp)) {
	case KEY_MOUSE_DOWN:
	case KEY_MOUSE_SECOND_CLICK:
	case KEY_MOUSE_TRIPLE_CLICK:
		forward_press(mc, under, m);
		break;
	case KEY_MOUSE_UP:
	case KEY_MOUSE_DRAG_END:
		forward_release(mc, c->srv, m);
		break;
	case KEY_MOUSE_DRAG:
		/* to the pane pressed in, while the pointer is inside it */
		p = pane_by_id(c->srv, mc->sent_pane);
		if (p != NULL && p == under && mouse_wanted(p))
			move_to(p, m);
		break;
	case KEY_MOUSE_WHEEL_UP:
	case KEY_MOUSE_WHEEL_DOWN:
		forward_wheel(under, m);
		break;
	case KEY_MOUSE_MOVE:
		if (under != NULL && mouse_hover_wanted(under))
			move_to(under, m);
		break;
	case KEY_MOUSE_DOUBLE_CLICK:
		break;
	}
}

/* ---- drags started by commands ---- */

void mouse_copy_cursor(const struct mouse_event *m, struct pane *p)
{
	int x, y;

	if (p->copy != NULL && mouse_at(m, p, 0, &x, &y) == 0)
		copy_set_cursor(p, y, x);
}

void mouse_drag_copy(struct peer *c, const struct mouse_event *m, struct pane *p)
{
	char begin[] = "begin-selection";
	char *argv[] = {begin};
	const char *err;
	int x, y;

	if (p->copy == NULL)
		return;
	if (mouse_at(m, p, 1, &x, &y) == 0 || mouse_at(m, p, 0, &x, &y) == 0)
		copy_set_cursor(p, y, x);
	copy_command(p, 1, argv, &err);
	if (c != NULL && c->mouse != NULL && c->state == PEER_ATTACHED) {
		c->mouse->drag = DRAG_COPY;
		c->mouse->drag_pane = p->id;
	}
}

void mouse_drag_border(struct peer *c, const struct mouse_event *m)
{
	struct mouse_client *mc = c != NULL ? c->mouse : NULL;
	struct window *w;
	int x = m->lx + m->ox, y = m->ly - m->top;

	if (mc == NULL || c->state != PEER_ATTACHED || c->session->id != m->session ||
	    (w = c->session->current) == NULL || w->zoomed)
		return;
	mc->border = 0;
	for (struct pane *p = w->panes; p != NULL; p = p->next) {
		if (!(mc->border & BORDER_LEFT) && p->xoff + p->sx == x && p->yoff <= y + 1 &&
		    p->yoff + p->sy >= y) {
			mc->border |= BORDER_LEFT;
			mc->left = p->id;
		}
		if (!(mc->border & BORDER_ABOVE) && p->yoff + p->sy == y && p->xoff <= x + 1 &&
		    p->xoff + p->sx >= x) {
			mc->border |= BORDER_ABOVE;
			mc->above = p->id;
		}
	}
	if (mc->border == 0)
		return;
	mc->drag = DRAG_BORDER;
	drag_border_update(c, m);
}

/* ---- formats ---- */

/* The grid row under the event in pane p (copy mode shows history). */
static int text_row(const struct mouse_event *m, struct pane *p, int *row, int *col)
{
	if (mouse_at(m, p, 0, col, row) != 0)
		return -1;
	if (p->copy != NULL)
		*row -= copy_offset(p);
	return 0;
}

char *mouse_line(struct server *srv, const struct mouse_event *m)
{
	struct pane *p = pane_under(srv, m);
	int row, col;

	if (p == NULL || text_row(m, p, &row, &col) != 0)
		return NULL;
	return mouse_line_at(p, row);
}

char *mouse_line_at(struct pane *p, int row)
{
	size_t len;
	char *text = grid_capture(p->grid, row, row, 0, &len);

	if (len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
	return text;
}

static int word_char(struct pane *p, const struct grid_cell *c)
{
	const char *sep = options_string(session_options(p->window->session), "word-separators");

	if (c->ch == GRID_CH_WIDE_CONT)
		return 1;
	if (c->ch == 0 || c->ch == ' ')
		return 0;
	return (c->flags & GRID_CELL_COMBINED) || c->ch >= 0x80 || strchr(sep, (int)c->ch) == NULL;
}

char *mouse_word(struct server *srv, const struct mouse_event *m)
{
	struct pane *p = pane_under(srv, m);
	int row, col;

	if (p == NULL || text_row(m, p, &row, &col) != 0)
		return NULL;
	return mouse_word_at(p, row, col);
}

char *mouse_word_at(struct pane *p, int row, int col)
{
	const struct grid_cell *cells;
	int start, end, cols;
	struct buf b;
	char u[32];

	if (row < -grid_history_size(p->grid) || row >= grid_rows(p->grid) || col < 0)
		return NULL;
	cells = grid_line(p->grid, row);
	cols = grid_cols(p->grid);
	if (col >= cols || !word_char(p, &cells[col]))
		return NULL;
	for (start = col; start > 0 && word_char(p, &cells[start - 1]); start--)
		;
	for (end = col; end < cols - 1 && word_char(p, &cells[end + 1]); end++)
		;
	buf_init(&b);
	for (int x = start; x <= end; x++)
		buf_add(&b, u, grid_cell_utf8(p->grid, &cells[x], u));
	return buf_detach(&b);
}

/* ---- the client's state ---- */

void mouse_client_new(struct peer *c)
{
	struct mouse_client *mc = xcalloc(1, sizeof *mc);

	mc->c = c;
	uv_timer_init(c->srv->loop, &mc->click_timer);
	mc->click_timer.data = mc;
	c->mouse = mc;
}

static void click_timer_closed(uv_handle_t *h)
{
	free(h->data);
}

void mouse_client_free(struct peer *c)
{
	if (c->mouse == NULL)
		return;
	uv_close((uv_handle_t *)&c->mouse->click_timer, click_timer_closed);
	c->mouse = NULL;
}
