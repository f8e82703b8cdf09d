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

/* How many more bytes of the introducer, after the first from, are at p
 * (up to len of them). */
static size_t intro_match(const char *p, size_t len, size_t from)
{
	size_t n = 0;

	while (from + n < INTRO_LEN && n < len && p[n] == intro[from + n])
		n++;
	return n;
}

static void data_start(struct passfilter *f, uint64_t now)
{
	f->started = now;
	f->matched = 0;
	f->state = PF_DATA;
	f->len = 0;
	f->overflow = 0;
}

/*
 * Text up to the next introducer, passed on in one piece (other escape
 * sequences in it are not cut), or up to the end, where the start of an
 * introducer waits for the next read to say whether it is one. Returns how
 * many bytes were used.
 */
static size_t text_step(struct passfilter *f, const char *buf, size_t len, uint64_t now,
			passfilter_fn *out, void *arg)
{
	const char *p = buf, *e, *end = buf + len;
	size_t k;

	if (f->matched > 0) {
		k = intro_match(buf, len, f->matched);
		if (f->matched + k == INTRO_LEN) {
			data_start(f, now);
			return k;
		}
		if (k == len) {
			f->matched += k;
			return len;
		}
		/* not ours: what was held goes on, and this read is looked at
		 * from its start */
		out(arg, intro, f->matched);
		f->matched = 0;
		return 0;
	}
	while ((e = memchr(p, '\033', (size_t)(end - p))) != NULL) {
		k = intro_match(e, (size_t)(end - e), 0);
		if (k == INTRO_LEN || e + k == end) {
			if (e > buf)
				out(arg, buf, (size_t)(e - buf));
			if (k == INTRO_LEN) {
				data_start(f, now);
				return (size_t)(e - buf) + k;
			}
			f->matched = (uint8_t)k;
			return len;
		}
		p = e + 1;
	}
	out(arg, buf, len);
	return len;
}

/* Back to text, the data given back if it was big. */
static void sequence_end(struct passfilter *f)
{
	f->state = PF_TEXT;
	f->len = 0;
	if (f->size > PF_KEEP_SIZE) {
		free(f->data);
		f->data = NULL;
		f->size = 0;
	}
}

static void sequence_done(struct passfilter *f, int keep, passfilter_fn *done, void *arg)
{
	if (keep && !f->overflow)
		done(arg, f->data != NULL ? f->data : "", f->len);
	sequence_end(f);
}

void passfilter_input(struct passfilter *f, const char *buf, size_t len, int keep, uint64_t now,
		      passfilter_fn *out, passfilter_fn *done, void *arg)
{
	size_t i = 0;
	const char *e;

	if (f->state != PF_TEXT && now - f->started >= PASSFILTER_TIMEOUT_MS)
		sequence_end(f); /* never ended: given up */
	while (i < len) {
		switch (f->state) {
		case PF_TEXT:
			i += text_step(f, buf + i, len - i, now, out, arg);
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
