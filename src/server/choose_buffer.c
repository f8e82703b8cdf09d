/*
 * choose_buffer: buffer mode (choose-buffer), the paste buffers in the mode
 * tree of server/choose.c: one item per buffer, its text in the preview; d
 * deletes, Enter or p pastes it, P pastes the tagged ones, e edits it in a
 * popup (server/buffer_edit.c).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "server/buffer_edit.h"
#include "server/choose_mode.h"
#include "server/server.h"
#include "term/key.h"
#include "util/buf.h"

enum { SORT_TIME, SORT_NAME, SORT_SIZE };

struct entry {
	struct paste_buffer *pb;
	int pos; /* in the server's list (newest first) */
};

static void buffer_format(struct pane *p, struct paste_buffer *pb, struct format_ctx *fc,
			  struct format_buffer *fb)
{
	fb->name = pb->name;
	fb->data = pb->data;
	fb->size = pb->size;
	fb->created = pb->created;
	format_ctx_pane(fc, p->srv, p);
	fc->b = fb;
}

/* Buffers are kept newest first: time order is their order, which also
 * breaks ties. */
static int compare(const void *a, const void *b, int by)
{
	const struct entry *x = a, *y = b;
	int r = 0;

	if (by == SORT_NAME)
		r = strcmp(x->pb->name, y->pb->name);
	else if (by == SORT_SIZE)
		r = x->pb->size < y->pb->size ? -1 : x->pb->size > y->pb->size;
	return r != 0 ? r : x->pos - y->pos;
}

static void build(struct pane *p)
{
	struct paste_buffer *pb;
	struct entry *e;
	struct format_ctx fc;
	struct format_buffer fb;
	int n = 0, kept = 0;

	for (pb = p->srv->buffers.first; pb != NULL; pb = pb->next)
		n++;
	e = xcalloc((size_t)n + 1, sizeof *e);
	for (pb = p->srv->buffers.first; pb != NULL; pb = pb->next) {
		buffer_format(p, pb, &fc, &fb);
		if (!choose_kept(p, &fc))
			continue;
		e[kept].pb = pb;
		e[kept].pos = kept;
		kept++;
	}
	choose_order(p, e, (size_t)kept, sizeof *e, compare);
	for (int i = 0; i < kept; i++) {
		char *text;

		buffer_format(p, e[i].pb, &fc, &fb);
		text = format_expand(choose_format(p), &fc);
		choose_add(p, 0, e[i].pb->name, e[i].pb->name, e[i].pb->name, text, e[i].pb);
		free(text);
	}
	free(e);
}

/* A buffer's text: one line per line, C-style escapes. */
static void preview(struct pane *p, struct choose_item *it, struct choose_area *a, int top,
		    int bottom)
{
	struct paste_buffer *pb = it->obj;
	struct grid_cell pen = {.ch = ' ', .width = 1};
	struct buf line;
	size_t i = 0;

	(void)p;
	buf_init(&line);
	for (int y = top + 1; y < bottom && i < pb->size; y++) {
		line.len = 0;
		for (; i < pb->size && pb->data[i] != '\n'; i++) {
			unsigned char c = (unsigned char)pb->data[i];

			if (c == '\t')
				buf_adds(&line, "\\t");
			else if (c < 0x20 || c == 0x7f)
				buf_printf(&line, "\\%03o", c);
			else
				buf_addc(&line, (char)c);
		}
		i++; /* the line feed */
		choose_put_text(a, y, 2, a->w - 2, buf_cstr(&line), &pen);
	}
	buf_free(&line);
}

/* d and D: delete the current or the tagged buffers at once; as tmux, d
 * moves to the next line first. */
static void delete_buffers(struct peer *c, struct pane *p, int tagged)
{
	struct choose_item *cur = choose_current(p);
	int n = choose_count(p);
	char **names = xcalloc((size_t)n + 1, sizeof *names);

	(void)c;
	for (int i = 0; i < n; i++) {
		struct choose_item *it = choose_item(p, i);

		if (tagged ? it->tagged : it == cur)
			names[i] = xstrdup(it->id);
	}
	if (!tagged)
		choose_move_down(p);
	for (int i = 0; i < n; i++) {
		if (names[i] != NULL)
			buffers_delete(&p->srv->buffers, names[i]);
		free(names[i]);
	}
	free(names);
	choose_rebuild(p);
	if (choose_count(p) == 0)
		choose_exit(p); /* nothing left to choose from, as tmux */
}

/* e: the current buffer in the editor (tmux's buffer mode). */
static int key(struct peer *c, struct pane *p, const struct key *k)
{
	struct choose_item *cur = choose_current(p);
	char *err = NULL;

	if (k->kind != KEY_CHAR || k->mod != 0 || k->cp != 'e' || cur == NULL)
		return 0;
	if (buffer_edit(c, cur->id, &err) != 0) {
		attach_message(c, err);
		free(err);
	}
	return 1;
}

/* tmux's search: the buffer's name or its text. */
static int search(struct pane *p, struct choose_item *it, const char *text)
{
	struct paste_buffer *pb = it->obj;

	(void)p;
	return strstr(pb->name, text) != NULL || choose_text_has(pb->data, pb->size, text);
}

static char *start(struct pane *p)
{
	(void)p;
	return NULL;
}

static const char *const sorts[] = {"time", "name", "size"};

const struct choose_mode choose_buffer_mode = {
	.name = "buffer-mode",
	.format = "#{t/p:buffer_created}: #{buffer_sample}",
	.tmpl = "paste-buffer -b '%%'",
	.sorts = sorts,
	.nsorts = 3,
	.kill_key = 'd',
	.run_tagged_key = 'P',
	.build = build,
	.preview = preview,
	.kill = delete_buffers,
	.key = key,
	.start = start,
	.search = search,
};
