/*
 * format: tmux 3.3's format language (see format.h for what is supported).
 *
 * The expander follows tmux's own algorithm closely, because scripts depend
 * on its corner cases: an unknown variable is empty, a syntax error inside
 * #{…} ends the expansion there, b:/d:/q:/t: apply only to a variable
 * lookup, a condition that is not a variable is expanded and counts as
 * false if the expansion changes nothing.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <pwd.h>
#include <regex.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/options.h"
#include "render/tty.h"
#include "server/alerts.h"
#include "server/choose.h"
#include "server/client_flags.h"
#include "server/format_job.h"
#include "server/clock.h"
#include "server/copy.h"
#include "server/layout.h"
#include "render/style.h"
#include "server/pane_border.h"
#include "server/pipe.h"
#include "term/grid.h"

/* ------------------------------------------------------------------------
 * Variables
 */

enum fv_type { FT_STR, FT_NUM, FT_FLAG, FT_TIME };
/* FS_TYPE: the context's type (format_ctx_*), left out of JSON objects */
enum fv_scope {
	FS_SERVER,
	FS_SESSION,
	FS_WINDOW,
	FS_PANE,
	FS_CLIENT,
	FS_BUFFER,
	FS_TYPE,
	FS_MOUSE
};

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
/* Pane variables that read the screen: a pane may have no grid yet. */
#define G_FN(name, expr)                                                     \
	static char *fv_##name(const struct format_ctx *fc)                  \
	{                                                                    \
		return fc->p == NULL || fc->p->grid == NULL ? NULL : (expr); \
	}
/* Like tmux, a client counts only once attached: a command client (a
 * shell running `pmux display -p`) has no client_ variables. */
#define HAS_CLIENT(fc) ((fc)->c != NULL && (fc)->c->state == PEER_ATTACHED)
#define C_FN(name, expr)                                    \
	static char *fv_##name(const struct format_ctx *fc) \
	{                                                   \
		return !HAS_CLIENT(fc) ? NULL : (expr);     \
	}
/* Outside list-buffers, the buffer variables are the newest buffer's, as
 * tmux has them. */
static const struct format_buffer *format_buffer(const struct format_ctx *fc,
						 struct format_buffer *top)
{
	const struct paste_buffer *pb;

	if (fc->b != NULL || fc->srv == NULL)
		return fc->b;
	if ((pb = buffers_top(&fc->srv->buffers)) == NULL)
		return NULL;
	top->name = pb->name;
	top->data = pb->data;
	top->size = pb->size;
	top->created = pb->created;
	return top;
}
#define B_FN(name, expr)                                        \
	static char *fv_##name(const struct format_ctx *fc_)    \
	{                                                       \
		struct format_buffer top;                       \
		struct format_ctx fcb = *fc_, *fc = &fcb;       \
                                                                \
		if ((fc->b = format_buffer(fc_, &top)) == NULL) \
			return NULL;                            \
		return (expr);                                  \
	}
/* Variables tmux has for features pmux lacks: always this value. */
#define K_FN(name, obj, value)                                  \
	static char *fv_##name(const struct format_ctx *fc)     \
	{                                                       \
		return fc->obj == NULL ? NULL : xstrdup(value); \
	}

/* The marked pane (select-pane -m). */
static struct pane *marked(const struct format_ctx *fc)
{
	return window_marked_pane(fc->srv);
}

static char *strdup0(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

/* Server. */
static char *fv_pid(const struct format_ctx *fc)
{
	(void)fc;
	return num(getpid());
}
static char *fv_version(const struct format_ctx *fc)
{
	(void)fc;
	return xstrdup(PMUX_VERSION);
}
static char *fv_socket_path(const struct format_ctx *fc)
{
	return strdup0(fc->srv->socket_path);
}
static char *fv_host(const struct format_ctx *fc)
{
	char h[HOST_NAME_MAX + 1];

	(void)fc;
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
static char *fv_session_format(const struct format_ctx *fc)
{
	return num(fc->type == FORMAT_SESSION);
}
static char *fv_window_format(const struct format_ctx *fc)
{
	return num(fc->type == FORMAT_WINDOW);
}
static char *fv_pane_format(const struct format_ctx *fc)
{
	return num(fc->type == FORMAT_PANE);
}
static char *fv_start_time(const struct format_ctx *fc)
{
	return num((long)fc->srv->start_time);
}
static char *fv_uid(const struct format_ctx *fc)
{
	(void)fc;
	return num((long)getuid());
}
static char *user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	return xstrdup(pw != NULL ? pw->pw_name : "");
}
static char *fv_user(const struct format_ctx *fc)
{
	(void)fc;
	return user_name(getuid());
}
static char *fv_next_session_id(const struct format_ctx *fc)
{
	return xasprintf("$%u", fc->srv->next_session_id);
}
static char *fv_command(const struct format_ctx *fc)
{
	return fc->srv->command != NULL ? xstrdup(fc->srv->command) : NULL;
}
static char *fv_current_file(const struct format_ctx *fc)
{
	return fc->srv->current_file != NULL ? xstrdup(fc->srv->current_file) : NULL;
}
static char *fv_config_files(const struct format_ctx *fc)
{
	return strdup0(fc->srv->config_files);
}
static char *fv_line(const struct format_ctx *fc)
{
	return fc->line > 0 ? num(fc->line - 1) : NULL;
}
static char *fv_server_sessions(const struct format_ctx *fc)
{
	struct session *s;
	long n = 0;

	for (s = fc->srv->sessions; s != NULL; s = s->next)
		n++;
	return num(n);
}

/* Session. */
/* Whether client c shows the session (or window) of fc. */
static int shows(const struct format_ctx *fc, const struct peer *c, int want_window)
{
	if (c->state != PEER_ATTACHED || c->session == NULL)
		return 0;
	return want_window ? c->session->current == fc->w : c->session == fc->s;
}

/* The clients on the session (or window), first attached first, as tmux
 * lists them (the server's list has the newest first). */
static char *attached_list(const struct format_ctx *fc, int want_window)
{
	const struct peer *c, **list;
	struct buf b;
	size_t n = 0;

	for (c = fc->srv->peers; c != NULL; c = c->next)
		n += (size_t)shows(fc, c, want_window);
	list = xcalloc(n + 1, sizeof *list);
	n = 0;
	for (c = fc->srv->peers; c != NULL; c = c->next) {
		if (shows(fc, c, want_window))
			list[n++] = c;
	}
	buf_init(&b);
	while (n-- > 0) {
		if (b.len != 0)
			buf_addc(&b, ',');
		buf_adds(&b, list[n]->ttyname != NULL ? list[n]->ttyname : "");
	}
	free(list);
	return buf_detach(&b);
}

static long last_index(const struct session *s)
{
	const struct window *w;
	long idx = -1;

	for (w = s->windows; w != NULL; w = w->next)
		idx = w->index;
	return idx;
}

/* Loop times are monotonic milliseconds: turn them into wall-clock seconds. */
static long wall_time(const struct server *srv, uint64_t loop_ms, time_t fallback)
{
	uint64_t now;

	if (srv->loop == NULL || loop_ms == 0)
		return (long)fallback;
	now = uv_now(srv->loop);
	return (long)(time(NULL) - (time_t)((now > loop_ms ? now - loop_ms : 0) / 1000));
}

S_FN(session_name, xstrdup(fc->s->name))
S_FN(session_id, xasprintf("$%u", fc->s->id))
S_FN(session_windows, num(session_count_windows(fc->s)))
S_FN(session_attached, num(fc->s->attached))
S_FN(session_many_attached, num(fc->s->attached > 1))
S_FN(session_attached_list, attached_list(fc, 0))
S_FN(session_created, num((long)fc->s->created))
S_FN(session_last_attached, fc->s->last_attached != 0 ? num((long)fc->s->last_attached) : NULL)
S_FN(session_activity, num(wall_time(fc->srv, fc->s->activity, fc->s->created)))
S_FN(session_width, num(fc->s->sx))
S_FN(session_height, num(fc->s->sy))
S_FN(session_path, strdup0(fc->s->cwd))
S_FN(active_window_index, fc->s->current == NULL ? NULL : num(fc->s->current->index))
S_FN(last_window_index, fc->s->windows == NULL ? NULL : num(last_index(fc->s)))
K_FN(session_grouped, s, "0")
K_FN(session_group, s, "")
K_FN(session_group_size, s, "")
K_FN(session_group_list, s, "")
K_FN(session_group_attached, s, "")
K_FN(session_group_attached_list, s, "")
K_FN(session_group_many_attached, s, "")
S_FN(session_alerts, alerts_session_list(fc->s->windows))
S_FN(session_marked, num(marked(fc) != NULL && marked(fc)->window->session == fc->s))

/* The session's windows, most recently current first: the current one,
 * then the last-window stack. */
static char *fv_session_stack(const struct format_ctx *fc)
{
	struct buf out;

	if (fc->s == NULL || fc->s->current == NULL)
		return NULL;
	buf_init(&out);
	buf_printf(&out, "%d", fc->s->current->index);
	if (fc->s->last != NULL)
		buf_printf(&out, ",%d", fc->s->last->index);
	for (int i = fc->s->nolder - 1; i >= 0; i--)
		buf_printf(&out, ",%d", fc->s->older[i]->index);
	return buf_detach(&out);
}

/* Where the window is in that stack after the current one (1 for the last
 * window); 0 for the current one and one never current, as tmux. */
static char *fv_window_stack_index(const struct format_ctx *fc)
{
	const struct session *s;

	if (fc->w == NULL)
		return NULL;
	s = fc->w->session;
	if (s == NULL || s->last == NULL)
		return xstrdup("0");
	if (s->last == fc->w)
		return xstrdup("1");
	for (int i = s->nolder - 1; i >= 0; i--) {
		if (s->older[i] == fc->w)
			return num(2 + (s->nolder - 1 - i));
	}
	return xstrdup("0");
}

/* Window. */
static char *fv_window_name(const struct format_ctx *fc)
{
	char *cmd;

	if (fc->w == NULL)
		return NULL;
	if (!fc->w->automatic || fc->w->active == NULL ||
	    !options_number(window_options(fc->w), "automatic-rename"))
		return strdup0(fc->w->name);
	{
		/* automatic-rename-format, in the window's active pane; a format
		 * that names window_name itself must not recurse. */
		static int depth;
		struct format_ctx pc;

		if (depth > 0)
			return strdup0(fc->w->name);
		format_ctx_pane(&pc, fc->srv, fc->w->active);
		depth++;
		cmd = format_expand(
			options_string(window_options(fc->w), "automatic-rename-format"), &pc);
		depth--;
	}
	if (*cmd != '\0')
		return cmd;
	free(cmd);
	return strdup0(fc->w->name);
}

static int is_current(const struct window *w)
{
	return w->session != NULL && w->session->current == w;
}
static int is_last(const struct window *w)
{
	return w->session != NULL && w->session->last == w;
}

/* tmux's order: # ! ~ (alerts), * -, M, Z. window_flags doubles the #, as
 * tmux does, for the status line (which shows ## as #); window_raw_flags
 * does not. */
static char *window_flags(const struct format_ctx *fc, const char *activity)
{
	if (fc->w == NULL)
		return NULL;
	return xasprintf("%s%s%s%s%s%s", (fc->w->alerts & ALERT_ACTIVITY) ? activity : "",
			 (fc->w->alerts & ALERT_BELL) ? "!" : "",
			 (fc->w->alerts & ALERT_SILENCE) ? "~" : "",
			 is_current(fc->w) ? "*"
			 : is_last(fc->w)  ? "-"
					   : "",
			 marked(fc) != NULL && marked(fc)->window == fc->w ? "M" : "",
			 fc->w->zoomed ? "Z" : "");
}

static char *fv_window_flags(const struct format_ctx *fc)
{
	return window_flags(fc, "##");
}

static char *fv_window_raw_flags(const struct format_ctx *fc)
{
	return window_flags(fc, "#");
}

static long active_clients(const struct format_ctx *fc)
{
	struct peer *c;
	long n = 0;

	for (c = fc->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->session != NULL && c->session->current == fc->w)
			n++;
	}
	return n;
}

/* The window's most recent pane output, as a wall-clock time. */
static char *fv_window_activity(const struct format_ctx *fc)
{
	const struct pane *p;
	uint64_t last = 0;

	if (fc->w == NULL)
		return NULL;
	for (p = fc->w->panes; p != NULL; p = p->next) {
		if (p->last_output > last)
			last = p->last_output;
	}
	return num(wall_time(fc->srv, last, fc->w->created));
}

/* layout_dump gives NULL for a window without a layout. */
static char *or_empty(char *s)
{
	return s != NULL ? s : xstrdup("");
}

static char *fv_window_layout(const struct format_ctx *fc)
{
	if (fc->w == NULL)
		return NULL;
	return or_empty(window_layout_string(fc->w));
}

static char *session_name_of(const struct window *w)
{
	return w->session != NULL ? strdup0(w->session->name) : xstrdup("");
}

W_FN(window_index, num(fc->w->index))
W_FN(window_id, xasprintf("@%u", fc->w->id))
W_FN(window_panes, num(window_count_panes(fc->w)))
W_FN(window_active, num(is_current(fc->w)))
W_FN(window_width, num(fc->w->sx))
W_FN(window_height, num(fc->w->sy))
W_FN(window_last_flag, num(is_last(fc->w)))
W_FN(window_created, num((long)fc->w->created))
W_FN(window_start_flag, num(fc->w->session != NULL && fc->w->session->windows == fc->w))
W_FN(window_end_flag, num(fc->w->next == NULL))
W_FN(window_linked_sessions_list, session_name_of(fc->w))
W_FN(window_active_sessions, num(is_current(fc->w)))
W_FN(window_active_sessions_list, is_current(fc->w) ? session_name_of(fc->w) : xstrdup(""))
W_FN(window_active_clients, num(active_clients(fc)))
W_FN(window_active_clients_list, attached_list(fc, 1))
W_FN(window_visible_layout, or_empty(window_visible_layout(fc->w)))
K_FN(window_linked, w, "0")
K_FN(window_linked_sessions, w, "1")
W_FN(window_zoomed_flag, num(fc->w->zoomed != 0))
W_FN(window_bell_flag, num((fc->w->alerts & ALERT_BELL) != 0))
W_FN(window_activity_flag, num((fc->w->alerts & ALERT_ACTIVITY) != 0))
W_FN(window_silence_flag, num((fc->w->alerts & ALERT_SILENCE) != 0))
W_FN(window_marked_flag, num(marked(fc) != NULL && marked(fc)->window == fc->w))

/* A cell's size in pixels: from a client showing the window whose terminal
 * says, else tmux's default of 16 by 32. */
static char *window_cell(const struct format_ctx *fc, int want_width)
{
	const struct peer *c;

	if (fc->w == NULL)
		return NULL;
	for (c = fc->srv->peers; c != NULL; c = c->next) {
		if (c->state != PEER_ATTACHED || c->session == NULL ||
		    c->session->current != fc->w || c->xpixel == 0 || c->ypixel == 0 ||
		    c->cols <= 0 || c->rows <= 0)
			continue;
		return num(want_width ? c->xpixel / c->cols : c->ypixel / c->rows);
	}
	return num(want_width ? 16 : 32);
}
static char *fv_window_cell_width(const struct format_ctx *fc)
{
	return window_cell(fc, 1);
}
static char *fv_window_cell_height(const struct format_ctx *fc)
{
	return window_cell(fc, 0);
}

/* tmux knows these only with a client (the window may be bigger than it). */
static char *fv_window_bigger(const struct format_ctx *fc)
{
	return fc->w == NULL || !HAS_CLIENT(fc) ? NULL : xstrdup("0");
}

/* tmux sets the offsets only when the window is bigger than the client,
 * which pmux does not track (window_bigger is always 0). */
static char *fv_window_offset_x(const struct format_ctx *fc)
{
	(void)fc;
	return NULL;
}
#define fv_window_offset_y fv_window_offset_x

/* Pane. */
static char *fv_pane_index(const struct format_ctx *fc)
{
	if (fc->p == NULL || fc->p->window == NULL)
		return NULL;
	return num(window_pane_index(fc->p->window, fc->p) +
		   options_number(window_options(fc->p->window), "pane-base-index"));
}

static char *fv_cursor(const struct format_ctx *fc, int want_x)
{
	int row, col;

	if (fc->p == NULL || fc->p->grid == NULL)
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

static char *fv_history_limit(const struct format_ctx *fc)
{
	if (fc->p == NULL)
		return NULL;
	if (fc->p->grid == NULL)
		return num(
			options_number(session_options(fc->p->window->session), "history-limit"));
	return num(grid_history_limit(fc->p->grid));
}

static char *fv_pane_dead_status(const struct format_ctx *fc)
{
	if (fc->p == NULL || !fc->p->exited || !WIFEXITED(fc->p->exit_status))
		return fc->p == NULL ? NULL : xstrdup("");
	return num(WEXITSTATUS(fc->p->exit_status));
}
static char *fv_pane_dead_time(const struct format_ctx *fc)
{
	if (fc->p == NULL || fc->p->dead_time == 0)
		return fc->p == NULL ? NULL : xstrdup("");
	return num((long)fc->p->dead_time);
}
static char *fv_pane_dead_signal(const struct format_ctx *fc)
{
	if (fc->p == NULL || !fc->p->exited || !WIFSIGNALED(fc->p->exit_status))
		return fc->p == NULL ? NULL : xstrdup("");
	return num(WTERMSIG(fc->p->exit_status));
}

static int mouse_mode(const struct pane *p)
{
	return p->grid == NULL ? 0 : grid_mouse_mode(p->grid);
}

#define PW(p) ((p)->window)
P_FN(pane_id, xasprintf("%%%u", fc->p->id))
P_FN(pane_pid, num(fc->p->pid))
P_FN(pane_tty, xstrdup(fc->p->tty))
P_FN(pane_width, num(fc->p->sx))
P_FN(pane_height, num(fc->p->sy))
P_FN(pane_left, num(fc->p->xoff))
P_FN(pane_top, num(fc->p->yoff))
P_FN(pane_right, num(fc->p->xoff + fc->p->sx - 1))
P_FN(pane_bottom, num(fc->p->yoff + fc->p->sy - 1))
P_FN(pane_active, num(PW(fc->p) != NULL && PW(fc->p)->active == fc->p))
P_FN(pane_last, num(PW(fc->p) != NULL && PW(fc->p)->last_active == fc->p))
P_FN(pane_at_left, num(fc->p->xoff == 0))
/* a border status line above (below) the window's top (bottom) panes
 * leaves them at the window's edge, as tmux has it */
P_FN(pane_at_top, num(fc->p->yoff == (PW(fc->p) != NULL && pane_border_status(PW(fc->p)) == 1)))
P_FN(pane_at_right, num(PW(fc->p) != NULL && fc->p->xoff + fc->p->sx >= PW(fc->p)->sx))
P_FN(pane_at_bottom,
     num(PW(fc->p) != NULL &&
	 fc->p->yoff + fc->p->sy >= PW(fc->p)->sy - (pane_border_status(PW(fc->p)) == 2)))
P_FN(pane_dead, num(fc->p->exited))

/* The pane's default colours as drawn (window-style, window-active-style,
 * the program's OSC 10 and 11). */
static char *pane_colour(const struct format_ctx *fc, int bg)
{
	grid_color c[2];
	char name[32];

	pane_border_defaults(fc->c, fc->p, PW(fc->p) != NULL && PW(fc->p)->active == fc->p, &c[0],
			     &c[1]);
	style_colour_name(c[bg], name, sizeof name);
	return xstrdup(name);
}
P_FN(pane_fg, pane_colour(fc, 0))
P_FN(pane_bg, pane_colour(fc, 1))
P_FN(pane_current_command, pane_current_command(fc->p))
P_FN(pane_current_path, pane_current_path(fc->p))
P_FN(pane_start_path, strdup0(fc->p->start_cwd))

/* One word as tmux writes a command (pane_start_command): quoted when the
 * parser would split or expand it, C-style escapes for what is not visible. */
static void command_word(struct buf *out, const char *s)
{
	char quote = 0;

	if (*s == '\0') {
		buf_adds(out, "''");
		return;
	}
	if (s[strcspn(s, " #';${}%")] != '\0')
		quote = '"';
	else if (s[strcspn(s, " \"")] != '\0')
		quote = '\'';
	if (s[0] != ' ' && s[1] == '\0' && (quote != 0 || s[0] == '~')) {
		buf_printf(out, "\\%c", s[0]);
		return;
	}
	if (quote != 0)
		buf_addc(out, quote);
	if (*s == '~')
		buf_addc(out, '\\');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\' || (quote == '"' && (c == '"' || c == '$')))
			buf_printf(out, "\\%c", c);
		else if (c == '\n')
			buf_adds(out, "\\n");
		else if (c == '\t')
			buf_adds(out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(out, "\\%03o", c);
		else
			buf_addc(out, (char)c);
	}
	if (quote != 0)
		buf_addc(out, quote);
}

static char *fv_pane_start_command(const struct format_ctx *fc)
{
	struct buf out;

	if (fc->p == NULL)
		return NULL;
	buf_init(&out);
	for (int i = 0; i < fc->p->cmd_argc; i++) {
		if (i > 0)
			buf_addc(&out, ' ');
		command_word(&out, fc->p->cmd_argv[i]);
	}
	return buf_detach(&out);
}
P_FN(history_size, num(fc->p->grid == NULL ? 0 : grid_history_size(fc->p->grid)))
P_FN(history_bytes, xasprintf("%zu", fc->p->grid == NULL ? 0 : grid_history_bytes(fc->p->grid)))
/* tmux's names: "any" is any mode, "all" is all motion (1003) */
P_FN(mouse_standard_flag, num(mouse_mode(fc->p) == VTERM_PROP_MOUSE_CLICK))
P_FN(mouse_button_flag, num(mouse_mode(fc->p) == VTERM_PROP_MOUSE_DRAG))
P_FN(mouse_any_flag, num(mouse_mode(fc->p) != VTERM_PROP_MOUSE_NONE))
P_FN(mouse_all_flag, num(mouse_mode(fc->p) == VTERM_PROP_MOUSE_MOVE))

/* The mouse event of the binding running (see server/mouse.h): its place in
 * the pane under it, or on the status line. */
static int mouse_xy(const struct format_ctx *fc, int *x, int *y)
{
	const struct mouse_event *m = fc->m;
	struct pane *p;

	if (m == NULL || !m->valid)
		return -1;
	p = mouse_pane(fc->srv, m);
	if (p != NULL && mouse_at(m, p, 0, x, y) == 0)
		return 0;
	if (!mouse_on_status(m, m->y))
		return -1;
	*x = m->x;
	*y = m->y - m->status_row;
	return 0;
}
static char *fv_mouse_x(const struct format_ctx *fc)
{
	int x, y;

	return mouse_xy(fc, &x, &y) == 0 ? num(x) : NULL;
}
static char *fv_mouse_y(const struct format_ctx *fc)
{
	int x, y;

	return mouse_xy(fc, &x, &y) == 0 ? num(y) : NULL;
}
static char *fv_mouse_word(const struct format_ctx *fc)
{
	return fc->m != NULL ? mouse_word(fc->srv, fc->m) : NULL;
}
static char *fv_mouse_line(const struct format_ctx *fc)
{
	return fc->m != NULL ? mouse_line(fc->srv, fc->m) : NULL;
}
/* A pane's title starts as the host name, as in tmux, until its program sets one. */
G_FN(pane_title, *grid_title(fc->p->grid) != '\0' ? xstrdup(grid_title(fc->p->grid)) : fv_host(fc))
G_FN(alternate_on, num(grid_alt_screen(fc->p->grid)))
G_FN(pane_path, xstrdup(grid_path(fc->p->grid)))
G_FN(cursor_flag, num(grid_cursor_visible(fc->p->grid)))

/* The modes the pane's program set (grid_modes). */
static char *pane_mode_var(const struct format_ctx *fc, size_t offset)
{
	struct grid_modes m;

	if (fc->p == NULL || fc->p->grid == NULL)
		return NULL;
	grid_modes(fc->p->grid, &m);
	return num(*(const int *)((const char *)&m + offset));
}
#define M_FN(name, field)                                                     \
	static char *fv_##name(const struct format_ctx *fc)                   \
	{                                                                     \
		return pane_mode_var(fc, offsetof(struct grid_modes, field)); \
	}
M_FN(insert_flag, insert)
M_FN(origin_flag, origin)
M_FN(wrap_flag, wrap)
M_FN(keypad_flag, keypad)
M_FN(keypad_cursor_flag, keypad_cursor)
M_FN(mouse_utf8_flag, mouse_utf8)
M_FN(mouse_sgr_flag, mouse_sgr)
M_FN(scroll_region_upper, region_upper)
M_FN(scroll_region_lower, region_lower)

/* tmux shows an unsigned -1 until DECSET 1049 saved a cursor. */
static char *alternate_saved(const struct format_ctx *fc, int want_x)
{
	struct grid_modes m;
	int v;

	if (fc->p == NULL || fc->p->grid == NULL)
		return NULL;
	grid_modes(fc->p->grid, &m);
	v = want_x ? m.alt_saved_x : m.alt_saved_y;
	return v < 0 ? xstrdup("4294967295") : num(v);
}
static char *fv_alternate_saved_x(const struct format_ctx *fc)
{
	return alternate_saved(fc, 1);
}
static char *fv_alternate_saved_y(const struct format_ctx *fc)
{
	return alternate_saved(fc, 0);
}

/* The columns with a tab stop, comma separated. */
static char *fv_pane_tabs(const struct format_ctx *fc)
{
	struct buf out;

	if (fc->p == NULL || fc->p->grid == NULL)
		return NULL;
	buf_init(&out);
	for (int col = 0; col < grid_cols(fc->p->grid); col++) {
		if (grid_tab_stop(fc->p->grid, col))
			buf_printf(&out, "%s%d", out.len != 0 ? "," : "", col);
	}
	return buf_detach(&out);
}

/* The character under the cursor (" " for a blank cell). */
static char *fv_cursor_character(const struct format_ctx *fc)
{
	const struct grid_cell *line;
	char text[32];
	int row, col;
	size_t n;

	if (fc->p == NULL || fc->p->grid == NULL)
		return NULL;
	grid_cursor(fc->p->grid, &row, &col);
	if (row < 0 || row >= grid_rows(fc->p->grid) || col < 0 || col >= grid_cols(fc->p->grid))
		return xstrdup("");
	line = grid_line(fc->p->grid, row);
	n = grid_cell_utf8(fc->p->grid, &line[col], text);
	return xstrndup(text, n);
}

/* The exit status the shell reported with OSC 133;D, if it did. */
static char *fv_pane_last_exit_status(const struct format_ctx *fc)
{
	const struct grid_marks *m;

	if (fc->p == NULL || fc->p->grid == NULL)
		return NULL;
	m = grid_shell_marks(fc->p->grid);
	return m->have_status ? num(m->last_status) : xstrdup("");
}
static char *fv_pane_input_off(const struct format_ctx *fc)
{
	return fc->p == NULL ? NULL : xstrdup(fc->p->input_off ? "1" : "0");
}
static char *fv_pane_synchronized(const struct format_ctx *fc)
{
	return fc->p == NULL
		       ? NULL
		       : xstrdup(options_number(pane_options(fc->p), "synchronize-panes") ? "1"
											  : "0");
}
/* Copy mode (server/copy.c). */
static char *fv_pane_in_mode(const struct format_ctx *fc)
{
	return fc->p == NULL ? NULL
			     : xstrdup(fc->p->copy != NULL || fc->p->choose != NULL ||
						       fc->p->clock != NULL
					       ? "1"
					       : "0");
}

static char *fv_pane_mode(const struct format_ctx *fc)
{
	if (fc->p != NULL && fc->p->choose != NULL)
		return xstrdup(choose_mode_name(fc->p));
	if (fc->p != NULL && fc->p->clock != NULL)
		return xstrdup("clock-mode");
	return fc->p == NULL ? NULL : xstrdup(fc->p->copy != NULL ? "copy-mode" : "");
}

static char *fv_scroll_position(const struct format_ctx *fc)
{
	return fc->p == NULL || fc->p->copy == NULL ? NULL : num(copy_offset(fc->p));
}

static char *fv_copy_cursor_x(const struct format_ctx *fc)
{
	int row, col;

	if (fc->p == NULL || fc->p->copy == NULL)
		return NULL;
	copy_cursor(fc->p, &row, &col);
	return num(col);
}

static char *fv_pane_search_string(const struct format_ctx *fc)
{
	if (fc->p == NULL)
		return NULL;
	return xstrdup(fc->p->copy != NULL && fc->p->copy->search != NULL ? fc->p->copy->search
									  : "");
}

static char *fv_copy_cursor_y(const struct format_ctx *fc)
{
	int row, col;

	if (fc->p == NULL || fc->p->copy == NULL)
		return NULL;
	copy_cursor(fc->p, &row, &col);
	return num(row);
}
/* The copy cursor's grid row and column. */
static int copy_at(const struct format_ctx *fc, int *row, int *col)
{
	if (fc->p == NULL || fc->p->copy == NULL)
		return -1;
	copy_cursor(fc->p, row, col);
	*row -= copy_offset(fc->p);
	return 0;
}
static char *fv_copy_cursor_word(const struct format_ctx *fc)
{
	int row, col;

	return copy_at(fc, &row, &col) == 0 ? mouse_word_at(fc->p, row, col) : NULL;
}
#define IN_COPY(fc) ((fc)->p != NULL && (fc)->p->copy != NULL)
#define CM(fc) ((fc)->p->copy)
static char *fv_copy_cursor_line(const struct format_ctx *fc)
{
	return IN_COPY(fc) ? copy_cursor_line(fc->p) : NULL;
}
static char *fv_search_match(const struct format_ctx *fc)
{
	return IN_COPY(fc) ? copy_search_match(fc->p) : NULL;
}
static char *fv_search_present(const struct format_ctx *fc)
{
	return IN_COPY(fc) ? num(CM(fc)->search != NULL && *CM(fc)->search != '\0') : NULL;
}
static char *fv_rectangle_toggle(const struct format_ctx *fc)
{
	return IN_COPY(fc) ? num(CM(fc)->rectangle) : NULL;
}
/* A selection always follows the cursor in pmux (no stop-selection). */
static char *fv_selection_present(const struct format_ctx *fc)
{
	return IN_COPY(fc) ? num(CM(fc)->selecting) : NULL;
}
#define fv_selection_active fv_selection_present
/* Its ends as tmux gives them: where it began, and the cursor, in lines
 * counted from the oldest history line. */
static char *selection_end(const struct format_ctx *fc, int start, int want_x)
{
	const struct copy_mode *cm;
	int row, col;

	if (!IN_COPY(fc) || !CM(fc)->selecting)
		return NULL;
	copy_cursor(fc->p, &row, &col); /* (brings the lines up to date) */
	cm = CM(fc);
	if (start)
		return want_x ? num(cm->sx) : num(cm->sy);
	return want_x ? num(cm->cx) : num(cm->cy);
}
static char *fv_selection_start_x(const struct format_ctx *fc)
{
	return selection_end(fc, 1, 1);
}
static char *fv_selection_start_y(const struct format_ctx *fc)
{
	return selection_end(fc, 1, 0);
}
static char *fv_selection_end_x(const struct format_ctx *fc)
{
	return selection_end(fc, 0, 1);
}
static char *fv_selection_end_y(const struct format_ctx *fc)
{
	return selection_end(fc, 0, 0);
}
P_FN(pane_pipe, num(pipe_active(fc->p)))
P_FN(pane_marked, num(marked(fc) == fc->p))
P_FN(pane_marked_set, num(marked(fc) != NULL))

/* Client (an attached or commanding peer). */
static char *fv_client_name(const struct format_ctx *fc)
{
	if (!HAS_CLIENT(fc))
		return NULL;
	if (fc->c->ttyname != NULL && *fc->c->ttyname != '\0')
		return xstrdup(fc->c->ttyname);
	return xasprintf("client-%ld", (long)fc->c->pid);
}
static char *fv_client_session(const struct format_ctx *fc)
{
	if (!HAS_CLIENT(fc) || fc->c->session == NULL)
		return !HAS_CLIENT(fc) ? NULL : xstrdup("");
	return strdup0(fc->c->session->name);
}
C_FN(client_tty, strdup0(fc->c->ttyname))
C_FN(client_pid, num(fc->c->pid))
C_FN(client_width, num(fc->c->cols))
C_FN(client_height, num(fc->c->rows))
C_FN(client_termname, strdup0(fc->c->term))
C_FN(client_readonly, num(fc->c->readonly))
static const char *key_table(const struct peer *c)
{
	if (c->key_table != NULL)
		return c->key_table;
	if (c->prefix_pending)
		return "prefix";
	return c->session != NULL ? options_string(session_options(c->session), "key-table")
				  : "root";
}
C_FN(client_prefix, num(strcmp(key_table(fc->c), "prefix") == 0))
C_FN(client_key_table, xstrdup(key_table(fc->c)))
C_FN(client_activity, num(wall_time(fc->srv, fc->c->activity, time(NULL))))
C_FN(client_last_session,
     fc->c->last_session != NULL ? strdup0(fc->c->last_session->name) : xstrdup(""))
C_FN(client_cwd, strdup0(fc->c->cwd))
C_FN(client_uid, num((long)fc->c->uid))
C_FN(client_user, user_name(fc->c->uid))
C_FN(client_utf8, xstrdup("1"))
/* A cell's size in pixels, if the terminal gave its size in pixels. */
C_FN(client_cell_width, num(fc->c->cols > 0 ? fc->c->xpixel / fc->c->cols : 0))
C_FN(client_cell_height, num(fc->c->rows > 0 ? fc->c->ypixel / fc->c->rows : 0))
C_FN(client_control_mode, num(fc->c->control != NULL))
C_FN(client_created, num((long)fc->c->created))
C_FN(client_written, xasprintf("%llu", (unsigned long long)fc->c->written))
/* tmux's terminal features of the client, in its order: those tmux gives
 * every terminal (bpaste, focus, title), those terminal-features gives its
 * TERM, and RGB for a terminal with 24-bit colour. */
static char *client_features(const struct format_ctx *fc)
{
	static const char *const names[] = {"256",	     "bpaste",	 "ccolour", "clipboard",
					    "cstyle",	     "extkeys",	 "focus",   "hyperlinks",
					    "ignorefkeys",   "margins",	 "mouse",   "osc7",
					    "overline",	     "rectfill", "RGB",	    "sixel",
					    "strikethrough", "sync",	 "title",   "usstyle"};
	const char *list = options_string(fc->srv->options, "terminal-features");
	const char *term = fc->c->term != NULL ? fc->c->term : "";
	struct buf out;
	int on;

	buf_init(&out);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i], "RGB") == 0)
			on = tty_features_rgb(list, term) ||
			     (fc->c->tty != NULL && tty_truecolor(fc->c->tty));
		else
			on = strcmp(names[i], "bpaste") == 0 || strcmp(names[i], "focus") == 0 ||
			     strcmp(names[i], "title") == 0 ||
			     tty_features_has(list, term, names[i]);
		if (on)
			buf_printf(&out, "%s%s", out.len != 0 ? "," : "", names[i]);
	}
	return buf_detach(&out);
}
C_FN(client_termfeatures, client_features(fc))
/* tmux's is what the terminal answered to a query pmux does not make. */
C_FN(client_termtype, xstrdup(""))
/* pmux never drops output for a slow client: it skips to the next frame. */
C_FN(client_discarded, xstrdup("0"))
C_FN(client_flags, client_flags_string(fc->c))

/* Buffer. */
static char *buffer_sample(const struct format_buffer *b)
{
	struct buf out;
	size_t i;

	/* Like tmux: C-style escapes, at most 200 characters, then "...". */
	buf_init(&out);
	for (i = 0; i < b->size && out.len < 200; i++) {
		unsigned char ch = (unsigned char)b->data[i];

		if (ch == '\n')
			buf_adds(&out, "\\n");
		else if (ch == '\t')
			buf_adds(&out, "\\t");
		else if (ch == '\\')
			buf_adds(&out, "\\\\");
		else if (ch < 0x20 || ch == 0x7f)
			buf_printf(&out, "\\%03o", ch);
		else
			buf_addc(&out, (char)ch);
	}
	if (i < b->size)
		buf_adds(&out, "...");
	return buf_detach(&out);
}
B_FN(buffer_name, strdup0(fc->b->name))
B_FN(buffer_size, num((long)fc->b->size))
B_FN(buffer_created, num((long)fc->b->created))
B_FN(buffer_sample, buffer_sample(fc->b))

/* Aliases computed by another variable's function. */

struct format_var {
	const char *name;
	format_fn *fn;
	enum fv_type type;
	enum fv_scope scope;
};

/* Grouped by object; the JSON objects list them in this order. */
static const struct format_var format_vars[] = {
#define V(n, t, sc)               \
	{                         \
#n, fv_##n, t, sc \
	}
	V(host, FT_STR, FS_SERVER),
	V(host_short, FT_STR, FS_SERVER),
	V(pid, FT_NUM, FS_SERVER),
	V(version, FT_STR, FS_SERVER),
	V(socket_path, FT_STR, FS_SERVER),
	V(start_time, FT_TIME, FS_SERVER),
	V(uid, FT_NUM, FS_SERVER),
	V(user, FT_STR, FS_SERVER),
	V(next_session_id, FT_STR, FS_SERVER),
	V(server_sessions, FT_NUM, FS_SERVER),
	V(command, FT_STR, FS_SERVER),
	V(line, FT_NUM, FS_TYPE),
	V(config_files, FT_STR, FS_SERVER),
	V(current_file, FT_STR, FS_SERVER),
	V(session_format, FT_FLAG, FS_TYPE),
	V(window_format, FT_FLAG, FS_TYPE),
	V(pane_format, FT_FLAG, FS_TYPE),
	V(session_name, FT_STR, FS_SESSION),
	V(session_id, FT_STR, FS_SESSION),
	V(session_windows, FT_NUM, FS_SESSION),
	V(session_attached, FT_NUM, FS_SESSION),
	V(session_many_attached, FT_FLAG, FS_SESSION),
	V(session_attached_list, FT_STR, FS_SESSION),
	V(session_created, FT_TIME, FS_SESSION),
	V(session_last_attached, FT_TIME, FS_SESSION),
	V(session_activity, FT_TIME, FS_SESSION),
	V(session_width, FT_NUM, FS_SESSION),
	V(session_height, FT_NUM, FS_SESSION),
	V(session_path, FT_STR, FS_SESSION),
	V(session_stack, FT_STR, FS_SESSION),
	V(session_grouped, FT_FLAG, FS_SESSION),
	V(session_group, FT_STR, FS_SESSION),
	V(session_group_size, FT_NUM, FS_SESSION),
	V(session_group_list, FT_STR, FS_SESSION),
	V(session_group_attached, FT_NUM, FS_SESSION),
	V(session_group_attached_list, FT_STR, FS_SESSION),
	V(session_group_many_attached, FT_FLAG, FS_SESSION),
	V(session_alerts, FT_STR, FS_SESSION),
	V(session_marked, FT_FLAG, FS_SESSION),
	V(active_window_index, FT_NUM, FS_SESSION),
	V(last_window_index, FT_NUM, FS_SESSION),
	V(window_index, FT_NUM, FS_WINDOW),
	V(window_name, FT_STR, FS_WINDOW),
	V(window_id, FT_STR, FS_WINDOW),
	V(window_panes, FT_NUM, FS_WINDOW),
	V(window_active, FT_FLAG, FS_WINDOW),
	V(window_width, FT_NUM, FS_WINDOW),
	V(window_height, FT_NUM, FS_WINDOW),
	V(window_flags, FT_STR, FS_WINDOW),
	V(window_raw_flags, FT_STR, FS_WINDOW),
	V(window_last_flag, FT_FLAG, FS_WINDOW),
	V(window_created, FT_TIME, FS_WINDOW),
	V(window_activity, FT_TIME, FS_WINDOW),
	V(window_start_flag, FT_FLAG, FS_WINDOW),
	V(window_end_flag, FT_FLAG, FS_WINDOW),
	V(window_layout, FT_STR, FS_WINDOW),
	V(window_visible_layout, FT_STR, FS_WINDOW),
	V(window_linked, FT_FLAG, FS_WINDOW),
	V(window_linked_sessions, FT_NUM, FS_WINDOW),
	V(window_linked_sessions_list, FT_STR, FS_WINDOW),
	V(window_active_sessions, FT_NUM, FS_WINDOW),
	V(window_active_sessions_list, FT_STR, FS_WINDOW),
	V(window_active_clients, FT_NUM, FS_WINDOW),
	V(window_active_clients_list, FT_STR, FS_WINDOW),
	V(window_zoomed_flag, FT_FLAG, FS_WINDOW),
	V(window_bell_flag, FT_FLAG, FS_WINDOW),
	V(window_activity_flag, FT_FLAG, FS_WINDOW),
	V(window_silence_flag, FT_FLAG, FS_WINDOW),
	V(window_marked_flag, FT_FLAG, FS_WINDOW),
	V(window_bigger, FT_FLAG, FS_WINDOW),
	V(window_offset_x, FT_NUM, FS_WINDOW),
	V(window_offset_y, FT_NUM, FS_WINDOW),
	V(window_stack_index, FT_NUM, FS_WINDOW),
	V(window_cell_width, FT_NUM, FS_WINDOW),
	V(window_cell_height, FT_NUM, FS_WINDOW),
	V(pane_index, FT_NUM, FS_PANE),
	V(pane_id, FT_STR, FS_PANE),
	V(pane_pid, FT_NUM, FS_PANE),
	V(pane_search_string, FT_STR, FS_PANE),
	V(pane_tty, FT_STR, FS_PANE),
	V(pane_width, FT_NUM, FS_PANE),
	V(pane_height, FT_NUM, FS_PANE),
	V(pane_left, FT_NUM, FS_PANE),
	V(pane_top, FT_NUM, FS_PANE),
	V(pane_right, FT_NUM, FS_PANE),
	V(pane_bottom, FT_NUM, FS_PANE),
	V(pane_active, FT_FLAG, FS_PANE),
	V(pane_last, FT_FLAG, FS_PANE),
	V(pane_at_left, FT_FLAG, FS_PANE),
	V(pane_at_right, FT_FLAG, FS_PANE),
	V(pane_at_top, FT_FLAG, FS_PANE),
	V(pane_at_bottom, FT_FLAG, FS_PANE),
	V(pane_dead, FT_FLAG, FS_PANE),
	V(pane_fg, FT_STR, FS_PANE),
	V(pane_bg, FT_STR, FS_PANE),
	V(pane_dead_status, FT_NUM, FS_PANE),
	V(pane_dead_time, FT_TIME, FS_PANE),
	V(pane_dead_signal, FT_NUM, FS_PANE),
	V(pane_last_exit_status, FT_NUM, FS_PANE),
	V(pane_current_command, FT_STR, FS_PANE),
	V(pane_current_path, FT_STR, FS_PANE),
	V(pane_start_path, FT_STR, FS_PANE),
	V(pane_path, FT_STR, FS_PANE),
	V(pane_start_command, FT_STR, FS_PANE),
	V(pane_title, FT_STR, FS_PANE),
	V(pane_in_mode, FT_FLAG, FS_PANE),
	V(pane_mode, FT_STR, FS_PANE),
	V(scroll_position, FT_NUM, FS_PANE),
	V(copy_cursor_x, FT_NUM, FS_PANE),
	V(copy_cursor_y, FT_NUM, FS_PANE),
	V(copy_cursor_word, FT_STR, FS_PANE),
	V(copy_cursor_line, FT_STR, FS_PANE),
	V(rectangle_toggle, FT_FLAG, FS_PANE),
	V(search_present, FT_FLAG, FS_PANE),
	V(search_match, FT_STR, FS_PANE),
	V(selection_present, FT_FLAG, FS_PANE),
	V(selection_active, FT_FLAG, FS_PANE),
	V(selection_start_x, FT_NUM, FS_PANE),
	V(selection_start_y, FT_NUM, FS_PANE),
	V(selection_end_x, FT_NUM, FS_PANE),
	V(selection_end_y, FT_NUM, FS_PANE),
	V(pane_synchronized, FT_FLAG, FS_PANE),
	V(pane_input_off, FT_FLAG, FS_PANE),
	V(pane_pipe, FT_FLAG, FS_PANE),
	V(pane_marked, FT_FLAG, FS_PANE),
	V(pane_marked_set, FT_FLAG, FS_PANE),
	V(history_size, FT_NUM, FS_PANE),
	V(history_bytes, FT_NUM, FS_PANE),
	V(history_limit, FT_NUM, FS_PANE),
	V(alternate_on, FT_FLAG, FS_PANE),
	V(cursor_x, FT_NUM, FS_PANE),
	V(cursor_y, FT_NUM, FS_PANE),
	V(cursor_flag, FT_FLAG, FS_PANE),
	V(cursor_character, FT_STR, FS_PANE),
	V(alternate_saved_x, FT_NUM, FS_PANE),
	V(alternate_saved_y, FT_NUM, FS_PANE),
	V(insert_flag, FT_FLAG, FS_PANE),
	V(keypad_cursor_flag, FT_FLAG, FS_PANE),
	V(keypad_flag, FT_FLAG, FS_PANE),
	V(origin_flag, FT_FLAG, FS_PANE),
	V(wrap_flag, FT_FLAG, FS_PANE),
	V(scroll_region_upper, FT_NUM, FS_PANE),
	V(scroll_region_lower, FT_NUM, FS_PANE),
	V(pane_tabs, FT_STR, FS_PANE),
	V(mouse_standard_flag, FT_FLAG, FS_PANE),
	V(mouse_button_flag, FT_FLAG, FS_PANE),
	V(mouse_any_flag, FT_FLAG, FS_PANE),
	V(mouse_all_flag, FT_FLAG, FS_PANE),
	V(mouse_sgr_flag, FT_FLAG, FS_PANE),
	V(mouse_utf8_flag, FT_FLAG, FS_PANE),
	V(mouse_x, FT_NUM, FS_MOUSE),
	V(mouse_y, FT_NUM, FS_MOUSE),
	V(mouse_word, FT_STR, FS_MOUSE),
	V(mouse_line, FT_STR, FS_MOUSE),
	V(client_name, FT_STR, FS_CLIENT),
	V(client_tty, FT_STR, FS_CLIENT),
	V(client_pid, FT_NUM, FS_CLIENT),
	V(client_width, FT_NUM, FS_CLIENT),
	V(client_height, FT_NUM, FS_CLIENT),
	V(client_session, FT_STR, FS_CLIENT),
	V(client_termname, FT_STR, FS_CLIENT),
	V(client_readonly, FT_FLAG, FS_CLIENT),
	V(client_prefix, FT_FLAG, FS_CLIENT),
	V(client_key_table, FT_STR, FS_CLIENT),
	V(client_activity, FT_TIME, FS_CLIENT),
	V(client_last_session, FT_STR, FS_CLIENT),
	V(client_cwd, FT_STR, FS_CLIENT),
	V(client_uid, FT_NUM, FS_CLIENT),
	V(client_user, FT_STR, FS_CLIENT),
	V(client_utf8, FT_FLAG, FS_CLIENT),
	V(client_cell_width, FT_NUM, FS_CLIENT),
	V(client_cell_height, FT_NUM, FS_CLIENT),
	V(client_control_mode, FT_FLAG, FS_CLIENT),
	V(client_created, FT_TIME, FS_CLIENT),
	V(client_written, FT_NUM, FS_CLIENT),
	V(client_discarded, FT_NUM, FS_CLIENT),
	V(client_termfeatures, FT_STR, FS_CLIENT),
	V(client_termtype, FT_STR, FS_CLIENT),
	V(client_flags, FT_STR, FS_CLIENT),
	V(buffer_name, FT_STR, FS_BUFFER),
	V(buffer_size, FT_NUM, FS_BUFFER),
	V(buffer_created, FT_TIME, FS_BUFFER),
	V(buffer_sample, FT_STR, FS_BUFFER),
#undef V
};
#define NVARS (sizeof format_vars / sizeof format_vars[0])

/* Lookup is by binary search over an index sorted once: list-panes -a runs
 * a dozen lookups per pane, so a linear scan per lookup adds up. */
static const struct format_var *sorted_vars[NVARS];

static int var_cmp(const void *a, const void *b)
{
	const struct format_var *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

static const struct format_var *var_find(const char *name)
{
	static int sorted;
	size_t lo = 0, hi = NVARS, i;

	if (!sorted) {
		for (i = 0; i < NVARS; i++)
			sorted_vars[i] = &format_vars[i];
		qsort(sorted_vars, NVARS, sizeof sorted_vars[0], var_cmp);
		sorted = 1;
	}
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, sorted_vars[mid]->name);

		if (c == 0)
			return sorted_vars[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int format_known(const char *name)
{
	return var_find(name) != NULL;
}

/* Whether the object a variable belongs to is in the context. */
static int scope_present(const struct format_ctx *fc, enum fv_scope sc)
{
	switch (sc) {
	case FS_SERVER:
		return 1;
	case FS_SESSION:
		return fc->s != NULL;
	case FS_WINDOW:
		return fc->w != NULL;
	case FS_PANE:
		return fc->p != NULL;
	case FS_CLIENT:
		return HAS_CLIENT(fc);
	case FS_BUFFER:
		return fc->b != NULL;
	case FS_TYPE:
		return fc->type != FORMAT_NONE;
	case FS_MOUSE:
		return fc->m != NULL && fc->m->valid;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * UTF-8 and display width
 */

/* Decode one UTF-8 character; returns its length (0 if invalid). */
static size_t utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
	size_t n, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* wcwidth in a UTF-8 locale, whatever the process's locale is. */
static int char_width(uint32_t c)
{
	static locale_t utf8;
	static int tried;
	locale_t old;
	int w;

	if (!tried) {
		tried = 1;
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	if (utf8 == (locale_t)0)
		return 1;
	old = uselocale(utf8);
	w = wcwidth((wchar_t)c);
	uselocale(old);
	return w;
}

/* The next character of s at *i: its width (-1 to skip it) and length. */
static int next_char(const char *s, size_t *len)
{
	uint32_t c;
	int w;

	if ((unsigned char)*s < 0x80) {
		*len = 1;
		return (*s > 0x1f && *s < 0x7f) ? 1 : -1;
	}
	*len = utf8_decode((const unsigned char *)s, strlen(s), &c);
	if (*len == 0) {
		*len = 1;
		return -1;
	}
	w = char_width(c);
	return w < 0 ? -1 : w;
}

static const char *format_skip(const char *s, const char *end);

/* Display width, "#[style]" counting for nothing (tmux's format_width). */
static size_t text_width(const char *s)
{
	size_t width = 0, len;
	int w;

	while (*s != '\0') {
		if (s[0] == '#' && s[1] == '[') {
			const char *e = format_skip(s + 2, "]");

			if (e == NULL)
				return 0;
			s = e + 1;
			continue;
		}
		w = next_char(s, &len);
		if (w > 0)
			width += (size_t)w;
		s += len;
	}
	return width;
}

/* The leading characters of s that fit in limit columns. */
static char *trim_left(const char *s, size_t limit)
{
	struct buf out;
	size_t width = 0, len;
	int w;

	buf_init(&out);
	while (*s != '\0' && width < limit) {
		if (s[0] == '#' && s[1] == '[') {
			const char *e = format_skip(s + 2, "]");

			if (e == NULL)
				break;
			buf_add(&out, s, (size_t)(e + 1 - s));
			s = e + 1;
			continue;
		}
		w = next_char(s, &len);
		if (w >= 0 && width + (size_t)w <= limit)
			buf_add(&out, s, len);
		if (w > 0)
			width += (size_t)w;
		s += len;
	}
	return buf_detach(&out);
}

/* The trailing characters of s that fit in limit columns. */
static char *trim_right(const char *s, size_t limit)
{
	size_t total = text_width(s), skip, width = 0, len;
	struct buf out;
	int w;

	if (total <= limit)
		return xstrdup(s);
	skip = total - limit;
	buf_init(&out);
	while (*s != '\0') {
		if (s[0] == '#' && s[1] == '[') {
			const char *e = format_skip(s + 2, "]");

			if (e == NULL)
				break;
			buf_add(&out, s, (size_t)(e + 1 - s));
			s = e + 1;
			continue;
		}
		w = next_char(s, &len);
		if (w >= 0 && width >= skip)
			buf_add(&out, s, len);
		if (w > 0)
			width += (size_t)w;
		s += len;
	}
	return buf_detach(&out);
}

/* Pad with spaces to width columns: on the right (width > 0) or left. */
static char *pad(const char *s, long width)
{
	size_t have = text_width(s), want = (size_t)(width < 0 ? -width : width);
	struct buf out;

	if (have >= want)
		return xstrdup(s);
	buf_init(&out);
	if (width > 0)
		buf_adds(&out, s);
	for (; have < want; have++)
		buf_addc(&out, ' ');
	if (width < 0)
		buf_adds(&out, s);
	return buf_detach(&out);
}

/* ------------------------------------------------------------------------
 * Expansion
 */

#define FORMAT_LOOP_LIMIT 100

struct fstate {
	const struct format_ctx *fc;
	int time;  /* pass formats through strftime first (T: and status) */
	int depth; /* nesting, bounded so a self-referencing option ends */
	time_t now;
	struct tm tm;
	struct buf *trace; /* display-message -v: what expansion does, or NULL */
};

/* One line of the -v trace, indented by nesting as tmux's: "# …". */
static void trace(const struct fstate *es, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void trace(const struct fstate *es, const char *fmt, ...)
{
	va_list ap;

	if (es->trace == NULL)
		return;
	buf_printf(es->trace, "#%*s", es->depth > 0 ? es->depth : 1, "");
	va_start(ap, fmt);
	buf_vprintf(es->trace, fmt, ap);
	va_end(ap);
	buf_addc(es->trace, '\n');
}

enum {
	M_LITERAL = 1 << 0,
	M_BASENAME = 1 << 1,
	M_DIRNAME = 1 << 2,
	M_QUOTE = 1 << 3,
	M_QUOTE_STYLE = 1 << 4,
	M_EXPAND = 1 << 5,
	M_EXPAND_TIME = 1 << 6,
	M_TIME = 1 << 7,
	M_PRETTY = 1 << 8,
	M_LENGTH = 1 << 9,
	M_WIDTH = 1 << 10,
	M_SESSIONS = 1 << 11,
	M_WINDOWS = 1 << 12,
	M_PANES = 1 << 13,
	M_CLIENTS = 1 << 14,
	M_CHARACTER = 1 << 15,
	M_COLOUR = 1 << 16,
};

#define MAX_MODS 16
#define MAX_ARGS 4

struct fmod {
	char name[3];
	int argc;
	char *argv[MAX_ARGS];
};

static char *expand1(struct fstate *es, const char *fmt);

/*
 * Find the first character of end at nesting level zero, skipping #{…}
 * and the escapes "#," "##" "#{" "#}" "#:" (tmux's format_skip).
 */
static const char *format_skip(const char *s, const char *end)
{
	int brackets = 0;

	for (; *s != '\0'; s++) {
		if (s[0] == '#' && s[1] == '{')
			brackets++;
		if (s[0] == '#' && s[1] != '\0' && strchr(",#{}:", s[1]) != NULL) {
			s++;
			continue;
		}
		if (*s == '}')
			brackets--;
		if (strchr(end, *s) != NULL && brackets == 0)
			break;
	}
	return *s == '\0' ? NULL : s;
}

static int is_end(char c)
{
	return c == ';' || c == ':';
}

static void mods_free(struct fmod *list, int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < list[i].argc; j++)
			free(list[i].argv[j]);
	}
}

static void mod_add(struct fmod *m, const char *name, size_t len)
{
	memset(m, 0, sizeof *m);
	memcpy(m->name, name, len);
}

static void mod_arg(struct fstate *es, struct fmod *m, const char *s, size_t len)
{
	char *raw;

	if (m->argc == MAX_ARGS)
		return;
	raw = xstrndup(s, len);
	m->argv[m->argc++] = expand1(es, raw);
	free(raw);
}

/* A modifier with arguments: "=5", "=-5", or "/a/b/" with any punctuation. */
static const char *mod_args(struct fstate *es, struct fmod *m, const char *cp)
{
	const char *end;
	char sep[4] = "X;:"; /* an argument also ends at the end of the modifier */

	if (!ispunct((unsigned char)cp[1]) || cp[1] == '-') {
		end = format_skip(cp + 1, ":;");
		if (end == NULL)
			return NULL;
		mod_arg(es, m, cp + 1, (size_t)(end - cp - 1));
		return end;
	}
	sep[0] = cp[1];
	cp++;
	do {
		if (cp[0] == sep[0] && is_end(cp[1])) {
			cp++;
			break;
		}
		end = format_skip(cp + 1, sep);
		if (end == NULL)
			break;
		cp++;
		mod_arg(es, m, cp, (size_t)(end - cp));
		cp = end;
	} while (!is_end(cp[0]));
	return cp;
}

/*
 * Parse "mod;mod:" at the start of *s. Returns the number of modifiers and
 * moves *s past the ':'; with no well-formed list, 0 and *s unchanged.
 */
static int mods_parse(struct fstate *es, const char **s, struct fmod *list)
{
	const char *cp = *s, *next;
	int n = 0;

	while (*cp != '\0' && *cp != ':' && n < MAX_MODS) {
		if (*cp == ';')
			cp++;
		if (*cp != '\0' && strchr("labcdnwETSWPL<>", *cp) != NULL && is_end(cp[1])) {
			mod_add(&list[n++], cp, 1);
			cp++;
			continue;
		}
		if ((strncmp(cp, "||", 2) == 0 || strncmp(cp, "&&", 2) == 0 ||
		     strncmp(cp, "!=", 2) == 0 || strncmp(cp, "==", 2) == 0 ||
		     strncmp(cp, "<=", 2) == 0 || strncmp(cp, ">=", 2) == 0) &&
		    is_end(cp[2])) {
			mod_add(&list[n++], cp, 2);
			cp += 2;
			continue;
		}
		if (*cp == '\0' || strchr("mCNst=peq", *cp) == NULL)
			break;
		mod_add(&list[n], cp, 1);
		if (is_end(cp[1])) {
			n++;
			cp++;
			continue;
		}
		next = mod_args(es, &list[n++], cp);
		if (next == NULL)
			break;
		cp = next;
	}
	if (*cp != ':') {
		mods_free(list, n);
		return 0;
	}
	*s = cp + 1;
	return n;
}

static int is_true(const char *v)
{
	return v != NULL && *v != '\0' && (v[0] != '0' || v[1] != '\0');
}

/* Split "left,right" at the first top-level comma; expand both if asked. */
static int choose(struct fstate *es, const char *s, char **left, char **right, int expand)
{
	const char *cp = format_skip(s, ",");
	char *l, *r;

	if (cp == NULL)
		return -1;
	l = xstrndup(s, (size_t)(cp - s));
	r = xstrdup(cp + 1);
	if (expand) {
		*left = expand1(es, l);
		*right = expand1(es, r);
		free(l);
		free(r);
	} else {
		*left = l;
		*right = r;
	}
	return 0;
}

static char *quote_shell(const char *s)
{
	struct buf out;

	buf_init(&out);
	for (; *s != '\0'; s++) {
		if (strchr("|&;<>()$`\\\"'*?[# =%", *s) != NULL)
			buf_addc(&out, '\\');
		buf_addc(&out, *s);
	}
	return buf_detach(&out);
}

static char *quote_style(const char *s)
{
	struct buf out;

	buf_init(&out);
	for (; *s != '\0'; s++) {
		if (*s == '#')
			buf_addc(&out, '#');
		buf_addc(&out, *s);
	}
	return buf_detach(&out);
}

/* tmux's short times: the time today, the day this month, else the date. */
static char *pretty_time(time_t t)
{
	time_t now = time(NULL), age;
	struct tm now_tm, tm;
	char s[32];

	if (now < t)
		now = t;
	age = now - t;
	localtime_r(&now, &now_tm);
	localtime_r(&t, &tm);
	if (age < 24 * 3600)
		strftime(s, sizeof s, "%H:%M", &tm);
	else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon == now_tm.tm_mon) ||
		 age < 28 * 24 * 3600)
		strftime(s, sizeof s, "%a%d", &tm);
	else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon < now_tm.tm_mon) ||
		 (tm.tm_year == now_tm.tm_year - 1 && tm.tm_mon > now_tm.tm_mon))
		strftime(s, sizeof s, "%d%b", &tm);
	else
		strftime(s, sizeof s, "%h%y", &tm);
	return xstrdup(s);
}

static char *time_string(const char *value, int mods, const char *time_format)
{
	char *end, s[256];
	long long v;
	time_t t;
	struct tm tm;

	v = strtoll(value, &end, 10);
	if (*value == '\0' || *end != '\0' || v <= 0)
		return NULL;
	t = (time_t)v;
	if (mods & M_PRETTY)
		return pretty_time(t);
	localtime_r(&t, &tm);
	if (time_format != NULL) {
		if (strftime(s, sizeof s, time_format, &tm) == 0)
			s[0] = '\0';
	} else {
		/* ctime(3)'s layout, without its newline. */
		strftime(s, sizeof s, "%a %b %e %H:%M:%S %Y", &tm);
	}
	return xstrdup(s);
}

static char *path_part(char *found, int dir)
{
	char *copy = xstrdup(found), *r;

	r = xstrdup(dir ? dirname(copy) : basename(copy));
	free(copy);
	free(found);
	return r;
}

/* An option as tmux shows it in formats: on/off flags as 1/0. */
static char *option_value(const struct options *o, const char *name)
{
	const char *v = options_string(o, name);

	if (options_def(name)->type == OPTION_FLAG)
		return xstrdup(strcmp(v, "on") == 0 ? "1" : "0");
	return xstrdup(v);
}

/* The session of the context, if any. */
static struct session *fc_session(const struct format_ctx *fc)
{
	if (fc->s != NULL)
		return fc->s;
	if (fc->w != NULL)
		return fc->w->session;
	return fc->p != NULL && fc->p->window != NULL ? fc->p->window->session : NULL;
}

/* An option as the context sees it, as tmux looks them up: a window or pane
 * option in the pane's (or window's) set, a session option in the session's,
 * a user option in the first of pane, window, session and global that has it. */
static struct options *option_set_for(const struct format_ctx *fc, const char *name)
{
	struct session *s = fc_session(fc);
	struct window *w = fc->w != NULL ? fc->w : fc->p != NULL ? fc->p->window : NULL;
	const struct option_def *d = options_def(name);
	struct options *sets[4];
	int n = 0, i;

	if (fc->p != NULL && fc->p->window != NULL)
		sets[n++] = pane_options(fc->p);
	if (w != NULL)
		sets[n++] = window_options(w);
	if (s != NULL)
		sets[n++] = session_options(s);
	sets[n++] = fc->srv->options;
	if (d == NULL) {
		for (i = 0; i < n; i++) {
			if (options_is_set(sets[i], name))
				return sets[i];
		}
		return NULL;
	}
	switch (options_scope(d)) {
	case OPTION_SESSION:
		return s != NULL ? session_options(s) : fc->srv->options;
	case OPTION_SERVER:
		return fc->srv->options;
	default:
		return sets[0];
	}
}

static char *option_for(const struct format_ctx *fc, const char *name)
{
	struct options *o = option_set_for(fc, name);

	if (o == NULL)
		return NULL;
	if (options_def(name) == NULL)
		return xstrdup(options_string(o, name));
	return option_value(o, name);
}

static const char *extra_var(const struct format_ctx *fc, const char *key)
{
	for (int i = 0; i < fc->nextra; i++) {
		if (strcmp(fc->extra[2 * i], key) == 0)
			return fc->extra[2 * i + 1];
	}
	return NULL;
}

/* The value of a variable or option key, with b: d: q: t: applied. */
static char *format_find(struct fstate *es, const char *key, int mods, const char *time_format)
{
	const struct format_var *v = var_find(key);
	const struct format_ctx *fc = es->fc;
	char *found = NULL, *r;
	const char *hv;

	if ((hv = extra_var(fc, key)) != NULL)
		found = xstrdup(hv);
	else if (fc->srv != NULL && (hv = hooks_var(fc->srv, key, fc->p)) != NULL)
		found = xstrdup(hv);
	else if (v != NULL)
		found = v->fn(fc);
	else if (!(mods & M_TIME) && fc->srv != NULL && fc->srv->options != NULL &&
		 (options_def(key) != NULL || key[0] == '@'))
		found = option_for(fc, key);
	if (found == NULL) {
		trace(es, "format '%s' not found", key);
		return NULL;
	}
	trace(es, "format '%s' found: %s", key, found);
	if (mods & M_TIME) {
		r = time_string(found, mods, time_format);
		free(found);
		trace(es, "applied time: %s", r != NULL ? r : "");
		return r;
	}
	if (mods & M_BASENAME)
		found = path_part(found, 0);
	if (mods & M_DIRNAME)
		found = path_part(found, 1);
	if (mods & (M_QUOTE | M_QUOTE_STYLE)) {
		r = (mods & M_QUOTE) ? quote_shell(found) : quote_style(found);
		free(found);
		found = r;
	}
	if (mods & (M_BASENAME | M_DIRNAME | M_QUOTE | M_QUOTE_STYLE))
		trace(es, "applied %s: %s",
		      (mods & M_BASENAME)  ? "basename"
		      : (mods & M_DIRNAME) ? "dirname"
					   : "quoting",
		      found);
	return found;
}

static char *match(const struct fmod *m, const char *pattern, const char *text)
{
	const char *flags = m->argc >= 1 ? m->argv[0] : "";
	regex_t r;
	int ok;

	if (strchr(flags, 'r') == NULL)
		return xstrdup(fnmatch(pattern, text, strchr(flags, 'i') ? FNM_CASEFOLD : 0) == 0
				       ? "1"
				       : "0");
	if (regcomp(&r, pattern, REG_EXTENDED | REG_NOSUB | (strchr(flags, 'i') ? REG_ICASE : 0)) !=
	    0)
		return xstrdup("0");
	ok = regexec(&r, text, 0, NULL, 0) == 0;
	regfree(&r);
	return xstrdup(ok ? "1" : "0");
}

/* Whether one line matches: a glob searched anywhere, or a regex. */
static int line_matches(const char *line, const char *glob, const regex_t *re, int fold)
{
	if (re != NULL)
		return regexec(re, line, 0, NULL, 0) == 0;
	return fnmatch(glob, line, fold ? FNM_CASEFOLD : 0) == 0;
}

/* #{C:pattern}: the number (from 1) of the first visible line of the pane
 * holding the pattern, 0 if none does (tmux's window_pane_search). */
static char *search(const struct fmod *m, struct pane *p, const char *pattern)
{
	const char *flags = m->argc >= 1 ? m->argv[0] : "";
	int fold = strchr(flags, 'i') != NULL, regex = strchr(flags, 'r') != NULL;
	char *text, *line, *next, *glob = NULL;
	regex_t r;
	size_t len;
	int n = 0, found = 0;

	if (p == NULL || p->grid == NULL)
		return xstrdup("0");
	if (regex && regcomp(&r, pattern, REG_EXTENDED | REG_NOSUB | (fold ? REG_ICASE : 0)) != 0)
		return xstrdup("0");
	if (!regex)
		glob = xasprintf("*%s*", pattern);
	text = grid_capture(p->grid, 0, grid_rows(p->grid) - 1, 0, &len);
	for (line = text; !found && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		n++;
		found = line_matches(line, glob, regex ? &r : NULL, fold);
	}
	free(text);
	free(glob);
	if (regex)
		regfree(&r);
	return found ? xasprintf("%d", n) : xstrdup("0");
}

/* Append the replacement, with \0..\9 standing for the match's groups. */
static void sub_expand(struct buf *out, const char *with, const char *text, const regmatch_t *m,
		       int n)
{
	const char *cp;

	for (cp = with; *cp != '\0'; cp++) {
		if (*cp == '\\') {
			cp++;
			if (*cp >= '0' && *cp <= '9') {
				int i = *cp - '0';

				if (i < n && m[i].rm_so != m[i].rm_eo) {
					buf_add(out, text + m[i].rm_so,
						(size_t)(m[i].rm_eo - m[i].rm_so));
					continue;
				}
			}
			if (*cp == '\0')
				break;
		}
		buf_addc(out, *cp);
	}
}

/* Replace every match of pattern in text (tmux's regsub, same empty-match rules). */
static char *regsub(const char *pattern, const char *with, const char *text, int flags)
{
	regmatch_t m[10];
	regoff_t start = 0, last = 0, end = (regoff_t)strlen(text);
	int empty = 0;
	struct buf out;
	regex_t r;

	if (*text == '\0')
		return xstrdup("");
	if (regcomp(&r, pattern, flags) != 0)
		return NULL;
	buf_init(&out);
	while (start <= end) {
		if (regexec(&r, text + start, 10, m, 0) != 0)
			break;
		buf_add(&out, text + last, (size_t)(start + m[0].rm_so - last));
		if (empty || start + m[0].rm_so != last || m[0].rm_so != m[0].rm_eo) {
			sub_expand(&out, with, text + start, m, 10);
			last = start + m[0].rm_eo;
			start += m[0].rm_eo;
			empty = 0;
		} else {
			last = start + m[0].rm_eo;
			start += m[0].rm_eo + 1;
			empty = 1;
		}
		if (*pattern == '^')
			break;
	}
	if (last < end)
		buf_add(&out, text + last, (size_t)(end - last));
	regfree(&r);
	return buf_detach(&out);
}

static char *substitute(struct fstate *es, const struct fmod *m, char *value)
{
	char *pattern = expand1(es, m->argv[0]), *with = expand1(es, m->argv[1]), *r;
	int flags = REG_EXTENDED;

	if (m->argc >= 3 && strchr(m->argv[2], 'i') != NULL)
		flags |= REG_ICASE;
	r = regsub(pattern, with, value, flags);
	trace(es, "substitute '%s' to '%s': %s", pattern, with, r != NULL ? r : value);
	free(pattern);
	free(with);
	if (r == NULL)
		return value;
	free(value);
	return r;
}

static double fabs_(double d)
{
	return d < 0 ? -d : d;
}

/* Parse a whole string as a number (strtod); -1 if it is not one. */
static int number(const char *s, double *d)
{
	char *end;

	*d = strtod(s, &end);
	return *end == '\0' ? 0 : -1;
}

/* Truncate to an integer as tmux's (long long) cast does on x86-64, where a
 * value out of range (or NaN) becomes LLONG_MIN; in C that cast is undefined. */
static double to_int(double d)
{
	if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
		return (double)LLONG_MIN;
	return (double)(long long)d;
}

static int arith(const char *op, double a, double b, double *r)
{
	if (strcmp(op, "+") == 0)
		*r = a + b;
	else if (strcmp(op, "-") == 0)
		*r = a - b;
	else if (strcmp(op, "*") == 0)
		*r = a * b;
	else if (strcmp(op, "/") == 0)
		*r = a / b;
	else if (strcmp(op, "%") == 0 || strcmp(op, "m") == 0)
		*r = b == 0 ? (a * b) / (a * b) : a - b * to_int(a / b); /* fmod(a, 0) is NaN */
	else if (strcmp(op, "==") == 0)
		*r = fabs_(a - b) < 1e-9;
	else if (strcmp(op, "!=") == 0)
		*r = fabs_(a - b) > 1e-9;
	else if (strcmp(op, ">") == 0)
		*r = a > b;
	else if (strcmp(op, ">=") == 0)
		*r = a >= b;
	else if (strcmp(op, "<") == 0)
		*r = a < b;
	else if (strcmp(op, "<=") == 0)
		*r = a <= b;
	else
		return -1;
	return 0;
}

/* #{e|op|flags|precision:a,b}; NULL on any error (tmux then prints ""). */
static char *expression(struct fstate *es, const struct fmod *m, const char *copy)
{
	int fp = 0, prec = 0;
	double a, b, r;
	char *left, *right, *value = NULL;

	if (m->argc < 1 || m->argc > 3)
		return NULL;
	if (m->argc >= 2 && strchr(m->argv[1], 'f') != NULL) {
		fp = 1;
		prec = 2;
	}
	if (m->argc >= 3) {
		char *end;
		long p = strtol(m->argv[2], &end, 10);

		/* A negative precision is printf's default, as in tmux. */
		if (*m->argv[2] == '\0' || *end != '\0' || p < INT_MIN || p > 1000)
			return NULL;
		prec = (int)p;
	}
	if (choose(es, copy, &left, &right, 1) != 0)
		return NULL;
	trace(es, "expression left side is: %s", left);
	trace(es, "expression right side is: %s", right);
	if (number(left, &a) == 0 && number(right, &b) == 0) {
		if (!fp) {
			a = to_int(a);
			b = to_int(b);
		}
		if (arith(m->argv[0], a, b, &r) == 0) {
			if (!fp)
				r = to_int(r);
			value = xasprintf("%.*f", prec, r);
		}
	}
	trace(es, "expression result is %s", value != NULL ? value : "invalid");
	free(left);
	free(right);
	return value;
}

static char *compare(const char *op, const char *l, const char *r)
{
	int c = strcmp(l, r), v;

	if (strcmp(op, "||") == 0)
		v = is_true(l) || is_true(r);
	else if (strcmp(op, "&&") == 0)
		v = is_true(l) && is_true(r);
	else if (strcmp(op, "==") == 0)
		v = c == 0;
	else if (strcmp(op, "!=") == 0)
		v = c != 0;
	else if (strcmp(op, "<") == 0)
		v = c < 0;
	else if (strcmp(op, ">") == 0)
		v = c > 0;
	else if (strcmp(op, "<=") == 0)
		v = c <= 0;
	else
		v = c >= 0;
	return xstrdup(v ? "1" : "0");
}

static char *expand_ctx(struct fstate *es, const struct format_ctx *fc, const char *fmt)
{
	struct fstate next = *es;

	next.fc = fc;
	return expand1(&next, fmt);
}

/* #{S:…} #{W:…} #{P:…} #{L:…}: NULL when the object to loop in is missing. */
static char *loop(struct fstate *es, int which, const char *fmt)
{
	const struct format_ctx *fc = es->fc;
	struct format_ctx nfc;
	char *all, *active = NULL, *v;
	struct buf out;

	if ((which == M_WINDOWS && fc->s == NULL) || (which == M_PANES && fc->w == NULL))
		return NULL;
	/* tmux has no current-item form for sessions. */
	if (which == M_SESSIONS || choose(es, fmt, &all, &active, 0) != 0) {
		all = xstrdup(fmt);
		active = NULL;
	}
	buf_init(&out);
	if (which == M_SESSIONS) {
		for (struct session *s = fc->srv->sessions; s != NULL; s = s->next) {
			format_ctx_session(&nfc, fc->srv, s);
			nfc.c = fc->c;
			nfc.m = fc->m;
			v = expand_ctx(es, &nfc, all);
			buf_adds(&out, v);
			free(v);
		}
	} else if (which == M_WINDOWS) {
		for (struct window *w = fc->s->windows; w != NULL; w = w->next) {
			format_ctx_window(&nfc, fc->srv, w);
			nfc.c = fc->c;
			nfc.m = fc->m;
			v = expand_ctx(es, &nfc,
				       active != NULL && w == fc->s->current ? active : all);
			buf_adds(&out, v);
			free(v);
		}
	} else if (which == M_PANES) {
		for (struct pane *p = fc->w->panes; p != NULL; p = p->next) {
			format_ctx_pane(&nfc, fc->srv, p);
			nfc.c = fc->c;
			nfc.m = fc->m;
			v = expand_ctx(es, &nfc,
				       active != NULL && p == fc->w->active ? active : all);
			buf_adds(&out, v);
			free(v);
		}
	} else {
		for (struct peer *c = fc->srv->peers; c != NULL; c = c->next) {
			if (c->state != PEER_ATTACHED)
				continue;
			nfc = *fc;
			nfc.c = c;
			nfc.m = fc->m;
			v = expand_ctx(es, &nfc, active != NULL && c == fc->c ? active : all);
			buf_adds(&out, v);
			free(v);
		}
	}
	free(all);
	free(active);
	return buf_detach(&out);
}

/* #{?cond,a,b}: cond a variable, or a format that must expand to something. */
static char *conditional(struct fstate *es, const char *copy, int mods, const char *time_format)
{
	const char *cp = format_skip(copy + 1, ",");
	char *cond, *found, *left, *right, *value;

	if (cp == NULL)
		return NULL;
	cond = xstrndup(copy + 1, (size_t)(cp - copy - 1));
	trace(es, "condition is: %s", cond);
	/* a format (not a variable name) is expanded without a lookup */
	found = strchr(cond, '#') == NULL ? format_find(es, cond, mods, time_format) : NULL;
	if (found == NULL) {
		found = expand1(es, cond);
		if (strcmp(found, cond) == 0) {
			free(found);
			found = xstrdup("");
		}
	}
	trace(es, "condition '%s' is %s", cond, is_true(found) ? "true" : "false");
	value = NULL;
	if (choose(es, cp + 1, &left, &right, 0) == 0) {
		value = expand1(es, is_true(found) ? left : right);
		free(left);
		free(right);
	}
	free(found);
	free(cond);
	return value;
}

struct replace {
	int mods;
	long limit, width;
	const char *marker, *time_format;
	const struct fmod *cmp, *expr, *search, *exists;
	const struct fmod *subs[MAX_MODS];
	int nsub;
};

static void replace_note(struct replace *r, const struct fmod *m)
{
	static const char flags[] = "lbdnwETSWPLac";
	static const int bits[] = {M_LITERAL, M_BASENAME,    M_DIRNAME,	 M_LENGTH,  M_WIDTH,
				   M_EXPAND,  M_EXPAND_TIME, M_SESSIONS, M_WINDOWS, M_PANES,
				   M_CLIENTS, M_CHARACTER,   M_COLOUR};
	const char *f;
	char c = m->name[0];

	if (m->name[1] != '\0' || c == 'm' || c == '<' || c == '>') {
		r->cmp = m;
		return;
	}
	if ((f = strchr(flags, c)) != NULL) {
		r->mods |= bits[f - flags];
	} else if (c == 's' && m->argc >= 2) {
		r->subs[r->nsub++] = m;
	} else if (c == 'C') {
		r->search = m;
	} else if (c == 'N') {
		r->exists = m;
	} else if (c == '=' && m->argc >= 1) {
		r->limit = strtol(m->argv[0], NULL, 10);
		r->marker = m->argc >= 2 ? m->argv[1] : NULL;
	} else if (c == 'p' && m->argc >= 1) {
		r->width = strtol(m->argv[0], NULL, 10);
	} else if (c == 'e' && m->argc >= 1 && m->argc <= 3) {
		r->expr = m;
	} else if (c == 't') {
		r->mods |= M_TIME;
		if (m->argc >= 1 && strchr(m->argv[0], 'p') != NULL)
			r->mods |= M_PRETTY;
		else if (m->argc >= 2 && strchr(m->argv[0], 'f') != NULL)
			r->time_format = m->argv[1];
	} else if (c == 'q') {
		if (m->argc < 1)
			r->mods |= M_QUOTE;
		else if (strchr(m->argv[0], 'e') != NULL || strchr(m->argv[0], 'h') != NULL)
			r->mods |= M_QUOTE_STYLE;
	}
}

/* c: the colour the expanded argument names as six hex digits of RGB, or
 * nothing (default, not a colour), as tmux. */
static char *colour_hex(struct fstate *es, const char *arg)
{
	char *v = expand1(es, arg);
	long rgb = style_colour_rgb(v);

	free(v);
	return rgb < 0 ? xstrdup("") : xasprintf("%06lx", rgb);
}

/* N: 1 if a window of the current session (N/w, the default) or a session
 * (N/s) has the expanded argument as its name, else 0. */
static char *name_exists(struct fstate *es, const struct fmod *m, const char *arg)
{
	const struct format_ctx *fc = es->fc;
	char *name = expand1(es, arg);
	int found = 0;

	if (m->argc >= 1 && strchr(m->argv[0], 's') != NULL) {
		found = fc->srv != NULL && session_find(fc->srv, name) != NULL;
	} else if (fc->s != NULL) {
		for (struct window *w = fc->s->windows; w != NULL && !found; w = w->next)
			found = w->name != NULL && strcmp(w->name, name) == 0;
	}
	free(name);
	return xstrdup(found ? "1" : "0");
}

/* a: the printable ASCII character whose code the expanded argument is, or
 * nothing (as tmux: a number from 32 to 126). */
static char *character(struct fstate *es, const char *arg)
{
	char *v = expand1(es, arg), *end;
	long code = strtol(v, &end, 10);
	int ok = *v != '\0' && *end == '\0' && code >= 32 && code <= 126;

	trace(es, "character: %s", v);
	free(v);
	return ok ? xasprintf("%c", (int)code) : xstrdup("");
}

/* The value before the modifiers that act on any value; NULL is a syntax error. */
static char *replace_value(struct fstate *es, struct replace *r, const char *copy)
{
	char *left, *right, *v;
	static const int loops[] = {M_SESSIONS, M_WINDOWS, M_PANES, M_CLIENTS};
	size_t i;

	if (r->mods & M_LITERAL)
		return xstrdup(copy);
	for (i = 0; i < sizeof loops / sizeof loops[0]; i++) {
		static const char *const names[] = {"session", "window", "pane", "client"};

		if (r->mods & loops[i]) {
			trace(es, "%s loop: %s", names[i], copy);
			return loop(es, loops[i], copy);
		}
	}
	if (r->mods & M_CHARACTER)
		return character(es, copy);
	if (r->mods & M_COLOUR)
		return colour_hex(es, copy);
	if (r->exists != NULL)
		return name_exists(es, r->exists, copy);
	if (r->cmp != NULL) {
		if (choose(es, copy, &left, &right, 1) != 0)
			return NULL;
		trace(es, "%s %s left is: %s", r->cmp->name[0] == 'm' ? "match" : "compare",
		      r->cmp->name, left);
		trace(es, "%s %s right is: %s", r->cmp->name[0] == 'm' ? "match" : "compare",
		      r->cmp->name, right);
		if (r->cmp->name[0] == 'm' && r->cmp->name[1] == '\0')
			v = match(r->cmp, left, right);
		else
			v = compare(r->cmp->name, left, right);
		free(left);
		free(right);
		return v;
	}
	if (r->search != NULL) {
		left = expand1(es, copy);
		trace(es, "search '%s' in pane", left);
		v = search(r->search, es->fc->p, left);
		free(left);
		return v;
	}
	if (*copy == '?')
		return conditional(es, copy, r->mods, r->time_format);
	if (r->expr != NULL) {
		v = expression(es, r->expr, copy);
		return v != NULL ? v : xstrdup("");
	}
	if (strstr(copy, "#{") != NULL)
		return expand1(es, copy);
	v = format_find(es, copy, r->mods, r->time_format);
	return v != NULL ? v : xstrdup("");
}

/* E:/T:, s///, =N, pN, n:, w: in tmux's order. */
static char *replace_post(struct fstate *es, struct replace *r, char *value)
{
	char *n;
	int i;

	if (r->mods & (M_EXPAND | M_EXPAND_TIME)) {
		struct fstate next = *es;

		if (r->mods & M_EXPAND_TIME)
			next.time = 1;
		n = expand1(&next, value);
		free(value);
		value = n;
	}
	for (i = 0; i < r->nsub; i++)
		value = substitute(es, r->subs[i], value);
	if (r->limit != 0) {
		n = r->limit > 0 ? trim_left(value, (size_t)r->limit)
				 : trim_right(value, (size_t)-r->limit);
		if (r->marker != NULL && strcmp(n, value) != 0) {
			free(value);
			value = r->limit > 0 ? xasprintf("%s%s", n, r->marker)
					     : xasprintf("%s%s", r->marker, n);
			free(n);
		} else {
			free(value);
			value = n;
		}
		trace(es, "applied length limit %ld: %s", r->limit, value);
	}
	if (r->width != 0) {
		n = pad(value, r->width);
		free(value);
		value = n;
		trace(es, "applied padding width %ld: %s", r->width, value);
	}
	if (r->mods & M_LENGTH) {
		n = xasprintf("%zu", strlen(value));
		free(value);
		value = n;
		trace(es, "replacing with length: %s", value);
	}
	if (r->mods & M_WIDTH) {
		n = xasprintf("%zu", text_width(value));
		free(value);
		value = n;
		trace(es, "replacing with width: %s", value);
	}
	return value;
}

/* Expand the inside of one #{…} into out; -1 on a syntax error. */
static int replace(struct fstate *es, const char *key, size_t keylen, struct buf *out)
{
	char *copy0 = xstrndup(key, keylen), *value;
	const char *copy = copy0;
	struct fmod list[MAX_MODS];
	struct replace r;
	int n, i;

	memset(&r, 0, sizeof r);
	n = mods_parse(es, &copy, list);
	for (i = 0; i < n; i++) {
		trace(es, "modifier %d is %s", i, list[i].name);
		for (int j = 0; j < list[i].argc; j++)
			trace(es, "modifier %d argument %d: %s", i, j, list[i].argv[j]);
		replace_note(&r, &list[i]);
	}
	value = replace_value(es, &r, copy);
	if (value != NULL) {
		value = replace_post(es, &r, value);
		trace(es, "replaced '%s' with '%s'", copy0, value);
		buf_adds(out, value);
		free(value);
	} else {
		trace(es, "invalid #{%s}: expansion stops here", copy0);
	}
	mods_free(list, n);
	free(copy0);
	return value != NULL ? 0 : -1;
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

/* strftime the whole format, as tmux does before expanding status strings. */
static char *expand_strftime(struct fstate *es, const char *fmt)
{
	size_t size = strlen(fmt) * 4 + 256;
	char *out;

	if (*fmt == '\0')
		return xstrdup("");
	if (es->now == 0) {
		es->now = time(NULL);
		localtime_r(&es->now, &es->tm);
	}
	out = xmalloc(size);
	if (strftime(out, size, fmt, &es->tm) == 0)
		out[0] = '\0';
	return out;
}

/* One "#…" sequence at fmt (just past the '#'); returns where to go on, or
 * NULL when the expansion must stop (tmux drops the rest). */
/* #(command): the last line the command wrote (format_job.h), the command
 * expanded first; parentheses nest. Without its ) it stays as it is. */
static const char *expand_job(struct fstate *es, const char *fmt, struct buf *out)
{
	const char *end = fmt;
	char *command, *expanded, *line;
	int depth = 1;

	for (; *end != '\0'; end++) {
		if (*end == '(')
			depth++;
		else if (*end == ')' && --depth == 0)
			break;
	}
	if (*end != ')') {
		buf_adds(out, "#(");
		return fmt;
	}
	command = xstrndup(fmt, (size_t)(end - fmt));
	expanded = expand1(es, command);
	trace(es, "found #(): %s", expanded);
	line = format_job_get(es->fc->srv, es->fc->c, expanded);
	buf_adds(out, line);
	free(line);
	free(expanded);
	free(command);
	return end + 1;
}

static const char *expand_hash(struct fstate *es, const char *fmt, struct buf *out)
{
	const char *end, *name, *p;
	char ch = *fmt++;

	switch (ch) {
	case '{':
		end = format_skip(fmt - 2, "}");
		if (end == NULL) {
			trace(es, "no terminating } at: %s", fmt - 2);
			return NULL;
		}
		trace(es, "found #{}: %.*s", (int)(end - fmt), fmt);
		if (replace(es, fmt, (size_t)(end - fmt), out) != 0)
			return NULL;
		return end + 1;
	case '(':
		return expand_job(es, fmt, out);
	case '#':
		/* "##[" (two or more #) is a style for the status line: keep it. */
		for (p = fmt; *p == '#'; p++)
			;
		if (*p == '[') {
			buf_add(out, fmt - 2, (size_t)(p - fmt) + 2);
			return p;
		}
		/* FALLTHROUGH */
	case '}':
	case ',':
		trace(es, "found #%c", ch);
		buf_addc(out, ch);
		return fmt;
	}
	name = shorthand(ch);
	if (name != NULL)
		trace(es, "found #%c: %s", ch, name);
	if (name == NULL) {
		buf_addc(out, '#');
		if (ch != '\0')
			buf_addc(out, ch);
		return ch == '\0' ? fmt - 1 : fmt;
	}
	replace(es, name, strlen(name), out);
	return fmt;
}

static char *expand1(struct fstate *es, const char *fmt)
{
	struct buf out;
	char *timed = NULL;

	if (fmt == NULL || *fmt == '\0' || es->depth >= FORMAT_LOOP_LIMIT)
		return xstrdup("");
	es->depth++;
	trace(es, "expanding format: %s", fmt);
	if (es->time) {
		timed = expand_strftime(es, fmt);
		if (strcmp(timed, fmt) != 0)
			trace(es, "after time expanded: %s", timed);
		fmt = timed;
	}
	buf_init(&out);
	while (fmt != NULL && *fmt != '\0') {
		const char *hash = strchr(fmt, '#');

		if (hash == NULL) {
			buf_adds(&out, fmt);
			break;
		}
		buf_add(&out, fmt, (size_t)(hash - fmt));
		fmt = expand_hash(es, hash + 1, &out);
	}
	free(timed);
	trace(es, "result is: %.*s", (int)out.len, out.len > 0 ? out.data : "");
	es->depth--;
	return buf_detach(&out);
}

/* ------------------------------------------------------------------------
 * Public interface
 */

static char *expand_top(const char *fmt, const struct format_ctx *fc, int with_time,
			struct buf *log)
{
	struct fstate es;

	memset(&es, 0, sizeof es);
	es.fc = fc;
	es.time = with_time;
	es.trace = log;
	return expand1(&es, fmt);
}

char *format_expand_trace(const char *fmt, const struct format_ctx *fc, int with_time,
			  struct buf *log)
{
	return expand_top(fmt, fc, with_time, log);
}

char *format_expand(const char *fmt, const struct format_ctx *fc)
{
	return expand_top(fmt, fc, 0, NULL);
}

char *format_expand_time(const char *fmt, const struct format_ctx *fc)
{
	return expand_top(fmt, fc, 1, NULL);
}

int format_true(const char *fmt, const struct format_ctx *fc)
{
	char *v = format_expand(fmt, fc);
	int t = is_true(v);

	free(v);
	return t;
}

int format_check(const char *fmt, char **err)
{
	const char *p = fmt;

	while ((p = strchr(p, '#')) != NULL) {
		if (p[1] == '{') {
			if (format_skip(p, "}") == NULL) {
				*err = xasprintf("format error: unterminated #{ in: %s", fmt);
				return -1;
			}
		}
		/* Step over the escaped character too: "##{" is "#" then "{". */
		p += p[1] != '\0' ? 2 : 1;
	}
	return 0;
}

void format_ctx_pane(struct format_ctx *fc, struct server *srv, struct pane *p)
{
	memset(fc, 0, sizeof *fc);
	fc->srv = srv;
	fc->p = p;
	fc->w = p != NULL ? p->window : NULL;
	fc->s = fc->w != NULL ? fc->w->session : NULL;
	fc->type = FORMAT_PANE;
}

void format_ctx_window(struct format_ctx *fc, struct server *srv, struct window *w)
{
	format_ctx_pane(fc, srv, w != NULL ? w->active : NULL);
	fc->w = w;
	fc->s = w != NULL ? w->session : NULL;
	fc->type = FORMAT_WINDOW;
}

void format_ctx_session(struct format_ctx *fc, struct server *srv, struct session *s)
{
	format_ctx_window(fc, srv, s != NULL ? s->current : NULL);
	fc->s = s;
	fc->type = FORMAT_SESSION;
}

/* ------------------------------------------------------------------------
 * JSON
 */

void format_json_string(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t avail = strlen(s), n;
	uint32_t c;

	buf_addc(out, '"');
	while (avail > 0) {
		if (*p == '"' || *p == '\\') {
			buf_addc(out, '\\');
			buf_addc(out, (char)*p);
			n = 1;
		} else if (*p < 0x20) {
			static const char short_esc[] = "\b\f\n\r\t";
			const char *e = *p != 0 ? strchr(short_esc, *p) : NULL;

			if (e != NULL)
				buf_printf(out, "\\%c", "bfnrt"[e - short_esc]);
			else
				buf_printf(out, "\\u%04x", *p);
			n = 1;
		} else if ((n = utf8_decode(p, avail, &c)) != 0) {
			buf_add(out, p, n);
		} else {
			buf_adds(out, "\xef\xbf\xbd"); /* U+FFFD for a byte that is not UTF-8 */
			n = 1;
		}
		p += n;
		avail -= n;
	}
	buf_addc(out, '"');
}

/* A JSON integer: optional '-', no leading zeros, only digits. */
static int json_integer(const char *v)
{
	if (*v == '-')
		v++;
	if (*v == '\0' || (v[0] == '0' && v[1] != '\0'))
		return 0;
	return strspn(v, "0123456789") == strlen(v);
}

static void json_value(struct buf *out, enum fv_type type, const char *v)
{
	if (v == NULL) {
		buf_adds(out, "null");
		return;
	}
	switch (type) {
	case FT_NUM:
	case FT_TIME:
		if (json_integer(v)) {
			buf_adds(out, v);
			return;
		}
		if (*v == '\0') {
			buf_adds(out, "null");
			return;
		}
		break;
	case FT_FLAG:
		if (strcmp(v, "0") == 0 || strcmp(v, "1") == 0) {
			buf_adds(out, *v == '1' ? "true" : "false");
			return;
		}
		if (*v == '\0') {
			buf_adds(out, "null");
			return;
		}
		break;
	case FT_STR:
		break;
	}
	format_json_string(out, v);
}

/* An option by its type: numbers as numbers, on/off as true/false. */
static void json_option(struct buf *out, const struct option_def *od, const char *v)
{
	if (od->type == OPTION_FLAG && (strcmp(v, "on") == 0 || strcmp(v, "off") == 0))
		buf_adds(out, strcmp(v, "on") == 0 ? "true" : "false");
	else
		json_value(out, od->type == OPTION_NUMBER ? FT_NUM : FT_STR, v);
}

static void json_member(struct buf *out, const struct format_ctx *fc, const char *name, int *first)
{
	const struct format_var *v = var_find(name);
	char *value = NULL;

	if (!*first)
		buf_addc(out, ',');
	*first = 0;
	format_json_string(out, name);
	buf_addc(out, ':');
	if (v != NULL) {
		value = v->fn(fc);
		json_value(out, v->type, value);
	} else if (fc->srv != NULL && fc->srv->options != NULL && options_def(name) != NULL) {
		json_option(out, options_def(name), options_string(option_set_for(fc, name), name));
	} else if (fc->srv != NULL && fc->srv->options != NULL && name[0] == '@' &&
		   option_set_for(fc, name) != NULL) {
		format_json_string(out, options_string(option_set_for(fc, name), name));
	} else {
		buf_adds(out, "null");
	}
	free(value);
}

void format_each(const struct format_ctx *fc, void (*fn)(const char *, const char *, void *),
		 void *arg)
{
	size_t j;

	for (j = 0; j < NVARS; j++) {
		char *value;

		if (!scope_present(fc, format_vars[j].scope))
			continue;
		value = format_vars[j].fn(fc);
		fn(format_vars[j].name, value, arg);
		free(value);
	}
}

/* A -F format may name a variable twice; a JSON object names it once. */
static int seen_before(const char *const *names, int i)
{
	int j;

	for (j = 0; j < i; j++) {
		if (strcmp(names[j], names[i]) == 0)
			return 1;
	}
	return 0;
}

void format_json(struct buf *out, const struct format_ctx *fc, const char *const *names, int nnames)
{
	int first = 1, i;
	size_t j;

	buf_addc(out, '{');
	if (names != NULL) {
		for (i = 0; i < nnames; i++) {
			if (!seen_before(names, i))
				json_member(out, fc, names[i], &first);
		}
	} else {
		for (j = 0; j < NVARS; j++) {
			if (format_vars[j].scope != FS_TYPE &&
			    scope_present(fc, format_vars[j].scope))
				json_member(out, fc, format_vars[j].name, &first);
		}
	}
	buf_addc(out, '}');
}
