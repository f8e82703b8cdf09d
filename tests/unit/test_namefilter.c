/* namefilter: ESC k name ESC \ is cut out of the stream, whole or split. */
#include <stdlib.h>

#include "check.h"
#include "term/namefilter.h"
#include "util/buf.h"

static void collect(void *arg, const char *buf, size_t len)
{
	buf_add(arg, buf, len);
}

/* Feed text in pieces of size step; returns the number of names seen. */
static int feed(struct namefilter *nf, const char *text, size_t step, struct buf *out)
{
	size_t len = strlen(text), i;
	int names = 0;

	for (i = 0; i < len; i += step)
		names += namefilter_input(nf, text + i, i + step > len ? len - i : step, collect,
					  out);
	return names;
}

static void test_whole_and_split(void)
{
	const char *in = "ab\033kmy name\033\\cd\033[1mef\033";
	size_t step;

	for (step = 1; step <= strlen(in); step++) {
		struct namefilter nf = {0};
		struct buf out;

		buf_init(&out);
		CHECK_INT(feed(&nf, in, step, &out), 1);
		CHECK_STR(nf.last, "my name");
		/* the final ESC is held until the next read says what it starts */
		CHECK_STR(buf_cstr(&out), "abcd\033[1mef");
		CHECK_INT(namefilter_input(&nf, "[0m", 3, collect, &out), 0);
		CHECK_STR(buf_cstr(&out), "abcd\033[1mef\033[0m");
		namefilter_free(&nf);
		buf_free(&out);
	}
}

/* Text without a name costs no buffers (every pane has a filter). */
static void test_no_name_no_buffers(void)
{
	struct namefilter nf = {0};
	struct buf out;
	const char *text = "plain \033[1mtext\033";

	buf_init(&out);
	CHECK_INT(namefilter_input(&nf, text, strlen(text), collect, &out), 0);
	CHECK(nf.name == NULL);
	namefilter_free(&nf);
	buf_free(&out);
}

static void test_bel_and_other_ends(void)
{
	struct namefilter nf = {0};
	struct buf out;

	buf_init(&out);
	CHECK_INT(feed(&nf, "\033kone\a.", 100, &out), 1);
	CHECK_STR(nf.last, "one");
	/* another escape ends the name and is kept */
	CHECK_INT(feed(&nf, "\033ktwo\033[2J", 100, &out), 1);
	CHECK_STR(nf.last, "two");
	CHECK_STR(buf_cstr(&out), ".\033[2J");
	/* a partial name is not reported */
	CHECK_INT(feed(&nf, "\033kthr", 100, &out), 0);
	CHECK_STR(nf.last, "two");
	CHECK_INT(feed(&nf, "ee\033\\", 100, &out), 1);
	CHECK_STR(nf.last, "three");
	namefilter_free(&nf);
	buf_free(&out);
}

static void test_long_name_is_cut(void)
{
	struct namefilter nf = {0};
	struct buf in, out;
	int i;

	buf_init(&in);
	buf_init(&out);
	buf_adds(&in, "\033k");
	for (i = 0; i < NAMEFILTER_MAX + 50; i++)
		buf_addc(&in, 'x');
	buf_adds(&in, "\033\\z");
	CHECK_INT(namefilter_input(&nf, in.data, in.len, collect, &out), 1);
	CHECK_INT(strlen(nf.last), NAMEFILTER_MAX);
	CHECK_STR(buf_cstr(&out), "z");
	namefilter_free(&nf);
	buf_free(&in);
	buf_free(&out);
}

int main(void)
{
	test_whole_and_split();
	test_bel_and_other_ends();
	test_long_name_is_cut();
	test_no_name_no_buffers();
	CHECK_DONE();
}
