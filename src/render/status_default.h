/*
 * status_default: tmux's default status-format[0] (status-left, the window
 * list, status-right) expanded without the format language. The text is
 * what format_expand makes of that format (test_status compares them), but
 * made directly: the general expander takes some ten times longer over the
 * nested conditionals of every window's entry, and the first status line
 * is built again for most frames that are not for pane output alone.
 */
#ifndef PMUX_RENDER_STATUS_DEFAULT_H
#define PMUX_RENDER_STATUS_DEFAULT_H

#include "cmd/format.h"

/* Is fmt tmux's default status-format[0]? */
int status_default_is(const char *fmt);

/* The default status-format[0] expanded for fc (the client's current pane,
 * its session and client); malloc'd. */
char *status_default_expand(const struct format_ctx *fc);

#endif
