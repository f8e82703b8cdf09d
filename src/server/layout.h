/*
 * layout: the tree that places a window's panes. A leaf holds one pane; a
 * container lays its children out left-to-right or top-to-bottom with a
 * one-cell border between neighbours. Pure arithmetic, no I/O.
 */
#ifndef PMUX_SERVER_LAYOUT_H
#define PMUX_SERVER_LAYOUT_H

enum layout_type {
	LAYOUT_PANE,
	LAYOUT_LEFTRIGHT,
	LAYOUT_TOPBOTTOM,
};

struct layout {
	enum layout_type type;
	struct layout *parent;
	struct layout *first; /* children, containers only */
	struct layout *next;  /* sibling */
	int sx, sy, xoff, yoff;
	void *pane; /* leaves only */
};

struct layout *layout_new_leaf(void *pane, int sx, int sy);
void layout_free(struct layout *l);
/*
 * Split a leaf: horizontal puts the new pane to the right (left with
 * before), otherwise below (above). size is the new pane's cells, or -1 for
 * half. Returns the new leaf, or NULL if there is no room.
 */
struct layout *layout_split(struct layout *leaf, int horizontal, int size, int before, void *pane);
/* Remove a leaf, giving its space to a neighbour. Returns the new root
 * (NULL when the tree is empty); *root must be the tree's root. */
void layout_remove(struct layout **root, struct layout *leaf);
/* Fit the tree to a new size, keeping proportions. */
void layout_resize(struct layout *root, int sx, int sy);
/* Recompute offsets from the root's position down. */
void layout_fix_offsets(struct layout *root);
/* Call fn for each leaf in order. */
void layout_each_leaf(struct layout *root, void (*fn)(struct layout *leaf, void *ctx), void *ctx);
int layout_count_children(const struct layout *l);
/*
 * tmux's layout string ("b25d,120x40,0,0{60x40,0,0,1,59x40,61,0,2}"): the
 * checksum, then cells "WxH,X,Y" with ",ID" (the pane's id) for a leaf, {}
 * around left-right children and [] around top-bottom ones. Leaves must
 * hold a struct pane *. The caller frees the result.
 */
char *layout_dump(const struct layout *root);
/* The checksum tmux puts in front of a layout body. */
unsigned int layout_checksum(const char *body);

#endif
