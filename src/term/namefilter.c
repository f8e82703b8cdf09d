/* namefilter: ESC k name ESC \ cut out of a byte stream. */
#include <stdlib.h>
#include <string.h>

#include "term/namefilter.h"

enum {
	NF_TEXT,
	NF_ESC,	     /* an ESC ended the last read */
	NF_NAME,     /* inside ESC k */
	NF_NAME_ESC, /* an ESC inside the name: ST or the end of it */
};

static const char esc = '\033';

/* Text up to the next ESC k (or an ESC at the very end, held until the next
 * read says what it starts). Returns how much was passed on. */
static size_t text_run(struct namefilter *nf, const char *buf, size_t len,
		       void (*out)(void *, const char *, size_t), void *arg)
{
	const char *p = buf, *end = buf + len;

	while ((p = memchr(p, esc, (size_t)(end - p))) != NULL) {
		if (p + 1 == end) {
			nf->state = NF_ESC;
			break;
		}
		if (p[1] == 'k') {
			nf->state = NF_NAME;
			nf->len = 0;
			break;
		}
		p++;
	}
	if (p == NULL)
		p = end;
	if (p > buf)
		out(arg, buf, (size_t)(p - buf));
	if (p == end)
		return len;
	return (size_t)(p - buf) + (nf->state == NF_NAME ? 2 : 1);
}

/* The buffers, on the first name; 0 without memory (the name is lost). */
static int name_buffers(struct namefilter *nf)
{
	if (nf->name == NULL && (nf->name = calloc(2 * NAMEFILTER_MAX + 1, 1)) != NULL)
		nf->last = nf->name + NAMEFILTER_MAX;
	return nf->name != NULL;
}

static void name_add(struct namefilter *nf, char c)
{
	if (nf->len < NAMEFILTER_MAX && name_buffers(nf))
		nf->name[nf->len++] = c;
}

static int name_done(struct namefilter *nf)
{
	nf->state = NF_TEXT;
	if (!name_buffers(nf))
		return 0;
	memmove(nf->last, nf->name, nf->len);
	nf->last[nf->len] = '\0';
	return 1;
}

void namefilter_free(struct namefilter *nf)
{
	free(nf->name);
	nf->name = nf->last = NULL;
}

int namefilter_input(struct namefilter *nf, const char *buf, size_t len,
		     void (*out)(void *arg, const char *buf, size_t len), void *arg)
{
	size_t i = 0;
	int done = 0;

	while (i < len) {
		char c = buf[i];

		switch (nf->state) {
		case NF_TEXT:
			i += text_run(nf, buf + i, len - i, out, arg);
			break;
		case NF_ESC:
			nf->state = NF_TEXT;
			if (c == 'k') {
				nf->state = NF_NAME;
				nf->len = 0;
				i++;
			} else {
				out(arg, &esc, 1);
			}
			break;
		case NF_NAME:
			i++;
			if (c == esc)
				nf->state = NF_NAME_ESC;
			else if (c == '\a')
				done = name_done(nf);
			else
				name_add(nf, c);
			break;
		case NF_NAME_ESC:
			/* ESC \ ends the name; another ESC starts something else,
			 * which ends it too */
			done = name_done(nf);
			if (c == '\\')
				i++;
			else
				out(arg, &esc, 1);
			break;
		}
	}
	return done;
}
