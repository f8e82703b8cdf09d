/*
 * passthru: what a pane's program asks of the real terminal, and what the
 * real terminal tells the program, beyond text and keys: the clipboard
 * (OSC 52) and focus reports, each only to terminals that have the
 * feature (terminal-features, terminal-overrides), as in tmux; and tmux's
 * passthrough sequence (allow-passthrough).
 */
#ifndef PMUX_SERVER_PASSTHRU_H
#define PMUX_SERVER_PASSTHRU_H

#include <stddef.h>

struct peer;
struct pane;

/* The client's terminal has the feature (a terminal-features name such as
 * "clipboard") or the capability (a terminal-overrides name such as "Ms"). */
int passthru_client_has(const struct peer *c, const char *feature, const char *cap);

/* Set the clipboard of the terminals showing the pane to data (OSC 52),
 * those that have the clipboard feature. */
void passthru_set_selection(struct pane *p, const char *data, size_t len);
/* The same for one client (set-buffer -w, load-buffer -w). */
void passthru_client_selection(struct peer *c, const char *data, size_t len);

/* OSC 52 from the pane's program (decoded text), per set-clipboard: on makes
 * a paste buffer and sets the clipboard of the terminals showing the pane;
 * external and off ignore it. */
void passthru_clipboard(struct pane *p, const char *data, size_t len);

/* The answer of the client's terminal to refresh-client -l (the base64
 * text of its clipboard): a new paste buffer. */
void passthru_client_clipboard(struct peer *c, const char *data, size_t len);

/* The client's terminal gained or lost the focus. */
void passthru_client_focus(struct peer *c, int in);
/* Whether the client's terminal should report focus (focus-events). */
int passthru_focus_wanted(const struct peer *c);
/*
 * With focus-events on, a pane has the focus while it is the active pane of
 * a window that a focused client shows; a pane that gains or loses it is
 * told (if its program asked, DECSET 1004). Called from the loop's check
 * step: cheap unless something moved.
 */
struct server;
void passthru_focus_check(struct server *srv);

/* Output of the pane's program: DCS tmux; ... ST cut out (and sent on to
 * terminals per allow-passthrough), mode 2026 followed, the rest to the
 * grid. */
void passthru_pane_output(struct pane *p, const char *buf, size_t len);
/* The pane is being destroyed. */
void passthru_pane_free(struct pane *p);

#endif
