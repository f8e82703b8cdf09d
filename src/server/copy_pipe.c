/*
 * copy_pipe: see copy_pipe.h. The text is put in an anonymous memory file
 * (memfd) that becomes the command's standard input, so the server never
 * waits for the command to read it and keeps no state for it; the child is
 * reaped by the server's SIGCHLD handler like any other.
 */
#include "server/copy_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "server/environ.h"
#include "server/child.h"
#include "server/server.h"
#include "util/log.h"

/* The text in a memory file, read from its start; -1 on failure. */
static int text_file(const char *data, size_t len)
{
	int fd = memfd_create("pmux-copy-pipe", MFD_CLOEXEC);
	size_t done = 0;

	if (fd < 0) {
		log_debug("copy-pipe: memfd_create: %s", strerror(errno));
		return -1;
	}
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_debug("copy-pipe: write: %s", strerror(errno));
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int copy_pipe_start(struct pane *p, const char *command, const char *data, size_t len)
{
	struct session *s = p->window != NULL ? p->window->session : NULL;
	char **envp, *cwd;
	int fd = text_file(data, len);
	pid_t pid;

	if (fd < 0)
		return -1;
	envp = environ_build(&p->srv->env, s != NULL ? &s->env : NULL);
	cwd = pane_current_path(p);
	pid = fork();
	if (pid == 0)
		child_shell(command, *cwd != '\0' ? cwd : "/", envp, fd, -1, -1);
	if (pid < 0)
		log_debug("copy-pipe: fork: %s", strerror(errno));
	close(fd);
	free(cwd);
	strv_free(envp);
	return pid < 0 ? -1 : 0;
}
