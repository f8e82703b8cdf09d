/* io: blocking message I/O for the client. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "client/client.h"
#include "pmux/proto.h"
#include "util/buf.h"

int client_write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int read_all(int fd, char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Header and payload in one writev, so the server wakes once per message
 * (a keystroke is one). */
int client_send(int sock, unsigned type, const void *data, size_t len)
{
	char h[PROTO_HEADER_SIZE];
	struct iovec iov[2] = {{h, sizeof h}, {(void *)data, len}};
	ssize_t n;

	proto_header(h, (uint16_t)type, (uint32_t)len);
	do
		n = writev(sock, iov, len > 0 ? 2 : 1);
	while (n < 0 && (errno == EINTR || errno == EAGAIN));
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof h) { /* finish what writev left */
		if (client_write_all(sock, h + n, sizeof h - (size_t)n) != 0)
			return -1;
		n = 0;
	} else {
		n -= (ssize_t)sizeof h;
	}
	if (len == 0)
		return 0;
	return client_write_all(sock, (const char *)data + n, len - (size_t)n);
}

int client_recv(int sock, char **data, size_t *len)
{
	struct proto_reader r;
	struct proto_msg m;
	char h[PROTO_HEADER_SIZE];
	int rc;

	if (read_all(sock, h, sizeof h) != 0)
		return -1;
	proto_reader_init(&r);
	proto_reader_push(&r, h, sizeof h);
	rc = proto_reader_next(&r, &m);
	if (rc == PROTO_MORE) {
		/* Validated header: read the payload straight after it. */
		uint32_t plen = (uint32_t)(unsigned char)h[0] | (uint32_t)(unsigned char)h[1] << 8 |
				(uint32_t)(unsigned char)h[2] << 16 |
				(uint32_t)(unsigned char)h[3] << 24;
		char *space = proto_reader_space(&r, plen);

		if (space == NULL || read_all(sock, space, plen) != 0) {
			proto_reader_free(&r);
			return -1;
		}
		proto_reader_commit(&r, plen);
		rc = proto_reader_next(&r, &m);
	}
	if (rc != PROTO_OK) {
		proto_reader_free(&r);
		errno = EPROTO;
		return rc == PROTO_ERR_VERSION ? -2 : -1;
	}
	*data = xmalloc(m.len + 1);
	memcpy(*data, m.data, m.len);
	(*data)[m.len] = '\0';
	*len = m.len;
	proto_reader_free(&r);
	return m.type;
}
