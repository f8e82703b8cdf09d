/* log: the server's optional log file (-v). */
#ifndef PMUX_UTIL_LOG_H
#define PMUX_UTIL_LOG_H

void log_open(const char *path);
void log_close(void);
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
