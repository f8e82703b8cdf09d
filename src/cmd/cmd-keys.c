/*
 * Commands of the keys family: bind-key, unbind-key, list-keys, send-prefix,
 * command-prompt and confirm-before. The tables are in keys.c; the prompt
 * itself is edited on the client's status line by attach.c.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "term/grid.h"

static const char *key_table_arg(struct args *a)
{
	if (args_has(a, 'n'))
		return "root";
	return args_get(a, 'T') != NULL ? args_get(a, 'T') : "prefix";
}

/* The binding's command as text, as tmux shows it: one word is already
 * command text (a quoted string or a { } block, kept as written unless it
 * is a command's name alone); several are joined back, with the command's
 * full name, or a command-alias's commands, first. */
static char *command_text(struct server *srv, int argc, char **argv)
{
	const char *alias = cmd_alias(srv, argv[0]);
	char *text, *rest;
	const char *name;

	if (argc == 1 && argv[0][strcspn(argv[0], " \t\n;{}")] != '\0')
		return xstrdup(argv[0]);
	if (alias != NULL) {
		if (argc == 1)
			return xstrdup(alias);
		rest = keys_join_words(argc - 1, argv + 1);
		text = xasprintf("%s %s", alias, rest);
		free(rest);
		return text;
	}
	name = argv[0];
	argv[0] = (char *)cmd_full_name(srv, name);
	text = keys_join_words(argc, argv);
	argv[0] = (char *)name;
	return text;
}

static int check_command_text(struct cmd_ctx *ctx, const char *text)
{
	char **argv = NULL, *err = NULL;
	int argc = 0, start = 0, rc = 0;

	if (parse_words(text, &argv, &argc, &err) != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	for (int i = 0; i <= argc && rc == 0; i++) {
		if (i < argc && strcmp(argv[i], ";") != 0)
			continue;
		rc = cmd_check(ctx, i - start, argv + start);
		start = i + 1;
	}
	parse_free(argv, argc);
	return rc;
}

static int cmd_bind_key(struct cmd_ctx *ctx, struct args *a)
{
	const char *table = key_table_arg(a), *note = args_get(a, 'N');
	const struct key_binding *old;
	struct key k;
	char *text;

	if (key_parse(a->argv[0], &k) != 0)
		return cmd_error(ctx, "unknown key: %s", a->argv[0]);
	if (a->argc == 1) {
		/* -N alone changes the note of an existing binding */
		old = keys_lookup(keys_server(), table, &k);
		if (note == NULL)
			return cmd_error(ctx, "usage: bind-key [-nr] [-T key-table] [-N note] key "
					      "[command [arguments]]");
		keys_bind(keys_server(), table, &k, old != NULL ? old->cmd : "",
			  old != NULL && old->repeat, note);
		return 0;
	}
	text = command_text(ctx->srv, a->argc - 1, a->argv + 1);
	if (check_command_text(ctx, text) != 0) {
		free(text);
		return -1;
	}
	keys_bind(keys_server(), table, &k, text, args_has(a, 'r'), note);
	free(text);
	return 0;
}

static int cmd_unbind_key(struct cmd_ctx *ctx, struct args *a)
{
	const char *table = key_table_arg(a);
	struct key k;

	if (args_has(a, 'a')) {
		if (a->argc > 0)
			return cmd_error(ctx, "key given with -a");
		keys_unbind_all(keys_server(), table);
		return 0;
	}
	if (a->argc == 0)
		return cmd_error(ctx, "missing key");
	if (key_parse(a->argv[0], &k) != 0) {
		if (args_has(a, 'q'))
			return 0;
		return cmd_error(ctx, "unknown key: %s", a->argv[0]);
	}
	if (keys_table(keys_server(), table, 0) == NULL && !args_has(a, 'q'))
		return cmd_error(ctx, "table %s doesn't exist", table);
	keys_unbind(keys_server(), table, &k); /* not bound: nothing to do, as tmux */
	return 0;
}

/* -N (tmux's layout): the keys that have a note, padded to the widest of
 * them, after start; -1 stops after the first. Returns how many. */
static int note_width(const char *table, const struct key *only)
{
	const struct key_table *t = keys_table(keys_server(), table, 0);
	const struct key_binding *b;
	char name[64];
	int w = 0;

	for (b = t != NULL ? t->bindings : NULL; b != NULL; b = b->next) {
		if (b->note != NULL && *b->note != '\0' &&
		    (only == NULL || key_equal(only, &b->key)) &&
		    (int)strlen(key_name(&b->key, name, sizeof name)) > w)
			w = (int)strlen(name);
	}
	return w;
}

static int print_notes(struct cmd_ctx *ctx, struct args *a, const char *table,
		       const struct key *only, int width, const char *start)
{
	const struct key_table *t = keys_table(keys_server(), table, 0);
	const struct key_binding *b;
	char name[64];
	int n = 0;

	for (b = t != NULL ? t->bindings : NULL; b != NULL; b = b->next) {
		if (b->note == NULL || *b->note == '\0' ||
		    (only != NULL && !key_equal(only, &b->key)))
			continue;
		buf_printf(&ctx->out, "%s%-*s %s\n", start, width,
			   key_name(&b->key, name, sizeof name), b->note);
		if (++n == 1 && args_has(a, '1'))
			break;
	}
	return n;
}

/* Without -T: the root table's notes, then the prefix table's with the
 * prefix key in front (the root ones indented to match), as tmux. */
static void list_notes(struct cmd_ctx *ctx, struct args *a, const char *table,
		       const struct key *only)
{
	const char *prefix = options_string(ctx->srv->options, "prefix");
	int has_prefix = strcmp(prefix, "None") != 0, width, pw;
	char *start, *blank;

	if (table != NULL) {
		print_notes(ctx, a, table, only, note_width(table, only),
			    args_get(a, 'P') != NULL ? args_get(a, 'P') : "");
		return;
	}
	if (args_get(a, 'P') != NULL)
		start = xstrdup(args_get(a, 'P'));
	else if (has_prefix)
		start = xasprintf("%s ", prefix);
	else
		start = xstrdup("");
	width = note_width("root", only);
	pw = has_prefix ? note_width("prefix", only) : 0;
	if (pw > width)
		width = pw;
	blank = xasprintf("%*s", (int)strlen(start), "");
	if ((print_notes(ctx, a, "root", only, width, blank) == 0 || !args_has(a, '1')) && pw > 0)
		print_notes(ctx, a, "prefix", only, width, start);
	free(blank);
	free(start);
}

/* list-keys -j: one object per binding. */
static void list_keys_json(struct cmd_ctx *ctx, const char *only_table, const struct key *only)
{
	const struct key_table *t;
	const struct key_binding *b;
	char name[64];
	int first = 1;

	buf_addc(&ctx->out, '[');
	for (t = keys_server()->tables; t != NULL; t = t->next) {
		if (only_table != NULL && strcmp(only_table, t->name) != 0)
			continue;
		for (b = t->bindings; b != NULL; b = b->next) {
			if (only != NULL && !key_equal(only, &b->key))
				continue;
			buf_adds(&ctx->out, first ? "\n{\"table\":" : ",\n{\"table\":");
			first = 0;
			format_json_string(&ctx->out, t->name);
			buf_adds(&ctx->out, ",\"key\":");
			format_json_string(&ctx->out, key_name(&b->key, name, sizeof name));
			buf_printf(&ctx->out,
				   ",\"repeat\":%s,\"note\":", b->repeat ? "true" : "false");
			if (b->note != NULL)
				format_json_string(&ctx->out, b->note);
			else
				buf_adds(&ctx->out, "null");
			buf_adds(&ctx->out, ",\"command\":");
			format_json_string(&ctx->out, b->cmd);
			buf_addc(&ctx->out, '}');
		}
	}
	buf_adds(&ctx->out, first ? "]\n" : "\n]\n");
}

static int cmd_list_keys(struct cmd_ctx *ctx, struct args *a)
{
	const char *table = args_get(a, 'T');
	struct key k, *only = NULL;
	size_t before;

	if (a->argc > 0) {
		if (key_parse(a->argv[0], &k) != 0)
			return cmd_error(ctx, "invalid key: %s", a->argv[0]);
		only = &k;
	}
	if (table != NULL && keys_table(keys_server(), table, 0) == NULL)
		return cmd_error(ctx, "table %s doesn't exist", table);
	if (args_has(a, 'j')) {
		list_keys_json(ctx, table, only);
		return 0;
	}
	before = ctx->out.len;
	if (args_has(a, 'N'))
		list_notes(ctx, a, table, only);
	else
		keys_list(keys_server(), table, only, 0, &ctx->out);
	if (only != NULL && ctx->out.len == before)
		return cmd_error(ctx, "unknown key: %s", a->argv[0]); /* as tmux: bound nowhere */
	return 0;
}

static int cmd_send_prefix(struct cmd_ctx *ctx, struct args *a)
{
	const char *name = args_has(a, '2') ? "prefix2" : "prefix";
	struct target t;
	struct key k;

	if (target_pane(ctx, args_get(a, 't'), &t) != 0)
		return -1;
	if (key_parse(options_string(session_options(t.s), name), &k) != 0)
		return 0; /* prefix2 None */
	for (struct pane *q = pane_input_first(t.p); q != NULL; q = pane_sync_next(t.p, q))
		pane_send_key(q, &k);
	return 0;
}

/* Formats in prompts and inputs are expanded for the client's pane. */
static char *expand_for(struct cmd_ctx *ctx, struct peer *c, const char *fmt)
{
	struct format_ctx fc;
	struct window *w = c->session->current;

	if (w != NULL && w->active != NULL)
		format_ctx_pane(&fc, ctx->srv, w->active);
	else
		format_ctx_session(&fc, ctx->srv, c->session);
	fc.c = c;
	return format_expand(fmt, &fc);
}

/* -t target-client, else the current client. */
static struct peer *prompt_client(struct cmd_ctx *ctx, struct args *a)
{
	const char *tty = args_get(a, 't');
	struct peer *c;

	if (tty != NULL) {
		c = cmd_find_client(ctx, tty);
		if (c == NULL)
			cmd_error(ctx, "can't find client: %s", tty);
		return c;
	}
	c = cmd_current_client(ctx, NULL);
	if (c == NULL || c->state != PEER_ATTACHED) {
		cmd_error(ctx, "no client to prompt");
		return NULL;
	}
	return c;
}

/* tmux's labels: each -p prompt gets a space after it; without -p, ":" or
 * "(command) " for a template. */
static char *prompt_labels(struct cmd_ctx *ctx, struct peer *c, struct args *a, const char *tmpl)
{
	const char *p = args_get(a, 'p');
	char *expanded, *out;
	struct buf b;

	if (p == NULL && tmpl == NULL)
		return xstrdup(":");
	if (p == NULL)
		return xasprintf("(%.*s) ", (int)strcspn(tmpl, " "), tmpl);
	expanded = expand_for(ctx, c, p);
	buf_init(&b);
	for (const char *s = expanded; *s != '\0'; s++) {
		if (*s == ',')
			buf_addc(&b, ' ');
		buf_addc(&b, *s);
	}
	buf_addc(&b, ' ');
	out = buf_detach(&b);
	free(expanded);
	return out;
}

/* -T prompt-type: the prompt history a command uses; -1 after an error. */
static int prompt_type_arg(struct cmd_ctx *ctx, struct args *a, int none)
{
	const char *name = args_get(a, 'T');
	int type;

	if (name == NULL)
		return none;
	type = prompt_type_parse(name);
	if (type < 0)
		cmd_error(ctx, "invalid type: %s", name); /* tmux's words */
	return type;
}

static int cmd_command_prompt(struct cmd_ctx *ctx, struct args *a)
{
	struct peer *c = prompt_client(ctx, a);
	const char *tmpl = a->argc > 0 ? a->argv[0] : NULL;
	char *labels, *inputs = NULL, *expanded = NULL;
	int flags = 0, type = prompt_type_arg(ctx, a, PROMPT_TYPE_COMMAND);

	if (c == NULL || type < 0)
		return -1;
	if (c->prompt_label != NULL)
		return 0; /* one prompt at a time, as tmux */
	if (args_has(a, '1') || args_has(a, 'k'))
		flags |= PROMPT_SINGLE;
	if (args_has(a, 'i') && tmpl != NULL)
		flags |= PROMPT_INCREMENTAL;
	if (args_has(a, 'N'))
		flags |= PROMPT_NUMERIC;
	if (args_get(a, 'I') != NULL)
		inputs = expand_for(ctx, c, args_get(a, 'I'));
	if (tmpl != NULL && args_has(a, 'F'))
		tmpl = expanded = expand_for(ctx, c, tmpl);
	labels = prompt_labels(ctx, c, a, tmpl);
	attach_prompt(c, labels, inputs, tmpl, flags, type);
	free(labels);
	free(inputs);
	free(expanded);
	return 0;
}

static int cmd_confirm_before(struct cmd_ctx *ctx, struct args *a)
{
	struct peer *c = prompt_client(ctx, a);
	char *text, *label, *p;

	if (c == NULL)
		return -1;
	if (c->prompt_label != NULL)
		return 0;
	text = command_text(ctx->srv, a->argc, a->argv);
	if (args_get(a, 'p') != NULL) {
		p = expand_for(ctx, c, args_get(a, 'p'));
		label = xasprintf("%s ", p);
		free(p);
	} else {
		label = xasprintf("Confirm '%s'? (y/n) ", text);
	}
	attach_prompt(c, label, NULL, text, PROMPT_SINGLE | PROMPT_CONFIRM, PROMPT_TYPE_COMMAND);
	free(label);
	free(text);
	return 0;
}

static int cmd_show_prompt_history(struct cmd_ctx *ctx, struct args *a)
{
	int type = prompt_type_arg(ctx, a, -2);

	if (type == -1)
		return -1;
	prompt_history_show(ctx->srv, type < 0 ? -1 : type, &ctx->out);
	return 0;
}

static int cmd_clear_prompt_history(struct cmd_ctx *ctx, struct args *a)
{
	int type = prompt_type_arg(ctx, a, -2);

	if (type == -1)
		return -1;
	prompt_history_clear(ctx->srv, type < 0 ? -1 : type);
	return 0;
}

const struct cmd_entry cmd_keys_entries[] = {
	{"bind-key", "bind", "nrN:T:", 1, -1,
	 "[-nr] [-T key-table] [-N note] key [command [arguments]]", cmd_bind_key},
	{"unbind-key", "unbind", "anqT:", 0, 1, "[-anq] [-T key-table] key", cmd_unbind_key},
	{"list-keys", "lsk", "1ajNP:T:", 0, 1, "[-1ajN] [-P prefix-string] [-T key-table] [key]",
	 cmd_list_keys},
	{"send-prefix", NULL, "2t:", 0, 0, "[-2] [-t target-pane]", cmd_send_prefix},
	{"command-prompt", NULL, "1bFikI:Np:t:T:", 0, 1,
	 "[-1bFkN] [-I inputs] [-p prompts] [-t target-client] [-T type] [template]",
	 cmd_command_prompt},
	{"confirm-before", "confirm", "bp:t:", 1, -1, "[-b] [-p prompt] [-t target-client] command",
	 cmd_confirm_before},
	{"show-prompt-history", "showphist", "T:", 0, 0, "[-T prompt-type]",
	 cmd_show_prompt_history},
	{"clear-prompt-history", "clearphist", "T:", 0, 0, "[-T prompt-type]",
	 cmd_clear_prompt_history},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
