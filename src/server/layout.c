/* layout: splitting, removing and resizing cells of a window's layout tree. */
#include <stdlib.h>

#include "server/layout.h"
#include "util/buf.h"

struct layout *layout_new_leaf(void *pane, int sx, int sy)
{
	struct layout *l = xcalloc(1, sizeof *l);

	l->type = LAYOUT_PANE;
	l->pane = pane;
	l->sx = sx;
	l->sy = sy;
	return l;
}

void layout_free(struct layout *l)
{
	struct layout *c, *next;

	if (l == NULL)
		return;
	for (c = l->first; c != NULL; c = next) {
		next = c->next;
		layout_free(c);
	}
	free(l);
}

int layout_count_children(const struct layout *l)
{
	const struct layout *c;
	int n = 0;

	for (c = l->first; c != NULL; c = c->next)
		n++;
	return n;
}

static void insert_after(struct layout *parent, struct layout *prev, struct layout *l)
{
	l->parent = parent;
	if (prev == NULL) {
		l->next = parent->first;
		parent->first = l;
	} else {
		l->next = prev->next;
		prev->next = l;
	}
}

static struct layout *previous_sibling(struct layout *l)
{
	struct layout *c;

	if (l->parent == NULL || l->parent->first == l)
		return NULL;
	for (c = l->parent->first; c->next != l; c = c->next)
		;
	return c;
}

/* Turn a leaf into a container of one leaf holding the same pane, so that a
 * split in a new direction has a parent of the right type. */
static struct layout *wrap_leaf(struct layout *leaf, enum layout_type type)
{
	struct layout *child = layout_new_leaf(leaf->pane, leaf->sx, leaf->sy);

	child->xoff = leaf->xoff;
	child->yoff = leaf->yoff;
	leaf->type = type;
	leaf->pane = NULL;
	leaf->first = NULL;
	insert_after(leaf, NULL, child);
	return child;
}

struct layout *layout_split(struct layout *leaf, int horizontal, int size, int before, void *pane)
{
	enum layout_type type = horizontal ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
	int saved = horizontal ? leaf->sx : leaf->sy;
	int size1, size2;
	struct layout *nl;

	if (saved < 3)
		return NULL;
	/* tmux's arithmetic: the new cell gets half rounded down, the old
	 * one the rest less the border (120 columns: 60 | 59). */
	if (size < 0)
		size2 = (saved + 1) / 2 - 1;
	else if (before)
		size2 = saved - size - 1;
	else
		size2 = size;
	if (size2 < 1)
		size2 = 1;
	if (size2 > saved - 2)
		size2 = saved - 2;
	size1 = saved - 1 - size2;

	if (leaf->parent == NULL || leaf->parent->type != type)
		leaf = wrap_leaf(leaf, type);
	nl = layout_new_leaf(pane, leaf->sx, leaf->sy);
	if (before) {
		insert_after(leaf->parent, previous_sibling(leaf), nl);
		if (horizontal) {
			nl->sx = size1;
			leaf->sx = size2;
		} else {
			nl->sy = size1;
			leaf->sy = size2;
		}
	} else {
		insert_after(leaf->parent, leaf, nl);
		if (horizontal) {
			leaf->sx = size1;
			nl->sx = size2;
		} else {
			leaf->sy = size1;
			nl->sy = size2;
		}
	}
	return nl;
}

/* A container left with one child is replaced by that child. */
static void collapse(struct layout **root, struct layout *parent)
{
	struct layout *only = parent->first;

	if (only == NULL || only->next != NULL)
		return;
	parent->type = only->type;
	parent->pane = only->pane;
	parent->first = only->first;
	for (struct layout *c = parent->first; c != NULL; c = c->next)
		c->parent = parent;
	free(only);
	/* The merged cell may now have the same direction as its parent:
	 * splice its children in so the tree stays canonical. */
	if (parent->parent != NULL && parent->parent->type == parent->type &&
	    parent->type != LAYOUT_PANE) {
		struct layout *grand = parent->parent, *prev = previous_sibling(parent);
		struct layout *c = parent->first, *next;

		if (prev == NULL)
			grand->first = parent->next;
		else
			prev->next = parent->next;
		for (; c != NULL; c = next) {
			next = c->next;
			insert_after(grand, prev, c);
			prev = c;
		}
		free(parent);
	}
	(void)root;
}

void layout_remove(struct layout **root, struct layout *leaf)
{
	struct layout *parent = leaf->parent, *prev, *gets;

	if (parent == NULL) {
		free(leaf);
		*root = NULL;
		return;
	}
	prev = previous_sibling(leaf);
	gets = prev != NULL ? prev : leaf->next;
	if (parent->type == LAYOUT_LEFTRIGHT)
		layout_resize(gets, gets->sx + leaf->sx + 1, gets->sy);
	else
		layout_resize(gets, gets->sx, gets->sy + leaf->sy + 1);
	if (prev == NULL)
		parent->first = leaf->next;
	else
		prev->next = leaf->next;
	free(leaf);
	collapse(root, parent);
	layout_fix_offsets(*root);
}

/* Share out total cells between n children in proportion to their old
 * sizes, every child keeping at least one cell. */
static void resize_children(struct layout *l, int horizontal, int newsize)
{
	int n = layout_count_children(l);
	int oldsize = horizontal ? l->sx : l->sy;
	int oldavail = oldsize - (n - 1), avail = newsize - (n - 1), used = 0, i = 0;
	struct layout *c;

	for (c = l->first; c != NULL; c = c->next, i++) {
		int old = horizontal ? c->sx : c->sy, size;

		if (c->next == NULL)
			size = avail - used;
		else if (oldavail > 0)
			size = (int)((long)old * avail / oldavail);
		else
			size = avail / n;
		if (size < 1)
			size = 1;
		used += size;
		if (horizontal)
			layout_resize(c, size, l->sy);
		else
			layout_resize(c, l->sx, size);
	}
}

void layout_resize(struct layout *l, int sx, int sy)
{
	struct layout *c;

	if (sx < 1)
		sx = 1;
	if (sy < 1)
		sy = 1;
	if (l->type == LAYOUT_LEFTRIGHT) {
		resize_children(l, 1, sx);
		for (c = l->first; c != NULL; c = c->next)
			layout_resize(c, c->sx, sy);
	} else if (l->type == LAYOUT_TOPBOTTOM) {
		resize_children(l, 0, sy);
		for (c = l->first; c != NULL; c = c->next)
			layout_resize(c, sx, c->sy);
	}
	l->sx = sx;
	l->sy = sy;
}

void layout_fix_offsets(struct layout *l)
{
	struct layout *c;
	int x, y;

	if (l == NULL)
		return;
	x = l->xoff;
	y = l->yoff;
	for (c = l->first; c != NULL; c = c->next) {
		c->xoff = x;
		c->yoff = y;
		if (l->type == LAYOUT_LEFTRIGHT)
			x += c->sx + 1;
		else
			y += c->sy + 1;
		layout_fix_offsets(c);
	}
}

void layout_each_leaf(struct layout *l, void (*fn)(struct layout *leaf, void *ctx), void *ctx)
{
	struct layout *c, *next;

	if (l == NULL)
		return;
	if (l->type == LAYOUT_PANE) {
		fn(l, ctx);
		return;
	}
	for (c = l->first; c != NULL; c = next) {
		next = c->next;
		layout_each_leaf(c, fn, ctx);
	}
}
