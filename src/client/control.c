/*
 * control: the client's side of control mode. Its stdin goes to the server
 * as it comes (the server cuts it into command lines); what the server
 * says goes to stdout. With -CC the output is one DCS string (ESC P 1000 p
 * ... ESC \) for the terminal that runs it, whose echo is turned off.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "client/client.h"
#include "pmux/proto.h"

static struct termios saved_tio;
static int tio_saved;

/* -CC: keys as they come, no echo, output lines still ending in CR LF. */
static int control_terminal(void)
{
	struct termios tio;

	if (tcgetattr(STDIN_FILENO, &saved_tio) != 0) {
		fprintf(stderr, "tcgetattr failed: %s\n", strerror(errno));
		return -1;
	}
	tio = saved_tio;
	tio.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	tio.c_iflag &= ~(IXON | INLCR | IGNCR);
	tio.c_iflag |= ICRNL;
	tio.c_oflag |= OPOST | ONLCR;
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) != 0) {
		fprintf(stderr, "tcsetattr failed: %s\n", strerror(errno));
		return -1;
	}
	tio_saved = 1;
	return 0;
}

static void control_restore(void)
{
	if (tio_saved && tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio) != 0)
		fprintf(stderr, "pmux: restoring the terminal: %s\n", strerror(errno));
	tio_saved = 0;
}

/* Some of stdin to the server; its end as an empty message. Returns 0
 * once stdin has ended. */
static int control_stdin(int sock)
{
	char chunk[65536];
	ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 1;
	if (n <= 0) {
		client_send(sock, MSG_INPUT, "", 0);
		return 0;
	}
	client_send(sock, MSG_INPUT, chunk, (size_t)n);
	return 1;
}

/* One message from the server; returns -1 to go on, else the exit status. */
static int control_message(int sock)
{
	char *data = NULL;
	size_t len = 0;
	int type = client_recv(sock, &data, &len), status = -1;

	if (client_output(type, data, len)) {
		free(data);
		return -1;
	}
	switch (type) {
	case MSG_EXIT:
		status = client_exit_status(data, len);
		if (len > 4)
			printf("%%exit %s\n", data + 4);
		else
			printf("%%exit\n");
		status &= 0xff;
		break;
	case MSG_ERROR:
		fprintf(stderr, "pmux: %s\n", data);
		status = 1;
		break;
	case -2:
		fprintf(stderr, "pmux: protocol version mismatch with the server\n");
		status = 1;
		break;
	case -1:
		printf("%%exit lost server\n");
		status = 1;
		break;
	default:
		break; /* (nothing else is meant for a control client) */
	}
	free(data);
	return status;
}

int client_control(int sock, int mode)
{
	struct pollfd fds[2];
	int status = -1, reading = 1;

	if (mode == 2) {
		if (control_terminal() != 0)
			return 1;
		client_write_all(STDOUT_FILENO, "\033P1000p", 7);
	}
	while (status < 0) {
		fds[0].fd = reading ? STDIN_FILENO : -1;
		fds[0].events = POLLIN;
		fds[1].fd = sock;
		fds[1].events = POLLIN;
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "pmux: poll: %s\n", strerror(errno));
			status = 1;
			break;
		}
		if (fds[1].revents != 0)
			status = control_message(sock);
		else if (fds[0].revents != 0)
			reading = control_stdin(sock);
	}
	fflush(stdout);
	if (mode == 2) {
		client_write_all(STDOUT_FILENO, "\033\\", 2);
		control_restore();
	}
	return status;
}
