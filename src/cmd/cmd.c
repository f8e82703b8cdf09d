/* cmd: the command table, flag parsing and running command lists. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/options.h"
#include "cmd/parse.h"

static const struct cmd_entry *const cmd_tables[] = {
	cmd_session_entries, cmd_window_entries, cmd_pane_entries,    cmd_misc_entries,
	cmd_config_entries,  cmd_layout_entries, cmd_keys_entries,    cmd_wait_entries,
	cmd_shell_entries,   cmd_hooks_entries,	 cmd_waitfor_entries, cmd_buffer_entries,
	cmd_copy_entries,    cmd_modes_entries,	 cmd_menu_entries,
};
#define NTABLES (sizeof cmd_tables / sizeof cmd_tables[0])

static int entry_cmp(const void *a, const void *b)
{
	const struct cmd_entry *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

/* Every command in name order, as tmux lists them. */
void cmd_each(void (*fn)(const struct cmd_entry *e, void *arg), void *arg)
{
	const struct cmd_entry *all[256], *e;
	size_t i, n = 0;

	for (i = 0; i < NTABLES; i++) {
		for (e = cmd_tables[i]; e->name != NULL && n < sizeof all / sizeof all[0]; e++)
			all[n++] = e;
	}
	qsort(all, n, sizeof all[0], entry_cmp);
	for (i = 0; i < n; i++)
		fn(all[i], arg);
}

/* What is left of a suspended list, in order: words of a list (the commands
 * after the one that suspended) or a caller's call (a config file's rest). */
struct cmd_cont {
	struct cmd_cont *next;
	char **words;
	int nwords;
	void (*run)(struct cmd_ctx *ctx, void *arg);
	void (*free_arg)(void *arg);
	void *arg;
};

void cmd_ctx_init(struct cmd_ctx *ctx, struct server *srv, struct peer *peer)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->srv = srv;
	ctx->peer = peer;
	buf_init(&ctx->out);
	buf_init(&ctx->err);
}

static void free_words(char **argv, int argc)
{
	int i;

	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

static void cont_free(struct cmd_cont *k)
{
	free_words(k->words, k->nwords);
	if (k->free_arg != NULL)
		k->free_arg(k->arg);
	free(k);
}

void cmd_ctx_free(struct cmd_ctx *ctx)
{
	struct cmd_cont *k;

	buf_free(&ctx->out);
	buf_free(&ctx->err);
	while ((k = ctx->cont) != NULL) {
		ctx->cont = k->next;
		cont_free(k);
	}
}

/* Queued at the end: the callers unwinding a suspension queue innermost first. */
static void cont_append(struct cmd_ctx *ctx, struct cmd_cont *k)
{
	struct cmd_cont **at = &ctx->cont;

	while (*at != NULL)
		at = &(*at)->next;
	*at = k;
}

void cmd_push_call(struct cmd_ctx *ctx, void (*run)(struct cmd_ctx *, void *),
		   void (*free_arg)(void *), void *arg)
{
	struct cmd_cont *k = xcalloc(1, sizeof *k);

	k->run = run;
	k->free_arg = free_arg;
	k->arg = arg;
	cont_append(ctx, k);
}

int cmd_can_suspend(const struct cmd_ctx *ctx)
{
	return ctx->finish != NULL;
}

void cmd_suspend(struct cmd_ctx *ctx)
{
	ctx->suspended = 1;
}

static struct cmd_cont *cont_words(int argc, char **argv)
{
	struct cmd_cont *k = xcalloc(1, sizeof *k);
	int i;

	k->words = xcalloc(argc + 1, sizeof *k->words);
	for (i = 0; i < argc; i++)
		k->words[i] = xstrdup(argv[i]);
	k->nwords = argc;
	return k;
}

void cmd_prepend_call(struct cmd_ctx *ctx, void (*run)(struct cmd_ctx *, void *),
		      void (*free_arg)(void *), void *arg)
{
	struct cmd_cont *k = xcalloc(1, sizeof *k);

	k->run = run;
	k->free_arg = free_arg;
	k->arg = arg;
	k->next = ctx->cont;
	ctx->cont = k;
}

int cmd_read_stdin(struct cmd_ctx *ctx, void (*chunk)(void *arg, const char *data, size_t len),
		   void (*done)(void *arg, const char *data, size_t len, const char *err),
		   void *arg)
{
	/* (a control client's stdin is its commands) */
	if (ctx->peer == NULL || !cmd_can_suspend(ctx) || ctx->peer->state != PEER_READY ||
	    ctx->peer->control != NULL)
		return cmd_error(ctx, "no client to read standard input from");
	if (peer_read_stdin(ctx->peer, chunk, done, arg) != 0)
		return cmd_error(ctx, "standard input is already being read");
	cmd_suspend(ctx);
	return 0;
}

/* Runs first when the list resumes. */
void cmd_prepend(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_cont *k;

	if (argc == 0)
		return;
	k = cont_words(argc, argv);
	k->next = ctx->cont;
	ctx->cont = k;
}

/* Run what was queued, in order, until it is done or suspends again; what a
 * new suspension queues goes before what was still waiting. A list whose
 * command failed is not carried on, but a caller's call (the next lines of a
 * config file) is. */
void cmd_resume(struct cmd_ctx *ctx)
{
	struct cmd_cont *todo = ctx->cont, *k;

	ctx->suspended = 0;
	ctx->cont = NULL;
	while ((k = todo) != NULL && !ctx->suspended) {
		todo = k->next;
		if (k->run != NULL) {
			ctx->failed = 0;
			k->run(ctx, k->arg);
		} else if (!ctx->failed) {
			cmd_run(ctx, k->nwords, k->words);
		}
		cont_free(k);
	}
	if (ctx->suspended) {
		cont_append(ctx, todo);
		return;
	}
	if (ctx->finish != NULL)
		ctx->finish(ctx);
}

int cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->file != NULL)
		buf_printf(&ctx->err, "%s:%d: ", ctx->file, ctx->line);
	va_start(ap, fmt);
	buf_vprintf(&ctx->err, fmt, ap);
	va_end(ap);
	buf_addc(&ctx->err, '\n');
	ctx->status = 1;
	ctx->failed = 1;
	return -1;
}

/* Exact name or alias first; otherwise a unique prefix of a name, as tmux
 * accepts "new-w" for new-window. */
static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* As tmux: "ambiguous command: x, could be: a, b" (sorted). */
static char *ambiguous_message(const char *name)
{
	const char *names[256];
	const struct cmd_entry *e;
	size_t i, n = 0, len = strlen(name);
	struct buf b;

	for (i = 0; i < NTABLES; i++) {
		for (e = cmd_tables[i]; e->name != NULL; e++) {
			if (strncmp(e->name, name, len) == 0 && n < sizeof names / sizeof names[0])
				names[n++] = e->name;
		}
	}
	qsort(names, n, sizeof names[0], compare_names);
	buf_init(&b);
	buf_printf(&b, "ambiguous command: %s, could be: ", name);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", names[i]);
	return buf_detach(&b);
}

const struct cmd_entry *cmd_find(const char *name, char **err)
{
	const struct cmd_entry *found = NULL, *e;
	size_t i, len = strlen(name);
	int ambiguous = 0;

	for (i = 0; i < NTABLES; i++) {
		for (e = cmd_tables[i]; e->name != NULL; e++) {
			if (strcmp(e->name, name) == 0 ||
			    (e->alias != NULL && strcmp(e->alias, name) == 0))
				return e;
			if (strncmp(e->name, name, len) == 0) {
				if (found != NULL)
					ambiguous = 1;
				found = e;
			}
		}
	}
	if (ambiguous) {
		*err = ambiguous_message(name);
		return NULL;
	}
	if (found == NULL || len == 0) {
		*err = xasprintf("unknown command: %s", name);
		return NULL;
	}
	return found;
}

int args_has(const struct args *a, char flag)
{
	int i;

	for (i = 0; i < a->nflags; i++) {
		if (a->flags[i].flag == flag)
			return 1;
	}
	return 0;
}

const char *args_get(const struct args *a, char flag)
{
	const char *v = NULL;
	int i;

	for (i = 0; i < a->nflags; i++) {
		if (a->flags[i].flag == flag)
			v = a->flags[i].value;
	}
	return v;
}

int args_values(const struct args *a, char flag, char ***out)
{
	int i, n = 0;

	*out = xcalloc(a->nflags + 1, sizeof **out);
	for (i = 0; i < a->nflags; i++) {
		if (a->flags[i].flag == flag && a->flags[i].value != NULL)
			(*out)[n++] = a->flags[i].value;
	}
	return n;
}

static void args_add(struct args *a, char flag, char *value)
{
	a->flags = xrealloc(a->flags, sizeof *a->flags * (a->nflags + 1));
	a->flags[a->nflags].flag = flag;
	a->flags[a->nflags].value = value;
	a->nflags++;
}

/* getopt-like, stopping at the first word that is not a flag. */
static int args_parse(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv,
		      struct args *a)
{
	int i = 1;

	memset(a, 0, sizeof *a);
	for (; i < argc; i++) {
		const char *w = argv[i];
		size_t j;

		if (w[0] != '-' || w[1] == '\0')
			break;
		if (strcmp(w, "--") == 0) {
			i++;
			break;
		}
		for (j = 1; w[j] != '\0'; j++) {
			const char *s = strchr(e->spec, w[j]);

			if (w[j] == ':' || s == NULL)
				return cmd_error(ctx, "command %s: unknown flag -%c", e->name,
						 w[j]);
			if (s[1] != ':') {
				args_add(a, w[j], NULL);
				continue;
			}
			if (w[j + 1] != '\0') {
				args_add(a, w[j], (char *)w + j + 1);
			} else if (i + 1 < argc) {
				args_add(a, w[j], argv[++i]);
			} else {
				return cmd_error(ctx, "command %s: -%c expects an argument",
						 e->name, w[j]);
			}
			break;
		}
	}
	a->argv = argv + i;
	a->argc = argc - i;
	if (a->argc < e->min_args || (e->max_args >= 0 && a->argc > e->max_args))
		return cmd_error(ctx, "usage: %s %s", e->name, e->usage);
	return 0;
}

/* A malformed -F format is an error before the command does anything. */
static int check_format_flag(struct cmd_ctx *ctx, const struct cmd_entry *e, struct args *a)
{
	const char *fmt = args_get(a, 'F');
	char *err = NULL;

	if (fmt == NULL || strchr(e->spec, 'F') == NULL || strcmp(e->name, "set-option") == 0 ||
	    strcmp(e->name, "set-window-option") == 0)
		return 0;
	if (format_check(fmt, &err) == 0)
		return 0;
	cmd_error(ctx, "%s", err);
	free(err);
	return -1;
}

/* What a read-only client (attach -r) may still run: commands that only
 * look, and the ones that move the client itself. */
static int cmd_is_readonly(const struct cmd_entry *e)
{
	static const char *const allowed[] = {
		"capture-pane",	    "detach-client",  "display-message", "has-session",
		"list-buffers",	    "list-clients",   "list-commands",	 "list-keys",
		"list-panes",	    "list-sessions",  "list-windows",	 "show-buffer",
		"show-environment", "show-messages",  "show-options",	 "show-window-options",
		"switch-client",    "command-prompt",
	};
	size_t i;

	for (i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		if (strcmp(e->name, allowed[i]) == 0)
			return 1;
	}
	return 0;
}

/* What an after- hook is about: what the command made, else its target (as
 * it is now), else nothing. */
static struct pane *after_pane(struct cmd_ctx *ctx, const struct cmd_entry *e, struct args *a)
{
	size_t errlen = ctx->err.len;
	int status = ctx->status;
	struct target t;

	if (ctx->new_pane != NULL)
		return ctx->new_pane;
	if (target_pane(ctx, strstr(e->spec, "t:") != NULL ? args_get(a, 't') : NULL, &t) == 0)
		return t.p;
	ctx->err.len = errlen; /* a target gone with the command is no error */
	ctx->status = status;
	return NULL;
}

/* command-alias: the value of the alias named exactly name, or NULL. */
const char *cmd_alias(struct server *srv, const char *name)
{
	size_t len = strlen(name);
	const char *item;

	for (int k = 0; k < options_array_size(srv->options, "command-alias"); k++) {
		item = options_array_item(srv->options, "command-alias", k);
		if (item != NULL && strncmp(item, name, len) == 0 && item[len] == '=')
			return item + len + 1;
	}
	return NULL;
}

/* A command named as an alias runs as the alias's commands with its own
 * arguments after them; those are not taken as aliases again (so that
 * "ls=ls -a" works). */
static int run_alias(struct cmd_ctx *ctx, const char *value, int argc, char **argv)
{
	char **words, *err = NULL;
	int nwords, rc;

	if (parse_words(value, &words, &nwords, &err) != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	words = xrealloc(words, (size_t)(nwords + argc + 1) * sizeof *words);
	for (int i = 1; i < argc; i++)
		words[nwords++] = xstrdup(argv[i]);
	words[nwords] = NULL;
	ctx->no_alias++;
	rc = cmd_run(ctx, nwords, words);
	ctx->no_alias--;
	parse_free(words, nwords);
	return rc;
}

int cmd_check(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *e;
	struct args a;
	char *err = NULL;
	int rc;

	if (argc == 0 || cmd_alias(ctx->srv, argv[0]) != NULL)
		return 0; /* an alias's commands are checked when it runs */
	e = cmd_find(argv[0], &err);
	if (e == NULL) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	rc = args_parse(ctx, e, argc, argv, &a) != 0 || check_format_flag(ctx, e, &a) != 0 ? -1 : 0;
	free(a.flags);
	return rc;
}

const char *cmd_full_name(struct server *srv, const char *word)
{
	const struct cmd_entry *e;
	char *err = NULL;

	if (cmd_alias(srv, word) != NULL)
		return word;
	e = cmd_find(word, &err);
	free(err);
	return e != NULL ? e->name : word;
}

static int cmd_run_one(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *e;
	const char *alias;
	struct args a;
	char *err = NULL;
	int rc;

	if (argc == 0)
		return 0;
	if (!ctx->no_alias && (alias = cmd_alias(ctx->srv, argv[0])) != NULL)
		return run_alias(ctx, alias, argc, argv);
	ctx->failed = 0;
	e = cmd_find(argv[0], &err);
	if (e == NULL) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	if (ctx->peer != NULL && ctx->peer->readonly && !cmd_is_readonly(e))
		return cmd_error(ctx, "client is read-only");
	if (args_parse(ctx, e, argc, argv, &a) != 0 || check_format_flag(ctx, e, &a) != 0) {
		free(a.flags);
		return -1;
	}
	ctx->new_pane = NULL;
	ctx->srv->control_dirty = 1; /* (server/control_notify.c) */
	{
		/* (commands run commands: hooks, if-shell, source-file) */
		const char *outer = ctx->srv->command;

		ctx->srv->command = e->name;
		rc = e->exec(ctx, &a);
		ctx->srv->command = outer;
	}
	ctx->failed = rc != 0; /* an error a command recovered from does not count */
	if (rc != 0) {
		free(a.flags);
		ctx->status = 1;
		return rc;
	}
	{
		char *hook = xasprintf("after-%s", e->name);

		if (hooks_exist(ctx->srv->hooks, hook))
			hooks_fire_pane(ctx->srv, hook, after_pane(ctx, e, &a));
		free(hook);
	}
	free(a.flags);
	return 0;
}

int cmd_run_single(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_run_one(ctx, argc, argv);
}

/* A word ";" separates commands (typed as \; in a shell). */
int cmd_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	int start = 0, i;

	for (i = 0; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], ";") != 0)
			continue;
		if (cmd_run_one(ctx, i - start, argv + start) != 0)
			return -1;
		start = i + 1;
		if (ctx->suspended) {
			/* The words after this command run when it resumes (after
			 * what a nested list queued). */
			if (start < argc)
				cont_append(ctx, cont_words(argc - start, argv + start));
			return 0;
		}
	}
	return 0;
}

void cmd_spawn_args(struct cmd_ctx *ctx, struct args *a, struct spawn_args *sa,
		    const char *default_cwd, struct target *t)
{
	const char *cwd = args_get(a, 'c');

	memset(sa, 0, sizeof *sa);
	sa->argv = a->argv;
	sa->argc = a->argc;
	if (cwd != NULL && strchr(cwd, '#') != NULL) {
		/* -c '#{pane_current_path}': a format, about the target */
		struct format_ctx fc;

		format_ctx_pane(&fc, ctx->srv, t != NULL ? t->p : NULL);
		if (t != NULL && t->p == NULL)
			format_ctx_session(&fc, ctx->srv, t->s);
		fc.c = ctx->peer;
		fc.m = &ctx->mouse;
		cwd = sa->cwd_expanded = format_expand(cwd, &fc);
	}
	if (cwd == NULL)
		cwd = default_cwd;
	if (cwd == NULL && ctx->peer != NULL)
		cwd = ctx->peer->cwd;
	sa->cwd = cwd;
	sa->nenv = args_values(a, 'e', &sa->env);
	sa->peer = ctx->peer;
}

void cmd_spawn_free(struct spawn_args *sa)
{
	free(sa->env);
	sa->env = NULL;
	free(sa->cwd_expanded);
	sa->cwd_expanded = NULL;
}

void cmd_print_new(struct cmd_ctx *ctx, struct args *a, struct pane *p, const char *def)
{
	const char *fmt = args_get(a, 'F');
	struct format_ctx fc;
	char *line;

	ctx->new_pane = p;
	if (!args_has(a, 'P'))
		return;
	format_ctx_pane(&fc, ctx->srv, p);
	fc.c = ctx->peer;
	fc.m = &ctx->mouse;
	line = format_expand(fmt != NULL ? fmt : def, &fc);
	buf_printf(&ctx->out, "%s\n", line);
	free(line);
}

char *cmd_window_name(const struct spawn_args *sa, struct session *s)
{
	const char *cmd = NULL, *base;
	char *word, *name;

	if (sa->argc > 0)
		cmd = sa->argv[0];
	else if (*options_string(session_options(s), "default-command") != '\0')
		cmd = options_string(session_options(s), "default-command");
	if (cmd == NULL)
		return NULL; /* a shell: named after what runs in it */
	word = xstrndup(cmd, strcspn(cmd, " \t"));
	base = strrchr(word, '/');
	name = xstrdup(base != NULL && base[1] != '\0' ? base + 1 : word);
	free(word);
	return name;
}

struct peer *cmd_find_client(struct cmd_ctx *ctx, const char *tty)
{
	struct peer *c;

	for (c = ctx->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && c->ttyname != NULL &&
		    (strcmp(c->ttyname, tty) == 0 ||
		     (strncmp(c->ttyname, "/dev/", 5) == 0 && strcmp(c->ttyname + 5, tty) == 0)))
			return c;
	}
	return NULL;
}

struct peer *cmd_current_client(struct cmd_ctx *ctx, struct session *s)
{
	struct peer *c, *best = NULL;

	if (ctx->peer != NULL && ctx->peer->state == PEER_ATTACHED)
		return ctx->peer;
	for (c = ctx->srv->peers; c != NULL; c = c->next) {
		if (c->state != PEER_ATTACHED)
			continue;
		if (s != NULL && c->session == s)
			return c;
		if (best == NULL)
			best = c;
	}
	return s == NULL ? best : NULL;
}

int cmd_format_names(const char *fmt, char ***names)
{
	static const char short_names[] = "SWIPDTHhF";
	static const char *const long_names[] = {"session_name", "window_name", "window_index",
						 "pane_index",	 "pane_id",	"pane_title",
						 "host",	 "host_short",	"window_flags"};
	const char *p;
	int n = 0;

	*names = NULL;
	for (p = fmt; *p != '\0'; p++) {
		const char *name = NULL, *sc;
		size_t len = 0;

		if (p[0] != '#' || p[1] == '\0')
			continue;
		if (p[1] == '#') {
			p++;
			continue;
		}
		if (p[1] == '{') {
			len = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz0123456789_@-");
			if (p[2 + len] == '}' && len > 0)
				name = p + 2;
		} else if ((sc = strchr(short_names, p[1])) != NULL) {
			name = long_names[sc - short_names];
			len = strlen(name);
		}
		if (name == NULL)
			continue;
		*names = xrealloc(*names, sizeof **names * (n + 1));
		(*names)[n++] = xstrndup(name, len);
	}
	return n;
}

void cmd_format_names_free(char **names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void cmd_list_begin(struct cmd_list *l, struct cmd_ctx *ctx, struct args *a, const char *def)
{
	memset(l, 0, sizeof *l);
	l->ctx = ctx;
	l->fmt = args_get(a, 'F') != NULL ? args_get(a, 'F') : def;
	l->filter = args_get(a, 'f');
	l->json = args_has(a, 'j');
	if (l->json && args_get(a, 'F') != NULL)
		l->nnames = cmd_format_names(args_get(a, 'F'), &l->names);
	if (l->json)
		buf_addc(&ctx->out, '[');
}

void cmd_list_item(struct cmd_list *l, const struct format_ctx *fc)
{
	char *line;

	if (l->filter != NULL && !format_true(l->filter, fc))
		return;
	if (l->json) {
		buf_adds(&l->ctx->out, l->count > 0 ? ",\n" : "\n");
		format_json(&l->ctx->out, fc, l->nnames > 0 ? (const char *const *)l->names : NULL,
			    l->nnames);
	} else {
		line = format_expand(l->fmt, fc);
		buf_printf(&l->ctx->out, "%s\n", line);
		free(line);
	}
	l->count++;
}

void cmd_list_end(struct cmd_list *l)
{
	if (l->json)
		buf_adds(&l->ctx->out, l->count > 0 ? "\n]\n" : "]\n");
	cmd_format_names_free(l->names, l->nnames);
}

int cmd_bad_format(struct cmd_ctx *ctx, const char *fmt)
{
	char *err = NULL;

	if (fmt == NULL || format_check(fmt, &err) == 0)
		return 0;
	cmd_error(ctx, "%s", err);
	free(err);
	return 1;
}
