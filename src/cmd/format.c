/*
 * format: #{variable} expansion. Supports #{name}, #{=N:name} / #{=-N:name}
 * (trim to N characters from the left or right), #{?name,then,else}, "##"
 * and the shorthands #S #W #I #P #D #T #H #h #F.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/format.h"
#include "cmd/options.h"
#include "term/grid.h"

typedef char *format_fn(const struct format_ctx *fc);

static char *num(long v)
{
	return xasprintf("%ld", v);
}

#define S_FN(name, expr)                                    \
	static char *fv_##name(const struct format_ctx *fc) \
	{                                                   \
		return fc->s == NULL ? NULL : (expr);       \
	}
#define W_FN(name, expr)                                    \
	static char *fv_##name(const struct format_ctx *fc) \
	{                                                   \
		return fc->w == NULL ? NULL : (expr);       \
	}
#define P_FN(name, expr)                                    \
	static char *fv_##name(const struct format_ctx *fc) \
	{                                                   \
		return fc->p == NULL ? NULL : (expr);       \
	}

static char *fv_pid(const struct format_ctx *fc)
{
	return num(getpid());
}
static char *fv_version(const struct format_ctx *fc)
{
	return xstrdup(PMUX_VERSION);
}
static char *fv_socket_path(const struct format_ctx *fc)
{
	return xstrdup(fc->srv->socket_path);
}
static char *fv_host(const struct format_ctx *fc)
{
	char h[HOST_NAME_MAX + 1];

	if (gethostname(h, sizeof h) != 0)
		return xstrdup("");
	h[sizeof h - 1] = '\0';
	return xstrdup(h);
}
static char *fv_host_short(const struct format_ctx *fc)
{
	char *h = fv_host(fc);

	h[strcspn(h, ".")] = '\0';
	return h;
}
static char *fv_start_time(const struct format_ctx *fc)
{
	return num((long)fc->srv->start_time);
}

S_FN(session_name, xstrdup(fc->s->name))
S_FN(session_id, xasprintf("$%u", fc->s->id))
S_FN(session_windows, num(session_count_windows(fc->s)))
S_FN(session_attached, num(fc->s->attached))
S_FN(session_created, num((long)fc->s->created))
S_FN(session_activity, num((long)(fc->s->activity / 1000)))
S_FN(session_width, num(fc->s->sx))
S_FN(session_height, num(fc->s->sy))

W_FN(window_index, num(fc->w->index))
W_FN(window_id, xasprintf("@%u", fc->w->id))
W_FN(window_panes, num(window_count_panes(fc->w)))
W_FN(window_active, num(fc->w->session->current == fc->w))
W_FN(window_width, num(fc->w->sx))
W_FN(window_height, num(fc->w->sy))
W_FN(window_last_flag, num(fc->w->session->last == fc->w))
W_FN(window_created, num((long)fc->w->created))

static char *fv_window_name(const struct format_ctx *fc)
{
	char *cmd;

	if (fc->w == NULL)
		return NULL;
	if (!fc->w->automatic || fc->w->active == NULL)
		return xstrdup(fc->w->name);
	cmd = pane_current_command(fc->w->active);
	if (*cmd != '\0')
		return cmd;
	free(cmd);
	return xstrdup(fc->w->name);
}

static char *fv_window_flags(const struct format_ctx *fc)
{
	if (fc->w == NULL)
		return NULL;
	if (fc->w->session->current == fc->w)
		return xstrdup("*");
	if (fc->w->session->last == fc->w)
		return xstrdup("-");
	return xstrdup("");
}

static char *fv_pane_index(const struct format_ctx *fc)
{
	if (fc->p == NULL)
		return NULL;
	return num(window_pane_index(fc->p->window, fc->p) +
		   options_number(fc->srv->options, "pane-base-index"));
}

static char *fv_cursor(const struct format_ctx *fc, int want_x)
{
	int row, col;

	if (fc->p == NULL)
		return NULL;
	grid_cursor(fc->p->grid, &row, &col);
	return num(want_x ? col : row);
}
static char *fv_cursor_x(const struct format_ctx *fc)
{
	return fv_cursor(fc, 1);
}
static char *fv_cursor_y(const struct format_ctx *fc)
{
	return fv_cursor(fc, 0);
}

P_FN(pane_id, xasprintf("%%%u", fc->p->id))
P_FN(pane_pid, num(fc->p->pid))
P_FN(pane_tty, xstrdup(fc->p->tty))
P_FN(pane_width, num(fc->p->sx))
P_FN(pane_height, num(fc->p->sy))
P_FN(pane_left, num(fc->p->xoff))
P_FN(pane_top, num(fc->p->yoff))
P_FN(pane_right, num(fc->p->xoff + fc->p->sx - 1))
P_FN(pane_bottom, num(fc->p->yoff + fc->p->sy - 1))
P_FN(pane_active, num(fc->p->window->active == fc->p))
P_FN(pane_dead, num(fc->p->exited))
P_FN(pane_current_command, pane_current_command(fc->p))
P_FN(pane_current_path, pane_current_path(fc->p))
P_FN(pane_start_path, xstrdup(fc->p->start_cwd))
P_FN(pane_title, xstrdup(grid_title(fc->p->grid)))
P_FN(pane_in_mode, xstrdup("0"))
P_FN(history_size, num(grid_history_size(fc->p->grid)))
P_FN(history_limit, num(grid_history_limit(fc->p->grid)))
P_FN(alternate_on, num(grid_alt_screen(fc->p->grid)))
P_FN(cursor_flag, num(grid_cursor_visible(fc->p->grid)))

static const struct {
	const char *name;
	format_fn *fn;
} format_vars[] = {
#define V(n)               \
	{                  \
#n, fv_##n \
	}
	V(pid),
	V(version),
	V(socket_path),
	V(host),
	V(host_short),
	V(start_time),
	V(session_name),
	V(session_id),
	V(session_windows),
	V(session_attached),
	V(session_created),
	V(session_activity),
	V(session_width),
	V(session_height),
	V(window_index),
	V(window_name),
	V(window_id),
	V(window_panes),
	V(window_active),
	V(window_width),
	V(window_height),
	V(window_flags),
	V(window_last_flag),
	V(window_created),
	V(pane_index),
	V(pane_id),
	V(pane_pid),
	V(pane_tty),
	V(pane_width),
	V(pane_height),
	V(pane_left),
	V(pane_top),
	V(pane_right),
	V(pane_bottom),
	V(pane_active),
	V(pane_dead),
	V(pane_current_command),
	V(pane_current_path),
	V(pane_start_path),
	V(pane_title),
	V(pane_in_mode),
	V(history_size),
	V(history_limit),
	V(alternate_on),
	V(cursor_x),
	V(cursor_y),
	V(cursor_flag),
#undef V
};

/* The value of a variable; NULL when it is unknown or has no object. */
static char *format_var(const struct format_ctx *fc, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof format_vars / sizeof format_vars[0]; i++) {
		if (strlen(format_vars[i].name) == len &&
		    strncmp(format_vars[i].name, name, len) == 0)
			return format_vars[i].fn(fc);
	}
	return NULL;
}

static const char *shorthand(char c)
{
	switch (c) {
	case 'S':
		return "session_name";
	case 'W':
		return "window_name";
	case 'I':
		return "window_index";
	case 'P':
		return "pane_index";
	case 'D':
		return "pane_id";
	case 'T':
		return "pane_title";
	case 'H':
		return "host";
	case 'h':
		return "host_short";
	case 'F':
		return "window_flags";
	}
	return NULL;
}

/* Find the matching '}' for a "#{" whose content starts at p. */
static const char *match_brace(const char *p)
{
	int depth = 1;

	for (; *p != '\0'; p++) {
		if (p[0] == '#' && p[1] == '{') {
			depth++;
			p++;
		} else if (*p == '}' && --depth == 0) {
			return p;
		}
	}
	return NULL;
}

/* Split at the first top-level comma. */
static const char *top_comma(const char *p, const char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		if (p[0] == '#' && p + 1 < end && p[1] == '{') {
			depth++;
			p++;
		} else if (*p == '}' && depth > 0) {
			depth--;
		} else if (*p == ',' && depth == 0) {
			return p;
		}
	}
	return NULL;
}

static void expand_into(struct buf *out, const char *fmt, size_t len, const struct format_ctx *fc);

static char *expand_n(const char *fmt, size_t len, const struct format_ctx *fc)
{
	struct buf b;

	buf_init(&b);
	expand_into(&b, fmt, len, fc);
	return buf_detach(&b);
}

static int is_true(const char *v)
{
	return v != NULL && *v != '\0' && strcmp(v, "0") != 0;
}

/* UTF-8 aware trim to n characters from the left (n > 0) or right. */
static void add_trimmed(struct buf *out, const char *v, long n)
{
	size_t len = strlen(v), i, count = 0, start = 0;
	long want = n < 0 ? -n : n;

	for (i = 0; i < len; i++) {
		if (((unsigned char)v[i] & 0xc0) != 0x80)
			count++;
	}
	if ((long)count <= want) {
		buf_adds(out, v);
		return;
	}
	if (n > 0) {
		for (i = 0, count = 0; i < len; i++) {
			if (((unsigned char)v[i] & 0xc0) != 0x80 && (long)count++ == want)
				break;
		}
		buf_add(out, v, i);
		return;
	}
	/* Keep the last want characters. */
	for (i = len, count = 0; i > 0; i--) {
		if (((unsigned char)v[i - 1] & 0xc0) != 0x80 && (long)++count == want) {
			start = i - 1;
			break;
		}
	}
	buf_adds(out, v + start);
}

static void expand_brace(struct buf *out, const char *p, const char *end,
			 const struct format_ctx *fc)
{
	char *v;

	if (*p == '?') {
		const char *c1 = top_comma(p + 1, end), *c2;
		char *cond;

		if (c1 == NULL)
			return;
		c2 = top_comma(c1 + 1, end);
		cond = expand_n(p + 1, c1 - p - 1, fc);
		if (strncmp(p + 1, "#{", 2) != 0) {
			free(cond);
			cond = format_var(fc, p + 1, c1 - p - 1);
		}
		if (is_true(cond))
			expand_into(out, c1 + 1, (c2 != NULL ? c2 : end) - c1 - 1, fc);
		else if (c2 != NULL)
			expand_into(out, c2 + 1, end - c2 - 1, fc);
		free(cond);
		return;
	}
	if (*p == '=') {
		char *colon, *inner;
		long n = strtol(p + 1, &colon, 10);

		if (*colon != ':')
			return;
		inner = xstrndup(colon + 1, end - colon - 1);
		v = format_var(fc, inner, strlen(inner));
		free(inner);
		if (v != NULL)
			add_trimmed(out, v, n);
		free(v);
		return;
	}
	v = format_var(fc, p, end - p);
	if (v != NULL)
		buf_adds(out, v);
	free(v);
}

static void expand_into(struct buf *out, const char *fmt, size_t len, const struct format_ctx *fc)
{
	const char *p = fmt, *end = fmt + len;

	while (p < end) {
		if (*p != '#' || p + 1 >= end) {
			buf_addc(out, *p++);
			continue;
		}
		if (p[1] == '#') {
			buf_addc(out, '#');
			p += 2;
		} else if (p[1] == '{') {
			const char *close = match_brace(p + 2);

			if (close == NULL || close > end) {
				buf_add(out, p, end - p);
				return;
			}
			expand_brace(out, p + 2, close, fc);
			p = close + 1;
		} else if (shorthand(p[1]) != NULL) {
			const char *name = shorthand(p[1]);
			char *v = format_var(fc, name, strlen(name));

			if (v != NULL)
				buf_adds(out, v);
			free(v);
			p += 2;
		} else {
			buf_addc(out, *p++);
		}
	}
}

int format_check(const char *fmt, char **err)
{
	const char *p = fmt;

	while ((p = strstr(p, "#{")) != NULL) {
		if (p > fmt && p[-1] == '#' && (p - 1 == fmt || p[-2] != '#')) {
			p += 2; /* "##{" is a literal "#{" */
			continue;
		}
		if (match_brace(p + 2) == NULL) {
			*err = xasprintf("format error: unterminated #{ in: %s", fmt);
			return -1;
		}
		p += 2;
	}
	return 0;
}

char *format_expand(const char *fmt, const struct format_ctx *fc)
{
	return expand_n(fmt, strlen(fmt), fc);
}

void format_ctx_pane(struct format_ctx *fc, struct server *srv, struct pane *p)
{
	memset(fc, 0, sizeof *fc);
	fc->srv = srv;
	fc->p = p;
	fc->w = p != NULL ? p->window : NULL;
	fc->s = fc->w != NULL ? fc->w->session : NULL;
}

void format_ctx_window(struct format_ctx *fc, struct server *srv, struct window *w)
{
	format_ctx_pane(fc, srv, w != NULL ? w->active : NULL);
	fc->w = w;
	fc->s = w != NULL ? w->session : NULL;
}

void format_ctx_session(struct format_ctx *fc, struct server *srv, struct session *s)
{
	format_ctx_window(fc, srv, s != NULL ? s->current : NULL);
	fc->s = s;
}
