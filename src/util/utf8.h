/* utf8: decoding and encoding UTF-8 (renderer, status line, pane output). */
#ifndef PMUX_UTIL_UTF8_H
#define PMUX_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 character from a NUL-terminated string into *cp; returns
 * the bytes it took. Invalid bytes come out as U+FFFD, one each. */
size_t utf8_next(const char *s, uint32_t *cp);

/* The range the second byte of a sequence must be in, by its first byte:
 * this is what rules out overlong forms and surrogates. */
static inline int utf8_second_ok(unsigned char lead, unsigned char b)
{
	if (lead == 0xe0)
		return b >= 0xa0 && b <= 0xbf;
	if (lead == 0xed)
		return b >= 0x80 && b <= 0x9f;
	if (lead == 0xf0)
		return b >= 0x90 && b <= 0xbf;
	if (lead == 0xf4)
		return b >= 0x80 && b <= 0x8f;
	return (b & 0xc0) == 0x80;
}

/* Decode one character of a buffer strictly (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF): its length, 0 if the buffer ends
 * inside a character that could still be valid, -1 if the first byte does
 * not start a valid one. (Inline: the pane output path calls it per
 * character.) */
static inline int utf8_take(const unsigned char *p, size_t len, uint32_t *cp)
{
	unsigned char lead = p[0];
	size_t n;
	uint32_t c;

	if (lead < 0x80) {
		*cp = lead;
		return 1;
	}
	if (lead < 0xc2 || lead > 0xf4)
		return -1;
	n = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
	c = lead & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if (i >= len)
			return 0;
		if (i == 1 ? !utf8_second_ok(lead, p[1]) : (p[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	*cp = c;
	return (int)n;
}

/* Encode cp (U+FFFD in place of what cannot be encoded); returns 1 to 4. */
size_t utf8_put(uint32_t cp, char *out);

#endif
