/*
 * alerts: bells, activity and silence in windows, as tmux has them. A
 * pane's event raises an alert on its window; the loop's check step acts on
 * it (window flag, alert-* hook, BEL or message to the session's clients)
 * per the monitor-*, *-action and visual-* options.
 */
#ifndef PMUX_SERVER_ALERTS_H
#define PMUX_SERVER_ALERTS_H

struct server;
struct pane;
struct window;

/* struct window.alerts: the flags the window list shows (# ! ~). */
#define ALERT_BELL 0x1
#define ALERT_ACTIVITY 0x2
#define ALERT_SILENCE 0x4

/* A BEL from the pane's program. */
void alerts_bell(struct pane *p);
/* The pane's program wrote something: activity; the silence clock restarts. */
void alerts_output(struct pane *p);
/* Act on the alerts raised since the last call (the loop's check step). */
void alerts_run(struct server *srv);
/* The window became its session's current one: its flags go. */
void alerts_selected(struct window *w);
/* monitor-silence may have changed: restart every window's silence clock. */
void alerts_reset_all(struct server *srv);
/* The window is being destroyed. */
void alerts_window_free(struct window *w);
/* #{session_alerts}: "1!,3#" for the windows with flags; malloc'd. */
char *alerts_session_list(const struct window *first);

#endif
