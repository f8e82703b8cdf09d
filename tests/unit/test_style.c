/* Unit tests for tmux style strings: every colour form, attributes, default,
 * the directives accepted for compatibility, and errors. */
#include <stdlib.h>

#include "check.h"
#include "render/style.h"

static const struct grid_cell base = {.fg = GRID_COLOR_INDEXED(0), .bg = GRID_COLOR_INDEXED(2)};

static grid_color colour(const char *s)
{
	grid_color c = 0xdeadbeef;

	return style_colour(s, strlen(s), &c) == 0 ? c : 0xdeadbeef;
}

static void test_colours(void)
{
	grid_color c;

	CHECK_INT(colour("black"), GRID_COLOR_INDEXED(0));
	CHECK_INT(colour("red"), GRID_COLOR_INDEXED(1));
	CHECK_INT(colour("White"), GRID_COLOR_INDEXED(7));
	CHECK_INT(colour("brightblack"), GRID_COLOR_INDEXED(8));
	CHECK_INT(colour("brightred"), GRID_COLOR_INDEXED(9));
	CHECK_INT(colour("brightwhite"), GRID_COLOR_INDEXED(15));
	CHECK_INT(colour("colour0"), GRID_COLOR_INDEXED(0));
	CHECK_INT(colour("colour255"), GRID_COLOR_INDEXED(255));
	CHECK_INT(colour("color17"), GRID_COLOR_INDEXED(17));
	CHECK_INT(colour("200"), GRID_COLOR_INDEXED(200));
	CHECK_INT(colour("#ff8000"), GRID_COLOR_RGB(255, 128, 0));
	CHECK_INT(colour("#0A0b0C"), GRID_COLOR_RGB(10, 11, 12));
	CHECK_INT(colour("terminal"), GRID_COLOR_DEFAULT);
	CHECK_INT(style_colour("default", 7, &c), 1);
	/* errors */
	CHECK_INT(colour("colour256"), 0xdeadbeef);
	CHECK_INT(colour("colour"), 0xdeadbeef);
	CHECK_INT(colour("colourx"), 0xdeadbeef);
	CHECK_INT(colour("256"), 0xdeadbeef);
	CHECK_INT(colour("#12345"), 0xdeadbeef);
	CHECK_INT(colour("#12345g"), 0xdeadbeef);
	CHECK_INT(colour("brightpurple"), 0xdeadbeef);
	CHECK_INT(colour(""), 0xdeadbeef);
	CHECK_INT(colour("-1"), 0xdeadbeef);
}

static struct grid_cell parse(const char *s, struct grid_cell from)
{
	char *err = NULL;

	if (style_parse(s, &base, &from, &err) != 0) {
		fprintf(stderr, "unexpected error for \"%s\": %s\n", s, err);
		check_failures++;
		free(err);
	}
	return from;
}

static void test_parse(void)
{
	struct grid_cell pen = {0}, p;
	char *err = NULL;

	p = parse("fg=red,bg=colour235", pen);
	CHECK_INT(p.fg, GRID_COLOR_INDEXED(1));
	CHECK_INT(p.bg, GRID_COLOR_INDEXED(235));
	p = parse("bold,dim,underscore,blink,reverse,hidden,italics,strikethrough", pen);
	CHECK_INT(p.attr, GRID_ATTR_BOLD | GRID_ATTR_DIM | GRID_ATTR_UNDERLINE | GRID_ATTR_BLINK |
				  GRID_ATTR_REVERSE | GRID_ATTR_CONCEAL | GRID_ATTR_ITALIC |
				  GRID_ATTR_STRIKE);
	/* spaces separate too; case does not matter */
	p = parse("  FG=Blue  Bright ", pen);
	CHECK_INT(p.fg, GRID_COLOR_INDEXED(4));
	CHECK_INT(p.attr, GRID_ATTR_BOLD);
	/* one underline style at a time */
	p = parse("underscore,curly-underscore", pen);
	CHECK_INT(p.attr, GRID_ATTR_UNDERCURL);
	p = parse("double-underscore", pen);
	CHECK_INT(p.attr, GRID_ATTR_UNDERLINE2);
	/* no-prefixed attributes turn one off, none/noattr all */
	p = parse("bold,italics,nobold", pen);
	CHECK_INT(p.attr, GRID_ATTR_ITALIC);
	p = parse("bold,italics,none", pen);
	CHECK_INT(p.attr, 0);
	p = parse("bold,noattr,reverse", pen);
	CHECK_INT(p.attr, GRID_ATTR_REVERSE);
	/* default goes back to the base; so do fg=default and bg=default */
	p = parse("fg=red,bg=blue,bold,default", pen);
	CHECK(p.fg == base.fg && p.bg == base.bg && p.attr == base.attr);
	p = parse("fg=red,bg=blue,fg=default", pen);
	CHECK(p.fg == base.fg && p.bg == GRID_COLOR_INDEXED(4));
	p = parse("bg=default", pen);
	CHECK_INT(p.bg, base.bg);
	p = parse("fg=terminal", base);
	CHECK_INT(p.fg, GRID_COLOR_DEFAULT);
	/* builds on what the pen already has */
	p = parse("bold", (struct grid_cell){.fg = GRID_COLOR_INDEXED(3)});
	CHECK(p.fg == GRID_COLOR_INDEXED(3) && p.attr == GRID_ATTR_BOLD);
	p = parse("fg=#102030,bg=#405060", pen);
	CHECK(p.fg == GRID_COLOR_RGB(16, 32, 48) && p.bg == GRID_COLOR_RGB(64, 80, 96));
	/* tmux layout directives: accepted, no effect */
	p = parse("align=right,list=on,range=window|1,fill=red,push-default,pop-default,"
		  "nolist,overline",
		  pen);
	CHECK(p.fg == 0 && p.bg == 0 && p.attr == 0);
	p = parse("", pen);
	CHECK(p.fg == 0 && p.attr == 0);

	/* errors leave the pen alone and say which item */
	pen.fg = GRID_COLOR_INDEXED(5);
	p = pen;
	CHECK_INT(style_parse("bold,fg=nosuch", &base, &p, &err), -1);
	CHECK(p.fg == GRID_COLOR_INDEXED(5) && p.attr == 0);
	CHECK_STR(err, "invalid style: fg=nosuch");
	free(err);
	err = NULL;
	CHECK_INT(style_parse("blod", &base, &p, &err), -1);
	CHECK_STR(err, "invalid style: blod");
	free(err);
	CHECK_INT(style_parse("zz=1", &base, &p, NULL), -1);
	CHECK_INT(style_parse("fg=", &base, &p, NULL), -1);
	CHECK_INT(style_parse("nonsense", &base, &p, NULL), -1);

	/* style_pen: an invalid option value is the base */
	p = style_pen("fg=bad", &base);
	CHECK(p.fg == base.fg && p.bg == base.bg);
	p = style_pen("fg=green", &base);
	CHECK(p.fg == GRID_COLOR_INDEXED(2) && p.bg == base.bg);

	/* style_check: a format is checked when it is expanded */
	CHECK_INT(style_check("bg=red,fg=colour100", NULL), 0);
	CHECK_INT(style_check("#{?pane_active,bg=red,nonsense}", NULL), 0);
	err = NULL;
	CHECK_INT(style_check("bg=nosuch", &err), -1);
	CHECK_STR(err, "invalid style: bg=nosuch");
	free(err);
}

/* The layout items of status format directives, and the values tmux 3.3a
 * refuses (checked with set -g status-style there). */
static void test_layout(void)
{
	struct style_layout lay = {0};
	struct grid_cell pen = base;
	static const char *const bad[] = {"align=bogus",     "list=bogus",    "fill=bogus",
					  "range=window",    "range=window|", "range=window|x",
					  "range=window|-1", "range=pane|%1", "range=session|$1",
					  "range=user|x",    "range=left|1",  NULL};

	CHECK_INT(style_parse_layout("align=right list=on range=window|12 fill=red,push-default "
				     "fg=blue",
				     &base, &pen, &lay, NULL),
		  0);
	CHECK_INT(lay.align, STYLE_ALIGN_RIGHT);
	CHECK_INT(lay.list, STYLE_LIST_ON);
	CHECK(lay.range == STYLE_RANGE_WINDOW && lay.range_arg == 12);
	CHECK(lay.has_fill && lay.fill == GRID_COLOR_INDEXED(1));
	CHECK_INT(lay.push, STYLE_DEFAULT_PUSH);
	CHECK_INT(pen.fg, GRID_COLOR_INDEXED(4));
	/* they carry over until changed */
	CHECK_INT(style_parse_layout("list=focus,RANGE=Left", &base, &pen, &lay, NULL), 0);
	CHECK(lay.list == STYLE_LIST_FOCUS && lay.range == STYLE_RANGE_LEFT);
	CHECK_INT(lay.align, STYLE_ALIGN_RIGHT);
	CHECK_INT(style_parse_layout("noalign nolist norange pop-default", &base, &pen, &lay, NULL),
		  0);
	CHECK(lay.align == STYLE_ALIGN_DEFAULT && lay.list == STYLE_LIST_OFF);
	CHECK(lay.range == STYLE_RANGE_NONE && lay.push == STYLE_DEFAULT_POP);
	CHECK_INT(style_parse_layout("list=left-marker align=absolute-centre range=right", &base,
				     &pen, &lay, NULL),
		  0);
	CHECK(lay.list == STYLE_LIST_LEFT && lay.align == STYLE_ALIGN_ABSOLUTE_CENTRE);
	CHECK_INT(lay.range, STYLE_RANGE_RIGHT);
	/* a range type tmux 3.3 does not know is accepted and changes nothing */
	CHECK_INT(style_parse_layout("range=bogus", &base, &pen, &lay, NULL), 0);
	CHECK_INT(lay.range, STYLE_RANGE_RIGHT);
	for (int i = 0; bad[i] != NULL; i++) {
		char *err = NULL;
		struct style_layout before = lay;

		if (style_parse_layout(bad[i], &base, &pen, &lay, &err) != -1) {
			fprintf(stderr, "accepted: %s\n", bad[i]);
			check_failures++;
		}
		CHECK(memcmp(&before, &lay, sizeof lay) == 0);
		free(err);
	}
}

int main(void)
{
	test_colours();
	test_parse();
	test_layout();
	CHECK_DONE();
}
