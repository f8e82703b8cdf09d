/* Unit tests for the layout tree: tmux's split arithmetic, removal, resize. */
#include <stdlib.h>

#include "check.h"
#include "server/layout.h"
#include "server/server.h"

/* Leaves hold panes; only their ids matter here (%0..%7). */
static struct pane tag[8];

static void sum_leaves(struct layout *l, void *ctx)
{
	(void)l;
	*(int *)ctx += 1;
}

static void test_split_like_tmux(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40), *a, *b;

	b = layout_split(root, 1, -1, 0, &tag[1]);
	CHECK(b != NULL);
	a = root->first;
	CHECK_INT(root->type, LAYOUT_LEFTRIGHT);
	CHECK(a->pane == &tag[0]);
	/* 120 columns split with -h: 60 | border | 59. */
	CHECK_INT(a->sx, 60);
	CHECK_INT(b->sx, 59);
	layout_fix_offsets(root);
	CHECK_INT(b->xoff, 61);
	CHECK_INT(a->sy, 40);

	/* Vertical split of the right pane: 40 rows → 20 and 19. */
	{
		struct layout *c = layout_split(b, 0, -1, 0, &tag[2]);

		CHECK(c != NULL);
		CHECK_INT(c->parent->type, LAYOUT_TOPBOTTOM);
		CHECK_INT(c->parent->first->sy, 20);
		CHECK_INT(c->sy, 19);
		layout_fix_offsets(root);
		CHECK_INT(c->yoff, 21);
		CHECK_INT(c->xoff, 61);
	}
	layout_free(root);
}

static void test_split_sizes(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 80, 24), *n;

	n = layout_split(root, 0, 5, 0, &tag[1]);
	CHECK_INT(n->sy, 5);
	CHECK_INT(root->first->sy, 18);
	layout_free(root);

	root = layout_new_leaf(&tag[0], 80, 24);
	n = layout_split(root, 1, 10, 1, &tag[1]); /* -b: new pane on the left */
	CHECK(root->first == n);
	CHECK_INT(n->sx, 10);
	CHECK_INT(n->next->sx, 69);
	layout_free(root);

	root = layout_new_leaf(&tag[0], 2, 24);
	CHECK(layout_split(root, 1, -1, 0, &tag[1]) == NULL);
	layout_free(root);
}

static void test_remove_and_collapse(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40), *b, *c;
	int n = 0;

	b = layout_split(root, 1, -1, 0, &tag[1]);
	c = layout_split(b, 1, -1, 0, &tag[2]);
	CHECK_INT(layout_count_children(root), 3);
	layout_remove(&root, c);
	CHECK_INT(layout_count_children(root), 2);
	CHECK_INT(root->first->sx + root->first->next->sx + 1, 120);
	layout_remove(&root, root->first);
	/* One pane left: the root is a leaf again, full size. */
	CHECK_INT(root->type, LAYOUT_PANE);
	CHECK(root->pane == &tag[1]);
	CHECK_INT(root->sx, 120);
	layout_each_leaf(root, sum_leaves, &n);
	CHECK_INT(n, 1);
	layout_remove(&root, root);
	CHECK(root == NULL);
}

static void test_resize_keeps_proportions(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 100, 30), *b;

	b = layout_split(root, 1, 24, 0, &tag[1]);
	layout_resize(root, 201, 60);
	layout_fix_offsets(root);
	CHECK_INT(root->first->sx + b->sx + 1, 201);
	CHECK(b->sx >= 45 && b->sx <= 50);
	CHECK_INT(b->sy, 60);
	CHECK_INT(b->xoff, root->first->sx + 1);
	layout_resize(root, 10, 5);
	CHECK_INT(root->first->sx + b->sx + 1, 10);
	CHECK(b->sx >= 1 && root->first->sx >= 1);
	layout_free(root);
}

static void test_dump_like_tmux(void)
{
	struct layout *root = layout_new_leaf(&tag[0], 120, 40);
	char *s;

	/* Both strings measured with tmux 3.3a: new -x 120 -y 40; splitw -h. */
	s = layout_dump(root);
	CHECK_STR(s, "aafd,120x40,0,0,0");
	free(s);
	layout_split(root, 1, -1, 0, &tag[1]);
	layout_fix_offsets(root);
	s = layout_dump(root);
	CHECK_STR(s, "f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}");
	free(s);
	layout_free(root);
}

int main(void)
{
	for (int i = 0; i < 8; i++)
		tag[i].id = (uint32_t)i;
	test_split_like_tmux();
	test_split_sizes();
	test_remove_and_collapse();
	test_resize_keeps_proportions();
	test_dump_like_tmux();
	CHECK_DONE();
}
