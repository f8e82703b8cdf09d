/* log: a process-wide log file, off unless -v asked for it. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

#include "util/log.h"

static FILE *log_file;

void log_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

	if (fd < 0)
		return;
	log_file = fdopen(fd, "a");
	if (log_file == NULL) {
		close(fd);
		return;
	}
	setvbuf(log_file, NULL, _IOLBF, 0);
}

void log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

void log_debug(const char *fmt, ...)
{
	struct timeval tv;
	va_list ap;

	if (log_file == NULL)
		return;
	gettimeofday(&tv, NULL);
	fprintf(log_file, "%lld.%06ld [%d] ", (long long)tv.tv_sec, (long)tv.tv_usec,
		(int)getpid());
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
}
