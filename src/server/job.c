/* job: background shell commands with their output. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server/job.h"
#include "server/child.h"
#include "server/server.h"
#include "util/log.h"

struct job {
	struct job *next;
	pid_t pid;
	int fd;
	uv_poll_t poll;
	struct buf output;
	int eof, reaped, status;
	job_done_fn *done;
	job_update_fn *update; /* after each read, or NULL */
	size_t keep;	       /* keep only about the last this many bytes (0: all) */
	void *arg;
};

/* One server per process: the jobs list is the process's. */
static struct job *jobs;

static void job_close_cb(uv_handle_t *h)
{
	struct job *j = h->data;

	buf_free(&j->output);
	free(j);
}

static void job_finish_if_done(struct job *j)
{
	struct job **pp;

	if (!j->eof || !j->reaped)
		return;
	for (pp = &jobs; *pp != NULL && *pp != j; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = j->next;
	if (j->done != NULL)
		j->done(j, j->status, &j->output, j->arg);
	uv_close((uv_handle_t *)&j->poll, job_close_cb);
	close(j->fd);
}

static void job_read_cb(uv_poll_t *h, int status, int events)
{
	struct job *j = h->data;
	char buf[16384];

	for (;;) {
		ssize_t n = read(j->fd, buf, sizeof buf);

		if (n > 0) {
			buf_add(&j->output, buf, (size_t)n);
			if (j->keep > 0 && j->output.len > 2 * j->keep)
				buf_consume(&j->output, j->output.len - j->keep);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			if (j->update != NULL)
				j->update(&j->output, j->arg);
			return;
		}
		break; /* EOF or error */
	}
	uv_poll_stop(&j->poll);
	j->eof = 1;
	job_finish_if_done(j);
}

int job_start(struct server *srv, const char *command, const char *cwd, char **envp,
	      job_done_fn *done, void *arg, char **err)
{
	struct job_opts o = {.done = done, .arg = arg};

	return job_start_opts(srv, command, cwd, envp, &o, err);
}

int job_start_opts(struct server *srv, const char *command, const char *cwd, char **envp,
		   const struct job_opts *o, char **err)
{
	struct job *j;
	int fds[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) != 0) {
		*err = xasprintf("pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		*err = xasprintf("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0)
		child_shell(command, cwd != NULL ? cwd : "/", envp, -1, fds[1], fds[1]);
	close(fds[1]);
	if (fcntl(fds[0], F_SETFL, O_NONBLOCK) != 0)
		log_debug("job: fcntl: %s", strerror(errno));
	j = xcalloc(1, sizeof *j);
	j->pid = pid;
	j->fd = fds[0];
	j->done = o->done;
	j->update = o->update;
	j->keep = o->keep;
	j->arg = o->arg;
	buf_init(&j->output);
	uv_poll_init(srv->loop, &j->poll, j->fd);
	j->poll.data = j;
	uv_poll_start(&j->poll, UV_READABLE, job_read_cb);
	j->next = jobs;
	jobs = j;
	return 0;
}

int job_reaped(pid_t pid, int status)
{
	struct job *j;

	for (j = jobs; j != NULL; j = j->next) {
		if (j->pid == pid && !j->reaped) {
			j->reaped = 1;
			j->status = status;
			job_finish_if_done(j);
			return 1;
		}
	}
	return 0;
}

void job_forget(void *arg)
{
	struct job *j;

	for (j = jobs; j != NULL; j = j->next) {
		if (j->arg == arg)
			j->done = NULL, j->update = NULL;
	}
}

void job_kill_all(void)
{
	struct job *j;

	for (j = jobs; j != NULL; j = j->next) {
		j->done = NULL;
		j->update = NULL;
		if (!j->reaped)
			kill(-j->pid, SIGTERM);
	}
}
