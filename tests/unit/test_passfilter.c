/* passfilter: DCS tmux; ... ST is cut out of the stream, whole or split,
 * and its data unwrapped; everything else passes untouched. */
#include <stdlib.h>

#include "check.h"
#include "term/passfilter.h"
#include "util/buf.h"

struct sink {
	struct buf out;	 /* bytes passed on */
	struct buf data; /* sequences' data, each followed by '|' */
	int seqs;
	int outs; /* calls passing bytes on */
};

static void collect(void *arg, const char *buf, size_t len)
{
	buf_add(&((struct sink *)arg)->out, buf, len);
	((struct sink *)arg)->outs++;
}

static void done(void *arg, const char *buf, size_t len)
{
	struct sink *s = arg;

	buf_add(&s->data, buf, len);
	buf_addc(&s->data, '|');
	s->seqs++;
}

static void sink_init(struct sink *s)
{
	buf_init(&s->out);
	buf_init(&s->data);
	s->seqs = 0;
	s->outs = 0;
}

static void sink_free(struct sink *s)
{
	buf_free(&s->out);
	buf_free(&s->data);
}

/* Feed len bytes of text in pieces of size step. */
static uint64_t now_ms = 1000;

static void feed(struct passfilter *f, const char *text, size_t len, size_t step, int keep,
		 struct sink *s)
{
	for (size_t i = 0; i < len; i += step)
		passfilter_input(f, text + i, i + step > len ? len - i : step, keep, now_ms,
				 collect, done, s);
}

static void test_whole_and_split(void)
{
	/* a wrapped OSC 0 whose ESCs are doubled, between text and other
	 * sequences, among them another DCS (a sixel-like q) */
	const char in[] = "ab\033[1m\033Ptmux;\033\033]0;title\a\033\\cd"
			  "\033Pq#0;2;0;0;0\033\\ef\033P\033\\gh\033Ptmu\033[0m";
	const char want_out[] = "ab\033[1mcd\033Pq#0;2;0;0;0\033\\ef\033P\033\\gh\033Ptmu\033[0m";
	size_t len = sizeof in - 1;

	for (size_t step = 1; step <= len; step++) {
		struct passfilter f = {0};
		struct sink s;

		sink_init(&s);
		feed(&f, in, len, step, 1, &s);
		CHECK_STR(buf_cstr(&s.out), want_out);
		CHECK_STR(buf_cstr(&s.data), "\033]0;title\a|");
		CHECK_INT(s.seqs, 1);
		passfilter_free(&f);
		sink_free(&s);
	}
}

static void test_doubled_escapes(void)
{
	struct passfilter f = {0};
	struct sink s;
	/* two wrapped sequences, ST inside as ESC ESC \, and an ESC before
	 * another byte (tmux keeps the byte, drops the ESC) */
	const char in[] = "\033Ptmux;\033\033]52;c;eA==\033\033\\\033\\"
			  "\033Ptmux;a\033xb\033\033\033\033c\033\\z";

	sink_init(&s);
	feed(&f, in, sizeof in - 1, sizeof in, 1, &s);
	CHECK_STR(buf_cstr(&s.data), "\033]52;c;eA==\033\\|axb\033\033c|");
	CHECK_STR(buf_cstr(&s.out), "z");
	passfilter_free(&f);
	sink_free(&s);
}

static void test_off_drops_it(void)
{
	struct passfilter f = {0};
	struct sink s;
	const char in[] = "x\033Ptmux;\033\033]0;t\a\033\\y\033Ptmux;\033\\";

	sink_init(&s);
	feed(&f, in, sizeof in - 1, 3, 0, &s);
	CHECK_STR(buf_cstr(&s.out), "xy");
	CHECK_INT(s.seqs, 0);
	passfilter_free(&f);
	sink_free(&s);
}

static void test_held_escape(void)
{
	struct passfilter f = {0};
	struct sink s;

	sink_init(&s);
	/* an ESC at the end waits for what it starts */
	feed(&f, "a\033", 2, 2, 1, &s);
	CHECK_STR(buf_cstr(&s.out), "a");
	feed(&f, "[2J", 3, 3, 1, &s);
	CHECK_STR(buf_cstr(&s.out), "a\033[2J");
	/* so does a partial introducer, and an ESC after it starts again */
	feed(&f, "\033Ptm", 4, 4, 1, &s);
	CHECK_STR(buf_cstr(&s.out), "a\033[2J");
	feed(&f, "\033Ptmux;q\033\\", 10, 10, 1, &s);
	CHECK_STR(buf_cstr(&s.out), "a\033[2J\033Ptm");
	CHECK_STR(buf_cstr(&s.data), "q|");
	passfilter_free(&f);
	sink_free(&s);
}

static void test_never_ending_is_bounded(void)
{
	struct passfilter f = {0};
	struct sink s;
	char *chunk = malloc(65536);

	sink_init(&s);
	memset(chunk, 'x', 65536);
	feed(&f, "\033Ptmux;", 7, 7, 1, &s);
	for (int i = 0; i < 40; i++) /* 2.5 MB */
		feed(&f, chunk, 65536, 65536, 1, &s);
	CHECK(f.size <= PASSFILTER_MAX);
	CHECK_INT(s.out.len, 0);
	/* its end: nothing delivered, and what follows is text again */
	feed(&f, "\033\\after", 7, 7, 1, &s);
	CHECK_INT(s.seqs, 0);
	CHECK_STR(buf_cstr(&s.out), "after");
	CHECK(f.data == NULL);
	/* the next one is delivered */
	feed(&f, "\033Ptmux;ok\033\\", 11, 11, 1, &s);
	CHECK_STR(buf_cstr(&s.data), "ok|");
	free(chunk);
	passfilter_free(&f);
	sink_free(&s);
}

/* Output without the sequence passes in one piece: the grid parses it
 * as one input. */
static void test_not_split(void)
{
	struct passfilter f = {0};
	struct sink s;
	const char in[] = "a\033[1mb\033]0;x\007c\033P1$r\033\\d\033Pt\033[m";

	sink_init(&s);
	feed(&f, in, sizeof in - 1, sizeof in, 1, &s);
	CHECK_STR(buf_cstr(&s.out), in);
	CHECK_INT(s.outs, 1);
	passfilter_free(&f);
	sink_free(&s);
}

/* A sequence open for PASSFILTER_TIMEOUT_MS is given up: what follows is
 * text, as in tmux. */
static void test_timeout(void)
{
	struct passfilter f = {0};
	struct sink s;

	sink_init(&s);
	now_ms = 50000;
	feed(&f, "a\033Ptmux;lost", 12, 12, 1, &s);
	now_ms += PASSFILTER_TIMEOUT_MS - 1;
	feed(&f, "still", 5, 5, 1, &s);
	CHECK_STR(buf_cstr(&s.out), "a");
	now_ms += 1;
	feed(&f, "text\033\\", 6, 6, 1, &s);
	CHECK_STR(buf_cstr(&s.out), "atext\033\\");
	CHECK_INT(s.seqs, 0);
	/* a sequence begun later has its own time */
	feed(&f, "\033Ptmux;x", 8, 8, 1, &s);
	now_ms += PASSFILTER_TIMEOUT_MS - 1;
	feed(&f, "y\033\\", 3, 3, 1, &s);
	CHECK_STR(buf_cstr(&s.data), "xy|");
	passfilter_free(&f);
	sink_free(&s);
}

int main(void)
{
	test_timeout();
	test_not_split();
	test_whole_and_split();
	test_doubled_escapes();
	test_off_drops_it();
	test_held_escape();
	test_never_ending_is_bounded();
	CHECK_DONE();
}
