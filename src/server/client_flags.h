/*
 * client_flags: what refresh-client -f and attach-session -f set on a
 * client (tmux's names: read-only, ignore-size, active-pane, no-output,
 * wait-exit, pause-after=N), #{client_flags}, and the client's own active
 * pane that active-pane gives it.
 */
#ifndef PMUX_SERVER_CLIENT_FLAGS_H
#define PMUX_SERVER_CLIENT_FLAGS_H

struct peer;
struct pane;
struct window;

#define CLIENT_IGNORESIZE 0x1  /* does not size the windows it shows */
#define CLIENT_ACTIVEPANE 0x2  /* its own active pane in each window */
#define CLIENT_NOOUTPUT 0x4    /* control mode: no %output */
#define CLIENT_WAITEXIT 0x8    /* control mode: wait for an empty line to exit */
#define CLIENT_PAUSEAFTER 0x10 /* control mode: pause-after=pause_after seconds */

/* Whether c is a control-mode client: #{client_flags} lists the
 * control-mode-only flags for those alone, as tmux does. */
int client_is_control(const struct peer *c);
/* Apply a comma-separated list of flags ("!flag" clears one); unknown names
 * are ignored, as tmux does. */
void client_flags_set(struct peer *c, const char *list);
/* #{client_flags}: "attached,focused,...,UTF-8" (malloc'd). */
char *client_flags_string(const struct peer *c);
/* The pane c treats as active in window w: its own with active-pane, else
 * the window's. */
struct pane *client_window_pane(struct peer *c, struct window *w);
/* The same in the window c shows; NULL if none. */
struct pane *client_pane(struct peer *c);
/* select-pane from c: with active-pane, p becomes c's own active pane in
 * its window and 1 is returned; 0 if the window's must change instead. */
int client_select_pane(struct peer *c, struct pane *p);
/* Forget c's own panes (detach). */
void client_panes_free(struct peer *c);

#endif
