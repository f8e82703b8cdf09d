/* buffer_edit: editing a paste buffer in a popup. */
#include "server/buffer_edit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/options.h"
#include "render/box.h"
#include "server/choose.h"
#include "server/popup.h"
#include "server/server.h"
#include "util/buf.h"
#include "util/log.h"

struct edit {
	char *name; /* the buffer's */
	char *path; /* the temporary file */
};

static void edit_free(struct edit *e)
{
	if (unlink(e->path) < 0 && errno != ENOENT)
		log_debug("unlink %s: %s", e->path, strerror(errno));
	free(e->name);
	free(e->path);
	free(e);
}

/* The file's whole text, or -1. */
static int read_file(const char *path, struct buf *out)
{
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(out, chunk, n);
	n = (size_t)ferror(f);
	fclose(f);
	return n != 0 ? -1 : 0;
}

/* As tmux: a failed editor, an empty file or a buffer deleted meanwhile
 * leave things as they are. */
static void edit_done(struct server *srv, int status, void *arg)
{
	struct edit *e = arg;
	struct paste_buffer *pb = buffers_find(&srv->buffers, e->name);
	struct buf text;

	buf_init(&text);
	if (status == 0 && pb != NULL && read_file(e->path, &text) == 0 && text.len > 0 &&
	    (text.len != pb->size || memcmp(text.data, pb->data, text.len) != 0))
		buffers_set(&srv->buffers, e->name, text.data, text.len);
	buf_free(&text);
	edit_free(e);
	choose_buffers_changed(srv); /* (buffer mode shows the text) */
}

/* The buffer's text in a new file of its own (mode 0600); NULL with *err. */
static char *write_copy(const struct paste_buffer *pb, char **err)
{
	char *path = xstrdup("/tmp/pmux-edit.XXXXXX");
	int fd = mkstemp(path);
	size_t done = 0;
	ssize_t n;

	if (fd < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return NULL;
	}
	while (done < pb->size && (n = write(fd, pb->data + done, pb->size - done)) > 0)
		done += (size_t)n;
	if (close(fd) < 0 || done < pb->size) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		(void)unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

int buffer_edit(struct peer *c, const char *name, char **err)
{
	struct paste_buffer *pb = buffers_find(&c->srv->buffers, name);
	struct options *o = session_options(c->session);
	struct popup_args pa;
	struct edit *e;
	char *cmd;
	int rc;

	if (pb == NULL) {
		*err = xasprintf("no buffer %s", name);
		return -1;
	}
	e = xcalloc(1, sizeof *e);
	e->name = xstrdup(name);
	if ((e->path = write_copy(pb, err)) == NULL) {
		free(e->name);
		free(e);
		return -1;
	}
	/* tmux's editor popup: nine tenths of the client, in its middle */
	memset(&pa, 0, sizeof pa);
	pa.w = c->cols * 9 / 10, pa.h = c->rows * 9 / 10;
	pa.x = c->cols / 2 - pa.w / 2, pa.y = c->rows / 2 - pa.h / 2;
	cmd = xasprintf("%s %s", options_string(c->srv->options, "editor"), e->path);
	pa.argv = &cmd;
	pa.argc = 1;
	pa.session = c->session;
	pa.cwd = c->session->cwd;
	pa.lines = box_lines_parse(options_string(o, "popup-border-lines"));
	pa.style = options_string(o, "popup-style");
	pa.border_style = options_string(o, "popup-border-style");
	pa.close_on_exit = 1;
	pa.done = edit_done;
	pa.done_arg = e;
	rc = popup_open(c, &pa, NULL, err);
	free(cmd);
	if (rc != 0)
		edit_free(e);
	return rc;
}
