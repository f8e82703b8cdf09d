/*
 * server: the daemon's loop. It accepts peers on the listening socket, reaps
 * pane programs on SIGCHLD, renders attached clients once pending reads are
 * drained, and shuts everything down on kill-server, SIGTERM or when the
 * last session is gone.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd/config.h"
#include "cmd/hooks.h"
#include "cmd/options.h"
#include "render/status.h"
#include "server/alerts.h"
#include "server/control.h"
#include "server/format_job.h"
#include "server/job.h"
#include "server/popup.h"
#include "server/passthru.h"
#include "server/server.h"
#include "util/log.h"

extern char **environ;

/* Peers that will not take their last messages are cut off after this. */
#define SERVER_EXIT_GRACE_MS 2000

static void on_connection(uv_stream_t *listener, int status)
{
	struct server *srv = listener->data;

	if (status < 0 || srv->exiting)
		return;
	peer_accept(srv);
}

static void on_sigchld(uv_signal_t *h, int sig)
{
	struct server *srv = h->data;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		struct pane *found = pane_all(srv, NULL);

		while (found != NULL && found->pid != pid)
			found = pane_all(srv, found);
		log_debug("reaped %d (status %d)%s", (int)pid, status, found ? " pane" : "");
		if (found != NULL)
			pane_reaped(found, status);
		else if (!popup_reaped(srv, pid, status))
			job_reaped(pid, status);
	}
}

static void on_sigterm(uv_signal_t *h, int sig)
{
	log_debug("signal %d", sig);
	server_shutdown(h->data);
}

/* Runs right after the loop has polled for I/O: every pending read has been
 * fed to the grids, so a burst of output becomes one frame. */
static void on_check(uv_check_t *h)
{
	struct server *srv = h->data;

	pane_read_typed(srv);	  /* (its frame is drawn below, not in another turn) */
	uv_idle_stop(&srv->idle); /* restarted by whatever asks for more */
	alerts_run(srv);
	passthru_focus_check(srv);
	hooks_drain(srv);
	control_notify_all(srv);
	if (!srv->redraw_needed)
		return;
	srv->redraw_needed = 0;
	attach_render_all(srv);
}

static void on_idle(uv_idle_t *h)
{
	/* Only here so that the loop does not block in poll while a redraw
	 * is pending; on_check does the work. */
}

void server_schedule(struct server *srv)
{
	if (srv->redraw_needed || srv->exiting)
		return;
	srv->redraw_needed = 1;
	uv_idle_start(&srv->idle, on_idle);
}

void server_wake(struct server *srv)
{
	if (!srv->exiting)
		uv_idle_start(&srv->idle, on_idle);
}

void server_check_exit(struct server *srv)
{
	if (srv->exiting || srv->sessions != NULL)
		return;
	if (options_number(srv->options, "exit-empty"))
		server_shutdown(srv);
}

static void close_handle(uv_handle_t *h, void *arg)
{
	if (!uv_is_closing(h))
		uv_close(h, NULL);
}

/* The last step: whatever is still open is closed, so the loop ends. */
static void on_exit_timer(uv_timer_t *t)
{
	struct server *srv = t->data;
	struct peer *c, *next;

	for (c = srv->peers; c != NULL; c = next) {
		next = c->next;
		peer_close(c);
	}
	uv_walk(srv->loop, close_handle, NULL);
}

/* Peers still being written to close themselves; idle ones are closed now. */
static void on_exit_step(uv_timer_t *t)
{
	struct server *srv = t->data;
	struct peer *c, *next;

	for (c = srv->peers; c != NULL; c = next) {
		next = c->next;
		if (c->state != PEER_CLOSING)
			peer_close(c);
	}
	if (srv->peers == NULL) {
		on_exit_timer(t);
		return;
	}
	uv_timer_start(t, on_exit_timer, SERVER_EXIT_GRACE_MS, 0);
}

void server_shutdown(struct server *srv)
{
	static uv_timer_t exit_timer;
	struct peer *c, *next;

	if (srv->exiting)
		return;
	srv->exiting = 1;
	log_debug("shutting down");
	if (unlink(srv->socket_path) != 0 && errno != ENOENT)
		log_debug("unlink %s: %s", srv->socket_path, strerror(errno));
	for (c = srv->peers; c != NULL; c = next) {
		next = c->next;
		if (c->state == PEER_ATTACHED)
			attach_detach(c, "[server exited]");
	}
	job_kill_all();
	format_job_free_all();
	while (srv->sessions != NULL)
		session_destroy(srv->sessions);
	uv_close((uv_handle_t *)&srv->listener, NULL);
	/* The command that asked for this still has to send its reply. */
	uv_timer_init(srv->loop, &exit_timer);
	exit_timer.data = srv;
	uv_timer_start(&exit_timer, on_exit_step, 0, 0);
}

static void server_signals(struct server *srv)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	/* A hangup or a dead peer must never stop the server. */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGTTIN, &sa, NULL);
	sigaction(SIGTTOU, &sa, NULL);
	uv_signal_init(srv->loop, &srv->sig_chld);
	uv_signal_init(srv->loop, &srv->sig_term);
	srv->sig_chld.data = srv;
	srv->sig_term.data = srv;
	uv_signal_start(&srv->sig_chld, on_sigchld, SIGCHLD);
	uv_signal_start(&srv->sig_term, on_sigterm, SIGTERM);
}

/*
 * The config file: -f, else $XDG_CONFIG_HOME/pmux/pmux.conf (XDG_CONFIG_HOME
 * defaults to ~/.config), else ~/.pmux.conf. Only a file named with -f must
 * exist. Errors do not stop the server: they are logged and kept in
 * srv->config_errors for show-messages.
 */
static void server_config(struct server *srv, const char *config_file)
{
	const char *home = getenv("HOME"), *xdg = getenv("XDG_CONFIG_HOME");
	char *paths[2] = {NULL, NULL};
	int i;

	buf_init(&srv->config_errors);
	if (config_file != NULL) {
		srv->config_files = xstrdup(config_file);
		config_load(srv, config_file);
	} else {
		if (xdg != NULL && *xdg != '\0')
			paths[0] = xasprintf("%s/pmux/pmux.conf", xdg);
		else if (home != NULL)
			paths[0] = xasprintf("%s/.config/pmux/pmux.conf", home);
		if (home != NULL)
			paths[1] = xasprintf("%s/.pmux.conf", home);
		for (i = 0; i < 2; i++) {
			if (paths[i] != NULL && access(paths[i], F_OK) == 0) {
				srv->config_files = xstrdup(paths[i]);
				config_load(srv, paths[i]);
				break;
			}
		}
		free(paths[0]);
		free(paths[1]);
	}
}

/* As tmux: $VISUAL or $EDITOR is the editor option, and an editor whose
 * name holds "vi" makes vi keys the default in copy mode and the prompt;
 * default-shell and default-terminal show what they will be. */
static void server_env_defaults(struct server *srv)
{
	const char *ed = getenv("VISUAL"), *base;
	char *err = NULL;

	(void)options_set(srv->options, "default-shell", pane_default_shell(srv->options), 0, &err);
	(void)options_set(srv->options, "default-terminal", pane_default_terminal(srv->options), 0,
			  &err);

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		return;
	(void)options_set(srv->options, "editor", ed, 0, &err);
	base = strrchr(ed, '/') != NULL ? strrchr(ed, '/') + 1 : ed;
	if (strstr(base, "vi") != NULL) {
		(void)options_set(srv->options, "mode-keys", "vi", 0, &err);
		(void)options_set(srv->options, "status-keys", "vi", 0, &err);
	}
	free(err); /* (a string option and two known choices cannot fail) */
}

void server_config_done(struct server *srv)
{
	if (srv->config_loading != 0)
		return;
	if (!srv->history_loaded) {
		srv->history_loaded = 1; /* (history-file is the config's to set) */
		prompt_history_load(srv);
	}
	peer_run_deferred(srv);
}

int server_main(int listen_fd, const char *socket_path, const char *config_file, int verbose)
{
	struct server srv;
	uv_loop_t loop;

	memset(&srv, 0, sizeof srv);
	if (verbose) {
		char *log = xasprintf("pmux-server-%d.log", (int)getpid());

		log_open(log);
		free(log);
	}
	if (chdir("/") != 0)
		log_debug("chdir /: %s", strerror(errno));
	if (uv_loop_init(&loop) != 0)
		return 1;
	srv.loop = &loop;
	srv.socket_path = xstrdup(socket_path);
	srv.start_time = time(NULL);
	srv.options = options_new();
	server_env_defaults(&srv);
	buffers_init(&srv.buffers);
	environ_init(&srv.env);
	srv.hooks = hooks_new();
	buf_init(&srv.messages);
	environ_load(&srv.env, environ);
	/* A server started from inside another pmux or tmux is not in it. */
	environ_unset(&srv.env, "PMUX");
	environ_unset(&srv.env, "PMUX_PANE");
	environ_unset(&srv.env, "TMUX");
	environ_unset(&srv.env, "TMUX_PANE");
	uv_pipe_init(&loop, &srv.listener, 0);
	srv.listener.data = &srv;
	if (uv_pipe_open(&srv.listener, listen_fd) != 0 ||
	    uv_listen((uv_stream_t *)&srv.listener, 128, on_connection) != 0) {
		log_debug("cannot listen on %s", socket_path);
		return 1;
	}
	uv_check_init(&loop, &srv.check);
	uv_idle_init(&loop, &srv.idle);
	srv.check.data = &srv;
	uv_check_start(&srv.check, on_check);
	uv_timer_init(&loop, &srv.frame_timer);
	srv.frame_timer.data = &srv;
	attach_status_lag_init(&srv);
	server_signals(&srv);
	server_config(&srv, config_file);
	status_timer_start(&srv);
	log_debug("server started on %s", socket_path);
	uv_run(&loop, UV_RUN_DEFAULT);
	if (uv_loop_close(&loop) != 0)
		log_debug("loop not closed cleanly");
	options_free(srv.options);
	buffers_clear(&srv.buffers);
	environ_clear(&srv.env);
	buf_free(&srv.config_errors);
	buf_free(&srv.messages);
	prompt_history_free(&srv);
	hooks_free(srv.hooks);
	free(srv.socket_path);
	free(srv.config_files);
	log_debug("server exited");
	log_close();
	return 0;
}
