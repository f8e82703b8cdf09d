/* proc: reading /proc/PID/{stat,cmdline,cwd}. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server/proc.h"
#include "util/buf.h"

static ssize_t read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

int proc_stat(pid_t pid, struct proc_stat *st)
{
	char path[64], buf[1024];
	const char *p;
	int ppid, pgrp, session, tty_nr, tpgid;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if (read_file(path, buf, sizeof buf) <= 0)
		return -1;
	/* The command name may hold spaces and parentheses: fields resume
	 * after the last ')'. */
	p = strrchr(buf, ')');
	if (p == NULL)
		return -1;
	if (sscanf(p + 1, " %c %d %d %d %d %d", &st->state, &ppid, &pgrp, &session, &tty_nr,
		   &tpgid) != 6)
		return -1;
	st->pid = pid;
	st->ppid = ppid;
	st->pgrp = pgrp;
	st->session = session;
	st->tty_nr = tty_nr;
	st->tpgid = tpgid;
	return 0;
}

void proc_each(int (*fn)(const struct proc_stat *st, void *ctx), void *ctx)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	struct proc_stat st;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);

		if (*end != '\0' || pid <= 0)
			continue;
		if (proc_stat((pid_t)pid, &st) == 0 && fn(&st, ctx))
			break;
	}
	closedir(d);
}

char *proc_command_name(pid_t pid)
{
	char path[64], buf[4096];
	const char *name, *slash;
	ssize_t n;

	snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
	n = read_file(path, buf, sizeof buf);
	if (n <= 0) {
		/* A zombie or kernel thread has no cmdline: use comm. */
		snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
		n = read_file(path, buf, sizeof buf);
		if (n <= 0)
			return NULL;
		buf[strcspn(buf, "\n")] = '\0';
	}
	name = buf;
	while (*name == '-')
		name++;
	slash = strrchr(name, '/');
	if (slash != NULL && slash[1] != '\0')
		name = slash + 1;
	return xstrdup(name);
}

char *proc_cwd(pid_t pid)
{
	char path[64], target[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof path, "/proc/%d/cwd", (int)pid);
	n = readlink(path, target, sizeof target - 1);
	if (n < 0)
		return NULL;
	target[n] = '\0';
	return xstrdup(target);
}
