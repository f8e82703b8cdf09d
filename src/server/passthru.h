/*
 * passthru: what a pane's program asks of the real terminal, and what the
 * real terminal tells the program, beyond text and keys: the clipboard
 * (OSC 52) and focus reports. Each goes only to terminals that have the
 * feature (terminal-features, terminal-overrides), as in tmux.
 */
#ifndef PMUX_SERVER_PASSTHRU_H
#define PMUX_SERVER_PASSTHRU_H

#include <stddef.h>

struct peer;
struct pane;

/* The client's terminal has the feature (a terminal-features name such as
 * "clipboard") or the capability (a terminal-overrides name such as "Ms"). */
int passthru_client_has(const struct peer *c, const char *feature, const char *cap);

/* OSC 52 from the pane's program (decoded text), per set-clipboard: on makes
 * a paste buffer and sets the clipboard of the terminals showing the pane;
 * external and off ignore it. */
void passthru_clipboard(struct pane *p, const char *data, size_t len);

#endif
