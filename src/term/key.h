/*
 * key: one key press as pmux understands it, whatever it came from (a key
 * name given to send-keys or bind-key, or bytes typed on a client's terminal
 * and parsed by libtickit), and its encoding for a pane through libvterm.
 */
#ifndef PMUX_TERM_KEY_H
#define PMUX_TERM_KEY_H

#include <stddef.h>
#include <stdint.h>
#include <vterm.h>

struct grid;

enum key_kind {
	KEY_NONE = 0,
	KEY_CHAR,  /* a Unicode character in cp */
	KEY_SYM,   /* a special key in sym (VTermKey: Enter, Up, F1 = VTERM_KEY_FUNCTION(1) …) */
	KEY_MOUSE, /* a mouse event, KEY_MOUSE_CODE() in cp: "MouseDown1Pane" … */
	KEY_USER,  /* user-keys[cp]: "User0" … "User999" */
};

#define KEY_USER_MAX 1000 /* as tmux */

/*
 * Mouse keys, as tmux names them: an event ("MouseDown", "WheelUp" …), a
 * button for the events that have one ("MouseDown1") and where it happened
 * ("Pane", "Status" …): "MouseDown1Pane", "WheelUpStatus", "C-MouseDrag3Border".
 * The code orders them as tmux lists them: event, button, place.
 */
enum key_mouse_event {
	KEY_MOUSE_MOVE,
	KEY_MOUSE_DOWN,
	KEY_MOUSE_UP,
	KEY_MOUSE_DRAG,
	KEY_MOUSE_DRAG_END,
	KEY_MOUSE_WHEEL_UP,
	KEY_MOUSE_WHEEL_DOWN,
	KEY_MOUSE_SECOND_CLICK,
	KEY_MOUSE_DOUBLE_CLICK,
	KEY_MOUSE_TRIPLE_CLICK,
};
enum key_mouse_where {
	KEY_AT_PANE,
	KEY_AT_STATUS, /* the status line's window list, on a window */
	KEY_AT_STATUS_LEFT,
	KEY_AT_STATUS_RIGHT,
	KEY_AT_STATUS_DEFAULT, /* the rest of the status line */
	KEY_AT_BORDER,
};
#define KEY_MOUSE_CODE(event, button, where) \
	((uint32_t)(event) << 8 | (uint32_t)(button) << 4 | (uint32_t)(where))
#define KEY_MOUSE_EVENT(cp) ((enum key_mouse_event)((cp) >> 8))
#define KEY_MOUSE_BUTTON(cp) ((int)(((cp) >> 4) & 0xf)) /* 1-3, 0 for move and wheel */
#define KEY_MOUSE_WHERE(cp) ((enum key_mouse_where)((cp)&0xf))

struct key {
	enum key_kind kind;
	uint32_t cp;
	VTermKey sym;
	VTermModifier mod; /* VTERM_MOD_SHIFT | VTERM_MOD_ALT | VTERM_MOD_CTRL */
};

/*
 * Parse a tmux key name: "a", "C-c", "M-x", "C-M-Left", "S-Up", "Enter",
 * "Escape", "Tab", "BTab", "BSpace", "Space", "Up", "Down", "Left", "Right",
 * "Home", "End", "PageUp"/"PPage", "PageDown"/"NPage", "IC", "DC", "F1".."F12",
 * "^C" (= C-c), the mouse keys ("MouseDown1Pane", "M-WheelUpStatus"), the
 * user keys ("User0", user-keys).
 * Case-insensitive for the names, like tmux. Returns 0 and fills
 * *k, or -1 if the string is not one key name.
 */
int key_parse(const char *name, struct key *k);

/* The tmux name of a key into buf ("C-b", "M-Up", "a"); returns buf. */
char *key_name(const struct key *k, char *buf, size_t size);

/* Is the key one of the mouse keys? */
int key_is_mouse(const struct key *k);

/* Same key? (for matching the prefix and bindings) */
int key_equal(const struct key *a, const struct key *b);

/* How key_send encodes keys that have no traditional encoding. */
enum {
	KEY_SEND_EXTENDED = 1, /* as extended keys (extended-keys, modifyOtherKeys) */
	KEY_SEND_XTERM = 2,    /* ... in xterm's CSI 27 ; m ; code ~ rather than CSI code ; m u */
};

/*
 * Send a key to a pane: encoded for the pane's current modes by libvterm
 * (through grid_key/grid_unichar); control characters in the C0 range
 * (C-a..C-z, C-@, C-[, C-\, C-], C-^, C-_, C-?) go as their single byte,
 * so C-c is always 0x03 for the line discipline. A key with modifiers that
 * no terminal sends traditionally (C-Enter, C-1, C-M-Tab, S-Space ...) goes
 * as an extended key with KEY_SEND_EXTENDED, as tmux 3.3a sends them;
 * without it, as tmux: Ctrl alone with such a key sends its C0 byte if it
 * has one (C-/ is 0x1f) and nothing otherwise, and other modifiers make the
 * key one that cannot be sent: returns -1 (send-keys then types its name,
 * as tmux does), else 0.
 */
int key_send(const struct key *k, struct grid *g, int flags);

#endif
