/* buf: a growable byte buffer, and the allocation helpers everything uses. */
#ifndef PMUX_UTIL_BUF_H
#define PMUX_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reserve(struct buf *b, size_t more);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Drop the first n bytes. */
void buf_consume(struct buf *b, size_t n);
/* NUL-terminate (not counted in len) and return data. */
char *buf_cstr(struct buf *b);
/* Hand over the data (NUL-terminated); the buffer is empty afterwards. */
char *buf_detach(struct buf *b);
/* Write what the non-blocking fd takes now; the rest stays. On an error
 * other than EAGAIN the reader is gone and the data with it (dropped). */
void buf_write_fd(struct buf *b, int fd);

/* Allocation that cannot fail: out of memory ends the process with a message,
 * as there is no sane way for a multiplexer to continue half-allocated. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
/* Free a NULL-terminated vector of strings and the strings (NULL is fine). */
void strv_free(char **v);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
