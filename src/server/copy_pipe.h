/*
 * copy_pipe: the command of copy-pipe. It runs as /bin/sh -c in its own
 * session with the copied text on its standard input and its output
 * discarded; a command that reads slowly (or not at all) never blocks the
 * server.
 */
#ifndef PMUX_SERVER_COPY_PIPE_H
#define PMUX_SERVER_COPY_PIPE_H

#include <stddef.h>

struct pane;

/* Start command for pane p with data (copied) on its stdin. Returns 0, or
 * -1 if it could not be started. */
int copy_pipe_start(struct pane *p, const char *command, const char *data, size_t len);

#endif
