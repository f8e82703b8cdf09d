/* proto: framing of pmux's client/server messages. */
#include <stdlib.h>
#include <string.h>

#include "pmux/proto.h"

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get_u16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

void proto_header(char out[PROTO_HEADER_SIZE], uint16_t type, uint32_t len)
{
	unsigned char *p = (unsigned char *)out;

	p[0] = len & 0xff;
	p[1] = (len >> 8) & 0xff;
	p[2] = (len >> 16) & 0xff;
	p[3] = (len >> 24) & 0xff;
	p[4] = type & 0xff;
	p[5] = type >> 8;
	p[6] = PROTO_VERSION & 0xff;
	p[7] = PROTO_VERSION >> 8;
}

int proto_type_known(uint16_t type)
{
	switch (type) {
	case MSG_IDENTIFY:
	case MSG_COMMAND:
	case MSG_INPUT:
	case MSG_RESIZE:
	case MSG_STDIN:
	case MSG_TTYFD:
	case MSG_READIN:
	case MSG_WAKEUP:
	case MSG_STOP:
	case MSG_EXEC:
	case MSG_LOCK:
	case MSG_STDOUT:
	case MSG_STDERR:
	case MSG_EXIT:
	case MSG_ATTACH:
	case MSG_OUTPUT:
	case MSG_ERROR:
		return 1;
	}
	return 0;
}

void proto_reader_init(struct proto_reader *r)
{
	memset(r, 0, sizeof *r);
}

void proto_reader_free(struct proto_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof *r);
}

char *proto_reader_space(struct proto_reader *r, size_t want)
{
	/* Move what is left to the front before growing: messages are consumed
	 * in order, so the front is free space. */
	if (r->off > 0) {
		memmove(r->buf, r->buf + r->off, r->len - r->off);
		r->len -= r->off;
		r->off = 0;
	}
	if (r->cap - r->len < want) {
		size_t cap = r->cap ? r->cap : 4096;
		char *n;

		while (cap - r->len < want)
			cap *= 2;
		n = realloc(r->buf, cap);
		if (n == NULL)
			return NULL;
		r->buf = n;
		r->cap = cap;
	}
	return r->buf + r->len;
}

void proto_reader_commit(struct proto_reader *r, size_t n)
{
	r->len += n;
}

int proto_reader_push(struct proto_reader *r, const char *data, size_t len)
{
	char *space = proto_reader_space(r, len);

	if (space == NULL)
		return -1;
	memcpy(space, data, len);
	proto_reader_commit(r, len);
	return 0;
}

int proto_reader_next(struct proto_reader *r, struct proto_msg *m)
{
	const unsigned char *h = (const unsigned char *)r->buf + r->off;
	size_t avail = r->len - r->off;
	uint32_t len;
	uint16_t version;

	if (avail < PROTO_HEADER_SIZE)
		return PROTO_MORE;
	len = get_u32(h);
	m->type = get_u16(h + 4);
	version = get_u16(h + 6);
	if (version != PROTO_VERSION) {
		r->peer_version = version;
		return PROTO_ERR_VERSION;
	}
	if (len > PROTO_MAX_PAYLOAD)
		return PROTO_ERR_SIZE;
	if (!proto_type_known(m->type))
		return PROTO_ERR_TYPE;
	if (avail - PROTO_HEADER_SIZE < len)
		return PROTO_MORE;
	m->len = len;
	m->data = r->buf + r->off + PROTO_HEADER_SIZE;
	r->off += PROTO_HEADER_SIZE + len;
	return PROTO_OK;
}

int proto_reader_partial(const struct proto_reader *r)
{
	return r->len > r->off;
}

const char *proto_strerror(int status)
{
	switch (status) {
	case PROTO_ERR_VERSION:
		return "protocol version mismatch";
	case PROTO_ERR_SIZE:
		return "message too large";
	case PROTO_ERR_TYPE:
		return "unknown message type";
	}
	return "protocol error";
}
