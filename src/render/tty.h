/*
 * tty: one attached client's terminal as the server sees it: a TickitTerm
 * built for the client's TERM and size whose output goes to a callback (the
 * client's socket buffer), and whose input parser turns the bytes the client
 * typed into keys. Never blocks, never does I/O itself.
 */
#ifndef PMUX_RENDER_TTY_H
#define PMUX_RENDER_TTY_H

#include <stddef.h>

#include "term/key.h"

typedef void tty_output_fn(const char *buf, size_t len, void *ctx);
/* A parsed key. paste != NULL for a bracketed paste's text (then k is unused). */
typedef void tty_key_fn(const struct key *k, const char *paste, size_t paste_len, void *ctx);

struct tty_caps {
	int truecolor; /* COLORTERM=truecolor/24bit at attach */
};

struct tty;

/* termname is normalised (unknown/vt100/dumb → a safe xterm-like type). */
struct tty *tty_new(const char *termname, int rows, int cols, const struct tty_caps *caps,
		    tty_output_fn *out, tty_key_fn *key, void *ctx);
void tty_free(struct tty *t);

/* Take over the terminal: alternate screen, clear, keypad; and give it back. */
void tty_start(struct tty *t);
void tty_stop(struct tty *t);
/* After tty_stop: a blank alternate screen (lock-command runs on it). */
void tty_blank(struct tty *t);

void tty_resize(struct tty *t, int rows, int cols);
int tty_rows(const struct tty *t);
int tty_cols(const struct tty *t);

/* Bytes typed on the client's terminal; calls the key callback per key. */
void tty_input(struct tty *t, const char *buf, size_t len);
/* user-keys: bytes the terminal sends that are the keys User0 .. Usern-1
 * (NULL or empty items: none); copied. */
void tty_set_user_keys(struct tty *t, const char *const *seqs, int n);
/* How long a lone Escape waits for the rest of a sequence (escape-time). */
void tty_set_escape_time(struct tty *t, int ms);
/* Milliseconds until a pending lone Escape must be flushed, or -1. */
int tty_input_timeout(struct tty *t);
/* Called when that timeout expires (delivers the pending key; a timer that
 * fired a few ms early is tolerated). If called much too early it does
 * nothing. Returns, as tty_input_timeout(), how long is left until the
 * next timeout, or -1. */
int tty_input_flush(struct tty *t);

/*
 * Cursor style for the renderer: DECSCUSR's parameter (1-6: block,
 * underline, bar, each blinking then steady), or 0 for the style the
 * terminal had before tty_start (tty_stop restores that one). Sent only
 * once the terminal has said it supports shapes.
 */
void tty_cursor_shape(struct tty *t, int shape);
/* The cursor's colour (OSC 12), RGB; -1 for the terminal's own (OSC 112,
 * also sent by tty_stop if a colour was set). */
void tty_cursor_colour(struct tty *t, long rgb);

/* A pen with every attribute the renderer uses set to its default, so that
 * applying it resets what a previous pen left on. NULL when out of memory. */
struct TickitPen *tty_pen_new_reset(void);

/*
 * 24-bit colour goes only to terminals said to have it: COLORTERM at attach
 * (tty_caps) or the terminal-features / terminal-overrides options, as in
 * tmux. libtickit's own probe is not enough: a terminal that echoes the
 * SGR query may still show RGB badly; those get the nearest 256 colour.
 */
int tty_truecolor(const struct tty *t);
void tty_set_truecolor_override(struct tty *t, int on);
/* Non-zero if an option value such as "xterm*:RGB,screen*:Tc" (entries
 * "pattern:feature:…", comma separated) gives term the RGB or Tc feature. */
int tty_features_rgb(const char *list, const char *term);
/* Non-zero if such a list gives term the feature (or capability, "Ms"). */
int tty_features_has(const char *list, const char *term, const char *feature);

/* The terminal's title (set-titles): sent only when it changes, and only
 * while the terminal is taken over. */
void tty_set_title(struct tty *t, const char *title);

/*
 * Mouse. With reporting on, the terminal reports presses, releases, wheel
 * steps and motion while a button is held (button-event tracking, 1002) in
 * SGR form (1006, no 223-column limit). tty_set_mouse may be called at any
 * time: the modes go out while the terminal is taken over, and tty_stop
 * turns them off again so the terminal is left as it was found.
 */
enum tty_mouse_type {
	TTY_MOUSE_PRESS,
	TTY_MOUSE_DRAG, /* motion with a button held */
	TTY_MOUSE_RELEASE,
	TTY_MOUSE_WHEEL,
	TTY_MOUSE_MOVE, /* motion with no button held (tty_set_mouse_motion) */
};
#define TTY_WHEEL_UP 1 /* struct tty_mouse.button of a wheel event */
#define TTY_WHEEL_DOWN 2

struct tty_mouse {
	enum tty_mouse_type type;
	int button; /* 1-3 (0: not said, a release in X10 form); wheel: TTY_WHEEL_* */
	int x, y;   /* 0-based column and row on the client's terminal */
	int mod;    /* VTERM_MOD_* */
};
typedef void tty_mouse_fn(const struct tty_mouse *m, void *ctx);

/* Mouse events go to fn (with tty_new's ctx); NULL drops them. */
void tty_set_mouse_callback(struct tty *t, tty_mouse_fn *fn);
void tty_set_mouse(struct tty *t, int on);
/* While reporting is on, report all motion (1003), not only drags: for
 * programs that asked for it themselves. */
void tty_set_mouse_motion(struct tty *t, int on);

/*
 * Focus reports (focus-events): with them on, the terminal says when it gains
 * (in = 1) or loses focus; tty_stop turns them off again.
 */
typedef void tty_focus_fn(int in, void *ctx);
void tty_set_focus_callback(struct tty *t, tty_focus_fn *fn);
void tty_set_focus(struct tty *t, int on);

/* Ask the terminal for its clipboard (OSC 52 with "?", refresh-client -l);
 * an answer within 5 s goes to fn as the base64 text (data, len) and is
 * not taken as keys. */
typedef void tty_clipboard_fn(const char *data, size_t len, void *ctx);
void tty_clipboard_query(struct tty *t, tty_clipboard_fn *fn);

/* Extended keys (extended-keys with the extkeys feature): the terminal is
 * asked for xterm's modifyOtherKeys (CSI > 4 ; 1 m), so that keys such as
 * C-Enter arrive as keys of their own; tty_stop asks it to stop. */
void tty_set_extended_keys(struct tty *t, int on);

/* The TickitTerm, for the renderer. */
struct TickitTerm *tty_term(struct tty *t);

#endif
