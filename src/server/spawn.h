/*
 * spawn: start a pane's program as a session leader whose controlling
 * terminal is a new pty's slave, with sane termios, default signal
 * dispositions and only fds 0-2.
 */
#ifndef PMUX_SERVER_SPAWN_H
#define PMUX_SERVER_SPAWN_H

#include <sys/types.h>

struct spawn_request {
	char **argv;	   /* argv[0] is the path searched in PATH */
	const char *argv0; /* what the program sees as argv[0] ("-bash" for a login shell) */
	char **envp;
	const char *cwd;
	int rows, cols;
};

struct spawn_result {
	int master; /* non-blocking, close-on-exec */
	pid_t pid;
	char tty[64];
};

/* Returns 0, or -1 with a message in *err (malloc'd). */
int spawn_pane(const struct spawn_request *req, struct spawn_result *res, char **err);

#endif
