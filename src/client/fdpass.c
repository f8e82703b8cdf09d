/*
 * fdpass: the client hands its terminal to the server (SCM_RIGHTS) so the
 * server reads and writes it directly, as tmux does, instead of every byte
 * going through this process. The relay stays for when that cannot be done
 * (stdin and stdout are not the same read-write terminal) or is not wanted
 * (PMUX_RELAY=1).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "client/client.h"
#include "pmux/proto.h"

/* The terminal as it was before the server touched it. */
static struct {
	int offered;
	int have_tio;
	struct termios tio;
	int flags;
} fdpass;

static int relay_wanted(void)
{
	const char *v = getenv("PMUX_RELAY");

	return v != NULL && *v != '\0' && strcmp(v, "0") != 0;
}

/* One terminal, open for reading and writing, on both stdin and stdout. */
static int same_terminal(void)
{
	struct stat in, out;
	int fl = fcntl(STDIN_FILENO, F_GETFL);

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || fl < 0 || (fl & O_ACCMODE) != O_RDWR)
		return 0;
	if (fstat(STDIN_FILENO, &in) != 0 || fstat(STDOUT_FILENO, &out) != 0)
		return 0;
	return in.st_rdev == out.st_rdev;
}

static int send_fd(int sock, int fd)
{
	char hdr[PROTO_HEADER_SIZE];
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct iovec iov = {.iov_base = hdr, .iov_len = sizeof hdr};
	struct msghdr msg = {0};
	struct cmsghdr *cm;
	ssize_t n;

	proto_header(hdr, MSG_TTYFD, 0);
	memset(&ctl, 0, sizeof ctl);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.space;
	msg.msg_controllen = sizeof ctl.space;
	cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof fd);
	do
		n = sendmsg(sock, &msg, 0);
	while (n < 0 && errno == EINTR);
	/* The header is 8 bytes on a fresh blocking socket: all or nothing. */
	return n == (ssize_t)sizeof hdr ? 0 : -1;
}

int fdpass_offer(int sock)
{
	if (relay_wanted() || !same_terminal())
		return 0;
	fdpass.flags = fcntl(STDIN_FILENO, F_GETFL);
	fdpass.have_tio = tcgetattr(STDIN_FILENO, &fdpass.tio) == 0;
	/* Failing to send is not fatal: the server relays then. */
	fdpass.offered = send_fd(sock, STDIN_FILENO) == 0;
	return fdpass.offered;
}

int fdpass_saved_termios(struct termios *tio)
{
	if (!fdpass.offered || !fdpass.have_tio)
		return 0;
	*tio = fdpass.tio;
	return 1;
}

int fdpass_restore_flags(void)
{
	if (!fdpass.offered || fdpass.flags < 0)
		return 0;
	return fcntl(STDIN_FILENO, F_SETFL, fdpass.flags);
}
