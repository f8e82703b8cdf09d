/*
 * pipe: pipe-pane. A shell command receives what the pane's program prints
 * (-O, the default) and/or types into the pane what it writes (-I). The
 * pipes are libuv streams: a slow command is buffered, never waited for.
 */
#ifndef PMUX_SERVER_PIPE_H
#define PMUX_SERVER_PIPE_H

#include <stddef.h>

struct pane;
struct environ;

/* Start piping; replaces any pipe the pane has. Returns 0, or -1 with *err. */
int pipe_open(struct pane *p, const char *command, int from_pane, int to_pane, char **envp,
	      char **err);
/* Stop piping (the command sees EOF). */
void pipe_close(struct pane *p);
int pipe_active(const struct pane *p);
/* The pane's output, for the command. */
void pipe_output(struct pane *p, const char *buf, size_t len);

#endif
