/*
 * run-shell and if-shell: commands that run a shell command. Without -b the
 * command list waits for it (suspended, the loop never blocks); with -b, or
 * where the caller cannot wait, it runs in the background.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cmd/cmd.h"
#include "cmd/format.h"
#include "cmd/hooks.h"
#include "cmd/parse.h"
#include "server/job.h"

struct shell_run {
	struct server *srv;
	struct cmd_ctx *ctx; /* NULL in the background */
	char *command;
	char *then, *otherwise; /* if-shell */
	char *cwd;
	char **envp;
	job_done_fn *done;
	uv_timer_t delay; /* run-shell -d */
	/* For a background if-shell's choice: the pane it was about (id plus
	 * one, 0: none) and the hook it was started from, if any. */
	uint32_t pane;
	struct hooks_kept *hook;
};

static int exit_code(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void shell_run_free(struct shell_run *r)
{
	free(r->command);
	free(r->then);
	free(r->otherwise);
	free(r->cwd);
	strv_free(r->envp);
	hooks_kept_free(r->hook);
	free(r);
}

/* Where the command runs: the target pane's directory, and the target
 * session's environment, decided when the command is given. */
static void shell_place(struct cmd_ctx *ctx, struct target *t, struct shell_run *r)
{
	r->cwd = t->p != NULL ? pane_current_path(t->p) : xstrdup(t->s ? t->s->cwd : "/");
	if (*r->cwd == '\0') {
		free(r->cwd);
		r->cwd = xstrdup("/");
	}
	r->envp = environ_build(&ctx->srv->env, t->s != NULL ? &t->s->env : NULL);
}

static int shell_start(struct shell_run *r, char **err)
{
	return job_start(r->srv, r->command, r->cwd, r->envp, r->done, r, err);
}

/* Background output has no client to go to: show it as a message. */
static void show_in_background(struct server *srv, const char *text)
{
	struct peer *c;

	for (c = srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED)
			attach_message(c, text);
	}
}

/* Run a command text (if-shell's choice) before the rest of the list. */
static int queue_text(struct cmd_ctx *ctx, const char *text, int now)
{
	char **argv = NULL, *err = NULL;
	int argc = 0, rc = 0;

	if (parse_words(text, &argv, &argc, &err) != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	if (now)
		rc = cmd_run(ctx, argc, argv);
	else
		cmd_prepend(ctx, argc, argv);
	parse_free(argv, argc);
	return rc;
}

/* As tmux: a failed command is reported where its output goes, the client
 * exits with the command's status, and the rest of the list still runs. */
static void report_status(struct cmd_ctx *ctx, const char *command, int status)
{
	if (WIFSIGNALED(status))
		buf_printf(&ctx->out, "'%s' terminated by signal %d\n", command, WTERMSIG(status));
	else if (exit_code(status) != 0)
		buf_printf(&ctx->out, "'%s' returned %d\n", command, exit_code(status));
	if (exit_code(status) != 0)
		ctx->status = exit_code(status);
}

static void run_shell_done(struct job *j, int status, const struct buf *out, void *arg)
{
	struct shell_run *r = arg;
	struct cmd_ctx *ctx = r->ctx;

	if (ctx == NULL) {
		if (out->len > 0) {
			char *text = xstrndup(out->data, out->len);

			text[strcspn(text, "\n")] = '\0';
			show_in_background(r->srv, text);
			free(text);
		}
	} else {
		buf_add(&ctx->out, out->data, out->len);
		report_status(ctx, r->command, status);
		cmd_resume(ctx);
	}
	shell_run_free(r);
}

static void if_shell_done(struct job *j, int status, const struct buf *out, void *arg)
{
	struct shell_run *r = arg;
	const char *choice = exit_code(status) == 0 ? r->then : r->otherwise;

	if (r->ctx != NULL) {
		if (choice != NULL)
			queue_text(r->ctx, choice, 0);
		cmd_resume(r->ctx);
	} else if (choice != NULL) {
		struct cmd_ctx bg;

		cmd_ctx_init(&bg, r->srv, NULL);
		bg.current = r->pane != 0 ? pane_find_id(r->srv, r->pane - 1) : NULL;
		hooks_enter(r->srv, r->hook, bg.current);
		queue_text(&bg, choice, 1);
		hooks_leave(r->srv, r->hook);
		if (bg.err.len > 0)
			show_in_background(r->srv, buf_cstr(&bg.err));
		cmd_ctx_free(&bg);
	}
	shell_run_free(r);
}

/* The target for formats and the job's place; a missing -t is no error. */
static int shell_target(struct cmd_ctx *ctx, struct args *a, struct target *t)
{
	size_t errlen = ctx->err.len;
	int status = ctx->status;

	if (args_get(a, 't') != NULL)
		return target_pane(ctx, args_get(a, 't'), t);
	if (target_pane(ctx, NULL, t) != 0) {
		ctx->err.len = errlen; /* forget this error, keep earlier ones */
		ctx->status = status;
		ctx->failed = 0;
		memset(t, 0, sizeof *t);
	}
	return 0;
}

static char *expand(struct cmd_ctx *ctx, struct target *t, const char *text)
{
	struct format_ctx fc;

	format_ctx_pane(&fc, ctx->srv, t->p);
	if (t->p == NULL)
		format_ctx_session(&fc, ctx->srv, t->s);
	fc.c = ctx->peer;
	fc.m = &ctx->mouse;
	return format_expand(text, &fc);
}

static void delay_close_cb(uv_handle_t *h)
{
	struct shell_run *r = h->data;
	char *err = NULL;

	/* The delay is over: now the command runs. */
	if (shell_start(r, &err) != 0) {
		if (r->ctx != NULL) {
			cmd_error(r->ctx, "%s", err);
			cmd_resume(r->ctx);
		}
		free(err);
		shell_run_free(r);
	}
}

static void delay_cb(uv_timer_t *t)
{
	uv_close((uv_handle_t *)t, delay_close_cb);
}

static int start(struct cmd_ctx *ctx, struct args *a, struct target *t, struct shell_run *r,
		 job_done_fn *done, double delay)
{
	int wait = !args_has(a, 'b') && cmd_can_suspend(ctx);
	char *err = NULL;

	r->srv = ctx->srv;
	r->ctx = wait ? ctx : NULL;
	r->pane = t->p != NULL ? t->p->id + 1 : 0;
	if (!wait)
		r->hook = hooks_keep(ctx->srv);
	r->done = done;
	shell_place(ctx, t, r);
	if (delay > 0) {
		uv_timer_init(ctx->srv->loop, &r->delay);
		r->delay.data = r;
		uv_timer_start(&r->delay, delay_cb, (uint64_t)(delay * 1000), 0);
	} else if (shell_start(r, &err) != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		shell_run_free(r);
		return -1;
	}
	if (wait)
		cmd_suspend(ctx);
	return 0;
}

/* run-shell -d with no command: the list waits that long, if it can. */
struct shell_delay {
	uv_timer_t timer;
	struct cmd_ctx *ctx;
};

static void delay_only_closed(uv_handle_t *h)
{
	struct shell_delay *d = h->data;

	cmd_resume(d->ctx);
	free(d);
}

static void delay_only_cb(uv_timer_t *t)
{
	uv_close((uv_handle_t *)t, delay_only_closed);
}

static int wait_delay(struct cmd_ctx *ctx, double delay)
{
	struct shell_delay *d;

	if (delay <= 0 || !cmd_can_suspend(ctx))
		return 0;
	d = xcalloc(1, sizeof *d);
	d->ctx = ctx;
	uv_timer_init(ctx->srv->loop, &d->timer);
	d->timer.data = d;
	uv_timer_start(&d->timer, delay_only_cb, (uint64_t)(delay * 1000), 0);
	cmd_suspend(ctx);
	return 0;
}

static int cmd_run_shell(struct cmd_ctx *ctx, struct args *a)
{
	struct shell_run *r;
	struct target t;
	double delay = 0;

	if (args_get(a, 'd') != NULL) {
		char *end;

		delay = strtod(args_get(a, 'd'), &end);
		if (*args_get(a, 'd') == '\0' || *end != '\0' || delay < 0)
			return cmd_error(ctx, "invalid delay: %s", args_get(a, 'd'));
	}
	if (shell_target(ctx, a, &t) != 0)
		return -1;
	if (a->argc == 0)
		return wait_delay(ctx, delay);
	r = xcalloc(1, sizeof *r);
	r->command = expand(ctx, &t, a->argv[0]);
	return start(ctx, a, &t, r, run_shell_done, delay);
}

static int cmd_if_shell(struct cmd_ctx *ctx, struct args *a)
{
	struct shell_run *r;
	struct target t;
	char *cond;
	int yes;

	if (shell_target(ctx, a, &t) != 0)
		return -1;
	cond = expand(ctx, &t, a->argv[0]);
	if (args_has(a, 'F')) {
		yes = parse_true(cond);
		free(cond);
		if (yes)
			return queue_text(ctx, a->argv[1], 1);
		return a->argc > 2 ? queue_text(ctx, a->argv[2], 1) : 0;
	}
	r = xcalloc(1, sizeof *r);
	r->command = cond;
	r->then = xstrdup(a->argv[1]);
	r->otherwise = a->argc > 2 ? xstrdup(a->argv[2]) : NULL;
	return start(ctx, a, &t, r, if_shell_done, 0);
}

const struct cmd_entry cmd_shell_entries[] = {
	{"run-shell", "run", "bd:t:", 0, 1, "[-b] [-d delay] [-t target-pane] [shell-command]",
	 cmd_run_shell},
	{"if-shell", "if", "bFt:", 2, 3, "[-bF] [-t target-pane] shell-command command [command]",
	 cmd_if_shell},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
