/*
 * client: connect to the server (starting it when the command may), identify,
 * send the command, and print what comes back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client/client.h"
#include "pmux/proto.h"
#include "server/server.h"
#include "util/buf.h"

extern char **environ;

static int socket_address(const char *path, struct sockaddr_un *sa)
{
	memset(sa, 0, sizeof *sa);
	sa->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa->sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sa->sun_path, path);
	return 0;
}

static int try_connect(const char *path)
{
	struct sockaddr_un sa;
	int fd;

	if (socket_address(path, &sa) != 0)
		return -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static int make_listener(const char *path)
{
	struct sockaddr_un sa;
	mode_t old;
	int fd;

	if (socket_address(path, &sa) != 0)
		return -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	/* A stale socket with no server behind it is replaced. */
	if (unlink(path) != 0 && errno != ENOENT) {
		close(fd);
		return -1;
	}
	old = umask(S_IXUSR | S_IRWXG | S_IRWXO);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 128) != 0) {
		int e = errno;

		umask(old);
		close(fd);
		errno = e;
		return -1;
	}
	umask(old);
	return fd;
}

/* Double fork: the server is in its own session with no controlling
 * terminal, and is not our child. */
static int start_server(const struct client_opts *o, int listen_fd)
{
	pid_t pid = fork();
	int status, null;

	if (pid < 0)
		return -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		return 0;
	}
	if (setsid() < 0)
		_exit(1);
	pid = fork();
	if (pid != 0)
		_exit(pid < 0 ? 1 : 0);
	null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		_exit(1);
	/* Keep only the listener: a descriptor inherited from whoever ran
	 * the client (a pipe a script waits on for EOF) must not live on in
	 * the daemon. */
	for (int fd = 3; fd < 1024; fd++) {
		if (fd != listen_fd)
			close(fd);
	}
	_exit(server_main(listen_fd, o->socket_path, o->config_file, o->verbose));
}

static int starts_server(const char *cmd)
{
	static const char *const names[] = {"new-session", "new", "start-server", "start"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(cmd, names[i]) == 0)
			return 1;
	}
	return 0;
}

static int connect_or_start(const struct client_opts *o)
{
	char *lockpath;
	int fd, lock, listener;

	fd = try_connect(o->socket_path);
	if (fd >= 0)
		return fd;
	if ((errno != ENOENT && errno != ECONNREFUSED) || !starts_server(o->argv[0])) {
		if (errno == ENOENT || errno == ECONNREFUSED)
			fprintf(stderr, "no server running on %s\n", o->socket_path);
		else
			fprintf(stderr, "error connecting to %s (%s)\n", o->socket_path,
				strerror(errno));
		return -1;
	}
	/* Two clients starting a server at once: only one may. */
	lockpath = xasprintf("%s.lock", o->socket_path);
	lock = open(lockpath, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (lock >= 0)
		flock(lock, LOCK_EX);
	fd = try_connect(o->socket_path);
	if (fd < 0) {
		listener = make_listener(o->socket_path);
		if (listener < 0) {
			fprintf(stderr, "error creating %s (%s)\n", o->socket_path,
				strerror(errno));
		} else {
			if (start_server(o, listener) != 0)
				fprintf(stderr, "cannot start server: %s\n", strerror(errno));
			close(listener);
			fd = try_connect(o->socket_path);
			if (fd < 0)
				fprintf(stderr, "error connecting to %s (%s)\n", o->socket_path,
					strerror(errno));
		}
	}
	if (lock >= 0) {
		unlink(lockpath);
		close(lock);
	}
	free(lockpath);
	return fd;
}

static void ident_add(struct buf *b, char key, const char *value)
{
	buf_addc(b, key);
	buf_addc(b, '=');
	buf_adds(b, value != NULL ? value : "");
	buf_addc(b, '\0');
}

static int send_identify(int sock, int control)
{
	struct buf b;
	struct winsize ws;
	char cwd[4096], num[32];
	const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;
	char **e;
	int rc;

	buf_init(&b);
	ident_add(&b, IDENT_TERM, getenv("TERM"));
	ident_add(&b, IDENT_COLORTERM, getenv("COLORTERM"));
	ident_add(&b, IDENT_CWD, getcwd(cwd, sizeof cwd) != NULL ? cwd : "/");
	ident_add(&b, IDENT_TTY, tty);
	snprintf(num, sizeof num, "%d", (int)getpid());
	ident_add(&b, IDENT_PID, num);
	if (tty != NULL && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0) {
		snprintf(num, sizeof num, "%u", ws.ws_row);
		ident_add(&b, IDENT_ROWS, num);
		snprintf(num, sizeof num, "%u", ws.ws_col);
		ident_add(&b, IDENT_COLS, num);
	}
	if (control > 0) {
		snprintf(num, sizeof num, "%d", control);
		ident_add(&b, IDENT_CONTROL, num);
	}
	if (getenv("PMUX") != NULL && getenv("PMUX_PANE") != NULL)
		ident_add(&b, IDENT_PANE, getenv("PMUX_PANE"));
	for (e = environ; *e != NULL; e++) {
		if (b.len + strlen(*e) + 3 < PROTO_MAX_PAYLOAD / 2)
			ident_add(&b, IDENT_ENV, *e);
	}
	rc = client_send(sock, MSG_IDENTIFY, b.data, b.len);
	buf_free(&b);
	return rc;
}

static int send_command(int sock, int argc, char **argv)
{
	struct buf b;
	int i, rc;

	buf_init(&b);
	for (i = 0; i < argc; i++) {
		buf_adds(&b, argv[i]);
		buf_addc(&b, '\0');
	}
	if (b.len > PROTO_MAX_PAYLOAD) {
		fprintf(stderr, "command too long\n");
		buf_free(&b);
		return -1;
	}
	rc = client_send(sock, MSG_COMMAND, b.data, b.len);
	buf_free(&b);
	return rc;
}

/* MSG_READIN: the command reads our stdin (load-buffer -): all of it,
 * then an empty message for the end. */
static int send_stdin(int sock)
{
	char chunk[65536];
	ssize_t n;

	for (;;) {
		n = read(STDIN_FILENO, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (client_send(sock, MSG_STDIN, chunk, (size_t)n) != 0)
			return -1;
	}
	if (n < 0)
		fprintf(stderr, "pmux: reading stdin: %s\n", strerror(errno));
	return client_send(sock, MSG_STDIN, "", 0);
}

int client_output(int type, const char *data, size_t len)
{
	if (type != MSG_STDOUT && type != MSG_STDERR)
		return 0;
	client_write_all(type == MSG_STDOUT ? STDOUT_FILENO : STDERR_FILENO, data, len);
	return 1;
}

int client_exit_status(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;

	if (len < 4)
		return 1;
	return (int)(u[0] | u[1] << 8 | u[2] << 16 | (unsigned)u[3] << 24);
}

/* Messages until MSG_EXIT or MSG_ATTACH. */
static int client_replies(int sock)
{
	for (;;) {
		char *data = NULL;
		size_t len = 0;
		int type = client_recv(sock, &data, &len), status;

		if (client_output(type, data, len)) {
			free(data);
			continue;
		}
		switch (type) {
		case MSG_EXIT:
			status = client_exit_status(data, len);
			if (len > 4)
				printf("%s\n", data + 4);
			free(data);
			return status;
		case MSG_ERROR:
			fprintf(stderr, "pmux: %s\n", data);
			free(data);
			return 1;
		case MSG_READIN:
			send_stdin(sock);
			break;
		case MSG_ATTACH:
			status = len > 0 && data[0] == 1;
			free(data);
			return client_attached(sock, status);
		case -2:
			fprintf(stderr, "pmux: protocol version mismatch with the server\n");
			return 1;
		case -1:
			fprintf(stderr, "pmux: server exited unexpectedly\n");
			return 1;
		}
		free(data);
	}
}

int client_main(const struct client_opts *o)
{
	struct sigaction sa;
	int sock, status, rc;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	if (o->control == 2 && !isatty(STDIN_FILENO)) {
		/* (before the command runs: -CC is for a terminal) */
		fprintf(stderr, "tcgetattr failed: %s\n", strerror(ENOTTY));
		return 1;
	}
	sock = connect_or_start(o);
	if (sock < 0)
		return 1;
	rc = send_identify(sock, o->control);
	if (rc == 0 && !o->control)
		fdpass_offer(sock); /* if it is not sent, the server relays */
	if (rc != 0 || send_command(sock, o->argc, o->argv) != 0) {
		/* The server may have refused us: print why if it said. */
		status = client_replies(sock);
		close(sock);
		return status == 0 ? 1 : status;
	}
	status = o->control ? client_control(sock, o->control) : client_replies(sock);
	close(sock);
	return status;
}
