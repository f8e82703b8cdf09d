/*
 * popup_menu: the menu the right button shows over a popup (on its left or
 * top border, or outside it), as in tmux 3.3: close the popup, paste the
 * newest buffer into its program, make it fill the client's screen or
 * centre it, or turn it into a pane (popup_pane.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/options.h"
#include "render/box.h"
#include "server/menu.h"
#include "server/popup.h"
#include "server/popup_int.h"
#include "server/server.h"

enum { ITEM_CLOSE, ITEM_PASTE, ITEM_FILL, ITEM_CENTRE, ITEM_HPANE, ITEM_VPANE };

/* The box on the whole client's screen, as tmux: status line included. */
static void popup_fill(struct popup *p)
{
	struct peer *c = p->c;
	int b = p->lines != BOX_NONE;

	if (c->cols - 2 * b < 1 || c->rows - 2 * b < 1)
		return;
	p->x = 0;
	p->y = 0;
	popup_set_size(p, c->cols, c->rows);
}

static void popup_centre(struct popup *p)
{
	struct peer *c = p->c;

	p->x = (c->cols - p->w) / 2;
	p->y = (c->rows - p->h) / 2;
	if (p->x < 0)
		p->x = 0;
	if (p->y < 0)
		p->y = 0;
}

/* As tmux: the buffer's bytes as they are, not as a bracketed paste. */
static void popup_paste_top(struct popup *p)
{
	struct paste_buffer *pb = buffers_top(&p->srv->buffers);

	if (pb != NULL && !p->exited)
		popup_write(p, pb->data, pb->size);
}

static void popup_menu_done(struct peer *c, int choice, void *arg)
{
	struct popup *p = c->popup;
	const int *items = arg;
	int item = choice >= 0 ? items[choice] : -1;

	free(arg);
	if (p == NULL || !p->menu_shown)
		return;
	p->menu_shown = 0;
	if (item == ITEM_CLOSE) {
		popup_close(c);
		return;
	}
	if (item == ITEM_HPANE || item == ITEM_VPANE) {
		popup_to_pane(p, item == ITEM_HPANE);
		return;
	}
	if (item == ITEM_PASTE)
		popup_paste_top(p);
	else if (item == ITEM_FILL)
		popup_fill(p);
	else if (item == ITEM_CENTRE)
		popup_centre(p);
	attach_mark_client(c);
}

/* An item, and what it does in items[] at its index. */
static void add(struct menu *m, int *items, int *n, const char *name, const char *key, int item)
{
	items[(*n)++] = item;
	menu_add(m, name, key, "");
}

void popup_menu(struct popup *p, int x, int y)
{
	struct peer *c = p->c;
	struct options *o = session_options(c->session);
	struct paste_buffer *pb = buffers_top(&p->srv->buffers);
	struct menu_look look;
	struct menu *m;
	int *items = xcalloc(10, sizeof *items), n = 0, w, h;
	char *paste = NULL;

	look.style = options_string(o, "menu-style");
	look.selected_style = options_string(o, "menu-selected-style");
	look.border_style = options_string(o, "menu-border-style");
	look.lines = box_lines_parse(options_string(o, "menu-border-lines"));
	if (look.lines < 0)
		look.lines = BOX_SINGLE;
	m = menu_new(NULL, &look);
	add(m, items, &n, "Close", "q", ITEM_CLOSE);
	if (pb != NULL) {
		paste = xasprintf("Paste #[underscore]%s", pb->name);
		add(m, items, &n, paste, "p", ITEM_PASTE);
		free(paste);
	}
	add(m, items, &n, NULL, NULL, -1);
	add(m, items, &n, "Fill Space", "F", ITEM_FILL);
	add(m, items, &n, "Centre", "C", ITEM_CENTRE);
	add(m, items, &n, NULL, NULL, -1);
	add(m, items, &n, "To Horizontal Pane", "h", ITEM_HPANE);
	add(m, items, &n, "To Vertical Pane", "v", ITEM_VPANE);
	menu_size(m, c->cols, &w, &h);
	if (w > c->cols || h > c->rows) {
		menu_free(m);
		free(items);
		return;
	}
	/* centred on the pointer, its top at the pointer's row, on the screen */
	x -= w / 2;
	if (x + w > c->cols)
		x = c->cols - w;
	if (y + h > c->rows)
		y = c->rows - h;
	menu_set_done(m, popup_menu_done, items);
	menu_show(c, m, x < 0 ? 0 : x, y < 0 ? 0 : y, -1, NULL, NULL);
	p->menu_shown = 1; /* (after menu_show: it closes any menu before) */
}
