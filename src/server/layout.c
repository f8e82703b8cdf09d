/* layout: a window's layout tree — splitting, removing, resizing, tmux's
 * presets and layout strings — with tmux 3.3's arithmetic throughout. */
#include <stdlib.h>
#include <string.h>

#include "server/layout.h"
#include "server/server.h"
#include "util/buf.h"

static int along(const struct layout *l, int horizontal);

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

/* tmux's arithmetic for the new cell of a split of saved cells: half rounded
 * down (120 columns: 60 | 59), or the size asked for, counted from the other
 * side with -b (where tmux's unsigned arithmetic wraps). */
static int split_new_size(int saved, int size, int before)
{
	if (size < 0)
		return (saved + 1) / 2 - 1;
	if (before)
		return saved - size - 1 < 0 ? saved : saved - size - 1;
	return size;
}

struct layout *layout_split(struct layout *leaf, int horizontal, int size, int before, void *pane)
{
	enum layout_type type = horizontal ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
	int saved = horizontal ? leaf->sx : leaf->sy;
	int size1, size2;
	struct layout *nl;

	if (saved < 3)
		return NULL;
	size2 = split_new_size(saved, size, before);
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

/* A container left with one child is replaced by that child. Like tmux,
 * the child keeps its own type even when that matches its new parent's, so
 * that layout strings come out the same. */
static void collapse(struct layout *parent)
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
}

void layout_remove(struct layout **root, struct layout *leaf)
{
	struct layout *parent = leaf->parent, *prev, *gets;

	if (parent == NULL) {
		free(leaf);
		*root = NULL;
		return;
	}
	/* The space goes to the cell before, or after for the first. */
	prev = previous_sibling(leaf);
	gets = prev != NULL ? prev : leaf->next;
	if (parent->type == LAYOUT_LEFTRIGHT)
		layout_resize_adjust(gets, 1, leaf->sx + 1);
	else
		layout_resize_adjust(gets, 0, leaf->sy + 1);
	if (prev == NULL)
		parent->first = leaf->next;
	else
		prev->next = leaf->next;
	free(leaf);
	collapse(parent);
	layout_fix_offsets(*root);
}

/* One axis of layout_resize: never below what the cells can give up; a
 * tree already at its minimum only grows. */
static void resize_axis(struct layout *root, int horizontal, int size)
{
	int change = size - along(root, horizontal);
	int limit = layout_resize_check(root, horizontal);

	if (change < 0 && change < -limit)
		change = -limit;
	if (limit == 0 && size <= along(root, horizontal))
		change = 0;
	if (change != 0)
		layout_resize_adjust(root, horizontal, change);
}

/* Fit the tree to a new window size the way tmux does, so layout strings
 * after a resize match: cells grow or shrink one at a time in turn from
 * the first (layout_resize_adjust), none below one cell. A window too
 * small for its panes leaves the tree larger than the window. */
void layout_resize(struct layout *root, int sx, int sy)
{
	resize_axis(root, 1, sx);
	resize_axis(root, 0, sy);
	layout_fix_offsets(root);
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

/* tmux's 16-bit rotating checksum over a layout body. */
unsigned int layout_checksum(const char *s)
{
	unsigned int csum = 0;

	for (; *s != '\0'; s++) {
		csum = (csum >> 1) + ((csum & 1) << 15);
		csum += (unsigned char)*s;
		csum &= 0xffff;
	}
	return csum;
}

static void dump_cell(struct buf *b, const struct layout *l)
{
	const struct layout *c;

	buf_printf(b, "%dx%d,%d,%d", l->sx, l->sy, l->xoff, l->yoff);
	if (l->type == LAYOUT_PANE) {
		const struct pane *p = l->pane;

		buf_printf(b, ",%u", p != NULL ? p->id : 0);
		return;
	}
	buf_addc(b, l->type == LAYOUT_LEFTRIGHT ? '{' : '[');
	for (c = l->first; c != NULL; c = c->next) {
		dump_cell(b, c);
		if (c->next != NULL)
			buf_addc(b, ',');
	}
	buf_addc(b, l->type == LAYOUT_LEFTRIGHT ? '}' : ']');
}

char *layout_dump(const struct layout *root)
{
	struct buf body;
	char *out;

	if (root == NULL)
		return NULL;
	buf_init(&body);
	dump_cell(&body, root);
	out = xasprintf("%04x,%s", layout_checksum(buf_cstr(&body)), buf_cstr(&body));
	buf_free(&body);
	return out;
}

/*
 * Parsing tmux's layout strings. The grammar is
 *   cell := W "x" H "," X "," Y ( "," ID | "{" cells "}" | "[" cells "]" )?
 * The pane ids in the string are not used: panes are assigned in order.
 */
static int parse_number(const char **sp, int *out)
{
	const char *s = *sp;
	long n = 0;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (*s - '0');
		if (n > 100000) /* no window is this big: reject, don't overflow */
			return -1;
	}
	*out = (int)n;
	*sp = s;
	return 0;
}

static int parse_expect(const char **sp, char c)
{
	if (**sp != c)
		return -1;
	(*sp)++;
	return 0;
}

static struct layout *parse_cell(const char **sp, int depth);

static int parse_children(struct layout *l, const char **sp, int depth, char close)
{
	struct layout *prev = NULL, *c;

	do {
		(*sp)++; /* the opening bracket or the comma */
		if ((c = parse_cell(sp, depth + 1)) == NULL)
			return -1;
		insert_after(l, prev, c);
		prev = c;
	} while (**sp == ',');
	return parse_expect(sp, close);
}

static struct layout *parse_cell(const char **sp, int depth)
{
	struct layout *l;
	int sx, sy, x, y, id;

	if (depth > 100 || parse_number(sp, &sx) != 0 || parse_expect(sp, 'x') != 0 ||
	    parse_number(sp, &sy) != 0 || parse_expect(sp, ',') != 0 || parse_number(sp, &x) != 0 ||
	    parse_expect(sp, ',') != 0 || parse_number(sp, &y) != 0 || sx < 1 || sy < 1)
		return NULL;
	l = layout_new_leaf(NULL, sx, sy);
	l->xoff = x;
	l->yoff = y;
	if (**sp == ',' && (*sp)[1] >= '0' && (*sp)[1] <= '9') {
		/* ",ID" of a pane, unless the digits start the next cell. */
		const char *save = *sp;

		(*sp)++;
		if (parse_number(sp, &id) != 0 || **sp == 'x')
			*sp = save;
	}
	if (**sp == '{' || **sp == '[') {
		l->type = **sp == '{' ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
		if (parse_children(l, sp, depth, **sp == '{' ? '}' : ']') != 0) {
			layout_free(l);
			return NULL;
		}
	}
	return l;
}

/* Children must tile their parent exactly, borders included. */
static int check_sizes(const struct layout *l)
{
	const struct layout *c;
	int n = 0;

	if (l->type == LAYOUT_PANE)
		return 1;
	for (c = l->first; c != NULL; c = c->next) {
		if (l->type == LAYOUT_LEFTRIGHT ? c->sy != l->sy : c->sx != l->sx)
			return 0;
		if (!check_sizes(c))
			return 0;
		n += (l->type == LAYOUT_LEFTRIGHT ? c->sx : c->sy) + 1;
	}
	return n - 1 == (l->type == LAYOUT_LEFTRIGHT ? l->sx : l->sy);
}

/* Old tmux versions wrote a wrong size for the top cell; take the children's
 * word for it as tmux does (check_sizes catches anything else). tmux's test
 * compares with the sizes plus one border, so a top cell one too big both
 * ways is left alone and then rejected; keep that, to accept what tmux
 * accepts and no more. */
static void fix_top_size(struct layout *l)
{
	struct layout *c;
	int sx = 0, sy = 0;

	if (l->type == LAYOUT_PANE)
		return;
	for (c = l->first; c != NULL; c = c->next) {
		if (l->type == LAYOUT_LEFTRIGHT) {
			sx += c->sx + 1;
			sy = c->sy + 1;
		} else {
			sx = c->sx + 1;
			sy += c->sy + 1;
		}
	}
	if (l->sx != sx || l->sy != sy) {
		l->sx = sx - 1;
		l->sy = sy - 1;
	}
}

int layout_count_leaves(const struct layout *l)
{
	const struct layout *c;
	int n = 0;

	if (l == NULL)
		return 0;
	if (l->type == LAYOUT_PANE)
		return 1;
	for (c = l->first; c != NULL; c = c->next)
		n += layout_count_leaves(c);
	return n;
}

static struct layout *bottom_right(struct layout *l)
{
	while (l->type != LAYOUT_PANE) {
		l = l->first;
		while (l->next != NULL)
			l = l->next;
	}
	return l;
}

struct layout *layout_parse(const char *s, int npanes, char **cause)
{
	const char *body;
	struct layout *root;
	unsigned int csum;
	int i;

	*cause = NULL;
	for (i = 0, csum = 0; i < 4; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			csum = csum * 16 + (unsigned)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			csum = csum * 16 + (unsigned)((c | 0x20) - 'a' + 10);
		else
			break;
	}
	if (i != 4 || s[4] != ',' || layout_checksum(s + 5) != csum) {
		*cause = xstrdup("invalid layout");
		return NULL;
	}
	body = s + 5;
	root = parse_cell(&body, 0);
	if (root == NULL || *body != '\0') {
		layout_free(root);
		*cause = xstrdup("invalid layout");
		return NULL;
	}
	if (npanes > layout_count_leaves(root)) {
		*cause = xasprintf("have %d panes but need %d", npanes, layout_count_leaves(root));
		layout_free(root);
		return NULL;
	}
	/* Fewer panes than cells: like tmux, close cells from the bottom right. */
	while (npanes > 0 && layout_count_leaves(root) > npanes)
		layout_remove(&root, bottom_right(root));
	fix_top_size(root);
	if (!check_sizes(root)) {
		*cause = xstrdup("size mismatch after applying layout");
		layout_free(root);
		return NULL;
	}
	root->xoff = root->yoff = 0;
	layout_fix_offsets(root);
	return root;
}

static void assign_leaf(struct layout *leaf, void *ctx)
{
	void ***next = ctx;

	leaf->pane = **next;
	(*next)++;
}

void layout_assign(struct layout *root, void **panes)
{
	layout_each_leaf(root, assign_leaf, &panes);
}

/*
 * tmux's resize arithmetic. PANE_MINIMUM is one cell. "horizontal" means
 * along the x axis (a left-right change).
 */
#define LAYOUT_MIN 1

static int along(const struct layout *l, int horizontal)
{
	return horizontal ? l->sx : l->sy;
}

static struct layout *last_child(struct layout *l)
{
	struct layout *c = l->first;

	while (c != NULL && c->next != NULL)
		c = c->next;
	return c;
}

/* How many cells l could give up along the axis. */
int layout_resize_check(const struct layout *l, int horizontal)
{
	const struct layout *c;
	int avail, min;

	if (l->type == LAYOUT_PANE) {
		avail = along(l, horizontal);
		return avail > LAYOUT_MIN ? avail - LAYOUT_MIN : 0;
	}
	if ((l->type == LAYOUT_LEFTRIGHT) == (horizontal != 0)) {
		/* Same direction: the children's spare space adds up. */
		for (avail = 0, c = l->first; c != NULL; c = c->next)
			avail += layout_resize_check(c, horizontal);
		return avail;
	}
	/* Across: limited by the child with least to spare. */
	for (min = -1, c = l->first; c != NULL; c = c->next) {
		avail = layout_resize_check(c, horizontal);
		if (min < 0 || avail < min)
			min = avail;
	}
	return min < 0 ? 0 : min;
}

/* Change l's size by change cells, handing the change down: across the
 * children's direction every child takes all of it; along it, one cell at
 * a time round the children from the first (tmux's layout_resize_adjust). */
void layout_resize_adjust(struct layout *l, int horizontal, int change)
{
	struct layout *c;

	if (horizontal)
		l->sx += change;
	else
		l->sy += change;
	if (l->type == LAYOUT_PANE)
		return;
	if ((l->type == LAYOUT_LEFTRIGHT) != (horizontal != 0)) {
		for (c = l->first; c != NULL; c = c->next)
			layout_resize_adjust(c, horizontal, change);
		return;
	}
	while (change != 0) {
		int moved = 0;

		for (c = l->first; c != NULL && change != 0; c = c->next) {
			if (change > 0) {
				layout_resize_adjust(c, horizontal, 1);
				change--;
				moved = 1;
			} else if (layout_resize_check(c, horizontal) > 0) {
				layout_resize_adjust(c, horizontal, -1);
				change++;
				moved = 1;
			}
		}
		if (!moved) /* nothing can shrink: give up rather than spin */
			break;
	}
}

/* Share a container's size evenly between its children, the last taking
 * the remainder (tmux's layout_spread_cell). Returns whether it changed. */
int layout_spread(struct layout *l)
{
	int horizontal = l->type == LAYOUT_LEFTRIGHT, n, size, each, changed = 0;
	struct layout *c;

	if (l->type == LAYOUT_PANE || (n = layout_count_children(l)) <= 1)
		return 0;
	size = along(l, horizontal);
	if (size < n - 1 || (each = (size - (n - 1)) / n) == 0)
		return 0;
	for (c = l->first; c != NULL; c = c->next) {
		int change;

		if (c->next == NULL)
			each = size - (each + 1) * (n - 1);
		change = each - along(c, horizontal);
		if (change != 0) {
			layout_resize_adjust(c, horizontal, change);
			changed = 1;
		}
	}
	return changed;
}

/* Grow lc by up to needed cells, taking them from a sibling after it (or,
 * with opposite, before it). Returns the cells moved. */
static int resize_grow(struct layout *lc, int horizontal, int needed, int opposite)
{
	struct layout *from;
	int size = 0;

	for (from = lc->next; from != NULL; from = from->next) {
		if ((size = layout_resize_check(from, horizontal)) > 0)
			break;
	}
	if (from == NULL && opposite) {
		for (from = previous_sibling(lc); from != NULL; from = previous_sibling(from)) {
			if ((size = layout_resize_check(from, horizontal)) > 0)
				break;
		}
	}
	if (from == NULL)
		return 0;
	if (size > needed)
		size = needed;
	layout_resize_adjust(lc, horizontal, size);
	layout_resize_adjust(from, horizontal, -size);
	return size;
}

/* Shrink lc (or the nearest sibling before it with room) by up to needed
 * cells, giving them to the sibling after lc. */
static int resize_shrink(struct layout *lc, int horizontal, int needed)
{
	struct layout *from = lc;
	int size = 0;

	for (; from != NULL; from = previous_sibling(from)) {
		if ((size = layout_resize_check(from, horizontal)) > 0)
			break;
	}
	if (from == NULL || lc->next == NULL)
		return 0;
	if (size > needed)
		size = needed;
	layout_resize_adjust(lc->next, horizontal, size);
	layout_resize_adjust(from, horizontal, -size);
	return size;
}

/* The ancestor-or-self of leaf whose parent splits along the axis. */
static struct layout *axis_cell(struct layout *leaf, int horizontal)
{
	enum layout_type type = horizontal ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
	struct layout *l = leaf;

	while (l->parent != NULL && l->parent->type != type)
		l = l->parent;
	return l->parent != NULL ? l : NULL;
}

void layout_resize_leaf(struct layout *leaf, int horizontal, int change, int opposite)
{
	struct layout *lc = axis_cell(leaf, horizontal), *root;
	int needed = change, size;

	if (lc == NULL)
		return;
	/* The last cell moves the border before it: work on its neighbour. */
	if (lc->next == NULL)
		lc = previous_sibling(lc);
	while (needed != 0) {
		if (change > 0) {
			size = resize_grow(lc, horizontal, needed, opposite);
			needed -= size;
		} else {
			size = resize_shrink(lc, horizontal, -needed);
			needed += size;
		}
		if (size == 0)
			break;
	}
	for (root = leaf; root->parent != NULL; root = root->parent)
		;
	layout_fix_offsets(root);
}

void layout_resize_leaf_to(struct layout *leaf, int horizontal, int size)
{
	struct layout *lc = axis_cell(leaf, horizontal);
	int change;

	if (lc == NULL)
		return;
	change = size - along(lc, horizontal);
	if (lc->next == NULL)
		change = -change;
	layout_resize_leaf(leaf, horizontal, change, 1);
}

/* Presets, with tmux 3.3's arithmetic (layout-set.c) so that the same
 * commands give the same window_layout strings. */
static const char *const preset_names[LAYOUT_NPRESETS] = {
	"even-horizontal", "even-vertical", "main-horizontal", "main-vertical", "tiled",
};

const char *layout_preset_name(int which)
{
	return which >= 0 && which < LAYOUT_NPRESETS ? preset_names[which] : NULL;
}

/* An exact name, else a unique prefix; -1 if none. */
int layout_preset_lookup(const char *name)
{
	int i, found = -1;
	size_t len = strlen(name);

	for (i = 0; i < LAYOUT_NPRESETS; i++) {
		if (strcmp(preset_names[i], name) == 0)
			return i;
	}
	for (i = 0; i < LAYOUT_NPRESETS; i++) {
		if (len != 0 && strncmp(preset_names[i], name, len) == 0) {
			if (found != -1)
				return -1;
			found = i;
		}
	}
	return found;
}

/* "N" or "N%" of cur, between 0 and max (tmux's args_string_percentage). */
static int size_option(const char *s, int max, int cur, int *out)
{
	char *end;
	long n;

	if (s == NULL || *s == '\0')
		return -1;
	n = strtol(s, &end, 10);
	if (end == s || n < 0)
		return -1;
	if (*end == '%' && end[1] == '\0') {
		if (n > 100)
			return -1;
		n = (long)cur * n / 100;
	} else if (*end != '\0') {
		return -1;
	}
	if (n > max)
		return -1;
	*out = (int)n;
	return 0;
}

static struct layout *new_node(enum layout_type type, int sx, int sy)
{
	struct layout *l = layout_new_leaf(NULL, sx, sy);

	l->type = type;
	return l;
}

static struct layout *add_child(struct layout *parent, struct layout *c)
{
	insert_after(parent, last_child(parent), c);
	return c;
}

static struct layout *preset_even(void **panes, int n, int sx, int sy, int horizontal)
{
	struct layout *root;
	int i;

	if (horizontal)
		root = new_node(LAYOUT_LEFTRIGHT, n * 2 - 1 > sx ? n * 2 - 1 : sx, sy);
	else
		root = new_node(LAYOUT_TOPBOTTOM, sx, n * 2 - 1 > sy ? n * 2 - 1 : sy);
	for (i = 0; i < n; i++)
		add_child(root, layout_new_leaf(panes[i], sx, sy));
	layout_spread(root);
	return root;
}

/* The main pane's size and the others' along the split (tmux's rules: a
 * main size that leaves no room shrinks; a bad option means 24 or 80). */
static void main_sizes(const char *opt, const char *other_opt, int avail, int def, int *mainp,
		       int *otherp)
{
	int m, o;

	if (size_option(opt, avail, avail, &m) != 0)
		m = def;
	if (m + LAYOUT_MIN >= avail) {
		m = avail <= 2 * LAYOUT_MIN ? LAYOUT_MIN : avail - LAYOUT_MIN;
		o = LAYOUT_MIN;
	} else if (size_option(other_opt, avail, avail, &o) != 0 || o == 0) {
		o = avail - m;
	} else if (o > avail || avail - o < m) {
		o = avail - m;
	} else {
		m = avail - o;
	}
	*mainp = m;
	*otherp = o;
}

static struct layout *preset_main(void **panes, int n, int sx, int sy, int vertical,
				  const char *main_opt, const char *other_opt)
{
	struct layout *root, *other;
	int m, o, across, i;

	/* main-vertical: the main pane on the left, the others stacked in a
	 * column; main-horizontal: on top, the others in a row. */
	main_sizes(main_opt, other_opt, (vertical ? sx : sy) - 1, vertical ? 80 : 24, &m, &o);
	across = (n - 1) * 2 - 1;
	if (across < (vertical ? sy : sx))
		across = vertical ? sy : sx;
	if (vertical) {
		root = new_node(LAYOUT_LEFTRIGHT, m + o + 1, across);
		add_child(root, layout_new_leaf(panes[0], m, across));
		other = add_child(root, layout_new_leaf(NULL, o, across));
	} else {
		root = new_node(LAYOUT_TOPBOTTOM, across, m + o + 1);
		add_child(root, layout_new_leaf(panes[0], across, m));
		other = add_child(root, layout_new_leaf(NULL, across, o));
	}
	if (n == 2) {
		other->pane = panes[1];
		return root;
	}
	other->type = vertical ? LAYOUT_TOPBOTTOM : LAYOUT_LEFTRIGHT;
	for (i = 1; i < n; i++) {
		add_child(other, vertical ? layout_new_leaf(panes[i], o, LAYOUT_MIN)
					  : layout_new_leaf(panes[i], LAYOUT_MIN, o));
	}
	layout_spread(other);
	return root;
}

static struct layout *preset_tiled(void **panes, int n, int sx, int sy)
{
	struct layout *root, *row, *cell = NULL;
	int rows = 1, cols = 1, width, height, j, k = 0, cells;

	while (rows * cols < n) {
		rows++;
		if (rows * cols < n)
			cols++;
	}
	if ((width = (sx - (cols - 1)) / cols) < LAYOUT_MIN)
		width = LAYOUT_MIN;
	if ((height = (sy - (rows - 1)) / rows) < LAYOUT_MIN)
		height = LAYOUT_MIN;
	root = new_node(LAYOUT_TOPBOTTOM, (width + 1) * cols - 1 > sx ? (width + 1) * cols - 1 : sx,
			(height + 1) * rows - 1 > sy ? (height + 1) * rows - 1 : sy);
	for (j = 0; j < rows && k < n; j++) {
		row = add_child(root, layout_new_leaf(NULL, sx, height));
		if (n - k == 1 || cols == 1) {
			row->pane = panes[k++];
			continue;
		}
		row->type = LAYOUT_LEFTRIGHT;
		for (cells = 0; cells < cols && k < n; cells++)
			cell = add_child(row, layout_new_leaf(panes[k++], width, height));
		/* The row's last cell takes what is left of the width. */
		if (sx > cells * (width + 1) - 1)
			layout_resize_adjust(cell, 1, sx - (cells * (width + 1) - 1));
	}
	if (sy > rows * height + rows - 1)
		layout_resize_adjust(last_child(root), 0, sy - (rows * height + rows - 1));
	return root;
}

struct layout *layout_preset(int which, void **panes, int n, int sx, int sy, const char *main_opt,
			     const char *other_opt)
{
	struct layout *root;

	if (n < 1)
		return NULL;
	if (n == 1)
		root = layout_new_leaf(panes[0], sx, sy);
	else if (which == LAYOUT_EVEN_HORIZONTAL || which == LAYOUT_EVEN_VERTICAL)
		root = preset_even(panes, n, sx, sy, which == LAYOUT_EVEN_HORIZONTAL);
	else if (which == LAYOUT_MAIN_HORIZONTAL || which == LAYOUT_MAIN_VERTICAL)
		root = preset_main(panes, n, sx, sy, which == LAYOUT_MAIN_VERTICAL, main_opt,
				   other_opt);
	else
		root = preset_tiled(panes, n, sx, sy);
	/* tmux grows the window when the panes cannot fit; pmux keeps the
	 * window's size and squeezes the tree instead. */
	if (root->sx != sx || root->sy != sy)
		layout_resize(root, sx, sy);
	layout_fix_offsets(root);
	return root;
}

/* A child's new size when its parent is resized in proportion (tmux's
 * layout_new_pane_size): the last child takes what is left. */
static int proportional_size(struct layout *c, int horizontal, int previous, int size, int left,
			     int size_left)
{
	int avail = layout_resize_check(c, horizontal), min = (LAYOUT_MIN + 1) * (left - 1);
	int old = along(c, horizontal), n, max;

	if (left == 1)
		return size_left;
	if (old - avail > min)
		min = old - avail;
	n = previous > 0 ? (int)((long)old * size / previous) : LAYOUT_MIN;
	max = size_left - min;
	if (n > max)
		n = max;
	return n < LAYOUT_MIN ? LAYOUT_MIN : n;
}

/* Fit l's children to l's (already changed) size in proportion to their
 * old sizes (tmux's layout_resize_child_cells). */
static void resize_children_proportionally(struct layout *l)
{
	int horizontal = l->type == LAYOUT_LEFTRIGHT, count, previous = 0, avail, i = 0;
	struct layout *c;

	if (l->type == LAYOUT_PANE)
		return;
	count = layout_count_children(l);
	for (c = l->first; c != NULL; c = c->next)
		previous += along(c, horizontal);
	previous += count - 1;
	avail = along(l, horizontal);
	for (c = l->first; c != NULL; c = c->next, i++) {
		int n = proportional_size(c, horizontal, previous, along(l, horizontal), count - i,
					  avail);

		if (horizontal) {
			c->sx = n;
			c->sy = l->sy;
		} else {
			c->sy = n;
			c->sx = l->sx;
		}
		avail -= n + 1;
		resize_children_proportionally(c);
	}
}

/* Could l and everything in it be made size cells along the axis (tmux's
 * layout_set_size_check)? */
static int size_fits(struct layout *l, int horizontal, int size)
{
	struct layout *c;
	int avail = size, count, previous, i = 0;

	if (l->type == LAYOUT_PANE)
		return size >= LAYOUT_MIN;
	count = layout_count_children(l);
	if ((l->type == LAYOUT_LEFTRIGHT) != (horizontal != 0)) {
		for (c = l->first; c != NULL; c = c->next) {
			if (c->type != LAYOUT_PANE && !size_fits(c, horizontal, size))
				return 0;
		}
		return 1;
	}
	if (avail < count * 2 - 1)
		return 0;
	previous = along(l, horizontal);
	for (c = l->first; c != NULL; c = c->next, i++) {
		int n = proportional_size(c, horizontal, previous, size, count - i, avail);

		if (n + (c->next != NULL) > avail)
			return 0;
		avail -= n + (c->next != NULL);
		if (!size_fits(c, horizontal, n))
			return 0;
	}
	return 1;
}

struct layout *layout_split_full(struct layout **root, int horizontal, int size, int before,
				 void *pane)
{
	enum layout_type type = horizontal ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
	struct layout *r = *root, *nl, *old;
	int saved = along(r, horizontal), size1, size2, new_size;

	if (saved < 3)
		return NULL;
	size2 = split_new_size(saved, size, before);
	if (size2 < LAYOUT_MIN)
		size2 = LAYOUT_MIN;
	else if (size2 > saved - 2)
		size2 = saved - 2;
	size1 = saved - 1 - size2;
	new_size = before ? size2 : size1; /* what the old panes keep */
	if (!size_fits(r, horizontal, new_size))
		return NULL;

	if (r->type == type) {
		/* The root already splits this way: squeeze its children
		 * into new_size and add the new cell at the edge. */
		if (horizontal)
			r->sx = new_size;
		else
			r->sy = new_size;
		resize_children_proportionally(r);
		if (horizontal)
			r->sx = saved;
		else
			r->sy = saved;
		nl = horizontal ? layout_new_leaf(pane, saved - 1 - new_size, r->sy)
				: layout_new_leaf(pane, r->sx, saved - 1 - new_size);
		insert_after(r, before ? NULL : last_child(r), nl);
		layout_fix_offsets(r);
		return nl;
	}
	/* Otherwise a new root holds the old tree and the new cell. The old
	 * root's content moves into a child so the root pointer stays. */
	old = layout_new_leaf(r->pane, r->sx, r->sy);
	old->type = r->type;
	old->first = r->first;
	for (struct layout *c = old->first; c != NULL; c = c->next)
		c->parent = old;
	r->type = type;
	r->pane = NULL;
	r->first = NULL;
	insert_after(r, NULL, old);
	nl = layout_new_leaf(pane, r->sx, r->sy);
	insert_after(r, before ? NULL : old, nl);
	if (horizontal) {
		r->first->sx = size1;
		r->first->next->sx = size2;
	} else {
		r->first->sy = size1;
		r->first->next->sy = size2;
	}
	resize_children_proportionally(old);
	layout_fix_offsets(r);
	return nl;
}
