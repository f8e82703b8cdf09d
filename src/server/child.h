/*
 * child: what a forked child does to run a shell command for the server
 * (run-shell and if-shell jobs, pipe-pane, copy-pipe): default signals, its
 * own session (no terminal, and killable as a group), the given descriptors
 * as its standard streams, then /bin/sh -c.
 */
#ifndef PMUX_SERVER_CHILD_H
#define PMUX_SERVER_CHILD_H

/* In a forked child only; never returns. in, out and err become fds 0, 1
 * and 2 (-1: /dev/null). With cwd, the command runs there (or in / if it
 * cannot); without, where the server is. */
void child_shell(const char *command, const char *cwd, char **envp, int in, int out, int err)
	__attribute__((noreturn));

#endif
