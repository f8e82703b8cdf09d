/* menu: display-menu's box of items (see menu.h). */
#include "server/menu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "render/box.h"
#include "render/tty.h"
#include "render/style.h"
#include "server/server.h"
#include "term/key.h"

/* The items PageUp and PageDown move over. */
#define MENU_PAGE 5

struct menu_item {
	char *name; /* NULL: a separator */
	int disabled;
	int has_key;
	struct key key;
	char keyname[32];
	char *command;
};

struct menu {
	char *title;
	struct menu_item *items;
	int n;
	struct grid_cell style, selected, border;
	int lines;

	/* while shown */
	int x, y, w, h;
	int choice;		  /* -1: none */
	uint32_t pane;		  /* %id + 1 of the commands' target, or 0 */
	struct mouse_event mouse; /* of the mouse binding that showed it (valid set) */
	int stay_open;		  /* -O: a release off the items leaves it open */
	menu_done_fn *done;	  /* instead of the items' commands */
	void *done_arg;
	struct cmd_ctx *wait;
};

static const struct grid_cell menu_base = {.ch = ' ', .width = 1};

struct menu *menu_new(const char *title, const struct menu_look *look)
{
	struct menu *m = xcalloc(1, sizeof *m);

	m->title = xstrdup(title != NULL ? title : "");
	m->style = style_pen(look->style, &menu_base);
	m->selected = style_pen(look->selected_style, &m->style);
	m->border = style_pen(look->border_style, &m->style);
	m->lines = look->lines;
	m->choice = -1;
	return m;
}

void menu_free(struct menu *m)
{
	if (m == NULL)
		return;
	for (int i = 0; i < m->n; i++) {
		free(m->items[i].name);
		free(m->items[i].command);
	}
	free(m->items);
	free(m->title);
	free(m);
}

void menu_add(struct menu *m, const char *name, const char *key, const char *command)
{
	struct menu_item it;

	memset(&it, 0, sizeof it);
	/* as tmux: a key it cannot read is no key */
	if (key != NULL && *key != '\0' && key_parse(key, &it.key) == 0) {
		it.has_key = 1;
		key_name(&it.key, it.keyname, sizeof it.keyname);
	}
	if (name != NULL) {
		it.disabled = name[0] == '-';
		it.name = xstrdup(name + it.disabled);
		it.command = xstrdup(command != NULL ? command : "");
	}
	m->items = xrealloc(m->items, sizeof *m->items * (size_t)(m->n + 1));
	m->items[m->n++] = it;
}

/* What an item's key adds to its width: " (key)". */
static int key_width(const struct menu_item *it)
{
	return it->has_key && !it->disabled ? (int)strlen(it->keyname) + 3 : 0;
}

void menu_size(struct menu *m, int max_width, int *w, int *h)
{
	int width = box_text_width(m->title), iw;

	for (int i = 0; i < m->n; i++) {
		if (m->items[i].name == NULL)
			continue;
		iw = box_text_width(m->items[i].name) + key_width(&m->items[i]);
		if (iw > width)
			width = iw;
	}
	if (width > max_width - 4)
		width = max_width - 4; /* long names are cut to fit */
	if (width < 1)
		width = 1;
	*w = width + 4;
	*h = m->n + 2;
}

static int selectable(const struct menu *m, int i)
{
	return i >= 0 && i < m->n && m->items[i].name != NULL && !m->items[i].disabled;
}

/* The next item that can be chosen from i in direction dir (wrapping), or
 * i when there is none. */
static int menu_step(const struct menu *m, int i, int dir)
{
	for (int k = 0, j = i; k < m->n; k++) {
		j = (j + dir + m->n) % m->n;
		if (selectable(m, j))
			return j;
	}
	return i;
}

/* The item that can be chosen nearest to i on the dir side, without
 * wrapping (PageUp, PageDown, g, G). */
static int menu_clamp(const struct menu *m, int i, int dir)
{
	i = i < 0 ? 0 : i >= m->n ? m->n - 1 : i;
	for (int j = i; j >= 0 && j < m->n; j += dir) {
		if (selectable(m, j))
			return j;
	}
	for (int j = i; j >= 0 && j < m->n; j -= dir) {
		if (selectable(m, j))
			return j;
	}
	return -1;
}

void menu_show(struct peer *c, struct menu *m, int x, int y, int choice, struct pane *pane,
	       struct cmd_ctx *wait)
{
	menu_close(c);
	menu_size(m, c->cols, &m->w, &m->h);
	m->x = x;
	m->y = y;
	m->choice = selectable(m, choice) ? choice : menu_clamp(m, 0, 1);
	m->pane = pane != NULL ? pane->id + 1 : 0;
	m->wait = wait;
	c->menu = m;
	attach_mark_client(c);
}

/* Take the menu off the client (and wake the command that showed it). */
static struct menu *menu_take(struct peer *c)
{
	struct menu *m = c->menu;
	struct cmd_ctx *wait;

	if (m == NULL)
		return NULL;
	c->menu = NULL;
	wait = m->wait;
	m->wait = NULL;
	if (c->state == PEER_ATTACHED)
		attach_mark_client(c);
	if (wait != NULL)
		cmd_resume(wait);
	return m;
}

void menu_set_mouse(struct menu *m, const struct mouse_event *ev)
{
	m->mouse = *ev;
}

void menu_set_done(struct menu *m, menu_done_fn *fn, void *arg)
{
	m->done = fn;
	m->done_arg = arg;
}

void menu_set_stay_open(struct menu *m)
{
	m->stay_open = 1;
}

void menu_close(struct peer *c)
{
	struct menu *m = menu_take(c);

	if (m != NULL && m->done != NULL)
		m->done(c, -1, m->done_arg);
	menu_free(m);
}

/* Run item i's command for the client, after the menu has gone (the
 * command may show another). */
static void menu_choose(struct peer *c, int i)
{
	struct menu *m = menu_take(c);
	struct pane *p = NULL;

	if (m->done != NULL) {
		m->done(c, selectable(m, i) ? i : -1, m->done_arg);
	} else if (selectable(m, i) && *m->items[i].command != '\0') {
		if (m->pane != 0)
			p = pane_find_id(c->srv, m->pane - 1);
		attach_run_command_at(c, m->items[i].command, p, m->mouse.valid ? &m->mouse : NULL);
	}
	menu_free(m);
}

static int is_ctrl(const struct key *k, char ch)
{
	return k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && k->cp == (uint32_t)ch;
}

static int is_char(const struct key *k, char ch)
{
	return k->kind == KEY_CHAR && k->mod == 0 && k->cp == (uint32_t)ch;
}

static int is_sym(const struct key *k, VTermKey sym)
{
	return k->kind == KEY_SYM && k->mod == 0 && k->sym == sym;
}

int menu_key(struct peer *c, const struct key *k)
{
	struct menu *m = c->menu;

	if (m == NULL)
		return 0;
	for (int i = 0; i < m->n; i++) {
		if (selectable(m, i) && m->items[i].has_key && key_equal(k, &m->items[i].key)) {
			menu_choose(c, i);
			return 1;
		}
	}
	if (is_sym(k, VTERM_KEY_ENTER) || is_sym(k, VTERM_KEY_KP_ENTER) || is_ctrl(k, 'm')) {
		menu_choose(c, m->choice);
		return 1;
	}
	if (is_sym(k, VTERM_KEY_ESCAPE) || is_char(k, 'q') || is_ctrl(k, 'c') || is_ctrl(k, 'g')) {
		menu_close(c);
		return 1;
	}
	if (m->choice >= 0) {
		if (is_sym(k, VTERM_KEY_UP) || is_char(k, 'k'))
			m->choice = menu_step(m, m->choice, -1);
		else if (is_sym(k, VTERM_KEY_DOWN) || is_char(k, 'j'))
			m->choice = menu_step(m, m->choice, 1);
		else if (is_sym(k, VTERM_KEY_PAGEUP))
			m->choice = menu_clamp(m, m->choice - MENU_PAGE, -1);
		else if (is_sym(k, VTERM_KEY_PAGEDOWN))
			m->choice = menu_clamp(m, m->choice + MENU_PAGE, 1);
		else if (is_char(k, 'g'))
			m->choice = menu_clamp(m, 0, 1);
		else if (is_char(k, 'G'))
			m->choice = menu_clamp(m, m->n - 1, -1);
	}
	attach_mark_client(c);
	return 1; /* other keys do nothing while the menu shows */
}

/* As tmux does for a menu shown by a mouse binding: a button released on
 * an item chooses it (whichever button, and wherever it was pressed, so
 * that pressing to show the menu, dragging and releasing works), and
 * released anywhere else closes the menu, unless it stays open (-O): then
 * a press outside it closes it. Moving with a button held selects the
 * item under the pointer. */
int menu_mouse(struct peer *c, const struct tty_mouse *mo)
{
	struct menu *m = c->menu;
	int inside, i;

	if (m == NULL)
		return 0;
	inside = mo->x >= m->x && mo->x < m->x + m->w && mo->y >= m->y && mo->y < m->y + m->h;
	i = inside ? mo->y - m->y - 1 : -1;
	if (!selectable(m, i))
		i = -1;
	if (mo->type == TTY_MOUSE_RELEASE) {
		if (i >= 0)
			menu_choose(c, i);
		else if (!m->stay_open)
			menu_close(c);
	} else if (mo->type == TTY_MOUSE_PRESS && !inside && m->stay_open) {
		menu_close(c);
	} else if (mo->type != TTY_MOUSE_WHEEL && i >= 0 && i != m->choice) {
		m->choice = i; /* pressed or moved over */
		attach_mark_client(c);
	}
	return 1;
}

/* Item i on row y: its name (cut with '>' when too long) and key, in the
 * menu's width. */
static void draw_item(const struct box_area *a, const struct menu *m, int i, int y)
{
	const struct menu_item *it = &m->items[i];
	int width = m->w - 4, kw = key_width(it), avail = width - kw, n;
	struct grid_cell pen = i == m->choice ? m->selected : m->style;
	char keytext[40];

	if (it->name == NULL) {
		box_separator(a, m->x, y, m->w, m->lines, &m->border);
		return;
	}
	if (it->disabled)
		pen.attr |= GRID_ATTR_DIM;
	box_fill(a, m->x + 2, y, width, 1, &pen);
	if (box_text_width(it->name) > avail) {
		n = box_text(a, m->x + 2, y, avail - 1, it->name, &pen);
		box_text(a, m->x + 2 + n, y, 1, ">", &pen);
	} else {
		box_text(a, m->x + 2, y, avail, it->name, &pen);
	}
	if (kw > 0) {
		snprintf(keytext, sizeof keytext, "(%s)", it->keyname);
		box_text(a, m->x + 2 + width - (kw - 1), y, kw - 1, keytext, &pen);
	}
}

void menu_draw(struct peer *c, const struct box_area *a)
{
	struct menu *m = c->menu;

	if (m == NULL)
		return;
	box_fill(a, m->x + 1, m->y + 1, m->w - 2, m->h - 2, &m->style);
	box_draw(a, m->x, m->y, m->w, m->h, m->lines, &m->border, m->title);
	for (int i = 0; i < m->n; i++)
		draw_item(a, m, i, m->y + 1 + i);
}
