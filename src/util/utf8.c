/* utf8: one decoder for everything that walks UTF-8 text. */
#include "util/utf8.h"

size_t utf8_next(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = u[0] < 0xc0 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
	uint32_t c = len == 1 ? u[0] : u[0] & (0x7f >> len);

	if (u[0] >= 0x80 && (len == 1 || u[0] >= 0xf8)) {
		*cp = 0xfffd;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	*cp = c;
	return len;
}

/* The range the second byte of a sequence must be in, by its first byte:
 * this is what rules out overlong forms and surrogates. */
static int second_ok(unsigned char lead, unsigned char b)
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

int utf8_take(const unsigned char *p, size_t len, uint32_t *cp)
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
		if (i == 1 ? !second_ok(lead, p[1]) : (p[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	*cp = c;
	return (int)n;
}

size_t utf8_put(uint32_t cp, char *out)
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}
