/* Pane commands: split-window, kill-pane, list-panes, select-pane,
 * send-keys, capture-pane. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/options.h"
#include "render/style.h"
#include "server/client_flags.h"
#include "server/layout.h"
#include "server/pane_border.h"
#include "server/choose.h"
#include "server/clock.h"
#include "server/copy.h"
#include "server/pipe.h"
#include "term/grid.h"
#include "term/key.h"
#include "util/utf8.h"

/* -l N or N%: the new pane's size along the split. */
static int split_size(struct cmd_ctx *ctx, const char *v, int avail, int *size)
{
	char *end;
	long n;

	*size = -1;
	if (v == NULL)
		return 0;
	n = strtol(v, &end, 10);
	if (end == v || n < 0 || (*end != '\0' && strcmp(end, "%") != 0))
		return cmd_error(ctx, "invalid size: %s", v);
	if (*end == '%') {
		if (n > 100)
			return cmd_error(ctx, "invalid size: %s", v);
		n = (long)avail * n / 100;
	}
	*size = (int)n;
	return 0;
}

static void insert_pane(struct window *w, struct pane *after, struct pane *p, int before)
{
	struct pane **pp;

	for (pp = &w->panes; *pp != NULL && *pp != after; pp = &(*pp)->next)
		;
	if (*pp != NULL && !before)
		pp = &(*pp)->next;
	p->next = *pp;
	*pp = p;
}

static int cmd_split_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct spawn_args sa;
	struct layout *leaf;
	struct pane *p;
	char *err = NULL;
	int horizontal = args_has(a, 'h'), before = args_has(a, 'b'), size, avail;
	static char empty[] = "", *empty_argv[] = {empty};

	if (args_has(a, 'I') && a->argc > 0)
		return cmd_error(ctx, "split-window: -I takes no shell-command");
	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	/* as tmux: a full-size split's percentage is of the window, not the pane */
	if (args_has(a, 'f'))
		avail = horizontal ? t.w->layout->sx : t.w->layout->sy;
	else
		avail = horizontal ? t.p->sx : t.p->sy;
	if (args_get(a, 'p') != NULL && args_get(a, 'l') == NULL) {
		/* tmux's older -p N means -l N% */
		char *pct = xasprintf("%s%%", args_get(a, 'p'));
		int rc = split_size(ctx, pct, avail, &size);

		free(pct);
		if (rc != 0)
			return -1;
	} else if (split_size(ctx, args_get(a, 'l'), avail, &size) != 0) {
		return -1;
	}
	window_unzoom(t.w); /* as tmux: a split shows every pane */
	/* a pane that gives a row to its border status line needs one more */
	if (!horizontal && !args_has(a, 'f') && t.p->layout != NULL &&
	    pane_border_row(t.w, t.p->layout->yoff, t.p->layout->sy) != 0 && t.p->layout->sy < 4)
		return cmd_error(ctx, "no space for new pane");
	if (args_has(a, 'f'))
		leaf = layout_split_full(&t.w->layout, horizontal, size, before, NULL);
	else
		leaf = layout_split(t.p->layout, horizontal, size, before, NULL);
	if (leaf == NULL)
		return cmd_error(ctx, "no space for new pane");
	layout_fix_offsets(t.w->layout);
	cmd_spawn_args(ctx, a, &sa, NULL, &t);
	if (args_has(a, 'I')) {
		/* an empty pane, which the client's stdin then goes into */
		sa.argv = empty_argv;
		sa.argc = 1;
	}
	p = pane_create(t.w, &sa, leaf->sx, leaf->sy, &err);
	cmd_spawn_free(&sa);
	if (p == NULL) {
		layout_remove(&t.w->layout, leaf);
		window_relayout(t.w);
		cmd_error(ctx, "create pane failed: %s", err);
		free(err);
		return -1;
	}
	leaf->pane = p;
	p->layout = leaf;
	/* as tmux: a full-size pane goes first (-b) or last in the pane order */
	if (args_has(a, 'f'))
		insert_pane(t.w, before ? t.w->panes : NULL, p, before);
	else
		insert_pane(t.w, t.p, p, before);
	window_relayout(t.w);
	if (!args_has(a, 'd'))
		window_set_active(t.w, p);
	if (args_has(a, 'Z'))
		window_zoom(t.w, t.w->active); /* tmux: -Z zooms the window after */
	cmd_print_new(ctx, a, p, "#{session_name}:#{window_index}.#{pane_index}");
	return args_has(a, 'I') ? cmd_input_to_pane(ctx, p) : 0;
}

static int cmd_kill_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct pane *p, *next;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (!args_has(a, 'a')) {
		pane_kill(t.p);
		return 0;
	}
	for (p = t.w->panes; p != NULL; p = next) {
		next = p->next;
		if (p != t.p)
			pane_kill(p);
	}
	return 0;
}

#define LSP_FMT                                                                         \
	"#{pane_index}: [#{pane_width}x#{pane_height}] "                                \
	"[history #{history_size}/#{history_limit}, #{history_bytes} bytes] #{pane_id}" \
	"#{?pane_active, (active),}"                                                    \
	"#{?pane_dead, (dead),}"

static void list_window_panes(struct cmd_ctx *ctx, struct window *w, struct cmd_list *l)
{
	struct pane *p;
	struct format_ctx fc;

	int line = 0;

	for (p = w->panes; p != NULL; p = p->next) {
		format_ctx_pane(&fc, ctx->srv, p);
		fc.c = ctx->peer;
		fc.m = &ctx->mouse;
		fc.line = ++line;
		cmd_list_item(l, &fc);
	}
}

static int cmd_list_panes(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct session *s;
	struct window *w;
	struct cmd_list l;

	if (args_has(a, 'a')) {
		cmd_list_begin(&l, ctx, a, "#{session_name}:#{window_index}." LSP_FMT);
		for (s = ctx->srv->sessions; s != NULL; s = s->next) {
			for (w = s->windows; w != NULL; w = w->next)
				list_window_panes(ctx, w, &l);
		}
	} else if (args_has(a, 's')) {
		if (target_session(ctx, args_get(a, 't'), &t) != 0)
			return -1;
		cmd_list_begin(&l, ctx, a, "#{window_index}." LSP_FMT);
		for (w = t.s->windows; w != NULL; w = w->next)
			list_window_panes(ctx, w, &l);
	} else {
		if (target_window(ctx, args_get(a, 't'), &t) != 0)
			return -1;
		cmd_list_begin(&l, ctx, a, LSP_FMT);
		list_window_panes(ctx, t.w, &l);
	}
	cmd_list_end(&l);
	return 0;
}

/* -Z keeps a zoomed window zoomed on the newly selected pane. */
static void select_keeping_zoom(struct window *w, struct pane *p, int keep)
{
	int zoomed = w->zoomed;

	if (keep && zoomed)
		window_unzoom(w);
	window_set_active(w, p);
	if (keep && zoomed)
		window_zoom(w, p);
}

/* Select p in w, or, when an active-pane client ran the command, make p
 * that client's own active pane and leave the window's alone (tmux). */
static void select_for(struct cmd_ctx *ctx, struct window *w, struct pane *p, int keep)
{
	struct peer *c = ctx->peer;

	if (c != NULL && c->state == PEER_ATTACHED && client_select_pane(c, p)) {
		attach_mark_client(c);
		return;
	}
	select_keeping_zoom(w, p, keep);
}

/* -P (tmux's older way to set a pane's style): the pane's window-style and
 * window-active-style, and the pane is selected as without it; -g shows its
 * window-style and selects nothing. Returns 1 when the command is done. */
static int select_pane_style(struct cmd_ctx *ctx, struct args *a, struct pane *p)
{
	const char *style = args_get(a, 'P');
	struct options *o;
	char *err = NULL;

	if (style != NULL) {
		o = pane_options(p);
		if (style_check(style, &err) != 0 ||
		    options_set(o, "window-style", style, 0, &err) != 0 ||
		    options_set(o, "window-active-style", style, 0, &err) != 0) {
			cmd_error(ctx, "%s", err);
			free(err);
			return -1;
		}
		attach_mark_session(p->window->session);
	}
	if (!args_has(a, 'g'))
		return 0;
	buf_printf(&ctx->out, "%s\n", options_string(pane_options(p), "window-style"));
	return 1;
}

static int cmd_select_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	const char *dirs = "LRUD";

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (args_has(a, 'm') || args_has(a, 'M')) {
		/* -m toggles the mark on the pane, -M clears it (tmux) */
		struct pane *old = window_marked_pane(ctx->srv);

		if (args_has(a, 'M') || old == t.p)
			ctx->srv->marked = 0;
		else
			ctx->srv->marked = t.p->id + 1;
		if (old != NULL)
			attach_mark_session(old->window->session);
		attach_mark_session(t.s);
		return 0;
	}
	if (args_has(a, 'P') || args_has(a, 'g')) {
		int rc = select_pane_style(ctx, a, t.p);

		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	if (args_has(a, 'd') || args_has(a, 'e')) {
		/* tmux: -d turns the pane's input off, -e on; nothing is selected */
		t.p->input_off = args_has(a, 'd');
		attach_mark_session(t.s);
		return 0;
	}
	if (args_get(a, 'T') != NULL) {
		/* tmux: -T only sets the title, the pane is not selected */
		struct format_ctx fc;
		char *title;

		format_ctx_pane(&fc, ctx->srv, t.p);
		title = format_expand(args_get(a, 'T'), &fc);

		grid_set_title(t.p->grid, title);
		free(title);
		attach_mark_session(t.s);
		return 0;
	}
	if (args_has(a, 'l')) {
		struct pane *last = window_last_pane(t.w);

		if (last == NULL)
			return cmd_error(ctx, "no last pane");
		select_for(ctx, t.w, last, 0);
		return 0;
	}
	for (; *dirs != '\0'; dirs++) {
		struct pane *next;
		int zoomed = t.w->zoomed;

		if (!args_has(a, *dirs))
			continue;
		/* The neighbour in that direction, wrapping around like tmux,
		 * in the window as laid out rather than as zoomed. */
		window_unzoom(t.w);
		next = window_pane_next_by_direction(t.w, t.p, *dirs);
		if (next != NULL)
			select_for(ctx, t.w, next, 0);
		if (zoomed && args_has(a, 'Z'))
			window_zoom(t.w, t.w->active);
		return 0;
	}
	/* tmux's select-pane leaves the session's current window alone. */
	select_for(ctx, t.w, t.p, args_has(a, 'Z'));
	return 0;
}

static int hex_byte(const char *s, char *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 16);

	if (*s == '\0' || *end != '\0' || v > 0xff)
		return -1;
	*out = (char)v;
	return 0;
}

/* send-keys -X: a copy-mode command for the pane (server/copy.c). */
static int send_copy_command(struct cmd_ctx *ctx, struct pane *p, int argc, char **argv, int repeat)
{
	const struct mouse_event *m = &ctx->mouse;
	const char *err = NULL;

	if (argc == 0)
		return cmd_error(ctx, "no command specified");
	if (p->copy == NULL)
		return cmd_error(ctx, "not in a mode");
	/* from a mouse binding (not the wheel) the command acts where the
	 * pointer is, and begin-selection starts a drag, as in tmux; copying
	 * keeps the selection as it is (select-word's ends at the word's end) */
	if (m->valid && m->button != 4 && m->button != 5 && mouse_pane(ctx->srv, m) == p) {
		if (strcmp(argv[0], "begin-selection") == 0) {
			mouse_drag_copy(ctx->peer, m, p);
			return 0;
		}
		if (strncmp(argv[0], "copy-", 5) != 0 && strncmp(argv[0], "append-", 7) != 0)
			mouse_copy_cursor(m, p);
	}
	/* -N repeats; a command that leaves copy mode ends the repeat */
	for (int r = 0; r < repeat && p->copy != NULL; r++) {
		if (copy_command(p, argc, argv, &err) != 0)
			return cmd_error(ctx, "%s", err);
	}
	return 0;
}

/* One word for a pane in copy mode: a key name is one key, text (and -l)
 * a key per character, -H a byte. */
static int copy_mode_word(struct cmd_ctx *ctx, struct pane *p, struct args *a, const char *w)
{
	struct key k = {.kind = KEY_CHAR};
	char byte;

	if (args_has(a, 'H')) {
		if (hex_byte(w, &byte) != 0)
			return cmd_error(ctx, "invalid hex key: %s", w);
		k.cp = (unsigned char)byte;
		return cmd_copy_key(ctx, p, &k);
	}
	if (!args_has(a, 'l') && key_parse(w, &k) == 0)
		return cmd_copy_key(ctx, p, &k);
	while (*w != '\0') {
		k = (struct key){.kind = KEY_CHAR};
		w += utf8_next(w, &k.cp);
		if (cmd_copy_key(ctx, p, &k) != 0)
			return -1;
	}
	return 0;
}

/* One word for the pane's program (and the panes synchronized with it). */
static int program_word(struct cmd_ctx *ctx, struct pane *p, struct args *a, const char *w)
{
	struct key k;
	char byte;
	int hex = args_has(a, 'H'), key = 0;

	if (hex && hex_byte(w, &byte) != 0)
		return cmd_error(ctx, "invalid hex key: %s", w);
	if (!hex && !args_has(a, 'l'))
		key = key_parse(w, &k) == 0;
	for (struct pane *q = pane_input_first(p); q != NULL; q = pane_sync_next(p, q)) {
		if (hex)
			pane_write(q, &byte, 1);
		else if (key && pane_send_key(q, &k) == 0)
			continue;
		else /* not a key name, or a key it cannot send: as typed (tmux) */
			pane_write(q, w, strlen(w));
	}
	return 0;
}

/* -F: the words expanded as formats about the target pane. */
static char **send_words(struct cmd_ctx *ctx, struct args *a, struct pane *p)
{
	char **words = xcalloc((size_t)a->argc + 1, sizeof *words);
	struct format_ctx fc;

	format_ctx_pane(&fc, ctx->srv, p);
	for (int i = 0; i < a->argc; i++)
		words[i] = args_has(a, 'F') ? format_expand(a->argv[i], &fc) : xstrdup(a->argv[i]);
	return words;
}

static int send_keys_words(struct cmd_ctx *ctx, struct pane *p, struct args *a, char **words,
			   int repeat)
{
	if (args_has(a, 'X'))
		return send_copy_command(ctx, p, a->argc, words, repeat);
	if (p->copy == NULL && p->choose == NULL && p->clock == NULL)
		pane_keys_sent(p);
	/* keys to a pane in copy mode go to copy mode, not to the program,
	 * until one leaves it (the rest then goes to the program, as tmux) */
	for (int r = 0; r < repeat; r++) {
		for (int i = 0; i < a->argc; i++) {
			int copy = p->copy != NULL || p->choose != NULL || p->clock != NULL;

			if ((copy ? copy_mode_word : program_word)(ctx, p, a, words[i]) != 0)
				return -1;
		}
	}
	return 0;
}

static int cmd_send_keys(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	int repeat = 1, rc;
	const char *n = args_get(a, 'N');
	char **words;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (n != NULL && ((repeat = atoi(n)) < 1 || repeat > 100000))
		return cmd_error(ctx, "repeat count invalid: %s", n);
	if (ctx->peer != NULL && ctx->peer->readonly)
		return cmd_error(ctx, "client is read-only");
	if (args_has(a, 'R')) /* -R: the pane's terminal reset first (RIS) */
		grid_input(t.p->grid, "\033c", 2);
	if (args_has(a, 'M')) {
		/* the mouse event to the program under it, as if unbound */
		if (!ctx->mouse.valid)
			return cmd_error(ctx, "no mouse target");
		mouse_forward(ctx->peer, &ctx->mouse);
		return 0;
	}
	if (t.p->copy != NULL && !args_has(a, 'X') && a->argc == 0) {
		/* a count typed before a copy-mode key (vi's 1 0 j), as tmux */
		t.p->copy->count = n != NULL ? repeat : 0;
		return 0;
	}
	if (t.p->copy != NULL && args_has(a, 'X') && n == NULL && t.p->copy->count > 0) {
		repeat = t.p->copy->count;
		t.p->copy->count = 0;
	}
	words = send_words(ctx, a, t.p);
	rc = send_keys_words(ctx, t.p, a, words, repeat);
	for (int i = 0; i < a->argc; i++)
		free(words[i]);
	free(words);
	return rc;
}

/* -S/-E: a line number, negative into history, or "-" for the very start
 * (-S) or the bottom of the screen (-E). */
static int capture_line(struct cmd_ctx *ctx, const char *v, int dash, int def, int *out)
{
	char *end;
	long n;

	if (v == NULL) {
		*out = def;
		return 0;
	}
	if (strcmp(v, "-") == 0) {
		*out = dash;
		return 0;
	}
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0')
		return cmd_error(ctx, "invalid line: %s", v);
	*out = n < INT_MIN / 2 ? INT_MIN / 2 : n > INT_MAX / 2 ? INT_MAX / 2 : (int)n;
	return 0;
}

/* As tmux, the pane leaves copy mode or buffer/tree mode first: their
 * views point into the history. */
static int cmd_clear_history(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (t.p->copy != NULL)
		copy_exit(t.p);
	if (t.p->choose != NULL)
		choose_exit(t.p);
	clock_exit(t.p);
	grid_clear_history(t.p->grid);
	attach_mark_session(t.s);
	return 0;
}

static int cmd_capture_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	int start = 0, end = 0, flags = 0, rows; /* (set by capture_line; -O3 cannot tell) */
	size_t len;
	char *text;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	rows = grid_rows(t.p->grid);
	if (capture_line(ctx, args_get(a, 'S'), -grid_history_size(t.p->grid), 0, &start) != 0 ||
	    capture_line(ctx, args_get(a, 'E'), rows - 1, rows - 1, &end) != 0)
		return -1;
	if (args_has(a, 'e'))
		flags |= GRID_CAPTURE_ESCAPES;
	if (args_has(a, 'J'))
		flags |= GRID_CAPTURE_JOIN;
	if (args_has(a, 'C'))
		flags |= GRID_CAPTURE_OCTAL;
	if (args_has(a, 'a')) {
		if (!grid_alternate_showing(t.p->grid))
			return cmd_error(ctx, "no alternate screen");
		flags |= GRID_CAPTURE_SAVED;
	}
	text = grid_capture(t.p->grid, start, end, flags, &len);
	if (args_has(a, 'p')) {
		buf_add(&ctx->out, text, len);
	} else {
		buffers_set(&ctx->srv->buffers, args_get(a, 'b'), text, len);
	}
	free(text);
	return 0;
}

static int respawn(struct cmd_ctx *ctx, struct args *a, struct pane *p, const char *what)
{
	struct spawn_args sa;
	struct target t = {p->window->session, p->window, p};
	char *err = NULL;
	int rc;

	if (!p->exited && !args_has(a, 'k'))
		return cmd_error(
			ctx, "respawn pane failed: pane %s:%d.%ld still active",
			p->window->session->name, p->window->index,
			window_pane_index(p->window, p) +
				options_number(window_options(p->window), "pane-base-index"));
	cmd_spawn_args(ctx, a, &sa, args_get(a, 'c') != NULL ? NULL : p->start_cwd, &t);
	rc = pane_respawn(p, &sa, args_has(a, 'k'), &err);
	if (rc == 0 && args_get(a, 'c') != NULL) {
		/* as tmux: the next respawn starts there too */
		free(p->start_cwd);
		p->start_cwd = xstrdup(sa.cwd);
	}
	cmd_spawn_free(&sa);
	if (rc != 0) {
		cmd_error(ctx, "respawn %s failed: %s", what, err);
		free(err);
	}
	return rc;
}

static int cmd_respawn_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	return respawn(ctx, a, t.p, "pane");
}

/* The window's first pane is respawned; the others go, as in tmux. */
static int cmd_respawn_window(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct pane *keep;

	if (target_window(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	keep = t.w->panes;
	if (!args_has(a, 'k')) {
		for (struct pane *p = t.w->panes; p != NULL; p = p->next) {
			if (!p->exited)
				return cmd_error(ctx,
						 "respawn window failed: window %s:%d still active",
						 t.s->name, t.w->index);
		}
	}
	while (keep->next != NULL)
		pane_kill(keep->next);
	window_set_active(t.w, keep);
	return respawn(ctx, a, keep, "window");
}

/* pipe-pane: no command stops piping; -o only starts one if none runs. */
static int cmd_pipe_pane(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct format_ctx fc;
	char **envp, *cmd, *err = NULL;
	int to_pane = args_has(a, 'I'), from_pane = args_has(a, 'O') || !to_pane, rc;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (a->argc == 0 || *a->argv[0] == '\0' || (args_has(a, 'o') && pipe_active(t.p))) {
		pipe_close(t.p);
		return 0;
	}
	format_ctx_pane(&fc, ctx->srv, t.p);
	cmd = format_expand(a->argv[0], &fc);
	envp = environ_build(&ctx->srv->env, &t.s->env);
	rc = pipe_open(t.p, cmd, from_pane, to_pane, envp, &err);
	strv_free(envp);
	free(cmd);
	if (rc != 0) {
		cmd_error(ctx, "pipe-pane: %s", err);
		free(err);
	}
	return rc;
}

const struct cmd_entry cmd_pane_entries[] = {
	{"split-window", "splitw", "bdfhIvPZc:e:F:l:p:t:", 0, -1,
	 "[-bdfhIvPZ] [-c start-directory] [-e environment] [-F format] [-l size | -p percentage] "
	 "[-t target-pane] [shell-command]",
	 cmd_split_window},
	{"kill-pane", "killp", "at:", 0, 0, "[-a] [-t target-pane]", cmd_kill_pane},
	{"list-panes", "lsp", "asF:f:jt:", 0, 0,
	 "[-asj] [-F format] [-f filter] [-t target-window]", cmd_list_panes},
	{"select-pane", "selectp", "DdegLlMmP:RT:t:UZ", 0, 0,
	 "[-DdeLlMmRUZ] [-T title] [-t target-pane]", cmd_select_pane},
	{"send-keys", "send", "FHlMN:Rt:X", 0, -1,
	 "[-FHlMRX] [-N repeat-count] [-t target-pane] key ...", cmd_send_keys},
	{"clear-history", "clearhist", "t:", 0, 0, "[-t target-pane]", cmd_clear_history},
	{"capture-pane", "capturep", "aCeJpqb:E:S:t:", 0, 0,
	 "[-aCeJpq] [-b buffer-name] [-E end-line] [-S start-line] [-t target-pane]",
	 cmd_capture_pane},
	{"pipe-pane", "pipep", "IOot:", 0, 1, "[-IOo] [-t target-pane] [shell-command]",
	 cmd_pipe_pane},
	{"respawn-pane", "respawnp", "c:e:kt:", 0, -1,
	 "[-k] [-c start-directory] [-e environment] [-t target-pane] [shell-command]",
	 cmd_respawn_pane},
	{"respawn-window", "respawnw", "c:e:kt:", 0, -1,
	 "[-k] [-c start-directory] [-e environment] [-t target-window] [shell-command]",
	 cmd_respawn_window},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
