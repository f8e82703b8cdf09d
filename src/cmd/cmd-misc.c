/* Other commands: display-message, set-option, show-options, list-commands. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/options.h"
#include "render/style.h"
#include "term/grid.h"

#define DISPLAY_FMT                                                                       \
	"[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - " \
	"(%H:%M %d-%b-%y)"

/* Messages shown to clients are kept for show-messages: the last
 * message-limit of them (a message is one line). */
static void log_message(struct server *srv, const char *msg)
{
	long limit = options_number(srv->options, "message-limit");
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	size_t lines = 0;
	const char *p, *end;

	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", &tm);
	buf_printf(&srv->messages, "%s: %s\n", when, msg);
	p = srv->messages.data;
	end = p + srv->messages.len;
	for (const char *q = p; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		lines++;
	for (const char *nl; lines > (size_t)limit && (nl = memchr(p, '\n', (size_t)(end - p)));
	     lines--)
		p = nl + 1;
	buf_consume(&srv->messages, (size_t)(p - srv->messages.data));
}

static int cmd_show_messages(struct cmd_ctx *ctx, struct args *a)
{
	buf_add(&ctx->out, ctx->srv->config_errors.data, ctx->srv->config_errors.len);
	buf_add(&ctx->out, ctx->srv->messages.data, ctx->srv->messages.len);
	return 0;
}

/* -j: one JSON object (display-message describes one thing) of every
 * variable, or of those the format names. */
static int display_json(struct cmd_ctx *ctx, const struct format_ctx *fc, const char *fmt)
{
	char **names = NULL;
	int n = fmt != NULL ? cmd_format_names(fmt, &names) : 0;

	format_json(&ctx->out, fc, n > 0 ? (const char *const *)names : NULL, n);
	buf_addc(&ctx->out, '\n');
	cmd_format_names_free(names, n);
	return 0;
}

/* display -a: as tmux, only the variables that have a value here */
static void add_variable(const char *name, const char *value, void *arg)
{
	if (value != NULL)
		buf_printf(arg, "%s=%s\n", name, value);
}

/* display-message -I, split-window -I: the client's stdin goes into an
 * empty pane as it comes, line feeds as new lines, as in tmux. */
struct display_input {
	struct cmd_ctx *ctx;
	struct server *srv;
	uint32_t pane;
};

static void display_input_chunk(void *arg, const char *data, size_t len)
{
	struct display_input *di = arg;
	struct pane *p = pane_find_id(di->srv, di->pane);
	size_t i, from = 0;

	if (p == NULL || !p->empty)
		return; /* gone or respawned meanwhile */
	for (i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n')
			continue;
		grid_input(p->grid, data + from, i - from);
		if (i < len)
			grid_input(p->grid, "\r\n", 2);
		from = i + 1;
	}
	attach_mark_session(p->window->session);
}

static void display_input_done(void *arg, const char *data, size_t len, const char *err)
{
	struct display_input *di = arg;
	struct cmd_ctx *ctx = di->ctx;

	(void)data;
	(void)len;
	if (err != NULL)
		cmd_error(ctx, "display-message: %s", err);
	free(di);
	cmd_resume(ctx);
}

int cmd_input_to_pane(struct cmd_ctx *ctx, struct pane *p)
{
	struct display_input *di;

	if (!p->empty)
		return cmd_error(ctx, "pane is not empty");
	di = xcalloc(1, sizeof *di);
	di->ctx = ctx;
	di->srv = ctx->srv;
	di->pane = p->id;
	if (cmd_read_stdin(ctx, display_input_chunk, display_input_done, di) != 0) {
		free(di);
		return -1;
	}
	return 0;
}

/* The client whose client_ variables display-message shows, as tmux:
 * -c, else the caller if attached, else the one most recently active. */
static struct peer *format_client(struct cmd_ctx *ctx, const char *name)
{
	struct peer *c, *best = NULL;

	if (name != NULL && (c = cmd_find_client(ctx, name)) != NULL)
		return c;
	if (ctx->peer != NULL && ctx->peer->state == PEER_ATTACHED)
		return ctx->peer;
	for (c = ctx->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && (best == NULL || c->activity > best->activity))
			best = c;
	}
	return best != NULL ? best : ctx->peer;
}

static int cmd_display_message(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;
	struct format_ctx fc;
	struct peer *c;
	const char *fmt = a->argc > 0 ? a->argv[0] : args_get(a, 'F');
	char *msg, *err = NULL, *end;

	if (args_get(a, 'd') != NULL &&
	    (strtol(args_get(a, 'd'), &end, 10) < 0 || *end != '\0' || *args_get(a, 'd') == '\0'))
		return cmd_error(ctx, "invalid delay: %s", args_get(a, 'd'));

	if (fmt != NULL && format_check(fmt, &err) != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}

	if (target_pane(ctx, args_get(a, 't'), &t) != 0) {
		/* With no session at all, server formats still expand. */
		if (args_get(a, 't') != NULL || ctx->srv->sessions != NULL)
			return -1;
		buf_free(&ctx->err);
		ctx->status = 0;
	}
	if (args_has(a, 'I'))
		return t.p != NULL ? cmd_input_to_pane(ctx, t.p) : cmd_error(ctx, "no pane");
	format_ctx_pane(&fc, ctx->srv, t.p);
	if (t.p == NULL)
		format_ctx_session(&fc, ctx->srv, t.s);
	fc.c = format_client(ctx, args_get(a, 'c'));
	fc.m = &ctx->mouse;
	if (args_has(a, 'j'))
		return display_json(ctx, &fc, fmt);
	if (args_has(a, 'a')) {
		format_each(&fc, add_variable, &ctx->out);
		return 0;
	}
	/* -v: the trace goes to the caller first, wherever the message goes. */
	msg = format_expand_trace(fmt != NULL ? fmt : DISPLAY_FMT, &fc, 1,
				  args_has(a, 'v') ? &ctx->out : NULL);
	if (args_get(a, 'c') != NULL && !args_has(a, 'p')) {
		c = cmd_find_client(ctx, args_get(a, 'c'));
		if (c == NULL) {
			free(msg);
			return cmd_error(ctx, "can't find client: %s", args_get(a, 'c'));
		}
	} else {
		c = args_has(a, 'p') ? NULL : cmd_current_client(ctx, t.s);
	}
	if (c != NULL) {
		const char *d = args_get(a, 'd');

		attach_message_for(c, msg, d != NULL ? strtol(d, NULL, 10) : -1, args_has(a, 'N'));
		log_message(ctx->srv, msg);
	} else
		buf_printf(&ctx->out, "%s\n", msg);
	free(msg);
	return 0;
}

/*
 * The options a set/show command acts on: -s the server's, -g the global
 * session (or with -w/-p window and pane) options, -p a pane's, -w a
 * window's, else the target session's. A named option picks its own scope
 * when no flag says otherwise, as tmux does. mask gets the scopes shown.
 */
static int option_target(struct cmd_ctx *ctx, struct args *a, const struct option_def *d,
			 int window_cmd, struct options **o, unsigned *mask)
{
	enum option_scope scope = d != NULL ? options_scope(d) : OPTION_SESSION;
	int server = args_has(a, 's'), pane = args_has(a, 'p'),
	    win = args_has(a, 'w') || window_cmd;
	struct target t;

	if (d != NULL && !server && !pane && !win) {
		server = scope == OPTION_SERVER;
		win = scope == OPTION_WINDOW || scope == OPTION_PANE;
	}
	if (server) {
		*o = ctx->srv->options;
		*mask = 1u << OPTION_SERVER;
	} else if (args_has(a, 'g')) {
		*o = ctx->srv->options;
		*mask = pane || win ? (1u << OPTION_WINDOW) | (1u << OPTION_PANE)
				    : 1u << OPTION_SESSION;
	} else if (pane) {
		if (target_pane(ctx, args_get(a, 't'), &t) != 0)
			return -1;
		*o = pane_options(t.p);
		*mask = 1u << OPTION_PANE;
	} else if (win) {
		if (target_window(ctx, args_get(a, 't'), &t) != 0)
			return -1;
		*o = window_options(t.w);
		*mask = (1u << OPTION_WINDOW) | (1u << OPTION_PANE);
	} else {
		if (target_session(ctx, args_get(a, 't'), &t) != 0)
			return -1;
		*o = session_options(t.s);
		*mask = 1u << OPTION_SESSION;
	}
	return 0;
}

/* Turning automatic-rename off keeps the names windows have now. */
static void freeze_window_names(struct server *srv)
{
	struct session *s;
	struct window *w;
	struct format_ctx fc;

	for (s = srv->sessions; s != NULL; s = s->next) {
		for (w = s->windows; w != NULL; w = w->next) {
			char *name;

			if (!w->automatic)
				continue;
			format_ctx_window(&fc, srv, w);
			name = format_expand("#{window_name}", &fc);
			free(w->name);
			w->name = name;
		}
	}
}

/* Styles and colours are checked when set, with tmux's words, so that a
 * typo in a config file is reported rather than silently drawn as the
 * default. A colour option's default ("none" for cursor-colour) is good. */
static int check_value(struct cmd_ctx *ctx, const struct option_def *d, const char *value)
{
	grid_color colour;
	char *err = NULL;

	if (d == NULL)
		return 0;
	if (d->type == OPTION_STYLE && style_check(value, &err) != 0) {
		free(err);
		return cmd_error(ctx, "invalid style: %s", value);
	}
	if (d->type == OPTION_COLOUR && strcmp(value, d->def) != 0 &&
	    style_colour(value, strlen(value), &colour) < 0)
		return cmd_error(ctx, "bad colour: %s", value);
	return 0;
}

/* A choice given no value, as in tmux: the first two swap (status off and
 * on, extended-keys off and on), any other stays. */
static const char *choice_toggled(const struct option_def *d, long now, char *word, size_t size)
{
	const char *p = d->choices;
	long want = now < 2 ? !now : now;

	for (long i = 0; i < want && (p = strchr(p, ',')) != NULL; i++)
		p++;
	if (p == NULL)
		p = d->choices;
	snprintf(word, size, "%.*s", (int)strcspn(p, ","), p);
	return word;
}

/* pane-border-status takes a row from panes at the window's edge. */
static void relayout_all(struct server *srv)
{
	for (struct session *s = srv->sessions; s != NULL; s = s->next) {
		for (struct window *w = s->windows; w != NULL; w = w->next)
			window_relayout(w);
	}
}

static int set_value(struct cmd_ctx *ctx, struct args *a, struct options *o, const char *name,
		     const struct option_def *d, const char *value)
{
	char *err = NULL, *expanded = NULL;
	char choice[64];
	int rc;

	if (value == NULL) {
		if (d == NULL || (d->type != OPTION_FLAG && d->type != OPTION_CHOICE))
			return cmd_error(ctx, "empty value");	/* tmux's words */
		value = options_number(o, name) ? "off" : "on"; /* a flag toggles */
		if (d->type == OPTION_CHOICE)
			value = choice_toggled(d, options_number(o, name), choice, sizeof choice);
	}
	if (args_has(a, 'F')) {
		struct format_ctx fc;
		/* a mouse binding's is the pane under the pointer */
		struct pane *p = ctx->mouse.valid && ctx->mouse.pane != 0
					 ? mouse_pane(ctx->srv, &ctx->mouse)
					 : ctx->current;

		if (p != NULL)
			format_ctx_pane(&fc, ctx->srv, p);
		else
			format_ctx_session(&fc, ctx->srv, session_best(ctx->srv));
		fc.c = ctx->peer;
		fc.m = &ctx->mouse;
		value = expanded = format_expand(value, &fc);
	}
	if (check_value(ctx, d, value) != 0) {
		free(expanded);
		return -1;
	}
	if (strcmp(name, "automatic-rename") == 0 && options_number(o, name))
		freeze_window_names(ctx->srv);
	rc = options_set(o, name, value, args_has(a, 'a'), &err);
	free(expanded);
	if (rc != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
	}
	return rc;
}

static int set_option(struct cmd_ctx *ctx, struct args *a, int window_cmd)
{
	const char *name = a->argv[0], *value = a->argc > 1 ? a->argv[1] : NULL;
	const struct option_def *d = options_def(name);
	struct options *o;
	struct session *s;
	unsigned mask;

	if (d == NULL && (name[0] != '@' || name[1] == '\0')) {
		if (args_has(a, 'q'))
			return 0;
		return cmd_error(ctx, "invalid option: %s", name);
	}
	if (option_target(ctx, a, d, window_cmd, &o, &mask) != 0)
		return -1;
	if (args_has(a, 'u')) {
		options_unset(o, name);
	} else if (args_has(a, 'o') && options_is_set(o, name)) {
		/* as tmux: a global option always has a value, so -go refuses
		 * it; -q makes that no error */
		if (args_has(a, 'q'))
			return 0;
		return cmd_error(ctx, "already set: %s", name);
	} else if (set_value(ctx, a, o, name, d, value) != 0) {
		return -1;
	}
	if (strcmp(name, "pane-border-status") == 0)
		relayout_all(ctx->srv);
	for (s = ctx->srv->sessions; s != NULL; s = s->next)
		attach_mark_session(s);
	attach_options_changed(ctx->srv);
	buffers_set_limit(&ctx->srv->buffers,
			  (int)options_number(ctx->srv->options, "buffer-limit"));
	return 0;
}

static int show_options(struct cmd_ctx *ctx, struct args *a, int window_cmd)
{
	const char *name = a->argc > 0 ? a->argv[0] : NULL;
	const struct option_def *d = name != NULL ? options_def(name) : NULL;
	struct options *o;
	unsigned mask;
	int rc;

	if (name != NULL && d == NULL && (name[0] != '@' || name[1] == '\0')) {
		if (args_has(a, 'q'))
			return 0;
		return cmd_error(ctx, "invalid option: %s", name);
	}
	if (option_target(ctx, a, d, window_cmd, &o, &mask) != 0)
		return -1;
	/* a user option not set where asked is unknown there, as in tmux (-j,
	 * ours, gives an empty list) */
	if (name != NULL && name[0] == '@' && !args_has(a, 'j') &&
	    (args_has(a, 'A') ? options_user(o, name) == NULL : !options_is_set(o, name))) {
		if (args_has(a, 'q'))
			return 0;
		return cmd_error(ctx, "invalid option: %s", name);
	}
	if (args_has(a, 'j'))
		rc = options_show_json(o, name, mask, args_has(a, 'A'), &ctx->out,
				       format_json_string);
	else
		rc = options_show(o, name, mask, args_has(a, 'v'), args_has(a, 'A'), &ctx->out);
	if (rc != 0) /* (the name is known: name[N] of an option that is no array, -j) */
		return cmd_error(ctx, "not an array: %s", name);
	return 0;
}

static int cmd_set_option(struct cmd_ctx *ctx, struct args *a)
{
	return set_option(ctx, a, 0);
}

static int cmd_set_window_option(struct cmd_ctx *ctx, struct args *a)
{
	return set_option(ctx, a, 1);
}

static int cmd_show_options(struct cmd_ctx *ctx, struct args *a)
{
	return show_options(ctx, a, 0);
}

static int cmd_show_window_options(struct cmd_ctx *ctx, struct args *a)
{
	return show_options(ctx, a, 1);
}

/* -g: the global environment; else the target session's. */
static struct environ *environment_of(struct cmd_ctx *ctx, struct args *a)
{
	struct target t;

	if (args_has(a, 'g'))
		return &ctx->srv->env;
	if (target_session(ctx, args_get(a, 't'), &t) != 0)
		return NULL;
	return &t.s->env;
}

static int cmd_set_environment(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = a->argv[0], *value = a->argc > 1 ? a->argv[1] : NULL;
	struct environ *env;

	if (*name == '\0' || strchr(name, '=') != NULL)
		return cmd_error(ctx, "invalid variable name: %s", name);
	if ((env = environment_of(ctx, a)) == NULL)
		return -1;
	if (args_has(a, 'u')) {
		environ_unset(env, name);
		return 0;
	}
	if (args_has(a, 'r')) {
		environ_set(env, name, NULL, 0);
		return 0;
	}
	if (value == NULL)
		return cmd_error(ctx, "no value specified");
	if (args_has(a, 'F')) {
		struct format_ctx fc;
		struct target t;
		char *v;

		if (target_pane(ctx, NULL, &t) != 0) {
			buf_free(&ctx->err);
			ctx->status = 0;
			memset(&t, 0, sizeof t);
		}
		format_ctx_pane(&fc, ctx->srv, t.p);
		v = format_expand(value, &fc);
		environ_set(env, name, v, args_has(a, 'h'));
		free(v);
		return 0;
	}
	environ_set(env, name, value, args_has(a, 'h'));
	return 0;
}

/* show-environment -s: a line for sh to eval, the value safe inside "". */
static void shell_export(struct buf *out, const char *name, const char *value)
{
	buf_printf(out, "%s=\"", name);
	for (; *value != '\0'; value++) {
		if (strchr("\"$`\\", *value) != NULL)
			buf_addc(out, '\\');
		buf_addc(out, *value);
	}
	buf_printf(out, "\"; export %s;\n", name);
}

static int cmd_show_environment(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = a->argc > 0 ? a->argv[0] : NULL;
	struct environ *env = environment_of(ctx, a);
	struct environ_entry *x;

	if (env == NULL)
		return -1;
	/* as tmux: a variable of the other kind (hidden or not) prints nothing */
	if (name != NULL && environ_find(env, name) == NULL)
		return cmd_error(ctx, "unknown variable: %s", name);
	if (args_has(a, 's')) {
		/* As shell commands to evaluate. */
		for (x = env->first; x != NULL; x = x->next) {
			if (x->hidden != args_has(a, 'h') ||
			    (name != NULL && strcmp(name, x->name) != 0))
				continue;
			if (x->value == NULL)
				buf_printf(&ctx->out, "unset %s;\n", x->name);
			else
				shell_export(&ctx->out, x->name, x->value);
		}
		return 0;
	}
	environ_show(env, name, args_has(a, 'h'), &ctx->out);
	return 0;
}

static int cmd_list_commands(struct cmd_ctx *ctx, struct args *a);

const struct cmd_entry cmd_misc_entries[] = {
	{"display-message", "display", "aIjNpc:d:F:t:v", 0, 1,
	 "[-aIjNpv] [-c target-client] [-d delay] [-F format] [-t target-pane] [message]",
	 cmd_display_message},
	{"set-option", "set", "aFgopqst:uw", 1, 2, "[-aFgopqsuw] [-t target] option [value]",
	 cmd_set_option},
	{"show-options", "show", "AgHjpqst:vw", 0, 1, "[-AgHjpqsvw] [-t target] [option]",
	 cmd_show_options},
	{"set-window-option", "setw", "aFgoqt:u", 1, 2,
	 "[-aFgoqu] [-t target-window] option [value]", cmd_set_window_option},
	{"show-window-options", "showw", "Agjvt:", 0, 1, "[-Agjv] [-t target-window] [option]",
	 cmd_show_window_options},
	{"list-commands", "lscm", "F:", 0, 1, "[-F format] [command]", cmd_list_commands},
	{"show-messages", "showmsgs", "", 0, 0, "", cmd_show_messages},
	{"set-environment", "setenv", "Fhgrt:u", 1, 2, "[-Fhgru] [-t target-session] name [value]",
	 cmd_set_environment},
	{"show-environment", "showenv", "hgst:", 0, 1, "[-hgs] [-t target-session] [name]",
	 cmd_show_environment},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};

#define LIST_COMMANDS_FMT                                                       \
	"#{command_list_name}#{?command_list_alias, (#{command_list_alias}),} " \
	"#{command_list_usage}"

struct list_commands {
	struct cmd_ctx *ctx;
	const char *fmt;
};

/* One command, through -F: its name, alias and usage are the variables. */
static void list_one(const struct cmd_entry *e, void *arg)
{
	struct list_commands *lc = arg;
	const char *vars[] = {"command_list_name",  e->name,
			      "command_list_alias", e->alias != NULL ? e->alias : "",
			      "command_list_usage", e->usage};
	struct format_ctx fc;
	char *line;

	memset(&fc, 0, sizeof fc);
	fc.srv = lc->ctx->srv;
	fc.extra = vars;
	fc.nextra = 3;
	line = format_expand(lc->fmt, &fc);
	buf_printf(&lc->ctx->out, "%s\n", line);
	free(line);
}

static int cmd_list_commands(struct cmd_ctx *ctx, struct args *a)
{
	struct list_commands lc = {ctx,
				   args_get(a, 'F') != NULL ? args_get(a, 'F') : LIST_COMMANDS_FMT};
	const struct cmd_entry *e;
	char *err = NULL;

	if (a->argc == 0) {
		cmd_each(list_one, &lc);
		return 0;
	}
	if ((e = cmd_find(a->argv[0], &err)) == NULL) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	list_one(e, &lc);
	return 0;
}
