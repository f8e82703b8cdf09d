/*
 * test_status: the status line built for a session model made by hand (no
 * panes, no loop): placement of status-left, the window list and
 * status-right, their styles and #[] directives, lengths, justification,
 * scrolling of a long list, strftime, messages and the prompt.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "cmd/options.h"
#include "server/alerts.h"
#include "render/status.h"
#include "server/server.h"
#include "term/grid.h"

#define W 60

static struct server srv;
static struct session sess;
static struct window win[12];
static struct peer client;
static struct grid_cell cells[W];

static void set(const char *name, const char *value)
{
	char *err = NULL;

	if (options_set(srv.options, name, value, 0, &err) != 0) {
		fprintf(stderr, "set %s %s: %s\n", name, value, err);
		check_failures++;
		free(err);
	}
}

/* n windows named w0.. with indexes 0..n-1; current and last given. */
static void model(int n, int current, int last)
{
	static char names[12][16]; /* room for any int: no truncation warning */

	memset(&sess, 0, sizeof sess);
	memset(win, 0, sizeof win);
	sess.srv = &srv;
	sess.name = "main";
	for (int i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "w%d", i);
		win[i] = (struct window){.srv = &srv,
					 .session = &sess,
					 .index = i,
					 .name = names[i],
					 .next = i + 1 < n ? &win[i + 1] : NULL};
	}
	sess.windows = &win[0];
	sess.current = &win[current];
	sess.last = last >= 0 ? &win[last] : NULL;
	memset(&client, 0, sizeof client);
	client.srv = &srv;
	client.session = &sess;
	client.cols = W;
	buf_init(&client.prompt_buf);
}

static void reset_options(void)
{
	if (srv.options != NULL)
		options_free(srv.options);
	srv.options = options_new();
	set("status-right", ""); /* the default has the clock: set per test */
}

/* The row's text (wide continuations left out) into a static string. */
static const char *text(void)
{
	static char s[W * 4 + 1];
	size_t n = 0;

	for (int x = 0; x < W; x++) {
		uint32_t cp = cells[x].ch;

		if (cp == GRID_CH_WIDE_CONT)
			continue;
		if (cp < 0x80) {
			s[n++] = (char)cp;
		} else { /* the tests' wide characters are three bytes */
			s[n++] = (char)(0xe0 | (cp >> 12));
			s[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			s[n++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

static int build(void)
{
	return status_build(&client, 0, cells, W);
}

/* Where a string starts in the row's text, or -1. */
static int find(const char *needle)
{
	const char *t = text(), *p = strstr(t, needle);

	return p == NULL ? -1 : (int)(p - t);
}

static void test_default(void)
{
	reset_options();
	model(3, 1, 0);
	CHECK_INT(build(), -1);
	CHECK_STR(text(), "[main] 0:w0- 1:w1* 2:w2");
	/* status-style bg=green,fg=black everywhere, padding included */
	for (int x = 0; x < W; x++) {
		CHECK_INT(cells[x].bg, GRID_COLOR_INDEXED(2));
		CHECK_INT(cells[x].fg, GRID_COLOR_INDEXED(0));
		CHECK_INT(cells[x].width, 1);
	}
	/* the separator option */
	set("window-status-separator", "|");
	build();
	CHECK_STR(text(), "[main] 0:w0-|1:w1*|2:w2");
}

static void test_styles(void)
{
	int at;

	reset_options();
	model(3, 1, 0);
	set("window-status-current-style", "fg=red,bold");
	set("window-status-style", "bg=blue");
	set("status-left-style", "fg=white");
	build();
	at = find("1:w1*");
	CHECK(at > 0);
	for (int x = at; x < at + 5; x++) {
		CHECK_INT(cells[x].fg, GRID_COLOR_INDEXED(1));
		CHECK_INT(cells[x].attr, GRID_ATTR_BOLD);
		/* as tmux's default format: a current style that is not
		 * "default" replaces window-status-style */
		CHECK_INT(cells[x].bg, GRID_COLOR_INDEXED(2));
	}
	at = find("0:w0-");
	CHECK_INT(cells[at].fg, GRID_COLOR_INDEXED(0));
	CHECK_INT(cells[at].bg, GRID_COLOR_INDEXED(4));
	CHECK_INT(cells[at].attr, 0);
	/* the separator is in status-style */
	CHECK_INT(cells[at + 5].bg, GRID_COLOR_INDEXED(2));
	CHECK_INT(cells[0].fg, GRID_COLOR_INDEXED(7));
	CHECK_INT(cells[0].bg, GRID_COLOR_INDEXED(2));
	/* the last window (0) in window-status-last-style, on window-status-style */
	set("window-status-last-style", "fg=green");
	build();
	at = find("0:w0-");
	CHECK_INT(cells[at].fg, GRID_COLOR_INDEXED(2));
	CHECK_INT(cells[at].bg, GRID_COLOR_INDEXED(4));
	at = find("2:w2");
	CHECK_INT(cells[at].fg, GRID_COLOR_INDEXED(0));
	set("window-status-last-style", "default");

	/* #[] directives; #[default] returns to the part's own style */
	set("status-left", "#[fg=yellow,bg=#102030,italics]A#[default]B#[bogus]C#[fg=colour99]D ");
	build();
	CHECK(strncmp(text(), "ABCD ", 5) == 0);
	CHECK_INT(cells[0].fg, GRID_COLOR_INDEXED(3));
	CHECK_INT(cells[0].bg, GRID_COLOR_RGB(16, 32, 48));
	CHECK_INT(cells[0].attr, GRID_ATTR_ITALIC);
	CHECK_INT(cells[1].fg, GRID_COLOR_INDEXED(7));
	CHECK_INT(cells[1].bg, GRID_COLOR_INDEXED(2));
	CHECK_INT(cells[1].attr, 0);
	CHECK_INT(cells[2].fg, GRID_COLOR_INDEXED(7)); /* a bad directive is dropped */
	CHECK_INT(cells[3].fg, GRID_COLOR_INDEXED(99));
	/* directives in a window format */
	set("window-status-format", "#[reverse]#I#[noreverse]#W");
	build();
	at = find("0w0");
	CHECK(at >= 0);
	CHECK_INT(cells[at].attr, GRID_ATTR_REVERSE);
	CHECK_INT(cells[at + 1].attr, 0);
}

static void test_lengths(void)
{
	reset_options();
	model(2, 0, -1);
	set("status-left", "[#S-long-name]");
	set("status-left-length", "4");
	set("status-right", "right side text");
	set("status-right-length", "5");
	build();
	CHECK(strncmp(text(), "[mai0:w0* 1:w1 ", 15) == 0);
	CHECK_INT(find("right"), W - 5);
	CHECK_INT(find("side"), -1);
	/* a wide character that does not fit in the length is left out */
	set("status-left", "ab\xe4\xb8\xad");
	set("status-left-length", "3");
	build();
	CHECK(strncmp(text(), "ab0:w0*", 7) == 0);
	set("status-left-length", "4");
	build();
	CHECK(strncmp(text(),
		      "ab\xe4\xb8\xad"
		      "0:w0*",
		      10) == 0);
	CHECK_INT(cells[2].width, 2);
	CHECK(cells[3].ch == GRID_CH_WIDE_CONT && cells[3].width == 0);
}

static void test_justify(void)
{
	/* list "0:w0* 1:w1 " is 11 cells; left "[main] " 7; right "R" 1 */
	reset_options();
	model(2, 0, -1);
	set("status-right", "R");
	build();
	CHECK_INT(find("0:w0*"), 7);
	set("status-justify", "right");
	build();
	CHECK_INT(find("0:w0*"), W - 1 - 11);
	set("status-justify", "centre");
	build();
	/* tmux: the list's middle halfway between left and right */
	CHECK_INT(find("0:w0*"), 7 + (W - 1 - 7) / 2 - 11 / 2);
	set("status-justify", "absolute-centre");
	build();
	CHECK_INT(find("0:w0*"), (W - 11) / 2);
	CHECK_INT(find("R"), W - 1);
}

static void test_scroll(void)
{
	int at;

	reset_options();
	model(12, 9, 8);
	set("status-left", "");
	set("status-right", "");
	set("window-status-format", "window#I");
	set("window-status-current-format", "CUR#I");
	/* 11 x 8 + 5 + 11 separators: far wider than 60 */
	build();
	at = find("CUR9");
	CHECK(at > 0 && at + 4 <= W);
	CHECK_INT(cells[0].ch, '<');
	CHECK(cells[W - 1].ch == '>' || find("window11") >= 0);
	/* the first window current: no '<' */
	model(12, 0, -1);
	build();
	CHECK_INT(find("CUR0"), 0);
	CHECK_INT(cells[W - 1].ch, '>');
}

static void test_time(void)
{
	reset_options();
	model(1, 0, -1);
	setenv("TZ", "UTC", 1);
	tzset();
	set("status-right", "%Y #S");
	set("status-left", "[#S] ");
	sess.name = "a%Hb";
	build();
	/* strftime works on the template: a '%' in the session name stays
	 * (the default status-format's #{T:} has the time of the build) */
	{
		time_t t = time(NULL);
		struct tm tm;
		char want[32];

		gmtime_r(&t, &tm);
		snprintf(want, sizeof want, "%d a%%Hb", tm.tm_year + 1900);
		CHECK(strncmp(text(), "[a%Hb] ", 7) == 0);
		CHECK_INT(find(want), W - (int)strlen(want));
	}
	/* a status-format of one's own: strftime at the time given */
	set("status-format[0]", "%H:%M %Y #S");
	build();
	CHECK_STR(text(), "00:00 1970 a%Hb");
}

static void test_message_prompt(void)
{
	reset_options();
	model(2, 0, -1);
	client.message = "hello \xe4\xb8\xad!";
	CHECK_INT(build(), -1);
	CHECK_STR(text(), "hello \xe4\xb8\xad!");
	for (int x = 0; x < W; x++) {
		CHECK_INT(cells[x].bg, GRID_COLOR_INDEXED(3)); /* message-style bg=yellow */
		CHECK_INT(cells[x].fg, GRID_COLOR_INDEXED(0));
	}
	/* text is shown as it is: no style directives in a message */
	client.message = "#[fg=red]x";
	build();
	CHECK_STR(text(), "#[fg=red]x");
	set("message-style", "fg=white,bg=red");
	client.message = NULL;
	client.prompt_label = ":";
	buf_adds(&client.prompt_buf, "abc def");
	client.prompt_cursor = 3;
	CHECK_INT(build(), 4);
	CHECK_STR(text(), ":abc def");
	CHECK_INT(cells[0].bg, GRID_COLOR_INDEXED(1));
	CHECK_INT(cells[W - 1].bg, GRID_COLOR_INDEXED(1));
	client.prompt_cursor = 99; /* past the end: at the end */
	CHECK_INT(build(), 8);
	/* a long line scrolls to keep the cursor on screen */
	client.prompt_buf.len = 0;
	for (int i = 0; i < 100; i++)
		buf_addc(&client.prompt_buf, (char)('a' + i % 26));
	client.prompt_cursor = 100;
	CHECK_INT(build(), W - 1);
	CHECK_INT(cells[W - 2].ch, 'a' + 99 % 26);
	buf_free(&client.prompt_buf);
	client.prompt_label = NULL;
}

/* The default first line is expanded without the format language
 * (status_default.c): it must give what the format itself gives. The same
 * format with an empty directive after it goes the general way. */
static void test_default_as_format(void)
{
	static const char *const opts[][2] = {
		{NULL, NULL},
		{"window-status-current-style", "fg=red,bold"},
		{"window-status-style", "bg=blue"},
		{"window-status-last-style", "fg=green"},
		{"window-status-bell-style", "default"},
		{"window-status-activity-style", "underscore"},
		{"window-status-separator", "|#[fg=red]"},
		{"window-status-style", "#{?window_active,bold,dim}"},
		{"status-left-style", "fg=white,#{?session_name,italics,}"},
		{"status-left", "#[reverse]long status-left text#[default]!"},
		{"status-left-length", "12"},
		{"status-justify", "centre"},
		{"status-justify", "absolute-centre"},
		{"status-justify", "right"},
		{"window-status-format", "#[fg=blue]#I#[default]#W#F"},
		{"status-right", "#[align=left]R#{session_name}"},
	};
	struct grid_cell fast[W], slow[W];
	const char *def = options_def("status-format")->def;
	char *first = xstrndup(def, strcspn(def, "\n"));
	char *general = xasprintf("%s#[]", first);

	reset_options();
	model(12, 6, 5);
	win[2].alerts = ALERT_BELL;
	win[3].alerts = ALERT_ACTIVITY;
	win[4].alerts = ALERT_SILENCE;
	win[8].alerts = ALERT_BELL | ALERT_ACTIVITY;
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
		if (opts[i][0] != NULL)
			set(opts[i][0], opts[i][1]);
		for (int narrow = 0; narrow < 2; narrow++) {
			int width = narrow ? 31 : W;

			set("status-format[0]", first);
			status_build(&client, 0, fast, width);
			set("status-format[0]", general);
			status_build(&client, 0, slow, width);
			set("status-format[0]", first);
			for (int x = 0; x < width; x++) {
				if (fast[x].ch != slow[x].ch || fast[x].fg != slow[x].fg ||
				    fast[x].bg != slow[x].bg || fast[x].attr != slow[x].attr) {
					fprintf(stderr, "%s %s, width %d: column %d differs\n",
						opts[i][0], opts[i][1], width, x);
					check_failures++;
					break;
				}
			}
		}
	}
	free(general);
	free(first);
	win[2].alerts = win[3].alerts = win[4].alerts = win[8].alerts = 0;
}

/* What a click finds on each column of line i of the lines built last. */
static const char *click_map(int i, int width)
{
	static char s[W + 1];
	long index;

	for (int x = 0; x < width; x++) {
		int at = status_range_at(&client, i, x, &index);

		s[x] = at == STATUS_AT_LEFT	? 'L'
		       : at == STATUS_AT_RIGHT	? 'R'
		       : at == STATUS_AT_WINDOW ? (char)('0' + index % 10)
						: '.';
	}
	s[width] = '\0';
	return s;
}

static void test_click_ranges(void)
{
	struct grid_cell two[2 * W];

	reset_options();
	model(3, 1, 0);
	set("status-right", "RIGHT");
	status_build_lines(&client, 0, cells, W, 1, 1);
	CHECK_STR(text(), "[main] 0:w0- 1:w1* 2:w2                                RIGHT");
	/* a window's range takes the separator after it */
	CHECK_STR(click_map(0, W), "LLLLLLL00000011111122222...............................RRRRR");
	/* a second line of one's own */
	set("status", "2");
	set("status-format[1]", "#[align=right]#{W:#[range=window|#{window_index}]<#I>#[norange]}"
				"#[align=left range=left]ME#[norange]");
	status_build_lines(&client, 0, two, W, 2, 1);
	/* (each range one column past its text, the first winning) */
	CHECK_STR(click_map(1, W), "LL.................................................000011122");
	CHECK_STR(click_map(0, W), "LLLLLLL00000011111122222...............................RRRRR");
	/* the lines status_build draws keep nothing */
	set("status-format[1]", "#[range=right]XXXXXXXXXX");
	status_build(&client, 0, cells, W);
	CHECK_STR(click_map(1, W), "LL.................................................000011122");
	CHECK_INT(status_window_x(&client, 2), 19);
	CHECK_INT(status_window_x(&client, 7), -1);
	status_free(&client);
}

/* What building a default status line of 10 windows costs. */
static void test_cost(void)
{
	struct timespec t0, t1;
	struct grid_cell wide[200];
	enum { N = 2000 };
	double us;

	reset_options();
	options_free(srv.options);
	srv.options = options_new(); /* the default status-right, clock included */
	model(10, 3, 2);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < N; i++)
		status_build(&client, 0, wide, 200);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / N / 1e3;
	printf("status line, 10 windows, 200 columns: %.1f us\n", us);
	CHECK(us < 1000);

	/* the same, windows named after their pane's command (/proc reads) */
	{
		struct pane panes[10];
		struct grid *g = grid_new(5, 20, 0, NULL, NULL);

		for (int i = 0; i < 10; i++) {
			panes[i] = (struct pane){.srv = &srv,
						 .window = &win[i],
						 .pid = getpid(),
						 .fd = -1,
						 .grid = g,
						 .sx = 20,
						 .sy = 5};
			win[i].active = win[i].panes = &panes[i];
			win[i].automatic = 1;
		}
		build();
		CHECK(find("3:test_status*") >= 0);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (int i = 0; i < N / 10; i++)
			status_build(&client, 0, wide, 200);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) /
		     (N / 10) / 1e3;
		printf("status line, 10 automatic-rename windows: %.1f us\n", us);
		for (int i = 0; i < 10; i++) {
			win[i].active = win[i].panes = NULL;
			free(panes[i].last_command);
		}
		grid_free(g);
	}
}

int main(void)
{
	srv.socket_path = "/tmp/test-status";
	test_default();
	test_styles();
	test_lengths();
	test_justify();
	test_scroll();
	test_time();
	test_message_prompt();
	test_default_as_format();
	test_click_ranges();
	test_cost();
	options_free(srv.options);
	CHECK_DONE();
}
