/* oscolour and xcolour: the colours programs set and ask for (OSC 4, 10,
 * 11, 104, 110, 111), and the grid answering them, whole or split, ended
 * as they were. */
#include <stdlib.h>

#include "check.h"
#include "term/grid.h"
#include "term/oscolour.h"
#include "term/xcolour.h"
#include "util/buf.h"

static void test_parse(void)
{
	CHECK_INT(xcolour_parse("#102030"), 0x102030);
	CHECK_INT(xcolour_parse("rgb:ff/80/00"), 0xff8000);
	CHECK_INT(xcolour_parse("rgb:1234/5678/9abc"), 0x12569a);
	CHECK_INT(xcolour_parse("cmyk:0/1/0/0"), 0xff00ff);
	CHECK_INT(xcolour_parse("red"), 0xff0000);
	CHECK_INT(xcolour_parse("Dark Green"), 0x006400);
	CHECK_INT(xcolour_parse("LightGoldenrodYellow"), 0xfafad2);
	CHECK_INT(xcolour_parse("grey50"), 0x7f7f7f);
	/* what tmux does not take either */
	CHECK_INT(xcolour_parse("#123"), -1);
	CHECK_INT(xcolour_parse("#1234567"), -1);
	CHECK_INT(xcolour_parse("rgb:1/2/3"), -1);
	CHECK_INT(xcolour_parse("rgb:12/3456/78"), -1);
	CHECK_INT(xcolour_parse("rgb:zz/00/00"), -1);
	CHECK_INT(xcolour_parse("rgb:00/00/00/"), -1);
	CHECK_INT(xcolour_parse("cmyk:2/0/0/0"), -1);
	CHECK_INT(xcolour_parse("colour5"), -1);
	CHECK_INT(xcolour_parse(""), -1);
	CHECK_INT(xcolour_parse("a name far too long to be any colour at all"), -1);
}

static int run(struct oscolour *c, int command, const char *s, struct buf *reply)
{
	char *t = strdup(s);
	int changed = oscolour_run(c, command, t, 1, NULL, NULL, reply);

	free(t);
	return changed;
}

static void test_run(void)
{
	struct oscolour c;
	struct buf r;

	oscolour_init(&c);
	buf_init(&r);
	CHECK_INT(run(&c, 4, "1;?", &r), 0);
	CHECK_INT(r.len, 0);
	CHECK_INT(run(&c, 4, "1;red;2;#010203", &r), 1);
	CHECK_INT(oscolour_get(&c, 1), 0xff0000);
	CHECK_INT(oscolour_get(&c, 2), 0x010203);
	CHECK_INT(run(&c, 4, "1;?;2;?;3;?", &r), 0);
	CHECK_STR(buf_cstr(&r), "\033]4;1;rgb:ffff/0000/0000\a\033]4;2;rgb:0101/0202/0303\a");
	/* malformed: a bad index ends the list, a bad colour is skipped */
	CHECK_INT(run(&c, 4, "3;nosuch;4;blue;256;red;5;red", &r), 1);
	CHECK_INT(oscolour_get(&c, 3), -1);
	CHECK_INT(oscolour_get(&c, 4), 0x0000ff);
	CHECK_INT(oscolour_get(&c, 5), -1);
	CHECK_INT(run(&c, 4, "", &r) | run(&c, 4, ";;;", &r) | run(&c, 4, "x;red", &r), 0);
	CHECK_INT(run(&c, 104, "1;x;;999", &r), 1);
	CHECK_INT(oscolour_get(&c, 1), -1);
	CHECK_INT(oscolour_get(&c, 2), 0x010203);
	CHECK_INT(run(&c, 104, "", &r), 1);
	CHECK_INT(oscolour_get(&c, 2), -1);
	CHECK_INT(run(&c, 10, "rgb:aa/bb/cc", &r), 1);
	CHECK_INT(run(&c, 10, "garbage", &r), 0);
	CHECK_INT(run(&c, 11, "", &r), 0);
	CHECK_INT(oscolour_get(&c, OSCOLOUR_FG), 0xaabbcc);
	CHECK_INT(oscolour_get(&c, OSCOLOUR_BG), -1);
	CHECK_INT(run(&c, 110, "", &r), 1);
	CHECK_INT(run(&c, 111, "", &r), 0);
	CHECK_INT(oscolour_get(&c, OSCOLOUR_FG), -1);
	CHECK_INT(run(&c, 12, "#ff8000", &r), 1);
	CHECK_INT(oscolour_get(&c, OSCOLOUR_CURSOR), 0xff8000);
	CHECK_INT(oscolour_get(&c, OSCOLOUR_FG), -1);
	CHECK_INT(run(&c, 112, "", &r), 1);
	CHECK_INT(oscolour_get(&c, OSCOLOUR_CURSOR), -1);
	oscolour_free(&c);
	buf_free(&r);
}

static void collect(const char *buf, size_t len, void *ctx)
{
	buf_add(ctx, buf, len);
}

/* The grid answers in pieces of any size; with insert mode on (vtscan's
 * whole units) too; each answer ends as its query did. */
static void test_grid(void)
{
	const char *in = "\033[4h\033]4;1;#102030\a\033]4;1;?\033\\x\033]4;1;?\a\033]10;red\033\\"
			 "\033]10;?\a\033]11;?\a";
	const char *want = "\033]4;1;rgb:1010/2020/3030\033\\\033]4;1;rgb:1010/2020/3030\a"
			   "\033]10;rgb:ffff/0000/0000\a";

	for (size_t step = 1; step <= strlen(in); step++) {
		struct buf out;
		struct grid *g;

		buf_init(&out);
		g = grid_new(5, 20, 0, collect, &out);
		for (size_t i = 0; i < strlen(in); i += step)
			grid_input(g, in + i, i + step > strlen(in) ? strlen(in) - i : step);
		CHECK_STR(buf_cstr(&out), want);
		CHECK_INT(oscolour_get(grid_colours(g), 1), 0x102030);
		/* RIS: the palette goes, the default colours stay (as tmux) */
		grid_input(g, "\033c", 2);
		CHECK_INT(oscolour_get(grid_colours(g), 1), -1);
		CHECK_INT(oscolour_get(grid_colours(g), OSCOLOUR_FG), 0xff0000);
		grid_free(g);
		buf_free(&out);
	}
}

int main(void)
{
	test_parse();
	test_run();
	test_grid();
	CHECK_DONE();
}
