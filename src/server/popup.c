/* popup: display-popup's box with its own program (see popup.h). */
#include "server/popup.h"
#include "server/popup_int.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "render/box.h"
#include "render/render.h"
#include "render/style.h"
#include "render/tty.h"
#include "server/menu.h"
#include "server/server.h"
#include "server/spawn.h"
#include "term/grid.h"
#include "term/key.h"
#include "util/log.h"

/* At most this much of the program's output is read per loop iteration,
 * as for a pane. */
#define POPUP_READ_BUDGET (4 * 1024)

static void popup_poll_cb(uv_poll_t *h, int status, int events);

static void popup_set_events(struct popup *p, int events)
{
	if (p->fd >= 0)
		pane_poll_set(&p->poll, &p->poll_events, events, popup_poll_cb);
}

static void popup_flush(struct popup *p)
{
	if (p->fd >= 0)
		buf_write_fd(&p->writeq, p->fd);
	if (p->fd >= 0 && (p->poll_events & UV_READABLE))
		popup_set_events(p, UV_READABLE | (p->writeq.len > 0 ? UV_WRITABLE : 0));
}

/* Keys encoded by the grid and the terminal's answers go to the program. */
static void popup_grid_output(const char *buf, size_t len, void *ctx)
{
	struct popup *p = ctx;

	if (p->fd < 0 || len == 0)
		return;
	buf_add(&p->writeq, buf, len);
	popup_flush(p);
}

void popup_write(struct popup *p, const char *buf, size_t len)
{
	popup_grid_output(buf, len, p);
}

/* As for a pane: several words run as they are, one through the shell,
 * none is default-command or else the shell itself. */
static char **popup_argv(const struct popup_args *pa, char **argv0)
{
	const struct options *o = session_options(pa->session);
	const char *cmd = options_string(o, "default-command");
	const char *shell = pane_default_shell(o), *base = strrchr(shell, '/');
	char **argv;

	if (pa->argc > 1) {
		argv = xcalloc((size_t)pa->argc + 1, sizeof *argv);
		for (int i = 0; i < pa->argc; i++)
			argv[i] = xstrdup(pa->argv[i]);
		*argv0 = xstrdup(argv[0]);
		return argv;
	}
	*argv0 = xstrdup(base != NULL ? base + 1 : shell);
	argv = xcalloc(4, sizeof *argv);
	argv[0] = xstrdup(shell);
	if (pa->argc == 1 || *cmd != '\0') {
		argv[1] = xstrdup("-c");
		argv[2] = xstrdup(pa->argc == 1 ? pa->argv[0] : cmd);
	}
	return argv;
}

void popup_inner(const struct popup *p, int *x, int *y, int *w, int *h)
{
	int b = p->lines != BOX_NONE;

	*x = p->x + b;
	*y = p->y + b;
	*w = p->w - 2 * b;
	*h = p->h - 2 * b;
}

static int popup_spawn(struct popup *p, const struct popup_args *pa, char **err)
{
	struct spawn_request req;
	struct spawn_result res;
	char *argv0 = NULL;
	int x, y, rc;

	memset(&req, 0, sizeof req);
	req.argv = popup_argv(pa, &argv0);
	req.argv0 = argv0;
	req.envp = pane_spawn_environment(p->srv, pa->session, NULL, pa->env, pa->nenv);
	req.cwd = pa->cwd;
	popup_inner(p, &x, &y, &req.cols, &req.rows);
	rc = spawn_pane(&req, &res, err);
	strv_free(req.argv);
	strv_free(req.envp);
	free(argv0);
	if (rc != 0)
		return -1;
	p->fd = res.master;
	p->pid = res.pid;
	memcpy(p->tty, res.tty, sizeof p->tty);
	return 0;
}

int popup_open(struct peer *c, const struct popup_args *pa, struct cmd_ctx *wait, char **err)
{
	static const struct grid_cell base = {.ch = ' ', .width = 1};
	struct popup *p = xcalloc(1, sizeof *p);
	int x, y, w, h;

	p->srv = c->srv;
	p->c = c;
	p->x = pa->x, p->y = pa->y, p->w = pa->w, p->h = pa->h;
	p->lines = pa->lines;
	p->title = xstrdup(pa->title != NULL ? pa->title : "");
	p->style = style_pen(pa->style, &base);
	p->border = style_pen(pa->border_style, &base);
	p->close_on_exit = pa->close_on_exit;
	p->done = pa->done;
	p->done_arg = pa->done_arg;
	p->fd = -1;
	buf_init(&p->writeq);
	if (popup_spawn(p, pa, err) != 0) {
		free(p->title);
		buf_free(&p->writeq);
		free(p);
		return -1;
	}
	popup_close(c);
	popup_inner(p, &x, &y, &w, &h);
	p->grid = grid_new(h, w, 0, popup_grid_output, p);
	uv_poll_init(c->srv->loop, &p->poll, p->fd);
	p->poll.data = p;
	p->poll_events = UV_READABLE;
	uv_poll_start(&p->poll, p->poll_events, popup_poll_cb);
	p->wait = wait;
	c->popup = p;
	attach_mark_client(c);
	log_debug("popup on peer %u: pid %d", c->id, (int)p->pid);
	return 0;
}

static void popup_free_cb(uv_handle_t *h)
{
	struct popup *p = h->data;

	buf_free(&p->writeq);
	free(p->title);
	free(p);
}

/* The program's exit status as a shell gives it. */
static int popup_code(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* status: what the command that opened it exits with. */
static void popup_close_status(struct peer *c, int status)
{
	struct popup *p = c->popup;
	struct cmd_ctx *wait;

	if (p == NULL)
		return;
	if (p->menu_shown)
		menu_close(c); /* its menu goes with it */
	c->popup = NULL;
	wait = p->wait;
	if (!p->exited)
		pane_hangup_session(p->pid); /* (its pid cannot have been reused yet) */
	uv_close((uv_handle_t *)&p->poll, popup_free_cb);
	if (p->fd >= 0 && close(p->fd) < 0)
		log_debug("close popup pty: %s", strerror(errno));
	p->fd = -1;
	grid_free(p->grid);
	p->grid = NULL;
	p->c = NULL;
	if (c->state == PEER_ATTACHED)
		attach_mark_client(c);
	if (p->done != NULL)
		p->done(c->srv, status, p->done_arg);
	if (wait != NULL) {
		if (status != 0)
			wait->status = status;
		cmd_resume(wait);
	}
}

/* As tmux: the command that opened the popup exits with the program's
 * status, a program still running being hung up. */
void popup_close(struct peer *c)
{
	struct popup *p = c->popup;

	if (p != NULL)
		popup_close_status(c, p->exited ? popup_code(p->status) : 128 + SIGHUP);
}

void popup_close_given(struct popup *p)
{
	p->exited = 1; /* (so not hung up) */
	p->grid = NULL;
	popup_close_status(p->c, 128 + SIGHUP);
}

/* Read what the program wrote; -1 at EOF (no slave descriptor left). */
static int popup_read(struct popup *p, size_t budget)
{
	static char buf[65536];
	size_t total = 0;
	ssize_t n;

	while (p->fd >= 0 && total < budget) {
		n = read(p->fd, buf, sizeof buf);
		if (n > 0) {
			grid_input(p->grid, buf, (size_t)n);
			total += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		return -1;
	}
	if (total > 0 && p->c != NULL && p->c->state == PEER_ATTACHED) {
		p->c->dirty = 1; /* output alone: the status line may wait, as for a pane's */
		server_schedule(p->srv);
	}
	return 0;
}

static void popup_poll_cb(uv_poll_t *h, int status, int events)
{
	struct popup *p = h->data;

	if (p->c == NULL)
		return;
	if (status < 0 || (events & UV_READABLE)) {
		if (popup_read(p, POPUP_READ_BUDGET) < 0 || status < 0)
			popup_set_events(p, 0); /* the program's exit decides */
	}
	if (events & UV_WRITABLE)
		popup_flush(p);
}

/* The program has exited: -E closes the popup, -EE only if it succeeded;
 * else it stays, showing the program's last screen. */
static void popup_exited(struct popup *p, int status)
{
	struct peer *c = p->c;
	int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;

	p->exited = 1;
	p->status = status;
	/* as when a pane's program exits: what is left of its session goes
	 * now, while its id still names it */
	pane_hangup_session(p->pid);
	if (popup_read(p, SIZE_MAX) < 0)
		popup_set_events(p, 0);
	if (p->close_on_exit == 1 || (p->close_on_exit == 2 && ok))
		popup_close_status(c, popup_code(status));
	else
		attach_mark_client(c);
}

int popup_reaped(struct server *srv, pid_t pid, int status)
{
	for (struct peer *c = srv->peers; c != NULL; c = c->next) {
		if (c->popup != NULL && c->popup->pid == pid && !c->popup->exited) {
			popup_exited(c->popup, status);
			return 1;
		}
	}
	return 0;
}

static int key_closes(const struct key *k)
{
	if (k->kind == KEY_SYM)
		return k->sym == VTERM_KEY_ESCAPE && k->mod == 0;
	return k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && k->cp == 'c';
}

/* A key for the program, encoded as for a pane (extended-keys). */
static void popup_send_key(struct popup *p, const struct key *k)
{
	struct options *o = p->srv->options;
	long mode = options_number(o, "extended-keys");
	int flags = 0;

	if (mode == 2 || (mode == 1 && grid_modify_other_keys(p->grid)))
		flags |= KEY_SEND_EXTENDED;
	if (options_number(o, "extended-keys-format") == 1)
		flags |= KEY_SEND_XTERM;
	(void)key_send(k, p->grid, flags); /* a key it cannot send is dropped */
}

int popup_key(struct peer *c, const struct key *k)
{
	struct popup *p = c->popup;

	if (p == NULL)
		return 0;
	/* as tmux: without -E, or once the program is gone, Escape and C-c
	 * close the popup; other keys go to the program while it runs */
	if ((p->close_on_exit == 0 || p->exited) && key_closes(k)) {
		popup_close(c);
		return 1;
	}
	if (!p->exited && !c->readonly)
		popup_send_key(p, k);
	return 1;
}

int popup_paste(struct peer *c, const char *buf, size_t len)
{
	struct popup *p = c->popup;

	if (p == NULL)
		return 0;
	if (!p->exited && !c->readonly)
		grid_paste(p->grid, buf, len);
	return 1;
}

void popup_set_size(struct popup *p, int w, int h)
{
	int x, y, old_w, old_h, new_w, new_h;
	struct winsize ws;

	popup_inner(p, &x, &y, &old_w, &old_h);
	p->w = w;
	p->h = h;
	popup_inner(p, &x, &y, &new_w, &new_h);
	if (new_w == old_w && new_h == old_h)
		return;
	grid_resize(p->grid, new_h, new_w);
	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)new_h;
	ws.ws_col = (unsigned short)new_w;
	if (p->fd >= 0 && ioctl(p->fd, TIOCSWINSZ, &ws) < 0)
		log_debug("popup: TIOCSWINSZ: %s", strerror(errno));
}

/* A client smaller than the popup: the popup moves into it, and shrinks
 * (its program told) if it must, as long as something of it is left. */
static void popup_fit(struct popup *p, int rows, int cols)
{
	int b = p->lines != BOX_NONE;

	if (cols - 2 * b < 1 || rows - 2 * b < 1)
		return; /* too small: drawn cut, as it is */
	popup_set_size(p, p->w > cols ? cols : p->w, p->h > rows ? rows : p->h);
	if (p->x + p->w > cols)
		p->x = cols - p->w;
	if (p->y + p->h > rows)
		p->y = rows - p->h;
}

void popup_draw(struct peer *c, const struct box_area *a, struct render_frame *f,
		struct render_view *v)
{
	struct popup *p = c->popup;
	int x, y, w, h;

	if (p == NULL)
		return;
	popup_fit(p, a->rows, a->cols);
	popup_inner(p, &x, &y, &w, &h);
	if (w < 1 || h < 1)
		return;
	box_fill(a, p->x, p->y, p->w, p->h, &p->style);
	box_draw(a, p->x, p->y, p->w, p->h, p->lines, &p->border, p->title);
	memset(v, 0, sizeof *v);
	v->grid = p->grid;
	v->x = x;
	v->y = y;
	v->width = w;
	v->height = h;
	f->floating = v;
	f->floating_pen = p->style;
}
