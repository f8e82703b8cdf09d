/*
 * The wire protocol between the pmux client and server: length-prefixed
 * binary messages over a unix stream socket.
 *
 * Every message starts with an 8-byte header: payload length (u32), type
 * (u16) and protocol version (u16), all little-endian. The header layout
 * never changes between versions so that a mismatch can always be detected
 * and reported in words.
 */
#ifndef PMUX_PROTO_H
#define PMUX_PROTO_H

#include <stddef.h>
#include <stdint.h>

#define PROTO_VERSION 1
#define PROTO_HEADER_SIZE 8
#define PROTO_MAX_PAYLOAD (4u << 20)

enum proto_type {
	/* client → server */
	MSG_IDENTIFY = 1, /* NUL-terminated "K=value" strings (see below) */
	MSG_COMMAND = 2,  /* argv: NUL-terminated strings */
	MSG_INPUT = 3,	  /* bytes typed on the client's terminal */
	MSG_RESIZE = 4,	  /* u16 rows, u16 cols[, u16 xpixel, u16 ypixel] */
	MSG_STDIN = 5,	  /* bytes of the client's stdin (after MSG_READIN); empty: EOF */
	MSG_WAKEUP = 6,	  /* a suspended client was continued: draw again */
	MSG_TTYFD = 7,	  /* empty; carries the terminal's descriptor (SCM_RIGHTS) */

	/* server → client */
	MSG_STDOUT = 64, /* bytes for the client's stdout */
	MSG_STDERR = 65, /* bytes for the client's stderr */
	MSG_EXIT = 66,	 /* u32 exit status (+256: SIGHUP the parent), optional line */
	MSG_ATTACH = 67, /* attached: raw mode; relay, or u8 1: the server drives the terminal */
	MSG_OUTPUT = 68, /* bytes for the attached client's terminal */
	MSG_ERROR = 69,	 /* a refusal (access, version): text; the peer is closed */
	MSG_READIN = 70, /* send stdin to its end as MSG_STDIN (load-buffer -) */
	MSG_STOP = 71,	 /* suspend-client: the terminal is given back, SIGTSTP */
	MSG_EXEC = 72,	 /* detach-client -E: shell, command (NUL-terminated); MSG_EXIT follows */
	MSG_LOCK = 73,	 /* lock-client: shell, command; the terminal is given back until
			    the client says MSG_WAKEUP */
};

/* Keys of MSG_IDENTIFY strings. */
#define IDENT_TERM 'T'	    /* TERM */
#define IDENT_COLORTERM 'c' /* COLORTERM */
#define IDENT_CWD 'C'	    /* working directory */
#define IDENT_TTY 'Y'	    /* tty name, "" when stdin is not a terminal */
#define IDENT_PID 'P'	    /* client pid */
#define IDENT_ROWS 'R'	    /* terminal size */
#define IDENT_COLS 'K'
#define IDENT_PANE 'p'	  /* PMUX_PANE when run inside a pane of this server */
#define IDENT_ENV 'E'	  /* one environment variable, VAR=value */
#define IDENT_CONTROL 'X' /* control mode: 1 (-C) or 2 (-CC) */

struct proto_msg {
	uint16_t type;
	uint32_t len;
	const char *data; /* points into the reader's buffer until the next call */
};

enum proto_status {
	PROTO_OK = 1,
	PROTO_MORE = 0,
	PROTO_ERR_VERSION = -1,
	PROTO_ERR_SIZE = -2,
	PROTO_ERR_TYPE = -3,
};

/* Accumulates bytes from a stream and cuts them into messages. */
struct proto_reader {
	char *buf;
	size_t len; /* bytes held */
	size_t off; /* start of the first unconsumed byte */
	size_t cap;
	uint16_t peer_version; /* set by PROTO_ERR_VERSION */
};

void proto_reader_init(struct proto_reader *r);
void proto_reader_free(struct proto_reader *r);
/* Append received bytes. Returns 0, or -1 when out of memory. */
int proto_reader_push(struct proto_reader *r, const char *data, size_t len);
/* Space to read into directly (at least want bytes), then proto_reader_commit. */
char *proto_reader_space(struct proto_reader *r, size_t want);
void proto_reader_commit(struct proto_reader *r, size_t n);
/* The next whole message: PROTO_OK, PROTO_MORE or a PROTO_ERR_*. */
int proto_reader_next(struct proto_reader *r, struct proto_msg *m);
/* True if the reader holds part of a message. */
int proto_reader_partial(const struct proto_reader *r);

void proto_header(char out[PROTO_HEADER_SIZE], uint16_t type, uint32_t len);
const char *proto_strerror(int status);
int proto_type_known(uint16_t type);

#endif
