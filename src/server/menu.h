/*
 * menu: a client's menu (display-menu), a box of items drawn over its
 * screen. Up/Down (k/j) move between the items that can be chosen, Enter
 * or an item's key chooses one and runs its command for the client,
 * Escape, q, C-c and C-g close it. An item without a name is a separator;
 * a disabled item is shown dim and cannot be chosen.
 */
#ifndef PMUX_SERVER_MENU_H
#define PMUX_SERVER_MENU_H

struct peer;
struct pane;
struct key;
struct cmd_ctx;
struct box_area;
struct tty_mouse;
struct menu;

/* The look of a menu: style strings and a border-lines name. */
struct menu_look {
	const char *style, *selected_style, *border_style;
	int lines; /* enum box_lines */
};

/* An empty menu with a title (a string with #[style] directives, or NULL). */
struct menu *menu_new(const char *title, const struct menu_look *look);
void menu_free(struct menu *m);
/* Add an item: name NULL is a separator; key is a key name or "" for none
 * (one that is not a key name is none too); command is run when it is
 * chosen. A name starting with '-' is disabled. */
void menu_add(struct menu *m, const char *name, const char *key, const char *command);
/* The box's size on a client max_width columns wide. */
void menu_size(struct menu *m, int max_width, int *w, int *h);
/* Show m on c with its box's top-left corner at (x, y); the menu is c's
 * from now on. pane, if not NULL, is the target of the commands. wait, if
 * not NULL, is a suspended command list resumed when the menu closes. The
 * first item that can be chosen is selected, or the starting choice if it
 * can be. */
void menu_show(struct peer *c, struct menu *m, int x, int y, int choice, struct pane *pane,
	       struct cmd_ctx *wait);
/* The mouse event its commands run with (display-menu in a mouse binding:
 * the = target, #{mouse_word}). */
struct mouse_event;
void menu_set_mouse(struct menu *m, const struct mouse_event *ev);
/* A menu of the server's own (a popup's): fn is called once when it goes,
 * with the item chosen or -1, instead of running the items' commands. */
typedef void menu_done_fn(struct peer *c, int choice, void *arg);
void menu_set_done(struct menu *m, menu_done_fn *fn, void *arg);
/* display-menu -O: a mouse button released off the items leaves the menu
 * open (a press outside it closes it). */
void menu_set_stay_open(struct menu *m);
/* Close c's menu, if any, without running anything. */
void menu_close(struct peer *c);
/* A key while c has a menu: returns 1 if the menu took it. */
int menu_key(struct peer *c, const struct key *k);
/* A mouse event while c has a menu: returns 1 if the menu took it (it
 * takes all). A button released on an item chooses it, one released
 * elsewhere closes the menu (with -O, a press outside it does). */
int menu_mouse(struct peer *c, const struct tty_mouse *m);
/* Draw c's menu into its overlay. */
void menu_draw(struct peer *c, const struct box_area *a);

#endif
