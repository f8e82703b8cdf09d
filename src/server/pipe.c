/* pipe: pipe-pane's command and its two streams. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server/pipe.h"
#include "server/child.h"
#include "server/server.h"
#include "util/log.h"

/* Past this much unwritten output the command is too slow: the pipe is
 * closed rather than letting the server's memory grow without bound. */
#define PIPE_MAX_QUEUED (64u * 1024 * 1024)

struct pane_pipe {
	struct pane *pane; /* NULL once the pane has let go */
	pid_t pid;
	uv_pipe_t in;  /* to the command's stdin (-O) */
	uv_pipe_t out; /* from the command's stdout (-I) */
	int has_in, has_out, open_handles;
};

static void pipe_close_cb(uv_handle_t *h)
{
	struct pane_pipe *pp = h->data;

	if (--pp->open_handles == 0)
		free(pp);
}

static void pipe_release(struct pane_pipe *pp)
{
	if (pp->has_in && !uv_is_closing((uv_handle_t *)&pp->in))
		uv_close((uv_handle_t *)&pp->in, pipe_close_cb);
	if (pp->has_out && !uv_is_closing((uv_handle_t *)&pp->out))
		uv_close((uv_handle_t *)&pp->out, pipe_close_cb);
}

void pipe_close(struct pane *p)
{
	struct pane_pipe *pp = p->pipe;

	if (pp == NULL)
		return;
	p->pipe = NULL;
	pp->pane = NULL;
	pipe_release(pp);
}

int pipe_active(const struct pane *p)
{
	return p->pipe != NULL;
}

static void write_cb(uv_write_t *req, int status)
{
	free(req->data);
	free(req);
}

void pipe_output(struct pane *p, const char *buf, size_t len)
{
	struct pane_pipe *pp = p->pipe;
	uv_write_t *req;
	uv_buf_t b;

	if (pp == NULL || !pp->has_in)
		return;
	if (uv_stream_get_write_queue_size((uv_stream_t *)&pp->in) > PIPE_MAX_QUEUED) {
		log_debug("pipe-pane %%%u: command too slow, pipe closed", p->id);
		pipe_close(p);
		return;
	}
	req = xmalloc(sizeof *req);
	req->data = xmalloc(len);
	memcpy(req->data, buf, len);
	b = uv_buf_init(req->data, (unsigned)len);
	if (uv_write(req, (uv_stream_t *)&pp->in, &b, 1, write_cb) != 0) {
		free(req->data);
		free(req);
		pipe_close(p); /* the command has gone */
	}
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *b)
{
	b->base = xmalloc(suggested);
	b->len = suggested;
}

static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
	struct pane_pipe *pp = s->data;

	if (n > 0 && pp->pane != NULL)
		pane_write(pp->pane, b->base, (size_t)n);
	free(b->base);
	if (n < 0 && pp->pane != NULL)
		pipe_close(pp->pane);
}

static int make_pipe(int fds[2], char **err)
{
	if (pipe2(fds, O_CLOEXEC) == 0)
		return 0;
	*err = xasprintf("pipe: %s", strerror(errno));
	return -1;
}

int pipe_open(struct pane *p, const char *command, int from_pane, int to_pane, char **envp,
	      char **err)
{
	int in[2] = {-1, -1}, out[2] = {-1, -1};
	struct pane_pipe *pp;
	pid_t pid;

	if ((from_pane && make_pipe(in, err) != 0) || (to_pane && make_pipe(out, err) != 0))
		goto fail;
	pid = fork();
	if (pid < 0) {
		*err = xasprintf("fork: %s", strerror(errno));
		goto fail;
	}
	if (pid == 0)
		child_shell(command, NULL, envp, in[0], out[1], -1);
	pipe_close(p);
	pp = xcalloc(1, sizeof *pp);
	pp->pane = p;
	pp->pid = pid;
	if (from_pane) {
		close(in[0]);
		uv_pipe_init(p->srv->loop, &pp->in, 0);
		uv_pipe_open(&pp->in, in[1]);
		pp->in.data = pp;
		pp->has_in = 1;
		pp->open_handles++;
	}
	if (to_pane) {
		close(out[1]);
		uv_pipe_init(p->srv->loop, &pp->out, 0);
		uv_pipe_open(&pp->out, out[0]);
		pp->out.data = pp;
		pp->has_out = 1;
		pp->open_handles++;
		uv_read_start((uv_stream_t *)&pp->out, alloc_cb, read_cb);
	}
	p->pipe = pp;
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (in[i] >= 0)
			close(in[i]);
		if (out[i] >= 0)
			close(out[i]);
	}
	return -1;
}
