/*
 * ttyfd: the server reads and writes an attached client's terminal itself.
 * Output follows the same backpressure rules as the relay: what the terminal
 * does not take at once is buffered and counted in c->queued, so the
 * renderer skips frames until it drains; nothing here ever blocks the loop.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "server/server.h"
#include "server/ttyfd.h"
#include "util/log.h"

struct ttyfd {
	struct peer *c;
	int fd;
	uv_poll_t poll;
	struct buf out; /* what the terminal has not taken yet */
	int broken;	/* a write failed: output is dropped from now on */
};

static void ttyfd_poll_cb(uv_poll_t *p, int status, int events);

/* The client also puts the terminal in raw mode once it hears it is
 * attached, but the first frame may be written before that. */
static int ttyfd_raw(int fd)
{
	struct termios tio;

	if (tcgetattr(fd, &tio) != 0)
		return -1;
	cfmakeraw(&tio);
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	return tcsetattr(fd, TCSANOW, &tio);
}

struct ttyfd *ttyfd_start(struct peer *c, int fd)
{
	struct ttyfd *t;
	int fl = fcntl(fd, F_GETFL);

	/* O_NONBLOCK is on the file description the client shares: it puts
	 * its own flags back when it is given the terminal back. */
	if (!isatty(fd) || fl < 0 || ttyfd_raw(fd) != 0 ||
	    fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0) {
		log_debug("peer %u: terminal descriptor unusable: %s", c->id, strerror(errno));
		close(fd);
		return NULL;
	}
	t = xcalloc(1, sizeof *t);
	t->c = c;
	t->fd = fd;
	buf_init(&t->out);
	if (uv_poll_init(c->srv->loop, &t->poll, fd) != 0) {
		if (fcntl(fd, F_SETFL, fl) != 0)
			log_debug("peer %u: terminal flags: %s", c->id, strerror(errno));
		close(fd);
		free(t);
		return NULL;
	}
	t->poll.data = t;
	uv_poll_start(&t->poll, UV_READABLE, ttyfd_poll_cb);
	return t;
}

/* Write from data without blocking; returns the bytes the terminal took
 * (all of them once it is broken: they go nowhere). */
static size_t ttyfd_put(struct ttyfd *t, const char *data, size_t len)
{
	size_t done = 0;

	while (!t->broken && done < len) {
		ssize_t n = write(t->fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return done;
		if (n <= 0) {
			log_debug("peer %u: terminal write: %s", t->c->id, strerror(errno));
			t->broken = 1;
		} else {
			done += (size_t)n;
		}
	}
	return len;
}

static void ttyfd_watch(struct ttyfd *t)
{
	int events = UV_READABLE;

	if (t->out.len > 0)
		events |= UV_WRITABLE;
	uv_poll_start(&t->poll, events, ttyfd_poll_cb);
}

void ttyfd_write(struct ttyfd *t, const char *data, size_t len)
{
	size_t n = 0;

	if (t->out.len == 0)
		n = ttyfd_put(t, data, len);
	if (n == len)
		return;
	buf_add(&t->out, data + n, len - n);
	t->c->queued += len - n;
	ttyfd_watch(t);
}

static void ttyfd_drain(struct ttyfd *t)
{
	struct peer *c = t->c;
	size_t n = ttyfd_put(t, t->out.data, t->out.len);

	buf_consume(&t->out, n);
	c->queued -= n;
	ttyfd_watch(t);
	if (t->out.len == 0 && c->queued == 0)
		attach_drained(c);
}

/* Keys, or the terminal is gone (EOF or EIO once its other end closed). */
static void ttyfd_read(struct ttyfd *t)
{
	struct peer *c = t->c;
	char buf[65536];
	ssize_t n = read(t->fd, buf, sizeof buf);

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		log_debug("peer %u: terminal read: %s", c->id, n == 0 ? "EOF" : strerror(errno));
		attach_detach(c, "[lost tty]");
		return;
	}
	attach_input(c, buf, (size_t)n);
}

static void ttyfd_poll_cb(uv_poll_t *p, int status, int events)
{
	struct ttyfd *t = p->data;

	if (status < 0) {
		attach_detach(t->c, "[lost tty]");
		return;
	}
	/* Reading first: a key may detach, which releases t (its memory
	 * lives on until the handle's close callback, but its fd does not). */
	if (events & UV_READABLE) {
		ttyfd_read(t);
		if (t->fd < 0)
			return;
	}
	if (events & UV_WRITABLE)
		ttyfd_drain(t);
}

static void ttyfd_close_cb(uv_handle_t *h)
{
	free(h->data);
}

char *ttyfd_release(struct ttyfd *t, size_t *len)
{
	size_t n = ttyfd_put(t, t->out.data, t->out.len);
	char *rest = NULL;

	buf_consume(&t->out, n);
	t->c->queued -= t->out.len + n;
	*len = t->out.len;
	if (t->out.len > 0)
		rest = buf_detach(&t->out);
	buf_free(&t->out);
	uv_poll_stop(&t->poll);
	if (close(t->fd) != 0)
		log_debug("peer %u: closing the terminal: %s", t->c->id, strerror(errno));
	t->fd = -1;
	uv_close((uv_handle_t *)&t->poll, ttyfd_close_cb);
	return rest;
}
