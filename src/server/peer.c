/*
 * peer: one connection to the server. It identifies itself, then either runs
 * commands and receives their output and exit status, or attaches.
 * Anything malformed gets the connection dropped; nothing a peer sends can
 * reach other peers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "render/status.h"
#include "server/client_flags.h"
#include "server/control.h"
#include "server/server.h"
#include "server/ttyfd.h"
#include "server/wait.h"
#include "util/log.h"

/* A peer that has not identified itself by then is dropped. */
#define PEER_IDENTIFY_TIMEOUT_MS 10000

struct peer_write {
	uv_write_t req;
	struct peer *c;
	size_t len;
	char data[];
};

static void peer_close_cb(uv_handle_t *h)
{
	struct peer *c = h->data;

	/* Freed once the pipe and the timers are closed, in any order. */
	if (--c->open_handles > 0)
		return;
	proto_reader_free(&c->reader);
	for (int i = 0; i < c->nenv; i++)
		free(c->env[i]);
	free(c->env);
	free(c->term);
	free(c->colorterm);
	free(c->cwd);
	free(c->ttyname);
	free(c->pane_hint);
	free(c->message);
	buf_free(&c->frame);
	free(c->status_cells);
	status_free(c);
	attach_prompt_clear(c);
	free(c->key_table);
	free(c->deferred);
	client_panes_free(c);
	buf_free(&c->stdin_data);
	control_free(c);
	free(c);
}

static void stdin_finish(struct peer *c, const char *err);

static void peer_drop_tty(struct peer *c)
{
	if (c->tty_fd >= 0 && close(c->tty_fd) != 0)
		log_debug("peer %u: closing the terminal: %s", c->id, strerror(errno));
	c->tty_fd = -1;
}

/* MSG_TTYFD: the descriptor came with it and libuv holds it as a pending
 * handle; taking it through a scratch pipe handle is the way libuv gives
 * it out. The peer keeps a copy of its own until it attaches. */
static void peer_scratch_close_cb(uv_handle_t *h)
{
	free(h);
}

static void peer_take_tty(struct peer *c)
{
	uv_pipe_t *p;
	uv_os_fd_t fd;

	peer_drop_tty(c);
	if (uv_pipe_pending_count(&c->pipe) < 1)
		return;
	p = xmalloc(sizeof *p);
	uv_pipe_init(c->srv->loop, p, 0);
	if (uv_accept((uv_stream_t *)&c->pipe, (uv_stream_t *)p) == 0 &&
	    uv_fileno((uv_handle_t *)p, &fd) == 0)
		c->tty_fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	uv_close((uv_handle_t *)p, peer_scratch_close_cb);
}

void peer_close(struct peer *c)
{
	struct peer **pp;

	if (uv_is_closing((uv_handle_t *)&c->pipe))
		return;
	if (c->state == PEER_ATTACHED)
		attach_free(c);
	peer_drop_tty(c);
	wait_peer_closed(c);
	if (c->pending != NULL)
		c->pending->peer = NULL; /* the list goes on without its client */
	stdin_finish(c, "the client went away");
	for (pp = &c->srv->peers; *pp != NULL && *pp != c; pp = &(*pp)->next)
		;
	if (*pp != NULL)
		*pp = c->next;
	c->state = PEER_CLOSING;
	uv_close((uv_handle_t *)&c->pipe, peer_close_cb);
	uv_close((uv_handle_t *)&c->timer, peer_close_cb);
	uv_close((uv_handle_t *)&c->msg_timer, peer_close_cb);
	uv_close((uv_handle_t *)&c->repeat_timer, peer_close_cb);
	server_check_exit(c->srv);
}

static void peer_write_cb(uv_write_t *req, int status)
{
	struct peer_write *w = (struct peer_write *)req;
	struct peer *c = w->c;

	c->queued -= w->len;
	free(w);
	if (status < 0 && c->state != PEER_CLOSING) {
		peer_close(c);
		return;
	}
	if (c->state == PEER_CLOSING && c->queued == 0 && !uv_is_closing((uv_handle_t *)&c->pipe))
		peer_close(c);
	else if (c->state == PEER_ATTACHED && c->queued == 0)
		attach_drained(c);
}

void peer_send(struct peer *c, uint16_t type, const void *data, size_t len)
{
	struct peer_write *w;
	uv_buf_t b;

	if (uv_is_closing((uv_handle_t *)&c->pipe))
		return;
	if (type == MSG_OUTPUT)
		c->written += len;
	if (type == MSG_OUTPUT && c->ttyfd != NULL) {
		ttyfd_write(c->ttyfd, data, len);
		return;
	}
	while (len > PROTO_MAX_PAYLOAD) {
		peer_send(c, type, data, PROTO_MAX_PAYLOAD);
		data = (const char *)data + PROTO_MAX_PAYLOAD;
		len -= PROTO_MAX_PAYLOAD;
	}
	w = xmalloc(sizeof *w + PROTO_HEADER_SIZE + len);
	w->c = c;
	w->len = PROTO_HEADER_SIZE + len;
	proto_header(w->data, type, (uint32_t)len);
	if (len > 0)
		memcpy(w->data + PROTO_HEADER_SIZE, data, len);
	b = uv_buf_init(w->data, (unsigned)w->len);
	if (uv_write(&w->req, (uv_stream_t *)&c->pipe, &b, 1, peer_write_cb) != 0) {
		free(w);
		peer_close(c);
		return;
	}
	c->queued += w->len;
}

/* Send the exit status (and a line for the client to print) and close once
 * it is written. */
void peer_exit(struct peer *c, int status, const char *message)
{
	struct buf b;
	unsigned char st[4] = {status & 0xff, (status >> 8) & 0xff, (status >> 16) & 0xff,
			       (status >> 24) & 0xff};

	buf_init(&b);
	buf_add(&b, st, sizeof st);
	if (message != NULL)
		buf_adds(&b, message);
	peer_send(c, MSG_EXIT, b.data, b.len);
	buf_free(&b);
	c->state = PEER_CLOSING;
	if (c->queued == 0)
		peer_close(c);
}

const char *peer_getenv(const struct peer *c, const char *name)
{
	size_t len = strlen(name);
	int i;

	for (i = 0; i < c->nenv; i++) {
		if (strncmp(c->env[i], name, len) == 0 && c->env[i][len] == '=')
			return c->env[i] + len + 1;
	}
	return NULL;
}

static void identify(struct peer *c, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	int control = 0;

	while (p < end) {
		const char *z = memchr(p, '\0', end - p);
		size_t n = z != NULL ? (size_t)(z - p) : (size_t)(end - p);
		char *v;

		if (n < 2 || p[1] != '=') {
			p += n + 1;
			continue;
		}
		v = xstrndup(p + 2, n - 2);
		switch (p[0]) {
		case IDENT_TERM:
			free(c->term);
			c->term = v;
			v = NULL;
			break;
		case IDENT_COLORTERM:
			free(c->colorterm);
			c->colorterm = v;
			v = NULL;
			break;
		case IDENT_CWD:
			free(c->cwd);
			c->cwd = v;
			v = NULL;
			break;
		case IDENT_TTY:
			free(c->ttyname);
			c->ttyname = v;
			v = NULL;
			break;
		case IDENT_PANE:
			free(c->pane_hint);
			c->pane_hint = v;
			v = NULL;
			break;
		case IDENT_ROWS:
			c->rows = atoi(v);
			break;
		case IDENT_COLS:
			c->cols = atoi(v);
			break;
		case IDENT_PID:
			break; /* SO_PEERCRED is the truth */
		case IDENT_CONTROL:
			control = atoi(v);
			break;
		case IDENT_ENV:
			c->env = xrealloc(c->env, sizeof *c->env * (c->nenv + 1));
			c->env[c->nenv++] = v;
			v = NULL;
			break;
		}
		free(v);
		p += n + 1;
	}
	if (c->rows < 0 || c->rows > 10000)
		c->rows = 0;
	if (c->cols < 0 || c->cols > 10000)
		c->cols = 0;
	c->state = PEER_READY;
	uv_timer_stop(&c->timer);
	if (control == 1 || control == 2)
		control_new(c, control);
}

/* A command list is over: its output, then the client attaches, waits, or is
 * told the exit status. The peer may be gone by then (a suspended list). */
static void peer_finish(struct cmd_ctx *ctx)
{
	struct peer *c = ctx->peer;

	if (c != NULL && c->control != NULL) {
		c->pending = NULL;
		if (!control_command_done(c, ctx, 1))
			control_run_lines(c); /* what it typed meanwhile */
	} else if (c != NULL) {
		c->pending = NULL;
		if (ctx->out.len > 0)
			peer_send(c, MSG_STDOUT, ctx->out.data, ctx->out.len);
		if (ctx->err.len > 0)
			peer_send(c, MSG_STDERR, ctx->err.data, ctx->err.len);
		if (ctx->status == 0 && ctx->waiting)
			c->waiting = 1; /* the waiter replies when its condition holds */
		else if (ctx->status == 0 && ctx->attach != NULL && !c->srv->exiting &&
			 session_find_id(c->srv, ctx->attach->id) != NULL)
			attach_start(c, ctx->attach, ctx->attach_flags);
		else if (c->state != PEER_CLOSING)
			peer_exit(c, ctx->status, NULL);
	}
	cmd_ctx_free(ctx);
	free(ctx);
}

/* argv arrives as NUL-terminated strings. */
static void run_command(struct peer *c, const char *data, size_t len)
{
	struct cmd_ctx *ctx;
	char **argv = NULL;
	int argc = 0;
	const char *p = data, *end = data + len;

	if (len > 0 && data[len - 1] != '\0') {
		peer_close(c);
		return;
	}
	while (p < end) {
		argv = xrealloc(argv, sizeof *argv * (argc + 2));
		argv[argc++] = (char *)p;
		p += strlen(p) + 1;
	}
	ctx = xmalloc(sizeof *ctx);
	cmd_ctx_init(ctx, c->srv, c);
	ctx->finish = peer_finish;
	cmd_run(ctx, argc, argv);
	free(argv);
	if (ctx->suspended) {
		c->pending = ctx; /* run-shell or if-shell will resume it */
		return;
	}
	peer_finish(ctx);
}

/* load-buffer - can read a large file, but not without end. */
#define PEER_STDIN_MAX (256u << 20)

int peer_read_stdin(struct peer *c, void (*chunk)(void *arg, const char *data, size_t len),
		    void (*done)(void *arg, const char *data, size_t len, const char *err),
		    void *arg)
{
	if (c->stdin_done != NULL)
		return -1;
	c->stdin_done = done;
	c->stdin_chunk = chunk;
	c->stdin_arg = arg;
	c->stdin_overflow = 0;
	buf_init(&c->stdin_data);
	peer_send(c, MSG_READIN, "", 0);
	return 0;
}

static void stdin_finish(struct peer *c, const char *err)
{
	void (*done)(void *, const char *, size_t, const char *) = c->stdin_done;

	if (done == NULL)
		return;
	c->stdin_done = NULL;
	if (err == NULL && c->stdin_overflow)
		err = "standard input is too large";
	done(c->stdin_arg, c->stdin_data.data != NULL ? c->stdin_data.data : "", c->stdin_data.len,
	     err);
	buf_free(&c->stdin_data);
}

static void stdin_message(struct peer *c, const struct proto_msg *m)
{
	if (m->len == 0) {
		stdin_finish(c, NULL);
		return;
	}
	if (c->stdin_chunk != NULL) {
		c->stdin_chunk(c->stdin_arg, m->data, m->len);
		return;
	}
	if (c->stdin_data.len + m->len > PEER_STDIN_MAX)
		c->stdin_overflow = 1;
	if (!c->stdin_overflow)
		buf_add(&c->stdin_data, m->data, m->len);
}

void peer_run_deferred(struct server *srv)
{
	struct peer *c, *next;
	char *data;

	for (c = srv->peers; c != NULL && srv->config_loading == 0; c = next) {
		next = c->next; /* the command may close the peer */
		if (c->deferred == NULL || c->state != PEER_READY)
			continue;
		data = c->deferred;
		c->deferred = NULL;
		run_command(c, data, c->deferred_len);
		free(data);
	}
}

static void peer_message(struct peer *c, const struct proto_msg *m)
{
	switch (c->state) {
	case PEER_NEW:
		if (m->type != MSG_IDENTIFY)
			break;
		identify(c, m->data, m->len);
		return;
	case PEER_READY:
		if (m->type == MSG_STDIN && c->stdin_done != NULL) {
			stdin_message(c, m);
			return;
		}
		if (m->type == MSG_TTYFD && m->len == 0) {
			peer_take_tty(c);
			return;
		}
		if (m->type == MSG_INPUT && c->control != NULL) {
			control_input(c, m->data, m->len); /* kept until it is attached */
			return;
		}
		if (m->type != MSG_COMMAND || c->waiting || c->pending != NULL ||
		    c->deferred != NULL)
			break;
		if (c->srv->config_loading > 0) {
			/* as in tmux, commands run once the config is done */
			c->deferred = xmalloc(m->len + 1);
			memcpy(c->deferred, m->data, m->len);
			c->deferred_len = m->len;
			return;
		}
		run_command(c, m->data, m->len);
		return;
	case PEER_ATTACHED:
		if (m->type == MSG_INPUT && c->control != NULL) {
			control_input(c, m->data, m->len);
			return;
		}
		if (m->type == MSG_INPUT) {
			attach_input(c, m->data, m->len);
			return;
		}
		if (m->type == MSG_RESIZE && (m->len == 4 || m->len == 8)) {
			const unsigned char *d = (const unsigned char *)m->data;

			if (m->len == 8) {
				c->xpixel = d[4] | d[5] << 8;
				c->ypixel = d[6] | d[7] << 8;
			}
			attach_resize(c, d[0] | d[1] << 8, d[2] | d[3] << 8);
			return;
		}
		if (m->type == MSG_TTYFD && m->len == 0 && c->suspended) {
			peer_take_tty(c); /* a continued client hands it back */
			return;
		}
		if (m->type == MSG_WAKEUP) {
			attach_wakeup(c);
			return;
		}
		break;
	case PEER_CLOSING:
		return;
	}
	log_debug("peer %u: unexpected message %u", c->id, m->type);
	peer_close(c);
}

static void peer_alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *b)
{
	struct peer *c = h->data;
	char *space = proto_reader_space(&c->reader, 65536);

	*b = uv_buf_init(space, space != NULL ? 65536 : 0);
}

static void peer_protocol_error(struct peer *c, int rc)
{
	if (rc == PROTO_ERR_VERSION) {
		char *msg = xasprintf("protocol version mismatch (client is %u, server is %u)",
				      c->reader.peer_version, PROTO_VERSION);

		peer_send(c, MSG_ERROR, msg, strlen(msg));
		free(msg);
		c->state = PEER_CLOSING;
		return;
	}
	log_debug("peer %u: %s", c->id, proto_strerror(rc));
	peer_close(c);
}

static void peer_read_cb(uv_stream_t *s, ssize_t nread, const uv_buf_t *b)
{
	struct peer *c = s->data;
	struct proto_msg m;
	int rc;

	if (nread < 0) {
		peer_close(c);
		return;
	}
	proto_reader_commit(&c->reader, (size_t)nread);
	while (c->state != PEER_CLOSING && (rc = proto_reader_next(&c->reader, &m)) != PROTO_MORE) {
		if (rc != PROTO_OK) {
			peer_protocol_error(c, rc);
			return;
		}
		peer_message(c, &m);
	}
}

static void peer_timer_cb(uv_timer_t *t)
{
	struct peer *c = t->data;

	if (c->state == PEER_NEW) {
		log_debug("peer %u: never identified", c->id);
		peer_close(c);
	} else if (c->state == PEER_ATTACHED) {
		attach_timer(c);
	} else if (c->state == PEER_CLOSING) {
		log_debug("peer %u: does not take its last messages", c->id);
		peer_close(c);
	}
}

void peer_close_later(struct peer *c, uint64_t ms)
{
	if (!uv_is_closing((uv_handle_t *)&c->timer))
		uv_timer_start(&c->timer, peer_timer_cb, ms, 0);
}

/* Only the server's own user (and root) may talk to it, whatever the
 * socket's permissions say. */
static int peer_allowed(struct peer *c)
{
	struct ucred cred;
	socklen_t len = sizeof cred;
	uv_os_fd_t fd;

	if (uv_fileno((uv_handle_t *)&c->pipe, &fd) != 0 ||
	    getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
		return 0;
	c->pid = cred.pid;
	c->uid = cred.uid;
	return cred.uid == getuid() || cred.uid == 0;
}

void peer_accept(struct server *srv)
{
	struct peer *c = xcalloc(1, sizeof *c);

	c->srv = srv;
	c->id = srv->next_peer_id++;
	c->created = time(NULL);
	c->tty_fd = -1;
	proto_reader_init(&c->reader);
	buf_init(&c->frame);
	uv_pipe_init(srv->loop, &c->pipe, 1); /* 1: it may pass a descriptor */
	uv_timer_init(srv->loop, &c->timer);
	uv_timer_init(srv->loop, &c->msg_timer);
	uv_timer_init(srv->loop, &c->repeat_timer);
	c->open_handles = 4;
	c->pipe.data = c;
	c->timer.data = c;
	c->msg_timer.data = c;
	c->repeat_timer.data = c;
	c->next = srv->peers;
	srv->peers = c;
	if (uv_accept((uv_stream_t *)&srv->listener, (uv_stream_t *)&c->pipe) != 0) {
		peer_close(c);
		return;
	}
	if (!peer_allowed(c)) {
		static const char msg[] = "access not allowed";

		log_debug("peer %u: uid %d refused", c->id, (int)c->uid);
		peer_send(c, MSG_ERROR, msg, sizeof msg - 1);
		c->state = PEER_CLOSING;
		return;
	}
	uv_timer_start(&c->timer, peer_timer_cb, PEER_IDENTIFY_TIMEOUT_MS, 0);
	uv_read_start((uv_stream_t *)&c->pipe, peer_alloc_cb, peer_read_cb);
}
