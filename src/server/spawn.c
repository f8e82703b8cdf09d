/* spawn: fork a pane's program onto a new pty. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "server/spawn.h"
#include "util/buf.h"

/* The termios a fresh terminal session expects: cooked input with job
 * control signals, UTF-8 aware erase, output post-processing. */
static void sane_termios(struct termios *tio)
{
	memset(tio, 0, sizeof *tio);
	tio->c_iflag = ICRNL | IXON | IXANY | IMAXBEL | BRKINT | IUTF8;
	tio->c_oflag = OPOST | ONLCR;
	tio->c_cflag = CREAD | CS8 | HUPCL;
	tio->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	tio->c_cc[VINTR] = 0x03;    /* ^C */
	tio->c_cc[VQUIT] = 0x1c;    /* ^\ */
	tio->c_cc[VERASE] = 0x7f;   /* ^? */
	tio->c_cc[VKILL] = 0x15;    /* ^U */
	tio->c_cc[VEOF] = 0x04;	    /* ^D */
	tio->c_cc[VSTART] = 0x11;   /* ^Q */
	tio->c_cc[VSTOP] = 0x13;    /* ^S */
	tio->c_cc[VSUSP] = 0x1a;    /* ^Z */
	tio->c_cc[VREPRINT] = 0x12; /* ^R */
	tio->c_cc[VWERASE] = 0x17;  /* ^W */
	tio->c_cc[VLNEXT] = 0x16;   /* ^V */
	tio->c_cc[VDISCARD] = 0x0f; /* ^O */
	tio->c_cc[VMIN] = 1;
	tio->c_cc[VTIME] = 0;
	cfsetispeed(tio, B38400);
	cfsetospeed(tio, B38400);
}

/* The write end of the pipe that tells the parent how the exec went. */
static int report_fd = -1;

/* Tell the parent why the child could not start, then go. */
static void child_fail(const char *what, const char *arg)
{
	int e = errno;

	dprintf(STDERR_FILENO, "pmux: %s %s: %s\r\n", what, arg, strerror(e));
	if (report_fd >= 0 && write(report_fd, &e, sizeof e) < 0) {
		/* the parent reads EOF and still sees the child exit */
	}
	_exit(127);
}

static void close_range_fallback(unsigned lo, unsigned hi)
{
#ifdef SYS_close_range
	if (syscall(SYS_close_range, lo, hi, 0) == 0)
		return;
#endif
	for (unsigned fd = lo; fd <= hi && fd < 65536; fd++)
		close((int)fd);
}

/* Close every descriptor from 3 up but the report pipe (close-on-exec). */
static void close_from(int lowfd)
{
	if (report_fd >= lowfd) {
		if (report_fd > lowfd)
			close_range_fallback((unsigned)lowfd, (unsigned)report_fd - 1);
		close_range_fallback((unsigned)report_fd + 1, ~0U);
	} else {
		close_range_fallback((unsigned)lowfd, ~0U);
	}
}

static void reset_signals(void)
{
	struct sigaction sa;
	sigset_t none;
	int sig;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++)
		sigaction(sig, &sa, NULL); /* fails harmlessly for KILL/STOP */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* In the child: never returns. */
static void child(const struct spawn_request *req, const char *slave_path)
{
	struct termios tio;
	struct winsize ws = {.ws_row = req->rows, .ws_col = req->cols};
	int fd;

	reset_signals();
	if (setsid() < 0)
		child_fail("setsid", "");
	/* The first terminal a session leader opens becomes its controlling
	 * terminal; TIOCSCTTY makes sure of it. */
	fd = open(slave_path, O_RDWR);
	if (fd < 0)
		child_fail("open", slave_path);
	if (ioctl(fd, TIOCSCTTY, 0) < 0)
		child_fail("TIOCSCTTY", slave_path);
	sane_termios(&tio);
	if (tcsetattr(fd, TCSANOW, &tio) < 0 || ioctl(fd, TIOCSWINSZ, &ws) < 0)
		child_fail("tcsetattr", slave_path);
	if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		child_fail("dup2", slave_path);
	close_from(3);
	if (req->cwd == NULL || chdir(req->cwd) != 0) {
		const char *home = getenv("HOME");

		if (home == NULL || chdir(home) != 0) {
			if (chdir("/") != 0)
				child_fail("chdir", "/");
		}
	}
	{
		char **argv = req->argv;
		const char *path = argv[0];

		argv[0] = (char *)req->argv0;
		environ = req->envp;
		execvp(path, argv);
		child_fail("exec", path);
	}
}

static int open_master(char *tty, size_t size, char **err)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);

	if (master < 0) {
		*err = xasprintf("posix_openpt: %s", strerror(errno));
		return -1;
	}
	if (grantpt(master) < 0 || unlockpt(master) < 0 || ptsname_r(master, tty, size) != 0) {
		*err = xasprintf("pty: %s", strerror(errno));
		close(master);
		return -1;
	}
	return master;
}

/*
 * Wait until the child has exec'd: the report pipe is close-on-exec, so EOF
 * means the program runs; an errno on it means it could not start. Scripts
 * then find the program in /proc as soon as the command returns.
 */
static int wait_exec(int fd, const struct spawn_request *req, char **err)
{
	int e = 0;
	ssize_t n;

	do
		n = read(fd, &e, sizeof e);
	while (n < 0 && errno == EINTR);
	close(fd);
	if (n == (ssize_t)sizeof e) {
		*err = xasprintf("%s: %s", req->argv[0], strerror(e));
		return -1;
	}
	return 0;
}

int spawn_pane(const struct spawn_request *req, struct spawn_result *res, char **err)
{
	struct winsize ws = {.ws_row = req->rows, .ws_col = req->cols};
	int master = open_master(res->tty, sizeof res->tty, err);
	int flags, report[2];
	pid_t pid;

	if (master < 0)
		return -1;
	if (ioctl(master, TIOCSWINSZ, &ws) < 0 || pipe2(report, O_CLOEXEC) < 0) {
		*err = xasprintf("pty: %s", strerror(errno));
		close(master);
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		*err = xasprintf("fork: %s", strerror(errno));
		close(report[0]);
		close(report[1]);
		close(master);
		return -1;
	}
	if (pid == 0) {
		close(report[0]);
		report_fd = report[1];
		child(req, res->tty);
	}
	close(report[1]);
	if (wait_exec(report[0], req, err) != 0) {
		/* The child has exited; SIGCHLD reaps it. */
		close(master);
		return -1;
	}
	flags = fcntl(master, F_GETFL);
	if (flags < 0 || fcntl(master, F_SETFL, flags | O_NONBLOCK) < 0) {
		*err = xasprintf("fcntl: %s", strerror(errno));
		kill(pid, SIGKILL);
		close(master);
		return -1;
	}
	res->master = master;
	res->pid = pid;
	return 0;
}
