/* modescan: one DEC private mode in a byte stream. See modescan.h. */
#include "term/modescan.h"

#include <string.h>

enum { MS_GROUND, MS_ESC, MS_CSI, MS_PARAM };

#define MS_NUM_MAX 100000u /* parameters past this are no mode we watch */

void modescan_init(struct modescan *m, int mode)
{
	memset(m, 0, sizeof *m);
	m->mode = mode;
}

/* One byte after ESC; returns the setting it completes, or -1. */
static int step(struct modescan *m, unsigned char c)
{
	switch (m->state) {
	case MS_ESC:
		m->state = c == '[' ? MS_CSI : c == 0x1b ? MS_ESC : MS_GROUND;
		return -1;
	case MS_CSI:
		m->state = c == '?' ? MS_PARAM : c == 0x1b ? MS_ESC : MS_GROUND;
		m->hit = 0;
		m->num = 0;
		return -1;
	case MS_PARAM:
		if (c >= '0' && c <= '9') {
			if (m->num < MS_NUM_MAX)
				m->num = m->num * 10 + (c - '0');
			return -1;
		}
		if (m->num == (uint32_t)m->mode)
			m->hit = 1;
		m->num = 0;
		if (c == ';')
			return -1;
		m->state = c == 0x1b ? MS_ESC : MS_GROUND;
		if ((c == 'h' || c == 'l') && m->hit)
			return c == 'h';
		return -1;
	default:
		m->state = c == 0x1b ? MS_ESC : MS_GROUND;
		return -1;
	}
}

int modescan_feed(struct modescan *m, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *e;
	int last = -1, r;

	while (p < end) {
		if (m->state == MS_GROUND) {
			e = memchr(p, 0x1b, (size_t)(end - p));
			if (e == NULL)
				break;
			m->state = MS_ESC;
			p = e + 1;
			continue;
		}
		r = step(m, (unsigned char)*p++);
		if (r >= 0)
			last = r;
	}
	return last;
}
