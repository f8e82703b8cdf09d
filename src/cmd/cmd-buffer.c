/* Paste buffer commands: set-buffer, show-buffer, list-buffers,
 * delete-buffer, save-buffer, load-buffer, paste-buffer. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "server/choose.h"
#include "server/passthru.h"
#include "cmd/format.h"
#include "term/grid.h"

/* -b names a buffer; without it, the newest. */
static struct paste_buffer *target_buffer(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = args_get(a, 'b');
	struct paste_buffer *pb = name != NULL ? buffers_find(&ctx->srv->buffers, name)
					       : buffers_top(&ctx->srv->buffers);

	if (pb == NULL) {
		if (name != NULL)
			cmd_error(ctx, "unknown buffer: %s", name);
		else
			cmd_error(ctx, "no buffers");
	}
	return pb;
}

/* A path as the client sees it: relative to its working directory. */
static char *client_path(struct cmd_ctx *ctx, const char *path)
{
	const char *cwd = ctx->peer != NULL && ctx->peer->cwd != NULL ? ctx->peer->cwd : "/";

	if (*path == '/')
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

static int set_buffer(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = args_get(a, 'b'), *data = a->argc > 0 ? a->argv[0] : NULL;
	struct paste_buffer *pb;

	if (args_get(a, 'n') != NULL) {
		if (name == NULL && buffers_top(&ctx->srv->buffers) != NULL)
			name = buffers_top(&ctx->srv->buffers)->name;
		if (name == NULL || buffers_rename(&ctx->srv->buffers, name, args_get(a, 'n')) != 0)
			return cmd_error(ctx, "unknown buffer: %s", name != NULL ? name : "");
		return 0;
	}
	if (data == NULL)
		return cmd_error(ctx, "no data specified");
	if (args_has(a, 'a') && (pb = (name != NULL ? buffers_find(&ctx->srv->buffers, name)
						    : buffers_top(&ctx->srv->buffers))) != NULL) {
		char *joined = xasprintf("%s%s", pb->data, data);

		buffers_set(&ctx->srv->buffers, pb->name, joined, strlen(joined));
		free(joined);
		return 0;
	}
	buffers_set(&ctx->srv->buffers, name, data, strlen(data));
	return 0;
}

static int cmd_show_buffer(struct cmd_ctx *ctx, struct args *a)
{
	struct paste_buffer *pb = target_buffer(ctx, a);

	if (pb == NULL)
		return -1;
	buf_add(&ctx->out, pb->data, pb->size); /* exactly the buffer, as tmux */
	return 0;
}

static int cmd_list_buffers(struct cmd_ctx *ctx, struct args *a)
{
	struct paste_buffer *pb;
	struct format_buffer fb;
	struct format_ctx fc;
	struct cmd_list l;

	cmd_list_begin(&l, ctx, a, "#{buffer_name}: #{buffer_size} bytes: \"#{buffer_sample}\"");
	for (pb = ctx->srv->buffers.first; pb != NULL; pb = pb->next) {
		fb.name = pb->name;
		fb.data = pb->data;
		fb.size = pb->size;
		fb.created = pb->created;
		memset(&fc, 0, sizeof fc);
		fc.srv = ctx->srv;
		fc.b = &fb;
		cmd_list_item(&l, &fc);
	}
	cmd_list_end(&l);
	return 0;
}

static int delete_buffer(struct cmd_ctx *ctx, struct args *a)
{
	if (target_buffer(ctx, a) == NULL)
		return -1;
	buffers_delete(&ctx->srv->buffers, args_get(a, 'b'));
	return 0;
}

static int cmd_save_buffer(struct cmd_ctx *ctx, struct args *a)
{
	struct paste_buffer *pb = target_buffer(ctx, a);
	char *path;
	int fd, rc = 0;
	size_t done = 0;

	if (pb == NULL)
		return -1;
	if (strcmp(a->argv[0], "-") == 0) {
		buf_add(&ctx->out, pb->data, pb->size);
		return 0;
	}
	path = client_path(ctx, a->argv[0]);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (args_has(a, 'a') ? O_APPEND : O_TRUNC),
		  0666);
	if (fd < 0) {
		rc = cmd_error(ctx, "%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	while (done < pb->size) {
		ssize_t n = write(fd, pb->data + done, pb->size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = cmd_error(ctx, "%s: %s", path, strerror(errno));
			break;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0 && rc == 0)
		rc = cmd_error(ctx, "%s: %s", path, strerror(errno));
	free(path);
	return rc;
}

/* -w: the buffer just set also goes to the clipboard of the target client's
 * terminal (-t, else the current client), as tmux. */
static void buffer_to_clipboard(struct cmd_ctx *ctx, const char *client, const char *name)
{
	struct peer *c =
		client != NULL ? cmd_find_client(ctx, client) : cmd_current_client(ctx, NULL);
	struct paste_buffer *pb = name != NULL ? buffers_find(&ctx->srv->buffers, name)
					       : buffers_top(&ctx->srv->buffers);

	if (c != NULL && pb != NULL)
		passthru_client_selection(c, pb->data, pb->size);
}

struct stdin_load {
	struct cmd_ctx *ctx;
	char *name;   /* -b, or NULL */
	int clip;     /* -w */
	char *client; /* -t, or NULL */
};

static void load_stdin_done(void *arg, const char *data, size_t len, const char *err)
{
	struct stdin_load *l = arg;
	struct cmd_ctx *ctx = l->ctx;

	if (err != NULL)
		cmd_error(ctx, "load-buffer: %s", err);
	else if (len > 0) /* nothing read makes no buffer, as in tmux */
		buffers_set(&ctx->srv->buffers, l->name, data, len);
	if (err == NULL && len > 0 && l->clip)
		buffer_to_clipboard(ctx, l->client, l->name);
	free(l->client);
	free(l->name);
	free(l);
	cmd_resume(ctx);
}

/* load-buffer -: the client's stdin, which the list waits for. */
static int load_stdin(struct cmd_ctx *ctx, struct args *a)
{
	struct stdin_load *l = xcalloc(1, sizeof *l);

	l->ctx = ctx;
	l->name = args_get(a, 'b') != NULL ? xstrdup(args_get(a, 'b')) : NULL;
	l->clip = args_has(a, 'w');
	l->client = args_get(a, 't') != NULL ? xstrdup(args_get(a, 't')) : NULL;
	if (cmd_read_stdin(ctx, NULL, load_stdin_done, l) != 0) {
		free(l->client);
		free(l->name);
		free(l);
		return -1;
	}
	return 0;
}

static int load_buffer(struct cmd_ctx *ctx, struct args *a)
{
	struct buf data;
	char chunk[65536], *path;
	int fd, rc = 0;

	if (strcmp(a->argv[0], "-") == 0)
		return load_stdin(ctx, a);
	path = client_path(ctx, a->argv[0]);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rc = cmd_error(ctx, "%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	buf_init(&data);
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = cmd_error(ctx, "%s: %s", path, strerror(errno));
		if (n <= 0)
			break;
		buf_add(&data, chunk, (size_t)n);
	}
	close(fd);
	if (rc == 0)
		buffers_set(&ctx->srv->buffers, args_get(a, 'b'), data.data ? data.data : "",
			    data.len);
	buf_free(&data);
	free(path);
	return rc;
}

/* Paste into a pane: line feeds become the separator (a carriage return
 * unless -s or -r say otherwise), bracketed if the program asked (-p). */
static int paste_buffer(struct cmd_ctx *ctx, struct args *a)
{
	const char *sep = args_get(a, 's') != NULL ? args_get(a, 's') : "\r";
	struct paste_buffer *pb;
	struct target t;
	struct buf text;
	size_t i;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	pb = target_buffer(ctx, a);
	if (pb == NULL)
		return buffers_top(&ctx->srv->buffers) == NULL && args_get(a, 'b') == NULL ? 0 : -1;
	if (ctx->peer != NULL && ctx->peer->readonly)
		return cmd_error(ctx, "client is read-only");
	buf_init(&text);
	for (i = 0; i < pb->size; i++) {
		if (pb->data[i] == '\n' && !args_has(a, 'r'))
			buf_adds(&text, sep);
		else
			buf_addc(&text, pb->data[i]);
	}
	if (t.p->input_off) {
		/* select-pane -d: dropped, as in tmux */
	} else if (args_has(a, 'p')) {
		grid_paste(t.p->grid, text.data ? text.data : "", text.len);
	} else {
		pane_write(t.p, text.data ? text.data : "", text.len);
	}
	buf_free(&text);
	if (args_has(a, 'd'))
		buffers_delete(&ctx->srv->buffers, pb->name);
	return 0;
}

/* Commands that change the buffers: a pane in buffer mode shows the new list. */
/* -t names a client that must exist, -w or not (as tmux). */
static int client_arg_bad(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = args_get(a, 't');

	if (name == NULL || cmd_find_client(ctx, name) != NULL)
		return 0;
	return cmd_error(ctx, "can't find client: %s", name);
}

static int cmd_set_buffer(struct cmd_ctx *ctx, struct args *a)
{
	int rc;

	if (client_arg_bad(ctx, a))
		return -1;
	rc = set_buffer(ctx, a);

	if (rc == 0 && args_has(a, 'w'))
		buffer_to_clipboard(ctx, args_get(a, 't'), args_get(a, 'b'));
	choose_buffers_changed(ctx->srv);
	return rc;
}

static int cmd_delete_buffer(struct cmd_ctx *ctx, struct args *a)
{
	int rc = delete_buffer(ctx, a);

	choose_buffers_changed(ctx->srv);
	return rc;
}

static int cmd_load_buffer(struct cmd_ctx *ctx, struct args *a)
{
	int rc;

	if (client_arg_bad(ctx, a))
		return -1;
	rc = load_buffer(ctx, a);

	if (rc == 0 && args_has(a, 'w') && strcmp(a->argv[0], "-") != 0)
		buffer_to_clipboard(ctx, args_get(a, 't'), args_get(a, 'b'));
	choose_buffers_changed(ctx->srv);
	return rc;
}

static int cmd_paste_buffer(struct cmd_ctx *ctx, struct args *a)
{
	int rc = paste_buffer(ctx, a);

	choose_buffers_changed(ctx->srv);
	return rc;
}

const struct cmd_entry cmd_buffer_entries[] = {
	{"set-buffer", "setb", "ab:n:t:w", 0, 1,
	 "[-aw] [-b buffer-name] [-n new-buffer-name] [-t target-client] data", cmd_set_buffer},
	{"show-buffer", "showb", "b:", 0, 0, "[-b buffer-name]", cmd_show_buffer},
	{"list-buffers", "lsb", "F:f:j", 0, 0, "[-j] [-F format] [-f filter]", cmd_list_buffers},
	{"delete-buffer", "deleteb", "b:", 0, 0, "[-b buffer-name]", cmd_delete_buffer},
	{"save-buffer", "saveb", "ab:", 1, 1, "[-a] [-b buffer-name] path", cmd_save_buffer},
	{"load-buffer", "loadb", "b:t:w", 1, 1, "[-w] [-b buffer-name] [-t target-client] path",
	 cmd_load_buffer},
	{"paste-buffer", "pasteb", "b:dprs:t:", 0, 0,
	 "[-dpr] [-s separator] [-b buffer-name] [-t target-pane]", cmd_paste_buffer},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
