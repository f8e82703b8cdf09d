/*
 * control: a control client's command lines, their %begin/%end blocks, and
 * the pane output it is sent (%output), bounded when it does not read.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/parse.h"
#include "server/client_flags.h"
#include "server/control.h"
#include "server/server.h"
#include "util/log.h"

/* A client that has not taken this much of its output is dropped (unless
 * pause-after pauses its panes first) ... */
#define CONTROL_MAX_QUEUED (16u << 20)
/* ... or whose oldest output waiting is this old (ms), as tmux. */
#define CONTROL_MAX_AGE 300000
/* A client that was told %exit and still does not read is cut off. */
#define CONTROL_EXIT_GRACE_MS 5000

/* tmux numbers every command of every client in one sequence. */
static unsigned control_number;

void control_new(struct peer *c, int mode)
{
	struct control *ctl = xcalloc(1, sizeof *ctl);

	ctl->mode = mode;
	buf_init(&ctl->in);
	c->control = ctl;
	/* its terminal's size (-CC) is not the size it wants */
	c->rows = c->cols = 0;
	control_notify(c); /* what it is told about starts from here */
}

void control_free(struct peer *c)
{
	struct control *ctl = c->control;

	if (ctl == NULL)
		return;
	c->control = NULL;
	buf_free(&ctl->in);
	free(ctl->panes);
	free(ctl->marks);
	control_seen_free(ctl->seen);
	control_subs_free(ctl);
	free(ctl->exit_reason);
	free(ctl);
}

/* Bytes the socket has taken: the marks before that are written. */
static uint64_t control_age(struct peer *c, uint64_t now)
{
	struct control *ctl = c->control;
	uint64_t written = ctl->sent - (c->queued < ctl->sent ? c->queued : ctl->sent);
	int drop = 0;

	while (drop < ctl->nmarks && ctl->marks[drop].end <= written)
		drop++;
	if (drop > 0) {
		memmove(ctl->marks, ctl->marks + drop, sizeof *ctl->marks * (ctl->nmarks - drop));
		ctl->nmarks -= drop;
	}
	if (ctl->nmarks == 0 || now < ctl->marks[0].when)
		return 0;
	return now - ctl->marks[0].when;
}

void control_write(struct peer *c, const char *text, size_t len)
{
	struct control *ctl = c->control;

	if (ctl == NULL || c->state == PEER_CLOSING || len == 0)
		return;
	peer_send(c, MSG_STDOUT, text, len);
	ctl->sent += len + PROTO_HEADER_SIZE * (1 + len / PROTO_MAX_PAYLOAD);
}

/* Output is marked with when it was queued, for its age. */
static void control_write_marked(struct peer *c, const char *text, size_t len)
{
	struct control *ctl = c->control;

	control_write(c, text, len);
	if (ctl->nmarks == ctl->marks_cap) {
		ctl->marks_cap = ctl->marks_cap > 0 ? ctl->marks_cap * 2 : 16;
		ctl->marks = xrealloc(ctl->marks, sizeof *ctl->marks * ctl->marks_cap);
	}
	ctl->marks[ctl->nmarks].end = ctl->sent;
	ctl->marks[ctl->nmarks].when = uv_now(c->srv->loop);
	ctl->nmarks++;
}

static void control_exit_status(struct peer *c, int status, const char *reason)
{
	struct control *ctl = c->control;

	if (ctl == NULL || ctl->exiting || c->state == PEER_CLOSING)
		return;
	if (c->state == PEER_ATTACHED)
		attach_free(c);
	if (ctl->running) {
		/* (detach-client, kill-server of its own: the block first) */
		if (!ctl->exit_deferred) {
			ctl->exit_deferred = 1;
			ctl->exit_status = status;
			ctl->exit_reason = reason != NULL ? xstrdup(reason) : NULL;
		}
		return;
	}
	ctl->exiting = 1;
	/* the client prints "%exit [reason]" itself, as tmux's does */
	peer_exit(c, status, reason);
	if (c->state == PEER_CLOSING)
		peer_close_later(c, CONTROL_EXIT_GRACE_MS);
}

void control_exit(struct peer *c, const char *reason)
{
	control_exit_status(c, 0, reason);
}

/* One block: what the command printed, its errors, then %end or %error. */
static void control_block(struct peer *c, struct cmd_ctx *ctx, int flags)
{
	struct buf b;
	long t = (long)time(NULL);
	unsigned n = ++control_number;

	buf_init(&b);
	buf_printf(&b, "%%begin %ld %u %d\n", t, n, flags);
	buf_add(&b, ctx->out.data, ctx->out.len);
	if (ctx->out.len > 0 && ctx->out.data[ctx->out.len - 1] != '\n')
		buf_addc(&b, '\n');
	buf_add(&b, ctx->err.data, ctx->err.len);
	if (ctx->err.len > 0 && ctx->err.data[ctx->err.len - 1] != '\n')
		buf_addc(&b, '\n');
	buf_printf(&b, "%%%s %ld %u %d\n", ctx->status != 0 ? "error" : "end", t, n, flags);
	control_write(c, b.data, b.len);
	buf_free(&b);
}

static int control_session_alive(struct server *srv, const struct session *s)
{
	for (struct session *o = srv->sessions; o != NULL; o = o->next) {
		if (o == s)
			return 1;
	}
	return 0;
}

int control_command_done(struct peer *c, struct cmd_ctx *ctx, int first)
{
	struct control *ctl = c->control;

	ctl->running = 0;
	if (c->state == PEER_CLOSING || ctl->exiting)
		return 1;
	control_block(c, ctx, first ? 0 : 1);
	if (ctl->exit_deferred) {
		control_exit_status(c, ctl->exit_status, ctl->exit_reason);
		return 1;
	}
	if (ctx->status == 0 && ctx->attach != NULL && !c->srv->exiting &&
	    control_session_alive(c->srv, ctx->attach)) {
		if (c->state == PEER_ATTACHED)
			attach_switch(c, ctx->attach, ctx->attach_flags);
		else
			attach_start(c, ctx->attach, ctx->attach_flags);
	}
	/* what the command changed, before the next line's block */
	control_notify(c);
	if (c->state != PEER_ATTACHED) {
		/* as tmux: a control client with no session is done */
		control_exit_status(c, ctx->status, NULL);
		return 1;
	}
	return 0;
}

/* A line's command list is over (at once, or after it waited). */
static void control_line_finish(struct cmd_ctx *ctx)
{
	struct peer *c = ctx->peer;

	if (c != NULL && c->control != NULL) {
		if (c->pending == ctx)
			c->pending = NULL;
		if (!control_command_done(c, ctx, 0))
			control_run_lines(c);
	}
	cmd_ctx_free(ctx);
	free(ctx);
}

static void control_run_line(struct peer *c, const char *line)
{
	struct cmd_ctx *ctx = xmalloc(sizeof *ctx);
	char **argv = NULL, *err = NULL;
	int argc = 0;

	cmd_ctx_init(ctx, c->srv, c);
	ctx->finish = control_line_finish;
	c->control->running = 1;
	if (parse_words(line, &argv, &argc, &err) != 0) {
		cmd_error(ctx, "parse error: %s", err);
		ctx->status = 1;
		free(err);
		control_line_finish(ctx);
		return;
	}
	cmd_run(ctx, argc, argv);
	parse_free(argv, argc);
	if (ctx->suspended) {
		c->pending = ctx; /* run-shell, if-shell ... finish it later */
		return;
	}
	control_line_finish(ctx);
}

void control_run_lines(struct peer *c)
{
	struct control *ctl = c->control;

	while (ctl != NULL && c->control == ctl && !ctl->running && !ctl->exiting &&
	       c->state == PEER_ATTACHED) {
		char *nl = ctl->in.len > 0 ? memchr(ctl->in.data, '\n', ctl->in.len) : NULL;
		size_t n;
		char *line;

		if (nl == NULL) {
			if (ctl->eof)
				attach_detach(c, NULL); /* (its end is an empty line) */
			return;
		}
		n = (size_t)(nl - ctl->in.data);
		line = xstrndup(ctl->in.data, n > 0 && nl[-1] == '\r' ? n - 1 : n);
		buf_consume(&ctl->in, n + 1);
		if (*line == '\0') {
			free(line);
			attach_detach(c, NULL); /* an empty line detaches */
			return;
		}
		control_run_line(c, line);
		free(line);
	}
}

/* Its lines wait while its first command runs or a line's command waits. */
#define CONTROL_MAX_INPUT (64u << 20)

void control_input(struct peer *c, const char *data, size_t len)
{
	struct control *ctl = c->control;

	if (len == 0)
		ctl->eof = 1;
	else if (ctl->in.len + len > CONTROL_MAX_INPUT)
		ctl->eof = 1; /* more than anyone types: the rest is dropped */
	else
		buf_add(&ctl->in, data, len);
	control_run_lines(c);
}

/* ---- %output ---- */

static struct control_pane *control_pane_find(struct control *ctl, uint32_t id, int add)
{
	for (int i = 0; i < ctl->npanes; i++) {
		if (ctl->panes[i].id == id)
			return &ctl->panes[i];
	}
	if (!add)
		return NULL;
	ctl->panes = xrealloc(ctl->panes, sizeof *ctl->panes * (ctl->npanes + 1));
	memset(&ctl->panes[ctl->npanes], 0, sizeof *ctl->panes);
	ctl->panes[ctl->npanes].id = id;
	return &ctl->panes[ctl->npanes++];
}

/* The pause-after flag (refresh-client -f, attach -f) in ms; -1 without. */
static long pause_after(const struct peer *c)
{
	return (c->flags & CLIENT_PAUSEAFTER) ? (long)c->pause_after * 1000 : -1;
}

/* Behind: pause the pane (pause-after), or drop the client. Returns 1 if
 * the output is not to be sent. */
static int control_behind(struct peer *c, struct control_pane *cp, uint32_t id)
{
	struct control *ctl = c->control;
	uint64_t age = control_age(c, uv_now(c->srv->loop));
	char line[64];

	if (pause_after(c) >= 0 && age > (uint64_t)pause_after(c)) {
		if (cp == NULL)
			cp = control_pane_find(ctl, id, 1);
		cp->paused = 1;
		snprintf(line, sizeof line, "%%pause %%%u\n", id);
		control_write(c, line, strlen(line));
		return 1;
	}
	if (c->queued > CONTROL_MAX_QUEUED || age > CONTROL_MAX_AGE) {
		log_debug("control client %u: too far behind", c->id);
		control_exit(c, "too far behind");
		return 1;
	}
	return 0;
}

/* As tmux: bytes below space and the backslash as octal escapes. */
static void control_escape(struct buf *b, const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)data[i];

		if (ch < ' ' || ch == '\\')
			buf_printf(b, "\\%03o", ch);
		else
			buf_addc(b, (char)ch);
	}
}

void control_pane_output(struct pane *p, const char *data, size_t len)
{
	struct session *s = p->window != NULL ? p->window->session : NULL;
	struct peer *c, *next;
	struct buf b;

	if (s == NULL || s->attached == 0)
		return;
	buf_init(&b);
	for (c = p->srv->peers; c != NULL; c = next) {
		struct control_pane *cp;

		next = c->next; /* (a client too far behind goes) */
		if (c->control == NULL || c->state != PEER_ATTACHED || c->session != s ||
		    (c->flags & CLIENT_NOOUTPUT) || c->control->exiting)
			continue;
		cp = control_pane_find(c->control, p->id, 0);
		if (cp != NULL && (cp->off || cp->paused))
			continue;
		if (control_behind(c, cp, p->id))
			continue;
		if (pause_after(c) >= 0) {
			/* with pause-after, tmux's %extended-output with the age (ms
			 * the output waited here: none, it is queued at once) */
			struct buf e;

			buf_init(&e);
			buf_printf(&e, "%%extended-output %%%u 0 : ", p->id);
			control_escape(&e, data, len);
			buf_addc(&e, '\n');
			control_write_marked(c, e.data, e.len);
			buf_free(&e);
			continue;
		}
		if (b.len == 0) {
			buf_printf(&b, "%%output %%%u ", p->id);
			control_escape(&b, data, len);
			buf_addc(&b, '\n');
		}
		control_write_marked(c, b.data, b.len);
	}
	buf_free(&b);
}

/* ---- refresh-client ---- */

int control_set_size(struct peer *c, const char *spec, char **err)
{
	char *end;
	long w, h;

	w = strtol(spec, &end, 10);
	if (end == spec || (*end != 'x' && *end != ','))
		goto bad;
	spec = end + 1;
	h = strtol(spec, &end, 10);
	if (end == spec || *end != '\0')
		goto bad;
	if (w < 1 || w > 10000 || h < 1 || h > 10000)
		goto bad;
	c->control->sized = 1;
	attach_resize(c, (int)h, (int)w);
	return 0;
bad:
	*err = xstrdup("bad size argument");
	return -1;
}

/* -A %pane:on|off|pause|continue */
int control_pane_action(struct peer *c, const char *spec, char **err)
{
	const char *colon = strchr(spec, ':');
	char *end, line[64];
	unsigned long id;
	struct control_pane *cp;

	if (spec[0] != '%' || colon == NULL)
		goto bad;
	id = strtoul(spec + 1, &end, 10);
	if (end != colon)
		goto bad;
	if (pane_find_id(c->srv, (uint32_t)id) == NULL) {
		*err = xasprintf("unknown pane: %.*s", (int)(colon - spec), spec);
		return -1;
	}
	cp = control_pane_find(c->control, (uint32_t)id, 1);
	colon++;
	if (strcmp(colon, "on") == 0) {
		cp->off = 0;
	} else if (strcmp(colon, "off") == 0) {
		cp->off = 1;
	} else if (strcmp(colon, "pause") == 0) {
		if (!cp->paused) {
			cp->paused = 1;
			snprintf(line, sizeof line, "%%pause %%%lu\n", id);
			control_write(c, line, strlen(line));
		}
	} else if (strcmp(colon, "continue") == 0) {
		if (cp->paused) {
			cp->paused = 0;
			snprintf(line, sizeof line, "%%continue %%%lu\n", id);
			control_write(c, line, strlen(line));
		}
	} else {
		goto bad;
	}
	return 0;
bad:
	*err = xasprintf("bad pane argument: %s", spec);
	return -1;
}
