/*
 * attach: a client showing a session. Its keys go to the active pane (or to
 * the prefix table); its screen is redrawn from the panes' grids after the
 * loop has drained pending reads, with at most one frame in flight: a client
 * that has not yet written its previous frame is marked dirty and skipped,
 * so a slow or stopped terminal never slows a pane or another client.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "render/box.h"
#include "render/render.h"
#include "render/status.h"
#include "render/style.h"
#include "server/alerts.h"
#include "server/passthru.h"
#include "render/tty.h"
#include "server/choose.h"
#include "server/client_flags.h"
#include "server/client_view.h"
#include "server/clock.h"
#include "server/control.h"
#include "server/copy.h"
#include "server/display_panes.h"
#include "server/pane_border.h"
#include "server/menu.h"
#include "server/popup.h"
#include "server/layout.h"
#include "server/mouse.h"
#include "server/server.h"
#include "server/ttyfd.h"
#include "term/grid.h"
#include "term/key.h"
#include "util/utf8.h"

/* How many status lines (the status option: off, on, 2 to 5). */
static int status_lines(struct options *o)
{
	return (int)options_number(o, "status");
}

/* A client reads its session's options (which inherit the global ones). */
static struct options *client_options(struct peer *c)
{
	return c->session != NULL ? session_options(c->session) : c->srv->options;
}

/* The size a session's windows take from its attached clients, per
 * window-size: the most recently active client (latest), the largest or the
 * smallest of them in each direction, or no change at all (manual). */
/* An ignore-size client (attach -r or -f ignore-size) does not size
 * windows while some client without it is attached anywhere, as in tmux. */
static int size_ignored(const struct peer *c)
{
	if (c->suspended)
		return 1; /* a stopped client's terminal may be anything now */
	if (!(c->flags & CLIENT_IGNORESIZE))
		return 0;
	for (const struct peer *o = c->srv->peers; o != NULL; o = o->next) {
		if (o->state == PEER_ATTACHED && o->session != NULL &&
		    !(o->flags & CLIENT_IGNORESIZE) && !o->suspended)
			return 1;
	}
	return 0;
}

/* The size the session's clients give under one window-size mode; 0 if no
 * client says. */
static int clients_size(struct session *s, const char *mode, int *sx, int *sy)
{
	int largest = strcmp(mode, "largest") == 0, latest = strcmp(mode, "latest") == 0;
	int st = status_lines(session_options(s));
	struct peer *c, *last = NULL;

	*sx = *sy = -1;
	for (c = s->srv->peers; c != NULL; c = c->next) {
		/* a control client has no status line, and no size until
		 * refresh-client -C gives it one */
		int cx = c->cols, cy = c->rows - (c->control != NULL ? 0 : st);

		if (c->state != PEER_ATTACHED || c->session != s || cx < 1 || cy < 1 ||
		    size_ignored(c) || (c->control != NULL && !c->control->sized))
			continue;
		if (latest) {
			if (last == NULL || c->activity > last->activity) {
				last = c;
				*sx = cx;
				*sy = cy;
			}
			continue;
		}
		if (*sx < 0 || (largest ? cx > *sx : cx < *sx))
			*sx = cx;
		if (*sy < 0 || (largest ? cy > *sy : cy < *sy))
			*sy = cy;
	}
	return *sx > 0 && *sy > 0;
}

/* Each window takes its size from the session's attached clients per its
 * window-size option: the most recently active client (latest), the largest
 * or smallest of them in each direction, or no change (manual, also what
 * resize-window sets). With aggressive-resize, only the clients that show
 * the window size it: a window that is not its session's current one keeps
 * its size until it is selected. */
static void attach_size_session(struct session *s)
{
	struct window *w;
	int sx, sy;

	if (clients_size(s, options_string(session_options(s), "window-size"), &sx, &sy)) {
		s->sx = sx;
		s->sy = sy;
	}
	for (w = s->windows; w != NULL; w = w->next) {
		const char *mode = options_string(window_options(w), "window-size");

		if (w != s->current && options_number(window_options(w), "aggressive-resize"))
			continue;
		if (strcmp(mode, "manual") != 0 && clients_size(s, mode, &sx, &sy))
			window_resize(w, sx, sy);
	}
}

/* resize-window changed a window's size or mode: clients may differ now. */
void attach_resize_windows(struct session *s)
{
	attach_size_session(s);
	attach_mark_session(s);
}

/* Make c the most recently active client: strictly after every other, even
 * within one loop iteration (where uv_now is the same for every event), so
 * that window-size latest never has a tie to settle. */
static void client_touch(struct peer *c)
{
	uint64_t t = uv_now(c->srv->loop);

	for (struct peer *o = c->srv->peers; o != NULL; o = o->next) {
		if (o != c && o->activity >= t)
			t = o->activity + 1;
	}
	c->activity = t;
}

/* Input or a resize makes a client the latest one of its session. */
static void attach_activity(struct peer *c)
{
	int was_latest = 1;
	struct peer *o;

	for (o = c->srv->peers; o != NULL; o = o->next) {
		if (o != c && o->state == PEER_ATTACHED && o->session == c->session &&
		    o->activity >= c->activity)
			was_latest = 0;
	}
	client_touch(c);
	if (!was_latest)
		attach_size_session(c->session);
}

static void tty_out(const char *buf, size_t len, void *ctx)
{
	struct peer *c = ctx;

	if (c->control == NULL) /* a control client's terminal is nowhere */
		buf_add(&c->frame, buf, len);
}

static void flush_frame(struct peer *c)
{
	if (c->frame.len == 0)
		return;
	peer_send(c, MSG_OUTPUT, c->frame.data, c->frame.len);
	c->frame.len = 0;
}

static struct pane *active_pane(struct peer *c)
{
	return client_pane(c);
}

/* ---- keys: tables, bindings and the command prompt ---- */

/* The rest of a command prompt's state; the label, text and cursor the
 * renderer draws are in struct peer. */
struct prompt {
	char *tmpl;	      /* command text with %1.. %% for the responses */
	char **labels;	      /* one per response to ask for */
	char **inputs;	      /* initial text of each, may run out */
	char **responses;     /* given so far */
	int n, ninputs, i;    /* labels, inputs, current */
	int flags;	      /* PROMPT_SINGLE, PROMPT_CONFIRM */
	int hist;	      /* history entry shown (the count: none) */
	int type;	      /* the history it uses (enum prompt_type) */
	int vi_command;	      /* status-keys vi: in command mode (Escape) */
	attach_prompt_fn *fn; /* takes the response instead of tmpl, or NULL */
	void *arg;	      /* fn's, freed with the prompt */
};

/* Commands a read-only client may run from a binding (tmux lets it do
 * nothing that changes anything but detach and switch sessions). */
static const char *const readonly_commands[] = {
	"detach-client",   "switch-client", "list-keys",     "list-sessions",  "list-windows",
	"list-panes",	   "list-clients",  "list-buffers",  "show-options",   "show-messages",
	"display-message", "has-session",   "display-panes", "refresh-client", NULL,
};

static void mark_dirty(struct peer *c)
{
	attach_mark_client(c);
}

static int readonly_allowed(int argc, char **argv)
{
	int first = 1;

	for (int i = 0; i < argc; i++) {
		const struct cmd_entry *e;
		char *err = NULL;
		int ok = 0;

		if (strcmp(argv[i], ";") == 0) {
			first = 1;
			continue;
		}
		if (!first)
			continue;
		first = 0;
		e = cmd_find(argv[i], &err);
		free(err);
		for (int j = 0; e != NULL && readonly_commands[j] != NULL; j++)
			ok |= strcmp(e->name, readonly_commands[j]) == 0;
		if (!ok)
			return 0;
	}
	return 1;
}

/* The first line of text, for the status line. */
static void message_first_line(struct peer *c, const char *text)
{
	char *line = xstrndup(text, strcspn(text, "\n"));

	attach_message(c, line);
	free(line);
}

/* A binding's command list that waits (run-shell, if-shell, run-shell -d,
 * display-panes): it goes on from the loop, and its client may be gone by
 * then. One server per process, so one list. */
struct binding_run {
	struct cmd_ctx ctx;
	struct binding_run *next;
};
static struct binding_run *binding_runs;

static int session_alive(struct server *srv, const struct session *s)
{
	for (struct session *o = srv->sessions; o != NULL; o = o->next) {
		if (o == s)
			return 1;
	}
	return 0;
}

/* The list is over: switch-client's session, and errors or output on the
 * client's status line. */
static void binding_finish(struct cmd_ctx *ctx)
{
	struct binding_run *r = (struct binding_run *)ctx, **rp;
	struct peer *c = ctx->peer;

	for (rp = &binding_runs; *rp != NULL && *rp != r; rp = &(*rp)->next)
		;
	if (*rp != NULL)
		*rp = r->next;
	if (c != NULL && c->state == PEER_ATTACHED) {
		if (ctx->attach != NULL && ctx->status == 0 && session_alive(c->srv, ctx->attach))
			attach_switch(c, ctx->attach, ctx->attach_flags);
		if (ctx->err.len > 0)
			message_first_line(c, buf_cstr(&ctx->err));
		else if (ctx->out.len > 0)
			message_first_line(c, buf_cstr(&ctx->out));
	}
	cmd_ctx_free(ctx);
	free(r);
}

/* The client goes: its waiting lists go on without it. */
static void binding_runs_forget(struct peer *c)
{
	for (struct binding_run *r = binding_runs; r != NULL; r = r->next) {
		if (r->ctx.peer == c)
			r->ctx.peer = NULL;
	}
}

/* Run command text for the client (a binding, a prompt's command); errors
 * and output go to its status line. The list may wait, as in tmux (the
 * DoubleClick1Pane binding's run-shell -d 0.3 shows the selection before
 * copying it). A mouse binding's commands have the event: the = target,
 * send-keys -M, and the pane under it as the current pane; current (if
 * not NULL) is the current pane otherwise (a menu's). */
static void run_command_mouse(struct peer *c, const char *text, const struct mouse_event *m,
			      struct pane *current)
{
	struct binding_run *r;
	char **argv = NULL, *err = NULL;
	int argc = 0;

	if (parse_words(text, &argv, &argc, &err) != 0) {
		attach_message(c, err);
		free(err);
		return;
	}
	if (c->readonly && !readonly_allowed(argc, argv)) {
		parse_free(argv, argc);
		attach_message(c, "client is read-only");
		return;
	}
	r = xmalloc(sizeof *r);
	cmd_ctx_init(&r->ctx, c->srv, c);
	r->ctx.finish = binding_finish;
	r->ctx.current = current;
	if (m != NULL)
		r->ctx.mouse = *m;
	r->next = binding_runs;
	binding_runs = r;
	cmd_run(&r->ctx, argc, argv);
	parse_free(argv, argc);
	if (!r->ctx.suspended)
		binding_finish(&r->ctx);
}

static void run_command_text(struct peer *c, const char *text)
{
	run_command_mouse(c, text, NULL, NULL);
}

void attach_run_command(struct peer *c, const char *text)
{
	run_command_text(c, text);
}

void attach_run_command_at(struct peer *c, const char *text, struct pane *p,
			   const struct mouse_event *m)
{
	run_command_mouse(c, text, m, p);
}

/* The prefix key options as keys. Every key typed is compared with them,
 * and parsing a name looks through every key name: each is parsed again
 * only when its text is not what it was last time. */
struct prefix_memo {
	char text[32];
	int parsed; /* key_parse's result for text */
	struct key key;
};

static int prefix_key(struct prefix_memo *m, const char *text, struct key *k)
{
	if (strlen(text) >= sizeof m->text)
		return key_parse(text, k);
	if (strcmp(m->text, text) != 0 || m->text[0] == '\0') {
		snprintf(m->text, sizeof m->text, "%s", text);
		m->parsed = key_parse(text, &m->key);
	}
	*k = m->key;
	return m->parsed;
}

static int key_is_prefix(struct peer *c, const struct key *k)
{
	static const char *const names[] = {"prefix", "prefix2"};
	static struct prefix_memo memo[2];
	struct key p;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (prefix_key(&memo[i], options_string(client_options(c), names[i]), &p) == 0 &&
		    key_equal(k, &p))
			return 1;
	}
	return 0;
}

static void set_key_table(struct peer *c, const char *name, int repeat);

/* repeat-time is over: back to the root table (and the status line shows
 * the prefix is no longer active). */
static void repeat_timer_cb(uv_timer_t *t)
{
	struct peer *c = t->data;

	if (c->state == PEER_ATTACHED && c->key_repeat)
		set_key_table(c, NULL, 0);
}

/* Switch the table the next key is looked up in (NULL: the default,
 * key-table); a repeat holds it for repeat-time. */
static void set_key_table(struct peer *c, const char *name, int repeat)
{
	char *copy = name != NULL ? xstrdup(name) : NULL;
	uint64_t ms = (uint64_t)options_number(client_options(c), "repeat-time");

	free(c->key_table);
	c->key_table = copy;
	c->prefix_pending = copy != NULL && strcmp(copy, "prefix") == 0;
	c->key_repeat = repeat;
	uv_timer_stop(&c->repeat_timer);
	if (repeat) {
		c->repeat_deadline = uv_now(c->srv->loop) + ms;
		uv_timer_start(&c->repeat_timer, repeat_timer_cb, ms, 0);
	}
	mark_dirty(c);
}

/* The table a client's keys are looked up in when no other is armed: the
 * session's key-table (root by default). */
static const char *default_key_table(struct peer *c)
{
	return options_string(session_options(c->session), "key-table");
}

void attach_key_table(struct peer *c, const char *name)
{
	set_key_table(c, name != NULL && strcmp(name, default_key_table(c)) == 0 ? NULL : name, 0);
}

static void key_to_pane(struct peer *c, const struct key *k)
{
	struct pane *p = active_pane(c);

	if (p == NULL || c->readonly)
		return;
	for (struct pane *q = pane_input_first(p); q != NULL; q = pane_sync_next(p, q))
		pane_send_key(q, k);
}

/* The key table of a pane's copy mode (per mode-keys), or NULL. */
static const char *copy_key_table(struct pane *p)
{
	if (p == NULL || p->copy == NULL)
		return NULL;
	if (strcmp(options_string(window_options(p->window), "mode-keys"), "vi") == 0)
		return "copy-mode-vi";
	return "copy-mode";
}

/* A key bound nowhere goes to the active pane; a mouse key to the pane
 * under the pointer (mouse.c). */
static void unbound_to_pane(struct peer *c, const struct key *k, const struct mouse_event *m)
{
	if (m != NULL)
		mouse_forward(c, m);
	else
		key_to_pane(c, k);
}

/* tmux's rules: the prefix arms the prefix table; a key bound in the
 * current table runs its command; a key not bound in a table other than the
 * default (key-table, root unless set) is dropped, unless a repeat was
 * running, when it starts over in the default; one not bound in the default
 * goes to the pane. A mouse key (m not NULL) is about the pane under the
 * pointer: that pane's copy mode decides the table, and the key goes to
 * that pane's program; motion with no button held never ends a table. */
/*
 * assume-paste-time: keys coming faster than this (ms) were pasted into a
 * terminal that does not say so (no bracketed paste), and go to the pane
 * as typed, bindings and the prefix included. As in tmux, the second quick
 * key only arms this and is still looked up, so that a prefix and its key
 * typed in one go still work; from the third on they are pasted.
 */
static int assume_paste(struct peer *c)
{
	long ms = options_number(client_options(c), "assume-paste-time");
	uint64_t now = uv_hrtime(), gap = now - c->key_ns;

	c->key_ns = now;
	if (ms <= 0 || gap >= (uint64_t)ms * 1000000) {
		c->pasting = 0;
		return 0;
	}
	if (c->pasting)
		return 1;
	c->pasting = 1;
	return 0;
}

static void key_dispatch(struct peer *c, const struct key *k, const struct mouse_event *m)
{
	const struct key_binding *b;
	const char *mode;
	char *table, *cmd;
	int repeat;
	struct pane *p;

	if (c->key_repeat && uv_now(c->srv->loop) > c->repeat_deadline)
		set_key_table(c, NULL, 0);
	p = m != NULL ? mouse_pane(c->srv, m) : active_pane(c);
	if (m == NULL && assume_paste(c) && c->key_table == NULL && p != NULL && p->copy == NULL &&
	    p->choose == NULL && p->clock == NULL) {
		key_to_pane(c, k);
		return;
	}
	if (m == NULL && c->key_table == NULL && key_is_prefix(c, k)) {
		set_key_table(c, "prefix", 0);
		return;
	}
	if (m == NULL && c->key_table == NULL && p != NULL && p->choose != NULL) {
		choose_key(c, p, k); /* buffer mode takes the keys, as tmux */
		return;
	}
	if (m == NULL && c->key_table == NULL && p != NULL && p->clock != NULL) {
		clock_exit(p); /* any key leaves clock mode, and goes no further */
		return;
	}
	/* a pane in copy mode takes root's place: its table first, then root;
	 * a key bound in neither is dropped rather than typed into the pane */
	mode = c->key_table == NULL ? copy_key_table(p) : NULL;
	b = mode != NULL ? keys_lookup(keys_server(), mode, k) : NULL;
	if (b == NULL)
		b = keys_lookup(keys_server(),
				c->key_table != NULL ? c->key_table : default_key_table(c), k);
	if (b == NULL && mode != NULL)
		return;
	if (b == NULL && m != NULL && KEY_MOUSE_EVENT(k->cp) == KEY_MOUSE_MOVE) {
		mouse_forward(c, m);
		return;
	}
	if (b == NULL || (c->key_repeat && !b->repeat)) {
		if (c->key_table == NULL) {
			unbound_to_pane(c, k, m);
			return;
		}
		repeat = c->key_repeat;
		set_key_table(c, NULL, 0);
		if (repeat)
			key_dispatch(c, k, m);
		return;
	}
	table = xstrdup(c->key_table != NULL ? c->key_table : default_key_table(c));
	cmd = xstrdup(b->cmd); /* the command may unbind its own key */
	/* a repeat holds a table other than the default (where keys go anyway) */
	repeat = b->repeat && options_number(client_options(c), "repeat-time") > 0 &&
		 c->key_table != NULL;
	set_key_table(c, repeat ? table : NULL, repeat);
	run_command_mouse(c, cmd, m, NULL);
	free(cmd);
	free(table);
}

static void prompt_set_text(struct peer *c, const char *text)
{
	c->prompt_buf.len = 0;
	buf_adds(&c->prompt_buf, text);
	buf_cstr(&c->prompt_buf); /* never NULL for the renderer */
	c->prompt_cursor = c->prompt_buf.len;
}

/* Show the prompt for response p->i. */
static void prompt_show(struct peer *c)
{
	struct prompt *p = c->prompt;

	free(c->prompt_label);
	c->prompt_label = xstrdup(p->labels[p->i]);
	prompt_set_text(c, p->i < p->ninputs ? p->inputs[p->i] : "");
	p->hist = prompt_history_count(c->srv, p->type);
	mark_dirty(c);
}

static char **split_commas(const char *s, int *n)
{
	char **v = NULL;
	const char *p = s;

	*n = 0;
	for (;;) {
		size_t len = strcspn(p, ",");

		v = xrealloc(v, sizeof *v * (*n + 1));
		v[(*n)++] = xstrndup(p, len);
		if (p[len] == '\0')
			return v;
		p += len + 1;
	}
}

static void free_strings(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void attach_prompt_clear(struct peer *c)
{
	struct prompt *p = c->prompt;

	if (p != NULL) {
		free(p->arg);
		free(p->tmpl);
		free_strings(p->labels, p->n);
		free_strings(p->inputs, p->ninputs);
		free_strings(p->responses, p->i);
		free(p);
		c->prompt = NULL;
	}
	free(c->prompt_label);
	c->prompt_label = NULL;
	buf_free(&c->prompt_buf);
	c->prompt_cursor = 0;
}

void attach_prompt(struct peer *c, const char *prompts, const char *inputs, const char *tmpl,
		   int flags, int type)
{
	struct prompt *p;

	attach_prompt_clear(c);
	p = xcalloc(1, sizeof *p);
	p->tmpl = xstrdup(tmpl != NULL && *tmpl != '\0' ? tmpl : "%1");
	if (flags & (PROMPT_CONFIRM | PROMPT_WHOLE)) { /* one label: a comma in it is text */
		p->labels = xcalloc(1, sizeof *p->labels);
		p->labels[0] = xstrdup(prompts != NULL		  ? prompts
				       : (flags & PROMPT_CONFIRM) ? "(y/n) "
								  : ":");
		p->n = 1;
	} else {
		p->labels = split_commas(prompts != NULL ? prompts : ":", &p->n);
	}
	if (inputs != NULL && (flags & PROMPT_WHOLE)) {
		p->inputs = xcalloc(1, sizeof *p->inputs);
		p->inputs[0] = xstrdup(inputs);
		p->ninputs = 1;
	} else if (inputs != NULL) {
		p->inputs = split_commas(inputs, &p->ninputs);
	}
	p->responses = xcalloc(p->n, sizeof *p->responses);
	p->flags = flags;
	p->type = type;
	c->prompt = p;
	buf_init(&c->prompt_buf);
	prompt_show(c);
}

void attach_prompt_call(struct peer *c, const char *label, const char *input, int type,
			attach_prompt_fn *fn, void *arg)
{
	attach_prompt(c, label, input, NULL, PROMPT_WHOLE, type);
	c->prompt->fn = fn;
	c->prompt->arg = arg;
}

/* attach_prompt_call's prompt answered: its function has the text. */
static void prompt_call(struct peer *c, const char *response)
{
	struct prompt *p = c->prompt;
	attach_prompt_fn *fn = p->fn;
	void *arg = p->arg;
	char *text = xstrdup(response);

	p->arg = NULL;
	attach_prompt_clear(c); /* before calling: it may prompt again */
	mark_dirty(c);
	fn(c, text, arg);
	free(text);
	free(arg);
}

/* A response is in: ask the next one, or run the template with them all. */
static void prompt_accept(struct peer *c, const char *response)
{
	struct prompt *p = c->prompt;
	char *cmd;

	if (!(p->flags & PROMPT_SINGLE))
		prompt_history_add(c->srv, p->type, response);
	if (p->fn != NULL) {
		prompt_call(c, response);
		return;
	}
	p->responses[p->i++] = xstrdup(response);
	if (p->i < p->n) {
		prompt_show(c);
		return;
	}
	/* confirm-before runs its command as it is: a %% in it is not ours */
	if (p->flags & PROMPT_CONFIRM)
		cmd = xstrdup(p->tmpl);
	else
		cmd = keys_template(p->tmpl, p->responses, p->n);
	attach_prompt_clear(c); /* before running: the command may prompt again */
	mark_dirty(c);
	run_command_text(c, cmd);
	free(cmd);
}

static void prompt_cancel(struct peer *c)
{
	attach_prompt_clear(c);
	mark_dirty(c);
}

/* UTF-8 aware steps of the cursor. */
static size_t prompt_prev(const struct peer *c, size_t at)
{
	while (at > 0 && (c->prompt_buf.data[--at] & 0xc0) == 0x80)
		;
	return at;
}

static size_t prompt_next(const struct peer *c, size_t at)
{
	while (at < c->prompt_buf.len && (c->prompt_buf.data[++at] & 0xc0) == 0x80)
		;
	return at < c->prompt_buf.len ? at : c->prompt_buf.len;
}

static void prompt_delete(struct peer *c, size_t from, size_t to)
{
	struct buf *b = &c->prompt_buf;

	memmove(b->data + from, b->data + to, b->len - to);
	b->len -= to - from;
	if (c->prompt_cursor > to)
		c->prompt_cursor -= to - from;
	else if (c->prompt_cursor > from)
		c->prompt_cursor = from;
}

static void prompt_insert(struct peer *c, uint32_t cp)
{
	struct buf *b = &c->prompt_buf;
	char u[4];
	size_t n;

	if (cp < 0x80)
		u[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		u[0] = (char)(0xc0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	else if (cp < 0x10000)
		u[0] = (char)(0xe0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		u[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	else
		u[0] = (char)(0xf0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), u[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	buf_reserve(b, n);
	memmove(b->data + c->prompt_cursor + n, b->data + c->prompt_cursor,
		b->len - c->prompt_cursor);
	memcpy(b->data + c->prompt_cursor, u, n);
	b->len += n;
	c->prompt_cursor += n;
}

/* C-w: the word before the cursor and the spaces after it. */
static void prompt_delete_word(struct peer *c)
{
	size_t at = c->prompt_cursor;

	while (at > 0 && c->prompt_buf.data[at - 1] == ' ')
		at--;
	while (at > 0 && c->prompt_buf.data[at - 1] != ' ')
		at--;
	prompt_delete(c, at, c->prompt_cursor);
}

/* M-b / M-f (vi b, w): to the start of the previous or next word. */
static void prompt_word_left(struct peer *c)
{
	size_t at = c->prompt_cursor;

	while (at > 0 && c->prompt_buf.data[at - 1] == ' ')
		at--;
	while (at > 0 && c->prompt_buf.data[at - 1] != ' ')
		at--;
	c->prompt_cursor = at;
}

static void prompt_word_right(struct peer *c)
{
	size_t at = c->prompt_cursor, len = c->prompt_buf.len;

	while (at < len && c->prompt_buf.data[at] != ' ')
		at++;
	while (at < len && c->prompt_buf.data[at] == ' ')
		at++;
	c->prompt_cursor = at;
}

static void prompt_history_step(struct peer *c, int dir)
{
	struct prompt *p = c->prompt;
	int h = p->hist + dir, n = prompt_history_count(c->srv, p->type);

	if (h < 0 || h > n)
		return;
	p->hist = h;
	prompt_set_text(c, h < n ? prompt_history_item(c->srv, p->type, h) : "");
}

/* Keys with Ctrl (emacs editing); returns 0 if the key is not one. */
static int prompt_ctrl_key(struct peer *c, uint32_t cp)
{
	switch (cp) {
	case 'a':
		c->prompt_cursor = 0;
		return 1;
	case 'e':
		c->prompt_cursor = c->prompt_buf.len;
		return 1;
	case 'b':
		c->prompt_cursor = prompt_prev(c, c->prompt_cursor);
		return 1;
	case 'f':
		c->prompt_cursor = prompt_next(c, c->prompt_cursor);
		return 1;
	case 'h':
		prompt_delete(c, prompt_prev(c, c->prompt_cursor), c->prompt_cursor);
		return 1;
	case 'd':
		prompt_delete(c, c->prompt_cursor, prompt_next(c, c->prompt_cursor));
		return 1;
	case 'k':
		prompt_delete(c, c->prompt_cursor, c->prompt_buf.len);
		return 1;
	case 'u':
		prompt_delete(c, 0, c->prompt_buf.len);
		return 1;
	case 'w':
		prompt_delete_word(c);
		return 1;
	case 'p':
		prompt_history_step(c, -1);
		return 1;
	case 'n':
		prompt_history_step(c, 1);
		return 1;
	}
	return 0;
}

static void prompt_sym_key(struct peer *c, VTermKey sym)
{
	switch (sym) {
	case VTERM_KEY_LEFT:
		prompt_ctrl_key(c, 'b');
		break;
	case VTERM_KEY_RIGHT:
		prompt_ctrl_key(c, 'f');
		break;
	case VTERM_KEY_HOME:
		prompt_ctrl_key(c, 'a');
		break;
	case VTERM_KEY_END:
		prompt_ctrl_key(c, 'e');
		break;
	case VTERM_KEY_BACKSPACE:
		prompt_ctrl_key(c, 'h');
		break;
	case VTERM_KEY_DEL:
		prompt_ctrl_key(c, 'd');
		break;
	case VTERM_KEY_UP:
		prompt_history_step(c, -1);
		break;
	case VTERM_KEY_DOWN:
		prompt_history_step(c, 1);
		break;
	default:
		break;
	}
}

int attach_prompt_vi_command(const struct peer *c)
{
	return c->prompt != NULL && c->prompt->vi_command;
}

/* vi command mode: the keys map onto the emacs editing actions; the ones
 * that start typing leave command mode. Returns 1 if the key was one. */
/* In a string of pairs (a key, then what it stands for): cp's pair, or 0. */
static char pair_lookup(const char *pairs, uint32_t cp)
{
	for (; pairs[0] != '\0' && pairs[1] != '\0'; pairs += 2) {
		if ((uint32_t)(unsigned char)pairs[0] == cp)
			return pairs[1];
	}
	return 0;
}

static int prompt_vi_command(struct peer *c, uint32_t cp)
{
	/* vi keys and the emacs Ctrl keys that do the same; those in insert
	 * also leave command mode (i does only that) */
	static const char moves[] = "hblf f0a^a$exdXhDkdujnkp", insert[] = "iiafAeIaCksd";
	char to;

	if ((to = pair_lookup(moves, cp)) != 0) {
		prompt_ctrl_key(c, (uint32_t)to);
	} else if ((to = pair_lookup(insert, cp)) != 0) {
		if (to != 'i')
			prompt_ctrl_key(c, (uint32_t)to);
		c->prompt->vi_command = 0;
	} else if (cp == 'w' || cp == 'W' || cp == 'e' || cp == 'E') {
		prompt_word_right(c);
	} else if (cp == 'b' || cp == 'B') {
		prompt_word_left(c);
	} else if (cp == 'q') {
		prompt_cancel(c);
	} else {
		return 0;
	}
	return 1;
}

static int prompt_vi_mode(struct peer *c)
{
	return strcmp(options_string(client_options(c), "status-keys"), "vi") == 0;
}

/* A single-key prompt (confirm-before): y runs, anything else cancels. */
static void prompt_single_key(struct peer *c, const struct key *k)
{
	char name[64];

	if (c->prompt->flags & PROMPT_CONFIRM) {
		if (k->kind == KEY_CHAR && k->mod == 0 && (k->cp == 'y' || k->cp == 'Y'))
			prompt_accept(c, "y");
		else
			prompt_cancel(c);
		return;
	}
	if (k->kind == KEY_SYM && k->sym == VTERM_KEY_ESCAPE)
		prompt_cancel(c);
	else
		prompt_accept(c, key_name(k, name, sizeof name));
}

/* command-prompt -i: the template with the text after prefix ('=' the
 * text changed, '+' / '-' search on), the prompt staying open. */
static void prompt_incremental(struct peer *c, char prefix)
{
	char *text = xasprintf("%c%s", prefix, buf_cstr(&c->prompt_buf));
	char *resp[1] = {text}, *cmd = keys_template(c->prompt->tmpl, resp, 1);

	run_command_text(c, cmd);
	free(cmd);
	free(text);
	mark_dirty(c);
}

static void prompt_key_edit(struct peer *c, const struct key *k);

/* An incremental prompt: C-s and C-r search on, Enter closes it, and any
 * change of the text runs the template. */
static void prompt_key_incremental(struct peer *c, const struct key *k)
{
	int ctrl = k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL;
	char *before;

	if (ctrl && (k->cp == 's' || k->cp == 'r')) {
		prompt_incremental(c, k->cp == 's' ? '+' : '-');
		return;
	}
	if ((k->kind == KEY_SYM && (k->sym == VTERM_KEY_ENTER || k->sym == VTERM_KEY_KP_ENTER)) ||
	    (ctrl && (k->cp == 'm' || k->cp == 'j'))) {
		prompt_history_add(c->srv, c->prompt->type, buf_cstr(&c->prompt_buf));
		prompt_cancel(c);
		return;
	}
	before = xstrdup(buf_cstr(&c->prompt_buf));
	prompt_key_edit(c, k);
	if (c->prompt != NULL && strcmp(before, buf_cstr(&c->prompt_buf)) != 0)
		prompt_incremental(c, '=');
	free(before);
}

/* A numeric prompt answered by a key that is not a digit: that key is
 * then the client's as usual. */
static int prompt_numeric_done(struct peer *c, const struct key *k)
{
	if (!(c->prompt->flags & PROMPT_NUMERIC) ||
	    (k->kind == KEY_CHAR && k->mod == 0 && k->cp >= '0' && k->cp <= '9'))
		return 0;
	prompt_accept(c, buf_cstr(&c->prompt_buf));
	return 1;
}

static void prompt_key(struct peer *c, const struct key *k)
{
	if (c->prompt->flags & PROMPT_INCREMENTAL)
		prompt_key_incremental(c, k);
	else
		prompt_key_edit(c, k);
}

static void prompt_key_edit(struct peer *c, const struct key *k)
{
	int ctrl = k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL;

	if (c->prompt->flags & PROMPT_SINGLE) {
		prompt_single_key(c, k);
		return;
	}
	if (k->kind == KEY_SYM && k->sym == VTERM_KEY_ESCAPE && prompt_vi_mode(c) &&
	    !c->prompt->vi_command) {
		c->prompt->vi_command = 1; /* vi: Escape is command mode, twice cancels */
		c->prompt_cursor = prompt_prev(c, c->prompt_cursor);
		mark_dirty(c);
		return;
	}
	if ((k->kind == KEY_SYM && k->sym == VTERM_KEY_ESCAPE) || (ctrl && k->cp == 'c') ||
	    (ctrl && k->cp == 'g')) {
		prompt_cancel(c);
		return;
	}
	if ((k->kind == KEY_SYM && (k->sym == VTERM_KEY_ENTER || k->sym == VTERM_KEY_KP_ENTER)) ||
	    (ctrl && (k->cp == 'm' || k->cp == 'j'))) {
		prompt_accept(c, buf_cstr(&c->prompt_buf));
		return;
	}
	if (c->prompt->vi_command && k->kind == KEY_CHAR && k->mod == 0) {
		prompt_vi_command(c, k->cp); /* may cancel */
		if (c->prompt != NULL)
			mark_dirty(c);
		return;
	}
	if (ctrl)
		prompt_ctrl_key(c, k->cp);
	else if (k->kind == KEY_CHAR && k->mod == VTERM_MOD_ALT && (k->cp == 'b' || k->cp == 'f'))
		k->cp == 'b' ? prompt_word_left(c) : prompt_word_right(c);
	else if (k->kind == KEY_SYM)
		prompt_sym_key(c, k->sym);
	else if (k->kind == KEY_CHAR && !(k->mod & (VTERM_MOD_CTRL | VTERM_MOD_ALT)))
		prompt_insert(c, k->cp);
	mark_dirty(c);
}

static void tty_key(const struct key *k, const char *paste, size_t paste_len, void *ctx)
{
	struct peer *c = ctx;
	struct pane *p = active_pane(c);

	if (c->state != PEER_ATTACHED)
		return;
	attach_activity(c);
	if (c->message != NULL && c->message_drops_keys)
		return;
	if (c->message != NULL) {
		/* A key clears a displayed message, as in tmux. */
		free(c->message);
		c->message = NULL;
		uv_timer_stop(&c->msg_timer);
		mark_dirty(c);
	}
	if (paste == NULL && menu_key(c, k))
		return; /* a menu takes every key */
	if (paste != NULL ? popup_paste(c, paste, paste_len) : popup_key(c, k))
		return; /* so does a popup, for its program */
	if (paste == NULL && display_panes_key(c, k))
		return; /* the indicator takes a key, digit or not */
	if (paste != NULL) {
		if (c->prompt != NULL) {
			char *text = xstrndup(paste, paste_len);

			for (char *s = text; *s != '\0'; s++)
				if ((unsigned char)*s >= 0x20)
					prompt_insert(c, (unsigned char)*s);
			free(text);
			mark_dirty(c);
		} else if (p != NULL && !c->readonly) {
			/* typed (pasted) into the terminal: synchronized like keys */
			for (struct pane *q = pane_input_first(p); q != NULL;
			     q = pane_sync_next(p, q))
				grid_paste(q->grid, paste, paste_len);
		}
		return;
	}
	if (c->prompt != NULL && !prompt_numeric_done(c, k))
		prompt_key(c, k);
	else
		key_dispatch(c, k, NULL);
}

/* ---- mouse (the mouse option; server/mouse.c makes the keys) ---- */

/* The terminal reports the mouse: the mouse option, or a popup's program
 * that asked for it. */
static int mouse_on(struct peer *c)
{
	return c->session != NULL &&
	       (options_number(session_options(c->session), "mouse") || popup_wants_mouse(c));
}

void attach_mouse_key(struct peer *c, const struct key *k, const struct mouse_event *m)
{
	if (c->state == PEER_ATTACHED)
		key_dispatch(c, k, m);
}

static void tty_mouse(const struct tty_mouse *m, void *ctx)
{
	struct peer *c = ctx;

	if (c->state != PEER_ATTACHED)
		return;
	attach_activity(c);
	if (menu_mouse(c, m) || popup_mouse(c, m))
		return; /* (a menu or popup takes the mouse) */
	mouse_input(c, m);
}

static void tty_focus(int in, void *ctx)
{
	struct peer *c = ctx;

	if (c->state == PEER_ATTACHED)
		passthru_client_focus(c, in);
}

/* extended-keys on or always: terminals with the extkeys feature (or the
 * Eneks capability) are asked to send extended keys, as tmux does. */
static int attach_extended_keys_wanted(const struct peer *c)
{
	return options_number(c->srv->options, "extended-keys") != 0 &&
	       passthru_client_has(c, "extkeys", "Eneks");
}

/* Drive the terminal the client handed over (MSG_TTYFD), if it did. */
static void attach_take_tty(struct peer *c)
{
	if (c->tty_fd < 0)
		return;
	c->ttyfd = ttyfd_start(c, c->tty_fd);
	c->tty_fd = -1;
}

/* The server lets go of the client's terminal; what it would not take
 * without blocking goes to the client to write. */
static void attach_release_tty(struct peer *c)
{
	size_t len;
	char *rest;

	if (c->ttyfd == NULL)
		return;
	rest = ttyfd_release(c->ttyfd, &len);
	c->ttyfd = NULL;
	if (rest != NULL)
		peer_send(c, MSG_OUTPUT, rest, len);
	free(rest);
}

void attach_start(struct peer *c, struct session *s, int flags)
{
	struct tty_caps caps = {0};
	const char *term = c->term != NULL && *c->term != '\0' ? c->term : "xterm-256color";

	if (c->colorterm != NULL &&
	    (strcmp(c->colorterm, "truecolor") == 0 || strcmp(c->colorterm, "24bit") == 0))
		caps.truecolor = 1;
	if (c->rows < 2)
		c->rows = 24;
	if (c->cols < 1)
		c->cols = 80;
	c->tty = tty_new(term, c->rows, c->cols, &caps, tty_out, tty_key, c);
	if (c->tty == NULL) {
		peer_send(c, MSG_STDERR, "open terminal failed\n", 21);
		peer_exit(c, 1, NULL);
		return;
	}
	c->render = render_new(c->tty);
	mouse_client_new(c);
	tty_set_mouse_callback(c->tty, tty_mouse);
	if (!(flags & ATTACH_NO_ENV))
		session_update_environment(s, c);
	c->state = PEER_ATTACHED;
	c->session = s;
	if (flags & ATTACH_READONLY) {
		c->readonly = 1; /* attach -r: -f read-only,ignore-size */
		c->flags |= CLIENT_IGNORESIZE;
	}
	s->attached++;
	s->last_attached = time(NULL);
	session_touch(s);
	if (c->control == NULL) {
		attach_take_tty(c);
		peer_send(c, MSG_ATTACH, "\1", c->ttyfd != NULL ? 1 : 0);
	}
	tty_set_mouse(c->tty, mouse_on(c));
	c->focused = 1;
	tty_set_focus_callback(c->tty, tty_focus);
	tty_set_focus(c->tty, passthru_focus_wanted(c));
	tty_set_extended_keys(c->tty, attach_extended_keys_wanted(c));
	tty_start(c->tty);
	flush_frame(c);
	client_touch(c);
	attach_size_session(s);
	attach_mark_session(s);
	hooks_fire_client(c->srv, "client-attached", c, s);
}

/* The terminal as the client found it, then the client is told to exit
 * with status (and print line, if not NULL). */
static void detach_now(struct peer *c, int status, const char *line)
{
	hooks_fire_client(c->srv, "client-detached", c, c->session);
	if (c->control != NULL) {
		control_exit(c, NULL); /* (tmux's says no more than %exit) */
		return;
	}
	tty_stop(c->tty);
	flush_frame(c);
	attach_free(c);
	peer_exit(c, status, line);
}

/* Give the terminal back and tell the client what to print. */
void attach_detach(struct peer *c, const char *message)
{
	char *msg;

	if (c->state != PEER_ATTACHED)
		return;
	if (message != NULL)
		msg = xstrdup(message);
	else
		msg = xasprintf("[detached%s (from session %s)]",
				c->hup_parent ? " and SIGHUP" : "", c->session->name);
	detach_now(c, c->hup_parent && message == NULL ? 256 : 0, msg);
	free(msg);
}

/* The data of MSG_EXEC and MSG_LOCK: the session's shell and command, each
 * NUL-terminated, for the client to run as "shell -c command". */
static void shell_command_data(struct peer *c, const char *command, struct buf *b)
{
	buf_init(b);
	buf_adds(b, pane_default_shell(session_options(c->session)));
	buf_add(b, "", 1);
	buf_adds(b, command);
	buf_add(b, "", 1);
}

void attach_detach_exec(struct peer *c, const char *command)
{
	struct buf b;

	if (c->state != PEER_ATTACHED)
		return;
	shell_command_data(c, command, &b);
	peer_send(c, MSG_EXEC, b.data, b.len);
	buf_free(&b);
	detach_now(c, 0, NULL);
}

/* refresh-client: the whole screen is sent again at the next frame. */
static void tty_clipboard(const char *data, size_t len, void *ctx)
{
	passthru_client_clipboard(ctx, data, len);
}

void attach_clipboard_query(struct peer *c)
{
	if (c->state != PEER_ATTACHED || c->suspended || !passthru_client_has(c, "clipboard", "Ms"))
		return;
	tty_clipboard_query(c->tty, tty_clipboard);
	flush_frame(c);
}

void attach_refresh(struct peer *c)
{
	if (c->state != PEER_ATTACHED)
		return;
	render_invalidate(c->render);
	mark_dirty(c);
}

/* The terminal as it was found (blank, for a lock), given back to the
 * client with message type (and data); nothing is drawn for it until it
 * says MSG_WAKEUP. */
static void give_back(struct peer *c, int type, const char *data, size_t len)
{
	if (c->state != PEER_ATTACHED || c->suspended || c->control != NULL)
		return; /* (a control client has no terminal to give back) */
	c->suspended = 1;
	tty_stop(c->tty);
	if (type == MSG_LOCK)
		tty_blank(c->tty);
	flush_frame(c);
	/* what runs in the terminal meanwhile gets it as it was: blocking */
	attach_release_tty(c);
	peer_send(c, type, data, len);
	attach_size_session(c->session);
}

/* suspend-client: the client stops itself until it is continued. */
void attach_suspend(struct peer *c)
{
	give_back(c, MSG_STOP, NULL, 0);
}

/* lock-client: the client runs lock-command in its terminal, then is drawn
 * again. */
void attach_lock(struct peer *c)
{
	struct buf b;

	if (c->state != PEER_ATTACHED || c->suspended)
		return;
	shell_command_data(c, options_string(session_options(c->session), "lock-command"), &b);
	give_back(c, MSG_LOCK, b.data, b.len);
	buf_free(&b);
}

/* lock-after-time: the clients of a session none of which has had input for
 * that many seconds are locked (checked every second). */
void attach_lock_idle(struct server *srv)
{
	uint64_t now = uv_now(srv->loop);

	for (struct session *s = srv->sessions; s != NULL; s = s->next) {
		long secs = options_number(session_options(s), "lock-after-time");
		uint64_t last = 0;
		struct peer *c;

		if (secs <= 0 || s->attached == 0)
			continue;
		for (c = srv->peers; c != NULL; c = c->next) {
			if (c->state == PEER_ATTACHED && c->session == s && c->activity > last)
				last = c->activity;
		}
		/* (client_touch may put activity a few ms after now) */
		if (last >= now || now - last < (uint64_t)secs * 1000)
			continue;
		for (c = srv->peers; c != NULL; c = c->next) {
			if (c->state == PEER_ATTACHED && c->session == s)
				attach_lock(c);
		}
	}
}

void attach_wakeup(struct peer *c)
{
	if (!c->suspended)
		return;
	c->suspended = 0;
	client_touch(c); /* (an unlocked session is not idle) */
	attach_take_tty(c);
	tty_start(c->tty);
	flush_frame(c);
	render_invalidate(c->render);
	attach_size_session(c->session);
	mark_dirty(c);
}

/* Where a client goes when its session is destroyed: nowhere with
 * detach-on-destroy on, else the most recently used other session (one no
 * client shows, with no-detached). */
static struct session *session_after_destroy(struct session *gone)
{
	const char *mode = options_string(session_options(gone), "detach-on-destroy");
	struct session *s, *best = NULL;

	if (strcmp(mode, "on") == 0)
		return NULL;
	for (s = gone->srv->sessions; s != NULL; s = s->next) {
		if (s == gone || (strcmp(mode, "no-detached") == 0 && s->attached > 0))
			continue;
		if (best == NULL || s->activity > best->activity)
			best = s;
	}
	return best;
}

void attach_session_destroyed(struct session *s)
{
	struct peer *c, *next;
	struct session *other = session_after_destroy(s);

	for (c = s->srv->peers; c != NULL; c = next) {
		next = c->next;
		if (c->state != PEER_ATTACHED || c->session != s)
			continue;
		if (other != NULL) {
			attach_switch(c, other, 0);
			c->last_session = NULL; /* s is going away */
			continue;
		}
		attach_detach(c, "[exited]");
	}
}

/* After a client has gone: destroy-unattached and exit-unattached. */
static void attach_gone(struct server *srv, struct session *s)
{
	struct peer *c;

	if (s->attached == 0 && options_number(session_options(s), "destroy-unattached") &&
	    session_find_id(srv, s->id) == s) {
		session_destroy(s);
		return;
	}
	if (!options_number(srv->options, "exit-unattached") || srv->exiting)
		return;
	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED)
			return;
	}
	server_shutdown(srv);
}

void attach_free(struct peer *c)
{
	struct session *s = c->session;

	c->session = NULL;
	c->state = PEER_READY;
	c->srv->focus_check = 1;
	if (s != NULL) {
		s->attached--;
		attach_size_session(s); /* the others may want another size */
		attach_gone(c->srv, s);
	}
	display_panes_stop(c);
	binding_runs_forget(c);
	mouse_client_free(c);
	menu_close(c);
	popup_close(c);
	render_free(c->render);
	c->render = NULL;
	tty_free(c->tty);
	c->tty = NULL;
	attach_release_tty(c);
	uv_timer_stop(&c->timer);
	uv_timer_stop(&c->msg_timer);
}

/* A lone Escape waits for the rest of a sequence this long. */
static void escape_timer_cb(uv_timer_t *t)
{
	attach_timer(t->data);
}

void attach_input(struct peer *c, const char *buf, size_t len)
{
	int ms;

	/* (activity is a key or the mouse, not the terminal's answers to
	 * queries: those would make a client attaching late the latest) */
	tty_set_escape_time(c->tty, (int)options_number(c->srv->options, "escape-time"));
	tty_input(c->tty, buf, len);
	if (c->state != PEER_ATTACHED)
		return;
	ms = tty_input_timeout(c->tty);
	if (ms >= 0)
		uv_timer_start(&c->timer, escape_timer_cb, (uint64_t)ms, 0);
}

void attach_timer(struct peer *c)
{
	int ms;

	if (c->state != PEER_ATTACHED)
		return;
	/* what the timeout let go may start a wait of its own */
	ms = tty_input_flush(c->tty);
	if (ms >= 0 && c->state == PEER_ATTACHED)
		uv_timer_start(&c->timer, escape_timer_cb, (uint64_t)ms, 0);
}

void attach_resize(struct peer *c, int rows, int cols)
{
	if (rows < 2 || cols < 1 || rows > 10000 || cols > 10000)
		return;
	c->rows = rows;
	c->cols = cols;
	tty_resize(c->tty, rows, cols);
	render_invalidate(c->render);
	client_touch(c);
	attach_size_session(c->session);
	attach_mark_session(c->session);
	hooks_fire_client(c->srv, "client-resized", c, c->session);
}

static void msg_timer_cb(uv_timer_t *t)
{
	struct peer *c = t->data;

	free(c->message);
	c->message = NULL;
	attach_mark_client(c);
}

/* Show a message on the status line for ms milliseconds (-1: the session's
 * display-time); 0 keeps it until a key is pressed (tmux's display-time 0). A key clears it and
 * does what it does; with drop_keys (display -N) keys are dropped until the time is up, unless
 * there is no time, as in tmux. */
void attach_message_for(struct peer *c, const char *msg, long ms, int drop_keys)
{
	if (ms < 0)
		ms = options_number(session_options(c->session), "display-time");
	free(c->message);
	c->message = xstrdup(msg);
	c->message_drops_keys = drop_keys && ms > 0;
	uv_timer_stop(&c->msg_timer);
	if (ms > 0)
		uv_timer_start(&c->msg_timer, msg_timer_cb, (uint64_t)ms, 0);
	attach_mark_client(c);
}

void attach_message(struct peer *c, const char *msg)
{
	attach_message_for(c, msg, -1, 0);
}

/* Whether c shows a pane in a mode that shows every session (tree mode):
 * it is redrawn whenever any session is. */
static int shows_all(struct peer *c)
{
	struct window *w = c->session->current;

	for (struct pane *p = w != NULL ? w->panes : NULL; p != NULL; p = p->next) {
		if (choose_shows_all(p))
			return 1;
	}
	return 0;
}

void attach_mark_client(struct peer *c)
{
	c->dirty = 1;
	c->status_keep = 0;
	server_schedule(c->srv);
}

void attach_mark_session(struct session *s)
{
	struct peer *c;

	for (c = s->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && (c->session == s || shows_all(c))) {
			c->dirty = 1;
			c->status_keep = 0;
		}
	}
	server_schedule(s->srv);
}

void attach_status_stale(struct session *s)
{
	struct peer *c;

	for (c = s->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && (c->session == s || shows_all(c)))
			c->status_keep = 0;
	}
}

void attach_mark_output(struct session *s)
{
	struct peer *c;

	for (c = s->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && (c->session == s || shows_all(c)))
			c->dirty = 1; /* status_keep as it was */
	}
	server_schedule(s->srv);
}

void attach_options_changed(struct server *srv)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED) {
			render_invalidate(c->render);
			tty_set_mouse(c->tty, mouse_on(c));
			tty_set_focus(c->tty, passthru_focus_wanted(c));
			tty_set_extended_keys(c->tty, attach_extended_keys_wanted(c));
			attach_size_session(c->session);
		}
	}
	alerts_reset_all(srv);
	srv->focus_check = 1;
}

/* switch-client: show another session on this client. */
void attach_switch(struct peer *c, struct session *s, int flags)
{
	if (c->state != PEER_ATTACHED || c->session == s)
		return;
	c->last_session = c->session;
	c->session->attached--;
	attach_size_session(c->session);
	c->session = s;
	s->attached++;
	s->last_attached = time(NULL);
	session_touch(s);
	if (!(flags & ATTACH_NO_ENV))
		session_update_environment(s, c);
	tty_set_mouse(c->tty, mouse_on(c));
	client_touch(c);
	render_invalidate(c->render);
	attach_size_session(s);
	attach_mark_session(s);
	hooks_fire_client(c->srv, "client-session-changed", c, s);
}

void attach_drained(struct peer *c)
{
	if (c->dirty)
		server_schedule(c->srv);
}

/*
 * A frame drawn for pane output alone keeps the status line of the last
 * frame, and the status line is built again STATUS_LAG_MS later: expanding
 * its formats costs more than drawing a keystroke's echo, and output changes
 * what they show (a title, a window's name) rarely. Anything else that asks
 * for a frame (attach_mark_session, attach_mark_client) has it built at once.
 */
#define STATUS_LAG_MS 100

static void status_lag_cb(uv_timer_t *t)
{
	struct server *srv = t->data;
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->status_owed) {
			c->status_owed = 0;
			attach_mark_client(c);
		}
	}
}

void attach_status_lag_init(struct server *srv)
{
	uv_timer_init(srv->loop, &srv->status_lag);
	srv->status_lag.data = srv;
}

/* The status line's cells (status-left, the window list, status-right; or a
 * message or the prompt) in c->status_cells. Returns the prompt's cursor
 * column or -1. */
static int status_text(struct peer *c, int lines)
{
	if (c->status_keep && c->status_cells != NULL && c->status_width == c->cols &&
	    c->status_nlines == lines) {
		c->status_owed = 1;
		if (!uv_is_active((uv_handle_t *)&c->srv->status_lag))
			uv_timer_start(&c->srv->status_lag, status_lag_cb, STATUS_LAG_MS, 0);
		return c->status_cursor;
	}
	if (c->status_width != c->cols || c->status_nlines != lines) {
		free(c->status_cells);
		c->status_cells =
			xmalloc((size_t)c->cols * (size_t)lines * sizeof *c->status_cells);
		c->status_width = c->cols;
		c->status_nlines = lines;
	}
	c->status_owed = 0;
	c->status_cursor = status_build_lines(c, time(NULL), c->status_cells, c->cols, lines, 1);
	return c->status_cursor;
}

/* The borders are drawn in the window's area: cells there that no pane
 * covers. Their pens come from the border style options. */
/* fill-character: its first character if it takes one column (ASCII,
 * Latin to Georgian, punctuation to box drawing), else the dot. */
static uint32_t fill_character(struct options *o)
{
	const char *s = options_string(o, "fill-character");
	uint32_t cp = 0;

	if (*s == '\0')
		return 0;
	(void)utf8_next(s, &cp); /* (the first, as tmux) */
	if ((cp > 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp < 0x300) ||
	    (cp >= 0x370 && cp < 0x1100) || (cp >= 0x2010 && cp < 0x2600))
		return cp;
	return 0;
}

static void attach_borders(struct peer *c, struct window *w, int top, int ox, int oy,
			   struct render_frame *f)
{
	const struct grid_cell base = {.ch = ' ', .width = 1};
	struct pane *act = client_pane(c);
	struct options *o;

	if (w == NULL)
		return;
	o = window_options(w);
	f->area_x = -ox;
	f->area_y = top - oy;
	f->area_w = w->sx;
	f->area_h = w->sy;
	if (c->pens_from != o || c->pens_gen != options_generation()) {
		c->pens_from = o;
		c->pens_gen = options_generation();
		c->border_pen = style_pen(options_string(o, "pane-border-style"), &base);
		c->active_border_pen =
			style_pen(options_string(o, "pane-active-border-style"), &base);
	}
	f->border_pen = c->border_pen;
	f->active_border_pen = c->active_border_pen;
	f->fill_ch = fill_character(o);
	if (act != NULL && c->has_ccolour) {
		long rgb = pane_cursor_rgb(act);

		f->cursor_coloured = rgb >= 0;
		f->cursor_rgb = f->cursor_coloured ? (uint32_t)rgb : 0;
	}
}

/* 24-bit colour from the options (COLORTERM is in the tty's caps). */
static int attach_rgb(struct peer *c)
{
	const char *term = c->term != NULL ? c->term : "";
	struct options *o = c->srv->options;

	return tty_features_rgb(options_string(o, "terminal-features"), term) ||
	       tty_features_rgb(options_string(o, "terminal-overrides"), term);
}

/* user-keys: the sequences the client's terminal sends for User0 ... */
static void attach_user_keys(struct peer *c)
{
	struct options *o = c->srv->options;
	int n = options_array_size(o, "user-keys");
	const char **seqs = n > KEY_USER_MAX ? NULL : xcalloc((size_t)n + 1, sizeof *seqs);

	if (seqs == NULL)
		n = 0;
	for (int i = 0; i < n; i++)
		seqs[i] = options_array_item(o, "user-keys", i);
	tty_set_user_keys(c->tty, seqs, n);
	free(seqs);
}

/* What the options say the client's terminal has, worked out again only
 * when an option changed: every frame asks. */
static void attach_features(struct peer *c)
{
	unsigned long gen = options_generation();

	if (c->features_known && c->features_gen == gen)
		return;
	c->features_known = 1;
	c->features_gen = gen;
	c->has_rgb = attach_rgb(c);
	c->has_sync = passthru_client_has(c, "sync", "Sync");
	c->has_links = passthru_client_has(c, "hyperlinks", "Hls");
	c->has_ccolour = passthru_client_has(c, "ccolour", "Cs");
	attach_user_keys(c);
}

/* set-titles: the title of the client's terminal from set-titles-string. */
static void attach_title(struct peer *c)
{
	struct format_ctx fc;
	char *title;

	if (!options_number(client_options(c), "set-titles"))
		return;
	format_ctx_session(&fc, c->srv, c->session);
	fc.c = c;
	title = format_expand_time(options_string(client_options(c), "set-titles-string"), &fc);
	tty_set_title(c->tty, title);
	free(title);
}

/* A terminal with synchronized output (terminal-features sync) shows each
 * frame whole: it is sent between CSI ?2026h and CSI ?2026l. Returns where
 * the frame starts in c->frame, or (size_t)-1 without it. */
static size_t attach_sync_begin(struct peer *c)
{
	size_t at = c->frame.len;

	if (!c->has_sync)
		return (size_t)-1;
	buf_adds(&c->frame, "\033[?2026h");
	return at;
}

static void attach_sync_end(struct peer *c, size_t begin)
{
	if (begin == (size_t)-1)
		return;
	if (c->frame.len == begin + 8)
		c->frame.len = begin; /* nothing drawn */
	else
		buf_adds(&c->frame, "\033[?2026l");
}

/* What is drawn over the panes where they are in the window (modes, the
 * display-panes indicator), on rows x cols cells with the window at row
 * top. */
static void window_overlay(struct peer *c, struct window *w, struct grid_cell *cells, int rows,
			   int cols, int top)
{
	for (struct pane *p = w != NULL ? w->panes : NULL; p != NULL; p = p->next) {
		if (w->zoomed && p != w->active)
			continue;
		if (p->choose != NULL)
			choose_draw(p, cells, rows, cols, top);
		if (p->clock != NULL)
			clock_draw(p, cells, rows, cols, top);
		if (p->choose != NULL || p->clock != NULL)
			pane_border_mode_colours(c, p, cells, rows, cols, top);
	}
	display_panes_draw(c, cells, rows, cols, top);
}

/* The same for a client whose view starts at window cell (ox, oy): drawn
 * over the whole window's place, then the part the client shows copied,
 * on the rows between its status lines. */
static void window_overlay_panned(struct peer *c, struct window *w, struct grid_cell *cells,
				  int top, int ox, int oy)
{
	int rows = c->rows + oy, cols = c->cols + ox, st = status_lines(client_options(c));
	struct grid_cell *all = xcalloc((size_t)rows * (size_t)cols, sizeof *all);

	window_overlay(c, w, all, rows, cols, top);
	for (int y = top; y < c->rows - (top > 0 ? 0 : st); y++)
		memcpy(&cells[(size_t)y * (size_t)c->cols],
		       &all[(size_t)(y + oy) * (size_t)cols + ox], (size_t)c->cols * sizeof *cells);
	free(all);
}

/* Overlays over the window: panes in buffer mode, the display-panes
 * indicator over them, and a menu or popup over everything. Returns the
 * cells to free, or NULL when nothing is drawn over the panes. */
static struct grid_cell *attach_overlay(struct peer *c, int top, int ox, int oy,
					struct render_frame *f, struct render_view *floating)
{
	struct window *w = c->session->current;
	struct pane *act = client_pane(c);
	struct grid_cell *cells;
	struct box_area area;
	struct pane *p;
	int modes = 0;

	for (p = w != NULL ? w->panes : NULL; p != NULL; p = p->next)
		modes |= (p->choose != NULL || p->clock != NULL) && (!w->zoomed || p == w->active);
	if ((c->display_panes == NULL && c->menu == NULL && c->popup == NULL && !modes) ||
	    c->rows < 1 || c->cols < 1)
		return NULL;
	/* a menu over a popup goes in a second layer, over the popup's screen */
	cells = xcalloc((size_t)c->rows * (size_t)c->cols * (c->popup != NULL ? 2 : 1),
			sizeof *cells);
	if (ox > 0 || oy > 0)
		window_overlay_panned(c, w, cells, top, ox, oy);
	else
		window_overlay(c, w, cells, c->rows, c->cols, top);
	f->cursor_hidden = act != NULL && (act->choose != NULL || act->clock != NULL);
	area = (struct box_area){cells, c->rows, c->cols};
	popup_draw(c, &area, f, floating);
	if (c->popup != NULL) {
		area.cells = cells + (size_t)c->rows * (size_t)c->cols;
		f->overlay_top = area.cells;
	}
	menu_draw(c, &area);
	if (c->menu != NULL)
		f->cursor_hidden = 1;
	f->overlay = cells;
	f->overlay_rows = c->rows;
	f->overlay_cols = c->cols;
	return cells;
}

static void attach_draw(struct peer *c)
{
	struct window *w = c->session->current;
	struct render_view views[64];
	struct pane *panes[64];
	char indicators[64][32]; /* copy mode's "[offset/size]" per view */
	struct render_frame f;
	struct pane *p;
	int n = 0, status = status_lines(client_options(c)), top, cursor, number = 0, ox, oy;
	struct pane *act = client_pane(c);
	struct grid_cell *overlay;
	void *labels = NULL;
	struct render_view floating;
	size_t sync_begin;
	int motion = 0;

	memset(&f, 0, sizeof f);
	top = strcmp(options_string(client_options(c), "status-position"), "top") == 0 ? status : 0;
	if (w != NULL)
		number = (int)options_number(window_options(w), "pane-base-index");
	client_view_offset(c, &ox, &oy);
	for (p = w != NULL ? w->panes : NULL; p != NULL && n < 64; p = p->next, number++) {
		if (w->zoomed && p != w->active)
			continue; /* hidden under the zoomed pane */
		memset(&views[n], 0, sizeof views[n]);
		panes[n] = p;
		views[n].number = number;
		pane_border_view(c, p, p == w->active, &views[n]);
		views[n].grid = p->grid;
		views[n].x = p->xoff - ox;
		views[n].y = p->yoff + top - oy;
		views[n].width = p->sx;
		views[n].height = p->sy;
		if (p->copy != NULL)
			copy_view(p, &views[n], indicators[n], sizeof indicators[n]);
		views[n].hold = p->sync && p->copy == NULL;
		views[n].palette = pane_palette(p); /* (also reads cursor_style) */
		if (p == act)
			views[n].cursor_style = p->cursor_style;
		motion |= mouse_hover_wanted(p);
		if (p == act)
			f.active = n;
		n++;
	}
	f.views = views;
	f.nviews = n;
	tty_set_mouse(c->tty, mouse_on(c)); /* (a popup's program may have asked) */
	tty_set_mouse_motion(c->tty, motion);
	attach_features(c); /* (before the borders: they read has_ccolour) */
	attach_borders(c, w, top, ox, oy, &f);
	if (w != NULL)
		labels = pane_border_frame(c, w, panes, &f);
	tty_set_truecolor_override(c->tty, c->has_rgb);
	/* with status off, a message or the prompt still shows on the last
	 * row, over the pane, as in tmux */
	if ((status || c->message != NULL || c->prompt_label != NULL) && c->cols > 0) {
		cursor = status_text(c, status > 0 ? status : 1);
		f.status_cells = c->status_cells;
		f.status_ncells = c->cols;
		f.status_lines = status > 0 ? status : 1;
		f.status_top = top > 0;
		f.status_cursor = cursor >= 0;
		f.status_cursor_x = cursor;
	}
	render_set_hyperlinks(c->render, c->has_links);
	sync_begin = attach_sync_begin(c);
	attach_title(c);
	overlay = attach_overlay(c, top, ox, oy, &f, &floating);
	render_draw(c->render, &f);
	attach_sync_end(c, sync_begin);
	free(overlay);
	free(labels);
	flush_frame(c);
	c->status_keep = 1; /* until something other than output asks for a frame */
}

/* A terminal this far behind gets no more passthrough data: it is not
 * reading, and the data would only pile up in the server. */
#define PASSTHROUGH_BACKLOG (8u << 20)

void attach_passthrough(struct peer *c, struct pane *p, const char *data, size_t len)
{
	struct options *o;
	int row = -1, col = -1, top, ox, oy;

	if (c->state != PEER_ATTACHED || c->suspended || c->queued > PASSTHROUGH_BACKLOG)
		return;
	/* what came before the data is shown before it, as tmux does (it
	 * draws as it parses): the output read so far has not asked for its
	 * frame yet. Even while a frame is in flight, or the next frame
	 * would draw over the data where the screen changed. */
	c->dirty = 0;
	attach_draw(c);
	if (c->state != PEER_ATTACHED)
		return; /* its connection failed under the frame */
	if (p != NULL) {
		o = client_options(c);
		top = status_lines(o) && strcmp(options_string(o, "status-position"), "top") == 0;
		grid_cursor(p->grid, &row, &col);
		if (col >= p->sx)
			col = p->sx - 1; /* a wrap pending at the right edge */
		client_view_offset(c, &ox, &oy);
		row += p->yoff + top - oy;
		col += p->xoff - ox;
	}
	render_raw(c->render, row, col, data, len);
	flush_frame(c);
}

void attach_render_all(struct server *srv)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state != PEER_ATTACHED || !c->dirty || c->suspended || c->control != NULL)
			continue;
		if (c->queued > 0)
			continue; /* a frame is in flight: draw when it drains */
		c->dirty = 0;
		attach_draw(c);
	}
}
