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
/* split-window -f: the same across the whole window, the new cell at the
 * right (left with before) or bottom (top) edge, the old cells resized in
 * proportion. *root may change. Returns the new leaf or NULL. */
struct layout *layout_split_full(struct layout **root, int horizontal, int size, int before,
				 void *pane);
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
/*
 * Parse a layout string for a window of npanes panes. Returns a tree with
 * offsets fixed and empty leaves (fill with layout_assign), at the string's
 * size; or NULL with *cause set (malloc'd) when the checksum or syntax is
 * wrong, the sizes do not add up, or there are more panes than cells. With
 * fewer panes, cells are closed from the bottom right as tmux does.
 */
struct layout *layout_parse(const char *s, int npanes, char **cause);
/* Put panes[0], panes[1]… into the leaves in order. */
void layout_assign(struct layout *root, void **panes);
int layout_count_leaves(const struct layout *l);

/* tmux's resize arithmetic; horizontal means along the x axis. */
int layout_resize_check(const struct layout *l, int horizontal);
void layout_resize_adjust(struct layout *l, int horizontal, int change);
/* Even out a container's children; returns whether anything changed. */
int layout_spread(struct layout *l);
/* resize-pane -L/-R/-U/-D: move the leaf's border by change cells. */
void layout_resize_leaf(struct layout *leaf, int horizontal, int change, int opposite);
/* resize-pane -x/-y: make the leaf's cell size cells along the axis. */
void layout_resize_leaf_to(struct layout *leaf, int horizontal, int size);

/* Preset layouts, in next-layout order. */
enum {
	LAYOUT_EVEN_HORIZONTAL,
	LAYOUT_EVEN_VERTICAL,
	LAYOUT_MAIN_HORIZONTAL,
	LAYOUT_MAIN_VERTICAL,
	LAYOUT_TILED,
	LAYOUT_NPRESETS
};
const char *layout_preset_name(int which);
/* An exact name or unique prefix; -1 if none. */
int layout_preset_lookup(const char *name);
/*
 * A new tree laying out n panes in a sx by sy window; main_opt and
 * other_opt are main-pane-width/height and other-pane-width/height ("N" or
 * "N%", other may be NULL) for the main presets.
 */
struct layout *layout_preset(int which, void **panes, int n, int sx, int sy, const char *main_opt,
			     const char *other_opt);

#endif
