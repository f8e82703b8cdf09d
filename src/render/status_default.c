/*
 * status_default: the expansion of tmux's default first status line, item
 * by item as the format asks for it: status-left in its style and length,
 * the list of windows (each in its range, its style chosen as the format's
 * conditionals choose it, the current one the list's focus) and
 * status-right.
 */
#include "render/status_default.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"
#include "server/alerts.h"
#include "util/buf.h"

int status_default_is(const char *fmt)
{
	static const char *def;
	static size_t n; /* its first line's length */

	if (def == NULL) {
		def = options_def("status-format")->def;
		n = strcspn(def, "\n");
	}
	return fmt != NULL && strncmp(fmt, def, n) == 0 && fmt[n] == '\0';
}

/* An option's value as #{E:name} gives it: expanded if it holds a format. */
static char *expanded(struct options *o, const char *name, const struct format_ctx *fc)
{
	const char *v = options_string(o, name);

	return strchr(v, '#') != NULL ? format_expand(v, fc) : xstrdup(v);
}

/* " style" when the style option is not "default"; returns whether added
 * (the format's #{?#{&&:…,#{!=:#{E:name},default}}, #{E:name},}). */
static int add_style(struct buf *out, struct options *o, const char *name,
		     const struct format_ctx *fc)
{
	char *v = expanded(o, name, fc);
	int add = strcmp(v, "default") != 0;

	if (add) {
		buf_addc(out, ' ');
		buf_adds(out, v);
	}
	free(v);
	return add;
}

/* status-left or status-right (side): #{T;=/#{side-length}:side} after
 * head, in #{E:side-style}. */
static void add_side(struct buf *out, struct options *so, const char *head, const char *side,
		     const struct format_ctx *fc)
{
	char name[32], fmt[64], *v;

	snprintf(name, sizeof name, "%s-style", side);
	v = expanded(so, name, fc);
	buf_adds(out, head);
	buf_addc(out, ' ');
	buf_adds(out, v);
	buf_adds(out, "]#[push-default]");
	free(v);
	snprintf(name, sizeof name, "%s-length", side);
	snprintf(fmt, sizeof fmt, "#{T;=/%ld:%s}", options_number(so, name), side);
	v = format_expand(fmt, fc);
	buf_adds(out, v);
	buf_adds(out, "#[pop-default]#[norange default]");
	free(v);
}

/* One window's entry: its range, styles, format and separator. */
static void add_window(struct buf *out, struct window *w, const struct format_ctx *lfc)
{
	struct options *o = window_options(w);
	int current = w == w->session->current;
	struct format_ctx fc;
	char index[16], *v;

	format_ctx_window(&fc, lfc->srv, w);
	fc.c = lfc->c;
	fc.m = lfc->m;
	snprintf(index, sizeof index, "%d", w->index);
	buf_adds(out, "#[range=window|");
	buf_adds(out, index);
	if (current)
		buf_adds(out, " list=focus");
	if (!current || !add_style(out, o, "window-status-current-style", &fc)) {
		v = expanded(o, "window-status-style", &fc);
		buf_addc(out, ' ');
		buf_adds(out, v);
		free(v);
	}
	if (w->session->last == w)
		add_style(out, o, "window-status-last-style", &fc);
	if (!((w->alerts & ALERT_BELL) && add_style(out, o, "window-status-bell-style", &fc)) &&
	    (w->alerts & (ALERT_ACTIVITY | ALERT_SILENCE)))
		add_style(out, o, "window-status-activity-style", &fc);
	buf_adds(out, "]#[push-default]");
	v = format_expand_time(options_string(o, current ? "window-status-current-format"
							 : "window-status-format"),
			       &fc);
	buf_adds(out, v);
	buf_adds(out, current ? "#[pop-default]#[norange list=on default]"
			      : "#[pop-default]#[norange default]");
	free(v);
	if (w->next != NULL)
		buf_adds(out, options_string(o, "window-status-separator"));
}

char *status_default_expand(const struct format_ctx *fc)
{
	struct session *s = fc->s;
	struct options *so = session_options(s);
	struct buf out;

	buf_init(&out);
	add_side(&out, so, "#[align=left range=left", "status-left", fc);
	buf_printf(&out, "#[list=on align=%s]#[list=left-marker]<#[list=right-marker]>#[list=on]",
		   options_string(so, "status-justify"));
	for (struct window *w = s->windows; w != NULL; w = w->next)
		add_window(&out, w, fc);
	add_side(&out, so, "#[nolist align=right range=right", "status-right", fc);
	return buf_detach(&out);
}
