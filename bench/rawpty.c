/*
 * The physical limit for the throughput benchmark: a bare pty, no multiplexer.
 *
 *   rawpty FILE MARKER
 *
 * Opens a pty pair sized 200x50, runs `cat FILE; echo MARKER` on the slave
 * (session leader, slave as controlling tty, as a multiplexer's pane would),
 * drains the master as fast as it can until MARKER has been read, and prints
 * the elapsed seconds.
 */
#define _GNU_SOURCE /* memmem, posix_openpt */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "rawpty: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		die("clock_gettime");
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int open_master(void)
{
	struct winsize ws = {.ws_row = 50, .ws_col = 200};
	int fd = posix_openpt(O_RDWR | O_NOCTTY);

	if (fd < 0)
		die("posix_openpt");
	if (grantpt(fd) != 0 || unlockpt(fd) != 0)
		die("grantpt");
	if (ioctl(fd, TIOCSWINSZ, &ws) != 0)
		die("TIOCSWINSZ");
	return fd;
}

/* In the child: the slave becomes the controlling tty and stdio of sh. */
static void run_child(int master, const char *file, const char *marker)
{
	const char *name = ptsname(master);
	int fd;

	if (name == NULL || setsid() < 0)
		_exit(127);
	fd = open(name, O_RDWR);
	if (fd < 0 || ioctl(fd, TIOCSCTTY, 0) != 0)
		_exit(127);
	if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		_exit(127);
	if (fd > 2)
		close(fd);
	close(master);
	execl("/bin/sh", "sh", "-c", "cat \"$1\"; echo \"$2\"", "sh", file, marker, (char *)NULL);
	_exit(127);
}

/* Read until the marker appears; a marker split across reads is kept in tail. */
static int drain(int master, const char *marker)
{
	static char buf[1 << 16];
	char tail[256 + sizeof buf];
	size_t mlen = strlen(marker), keep = 0;
	ssize_t n;

	for (;;) {
		n = read(master, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		memcpy(tail + keep, buf, (size_t)n);
		keep += (size_t)n;
		if (memmem(tail, keep, marker, mlen) != NULL)
			return 0;
		if (keep > mlen) {
			memmove(tail, tail + keep - mlen, mlen);
			keep = mlen;
		}
	}
}

int main(int argc, char **argv)
{
	double start;
	pid_t pid;
	int master, found;

	if (argc != 3 || strlen(argv[2]) == 0 || strlen(argv[2]) > 255) {
		fprintf(stderr, "usage: rawpty FILE MARKER\n");
		return 1;
	}
	master = open_master();
	start = now();
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0)
		run_child(master, argv[1], argv[2]);
	found = drain(master, argv[2]);
	if (found != 0) {
		fprintf(stderr, "rawpty: the marker never appeared\n");
		return 1;
	}
	printf("%.6f\n", now() - start);
	close(master);
	if (waitpid(pid, NULL, 0) < 0)
		die("waitpid");
	return 0;
}
