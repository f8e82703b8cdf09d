/*
 * test_key: tmux key names both ways, and the bytes key_send gives a pane
 * (through a real grid, so libvterm's modes apply).
 */
#include <stdio.h>
#include <string.h>

#include "term/grid.h"
#include "term/key.h"

#include "check.h"

/* The shared counter, under the name these tests use. */
#define failures check_failures

/* ---- names ---- */

/* name parses, and prints back as expect */
static void check_name(const char *name, const char *expect)
{
	struct key k;
	char buf[64];

	if (key_parse(name, &k) != 0) {
		fprintf(stderr, "key_parse(\"%s\") failed\n", name);
		failures++;
		return;
	}
	key_name(&k, buf, sizeof buf);
	if (strcmp(buf, expect) != 0) {
		fprintf(stderr, "key_name(key_parse(\"%s\")) = \"%s\", want \"%s\"\n", name, buf,
			expect);
		failures++;
	}
}

static void test_round_trips(void)
{
	static const char *const canonical[] = {
		"a",	      "Z",	 "1",	  "-",	      "^",
		"C-c",	      "M-x",	 "C-M-x", "C-M-Left", "S-Up",
		"C-S-Up",     "M-Enter", "Enter", "Escape",   "Tab",
		"BTab",	      "BSpace",	 "Space", "C-Space",  "M-Space",
		"Up",	      "Down",	 "Left",  "Right",    "Home",
		"End",	      "PPage",	 "NPage", "IC",	      "DC",
		"F1",	      "F5",	 "F12",	  "C-F3",     "KP0",
		"KP*",	      "KPEnter", "C-\\",  "C-]",      "C-^",
		"C-_",	      "C-@",	 "C-?",	  "\xc3\xa9", "\xe4\xb8\xad",
		"M-\xc3\xa9",
	};

	for (size_t i = 0; i < sizeof canonical / sizeof canonical[0]; i++) {
		check_name(canonical[i], canonical[i]);
	}
	/* aliases, case, order, and ^x */
	check_name("enter", "Enter");
	check_name("ESCAPE", "Escape");
	check_name("bspace", "BSpace");
	check_name("PageUp", "PPage");
	check_name("PgUp", "PPage");
	check_name("PageDown", "NPage");
	check_name("npage", "NPage");
	check_name("Insert", "IC");
	check_name("Delete", "DC");
	check_name("S-Tab", "BTab");
	check_name("f1", "F1");
	check_name("^C", "C-c");
	check_name("^c", "C-c");
	check_name("^[", "C-[");
	check_name("C-C", "C-c");
	check_name("c-m-x", "C-M-x");
	check_name("M-C-x", "C-M-x");
	check_name("S-M-C-Up", "C-M-S-Up");
	check_name("C--", "C--");
	check_name("M--", "M--");
	check_name("S-a", "A");
	check_name(" ", "Space");
	check_name("\x03", "C-c");
	check_name("\r", "Enter");
	check_name("\x7f", "BSpace");
	check_name("\x1b", "Escape");
}

static void test_errors(void)
{
	static const char *const bad[] = {
		"",  "hello", "C-",	"M-",	   "S-",   "C-M-", "F13",	"F0", "F01", "Fx",
		"F", "ab",    "Enterx", "C-hello", "\xff", "\xc3", "\xc3\xa9x", "KP", "^ab",
	};
	struct key k;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		/* "F" alone is the letter F, a valid key */
		if (strcmp(bad[i], "F") == 0) {
			CHECK(key_parse(bad[i], &k) == 0 && k.kind == KEY_CHAR && k.cp == 'F');
			continue;
		}
		if (key_parse(bad[i], &k) != -1) {
			fprintf(stderr, "key_parse(\"%s\") should fail\n", bad[i]);
			failures++;
		}
	}
	CHECK(key_parse(NULL, &k) == -1);
}

static void test_fields_and_equal(void)
{
	struct key a, b;

	CHECK(key_parse("C-c", &a) == 0);
	CHECK(a.kind == KEY_CHAR && a.cp == 'c' && a.mod == VTERM_MOD_CTRL);
	CHECK(key_parse("F1", &a) == 0);
	CHECK(a.kind == KEY_SYM && a.sym == VTERM_KEY_FUNCTION(1) && a.mod == 0);
	CHECK(key_parse("BTab", &a) == 0);
	CHECK(a.kind == KEY_SYM && a.sym == VTERM_KEY_TAB && a.mod == VTERM_MOD_SHIFT);
	CHECK(key_parse("Space", &a) == 0);
	CHECK(a.kind == KEY_CHAR && a.cp == ' ');
	CHECK(key_parse("IC", &a) == 0 && a.sym == VTERM_KEY_INS);
	CHECK(key_parse("DC", &a) == 0 && a.sym == VTERM_KEY_DEL);
	CHECK(key_parse("NPage", &a) == 0 && a.sym == VTERM_KEY_PAGEDOWN);

	CHECK(key_parse("C-b", &a) == 0 && key_parse("^B", &b) == 0 && key_equal(&a, &b));
	CHECK(key_parse("C-b", &a) == 0 && key_parse("C-B", &b) == 0 && key_equal(&a, &b));
	CHECK(key_parse("C-b", &a) == 0 && key_parse("\x02", &b) == 0 && key_equal(&a, &b));
	CHECK(key_parse("C-b", &a) == 0 && key_parse("M-C-b", &b) == 0 && !key_equal(&a, &b));
	CHECK(key_parse("b", &a) == 0 && key_parse("B", &b) == 0 && !key_equal(&a, &b));
	CHECK(key_parse("Up", &a) == 0 && key_parse("S-Up", &b) == 0 && !key_equal(&a, &b));
	/* a key built by hand compares equal to its parsed form */
	b = (struct key){.kind = KEY_CHAR, .cp = 'B', .mod = VTERM_MOD_CTRL};
	CHECK(key_parse("C-b", &a) == 0 && key_equal(&a, &b));
}

/* ---- key_send ---- */

struct capture {
	char buf[256];
	size_t len;
};

static void capture_out(const char *buf, size_t len, void *ctx)
{
	struct capture *c = ctx;

	if (c->len + len <= sizeof c->buf) {
		memcpy(c->buf + c->len, buf, len);
		c->len += len;
	}
}

/* Sending name to g with flags gives exactly the bytes want[0..wlen), and
 * returns -1 (a key that cannot be sent) if want is NULL. */
static void check_send_flags(struct grid *g, struct capture *cap, const char *name, int flags,
			     const char *want, size_t wlen)
{
	struct key k;
	int r;

	cap->len = 0;
	if (key_parse(name, &k) != 0) {
		fprintf(stderr, "key_parse(\"%s\") failed\n", name);
		failures++;
		return;
	}
	r = key_send(&k, g, flags);
	if (r != (want == NULL ? -1 : 0)) {
		fprintf(stderr, "key_send(%s) returned %d\n", name, r);
		failures++;
	}
	if (cap->len != wlen || (wlen > 0 && memcmp(cap->buf, want, wlen) != 0)) {
		fprintf(stderr, "key_send(%s): got", name);
		for (size_t i = 0; i < cap->len; i++)
			fprintf(stderr, " %02x", (unsigned char)cap->buf[i]);
		fprintf(stderr, ", want");
		for (size_t i = 0; i < wlen; i++)
			fprintf(stderr, " %02x", (unsigned char)want[i]);
		fprintf(stderr, "\n");
		failures++;
	}
}

#define SEND(g, cap, name, lit) check_send_flags(g, cap, name, 0, lit, sizeof lit - 1)
/* extended keys, as tmux 3.3a sends them (CSI u) and in xterm's format */
#define SENDX(g, cap, name, lit) \
	check_send_flags(g, cap, name, KEY_SEND_EXTENDED, lit, sizeof lit - 1)
#define SENDXT(g, cap, name, lit) \
	check_send_flags(g, cap, name, KEY_SEND_EXTENDED | KEY_SEND_XTERM, lit, sizeof lit - 1)
/* without extended keys: nothing sent (NONE) or cannot be sent (MISSING) */
#define SEND_NONE(g, cap, name) check_send_flags(g, cap, name, 0, "", 0)
#define SEND_MISSING(g, cap, name) check_send_flags(g, cap, name, 0, NULL, 0)

/* Keys with modifiers that have no traditional encoding, checked against
 * what tmux 3.3a sends (send-keys into a program that asked for
 * modifyOtherKeys, and one that did not). */
static void test_send_extended(struct grid *g, struct capture *cap)
{
	SENDX(g, cap, "C-Enter", "\033[13;5u");
	SENDX(g, cap, "S-Enter", "\033[13;2u");
	SENDX(g, cap, "C-M-Enter", "\033[13;7u");
	SENDX(g, cap, "C-Tab", "\033[9;5u");
	SENDX(g, cap, "C-S-Tab", "\033[9;6u");
	SENDX(g, cap, "C-BSpace", "\033[127;5u");
	SENDX(g, cap, "C-Escape", "\033[27;5u");
	SENDX(g, cap, "C-1", "\033[49;5u");
	SENDX(g, cap, "C-/", "\033[47;5u");
	SENDX(g, cap, "C-.", "\033[46;5u");
	SENDX(g, cap, "C-S-a", "\033[65;6u");
	SENDX(g, cap, "C-S-X", "\033[88;6u");
	SENDX(g, cap, "S-Space", "\033[32;2u");
	SENDXT(g, cap, "C-Enter", "\033[27;5;13~");
	SENDXT(g, cap, "C-S-a", "\033[27;6;65~");
	/* keys with a traditional encoding keep it */
	SENDX(g, cap, "C-a", "\x01");
	SENDX(g, cap, "M-C-a", "\033\x01");
	SENDX(g, cap, "M-Enter", "\033\r");
	SENDX(g, cap, "M-Escape", "\033\033");
	SENDX(g, cap, "M-Tab", "\033\t");
	SENDX(g, cap, "BTab", "\033[Z");
	SENDX(g, cap, "C-Space", "\0");
	SENDX(g, cap, "C-i", "\t");
	SENDX(g, cap, "C-Up", "\033[1;5A");
	SENDX(g, cap, "Enter", "\r");
	/* without: Ctrl alone sends a C0 byte or nothing, the rest is missing */
	SEND(g, cap, "C-/", "\x1f");
	SEND(g, cap, "C-2", "\0");
	SEND(g, cap, "C-6", "\x1e");
	SEND(g, cap, "C--", "\x1f");
	SEND_NONE(g, cap, "C-Enter");
	SEND_NONE(g, cap, "C-Tab");
	SEND_NONE(g, cap, "C-BSpace");
	SEND_NONE(g, cap, "C-Escape");
	SEND_NONE(g, cap, "C-1");
	SEND_NONE(g, cap, "C-.");
	SEND_MISSING(g, cap, "S-Enter");
	SEND_MISSING(g, cap, "C-M-Enter");
	SEND_MISSING(g, cap, "C-S-Tab");
	SEND_MISSING(g, cap, "C-S-a");
	SEND_MISSING(g, cap, "S-Space");
}

/* The program's modifyOtherKeys, as tmux follows it. */
static void test_modify_other_keys(struct grid *g)
{
	static const struct {
		const char *seq;
		int want;
	} steps[] = {
		{"", 0},	   {"\033[>4;1m", 1},
		{"\033[>4m", 0},   {"\033[>4;2m", 2},
		{"\033[>4;3m", 2}, {"\033[>1m", 2},
		{"\033[>1;2m", 2}, {"\033[!p", 2}, /* DECSTR leaves it */
		{"\033[>4;0m", 0}, {"\033[>4;1;5m", 1},
		{"\033[>0m", 0},   {"\033[>4;1m\033[?4;1m", 1}, /* not with another leader */
		{"\033[>m", 0},	   {"\033[>4;1m\033c", 0},	/* RIS resets it */
		{"\033[>4;", 0},   {"2m", 2},			/* split across reads */
	};

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		grid_input(g, steps[i].seq, strlen(steps[i].seq));
		if (grid_modify_other_keys(g) != steps[i].want) {
			fprintf(stderr, "after step %zu: modifyOtherKeys %d, want %d\n", i,
				grid_modify_other_keys(g), steps[i].want);
			failures++;
		}
	}
}

static void test_send(void)
{
	struct capture cap = {0};
	struct grid *g = grid_new(24, 80, 100, capture_out, &cap);

	CHECK(g != NULL);
	if (g == NULL)
		return;
	SEND(g, &cap, "C-c", "\x03");
	SEND(g, &cap, "C-z", "\x1a");
	SEND(g, &cap, "C-\\", "\x1c");
	SEND(g, &cap, "C-]", "\x1d");
	SEND(g, &cap, "C-^", "\x1e");
	SEND(g, &cap, "C-_", "\x1f");
	SEND(g, &cap, "C-?", "\x7f");
	SEND(g, &cap, "C-[", "\x1b");
	SEND(g, &cap, "C-@", "\0");
	SEND(g, &cap, "C-Space", "\0");
	SEND(g, &cap, "C-i", "\x09");
	SEND(g, &cap, "C-m", "\x0d");
	SEND(g, &cap, "C-A", "\x01");
	SEND(g, &cap, "^D", "\x04");
	SEND(g, &cap, "M-C-c", "\033\x03");
	SEND(g, &cap, "M-x", "\033x");
	SEND(g, &cap, "a", "a");
	SEND(g, &cap, "\xc3\xa9", "\xc3\xa9");
	SEND(g, &cap, "Space", " ");
	SEND(g, &cap, "Enter", "\r");
	SEND(g, &cap, "Tab", "\t");
	SEND(g, &cap, "BTab", "\033[Z");
	SEND(g, &cap, "Escape", "\033");
	SEND(g, &cap, "BSpace", "\x7f");
	SEND(g, &cap, "M-BSpace", "\033\x7f");
	SEND(g, &cap, "F1", "\033OP");
	SEND(g, &cap, "F5", "\033[15~");
	SEND(g, &cap, "DC", "\033[3~");
	SEND(g, &cap, "Up", "\033[A");
	SEND(g, &cap, "C-Up", "\033[1;5A");
	/* application cursor keys, as a full-screen program sets them */
	grid_input(g, "\033[?1h", 5);
	SEND(g, &cap, "Up", "\033OA");
	SEND(g, &cap, "Left", "\033OD");
	grid_input(g, "\033[?1l", 5);
	SEND(g, &cap, "Up", "\033[A");
	test_send_extended(g, &cap);
	test_modify_other_keys(g);
	grid_free(g);
}

/* tmux's mouse key names: every event, button and place, with modifiers. */
static void test_mouse_names(void)
{
	static const char *const events[] = {"MouseDown",    "MouseUp",	    "MouseDrag",
					     "MouseDragEnd", "SecondClick", "DoubleClick",
					     "TripleClick"};
	static const char *const plain[] = {"MouseMove", "WheelUp", "WheelDown"};
	static const char *const places[] = {"Pane",	   "Border",	  "Status",
					     "StatusLeft", "StatusRight", "StatusDefault"};
	static const char *const bad[] = {"MouseDown4Pane", "MouseDownPane",	"MouseDown1",
					  "WheelUp1Pane",   "MouseDown1Window", "Mouse"};
	char name[64];
	struct key k, l;

	for (size_t p = 0; p < sizeof places / sizeof places[0]; p++) {
		for (size_t e = 0; e < sizeof events / sizeof events[0]; e++) {
			for (int b = 1; b <= 3; b++) {
				snprintf(name, sizeof name, "%s%d%s", events[e], b, places[p]);
				check_name(name, name);
			}
		}
		for (size_t e = 0; e < sizeof plain / sizeof plain[0]; e++) {
			snprintf(name, sizeof name, "%s%s", plain[e], places[p]);
			check_name(name, name);
		}
	}
	check_name("mousedown1pane", "MouseDown1Pane");
	check_name("M-MouseDown3Pane", "M-MouseDown3Pane");
	check_name("S-M-C-WheelUpStatus", "C-M-S-WheelUpStatus");
	/* user keys (user-keys): User0 to User999 */
	check_name("user0", "User0");
	check_name("C-User999", "C-User999");
	CHECK(key_parse("User1000", &k) == -1);
	CHECK(key_parse("User", &k) == -1);
	CHECK(key_parse("User1x", &k) == -1);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(key_parse(bad[i], &k) == -1);
	CHECK(key_parse("MouseDragEnd1Pane", &k) == 0 && key_is_mouse(&k));
	CHECK(KEY_MOUSE_EVENT(k.cp) == KEY_MOUSE_DRAG_END && KEY_MOUSE_BUTTON(k.cp) == 1 &&
	      KEY_MOUSE_WHERE(k.cp) == KEY_AT_PANE);
	CHECK(key_parse("MouseDrag1Pane", &l) == 0 && !key_equal(&k, &l));
	CHECK(key_parse("C-MouseDrag1Pane", &k) == 0 && !key_equal(&k, &l));
	CHECK(key_parse("a", &k) == 0 && !key_is_mouse(&k));
}

int main(void)
{
	test_round_trips();
	test_mouse_names();
	test_errors();
	test_fields_and_equal();
	test_send();
	if (failures)
		fprintf(stderr, "test_key: %d failure(s)\n", failures);
	else
		printf("test_key: ok\n");
	return failures != 0;
}
