/*
 * tty: a client's terminal seen through a TickitTerm that never touches a
 * descriptor. Output goes through libtickit's buffer to the owner's callback;
 * input bytes go through libtickit's parser (libtermkey) and come back as
 * struct key, with bracketed pastes cut out first.
 *
 * libtickit traps handled here (see DESIGN.md): an unknown TERM gives NULL
 * and a terminfo entry missing a "required" string abort()s inside
 * tickit_term_build, so TERM is checked and the terminfo strings the driver
 * insists on get ANSI defaults; more than 256 bytes pushed at once are
 * silently dropped; paste markers are swallowed; a lone ESC needs a timer.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include "render/tty.h"

#include <stdio.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <tickit.h>

#include "util/buf.h"

#define TTY_PUSH_MAX 128	/* libtermkey keeps 256 bytes; half leaves room for a partial key */
#define TTY_OUTPUT_BUFFER 16384 /* one write per frame for typical frames */
#define TTY_PASTE_MAX (16u << 20) /* a paste with no end marker is delivered in pieces this big */
#define TTY_TERMNAME_MAX 64
#define PASTE_MARK_LEN 6
#define TTY_FLUSH_SLACK_MS 5 /* see tty_input_flush */
#define TTY_ESCAPE_MS 10     /* escape-time until tty_set_escape_time says */
#define TTY_UKEY_MAX 64	     /* the longest user-keys sequence recognised across reads */

static const char paste_start[] = "\033[200~";
static const char paste_end[] = "\033[201~";

enum tty_state {
	TTY_BUILDING, /* inside tickit_term_build: its driver's queries are kept for tty_start */
	TTY_STOPPED,
	TTY_STARTED,
	TTY_FREEING, /* inside tickit_term_destroy: the owner's callback may be gone */
};

struct tty {
	TickitTerm *tt;
	char **user_keys; /* user-keys: the sequences of User0 ... (NULL: none) */
	int nuser_keys;
	/* the end of an input that may be the start of a user key's sequence,
	 * held for escape-time: the rest may come in the next read */
	char ukey_held[TTY_UKEY_MAX];
	size_t ukey_len;
	long long ukey_deadline; /* monotonic ms */
	tty_output_fn *out;
	tty_key_fn *key;
	tty_mouse_fn *mouse;
	void *ctx;
	enum tty_state state;

	struct buf startup;   /* the xterm driver's capability queries */
	TickitPen *pen_reset; /* every attribute explicitly at its default */
	int keypad;	      /* we switched the keypad to application mode */
	int mouse_want;	      /* mouse reporting asked for (tty_set_mouse) */
	int motion_want;      /* ... with all motion (tty_set_mouse_motion) */

	int ctl_cap_shape; /* "xterm.cap_cursorshape", -1 if there is no such ctl */
	/* cursor styles as DECSCUSR parameters (1-6) */
	int shape_orig;	  /* the terminal's own, 0 until it told us */
	int shape_want;	  /* what the renderer asked for; 0 = the original */
	int shape_sent;	  /* what we last sent; 0 = nothing, the original shows */
	long colour_sent; /* cursor colour (OSC 12) last sent, -1 none */

	size_t mark_pending; /* bytes of paste_start that libtickit holds at the end of the input */
	int in_paste;
	struct buf paste;

	char *title;	    /* the last title sent (set-titles), NULL for none */
	int truecolor_caps; /* COLORTERM said so at attach */
	int truecolor_opts; /* terminal-features or terminal-overrides say so */

	int busy;	  /* inside a callback into the owner */
	int tk_pending;	  /* libtickit may hold part of a key (tty_push_ascii) */
	int free_pending; /* tty_free was called from such a callback */

	/* escape-time: a lone Escape at the end of the input is held here, not
	 * in libtickit (whose own wait is fixed), until more input comes or
	 * its deadline passes */
	int escape_ms;
	int esc_held;
	long long esc_deadline; /* monotonic ms */

	int focus_want;	     /* focus reporting asked for (tty_set_focus) */
	int extkeys_want;    /* extended keys asked for (tty_set_extended_keys) */
	tty_focus_fn *focus; /* where CSI I and CSI O go */

	/* refresh-client -l: the clipboard asked for (OSC 52) until
	 * clip_deadline; its answer is collected in clip while in_clip */
	tty_clipboard_fn *clipboard;
	long long clip_deadline; /* monotonic ms, 0: none asked for */
	int in_clip;
	struct buf clip;
};

/*
 * Terminfo strings libtickit's terminfo driver requires (it aborts without
 * them) or uses, with the ANSI sequences every terminal we accept knows.
 * key_mouse is forced to the X10 prefix: that is what makes libtermkey parse
 * mouse reports (SGR ones included) instead of delivering them as text.
 */
static const char *const ti_defaults[][2] = {
	{"cursor_address", "\033[%i%p1%d;%p2%dH"},
	{"row_address", "\033[%i%p1%dd"},
	{"column_address", "\033[%i%p1%dG"},
	{"parm_up_cursor", "\033[%p1%dA"},
	{"cursor_up", "\033[A"},
	{"parm_down_cursor", "\033[%p1%dB"},
	{"cursor_down", "\033[B"},
	{"parm_right_cursor", "\033[%p1%dC"},
	{"cursor_right", "\033[C"},
	{"parm_left_cursor", "\033[%p1%dD"},
	{"cursor_left", "\033[D"},
	{"parm_ich", "\033[%p1%d@"},
	{"insert_character", "\033[@"},
	{"parm_dch", "\033[%p1%dP"},
	{"delete_character", "\033[P"},
	{"parm_insert_line", "\033[%p1%dL"},
	{"insert_line", "\033[L"},
	{"parm_delete_line", "\033[%p1%dM"},
	{"delete_line", "\033[M"},
	{"erase_chars", "\033[%p1%dX"},
	{"clear_screen", "\033[H\033[2J"},
	{"change_scroll_region", "\033[%i%p1%d;%p2%dr"},
	{"set_attributes", "\033[0%?%p6%t;1%;%?%p2%t;4%;%?%p1%p3%|%t;7%;%?%p4%t;5%;m"},
	{"exit_attribute_mode", "\033[m"},
	{"set_a_foreground", "\033[3%p1%dm"},
	{"set_a_background", "\033[4%p1%dm"},
	{"cursor_normal", "\033[?25h"},
	{"cursor_invisible", "\033[?25l"},
};

static const char *tty_ti_getstr(const char *name, const char *value, void *data)
{
	(void)data;
	if (strcmp(name, "key_mouse") == 0)
		return "\033[M";
	if (value != NULL)
		return value;
	for (size_t i = 0; i < sizeof ti_defaults / sizeof ti_defaults[0]; i++) {
		if (strcmp(name, ti_defaults[i][0]) == 0)
			return ti_defaults[i][1];
	}
	return NULL;
}

static const struct TickitTerminfoHook tty_ti_hook = {.getstr = tty_ti_getstr};

/* ---- TERM ---- */

static int terminfo_in_dir(const char *dir, const char *name)
{
	char path[4096];
	int n;

	if (dir == NULL || *dir == '\0')
		return 0;
	n = snprintf(path, sizeof path, "%s/%c/%s", dir, name[0], name);
	if (n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0)
		return 1;
	/* macOS and some BSDs name the letter directories in hex */
	n = snprintf(path, sizeof path, "%s/%02x/%s", dir, (unsigned char)name[0], name);
	return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

static int terminfo_exists(const char *name)
{
	static const char *const system_dirs[] = {
		"/etc/terminfo",
		"/lib/terminfo",
		"/usr/share/terminfo",
		"/usr/lib/terminfo",
		"/usr/local/share/terminfo",
	};
	const char *env, *home;
	char dir[4096];

	if (terminfo_in_dir(getenv("TERMINFO"), name))
		return 1;
	home = getenv("HOME");
	if (home != NULL && snprintf(dir, sizeof dir, "%s/.terminfo", home) < (int)sizeof dir &&
	    terminfo_in_dir(dir, name))
		return 1;
	env = getenv("TERMINFO_DIRS");
	while (env != NULL && *env != '\0') {
		size_t len = strcspn(env, ":");
		if (len > 0 && len < sizeof dir) {
			memcpy(dir, env, len);
			dir[len] = '\0';
			if (terminfo_in_dir(dir, name))
				return 1;
		}
		env += len + (env[len] == ':');
	}
	for (size_t i = 0; i < sizeof system_dirs / sizeof system_dirs[0]; i++) {
		if (terminfo_in_dir(system_dirs[i], name))
			return 1;
	}
	return 0;
}

/*
 * Only terminal families that speak ANSI/xterm sequences are kept: others
 * (vt100, dumb, ...) abort() inside libtickit or cannot show a multiplexer.
 * "xterm+..." and the like are terminfo building blocks, not terminals.
 */
static int term_acceptable(const char *name)
{
	static const char *const families[] = {"xterm", "screen", "tmux", "rxvt", "linux"};
	size_t len;

	if (name == NULL || *name == '\0' || strlen(name) >= TTY_TERMNAME_MAX ||
	    strchr(name, '/') != NULL)
		return 0;
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
		len = strlen(families[i]);
		if (strncmp(name, families[i], len) == 0 &&
		    (name[len] == '\0' || name[len] == '-' || name[len] == '.'))
			return terminfo_exists(name);
	}
	return 0;
}

/* ---- output ---- */

static void tty_tickit_output(TickitTerm *tt, const char *buf, size_t len, void *user)
{
	struct tty *t = user;

	(void)tt;
	/* libtickit calls with NULL when the output function is replaced or destroyed */
	if (buf == NULL || len == 0)
		return;
	switch (t->state) {
	case TTY_BUILDING:
		buf_add(&t->startup, buf, len);
		return;
	case TTY_FREEING:
		return;
	case TTY_STOPPED:
	case TTY_STARTED:
		t->out(buf, len, t->ctx);
		return;
	}
}

/* Remove every occurrence of seq from b. */
static void buf_remove_all(struct buf *b, const char *seq)
{
	size_t n = strlen(seq);
	char *p;

	while (b->len > 0 && (p = memmem(b->data, b->len, seq, n)) != NULL) {
		memmove(p, p + n, b->len - (size_t)(p - b->data) - n);
		b->len -= n;
	}
}

/* ---- keys ---- */

/* libtickit's key names that are not tmux's. ESC[1~ and ESC[4~ (Find and
 * Select to libtickit) are Home and End on rxvt, linux and vt220. */
static const char *const tickit_key_names[][2] = {
	{"Backspace", "BSpace"}, {"Find", "Home"},    {"Select", "End"},  {"KPMult", "KP*"},
	{"KPPlus", "KP+"},	 {"KPComma", "KP,"},  {"KPMinus", "KP-"}, {"KPPeriod", "KP."},
	{"KPDiv", "KP/"},	 {"KPEquals", "KP="},
};

/* terminfo's F13 and up (xterm's, as ncurses describes them) are F1-F12
 * with modifiers, one block of twelve per set: S-F5 arrives as F17. */
static const char *tty_fkey_name(const char *s, char *name, size_t size)
{
	static const char *const mods[] = {"S-", "C-", "C-S-", "M-", "M-S-"};
	char *end;
	long n;

	if (s[0] != 'F' || s[1] < '1' || s[1] > '9')
		return s;
	n = strtol(s + 1, &end, 10);
	if (*end != '\0' || n <= 12 || n > 12 * 6)
		return s;
	snprintf(name, size, "%sF%ld", mods[(n - 13) / 12], (n - 13) % 12 + 1);
	return name;
}

static int tty_key_convert(const TickitKeyEventInfo *info, struct key *k)
{
	const char *s = info->str, *base = s;
	char name[64];
	int n;

	if (s == NULL || *s == '\0')
		return -1;
	if (info->type == TICKIT_KEYEV_TEXT)
		return key_parse(s, k);
	s = base = tty_fkey_name(s, name, sizeof name);
	/* "M-C-x", "C-S-Up": the modifiers first, then the key */
	while (base[0] != '\0' && base[1] == '-' && base[2] != '\0' && strchr("CMS", base[0]))
		base += 2;
	for (size_t i = 0; i < sizeof tickit_key_names / sizeof tickit_key_names[0]; i++) {
		if (strcmp(base, tickit_key_names[i][0]) == 0) {
			n = snprintf(name, sizeof name, "%.*s%s", (int)(base - s), s,
				     tickit_key_names[i][1]);
			if (n < 0 || (size_t)n >= sizeof name)
				return -1;
			s = name;
			break;
		}
	}
	if (key_parse(s, k) != 0)
		return -1;
	/* 0x08 is the Backspace key on terminals whose erase character is ^H */
	if (k->kind == KEY_CHAR && k->cp == 'h' && (k->mod & VTERM_MOD_CTRL)) {
		k->kind = KEY_SYM;
		k->sym = VTERM_KEY_BACKSPACE;
		k->cp = 0;
		k->mod &= ~VTERM_MOD_CTRL;
	}
	return 0;
}

static int tty_on_key(TickitTerm *tt, TickitEventFlags flags, void *info, void *user)
{
	struct tty *t = user;
	struct key k;

	(void)tt;
	if (!(flags & TICKIT_EV_FIRE) || t->free_pending)
		return 1;
	if (tty_key_convert(info, &k) != 0)
		return 1;
	t->busy++;
	t->key(&k, NULL, 0, t->ctx);
	t->busy--;
	return 1;
}

/* libtickit's event in our terms; -1 for kinds we do not report. */
static int tty_mouse_convert(const TickitMouseEventInfo *info, struct tty_mouse *m)
{
	switch (info->type) {
	case TICKIT_MOUSEEV_PRESS:
		m->type = TTY_MOUSE_PRESS;
		break;
	case TICKIT_MOUSEEV_DRAG:
		m->type = TTY_MOUSE_DRAG;
		break;
	case TICKIT_MOUSEEV_RELEASE:
		m->type = TTY_MOUSE_RELEASE;
		break;
	case TICKIT_MOUSEEV_WHEEL:
		m->type = TTY_MOUSE_WHEEL;
		break;
	default:
		return -1;
	}
	m->button = info->button;
	m->x = info->col;
	m->y = info->line;
	m->mod = 0;
	if (info->mod & TICKIT_MOD_SHIFT)
		m->mod |= VTERM_MOD_SHIFT;
	if (info->mod & TICKIT_MOD_ALT)
		m->mod |= VTERM_MOD_ALT;
	if (info->mod & TICKIT_MOD_CTRL)
		m->mod |= VTERM_MOD_CTRL;
	return m->x >= 0 && m->y >= 0 ? 0 : -1;
}

/* Mouse reports are always parsed (so that one arriving after reporting
 * was turned off does not turn into text) and passed on if anyone wants them. */
static int tty_on_mouse(TickitTerm *tt, TickitEventFlags flags, void *info, void *user)
{
	struct tty *t = user;
	struct tty_mouse m;

	(void)tt;
	if (!(flags & TICKIT_EV_FIRE) || t->free_pending || t->mouse == NULL)
		return 1;
	if (tty_mouse_convert(info, &m) != 0)
		return 1;
	t->busy++;
	t->mouse(&m, t->ctx);
	t->busy--;
	return 1;
}

/* ---- lifetime ---- */

TickitPen *tty_pen_new_reset(void)
{
	TickitPen *p = tickit_pen_new();

	if (p == NULL)
		return NULL;
	tickit_pen_set_colour_attr(p, TICKIT_PEN_FG, -1);
	tickit_pen_set_colour_attr(p, TICKIT_PEN_BG, -1);
	tickit_pen_set_bool_attr(p, TICKIT_PEN_BOLD, false);
	tickit_pen_set_int_attr(p, TICKIT_PEN_UNDER, TICKIT_PEN_UNDER_NONE);
	tickit_pen_set_bool_attr(p, TICKIT_PEN_ITALIC, false);
	tickit_pen_set_bool_attr(p, TICKIT_PEN_REVERSE, false);
	tickit_pen_set_bool_attr(p, TICKIT_PEN_STRIKE, false);
	tickit_pen_set_bool_attr(p, TICKIT_PEN_BLINK, false);
	return p;
}

/*
 * With a direct-colour terminfo entry (tmux-direct ...) the terminfo driver
 * would pass our 256-colour indexes to setaf, which reads them as RGB: use
 * the xterm driver for those instead.
 */
static int tty_driver_usable(TickitTerm *tt)
{
	int colors = 0;

	if (strcmp(tickit_term_get_drivername(tt), "xterm") == 0)
		return 1;
	return tickit_term_getctl_int(tt, TICKIT_TERMCTL_COLORS, &colors) && colors <= 256;
}

static TickitTerm *tty_build(struct tty *t, const char *termname)
{
	const char *candidates[] = {termname, "xterm-256color", "xterm"};
	TickitTerm *tt;

	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		if (i == 0 && !term_acceptable(termname))
			continue;
		t->startup.len = 0;
		tt = tickit_term_build(&(struct TickitTermBuilder){
			.termtype = candidates[i],
			.output_func = tty_tickit_output,
			.output_func_user = t,
			.output_buffersize = TTY_OUTPUT_BUFFER,
			.ti_hook = &tty_ti_hook,
		});
		if (tt != NULL && i == 0 && !tty_driver_usable(tt)) {
			tickit_term_destroy(tt);
			tt = NULL;
		}
		if (tt != NULL) {
			tickit_term_flush(tt);
			return tt;
		}
	}
	return NULL;
}

struct tty *tty_new(const char *termname, int rows, int cols, const struct tty_caps *caps,
		    tty_output_fn *out, tty_key_fn *key, void *ctx)
{
	struct tty *t = xcalloc(1, sizeof *t);
	int ctl;

	t->out = out;
	t->key = key;
	t->ctx = ctx;
	t->state = TTY_BUILDING;
	t->colour_sent = -1;
	t->escape_ms = TTY_ESCAPE_MS;
	buf_init(&t->startup);
	buf_init(&t->paste);
	t->pen_reset = tty_pen_new_reset();
	t->tt = t->pen_reset != NULL ? tty_build(t, termname) : NULL;
	if (t->tt == NULL) {
		if (t->pen_reset != NULL)
			tickit_pen_unref(t->pen_reset);
		buf_free(&t->startup);
		free(t);
		return NULL;
	}
	/* DECLRMM would stay on after we leave and turn CSI s into DECSLRM */
	buf_remove_all(&t->startup, "\033[?69h");
	t->state = TTY_STOPPED;

	tickit_term_set_utf8(t->tt, true);
	tty_resize(t, rows, cols);
	if (caps != NULL && caps->truecolor) {
		t->truecolor_caps = 1;
		ctl = tickit_termctl_lookup("xterm.cap_rgb8");
		if (ctl != -1)
			tickit_term_setctl_int(t->tt, (TickitTermCtl)ctl, 1);
	}
	t->ctl_cap_shape = tickit_termctl_lookup("xterm.cap_cursorshape");
	tickit_term_bind_event(t->tt, TICKIT_TERM_ON_KEY, 0, tty_on_key, t);
	tickit_term_bind_event(t->tt, TICKIT_TERM_ON_MOUSE, 0, tty_on_mouse, t);
	return t;
}

void tty_free(struct tty *t)
{
	if (t == NULL)
		return;
	if (t->busy) {
		/* called from our own key callback: finish that first */
		t->free_pending = 1;
		return;
	}
	t->state = TTY_FREEING;
	tickit_term_destroy(t->tt);
	tickit_pen_unref(t->pen_reset);
	buf_free(&t->startup);
	buf_free(&t->paste);
	buf_free(&t->clip);
	free(t->title);
	tty_set_user_keys(t, NULL, 0);
	free(t);
}

/* Free now if tty_free was called from a callback; returns 1 if it was. */
static int tty_free_deferred(struct tty *t)
{
	if (!t->free_pending || t->busy)
		return 0;
	t->free_pending = 0;
	tty_free(t);
	return 1;
}

/* ---- modes ---- */

/*
 * The cursor shape goes out only once the terminal has answered the xterm
 * driver's DECRQSS query: before that the driver would not send it anyway,
 * and its idea of the current shape is then the terminal's own, which is
 * what tty_stop restores.
 */
static void tty_apply_cursor_shape(struct tty *t)
{
	int cap = 0, shape = 0, blink = 1, want;

	if (t->ctl_cap_shape == -1 ||
	    !tickit_term_getctl_int(t->tt, (TickitTermCtl)t->ctl_cap_shape, &cap) || !cap)
		return;
	if (t->shape_orig == 0) {
		/* the driver knows the terminal's shape and blink (DECRQSS,
		 * DECRQM 12); its own DECSCUSR would take the blink from that,
		 * not from the pane, so the sequence is ours */
		if (!tickit_term_getctl_int(t->tt, TICKIT_TERMCTL_CURSORSHAPE, &shape) ||
		    shape < TICKIT_CURSORSHAPE_BLOCK || shape > TICKIT_CURSORSHAPE_LEFT_BAR)
			shape = TICKIT_CURSORSHAPE_BLOCK;
		if (!tickit_term_getctl_int(t->tt, TICKIT_TERMCTL_CURSORBLINK, &blink))
			blink = 1;
		t->shape_orig = shape * 2 - (blink != 0);
	}
	want = t->shape_want != 0 ? t->shape_want : t->shape_orig;
	if (want == (t->shape_sent != 0 ? t->shape_sent : t->shape_orig))
		return;
	tickit_term_printf(t->tt, "\033[%d q", want);
	t->shape_sent = want;
}

void tty_cursor_colour(struct tty *t, long rgb)
{
	if (t->state != TTY_STARTED || rgb == t->colour_sent)
		return;
	if (rgb < 0)
		tickit_term_printf(t->tt, "\033]112\a");
	else
		tickit_term_printf(t->tt, "\033]12;rgb:%02lx/%02lx/%02lx\a", rgb >> 16,
				   rgb >> 8 & 0xff, rgb & 0xff); /* (as tmux) */
	t->colour_sent = rgb;
}

void tty_cursor_shape(struct tty *t, int shape)
{
	t->shape_want = shape;
	if (t->state == TTY_STARTED)
		tty_apply_cursor_shape(t);
}

/* libtickit's xterm and terminfo drivers both send CSI ?1002 and ?1006
 * for this mode, and only when it changes. */
static void tty_apply_mouse(struct tty *t, int on)
{
	tickit_term_setctl_int(t->tt, TICKIT_TERMCTL_MOUSE,
			       !on		? TICKIT_TERM_MOUSEMODE_OFF
			       : t->motion_want ? TICKIT_TERM_MOUSEMODE_MOVE
						: TICKIT_TERM_MOUSEMODE_DRAG);
}

void tty_set_mouse_callback(struct tty *t, tty_mouse_fn *fn)
{
	t->mouse = fn;
}

/* Record what is wanted of a terminal mode; true when the terminal must be
 * told now (it changed, and the terminal is ours). */
static int tty_want(const struct tty *t, int *want, int on)
{
	on = on != 0;
	if (on == *want)
		return 0;
	*want = on;
	return t->state == TTY_STARTED;
}

void tty_set_mouse(struct tty *t, int on)
{
	if (!tty_want(t, &t->mouse_want, on))
		return;
	tty_apply_mouse(t, t->mouse_want);
	tickit_term_flush(t->tt);
}

void tty_set_focus_callback(struct tty *t, tty_focus_fn *fn)
{
	t->focus = fn;
}

static long long tty_now_ms(void);

/* How long the terminal has to answer a clipboard query (tmux's 5 s). */
#define TTY_CLIP_WAIT_MS 5000
/* The most of an answer kept (base64). */
#define TTY_CLIP_MAX (4u << 20)

void tty_clipboard_query(struct tty *t, tty_clipboard_fn *fn)
{
	t->clipboard = fn;
	if (t->clip_deadline > tty_now_ms())
		return; /* one query at a time */
	if (t->state != TTY_STARTED)
		return;
	t->clip_deadline = tty_now_ms() + TTY_CLIP_WAIT_MS;
	tickit_term_printn(t->tt, "\033]52;;?\007", 8);
	tickit_term_flush(t->tt);
}

/* An answer's start, when one is awaited: ESC ] 5 2 ; */
static const char *clip_start(struct tty *t, const char *buf, size_t len)
{
	if (t->clip_deadline == 0)
		return NULL;
	if (t->clip_deadline < tty_now_ms()) {
		t->clip_deadline = 0;
		return NULL;
	}
	return memmem(buf, len, "\033]52;", 5);
}

/* The answer's text after "52;" up to BEL or ST: its selection, ';' and the
 * base64 go to the callback. Returns the bytes used. */
static size_t tty_input_clip(struct tty *t, const char *buf, size_t len)
{
	const char *bel = memchr(buf, '\007', len), *st = memmem(buf, len, "\033\\", 2);
	const char *end = bel != NULL && (st == NULL || bel < st) ? bel : st;
	size_t n = end != NULL ? (size_t)(end - buf) : len;
	const char *semi;

	if (t->clip.len + n <= TTY_CLIP_MAX)
		buf_add(&t->clip, buf, n);
	if (end == NULL)
		return len;
	t->in_clip = 0;
	t->clip_deadline = 0;
	semi = memchr(t->clip.data, ';', t->clip.len);
	if (semi != NULL && t->clipboard != NULL && t->clip.len <= TTY_CLIP_MAX) {
		t->busy++;
		t->clipboard(semi + 1, t->clip.len - (size_t)(semi + 1 - t->clip.data), t->ctx);
		t->busy--;
	}
	t->clip.len = 0;
	return n + (end == bel ? 1 : 2);
}

void tty_set_extended_keys(struct tty *t, int on)
{
	if (!tty_want(t, &t->extkeys_want, on))
		return;
	tickit_term_print(t->tt, t->extkeys_want ? "\033[>4;1m" : "\033[>4m");
	tickit_term_flush(t->tt);
}

void tty_set_focus(struct tty *t, int on)
{
	if (!tty_want(t, &t->focus_want, on))
		return;
	tickit_term_print(t->tt, t->focus_want ? "\033[?1004h" : "\033[?1004l");
	tickit_term_flush(t->tt);
}

void tty_set_mouse_motion(struct tty *t, int on)
{
	if (!tty_want(t, &t->motion_want, on) || !t->mouse_want)
		return;
	tty_apply_mouse(t, 1);
	tickit_term_flush(t->tt);
}

void tty_start(struct tty *t)
{
	if (t->state != TTY_STOPPED)
		return;
	t->state = TTY_STARTED;
	tickit_term_setctl_int(t->tt, TICKIT_TERMCTL_ALTSCREEN, 1);
	if (t->startup.len > 0) {
		/* asked inside the alternate screen: a terminal that does not
		 * understand them may print them, and the clear below hides that */
		tickit_term_printn(t->tt, t->startup.data, t->startup.len);
		t->startup.len = 0;
	}
	t->keypad = tickit_term_setctl_int(t->tt, TICKIT_TERMCTL_KEYPAD_APP, 1);
	tickit_term_print(t->tt, "\033[?2004h"); /* bracketed paste: see tty_input */
	if (t->mouse_want)
		tty_apply_mouse(t, 1);
	if (t->focus_want)
		tickit_term_print(t->tt, "\033[?1004h");
	if (t->extkeys_want)
		tickit_term_print(t->tt, "\033[>4;1m");
	tickit_term_setpen(t->tt, t->pen_reset);
	tickit_term_clear(t->tt);
	tickit_term_goto(t->tt, 0, 0);
	tickit_term_flush(t->tt);
}

/* After tty_stop: a blank alternate screen, for lock-command to run on
 * while the main screen keeps what was there (as tmux does). */
void tty_blank(struct tty *t)
{
	tickit_term_setctl_int(t->tt, TICKIT_TERMCTL_ALTSCREEN, 1);
	tickit_term_clear(t->tt);
	tickit_term_goto(t->tt, 0, 0);
	tickit_term_flush(t->tt);
}

void tty_stop(struct tty *t)
{
	if (t->state != TTY_STARTED)
		return;
	/* libtickit's pen model and the terminal agree on the default after this */
	tickit_term_setpen(t->tt, t->pen_reset);
	tickit_term_print(t->tt, "\033[m");
	if (t->shape_sent != 0 && t->shape_sent != t->shape_orig)
		tickit_term_printf(t->tt, "\033[%d q", t->shape_orig);
	t->shape_sent = 0;
	if (t->colour_sent >= 0)
		tickit_term_printf(t->tt, "\033]112\a");
	t->colour_sent = -1;
	tty_apply_mouse(t, 0);
	if (t->focus_want)
		tickit_term_print(t->tt, "\033[?1004l");
	if (t->extkeys_want)
		tickit_term_print(t->tt, "\033[>4m");
	tickit_term_setctl_int(t->tt, TICKIT_TERMCTL_CURSORVIS, 1);
	tickit_term_print(t->tt, "\033[?2004l");
	if (t->keypad) {
		/* libtickit's xterm driver does not remember that it set the
		 * keypad mode, so it would never reset it */
		tickit_term_print(t->tt, "\033>");
		t->keypad = 0;
	}
	tickit_term_setctl_int(t->tt, TICKIT_TERMCTL_ALTSCREEN, 0);
	tickit_term_flush(t->tt);
	t->state = TTY_STOPPED;
}

void tty_resize(struct tty *t, int rows, int cols)
{
	tickit_term_set_size(t->tt, rows < 1 ? 1 : rows, cols < 1 ? 1 : cols);
}

int tty_rows(const struct tty *t)
{
	int rows;

	tickit_term_get_size(t->tt, &rows, NULL);
	return rows;
}

int tty_cols(const struct tty *t)
{
	int cols;

	tickit_term_get_size(t->tt, NULL, &cols);
	return cols;
}

TickitTerm *tty_term(struct tty *t)
{
	return t->tt;
}

/* ---- input ---- */

static long long tty_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The held Escape as a key of its own: its time is up. */
static void tty_deliver_escape(struct tty *t)
{
	struct key k = {.kind = KEY_SYM, .sym = VTERM_KEY_ESCAPE};

	t->esc_held = 0;
	t->busy++;
	t->key(&k, NULL, 0, t->ctx);
	t->busy--;
}

/*
 * Printable ASCII other than space, typed while libtickit holds no part of
 * a key: the keys libtickit would make (its text keys, through key_parse,
 * once), without it; most of a keystroke's cost was there. Returns the
 * bytes used.
 */
static size_t tty_push_ascii(struct tty *t, const char *buf, size_t len)
{
	static struct key keys[0x7f];
	static int ready;
	size_t n = 0;

	if (t->tk_pending)
		return 0;
	if (!ready) {
		for (char c = 0x21; c < 0x7f; c++)
			if (key_parse((char[]){c, '\0'}, &keys[(int)c]) != 0)
				keys[(int)c].kind = KEY_NONE;
		ready = 1;
	}
	while (n < len && buf[n] > 0x20 && buf[n] < 0x7f && !t->free_pending) {
		struct key k = keys[(int)buf[n]];

		if (k.kind == KEY_NONE)
			break;
		n++;
		t->busy++;
		t->key(&k, NULL, 0, t->ctx);
		t->busy--;
	}
	return n;
}

static void tty_push_raw(struct tty *t, const char *buf, size_t len)
{
	size_t n = tty_push_ascii(t, buf, len);

	buf += n;
	len -= n;
	while (len > 0 && !t->free_pending) {
		n = len < TTY_PUSH_MAX ? len : TTY_PUSH_MAX;
		tickit_term_input_push_bytes(t->tt, buf, n);
		t->tk_pending = 1; /* until tty_input_timeout asks */
		buf += n;
		len -= n;
	}
}

static void tty_deliver_focus(struct tty *t, int in)
{
	if (t->focus == NULL || t->free_pending)
		return;
	t->busy++;
	t->focus(in, t->ctx);
	t->busy--;
}

/*
 * An SGR mouse report of motion with no button held (ESC [ < 35;x;y M and
 * its modified forms) at s, which libtickit would drop: its length, with the
 * event in *m; 0 if s is something else.
 */
static size_t sgr_hover(const char *s, const char *end, struct tty_mouse *m)
{
	long v[3] = {0, 0, 0};
	const char *p = s + 3;
	int i = 0;

	if (end - s < 9 || memcmp(s, "\033[<", 3) != 0)
		return 0;
	for (; p < end; p++) {
		if (*p >= '0' && *p <= '9' && v[i] < 100000)
			v[i] = v[i] * 10 + (*p - '0');
		else if (*p == ';' && i < 2)
			i++;
		else
			break;
	}
	if (p >= end || (*p != 'M' && *p != 'm') || i != 2 || (v[0] & 0xe3) != 0x23 || v[1] < 1 ||
	    v[2] < 1)
		return 0;
	m->type = TTY_MOUSE_MOVE;
	m->button = 0;
	m->x = (int)v[1] - 1;
	m->y = (int)v[2] - 1;
	m->mod = ((v[0] & 4) ? VTERM_MOD_SHIFT : 0) | ((v[0] & 8) ? VTERM_MOD_ALT : 0) |
		 ((v[0] & 16) ? VTERM_MOD_CTRL : 0);
	return (size_t)(p + 1 - s);
}

/* What at s (an ESC [) is not a key for libtickit: a focus report (*focus
 * 1 in, 0 out) or a hover report (*focus -1, the event in *m). Returns its
 * length, 0 for anything else. */
static size_t tty_report(const char *s, const char *end, int *focus, struct tty_mouse *m)
{
	if (end - s >= 3 && (s[2] == 'I' || s[2] == 'O')) {
		*focus = s[2] == 'I';
		return 3;
	}
	*focus = -1;
	return sgr_hover(s, end, m);
}

static void tty_deliver_report(struct tty *t, int focus, const struct tty_mouse *m)
{
	if (focus >= 0) {
		tty_deliver_focus(t, focus);
	} else if (t->mouse != NULL && !t->free_pending) {
		t->busy++;
		t->mouse(m, t->ctx);
		t->busy--;
	}
}

/* The keypad's Enter in application keypad mode (which tty_start turns
 * on): libtickit reads it as Enter, but a pane in keypad mode wants it
 * told apart, as tmux does. */
static void tty_deliver_kpenter(struct tty *t)
{
	struct key k;

	if (key_parse("KPEnter", &k) != 0)
		return;
	t->busy++;
	t->key(&k, NULL, 0, t->ctx);
	t->busy--;
}

/* Focus reports (CSI I, CSI O) and mouse motion with no button are cut out
 * of the key bytes here: focus reports are no keys, and libtickit drops such
 * motion; so is the keypad's Enter (SS3 M). One split across reads is not
 * recognised. */
static void tty_push_focus(struct tty *t, const char *buf, size_t len)
{
	const char *end = buf + len, *from = buf, *s = buf;
	struct tty_mouse m;
	int focus;
	size_t n;

	while (!t->free_pending && (s = memchr(s, '\033', (size_t)(end - s))) != NULL) {
		if (end - s >= 3 && s[1] == 'O' && s[2] == 'M') {
			tty_push_raw(t, from, (size_t)(s - from));
			tty_deliver_kpenter(t);
			from = s = s + 3;
			continue;
		}
		if (end - s < 2 || s[1] != '[' || (n = tty_report(s, end, &focus, &m)) == 0) {
			s++;
			continue;
		}
		tty_push_raw(t, from, (size_t)(s - from));
		tty_deliver_report(t, focus, &m);
		from = s = s + n;
	}
	tty_push_raw(t, from, (size_t)(end - from));
}

/* The held Escape and the start of the new input: a report split just after
 * the Escape is still one; otherwise the Escape goes to libtickit first. */
static void tty_push_held(struct tty *t, const char **buf, size_t *len)
{
	char tmp[32];
	size_t k = *len < sizeof tmp - 1 ? *len : sizeof tmp - 1, n;
	struct tty_mouse m;
	int focus;

	t->esc_held = 0;
	tmp[0] = '\033';
	memcpy(tmp + 1, *buf, k);
	n = tty_report(tmp, tmp + k + 1, &focus, &m);
	if (n == 0) {
		tty_push_raw(t, "\033", 1);
		return;
	}
	tty_deliver_report(t, focus, &m);
	*buf += n - 1;
	*len -= n - 1;
}

/*
 * Key bytes to libtickit. An Escape held from the last input goes first, so
 * that it and what follows parse as one key (M-x, an arrow key's sequence).
 * An Escape that ends this input is held for escape-time (or, with 0, is a
 * key at once): nothing in a sequence ends with it, so it starts one.
 */
static void tty_push(struct tty *t, const char *buf, size_t len)
{
	int hold;

	if (len == 0)
		return;
	hold = buf[len - 1] == '\033';
	if (hold)
		len--;
	if (t->esc_held && len == 0) {
		tty_deliver_escape(t); /* Escape, Escape */
	} else if (t->esc_held) {
		tty_push_held(t, &buf, &len);
	}
	tty_push_focus(t, buf, len);
	if (!hold || t->free_pending)
		return;
	if (t->escape_ms <= 0) {
		tty_deliver_escape(t);
		return;
	}
	t->esc_held = 1;
	t->esc_deadline = tty_now_ms() + t->escape_ms;
}

void tty_set_escape_time(struct tty *t, int ms)
{
	t->escape_ms = ms < 0 ? 0 : ms;
}

/* The length of the longest proper prefix of the paste marker that buf ends with. */
static size_t marker_prefix_at_end(const char *buf, size_t len, const char *mark)
{
	for (size_t n = PASTE_MARK_LEN - 1; n > 0; n--) {
		if (n <= len && memcmp(buf + len - n, mark, n) == 0)
			return n;
	}
	return 0;
}

static void tty_deliver_paste(struct tty *t, const char *data, size_t len)
{
	struct key none = {0};

	t->busy++;
	t->key(&none, data != NULL ? data : "", len, t->ctx);
	t->busy--;
}

/*
 * Outside a paste: everything up to a paste start marker goes to libtickit.
 * A marker split across reads is pushed in pieces (libtickit parses it as a
 * key it then ignores), so a lone ESC at the end of a read is not held back
 * from libtickit's own Escape timer. Returns the bytes used.
 */
void tty_set_user_keys(struct tty *t, const char *const *seqs, int n)
{
	for (int i = 0; i < t->nuser_keys; i++)
		free(t->user_keys[i]);
	free(t->user_keys);
	t->user_keys = n > 0 ? xcalloc((size_t)n, sizeof *t->user_keys) : NULL;
	t->nuser_keys = n;
	for (int i = 0; i < n; i++)
		t->user_keys[i] = seqs[i] != NULL && *seqs[i] != '\0' ? xstrdup(seqs[i]) : NULL;
}

/* The first user key's sequence in buf: its index and *at, or -1. */
static int user_key_at(const struct tty *t, const char *buf, size_t len, size_t *at)
{
	int found = -1;

	*at = len;
	for (int i = 0; i < t->nuser_keys; i++) {
		const char *s = t->user_keys[i], *m;

		if (s == NULL || (m = memmem(buf, len, s, strlen(s))) == NULL ||
		    (size_t)(m - buf) >= *at)
			continue;
		*at = (size_t)(m - buf);
		found = i;
	}
	return found;
}

/* The length of the longest end of buf that begins, but does not complete,
 * a user key's sequence (0: none). Only terminal sequences, which start
 * with Escape, are waited for: "zq" must not hold up every z typed. */
static size_t user_key_prefix(const struct tty *t, const char *buf, size_t len)
{
	size_t best = 0;

	for (int i = 0; i < t->nuser_keys; i++) {
		const char *s = t->user_keys[i];
		size_t sl = s != NULL ? strlen(s) : 0;

		if (sl < 2 || sl > TTY_UKEY_MAX || s[0] != '\033')
			continue;
		for (size_t n = sl - 1 < len ? sl - 1 : len; n > best; n--) {
			if (memcmp(buf + len - n, s, n) == 0) {
				best = n;
				break;
			}
		}
	}
	return best;
}

static void tty_deliver_user_key(struct tty *t, int i)
{
	struct key k = {.kind = KEY_USER, .cp = (uint32_t)i};

	t->busy++;
	t->key(&k, NULL, 0, t->ctx);
	t->busy--;
}

/* The held start of a sequence as ordinary keys: no more of it came. */
static void tty_release_user_prefix(struct tty *t)
{
	char tmp[TTY_UKEY_MAX];
	size_t n = t->ukey_len;

	memcpy(tmp, t->ukey_held, n);
	t->ukey_len = 0;
	tty_push(t, tmp, n);
}

/*
 * The held start of a sequence and the new input: a whole sequence is its
 * user key; a longer start is held again; anything else goes out as keys.
 * Returns the bytes of buf used.
 */
static size_t tty_join_user_prefix(struct tty *t, const char *buf, size_t len)
{
	char tmp[2 * TTY_UKEY_MAX];
	size_t held = t->ukey_len, k = len < TTY_UKEY_MAX ? len : TTY_UKEY_MAX, at, n;
	int i;

	memcpy(tmp, t->ukey_held, held);
	memcpy(tmp + held, buf, k);
	i = user_key_at(t, tmp, held + k, &at);
	if (i >= 0 && at == 0 && strlen(t->user_keys[i]) > held) {
		t->ukey_len = 0;
		tty_deliver_user_key(t, i);
		return strlen(t->user_keys[i]) - held;
	}
	n = k == len ? user_key_prefix(t, tmp, held + k) : 0;
	if (n == held + k) {
		memcpy(t->ukey_held, tmp, n);
		t->ukey_len = n;
		return len;
	}
	tty_release_user_prefix(t);
	return 0;
}

/* Keys, with user-keys' sequences taken out as the keys User0 ... */
static void tty_push_keys(struct tty *t, const char *buf, size_t len)
{
	size_t at, used;
	int i;

	if (t->ukey_len > 0) {
		used = tty_join_user_prefix(t, buf, len);
		buf += used;
		len -= used;
	}
	while (t->nuser_keys > 0 && !t->free_pending && (i = user_key_at(t, buf, len, &at)) >= 0) {
		tty_push(t, buf, at);
		if (t->free_pending)
			return;
		tty_deliver_user_key(t, i);
		at += strlen(t->user_keys[i]);
		buf += at;
		len -= at;
	}
	at = t->nuser_keys > 0 && t->escape_ms > 0 ? user_key_prefix(t, buf, len) : 0;
	tty_push(t, buf, len - at);
	if (at > 0 && !t->free_pending) {
		memcpy(t->ukey_held, buf + len - at, at);
		t->ukey_len = at;
		t->ukey_deadline = tty_now_ms() + t->escape_ms;
	}
}

static size_t tty_input_keys(struct tty *t, const char *buf, size_t len)
{
	const char *m, *c;
	size_t want, n;

	if (t->mark_pending > 0) {
		want = PASTE_MARK_LEN - t->mark_pending;
		n = len < want ? len : want;
		if (memcmp(buf, paste_start + t->mark_pending, n) == 0) {
			tty_push(t, buf, n);
			t->mark_pending += n;
			if (t->mark_pending == PASTE_MARK_LEN) {
				t->mark_pending = 0;
				t->in_paste = 1;
			}
			return n;
		}
		t->mark_pending = 0;
	}
	m = memmem(buf, len, paste_start, PASTE_MARK_LEN);
	n = m != NULL ? (size_t)(m - buf) : len;
	if ((c = clip_start(t, buf, n)) != NULL) {
		tty_push_keys(t, buf, (size_t)(c - buf));
		t->in_clip = 1;
		return (size_t)(c - buf) + 5;
	}
	tty_push_keys(t, buf, n);
	if (m != NULL) {
		t->in_paste = 1;
		return n + PASTE_MARK_LEN;
	}
	t->mark_pending = marker_prefix_at_end(buf, len, paste_start);
	return len;
}

/* Inside a paste: collect until the end marker. Returns the bytes used. */
static size_t tty_input_paste(struct tty *t, const char *buf, size_t len)
{
	size_t old = t->paste.len, from, body, after;
	char *e;

	buf_add(&t->paste, buf, len);
	from = old >= PASTE_MARK_LEN - 1 ? old - (PASTE_MARK_LEN - 1) : 0;
	e = memmem(t->paste.data + from, t->paste.len - from, paste_end, PASTE_MARK_LEN);
	if (e == NULL) {
		if (t->paste.len > TTY_PASTE_MAX) {
			/* keep what may be the start of the end marker */
			body = t->paste.len - (PASTE_MARK_LEN - 1);
			tty_deliver_paste(t, t->paste.data, body);
			buf_consume(&t->paste, body);
		}
		return len;
	}
	body = (size_t)(e - t->paste.data);
	after = t->paste.len - body - PASTE_MARK_LEN; /* bytes of buf past the marker */
	t->in_paste = 0;
	tty_deliver_paste(t, t->paste.data, body);
	t->paste.len = 0;
	return len - after;
}

void tty_input(struct tty *t, const char *buf, size_t len)
{
	size_t used;

	t->busy++;
	while (len > 0 && !t->free_pending) {
		if (t->in_clip)
			used = tty_input_clip(t, buf, len);
		else if (t->in_paste)
			used = tty_input_paste(t, buf, len);
		else
			used = tty_input_keys(t, buf, len);
		buf += used;
		len -= used;
	}
	t->busy--;
	tty_free_deferred(t);
}

int tty_input_timeout(struct tty *t)
{
	int ms, esc = -1;
	long long left;

	t->busy++;
	/* first, so that libtickit's own wait covers what this gives it */
	if (t->ukey_len > 0) {
		left = t->ukey_deadline - tty_now_ms();
		if (left <= 0)
			tty_release_user_prefix(t);
		else
			esc = (int)left;
	}
	/* this also delivers the pending key if its time has already come */
	ms = t->free_pending ? -1 : tickit_term_input_check_timeout_msec(t->tt);
	if (ms < 0 && t->tk_pending && !t->free_pending) {
		/* libtickit forces out only the first key of what it held
		 * ("ESC [" of "ESC [ 5 ; 3"); the rest waits for more input,
		 * which would then overtake it */
		tickit_term_input_push_bytes(t->tt, "", 0);
		ms = t->free_pending ? -1 : tickit_term_input_check_timeout_msec(t->tt);
	}
	t->tk_pending = ms >= 0;
	if (t->esc_held && !t->free_pending) {
		left = t->esc_deadline - tty_now_ms();
		if (left <= 0)
			tty_deliver_escape(t);
		else if (esc < 0 || left < esc)
			esc = (int)left;
	}
	t->busy--;
	if (ms < 0 && esc < 0)
		t->mark_pending = 0;
	if (tty_free_deferred(t))
		return -1;
	if (esc >= 0 && (ms < 0 || esc < ms))
		ms = esc;
	return ms;
}

int tty_input_flush(struct tty *t)
{
	int ms = tty_input_timeout(t);
	struct timespec ts;

	/*
	 * libuv starts timers from the loop's cached time, which can lag
	 * the real clock libtickit uses: a timer may fire a little before
	 * libtickit's deadline. Wait out such a small difference rather
	 * than leave the Escape pending until the next key.
	 */
	if (ms > 0 && ms <= TTY_FLUSH_SLACK_MS) {
		ts = (struct timespec){.tv_nsec = (long)ms * 1000000};
		nanosleep(&ts, NULL);
		ms = tty_input_timeout(t);
	}
	return ms;
}

int tty_truecolor(const struct tty *t)
{
	return t->truecolor_caps || t->truecolor_opts;
}

void tty_set_truecolor_override(struct tty *t, int on)
{
	int ctl;

	if (on == t->truecolor_opts)
		return;
	t->truecolor_opts = on;
	/* libtickit sends RGB only with this capability on; turning it off
	 * again is not needed: the renderer then gives it indexed colours */
	ctl = tickit_termctl_lookup("xterm.cap_rgb8");
	if (on && ctl != -1)
		tickit_term_setctl_int(t->tt, (TickitTermCtl)ctl, 1);
}

/* One "pattern:feature:feature" entry: does it give term RGB? */
static int entry_has_rgb(const char *e, size_t len, const char *term)
{
	const char *colon = memchr(e, ':', len);
	char *pat;
	int match;

	if (colon == NULL)
		return 0;
	pat = xstrndup(e, (size_t)(colon - e));
	match = fnmatch(pat, term, 0) == 0;
	free(pat);
	while (match && colon != NULL) {
		const char *f = colon + 1, *next = memchr(f, ':', (size_t)(e + len - f));
		size_t flen = next != NULL ? (size_t)(next - f) : (size_t)(e + len - f);

		if ((flen == 3 && strncmp(f, "RGB", 3) == 0) ||
		    (flen == 2 && strncmp(f, "Tc", 2) == 0))
			return 1;
		colon = next;
	}
	return 0;
}

int tty_features_rgb(const char *list, const char *term)
{
	size_t len;

	if (list == NULL || term == NULL)
		return 0;
	while (*list != '\0') {
		len = strcspn(list, ",");
		if (entry_has_rgb(list, len, term))
			return 1;
		list += len;
		if (*list == ',')
			list++;
	}
	return 0;
}

/* One "pattern:feature:..." entry: does it give term the feature? An
 * entry's feature may carry a value ("Ms=..."): the name is what counts. */
static int entry_has(const char *e, size_t len, const char *term, const char *feature)
{
	const char *colon = memchr(e, ':', len), *end = e + len;
	size_t want = strlen(feature);
	char *pat;
	int match;

	if (colon == NULL)
		return 0;
	pat = xstrndup(e, (size_t)(colon - e));
	match = fnmatch(pat, term, 0) == 0;
	free(pat);
	while (match && colon != NULL) {
		const char *f = colon + 1, *next = memchr(f, ':', (size_t)(end - f));
		size_t flen = next != NULL ? (size_t)(next - f) : (size_t)(end - f);

		if (flen >= want && strncmp(f, feature, want) == 0 &&
		    (flen == want || f[want] == '='))
			return 1;
		colon = next;
	}
	return 0;
}

int tty_features_has(const char *list, const char *term, const char *feature)
{
	size_t len;

	if (list == NULL || term == NULL)
		return 0;
	while (*list != '\0') {
		list += strspn(list, " ");
		len = strcspn(list, ",");
		if (entry_has(list, len, term, feature))
			return 1;
		list += len;
		if (*list == ',')
			list++;
	}
	return 0;
}

void tty_set_title(struct tty *t, const char *title)
{
	struct buf b;

	if (t->state != TTY_STARTED || (t->title != NULL && strcmp(t->title, title) == 0))
		return;
	free(t->title);
	t->title = xstrdup(title);
	/* OSC 2 written directly: control characters would end it early */
	buf_init(&b);
	buf_adds(&b, "\033]2;");
	for (const char *p = title; *p != '\0'; p++) {
		if ((unsigned char)*p >= 0x20 && *p != 0x7f)
			buf_addc(&b, *p);
	}
	buf_adds(&b, "\033\\");
	tickit_term_printn(t->tt, b.data, b.len);
	buf_free(&b);
}
