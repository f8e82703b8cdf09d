/* utf8: decoding text for the renderer and the status line. */
#ifndef PMUX_UTIL_UTF8_H
#define PMUX_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 character from a NUL-terminated string into *cp; returns
 * the bytes it took. Invalid bytes come out as U+FFFD, one each. */
size_t utf8_next(const char *s, uint32_t *cp);

/* Decode one character of a buffer strictly (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF): its length, 0 if the buffer ends
 * inside a character that could still be valid, -1 if the first byte does
 * not start a valid one. */
int utf8_take(const unsigned char *p, size_t len, uint32_t *cp);

/* Encode cp (U+FFFD in place of what cannot be encoded); returns 1 to 4. */
size_t utf8_put(uint32_t cp, char *out);

#endif
