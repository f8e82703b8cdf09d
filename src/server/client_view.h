/*
 * client_view: which part of a window bigger than the client's screen the
 * client shows. It follows the cursor of the client's active pane, as
 * tmux's view does, unless refresh-client -L/-R/-U/-D panned it; -c goes
 * back to following.
 */
#ifndef PMUX_SERVER_CLIENT_VIEW_H
#define PMUX_SERVER_CLIENT_VIEW_H

struct peer;

/* The window cell (ox, oy) shown at the top-left of the client's window
 * area (below any status lines at the top); 0, 0 when the window fits. */
void client_view_offset(struct peer *c, int *ox, int *oy);
/* Pan by adjustment cells: dir is 'L', 'R', 'U' or 'D'. */
void client_view_pan(struct peer *c, char dir, int adjustment);
/* Follow the cursor again (refresh-client -c). */
void client_view_follow(struct peer *c);

#endif
