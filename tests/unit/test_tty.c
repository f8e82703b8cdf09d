/*
 * test_tty: a client's terminal as the server sees it: bytes typed become
 * keys (control keys, escape sequences, a lone Escape after its timeout,
 * bracketed pastes cut out whole even when split across reads, long input
 * not dropped), TERM is normalised without aborting, and start/stop take
 * the terminal over and give it back.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tickit.h>

#include "render/tty.h"
#include "term/grid.h"
#include "term/key.h"

#include "check.h"

/* The shared counter, under the name these tests use. */
#define failures check_failures

#define MAX_EVENTS 4096

struct event {
	struct key k;
	char *paste; /* NULL for a key */
	size_t paste_len;
};

struct client {
	struct event ev[MAX_EVENTS];
	int n;
	char out[65536];
	size_t out_len;
	struct tty *free_on_key; /* tty_free from inside the callback */
};

static void on_output(const char *buf, size_t len, void *ctx)
{
	struct client *c = ctx;

	if (c->out_len + len <= sizeof c->out) {
		memcpy(c->out + c->out_len, buf, len);
		c->out_len += len;
	}
}

static void on_key(const struct key *k, const char *paste, size_t paste_len, void *ctx)
{
	struct client *c = ctx;
	struct event *e;

	if (c->n >= MAX_EVENTS)
		return;
	e = &c->ev[c->n++];
	e->k = *k;
	e->paste = NULL;
	e->paste_len = paste_len;
	if (paste != NULL) {
		e->paste = malloc(paste_len + 1);
		if (e->paste == NULL)
			abort();
		memcpy(e->paste, paste, paste_len);
		e->paste[paste_len] = '\0';
	}
	if (c->free_on_key != NULL) {
		tty_free(c->free_on_key);
		c->free_on_key = NULL;
	}
}

static void client_reset(struct client *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->ev[i].paste);
	c->n = 0;
	c->out_len = 0;
}

static struct tty *new_tty(const char *term, struct client *c)
{
	memset(c, 0, sizeof *c);
	return tty_new(term, 24, 80, &(struct tty_caps){0}, on_output, on_key, c);
}

static int event_is(const struct event *e, const char *name)
{
	struct key k;

	return e->paste == NULL && key_parse(name, &k) == 0 && key_equal(&e->k, &k);
}

/* Typing bytes gives exactly the named keys. */
static void check_keys(struct tty *t, struct client *c, const char *bytes, size_t len,
		       const char *const *names, int count)
{
	client_reset(c);
	tty_input(t, bytes, len);
	if (c->n != count) {
		fprintf(stderr, "input %zu bytes: %d keys, want %d\n", len, c->n, count);
		failures++;
		return;
	}
	for (int i = 0; i < count; i++) {
		if (!event_is(&c->ev[i], names[i])) {
			char buf[64];
			fprintf(stderr, "key %d: got %s, want %s\n", i,
				key_name(&c->ev[i].k, buf, sizeof buf), names[i]);
			failures++;
		}
	}
}

#define KEYS(t, c, lit, ...)                                                                  \
	do {                                                                                  \
		static const char *const want_[] = {__VA_ARGS__};                             \
		check_keys(t, c, lit, sizeof lit - 1, want_, sizeof want_ / sizeof want_[0]); \
	} while (0)

static void test_keys(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	KEYS(t, &c, "a", "a");
	KEYS(t, &c, "hi!", "h", "i", "!");
	KEYS(t, &c, "\x03", "C-c");
	KEYS(t, &c, "\x1a", "C-z");
	KEYS(t, &c, "\x1c", "C-\\");
	KEYS(t, &c, "\x1d\x1e\x1f", "C-]", "C-^", "C-_");
	KEYS(t, &c, "\x02", "C-b");
	KEYS(t, &c, "\r", "Enter");
	KEYS(t, &c, "\t", "Tab");
	KEYS(t, &c, "\x7f", "BSpace");
	KEYS(t, &c, "\x08", "BSpace");
	KEYS(t, &c, " ", "Space");
	KEYS(t, &c, "\033[A\033[B\033[C\033[D", "Up", "Down", "Right", "Left");
	KEYS(t, &c, "\033OA", "Up");
	KEYS(t, &c, "\033[1;5A\033[1;2B\033[1;3C", "C-Up", "S-Down", "M-Right");
	KEYS(t, &c, "\033[H\033[F\033[1~\033[4~", "Home", "End", "Home", "End");
	KEYS(t, &c, "\033[2~\033[3~\033[5~\033[6~", "IC", "DC", "PPage", "NPage");
	KEYS(t, &c, "\033OP\033[15~\033[24~", "F1", "F5", "F12");
	KEYS(t, &c, "\033[Z", "BTab");
	KEYS(t, &c, "\033x", "M-x");
	KEYS(t, &c, "\033\x03", "C-M-c");
	KEYS(t, &c, "\033\x7f", "M-BSpace");
	KEYS(t, &c, "\033Op\033Ok\033OM", "KP0", "KP+", "KPEnter");
	KEYS(t, &c, "\xc3\xa9\xe4\xb8\xad", "\xc3\xa9", "\xe4\xb8\xad");
	/* mouse reports are parsed, not typed as text */
	KEYS(t, &c, "\033[<0;5;6M\033[<0;5;6mz", "z");
	/* the terminal's answers to libtickit's queries are not keys either */
	KEYS(t, &c, "\033[?25;1$y\033P1$r2 q\033\\y", "y");
	/* extended keys (CSI u, and xterm's modifyOtherKeys CSI 27 ~) */
	KEYS(t, &c, "\033[13;5u\033[27;5;13~", "C-Enter", "C-Enter");
	KEYS(t, &c, "\033[13;2u\033[9;5u\033[49;5u", "S-Enter", "C-Tab", "C-1");
	KEYS(t, &c, "\033[65;6u\033[27;6;65~\033[97;5u", "C-S-a", "C-S-a", "C-a");
	KEYS(t, &c, "\033[127;5u\033[13;7u", "C-BSpace", "C-M-Enter");
	tty_free(t);
}

/* Printable ASCII typed alone skips libtickit: the same keys as through it
 * (after an arrow key in the same input, or with part of a key held). */
static void test_ascii_keys(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);
	char in[8];

	CHECK(t != NULL);
	if (t == NULL)
		return;
	for (int ch = 0x21; ch < 0x7f; ch++) {
		struct key slow;

		client_reset(&c);
		snprintf(in, sizeof in, "\033[A%c", ch);
		tty_input(t, in, strlen(in));
		CHECK(tty_input_timeout(t) < 0);
		if (c.n != 2) {
			fprintf(stderr, "%c after Up: %d keys\n", ch, c.n);
			failures++;
			continue;
		}
		slow = c.ev[1].k;
		client_reset(&c);
		tty_input(t, (char[]){(char)ch}, 1);
		CHECK(tty_input_timeout(t) < 0);
		if (c.n != 1 || !key_equal(&c.ev[0].k, &slow)) {
			fprintf(stderr, "%c alone: not the key libtickit makes\n", ch);
			failures++;
		}
	}
	/* a key cut after its CSI: what follows is still part of it */
	client_reset(&c);
	tty_input(t, "\033[1;5", 6);
	CHECK(c.n == 0);
	tty_input(t, "A", 1);
	CHECK(c.n == 1 && event_is(&c.ev[0], "C-Up"));
	CHECK(tty_input_timeout(t) < 0);
	KEYS(t, &c, "x~", "x", "~");
	tty_free(t);
}

/* A typed key goes to a pane as the byte the line discipline expects. */
static void test_round_trip(void)
{
	struct client c, pane;
	struct tty *t = new_tty("xterm", &c);
	struct grid *g = grid_new(24, 80, 10, on_output, &pane);
	static const char typed[] = "\x03\x1a\x1c\r\x7f\x1bx\x01";

	CHECK(t != NULL && g != NULL);
	if (t == NULL || g == NULL)
		return;
	memset(&pane, 0, sizeof pane);
	tty_input(t, typed, sizeof typed - 1);
	CHECK(c.n == 7);
	for (int i = 0; i < c.n; i++)
		key_send(&c.ev[i].k, g, 0);
	CHECK(pane.out_len == sizeof typed - 1 && memcmp(pane.out, typed, pane.out_len) == 0);
	client_reset(&c);
	grid_free(g);
	tty_free(t);
}

static void sleep_ms(int ms)
{
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000};

	nanosleep(&ts, NULL);
}

static void test_escape_timeout(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);
	int ms;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK(tty_input_timeout(t) == -1);
	tty_input(t, "\033", 1);
	CHECK(c.n == 0);
	ms = tty_input_timeout(t);
	CHECK(ms > 0 && ms <= 1000);
	sleep_ms(ms + 5);
	tty_input_flush(t);
	CHECK(c.n == 1 && event_is(&c.ev[0], "Escape"));
	CHECK(tty_input_timeout(t) == -1);
	client_reset(&c);
	/* a timer that fires a little early still delivers it */
	tty_input(t, "\033", 1);
	ms = tty_input_timeout(t);
	sleep_ms(ms > 3 ? ms - 3 : 0);
	tty_input_flush(t);
	CHECK(c.n == 1 && event_is(&c.ev[0], "Escape"));
	client_reset(&c);
	/* an Escape then a paste start split right after it */
	tty_input(t, "\033", 1);
	tty_input(t, "[200~x\033[201~", 12);
	CHECK(c.n == 1 && c.ev[0].paste != NULL && strcmp(c.ev[0].paste, "x") == 0);
	client_reset(&c);
	tty_free(t);
}

static void check_paste_split(struct tty *t, struct client *c, const char *in, size_t len,
			      size_t cut1, size_t cut2)
{
	client_reset(c);
	tty_input(t, in, cut1);
	tty_input(t, in + cut1, cut2 - cut1);
	tty_input(t, in + cut2, len - cut2);
	/* a, the paste, b */
	if (c->n != 3 || !event_is(&c->ev[0], "a") || c->ev[1].paste == NULL ||
	    strcmp(c->ev[1].paste, "p\033[Aq\r\n") != 0 || !event_is(&c->ev[2], "b")) {
		fprintf(stderr, "paste split at %zu,%zu: %d events\n", cut1, cut2, c->n);
		failures++;
	}
}

static void test_paste(void)
{
	static const char in[] = "a\033[200~p\033[Aq\r\n\033[201~b";
	size_t len = sizeof in - 1;
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	/* every way of cutting it in three reads */
	for (size_t i = 0; i <= len; i++) {
		for (size_t j = i; j <= len; j++)
			check_paste_split(t, &c, in, len, i, j);
	}
	/* byte by byte */
	client_reset(&c);
	for (size_t i = 0; i < len; i++)
		tty_input(t, in + i, 1);
	CHECK(c.n == 3 && c.ev[1].paste != NULL && strcmp(c.ev[1].paste, "p\033[Aq\r\n") == 0);
	/* empty paste */
	client_reset(&c);
	tty_input(t, "\033[200~\033[201~", 12);
	CHECK(c.n == 1 && c.ev[0].paste != NULL && c.ev[0].paste_len == 0);
	client_reset(&c);
	tty_free(t);
}

static void test_long_input(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);
	char text[1000], *big;
	size_t big_len = 1 << 20;
	int ok = 1;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + i % 26);
	tty_input(t, text, sizeof text);
	CHECK(c.n == 1000);
	for (int i = 0; i < c.n && i < 1000; i++)
		ok = ok && c.ev[i].k.kind == KEY_CHAR && c.ev[i].k.cp == (uint32_t)('a' + i % 26);
	CHECK(ok);
	client_reset(&c);

	/* a 1 MB paste arrives byte for byte */
	big = malloc(big_len + 12);
	CHECK(big != NULL);
	if (big != NULL) {
		memcpy(big, "\033[200~", 6);
		for (size_t i = 0; i < big_len; i++)
			big[6 + i] = (char)(' ' + i % 90);
		memcpy(big + 6 + big_len, "\033[201~", 6);
		for (size_t off = 0; off < big_len + 12; off += 4096)
			tty_input(t, big + off,
				  big_len + 12 - off < 4096 ? big_len + 12 - off : 4096);
		CHECK(c.n == 1 && c.ev[0].paste_len == big_len &&
		      memcmp(c.ev[0].paste, big + 6, big_len) == 0);
		free(big);
	}
	client_reset(&c);
	tty_free(t);
}

static void test_term_names(void)
{
	static const char *const names[] = {
		"xterm-256color",
		"xterm",
		"screen-256color",
		"screen",
		"tmux-256color",
		"linux",
		"rxvt-unicode-256color",
		"vt100",
		"dumb",
		"nosuch-term",
		"",
		"../../etc/passwd",
		"linux-m",
		"screen.xterm-r6",
		"tmux-direct",
		"xterm+256color",
	};
	static const char *const normalised[][2] = {
		{"xterm", "xterm"},
		{"screen-256color", "screen-256color"},
		{"linux", "linux"},
		{"vt100", "xterm-256color"},
		{"dumb", "xterm-256color"},
		{"nosuch-term", "xterm-256color"},
		{"xterm+256color", "xterm-256color"},
		{"tmux-direct", "xterm-256color"},
	};
	struct client c;
	struct tty *t;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		t = new_tty(names[i], &c);
		if (t == NULL) {
			fprintf(stderr, "tty_new(\"%s\") failed\n", names[i]);
			failures++;
			continue;
		}
		/* a whole start, some drawing and a stop must not abort */
		tty_start(t);
		tickit_term_goto(tty_term(t), 1, 1);
		tickit_term_print(tty_term(t), "hello");
		tty_input(t, "a\033[A", 4);
		tty_stop(t);
		CHECK(c.n == 2);
		client_reset(&c);
		tty_free(t);
	}
	t = tty_new(NULL, 24, 80, NULL, on_output, on_key, &c);
	CHECK(t != NULL);
	tty_free(t);
	/* what they became */
	for (size_t i = 0; i < sizeof normalised / sizeof normalised[0]; i++) {
		t = new_tty(normalised[i][0], &c);
		CHECK(t != NULL);
		if (t == NULL)
			continue;
		if (strcmp(tickit_term_get_termtype(tty_term(t)), normalised[i][1]) != 0) {
			fprintf(stderr, "TERM %s became %s, want %s\n", normalised[i][0],
				tickit_term_get_termtype(tty_term(t)), normalised[i][1]);
			failures++;
		}
		tty_free(t);
	}
}

static int has(const struct client *c, const char *s)
{
	return memmem(c->out, c->out_len, s, strlen(s)) != NULL;
}

static void test_start_stop(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	/* nothing reaches the client before tty_start */
	CHECK(c.out_len == 0);
	CHECK(tty_rows(t) == 24 && tty_cols(t) == 80);
	tty_resize(t, 50, 200);
	CHECK(tty_rows(t) == 50 && tty_cols(t) == 200);

	tty_start(t);
	CHECK(has(&c, "\033[?1049h"));
	CHECK(has(&c, "\033[2J"));
	CHECK(has(&c, "\033="));
	CHECK(has(&c, "\033[?2004h"));
	CHECK(has(&c, "\033[?25$p")); /* the driver's queries, inside the alternate screen */
	CHECK(!has(&c, "\033[?69h")); /* but not DECLRMM, which would outlive us */
	CHECK((char *)memmem(c.out, c.out_len, "\033[?1049h", 8) <
	      (char *)memmem(c.out, c.out_len, "\033[?25$p", 7));

	/* the terminal says it knows cursor shapes (a bar, blinking) */
	static const char replies[] = "\033[?12;1$y\033P1$r5 q\033\\";
	tty_input(t, replies, sizeof replies - 1);
	tty_cursor_shape(t, 1);
	tickit_term_setctl_int(tty_term(t), TICKIT_TERMCTL_CURSORVIS, 0);
	tickit_term_flush(tty_term(t));
	c.out_len = 0;
	tty_stop(t);
	CHECK(has(&c, "\033[?1049l"));
	CHECK(has(&c, "\033[?25h"));
	CHECK(has(&c, "\033>"));
	CHECK(has(&c, "\033[?2004l"));
	CHECK(has(&c, "\033[5 q")); /* the bar it had */
	CHECK(has(&c, "\033[m"));
	/* stop twice, start again */
	c.out_len = 0;
	tty_stop(t);
	CHECK(c.out_len == 0);
	tty_start(t);
	CHECK(has(&c, "\033[?1049h") && !has(&c, "\033[?25$p"));
	tty_stop(t);
	tty_free(t);
}

static void test_free_in_callback(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	c.free_on_key = t;
	tty_input(t, "abc\033[200~x\033[201~", 17);
	CHECK(c.n == 1); /* the rest is dropped with the tty */
	client_reset(&c);
}

static void test_truecolor(void)
{
	struct client c;
	struct tty *t;
	int colors = 0;

	memset(&c, 0, sizeof c);
	t = tty_new("xterm-256color", 24, 80, &(struct tty_caps){.truecolor = 1}, on_output, on_key,
		    &c);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK(tickit_term_getctl_int(tty_term(t), TICKIT_TERMCTL_COLORS, &colors) && colors > 256);
	tty_free(t);
	t = new_tty("xterm-256color", &c);
	CHECK(tickit_term_getctl_int(tty_term(t), TICKIT_TERMCTL_COLORS, &colors) && colors == 256);
	tty_free(t);
}

static struct tty_mouse mouse_seen[8];
static int mouse_n;

static void on_mouse(const struct tty_mouse *m, void *ctx)
{
	(void)ctx;
	if (mouse_n < 8)
		mouse_seen[mouse_n++] = *m;
}

static int mouse_is(int i, enum tty_mouse_type type, int button, int x, int y, int mod)
{
	const struct tty_mouse *m = &mouse_seen[i];

	return i < mouse_n && m->type == type && m->button == button && m->x == x && m->y == y &&
	       m->mod == mod;
}

/* Mouse mode goes out only while started, and tty_stop turns it off; SGR
 * reports (and X10 ones) come back as events, never as keys. */
static void test_mouse(void)
{
	static const char reports[] = "\033[<0;10;5M\033[<32;12;5M\033[<0;12;5m"
				      "\033[<65;1;1M\033[<18;3;4M\033[M !!";
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	tty_set_mouse_callback(t, on_mouse);
	tty_set_mouse(t, 1);
	CHECK(c.out_len == 0);
	tty_start(t);
	CHECK(has(&c, "\033[?1002h") && has(&c, "\033[?1006h"));
	mouse_n = 0;
	tty_input(t, reports, sizeof reports - 1);
	CHECK(c.n == 0);
	CHECK(mouse_n == 6);
	CHECK(mouse_is(0, TTY_MOUSE_PRESS, 1, 9, 4, 0));
	CHECK(mouse_is(1, TTY_MOUSE_DRAG, 1, 11, 4, 0));
	CHECK(mouse_is(2, TTY_MOUSE_RELEASE, 1, 11, 4, 0));
	CHECK(mouse_is(3, TTY_MOUSE_WHEEL, TTY_WHEEL_DOWN, 0, 0, 0));
	CHECK(mouse_is(4, TTY_MOUSE_PRESS, 3, 2, 3, VTERM_MOD_CTRL));
	CHECK(mouse_is(5, TTY_MOUSE_PRESS, 1, 0, 0, 0));
	c.out_len = 0;
	tty_set_mouse(t, 1); /* no change, nothing sent */
	CHECK(c.out_len == 0);
	tty_set_mouse(t, 0);
	CHECK(has(&c, "\033[?1002l") && has(&c, "\033[?1006l"));
	tty_set_mouse(t, 1);
	c.out_len = 0;
	tty_stop(t);
	CHECK(has(&c, "\033[?1002l") && has(&c, "\033[?1006l"));
	c.out_len = 0;
	tty_set_mouse(t, 0); /* stopped: nothing sent */
	tty_set_mouse(t, 1);
	CHECK(c.out_len == 0);
	tty_free(t);
	client_reset(&c);
}

/* escape-time: a lone Escape waits for what follows, or is a key at once. */
static void test_escape_time(void)
{
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);
	int ms;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	tty_set_escape_time(t, 60000);
	tty_input(t, "\033", 1);
	ms = tty_input_timeout(t);
	CHECK(ms > 30000 && ms <= 60000);
	tty_input(t, "x", 1);
	CHECK(c.n == 1 && event_is(&c.ev[0], "M-x"));
	CHECK(tty_input_timeout(t) == -1);
	client_reset(&c);
	/* an arrow key's sequence split after its Escape */
	tty_input(t, "\033", 1);
	tty_input(t, "[A", 2);
	CHECK(c.n == 1 && event_is(&c.ev[0], "Up"));
	client_reset(&c);
	/* Escape, Escape: the first is a key when the second comes */
	tty_input(t, "\033", 1);
	tty_input(t, "\033", 1);
	CHECK(c.n == 1 && event_is(&c.ev[0], "Escape"));
	tty_input(t, "a", 1);
	CHECK(c.n == 2 && event_is(&c.ev[1], "M-a"));
	client_reset(&c);
	tty_set_escape_time(t, 0);
	tty_input(t, "\033", 1);
	CHECK(c.n == 1 && event_is(&c.ev[0], "Escape"));
	CHECK(tty_input_timeout(t) == -1);
	tty_input(t, "\033x", 2); /* together they are still one key */
	CHECK(c.n == 2 && event_is(&c.ev[1], "M-x"));
	client_reset(&c);
	tty_free(t);
}

static int focus_seen[8], focus_n;

static void on_focus(int in, void *ctx)
{
	(void)ctx;
	if (focus_n < 8)
		focus_seen[focus_n++] = in;
}

/* Focus reports: asked for while started, never keys; hover motion comes
 * back as TTY_MOUSE_MOVE (libtickit alone would drop it). */
static void test_focus_and_hover(void)
{
	static const char in1[] = "a\033[Ob\033[I";
	static const char in2[] = "[O\033[<35;5;6M\033[<51;1;2Mc\033[<0;3;3M";
	struct client c;
	struct tty *t = new_tty("xterm-256color", &c);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	tty_set_focus_callback(t, on_focus);
	tty_set_mouse_callback(t, on_mouse);
	tty_set_focus(t, 1);
	tty_set_mouse(t, 1);
	tty_set_mouse_motion(t, 1);
	tty_start(t);
	CHECK(has(&c, "\033[?1004h") && has(&c, "\033[?1003h"));
	focus_n = mouse_n = 0;
	tty_set_escape_time(t, 60000);
	tty_input(t, in1, sizeof in1 - 1);
	tty_input(t, "\033", 1); /* split just after the Escape */
	tty_input(t, in2, sizeof in2 - 1);
	CHECK(c.n == 3 && event_is(&c.ev[0], "a") && event_is(&c.ev[1], "b") &&
	      event_is(&c.ev[2], "c"));

	CHECK(focus_n == 3 && focus_seen[0] == 0 && focus_seen[1] == 1 && focus_seen[2] == 0);
	CHECK(mouse_n == 3);
	CHECK(mouse_is(0, TTY_MOUSE_MOVE, 0, 4, 5, 0));
	CHECK(mouse_is(1, TTY_MOUSE_MOVE, 0, 0, 1, VTERM_MOD_CTRL));
	CHECK(mouse_is(2, TTY_MOUSE_PRESS, 1, 2, 2, 0));
	c.out_len = 0;
	tty_set_mouse_motion(t, 0);
	CHECK(has(&c, "\033[?1002h"));
	c.out_len = 0;
	tty_stop(t);
	CHECK(has(&c, "\033[?1004l"));
	tty_free(t);
	client_reset(&c);
}

int main(void)
{
	test_keys();
	test_ascii_keys();
	test_round_trip();
	test_escape_timeout();
	test_paste();
	test_long_input();
	test_term_names();
	test_start_stop();
	test_free_in_callback();
	test_truecolor();
	test_mouse();
	test_escape_time();
	test_focus_and_hover();
	if (failures)
		fprintf(stderr, "test_tty: %d failure(s)\n", failures);
	else
		printf("test_tty: ok\n");
	return failures != 0;
}
