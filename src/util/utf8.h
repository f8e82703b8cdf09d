/* utf8: decoding text for the renderer and the status line. */
#ifndef PMUX_UTIL_UTF8_H
#define PMUX_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 character from a NUL-terminated string into *cp; returns
 * the bytes it took. Invalid bytes come out as U+FFFD, one each. */
size_t utf8_next(const char *s, uint32_t *cp);

#endif
