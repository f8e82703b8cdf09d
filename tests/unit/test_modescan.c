/* Unit tests for modescan: DECSET/DECRST of one mode in a byte stream. */
#include "check.h"
#include "term/modescan.h"

static int feed(struct modescan *m, const char *s)
{
	return modescan_feed(m, s, strlen(s));
}

static void test_whole(void)
{
	struct modescan m;

	modescan_init(&m, 2026);
	CHECK_INT(feed(&m, "text \033[?2026h more"), 1);
	CHECK_INT(feed(&m, "\033[1;31mred\033[0m"), -1);
	CHECK_INT(feed(&m, "\033[?2026l"), 0);
	CHECK_INT(feed(&m, "\033[?2026h frame \033[?2026l"), 0);
	CHECK_INT(feed(&m, "\033[?25;2026;1049h"), 1);
	CHECK_INT(feed(&m, "\033[?20260h\033[?202h\033[2026h\033[?2026$p"), -1);
	CHECK_INT(feed(&m, "\033\033[?2026l"), 0);
}

static void test_split(void)
{
	const char *seq = "ab\033[?1;2026h";
	struct modescan m;

	/* cut at every place: the setting is seen once, in the last piece */
	for (size_t cut = 0; cut <= strlen(seq); cut++) {
		modescan_init(&m, 2026);
		int a = modescan_feed(&m, seq, cut);
		int b = modescan_feed(&m, seq + cut, strlen(seq) - cut);

		CHECK_INT(a, cut == strlen(seq) ? 1 : -1);
		CHECK_INT(b, cut == strlen(seq) ? -1 : 1);
	}
}

int main(void)
{
	test_whole();
	test_split();
	CHECK_DONE();
}
