/*
 * copy_pipe: see copy_pipe.h. The child is reaped by the server's SIGCHLD
 * handler like any other; nothing waits for it.
 */
#include "server/copy_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server/environ.h"
#include "server/server.h"
#include "util/log.h"

struct copy_pipe {
	uv_pipe_t pipe;
	uv_write_t req;
	char *data;
};

static void copy_pipe_child(const char *command, const char *cwd, char **envp, int in)
{
	struct sigaction sa;
	int null = open("/dev/null", O_WRONLY);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &sa, NULL);
	sigprocmask(SIG_SETMASK, &sa.sa_mask, NULL);
	setsid();
	if (null < 0 || dup2(in, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		_exit(127);
	if (cwd == NULL || chdir(cwd) != 0) {
		if (chdir("/") != 0)
			_exit(127);
	}
	execle("/bin/sh", "sh", "-c", command, (char *)NULL, envp);
	_exit(127);
}

static void closed_cb(uv_handle_t *h)
{
	struct copy_pipe *cp = h->data;

	free(cp->data);
	free(cp);
}

/* Written, or the command went away (EPIPE): either way, done. */
static void written_cb(uv_write_t *req, int status)
{
	struct copy_pipe *cp = req->data;

	if (status < 0)
		log_debug("copy-pipe: write: %s", uv_strerror(status));
	uv_close((uv_handle_t *)&cp->pipe, closed_cb);
}

static pid_t spawn(struct pane *p, const char *command, int in)
{
	struct session *s = p->window != NULL ? p->window->session : NULL;
	char **envp = environ_build(&p->srv->env, s != NULL ? &s->env : NULL);
	char *cwd = pane_current_path(p);
	pid_t pid = fork();

	if (pid == 0)
		copy_pipe_child(command, *cwd != '\0' ? cwd : NULL, envp, in);
	free(cwd);
	for (char **e = envp; e != NULL && *e != NULL; e++)
		free(*e);
	free(envp);
	return pid;
}

int copy_pipe_start(struct pane *p, const char *command, const char *data, size_t len)
{
	struct copy_pipe *cp;
	uv_buf_t b;
	int fds[2];

	if (pipe2(fds, O_CLOEXEC) != 0) {
		log_debug("copy-pipe: pipe: %s", strerror(errno));
		return -1;
	}
	if (spawn(p, command, fds[0]) < 0) {
		log_debug("copy-pipe: fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	close(fds[0]);
	cp = xcalloc(1, sizeof *cp);
	cp->data = xmalloc(len + 1);
	memcpy(cp->data, data, len);
	if (uv_pipe_init(p->srv->loop, &cp->pipe, 0) != 0) {
		close(fds[1]);
		free(cp->data);
		free(cp);
		return -1;
	}
	cp->pipe.data = cp;
	cp->req.data = cp;
	if (uv_pipe_open(&cp->pipe, fds[1]) != 0) {
		close(fds[1]);
		uv_close((uv_handle_t *)&cp->pipe, closed_cb);
		return -1;
	}
	b = uv_buf_init(cp->data, (unsigned)len);
	if (uv_write(&cp->req, (uv_stream_t *)&cp->pipe, &b, 1, written_cb) != 0)
		uv_close((uv_handle_t *)&cp->pipe, closed_cb);
	return 0;
}
