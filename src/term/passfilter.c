/* passfilter: DCS tmux; ... ST cut out of a byte stream. See passfilter.h. */
#include "term/passfilter.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

enum { PF_TEXT, PF_DATA, PF_DATA_ESC };

static const char intro[] = "\033Ptmux;";
#define INTRO_LEN (sizeof intro - 1)

/* Above this the buffer is given back once its sequence is done. */
#define PF_KEEP_SIZE 4096

static void data_add(struct passfilter *f, const char *buf, size_t len, int keep)
{
	if (!keep || f->overflow || len == 0)
		return;
	if (len > PASSFILTER_MAX - f->len) {
		f->overflow = 1;
		return;
	}
	if (f->len + len > f->size) {
		size_t size = f->size < 256 ? 256 : f->size;

		while (size < f->len + len)
			size *= 2;
		f->data = xrealloc(f->data, size);
		f->size = size;
	}
	memcpy(f->data + f->len, buf, len);
	f->len += len;
}

/* Text up to the next ESC, and as much of the introducer as follows it.
 * Returns how many bytes were used. */
static size_t text_step(struct passfilter *f, const char *buf, size_t len, passfilter_fn *out,
			void *arg)
{
	const char *e;

	if (f->matched == 0) {
		e = memchr(buf, '\033', len);
		if (e == NULL) {
			out(arg, buf, len);
			return len;
		}
		if (e > buf)
			out(arg, buf, (size_t)(e - buf));
		f->matched = 1;
		return (size_t)(e - buf) + 1;
	}
	if (buf[0] != intro[f->matched]) {
		/* not ours: what was held goes on, and this byte is looked at again */
		out(arg, intro, f->matched);
		f->matched = 0;
		return 0;
	}
	if (++f->matched == INTRO_LEN) {
		f->matched = 0;
		f->state = PF_DATA;
		f->len = 0;
		f->overflow = 0;
	}
	return 1;
}

static void sequence_done(struct passfilter *f, int keep, passfilter_fn *done, void *arg)
{
	f->state = PF_TEXT;
	if (keep && !f->overflow)
		done(arg, f->data != NULL ? f->data : "", f->len);
	f->len = 0;
	if (f->size > PF_KEEP_SIZE) {
		free(f->data);
		f->data = NULL;
		f->size = 0;
	}
}

void passfilter_input(struct passfilter *f, const char *buf, size_t len, int keep,
		      passfilter_fn *out, passfilter_fn *done, void *arg)
{
	size_t i = 0;
	const char *e;

	while (i < len) {
		switch (f->state) {
		case PF_TEXT:
			i += text_step(f, buf + i, len - i, out, arg);
			break;
		case PF_DATA:
			e = memchr(buf + i, '\033', len - i);
			if (e == NULL) {
				data_add(f, buf + i, len - i, keep);
				return;
			}
			data_add(f, buf + i, (size_t)(e - (buf + i)), keep);
			i = (size_t)(e - buf) + 1;
			f->state = PF_DATA_ESC;
			break;
		case PF_DATA_ESC:
			/* ESC \ ends it; as in tmux, any other byte after an ESC
			 * is data and that ESC is dropped (ESC ESC is one ESC) */
			if (buf[i] == '\\') {
				i++;
				sequence_done(f, keep, done, arg);
				break;
			}
			data_add(f, buf + i, 1, keep);
			i++;
			f->state = PF_DATA;
			break;
		}
	}
}

void passfilter_free(struct passfilter *f)
{
	free(f->data);
	memset(f, 0, sizeof *f);
}
