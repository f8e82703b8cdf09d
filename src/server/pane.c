/* pane: a pty, the program on it, and the grid its output drives. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/options.h"
#include "render/style.h"
#include "server/control.h"
#include "server/alerts.h"
#include "server/choose.h"
#include "server/clock.h"
#include "server/copy.h"
#include "server/layout.h"
#include "server/pane_border.h"
#include "server/passthru.h"
#include "server/proc.h"
#include "server/server.h"
#include "server/spawn.h"
#include "term/grid.h"
#include "term/key.h"
#include "term/oscolour.h"
#include "server/pipe.h"
#include "server/wait.h"
#include "util/log.h"

#define PANE_READ_SIZE 65536
/* At most this much is read from one pane per loop iteration (one read: a
 * pty gives at most 4 KB at a time), so a flooding pane cannot starve the
 * others: a keystroke waits for one slice of each flooding pane's parsing,
 * not a megabyte of it. */
#define PANE_READ_BUDGET (4 * 1024)
/* A pane's output asks for a frame at once if its last one was at least
 * this long ago, else when this time is up: a flood makes at most one frame
 * per interval, each showing the latest state, instead of one per read.
 * Output that follows input written to the pane (an echo, a redraw after a
 * key) is drawn at once all the same: it answers the user, and keys typed
 * a few milliseconds apart must not each wait for the interval. */
#define PANE_FRAME_MS 10
/* After its program exits, a pane waits at most this long for the pty to
 * report EOF: output written just before the exit may still be on its way
 * through the kernel, and a background job may hold the slave open. */
#define PANE_CLOSE_GRACE_MS 100

static void pane_poll_cb(uv_poll_t *h, int status, int events);
static void pane_set_events(struct pane *p, int events);
static void pane_finish(struct pane *p);

static void pane_grid_output(const char *buf, size_t len, void *ctx)
{
	pane_write(ctx, buf, len);
}

static void pane_bell(void *ctx)
{
	alerts_bell(ctx);
}

static void pane_clipboard(const char *data, size_t len, void *ctx)
{
	passthru_clipboard(ctx, data, len);
}

/* What a program asking for its colours (OSC 4, 10, 11, 12) is told: its
 * palette with pane-colours under it, its default and cursor colours as
 * drawn. */
static long pane_colour(int which, void *ctx)
{
	struct pane *p = ctx;
	const int32_t *palette;
	grid_color fg, bg;

	if (which >= 0 && which < 256) {
		palette = pane_palette(p);
		return palette != NULL ? palette[which] : -1;
	}
	if (which == OSCOLOUR_CURSOR)
		return pane_cursor_rgb(p);
	pane_border_defaults(NULL, p, p->window != NULL && p->window->active == p, &fg, &bg);
	return style_rgb(which == OSCOLOUR_FG ? fg : bg);
}

static const struct grid_events pane_events = {
	.bell = pane_bell,
	.clipboard = pane_clipboard,
	.colour = pane_colour,
};

const char *pane_default_terminal(const struct options *o)
{
	static const char *const dirs[] = {"/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo",
					   "/usr/lib/terminfo"};
	const char *t = options_string(o, "default-terminal");
	char path[PATH_MAX];
	size_t i;

	if (*t != '\0')
		return t;
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		snprintf(path, sizeof path, "%s/t/tmux-256color", dirs[i]);
		if (access(path, R_OK) == 0)
			return "tmux-256color";
	}
	return "screen-256color";
}

const char *pane_default_shell(const struct options *o)
{
	const char *sh = options_string(o, "default-shell");
	struct passwd *pw;

	if (*sh == '/' && access(sh, X_OK) == 0)
		return sh;
	sh = getenv("SHELL");
	if (sh != NULL && *sh == '/' && access(sh, X_OK) == 0)
		return sh;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_shell != NULL && *pw->pw_shell == '/' &&
	    access(pw->pw_shell, X_OK) == 0)
		return pw->pw_shell;
	return "/bin/sh";
}

/* Replace or add VAR=value in a malloc'd environment vector. */
static void env_set(char ***envp, int *n, const char *entry)
{
	size_t klen = strcspn(entry, "=");
	int i;

	for (i = 0; i < *n; i++) {
		if (strncmp((*envp)[i], entry, klen) == 0 && (*envp)[i][klen] == '=') {
			free((*envp)[i]);
			(*envp)[i] = xstrdup(entry);
			return;
		}
	}
	*envp = xrealloc(*envp, sizeof **envp * (*n + 2));
	(*envp)[(*n)++] = xstrdup(entry);
	(*envp)[*n] = NULL;
}

static void env_setf(char ***envp, int *n, const char *name, const char *value)
{
	char *e = xasprintf("%s=%s", name, value);

	env_set(envp, n, e);
	free(e);
}

/* The global environment overlaid by the session's (update-environment and
 * new-session -e), then pmux's own variables, then the command's -e. */
char **pane_spawn_environment(struct server *srv, struct session *s, const struct pane *p,
			      char **env, int nenv)
{
	char **envp = environ_build(&srv->env, &s->env);
	char *v;
	int n = 0, i;

	while (envp[n] != NULL)
		n++;
	env_setf(&envp, &n, "TERM", pane_default_terminal(session_options(s)));
	env_setf(&envp, &n, "COLORTERM", "truecolor");
	v = xasprintf("%s,%d,%u", srv->socket_path, (int)getpid(), s->id);
	env_setf(&envp, &n, "PMUX", v);
	free(v);
	if (p != NULL) {
		v = xasprintf("%%%u", p->id);
		env_setf(&envp, &n, "PMUX_PANE", v);
		free(v);
	}
	for (i = 0; i < nenv; i++) {
		if (strchr(env[i], '=') != NULL)
			env_set(&envp, &n, env[i]);
	}
	return envp;
}

static char **pane_environment(struct pane *p, const struct spawn_args *sa)
{
	return pane_spawn_environment(p->srv, p->window->session, p, sa->env, sa->nenv);
}

/* argv for the pane's program: several words are run as they are, one is
 * given to default-shell -c (as tmux), none means the default command or a
 * login shell. */
static char **pane_argv(struct pane *p, const struct spawn_args *sa, char **argv0)
{
	const char *cmd = options_string(session_options(p->window->session), "default-command");
	char **argv;
	int i;

	if (sa->argc > 1) {
		argv = xcalloc(sa->argc + 1, sizeof *argv);
		for (i = 0; i < sa->argc; i++)
			argv[i] = xstrdup(sa->argv[i]);
		*argv0 = xstrdup(argv[0]);
		return argv;
	}
	if (sa->argc == 1 || *cmd != '\0') {
		const char *shell = pane_default_shell(session_options(p->window->session));
		const char *base = strrchr(shell, '/');

		argv = xcalloc(4, sizeof *argv);
		argv[0] = xstrdup(shell);
		argv[1] = xstrdup("-c");
		argv[2] = xstrdup(sa->argc == 1 ? sa->argv[0] : cmd);
		*argv0 = xstrdup(base != NULL ? base + 1 : shell);
		return argv;
	}
	{
		const char *shell = pane_default_shell(session_options(p->window->session));
		const char *base = strrchr(shell, '/');

		argv = xcalloc(2, sizeof *argv);
		argv[0] = xstrdup(shell);
		*argv0 = xasprintf("-%s", base != NULL ? base + 1 : shell);
	}
	return argv;
}

/* Start the pane's program on a new pty (sized as the pane). With no command
 * words, the pane's own command (the one it was created with) runs again. */
static int pane_spawn(struct pane *p, const struct spawn_args *sa, struct spawn_result *res,
		      char **errmsg)
{
	struct spawn_args own = *sa;
	struct spawn_request req;
	char *argv0 = NULL;
	int rc;

	if (sa->argc == 0 && p->cmd_argc > 0) {
		own.argv = p->cmd_argv;
		own.argc = p->cmd_argc;
	}
	memset(&req, 0, sizeof req);
	req.argv = pane_argv(p, &own, &argv0);
	req.argv0 = argv0;
	req.envp = pane_environment(p, &own);
	req.cwd = own.cwd;
	req.rows = p->sy;
	req.cols = p->sx;
	rc = spawn_pane(&req, res, errmsg);
	strv_free(req.argv);
	strv_free(req.envp);
	free(argv0);
	return rc;
}

static void pane_remember_command(struct pane *p, const struct spawn_args *sa)
{
	int i;

	if (sa->argc == 0)
		return;
	strv_free(p->cmd_argv);
	p->cmd_argv = xcalloc(sa->argc + 1, sizeof *p->cmd_argv);
	for (i = 0; i < sa->argc; i++)
		p->cmd_argv[i] = xstrdup(sa->argv[i]);
	p->cmd_argc = sa->argc;
}

/* split-window '' and the like: a pane with no program. */
static int pane_command_empty(const struct spawn_args *sa)
{
	return sa->argc == 1 && sa->argv[0][0] == '\0';
}

static void pane_start_poll(struct pane *p)
{
	uv_poll_init(p->srv->loop, &p->poll, p->fd);
	p->open_handles++;
	p->poll.data = p;
	p->poll_events = UV_READABLE;
	uv_poll_start(&p->poll, p->poll_events, pane_poll_cb);
}

/* A new pane's title is the host name until its program sets one, as in
 * tmux (the default status-right shows it). */
static void pane_default_title(struct pane *p)
{
	char host[256];

	if (gethostname(host, sizeof host) != 0)
		return;
	host[sizeof host - 1] = '\0';
	grid_set_title(p->grid, host);
}

static struct pane *pane_alloc(struct window *w, const char *cwd, int sx, int sy)
{
	struct pane *p = xcalloc(1, sizeof *p);

	p->srv = w->srv;
	p->window = w;
	p->id = w->srv->next_pane_id++;
	p->fd = -1;
	p->sx = sx;
	p->sy = sy;
	p->created = time(NULL);
	buf_init(&p->writeq);
	p->start_cwd = xstrdup(cwd != NULL ? cwd : "/");
	p->options = options_new_child(w->options);
	return p;
}

/* The pane's grid is there: its handles, and reading its program. */
static void pane_start(struct pane *p)
{
	grid_set_events(p->grid, &pane_events, p);
	pane_default_title(p);
	uv_timer_init(p->srv->loop, &p->close_timer);
	p->close_timer.data = p;
	p->open_handles = 1;
	if (!p->empty)
		pane_start_poll(p);
	log_debug("pane %%%u: pid %d tty %s", p->id, (int)p->pid, p->tty);
}

struct pane *pane_create(struct window *w, const struct spawn_args *sa, int sx, int sy,
			 char **errmsg)
{
	struct pane *p = pane_alloc(w, sa->cwd, sx, sy);
	struct spawn_result res;

	if (pane_command_empty(sa)) {
		/* tmux's empty pane: dead from the start, display-message -I
		 * writes into it, respawn-pane gives it a program */
		p->empty = 1;
		p->exited = 1;
	} else if (pane_spawn(p, sa, &res, errmsg) != 0) {
		options_free(p->options);
		free(p->start_cwd);
		free(p);
		return NULL;
	} else {
		p->fd = res.master;
		p->pid = res.pid;
		memcpy(p->tty, res.tty, sizeof p->tty);
	}
	if (!p->empty)
		pane_remember_command(p, sa); /* an empty pane respawns the shell */
	p->grid =
		grid_new(sy, sx, (int)options_number(session_options(w->session), "history-limit"),
			 pane_grid_output, p);
	pane_start(p);
	return p;
}

struct pane *pane_adopt(struct window *w, const struct pane_adopt *pa, int sx, int sy)
{
	struct pane *p = pane_alloc(w, pa->cwd, grid_cols(pa->grid), grid_rows(pa->grid));

	p->fd = pa->fd;
	p->pid = pa->pid;
	snprintf(p->tty, sizeof p->tty, "%s", pa->tty);
	p->grid = pa->grid;
	grid_set_output(p->grid, pane_grid_output, p);
	grid_set_history_limit(p->grid,
			       (int)options_number(session_options(w->session), "history-limit"));
	pane_start(p);
	pane_resize(p, sx, sy); /* (the program told its new size) */
	return p;
}

/*
 * respawn-pane: a new program on a new pty in the same pane. The new master
 * takes the old descriptor's number (dup2), so the pane's poll handle carries
 * on; a live program is hung up first (-k).
 */
int pane_respawn(struct pane *p, const struct spawn_args *sa, int kill_live, char **errmsg)
{
	struct spawn_result res;

	if (!p->exited && !kill_live) {
		*errmsg = xasprintf("pane %%%u still active", p->id);
		return -1;
	}
	if (pane_command_empty(sa)) {
		*errmsg = xstrdup("an empty command");
		return -1;
	}
	if (pane_spawn(p, sa, &res, errmsg) != 0)
		return -1;
	if (!p->exited)
		pane_hangup_session(p->pid);
	uv_timer_stop(&p->close_timer);
	pane_set_events(p, 0);
	if (p->empty) {
		/* its first program: the pane gets its pty and poll now */
		p->empty = 0;
		p->fd = res.master;
		pane_start_poll(p);
	} else {
		if (dup2(res.master, p->fd) < 0 || fcntl(p->fd, F_SETFD, FD_CLOEXEC) < 0) {
			*errmsg = xasprintf("dup2: %s", strerror(errno));
			kill(res.pid, SIGKILL);
			close(res.master);
			return -1;
		}
		close(res.master);
	}
	pane_remember_command(p, sa);
	p->pid = res.pid;
	memcpy(p->tty, res.tty, sizeof p->tty);
	p->exited = 0;
	p->dead_time = 0;
	p->exit_status = 0;
	p->writeq.len = 0;
	p->fg_last = 0;
	p->fg_away = 0;
	grid_respawned(p->grid);
	pane_set_events(p, UV_READABLE);
	attach_mark_session(p->window->session);
	return 0;
}

struct pane *pane_all(struct server *srv, struct pane *p)
{
	struct session *s;
	struct window *w;

	if (p != NULL && p->next != NULL)
		return p->next;
	s = p != NULL ? p->window->session : srv->sessions;
	w = p != NULL ? p->window->next : s != NULL ? s->windows : NULL;
	while (s != NULL) {
		for (; w != NULL; w = w->next) {
			if (w->panes != NULL)
				return w->panes;
		}
		s = s->next;
		w = s != NULL ? s->windows : NULL;
	}
	return NULL;
}

struct pane *pane_find_id(struct server *srv, uint32_t id)
{
	struct pane *p;

	for (p = pane_all(srv, NULL); p != NULL && p->id != id; p = pane_all(srv, p))
		;
	return p;
}

/* Watch a pty for events (0: none), the poll's calls cut to changes. */
void pane_poll_set(uv_poll_t *poll, int *now, int events, uv_poll_cb cb)
{
	if (events == *now)
		return;
	*now = events;
	if (events == 0)
		uv_poll_stop(poll);
	else
		uv_poll_start(poll, events, cb);
}

static void pane_set_events(struct pane *p, int events)
{
	if (p->fd >= 0)
		pane_poll_set(&p->poll, &p->poll_events, events, pane_poll_cb);
}

/* Write what the pty accepts now; the rest waits for UV_WRITABLE. */
static void pane_flush(struct pane *p)
{
	if (p->fd >= 0)
		buf_write_fd(&p->writeq, p->fd);
	if (p->fd >= 0 && !p->exited)
		pane_set_events(p, UV_READABLE | (p->writeq.len > 0 ? UV_WRITABLE : 0));
}

/*
 * After a keystroke's few bytes the server gives way (sched_yield): the
 * kernel worker that carries them to the pane's line discipline usually
 * waits on this CPU, and running it now leaves the echo ready for
 * pane_read_typed instead of the server going to sleep and being woken for
 * it, on a VM often on the other, halted, CPU. Pastes do not wait.
 */
#define PANE_YIELD_MAX 16

/* The pane's palette: the program's own entries (OSC 4) over
 * pane-colours, RGB by index (-1: the terminal's); NULL when neither has
 * one. Read again only when an option or the program's colours changed. */
static void pane_read_palette(struct pane *p, struct options *o)
{
	int n = options_array_size(o, "pane-colours");
	const struct oscolour *oc = p->grid != NULL ? grid_colours(p->grid) : NULL;
	const char *c;
	long rgb;

	free(p->palette);
	p->palette = NULL;
	p->palette_gen = oc != NULL ? oc->generation : 0;
	if (n == 0 && (oc == NULL || oc->palette == NULL))
		return;
	p->palette = xmalloc(256 * sizeof *p->palette);
	for (int i = 0; i < 256; i++) {
		rgb = oc != NULL ? oscolour_get(oc, i) : -1;
		if (rgb < 0 && i < n && (c = options_array_item(o, "pane-colours", i)) != NULL)
			rgb = style_colour_rgb(c);
		p->palette[i] = (int32_t)rgb;
	}
}

/* What the pane takes from its options for its output and drawing
 * (scroll-on-clear, alternate-screen, pane-colours, cursor-style and
 * -colour), read again only when an option changed: the output path and
 * every frame ask. */
void pane_options_seen(struct pane *p)
{
	struct options *o;

	if (p->options_seen == options_generation())
		return;
	p->options_seen = options_generation();
	o = pane_options(p);
	grid_set_scroll_on_clear(p->grid, (int)options_number(o, "scroll-on-clear"));
	grid_set_alternate_screen(p->grid, (int)options_number(o, "alternate-screen"));
	pane_read_palette(p, o);
	p->cursor_style = (int)options_number(o, "cursor-style");
	p->cursor_rgb = style_colour_rgb(options_string(o, "cursor-colour"));
}

long pane_cursor_rgb(struct pane *p)
{
	long rgb = p->grid != NULL ? oscolour_get(grid_colours(p->grid), OSCOLOUR_CURSOR) : -1;

	pane_options_seen(p);
	return rgb >= 0 ? rgb : p->cursor_rgb;
}

const int32_t *pane_palette(struct pane *p)
{
	pane_options_seen(p);
	if (p->grid != NULL && p->palette_gen != grid_colours(p->grid)->generation)
		pane_read_palette(p, pane_options(p));
	return p->palette;
}

int pane_send_key(struct pane *p, const struct key *k)
{
	struct options *o = p->srv->options;
	long mode = options_number(o, "extended-keys");
	int flags = 0;
	struct key bs;

	/* backspace: the key BSpace sends (C-? by default, 0x7f), with the
	 * modifiers it was typed with, as tmux */
	if (k->kind == KEY_SYM && k->sym == VTERM_KEY_BACKSPACE &&
	    key_parse(options_string(o, "backspace"), &bs) == 0 &&
	    !(bs.kind == KEY_SYM && bs.sym == VTERM_KEY_BACKSPACE && bs.mod == 0) &&
	    !(bs.kind == KEY_CHAR && bs.cp == '?' && bs.mod == VTERM_MOD_CTRL)) {
		bs.mod |= k->mod;
		k = &bs;
	}
	if (mode == 2 || (mode == 1 && grid_modify_other_keys(p->grid)))
		flags |= KEY_SEND_EXTENDED;
	if (options_number(o, "extended-keys-format") == 1)
		flags |= KEY_SEND_XTERM;
	return key_send(k, p->grid, flags);
}

void pane_write(struct pane *p, const char *buf, size_t len)
{
	if (p->fd < 0 || len == 0)
		return;
	buf_add(&p->writeq, buf, len);
	pane_flush(p);
	if (p->fd < 0)
		return;
	p->input_since_frame = 1;
	p->srv->typed = p;
	if (len <= PANE_YIELD_MAX)
		(void)sched_yield(); /* (it cannot fail on Linux) */
}

struct pane *pane_input_first(struct pane *p)
{
	return p->input_off ? NULL : p;
}

/* synchronize-panes: the pane after q in p's window that input typed into p
 * also goes to (q == p starts the walk), or NULL. As in tmux: p and it both
 * have the option on, and it is alive, takes input, is in no mode and is not
 * hidden by zoom. */
struct pane *pane_sync_next(struct pane *p, struct pane *q)
{
	struct window *w = p->window;

	if (!options_number(pane_options(p), "synchronize-panes"))
		return NULL;
	for (q = q == p ? w->panes : q->next; q != NULL; q = q->next) {
		if (q != p && q->fd >= 0 && !q->input_off && q->copy == NULL && q->choose == NULL &&
		    q->clock == NULL && (!w->zoomed || q == w->active) &&
		    options_number(pane_options(q), "synchronize-panes"))
			return q;
	}
	return NULL;
}

/* allow-rename: a program names its window with ESC k name ESC \, which
 * turns automatic-rename off for the window, as in tmux. */
static void pane_program_name(struct pane *p)
{
	const char *name = grid_take_name(p->grid);
	struct window *w = p->window;
	char *err = NULL;

	if (name == NULL || !options_number(pane_options(p), "allow-rename"))
		return;
	free(w->name);
	w->name = xstrdup(name);
	w->automatic = 0;
	if (options_set(window_options(w), "automatic-rename", "off", 0, &err) != 0)
		free(err);
	attach_status_stale(w->session); /* the name shows with the output */
	hooks_fire_window(p->srv, "window-renamed", w);
}

/* A title the output set shows on the status line in the frame that shows
 * the output. */
static void pane_title_changed(struct pane *p)
{
	const char *title = grid_title(p->grid);

	if (p->title_shown != NULL && strcmp(p->title_shown, title) == 0)
		return;
	free(p->title_shown);
	p->title_shown = xstrdup(title);
	attach_status_stale(p->window->session);
}

static void pane_frame_timer_cb(uv_timer_t *t);

static void pane_want_frame(struct pane *p, uint64_t now)
{
	struct server *srv = p->srv;
	uint64_t wait;

	if (p->input_since_frame || now - p->last_frame >= PANE_FRAME_MS) {
		p->last_frame = now;
		p->frame_due = 0;
		p->input_since_frame = 0;
		attach_mark_output(p->window->session);
		return;
	}
	p->frame_due = 1;
	wait = p->last_frame + PANE_FRAME_MS - now;
	if (!uv_is_active((uv_handle_t *)&srv->frame_timer) ||
	    uv_timer_get_due_in(&srv->frame_timer) > wait)
		uv_timer_start(&srv->frame_timer, pane_frame_timer_cb, wait, 0);
}

/* The frames pane output left due. */
static void pane_frame_timer_cb(uv_timer_t *t)
{
	struct server *srv = t->data;
	uint64_t now = uv_now(srv->loop);

	for (struct pane *p = pane_all(srv, NULL); p != NULL; p = pane_all(srv, p)) {
		if (p->frame_due)
			pane_want_frame(p, now);
	}
}

/* Read until the pty is empty, EOF, or the budget is spent. Returns -1 at
 * EOF (every slave descriptor closed). */
static int pane_read(struct pane *p, size_t budget)
{
	static char buf[PANE_READ_SIZE];
	size_t total = 0;

	while (p->fd >= 0 && total < budget) {
		ssize_t n = read(p->fd, buf, sizeof buf);

		if (n > 0) {
			passthru_pane_output(p, buf, (size_t)n); /* and the grid */
			wait_pane_output(p, buf, (size_t)n);
			pipe_output(p, buf, (size_t)n);
			control_pane_output(p, buf, (size_t)n);
			total += (size_t)n;
			if ((size_t)n < sizeof buf)
				break; /* drained: save a read that would say EAGAIN */
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		return -1; /* EIO: the other side is closed */
	}
	if (total > 0) {
		p->last_output = uv_now(p->srv->loop);
		if (p->last_keys != 0 && !p->fg_away)
			pane_sample_foreground(p); /* once away, it stays so until the next keys */
		alerts_output(p);
		pane_program_name(p);
		pane_title_changed(p);
		pane_want_frame(p, p->last_output);
	}
	return 0;
}

static void pane_poll_cb(uv_poll_t *h, int status, int events)
{
	struct pane *p = h->data;

	if (status < 0 || (events & UV_READABLE)) {
		if (pane_read(p, PANE_READ_BUDGET) < 0 || status < 0) {
			if (p->exited) {
				uv_timer_stop(&p->close_timer);
				pane_finish(p);
				return;
			}
			pane_set_events(p, 0); /* wait for the program's exit */
		}
	}
	if (events & UV_WRITABLE)
		pane_flush(p);
}

void pane_resize(struct pane *p, int sx, int sy)
{
	struct winsize ws;

	if (sx < 1)
		sx = 1;
	if (sy < 1)
		sy = 1;
	if (p->sx == sx && p->sy == sy)
		return;
	p->sx = sx;
	p->sy = sy;
	grid_resize(p->grid, sy, sx);
	memset(&ws, 0, sizeof ws);
	ws.ws_row = sy;
	ws.ws_col = sx;
	/* The kernel sends SIGWINCH to the foreground group. */
	if (p->fd >= 0 && ioctl(p->fd, TIOCSWINSZ, &ws) < 0)
		log_debug("pane %%%u: TIOCSWINSZ: %s", p->id, strerror(errno));
}

struct hangup_ctx {
	pid_t sid;
	pid_t groups[256];
	int stopped[256];
	int n;
};

static int hangup_collect(const struct proc_stat *st, void *arg)
{
	struct hangup_ctx *ctx = arg;
	int i;

	if (st->session != ctx->sid || st->state == 'Z')
		return 0;
	for (i = 0; i < ctx->n; i++) {
		if (ctx->groups[i] == st->pgrp)
			break;
	}
	if (i == ctx->n) {
		if (ctx->n == (int)(sizeof ctx->groups / sizeof ctx->groups[0]))
			return 0;
		ctx->groups[ctx->n] = st->pgrp;
		ctx->stopped[ctx->n++] = 0;
	}
	if (st->state == 'T' || st->state == 't')
		ctx->stopped[i] = 1;
	return 0;
}

/*
 * SIGHUP every process group still in a pane's session, not only the
 * foreground group the kernel would signal: a child that moved to its own
 * group (seed 004) would otherwise live on as an orphan. Stopped groups get
 * SIGCONT so they can act on the hangup. Processes that left the session
 * (setsid) are not in it and are left alone.
 */
void pane_hangup_session(pid_t sid)
{
	struct hangup_ctx ctx;
	int i;

	if (sid <= 1)
		return;
	memset(&ctx, 0, sizeof ctx);
	ctx.sid = sid;
	proc_each(hangup_collect, &ctx);
	for (i = 0; i < ctx.n; i++) {
		if (ctx.groups[i] <= 1 || ctx.groups[i] == getpgrp())
			continue;
		if (killpg(ctx.groups[i], SIGHUP) < 0 && errno != ESRCH)
			log_debug("killpg %d: %s", (int)ctx.groups[i], strerror(errno));
		if (ctx.stopped[i])
			killpg(ctx.groups[i], SIGCONT);
	}
}

pid_t pane_foreground(const struct pane *p)
{
	if (p->fd < 0)
		return -1;
	return tcgetpgrp(p->fd);
}

/* Remember whether a job took the terminal since the last send-keys. */
void pane_sample_foreground(struct pane *p)
{
	pid_t fg = pane_foreground(p);

	if (fg <= 0 || fg == p->fg_last)
		return;
	p->fg_last = fg;
	if (fg != p->pid)
		p->fg_away = 1;
}

/*
 * A pane's echo of a key is usually there by now: the pty's line discipline
 * ran during pane_write's yield, and if its work is still queued the read
 * waits for it (n_tty_read flushes it before answering EAGAIN). Reading it
 * before this turn's frame (on_check) rather than in the next turn's poll
 * saves the echo a trip through the loop. At its end the poll sees the
 * pty's EOF again.
 */
void pane_read_typed(struct server *srv)
{
	struct pane *p = srv->typed;

	srv->typed = NULL;
	if (p != NULL && (p->poll_events & UV_READABLE))
		(void)pane_read(p, PANE_READ_BUDGET);
}

void pane_keys_sent(struct pane *p)
{
	p->last_keys = uv_now(p->srv->loop);
	p->keys_marks = grid_shell_marks(p->grid)->finished;
	p->fg_away = 0;
	p->fg_last = 0;
	pane_sample_foreground(p);
}

/* What a pane whose program is gone was last seen running; if it never was
 * looked at, what tmux shows: its command's first word, else its shell. */
static char *pane_last_command(const struct pane *p)
{
	const char *cmd, *base;
	char *word, *name;

	if (p->last_command != NULL)
		return xstrdup(p->last_command);
	cmd = p->cmd_argc > 0 ? p->cmd_argv[0]
			      : pane_default_shell(session_options(p->window->session));
	cmd += strspn(cmd, " \t");
	if (strncmp(cmd, "exec ", 5) == 0)
		cmd += 5 + strspn(cmd + 5, " \t");
	word = xstrndup(cmd, strcspn(cmd, " \t"));
	base = strrchr(word, '/');
	name = xstrdup(base != NULL && base[1] != '\0' ? base + 1 : word);
	free(word);
	return name;
}

/* The status line asks on every frame (automatic-rename): /proc is read at
 * most every PANE_NAME_MS for the same foreground group, as tmux does. The
 * name read last is also what the pane reports once its program is gone. */
#define PANE_NAME_MS 500

char *pane_current_command(struct pane *p)
{
	uint64_t now = uv_hrtime() / 1000000; /* ms */
	pid_t pgrp;
	char *name = NULL;

	if (p->exited || p->pid <= 0)
		return p->empty ? xstrdup("") : pane_last_command(p);
	pgrp = pane_foreground(p);
	if (p->last_command != NULL && pgrp == p->fg_name_pgrp &&
	    now - p->fg_name_time < PANE_NAME_MS)
		return xstrdup(p->last_command);
	if (pgrp > 0)
		name = proc_command_name(pgrp);
	if (name == NULL)
		name = proc_command_name(p->pid);
	if (name == NULL)
		return xstrdup("");
	if (p->last_command == NULL || strcmp(p->last_command, name) != 0) {
		free(p->last_command);
		p->last_command = xstrdup(name);
	}
	p->fg_name_pgrp = pgrp;
	p->fg_name_time = now;
	return name;
}

char *pane_current_path(const struct pane *p)
{
	pid_t pgrp = pane_foreground(p);
	char *cwd = NULL;

	if (pgrp > 0)
		cwd = proc_cwd(pgrp);
	if (cwd == NULL && p->pid > 0)
		cwd = proc_cwd(p->pid);
	return cwd != NULL ? cwd : xstrdup("");
}

static void pane_close_cb(uv_handle_t *h)
{
	struct pane *p = h->data;

	if (--p->open_handles > 0)
		return;
	strv_free(p->cmd_argv);
	free(p->last_command);
	free(p->title_shown);
	free(p->palette);
	options_free(p->options);

	copy_free(p->copy);
	choose_free(p);
	grid_free(p->grid);
	buf_free(&p->writeq);
	free(p->start_cwd);
	free(p);
}

/* Free a pane that is no longer in any window. */
void pane_destroy(struct pane *p)
{
	wait_pane_closed(p);
	hooks_forget(p->srv->hooks, HOOKS_PANE, p->id);
	pipe_close(p);
	clock_free(p);
	passthru_pane_free(p);
	pane_hangup_session(p->pid);
	if (p->srv->typed == p)
		p->srv->typed = NULL;
	/* uv_close stops the poll at once, so the descriptor can go now. */
	if (!p->empty)
		uv_close((uv_handle_t *)&p->poll, pane_close_cb);
	uv_close((uv_handle_t *)&p->close_timer, pane_close_cb);
	if (p->fd >= 0 && close(p->fd) < 0)
		log_debug("close pty: %s", strerror(errno));
	p->fd = -1;
}

/* kill-pane and friends: the pane goes now; its processes get SIGHUP. */
void pane_kill(struct pane *p)
{
	window_remove_pane(p->window, p);
	pane_destroy(p);
}

/* remain-on-exit: on, or failed for a program that did not exit 0. */
static int pane_remains(struct pane *p)
{
	const char *v = options_string(pane_options(p), "remain-on-exit");
	int failed = !WIFEXITED(p->exit_status) || WEXITSTATUS(p->exit_status) != 0;

	return strcmp(v, "on") == 0 || (strcmp(v, "failed") == 0 && failed);
}

/* The program's output is all read: the pane goes, or stays dead with a
 * note of how its program ended, as tmux shows it. */
static void pane_finish(struct pane *p)
{
	struct format_ctx fc;
	char *text, *msg;

	if (!pane_remains(p)) {
		hooks_fire_pane(p->srv, "pane-exited", p);
		pane_kill(p);
		return;
	}
	pane_set_events(p, 0);
	format_ctx_pane(&fc, p->srv, p);
	text = format_expand(options_string(pane_options(p), "remain-on-exit-format"), &fc);
	/* on the last row after a line feed (the screen scrolls up one), in
	 * the default pen, the cursor hidden at its start, as tmux */
	msg = xasprintf("\033[r\033[%d;1H\n\033[m%s\r\033[?25l", grid_rows(p->grid), text);
	grid_input(p->grid, msg, strlen(msg));
	free(text);
	free(msg);
	hooks_fire_pane(p->srv, "pane-died", p);
	attach_mark_session(p->window->session);
}

static void pane_close_timer_cb(uv_timer_t *t)
{
	struct pane *p = t->data;

	pane_read(p, SIZE_MAX);
	pane_finish(p);
}

/* The pane's program has exited: keep its last words, then close it. */
void pane_reaped(struct pane *p, int status)
{
	p->exited = 1;
	p->exit_status = status;
	p->dead_time = time(NULL);
	wait_pane_exited(p, status);
	if (pane_read(p, SIZE_MAX) < 0) {
		pane_finish(p);
		return;
	}
	pane_set_events(p, UV_READABLE);
	uv_timer_start(&p->close_timer, pane_close_timer_cb, PANE_CLOSE_GRACE_MS, 0);
}
