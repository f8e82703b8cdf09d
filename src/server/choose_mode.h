/*
 * choose_mode: what the modes over a pane (buffer mode, tree mode) give the
 * shared mode tree in choose.c: their items, their preview and how their
 * items are killed. Private to server/choose*.c.
 */
#ifndef PMUX_SERVER_CHOOSE_MODE_H
#define PMUX_SERVER_CHOOSE_MODE_H

#include "server/choose.h"

struct format_ctx;

/* One line of the list. Items are added in tree order: an item's children
 * follow it with a greater depth. */
struct choose_item {
	char *id;     /* identity across rebuilds: current line, tags, expansion */
	char *name;   /* before ": " */
	char *text;   /* after it; NULL: the name alone */
	char *target; /* %% in the template */
	void *obj;    /* the mode's object, valid until the next rebuild */
	int depth, parent;
	int children, expanded, shown, last, tagged;
	int pad; /* no children but a sibling has: "  " for the symbol */
};

/* The pane's cells on the client's screen, for drawing the mode. */
struct choose_area {
	struct grid_cell *cells;
	int rows, cols;
	int x0, y0, w, h;
};

struct choose_mode {
	const char *name; /* #{pane_mode} */
	const char *format, *tmpl;
	const char *const *sorts; /* -O names, the default first */
	int nsorts;
	int kill_key;	    /* kills the current item; its upper case the tagged */
	int run_tagged_key; /* runs the template for the tagged items, or 0 */
	void (*build)(struct pane *p);
	/* The preview of item it between rows top and bottom (the box's). */
	void (*preview)(struct pane *p, struct choose_item *it, struct choose_area *a, int top,
			int bottom);
	void (*kill)(struct peer *c, struct pane *p, int tagged);
	/* More keys that act (client mode's); 0 if k is not one. May be NULL. */
	int (*key)(struct peer *c, struct pane *p, const struct key *k);
	/* The id of the first current item. */
	char *(*start)(struct pane *p);
	/* Enter and the shortcut keys when the mode has no template to run
	 * (customize mode's); NULL: run the template. */
	void (*choose)(struct peer *c, struct pane *p);
	/* Whether item it matches a search for text; NULL: whether its name
	 * has the text. */
	int (*search)(struct pane *p, struct choose_item *it, const char *text);
};

extern const struct choose_mode choose_buffer_mode;
extern const struct choose_mode choose_tree_mode;
extern const struct choose_mode choose_client_mode;
extern const struct choose_mode choose_customize_mode;

/* Compares two items by the sort key by (an index into the mode's sorts). */
typedef int choose_compare(const void *a, const void *b, int by);

/* For build: the order of its items (by -O, reversed with -r), the settings,
 * and adding an item (strings are copied). */
void choose_order(struct pane *p, void *items, size_t n, size_t size, choose_compare *compare);
const char *choose_format(struct pane *p);
/* Whether the filter keeps the object fc describes. */
int choose_kept(struct pane *p, const struct format_ctx *fc);
void choose_add(struct pane *p, int depth, const char *id, const char *name, const char *target,
		const char *text, void *obj);

/* For the actions. */
const struct choose_mode *choose_mode_of(struct pane *p);
int choose_count(struct pane *p);
struct choose_item *choose_item(struct pane *p, int i);
struct choose_item *choose_current(struct pane *p);
void choose_rebuild(struct pane *p);
/* The index of the item with that id, or -1; of the current item (-1 when
 * there are none). */
int choose_index(struct pane *p, const char *id);
int choose_current_index(struct pane *p);
/* Item i becomes the current one, its ancestors expanded. */
void choose_show(struct pane *p, int i);
/* The filter (f, -f), NULL for none; setting "" clears it. Rebuilds. */
const char *choose_filter(struct pane *p);
void choose_set_filter(struct pane *p, const char *filter);
/* The last search (C-s), NULL for none. */
const char *choose_search_text(struct pane *p);
void choose_set_search(struct pane *p, const char *text);
/* Tells this mode from a later one in the same pane. */
unsigned choose_serial(struct pane *p);
/* The next line becomes the current one, if there is one. */
void choose_move_down(struct pane *p);
void choose_run_text(struct peer *c, struct pane *p, const char *text);

/* For previews: how far < and > moved the preview (reset when the current
 * item changes). */
int choose_preview_shift(struct pane *p);
void choose_set_preview_shift(struct pane *p, int shift);
void choose_put(struct choose_area *a, int y, int x, uint32_t cp, int width,
		const struct grid_cell *pen);
/* Pane p's screen cropped to w x h at x, y, around its cursor (tree mode's,
 * also client mode's preview). */
void choose_draw_screen(struct choose_area *a, struct pane *p, int x, int y, int w, int h);
int choose_put_text(struct choose_area *a, int y, int x, int x1, const char *s,
		    const struct grid_cell *pen);

/* choose_search.c: ask client c on its status line; Enter gives the text
 * to fn if the mode is still there (rebuilt first). type is the prompt
 * history's. */
typedef void choose_prompt_fn(struct peer *c, struct pane *p, const char *text);
void choose_prompt(struct peer *c, struct pane *p, const char *label, const char *input, int type,
		   choose_prompt_fn *fn);
/* C-s, /, n, N and f; 0 if k is not one. */
int choose_search_key(struct peer *c, struct pane *p, const struct key *k);
/* Whether size bytes at data hold text (a search in a buffer's text). */
int choose_text_has(const char *data, size_t size, const char *text);

#endif
