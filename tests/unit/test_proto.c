/* Unit tests for the protocol decoder: whole, split, truncated, oversized,
 * garbage and version-mismatched input. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pmux/proto.h"

static size_t message(char *out, uint16_t type, const char *payload, size_t len)
{
	proto_header(out, type, (uint32_t)len);
	memcpy(out + PROTO_HEADER_SIZE, payload, len);
	return PROTO_HEADER_SIZE + len;
}

static void test_whole_and_split(void)
{
	struct proto_reader r;
	struct proto_msg m;
	char wire[256];
	size_t n = message(wire, MSG_COMMAND, "ls\0", 3), i;

	n += message(wire + n, MSG_INPUT, "abc", 3);
	proto_reader_init(&r);
	/* Byte by byte: nothing until a message is complete. */
	for (i = 0; i < PROTO_HEADER_SIZE + 2; i++) {
		proto_reader_push(&r, wire + i, 1);
		CHECK_INT(proto_reader_next(&r, &m), PROTO_MORE);
	}
	proto_reader_push(&r, wire + i, n - i);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_OK);
	CHECK_INT(m.type, MSG_COMMAND);
	CHECK_INT(m.len, 3);
	CHECK(memcmp(m.data, "ls\0", 3) == 0);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_OK);
	CHECK_INT(m.type, MSG_INPUT);
	CHECK(memcmp(m.data, "abc", 3) == 0);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_MORE);
	CHECK(!proto_reader_partial(&r));
	proto_reader_free(&r);
}

static void test_truncated(void)
{
	struct proto_reader r;
	struct proto_msg m;
	char wire[64];
	size_t n = message(wire, MSG_STDOUT, "hello", 5);

	proto_reader_init(&r);
	proto_reader_push(&r, wire, n - 1);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_MORE);
	CHECK(proto_reader_partial(&r));
	proto_reader_free(&r);
}

static void test_oversized(void)
{
	struct proto_reader r;
	struct proto_msg m;
	char wire[PROTO_HEADER_SIZE];

	proto_header(wire, MSG_INPUT, PROTO_MAX_PAYLOAD + 1);
	proto_reader_init(&r);
	proto_reader_push(&r, wire, sizeof wire);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_ERR_SIZE);
	proto_reader_free(&r);

	/* The largest allowed size is accepted (and waited for). */
	proto_header(wire, MSG_INPUT, PROTO_MAX_PAYLOAD);
	proto_reader_init(&r);
	proto_reader_push(&r, wire, sizeof wire);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_MORE);
	proto_reader_free(&r);
}

static void test_garbage(void)
{
	struct proto_reader r;
	struct proto_msg m;
	const char garbage[] = "GET / HTTP/1.0\r\n\r\n";

	proto_reader_init(&r);
	proto_reader_push(&r, garbage, sizeof garbage - 1);
	CHECK(proto_reader_next(&r, &m) < 0);
	proto_reader_free(&r);

	/* A valid version with an unknown type. */
	{
		char wire[PROTO_HEADER_SIZE];

		proto_header(wire, 999, 0);
		proto_reader_init(&r);
		proto_reader_push(&r, wire, sizeof wire);
		CHECK_INT(proto_reader_next(&r, &m), PROTO_ERR_TYPE);
		proto_reader_free(&r);
	}
}

static void test_version(void)
{
	struct proto_reader r;
	struct proto_msg m;
	char wire[PROTO_HEADER_SIZE];

	proto_header(wire, MSG_IDENTIFY, 0);
	wire[6] = (char)(PROTO_VERSION + 1);
	proto_reader_init(&r);
	proto_reader_push(&r, wire, sizeof wire);
	CHECK_INT(proto_reader_next(&r, &m), PROTO_ERR_VERSION);
	CHECK_INT(r.peer_version, PROTO_VERSION + 1);
	CHECK(strstr(proto_strerror(PROTO_ERR_VERSION), "version") != NULL);
	proto_reader_free(&r);
}

static void test_many_messages_reuse_buffer(void)
{
	struct proto_reader r;
	struct proto_msg m;
	char wire[64];
	int i, got = 0;

	proto_reader_init(&r);
	for (i = 0; i < 10000; i++) {
		char payload[8];
		size_t n;

		snprintf(payload, sizeof payload, "%05d", i);
		n = message(wire, MSG_INPUT, payload, 5);
		/* Push in two pieces to exercise compaction. */
		proto_reader_push(&r, wire, 3);
		CHECK_INT(proto_reader_next(&r, &m), PROTO_MORE);
		proto_reader_push(&r, wire + 3, n - 3);
		if (proto_reader_next(&r, &m) == PROTO_OK && memcmp(m.data, payload, 5) == 0)
			got++;
	}
	CHECK_INT(got, 10000);
	CHECK(r.cap <= 4096);
	proto_reader_free(&r);
}

int main(void)
{
	test_whole_and_split();
	test_truncated();
	test_oversized();
	test_garbage();
	test_version();
	test_many_messages_reuse_buffer();
	CHECK_DONE();
}
