/* proc: what /proc says about processes (Linux). */
#ifndef PMUX_SERVER_PROC_H
#define PMUX_SERVER_PROC_H

#include <sys/types.h>

struct proc_stat {
	pid_t pid;
	char state; /* R S D T t Z … */
	pid_t ppid;
	pid_t pgrp;
	pid_t session;
	int tty_nr;
	pid_t tpgid;
};

/* Read /proc/PID/stat. Returns 0, or -1 if the process is gone. */
int proc_stat(pid_t pid, struct proc_stat *st);
/* Call fn for every process; stops early if fn returns non-zero. */
void proc_each(int (*fn)(const struct proc_stat *st, void *ctx), void *ctx);
/* The command name of PID as tmux shows it: first argument, basename, no
 * leading '-'. malloc'd, or NULL. */
char *proc_command_name(pid_t pid);
/* The working directory of PID, malloc'd, or NULL. */
char *proc_cwd(pid_t pid);

#endif
