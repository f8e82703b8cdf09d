/* hyperlinks: a client's OSC 8 link ids. See hyperlinks.h. */
#include "render/hyperlinks.h"

#include <stdlib.h>
#include <string.h>

#include "term/grid.h"
#include "util/buf.h"

struct hyperlinks {
	char *text[GRID_LINK_MAX + 1]; /* by id, [0] unused */
	unsigned n;
	int full;
	unsigned last_id; /* the last found: runs of cells share a link */
};

struct hyperlinks *hyperlinks_new(void)
{
	return xcalloc(1, sizeof(struct hyperlinks));
}

void hyperlinks_clear(struct hyperlinks *h)
{
	for (unsigned i = 1; i <= h->n; i++) {
		free(h->text[i]);
		h->text[i] = NULL;
	}
	h->n = 0;
	h->full = 0;
	h->last_id = 0;
}

void hyperlinks_free(struct hyperlinks *h)
{
	if (h == NULL)
		return;
	hyperlinks_clear(h);
	free(h);
}

unsigned hyperlinks_id(struct hyperlinks *h, const struct grid *g, unsigned pane_id)
{
	const char *text = grid_link(g, pane_id);
	unsigned i;

	if (text == NULL)
		return 0;
	if (h->last_id != 0 && strcmp(h->text[h->last_id], text) == 0)
		return h->last_id;
	for (i = 1; i <= h->n && strcmp(h->text[i], text) != 0; i++)
		;
	if (i > h->n) {
		if (h->n == GRID_LINK_MAX) {
			h->full = 1;
			return 0;
		}
		h->text[++h->n] = xstrdup(text);
		i = h->n;
	}
	h->last_id = i;
	return i;
}

const char *hyperlinks_text(const struct hyperlinks *h, unsigned id)
{
	return id >= 1 && id <= h->n ? h->text[id] : NULL;
}

int hyperlinks_full(const struct hyperlinks *h)
{
	return h->full;
}
