/*
 * job: a shell command run by the server for run-shell and if-shell, its
 * output collected through a pipe without ever blocking the loop. The job is
 * done once its output has reached EOF and its process has been reaped.
 */
#ifndef PMUX_SERVER_JOB_H
#define PMUX_SERVER_JOB_H

#include <sys/types.h>

#include "util/buf.h"

struct server;
struct job;

/* status is the wait status; output everything the command wrote to
 * stdout and stderr. */
typedef void job_done_fn(struct job *j, int status, const struct buf *output, void *arg);

/* The output so far, after each read that got some (a command that goes on
 * writing: #(tail -f log) in the status line). */
typedef void job_update_fn(const struct buf *output, void *arg);

struct job_opts {
	job_done_fn *done;
	job_update_fn *update; /* or NULL */
	size_t keep;	       /* keep about the last this many bytes of output; 0 all */
	void *arg;
};

/* Run /bin/sh -c command in cwd with envp. Returns 0, or -1 with *err. */
int job_start(struct server *srv, const char *command, const char *cwd, char **envp,
	      job_done_fn *done, void *arg, char **err);
int job_start_opts(struct server *srv, const char *command, const char *cwd, char **envp,
		   const struct job_opts *o, char **err);
/* SIGCHLD: returns 1 if pid was a job's. */
int job_reaped(pid_t pid, int status);
/* Forget the callback of every job whose arg is arg (its owner went away). */
void job_forget(void *arg);
/* Kill and forget every job (server shutdown). */
void job_kill_all(void);

#endif
