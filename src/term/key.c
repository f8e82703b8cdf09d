/*
 * key: tmux key names <-> struct key, and a key's bytes for a pane.
 *
 * Every key is normalised the same way whatever it came from (a name, a
 * literal byte, libtickit), so that key_equal() can match the prefix and
 * bindings with a plain comparison: control characters become C-<char>,
 * Ctrl with a capital letter becomes Ctrl with the small one (a terminal
 * cannot tell them apart), and Shift is dropped from printable characters
 * (it is already in the character) except from a letter with Ctrl: C-S-a
 * is not C-a to a terminal with extended keys.
 */
#include "term/key.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "term/grid.h"
#include "util/utf8.h"

struct key_name_entry {
	const char *name;
	enum key_kind kind;
	uint32_t value; /* cp for KEY_CHAR, VTermKey for KEY_SYM */
	VTermModifier mod;
};

/* Names accepted by key_parse (case-insensitive); the first name for a key
 * is the one key_name prints, as tmux does. */
static const struct key_name_entry key_names[] = {
	{"Enter", KEY_SYM, VTERM_KEY_ENTER, 0},
	{"Escape", KEY_SYM, VTERM_KEY_ESCAPE, 0},
	{"BTab", KEY_SYM, VTERM_KEY_TAB, VTERM_MOD_SHIFT},
	{"Tab", KEY_SYM, VTERM_KEY_TAB, 0},
	{"BSpace", KEY_SYM, VTERM_KEY_BACKSPACE, 0},
	{"Space", KEY_CHAR, ' ', 0},
	{"Up", KEY_SYM, VTERM_KEY_UP, 0},
	{"Down", KEY_SYM, VTERM_KEY_DOWN, 0},
	{"Left", KEY_SYM, VTERM_KEY_LEFT, 0},
	{"Right", KEY_SYM, VTERM_KEY_RIGHT, 0},
	{"Home", KEY_SYM, VTERM_KEY_HOME, 0},
	{"End", KEY_SYM, VTERM_KEY_END, 0},
	{"PPage", KEY_SYM, VTERM_KEY_PAGEUP, 0},
	{"PageUp", KEY_SYM, VTERM_KEY_PAGEUP, 0},
	{"PgUp", KEY_SYM, VTERM_KEY_PAGEUP, 0},
	{"NPage", KEY_SYM, VTERM_KEY_PAGEDOWN, 0},
	{"PageDown", KEY_SYM, VTERM_KEY_PAGEDOWN, 0},
	{"PgDn", KEY_SYM, VTERM_KEY_PAGEDOWN, 0},
	{"IC", KEY_SYM, VTERM_KEY_INS, 0},
	{"Insert", KEY_SYM, VTERM_KEY_INS, 0},
	{"DC", KEY_SYM, VTERM_KEY_DEL, 0},
	{"Delete", KEY_SYM, VTERM_KEY_DEL, 0},
	{"KP0", KEY_SYM, VTERM_KEY_KP_0, 0},
	{"KP1", KEY_SYM, VTERM_KEY_KP_1, 0},
	{"KP2", KEY_SYM, VTERM_KEY_KP_2, 0},
	{"KP3", KEY_SYM, VTERM_KEY_KP_3, 0},
	{"KP4", KEY_SYM, VTERM_KEY_KP_4, 0},
	{"KP5", KEY_SYM, VTERM_KEY_KP_5, 0},
	{"KP6", KEY_SYM, VTERM_KEY_KP_6, 0},
	{"KP7", KEY_SYM, VTERM_KEY_KP_7, 0},
	{"KP8", KEY_SYM, VTERM_KEY_KP_8, 0},
	{"KP9", KEY_SYM, VTERM_KEY_KP_9, 0},
	{"KP/", KEY_SYM, VTERM_KEY_KP_DIVIDE, 0},
	{"KP*", KEY_SYM, VTERM_KEY_KP_MULT, 0},
	{"KP-", KEY_SYM, VTERM_KEY_KP_MINUS, 0},
	{"KP+", KEY_SYM, VTERM_KEY_KP_PLUS, 0},
	{"KP.", KEY_SYM, VTERM_KEY_KP_PERIOD, 0},
	{"KP,", KEY_SYM, VTERM_KEY_KP_COMMA, 0},
	{"KP=", KEY_SYM, VTERM_KEY_KP_EQUAL, 0},
	{"KPEnter", KEY_SYM, VTERM_KEY_KP_ENTER, 0},
};

#define KEY_NAMES_COUNT (sizeof key_names / sizeof key_names[0])

/* The mouse keys' parts, in enum key_mouse_event and key_mouse_where order. */
static const struct {
	const char *name;
	int buttons; /* followed by a button number 1-3 */
} key_mouse_events[] = {
	{"MouseMove", 0},    {"MouseDown", 1},	 {"MouseUp", 1},   {"MouseDrag", 1},
	{"MouseDragEnd", 1}, {"WheelUp", 0},	 {"WheelDown", 0}, {"SecondClick", 1},
	{"DoubleClick", 1},  {"TripleClick", 1},
};
static const char *const key_mouse_places[] = {
	"Pane", "Status", "StatusLeft", "StatusRight", "StatusDefault", "Border",
};
#define KEY_MOUSE_EVENTS (sizeof key_mouse_events / sizeof key_mouse_events[0])
#define KEY_MOUSE_PLACES (sizeof key_mouse_places / sizeof key_mouse_places[0])
#define KEY_FKEY_MAX 12 /* tmux knows F1..F12 */

/* Decode one UTF-8 sequence at s (NUL-terminated); returns its length, or 0
 * if it is not valid UTF-8 (overlong, surrogate, out of range, truncated). */
static size_t utf8_decode(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len;
	uint32_t c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return u[0] ? 1 : 0;
	} else if ((u[0] & 0xe0) == 0xc0) {
		len = 2, c = u[0] & 0x1f, min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3, c = u[0] & 0x0f, min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* A literal control character is the key a terminal sends it for. */
static void key_from_c0(struct key *k)
{
	uint32_t c = k->cp;

	switch (c) {
	case 0x09:
		k->kind = KEY_SYM, k->sym = VTERM_KEY_TAB, k->cp = 0;
		return;
	case 0x0d:
		k->kind = KEY_SYM, k->sym = VTERM_KEY_ENTER, k->cp = 0;
		return;
	case 0x1b:
		k->kind = KEY_SYM, k->sym = VTERM_KEY_ESCAPE, k->cp = 0;
		return;
	case 0x7f:
		k->kind = KEY_SYM, k->sym = VTERM_KEY_BACKSPACE, k->cp = 0;
		return;
	case 0x00:
		k->cp = ' ';
		break;
	default:
		/* 0x01..0x1a are C-a..C-z, 0x1c..0x1f are C-\ C-] C-^ C-_ */
		k->cp = c < 0x1b ? c + 0x60 : c + 0x40;
		break;
	}
	k->mod |= VTERM_MOD_CTRL;
}

static void key_normalize(struct key *k)
{
	k->mod &= VTERM_ALL_MODS_MASK;
	if (k->kind == KEY_SYM) {
		k->cp = 0;
		return;
	}
	if (k->kind == KEY_MOUSE || k->kind == KEY_USER) {
		k->sym = VTERM_KEY_NONE;
		return;
	}
	if (k->kind != KEY_CHAR) {
		*k = (struct key){0};
		return;
	}
	k->sym = VTERM_KEY_NONE;
	if (k->cp < 0x20 || k->cp == 0x7f) {
		key_from_c0(k);
		if (k->kind == KEY_SYM)
			return;
	}
	if ((k->mod & VTERM_MOD_CTRL) && k->cp >= 'A' && k->cp <= 'Z')
		k->cp += 0x20;
	if (k->cp != ' ' && (k->mod & VTERM_MOD_SHIFT)) {
		/* Ctrl and Shift with a letter stays a key of its own: a
		 * terminal with extended keys tells it from Ctrl alone */
		if ((k->mod & VTERM_MOD_CTRL) && k->cp >= 'a' && k->cp <= 'z')
			return;
		if (k->cp >= 'a' && k->cp <= 'z' && !(k->mod & VTERM_MOD_CTRL))
			k->cp -= 0x20;
		k->mod &= ~VTERM_MOD_SHIFT;
	}
}

static int is_modifier_prefix(const char *s, VTermModifier *mod)
{
	if (s[0] == '\0' || s[1] != '-' || s[2] == '\0')
		return 0;
	switch (s[0]) {
	case 'C':
	case 'c':
		*mod = VTERM_MOD_CTRL;
		return 1;
	case 'M':
	case 'm':
		*mod = VTERM_MOD_ALT;
		return 1;
	case 'S':
	case 's':
		*mod = VTERM_MOD_SHIFT;
		return 1;
	}
	return 0;
}

static int parse_fkey(const char *s, struct key *k)
{
	int n = 0;

	if ((s[0] != 'F' && s[0] != 'f') || s[1] < '1' || s[1] > '9')
		return -1;
	for (s++; *s; s++) {
		if (*s < '0' || *s > '9' || n > KEY_FKEY_MAX)
			return -1;
		n = n * 10 + (*s - '0');
	}
	if (n < 1 || n > KEY_FKEY_MAX)
		return -1;
	k->kind = KEY_SYM;
	k->sym = VTERM_KEY_FUNCTION(n);
	return 0;
}

/* A mouse key's name: an event, its button if it has one, a place. */
static int parse_mouse(const char *s, struct key *k)
{
	for (size_t e = 0; e < KEY_MOUSE_EVENTS; e++) {
		size_t len = strlen(key_mouse_events[e].name);
		const char *at = s + len;
		int button = 0;

		if (strncasecmp(s, key_mouse_events[e].name, len) != 0)
			continue;
		if (key_mouse_events[e].buttons) {
			if (*at < '1' || *at > '3')
				continue;
			button = *at++ - '0';
		}
		for (size_t w = 0; w < KEY_MOUSE_PLACES; w++) {
			if (strcasecmp(at, key_mouse_places[w]) == 0) {
				k->kind = KEY_MOUSE;
				k->cp = KEY_MOUSE_CODE(e, button, w);
				return 0;
			}
		}
	}
	return -1;
}

/* "User" and a number below KEY_USER_MAX. */
static int parse_user(const char *s, struct key *k)
{
	char *end;
	long n;

	if (strncasecmp(s, "User", 4) != 0 || s[4] < '0' || s[4] > '9')
		return -1;
	n = strtol(s + 4, &end, 10);
	if (*end != '\0' || n >= KEY_USER_MAX)
		return -1;
	k->kind = KEY_USER;
	k->cp = (uint32_t)n;
	return 0;
}

/* The key part of a name, after its modifiers. */
static int parse_base(const char *s, struct key *k)
{
	uint32_t cp;
	size_t len;

	for (size_t i = 0; i < KEY_NAMES_COUNT; i++) {
		if (strcasecmp(s, key_names[i].name) != 0)
			continue;
		k->kind = key_names[i].kind;
		if (k->kind == KEY_CHAR)
			k->cp = key_names[i].value;
		else
			k->sym = (VTermKey)key_names[i].value;
		k->mod |= key_names[i].mod;
		return 0;
	}
	if (parse_fkey(s, k) == 0 || parse_mouse(s, k) == 0 || parse_user(s, k) == 0)
		return 0;
	len = utf8_decode(s, &cp);
	if (len == 0 || s[len] != '\0')
		return -1;
	k->kind = KEY_CHAR;
	k->cp = cp;
	return 0;
}

int key_parse(const char *name, struct key *k)
{
	struct key parsed = {0};
	const char *s = name;
	VTermModifier mod;

	if (s == NULL || *s == '\0')
		return -1;
	if (s[0] == '^' && s[1] != '\0' && s[2] == '\0') {
		parsed.mod = VTERM_MOD_CTRL;
		s++;
	} else {
		while (is_modifier_prefix(s, &mod)) {
			parsed.mod |= mod;
			s += 2;
		}
	}
	if (parse_base(s, &parsed) != 0)
		return -1;
	key_normalize(&parsed);
	*k = parsed;
	return 0;
}

static const char *sym_name(VTermKey sym, VTermModifier *mod, char tmp[32])
{
	if (sym == VTERM_KEY_TAB && (*mod & VTERM_MOD_SHIFT)) {
		*mod &= ~VTERM_MOD_SHIFT;
		return "BTab";
	}
	if (sym > VTERM_KEY_FUNCTION_0 && sym <= VTERM_KEY_FUNCTION_MAX) {
		snprintf(tmp, 32, "F%d", (int)(sym - VTERM_KEY_FUNCTION_0));
		return tmp;
	}
	for (size_t i = 0; i < KEY_NAMES_COUNT; i++) {
		if (key_names[i].kind == KEY_SYM && key_names[i].value == (uint32_t)sym &&
		    key_names[i].mod == 0)
			return key_names[i].name;
	}
	return "Unknown";
}

/* "MouseDown1Pane" into tmp. */
static const char *mouse_name(uint32_t cp, char tmp[32])
{
	size_t e = KEY_MOUSE_EVENT(cp), w = KEY_MOUSE_WHERE(cp);
	int button = KEY_MOUSE_BUTTON(cp);

	if (e >= KEY_MOUSE_EVENTS || w >= KEY_MOUSE_PLACES)
		return "Unknown";
	if (key_mouse_events[e].buttons)
		snprintf(tmp, 32, "%s%d%s", key_mouse_events[e].name, button, key_mouse_places[w]);
	else
		snprintf(tmp, 32, "%s%s", key_mouse_events[e].name, key_mouse_places[w]);
	return tmp;
}

int key_is_mouse(const struct key *k)
{
	return k->kind == KEY_MOUSE;
}

char *key_name(const struct key *k, char *buf, size_t size)
{
	struct key n = *k;
	char tmp[32];
	const char *base;
	size_t len;

	if (size == 0)
		return buf;
	key_normalize(&n);
	if (n.kind == KEY_SYM) {
		base = sym_name(n.sym, &n.mod, tmp);
	} else if (n.kind == KEY_MOUSE) {
		base = mouse_name(n.cp, tmp);
	} else if (n.kind == KEY_USER) {
		snprintf(tmp, sizeof tmp, "User%u", n.cp);
		base = tmp;
	} else if (n.kind == KEY_CHAR && n.cp == ' ') {
		base = "Space";
	} else if (n.kind == KEY_CHAR) {
		len = utf8_put(n.cp, tmp);
		tmp[len] = '\0';
		base = tmp;
	} else {
		base = "None";
	}
	snprintf(buf, size, "%s%s%s%s", (n.mod & VTERM_MOD_CTRL) ? "C-" : "",
		 (n.mod & VTERM_MOD_ALT) ? "M-" : "", (n.mod & VTERM_MOD_SHIFT) ? "S-" : "", base);
	return buf;
}

int key_equal(const struct key *a, const struct key *b)
{
	struct key x = *a, y = *b;

	key_normalize(&x);
	key_normalize(&y);
	return x.kind == y.kind && x.cp == y.cp && x.sym == y.sym && x.mod == y.mod;
}

/* The C0 byte a terminal sends for Ctrl with this character, or -1. */
static int ctrl_byte(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return (int)(cp - 'a' + 1);
	if (cp >= 'A' && cp <= 'Z')
		return (int)(cp - 'A' + 1);
	switch (cp) {
	case '@':
	case ' ':
		return 0x00;
	case '[':
		return 0x1b;
	case '\\':
		return 0x1c;
	case ']':
		return 0x1d;
	case '^':
		return 0x1e;
	case '_':
		return 0x1f;
	case '?':
		return 0x7f;
	}
	return -1;
}

/* A key that has no traditional encoding, as an extended key: code is
 * its character (or the byte of Enter, Tab, BSpace and Escape). */
static void send_extended(struct grid *g, uint32_t code, VTermModifier mod, int flags)
{
	char seq[48];
	int m = 1, n;

	m += (mod & VTERM_MOD_SHIFT) ? 1 : 0;
	m += (mod & VTERM_MOD_ALT) ? 2 : 0;
	m += (mod & VTERM_MOD_CTRL) ? 4 : 0;
	if (flags & KEY_SEND_XTERM)
		n = snprintf(seq, sizeof seq, "\033[27;%d;%u~", m, (unsigned)code);
	else
		n = snprintf(seq, sizeof seq, "\033[%u;%du", (unsigned)code, m);
	grid_key_bytes(g, seq, (size_t)n);
}

/* Without extended keys, Ctrl with a character that is no letter: the C0
 * byte tmux gives it (as xterm does), or -1 for none. */
static int ctrl_other(uint32_t cp)
{
	switch (cp) {
	case '2':
		return 0x00;
	case '|':
		return 0x1c;
	case '6':
		return 0x1e;
	case '-':
	case '/':
		return 0x1f;
	}
	return -1;
}

/* A key with modifiers and no traditional encoding. */
static int send_modified(struct grid *g, uint32_t code, VTermModifier mod, int flags)
{
	int byte;

	if (flags & KEY_SEND_EXTENDED) {
		send_extended(g, code, mod, flags);
		return 0;
	}
	if (mod != VTERM_MOD_CTRL)
		return -1;
	if ((byte = ctrl_other(code)) >= 0)
		grid_key_bytes(g, (char[]){(char)byte}, 1);
	return 0; /* Ctrl alone: nothing, as tmux */
}

/* The byte of Enter, Tab, BSpace and Escape, the keys libvterm sends as a
 * character with their modifiers in CSI u; 0 for the others. */
static uint32_t sym_byte(VTermKey sym)
{
	switch (sym) {
	case VTERM_KEY_ENTER:
		return '\r';
	case VTERM_KEY_TAB:
		return '\t';
	case VTERM_KEY_BACKSPACE:
		return 0x7f;
	case VTERM_KEY_ESCAPE:
		return 0x1b;
	default:
		return 0;
	}
}

static int send_sym(const struct key *n, struct grid *g, int flags)
{
	uint32_t byte = sym_byte(n->sym);
	VTermModifier mod = n->mod;

	if (byte == 0 || (mod & ~VTERM_MOD_ALT) == 0) {
		/* their own sequences, or Alt as an ESC before the byte */
		grid_key(g, n->sym, mod);
		return 0;
	}
	if (n->sym == VTERM_KEY_TAB && !(mod & VTERM_MOD_CTRL)) {
		/* BTab (M-BTab with an ESC before it) */
		if (mod & VTERM_MOD_ALT)
			grid_key_bytes(g, "\033", 1);
		grid_key_bytes(g, "\033[Z", 3);
		return 0;
	}
	return send_modified(g, byte, mod, flags);
}

int key_send(const struct key *k, struct grid *g, int flags)
{
	struct key n = *k;
	int byte;

	key_normalize(&n);
	switch (n.kind) {
	case KEY_CHAR:
		if ((n.mod & VTERM_MOD_CTRL) && (byte = ctrl_byte(n.cp)) >= 0 &&
		    !(n.mod & VTERM_MOD_SHIFT)) {
			/*
			 * libvterm would encode C-i, C-m, C-[ ... as CSI u; the
			 * line discipline needs the single byte (C-c must be 0x03
			 * for SIGINT). A C0 byte with no modifier passes through
			 * libvterm unchanged, and with Alt it gets the ESC prefix.
			 */
			grid_unichar(g, (uint32_t)byte, n.mod & VTERM_MOD_ALT);
			return 0;
		}
		if ((n.mod & ~VTERM_MOD_ALT) == 0) {
			grid_unichar(g, n.cp, n.mod);
			return 0;
		}
		/* C-S-a is sent with the capital, as tmux and xterm do */
		if ((n.mod & VTERM_MOD_SHIFT) && n.cp >= 'a' && n.cp <= 'z')
			return send_modified(g, n.cp - 0x20, n.mod, flags);
		return send_modified(g, n.cp, n.mod, flags);
	case KEY_SYM:
		return send_sym(&n, g, flags);
	case KEY_MOUSE: /* a mouse key names an event, it has no bytes of its own */
	case KEY_USER:	/* (nor does a user key: it is for bindings) */
	case KEY_NONE:
		return 0;
	}
	return 0;
}