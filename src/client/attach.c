/*
 * attach (client side): the terminal in raw mode, keys to the server,
 * output to the terminal, SIGWINCH as resize messages. Leaves the terminal
 * as it found it however it ends. When the server drives the terminal
 * itself (fdpass.c), only the signals and the end are left here.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "client/client.h"
#include "pmux/proto.h"
#include "util/buf.h"

/* What a full-screen program may have left set; sent when the server could
 * not undo it itself (signal, lost server). */
#define TERMINAL_RESET                                                   \
	"\033[?1049l\033[?25h\033[0m\033[?1l\033>\033[?1000l\033[?1002l" \
	"\033[?1003l\033[?1006l\033[?1004l\033[?2004l"

static int sig_pipe[2] = {-1, -1};

static void on_signal(int sig)
{
	unsigned char s = (unsigned char)sig;
	int saved = errno;

	if (write(sig_pipe[1], &s, 1) < 0) {
		/* the pipe is full: a signal is already pending */
	}
	errno = saved;
}

static void send_size(int sock)
{
	struct winsize ws;
	unsigned char d[8];

	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0)
		return;
	/* rows, columns, then the size in pixels (0 when the terminal does
	 * not say), 16 bits each, little-endian */
	d[0] = ws.ws_row & 0xff;
	d[1] = ws.ws_row >> 8;
	d[2] = ws.ws_col & 0xff;
	d[3] = ws.ws_col >> 8;
	d[4] = ws.ws_xpixel & 0xff;
	d[5] = ws.ws_xpixel >> 8;
	d[6] = ws.ws_ypixel & 0xff;
	d[7] = ws.ws_ypixel >> 8;
	client_send(sock, MSG_RESIZE, d, sizeof d);
}

static void setup_signals(void)
{
	struct sigaction sa;

	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGCONT, &sa, NULL);
}

enum relay_result { RELAY_GO_ON, RELAY_DONE, RELAY_SUSPEND, RELAY_LOCK };

/* detach-client -P, attach -x: the shell we run in gets SIGHUP at exit. */
static int hup_parent;

/* A command for a shell to run: detach-client -E's (MSG_EXEC) or
 * lock-command (MSG_LOCK), as the server sent them. */
struct shell_command {
	char *shell, *command;
};

/* detach-client -E: what replaces the client once it has detached; armed
 * by the MSG_EXIT after it. */
static struct shell_command exec_after;
static int exec_armed;

/* lock-client: what runs in the terminal until the lock ends. */
static struct shell_command lock_with;

/* A message of two NUL-terminated strings (a shell, a command) into sc; a
 * message that is not is ignored, as any bad message. */
static void shell_command_take(struct shell_command *sc, const char *data, size_t len)
{
	size_t n = strnlen(data, len);

	if (n == 0 || n + 1 >= len || memchr(data + n + 1, '\0', len - n - 1) == NULL)
		return;
	free(sc->shell);
	free(sc->command);
	sc->shell = xstrdup(data);
	sc->command = xstrdup(data + n + 1);
}

/* Exec "shell -c command" in this process; returns only if it cannot. */
static void shell_command_exec(const struct shell_command *sc)
{
	const char *base = strrchr(sc->shell, '/');

	execl(sc->shell, base != NULL ? base + 1 : sc->shell, "-c", sc->command, (char *)NULL);
}

/* Runs the command in place of this process; returns only if it cannot. */
static void exec_run(void)
{
	fflush(stdout);
	shell_command_exec(&exec_after);
	fprintf(stderr, "pmux: %s: %s\n", exec_after.shell, strerror(errno));
}

/* The terminal's modes before attaching, and the raw ones of the relay. */
static struct termios tio_saved, tio_raw;
static int have_tio;

/* Run the lock command in the terminal and wait for it (its failure, like a
 * missing lock(1), ends the lock as its exit does, as in tmux). As system(3)
 * does, the client ignores the terminal's C-c and C-\ meanwhile: the
 * terminal is in cooked mode, and they are the command's. */
static void run_lock(void)
{
	struct sigaction ign = {.sa_handler = SIG_IGN}, old_int, old_quit;
	pid_t pid;
	int st;

	if (lock_with.command == NULL)
		return;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		shell_command_exec(&lock_with);
		_exit(127);
	}
	if (pid < 0)
		perror("pmux: fork");
	while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
}

/* suspend-client and lock-client: the server has put the terminal back as
 * it was (and, direct, let go of it); stop like any job (or run the lock
 * command), then take the terminal again, handing it to the server again if
 * it had it. Returns whether the server drives the terminal from now on. */
static int suspend_self(int sock, int direct, int lock)
{
	fdpass_restore_flags();
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &tio_saved);
	if (lock)
		run_lock();
	else if (kill(getpid(), SIGTSTP) != 0)
		return direct;
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &tio_raw);
	/* before MSG_WAKEUP: the server starts drawing when it reads that */
	direct = direct && fdpass_offer(sock);
	client_send(sock, MSG_WAKEUP, NULL, 0);
	send_size(sock);
	return direct;
}

/* Handle one message from the server. */
static enum relay_result server_message(const struct proto_msg *m, int *status, char **line)
{
	switch (m->type) {
	case MSG_OUTPUT:
		if (client_write_all(STDOUT_FILENO, m->data, m->len) != 0)
			return RELAY_GO_ON; /* terminal gone: SIGHUP or EOF follows */
		return RELAY_GO_ON;
	case MSG_EXIT:
		*status = 0;
		exec_armed = exec_after.command != NULL;
		if (m->len >= 4) {
			*status = (unsigned char)m->data[0];
			hup_parent = (unsigned char)m->data[1] & 1;
		}
		if (m->len > 4)
			*line = xstrndup(m->data + 4, m->len - 4);
		return RELAY_DONE;
	case MSG_STDERR:
		client_write_all(STDERR_FILENO, m->data, m->len);
		return RELAY_GO_ON;
	case MSG_STOP:
		return RELAY_SUSPEND;
	case MSG_EXEC:
		shell_command_take(&exec_after, m->data, m->len);
		return RELAY_GO_ON;
	case MSG_LOCK:
		shell_command_take(&lock_with, m->data, m->len);
		return RELAY_LOCK;
	}
	return RELAY_GO_ON;
}

/* The server holds the terminal: closing our side makes it let go (it
 * closes the connection once it has), so that nothing it writes comes after
 * what we write. A server that does not answer is not waited for long. */
#define LET_GO_TIMEOUT_MS 2000

static void let_go(int sock)
{
	struct pollfd pf = {.fd = sock, .events = POLLIN};
	char buf[4096];

	if (shutdown(sock, SHUT_WR) != 0)
		return;
	while (poll(&pf, 1, LET_GO_TIMEOUT_MS) > 0) {
		ssize_t n = read(sock, buf, sizeof buf);

		if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
			break;
	}
	fdpass_restore_flags();
}

/* Returns 1 when the relay must end. */
static int on_signals(int sock, int direct, int *status, char **line)
{
	unsigned char s;

	while (read(sig_pipe[0], &s, 1) == 1) {
		if ((s == SIGHUP || s == SIGTERM) && direct)
			let_go(sock);
		if (s == SIGWINCH || s == SIGCONT) {
			send_size(sock);
		} else if (s == SIGHUP) {
			/* usually the terminal is gone, but not after a kill -HUP:
			 * then it must be left as found, as tmux does */
			client_write_all(STDOUT_FILENO, TERMINAL_RESET, sizeof TERMINAL_RESET - 1);
			*line = xstrdup("[lost tty]");
			*status = 1;
			return 1;
		} else if (s == SIGTERM) {
			client_write_all(STDOUT_FILENO, TERMINAL_RESET, sizeof TERMINAL_RESET - 1);
			*line = xstrdup("[terminated]");
			*status = 1;
			return 1;
		}
	}
	return 0;
}

static int relay(int sock, int direct, int *status, char **line)
{
	struct proto_reader r;
	struct pollfd pf[3];
	char buf[65536];

	proto_reader_init(&r);
	/* a negative fd is skipped by poll: the server reads the terminal */
	pf[0] = (struct pollfd){.fd = direct ? -1 : STDIN_FILENO, .events = POLLIN};
	pf[1] = (struct pollfd){.fd = sock, .events = POLLIN};
	pf[2] = (struct pollfd){.fd = sig_pipe[0], .events = POLLIN};
	for (;;) {
		struct proto_msg m;
		ssize_t n;
		int rc;

		if (poll(pf, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[2].revents && on_signals(sock, direct, status, line))
			break;
		if (pf[0].revents) {
			n = read(STDIN_FILENO, buf, sizeof buf);
			if (n <= 0 && !(n < 0 && (errno == EINTR || errno == EAGAIN))) {
				*status = 0;
				break; /* terminal hung up */
			}
			if (n > 0 && client_send(sock, MSG_INPUT, buf, (size_t)n) != 0)
				goto lost;
		}
		if (!pf[1].revents)
			continue;
		{
			char *space = proto_reader_space(&r, sizeof buf);

			n = space != NULL ? read(sock, space, sizeof buf) : -1;
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				goto lost;
			proto_reader_commit(&r, (size_t)n);
		}
		while ((rc = proto_reader_next(&r, &m)) == PROTO_OK) {
			enum relay_result rr;

			/* the server has let go of the terminal and hands back
			 * what it did not take: write it blocking */
			if (direct && m.type == MSG_OUTPUT)
				fdpass_restore_flags();
			rr = server_message(&m, status, line);
			if (rr == RELAY_DONE) {
				proto_reader_free(&r);
				return 0;
			}
			if (rr == RELAY_SUSPEND || rr == RELAY_LOCK) {
				direct = suspend_self(sock, direct, rr == RELAY_LOCK);
				pf[0].fd = direct ? -1 : STDIN_FILENO;
			}
		}
		if (rc != PROTO_MORE)
			goto lost;
	}
	proto_reader_free(&r);
	return 0;
lost:
	proto_reader_free(&r);
	fdpass_restore_flags();
	client_write_all(STDOUT_FILENO, TERMINAL_RESET, sizeof TERMINAL_RESET - 1);
	*line = xstrdup("[server exited]");
	*status = 1;
	return 0;
}

int client_attached(int sock, int direct)
{
	int status = 0;
	char *line = NULL;

	/* the server may have set raw mode already on a terminal we handed it */
	have_tio = fdpass_saved_termios(&tio_saved) || tcgetattr(STDIN_FILENO, &tio_saved) == 0;
	setup_signals();
	if (have_tio) {
		tio_raw = tio_saved;
		cfmakeraw(&tio_raw);
		tio_raw.c_cc[VMIN] = 1;
		tio_raw.c_cc[VTIME] = 0;
		tcsetattr(STDIN_FILENO, TCSANOW, &tio_raw);
	}
	send_size(sock);
	relay(sock, direct, &status, &line);
	fdpass_restore_flags();
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &tio_saved);
	if (line != NULL) {
		printf("%s\n", line);
		free(line);
	}
	if (exec_armed) {
		exec_run();
		return 1;
	}
	if (hup_parent) {
		pid_t ppid = getppid();

		fflush(stdout);
		if (ppid > 1 && kill(ppid, SIGHUP) != 0)
			perror("pmux: kill");
	}
	return status;
}
