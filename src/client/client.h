/* client: the pmux command a user runs: finds or starts the server, sends a
 * command, prints what comes back, and relays a terminal when attached. */
#ifndef PMUX_CLIENT_CLIENT_H
#define PMUX_CLIENT_CLIENT_H

struct client_opts {
	const char *socket_path;
	const char *config_file;
	int verbose;
	int control; /* -C: 1, -CC: 2 */
	int argc;
	char **argv;
};

/* Returns the process exit status. */
int client_main(const struct client_opts *o);

/* attach.c: relay between the terminal and the server until it says goodbye,
 * or (direct) leave the terminal to the server meanwhile. Returns the exit
 * status. */
int client_attached(int sock, int direct);

/* control.c: control mode (-C, -CC): stdin's lines to the server, its
 * replies and notifications to stdout, until it says %exit. Returns the
 * exit status. */
int client_control(int sock, int mode);

/* fdpass.c: after identify, hand the terminal to the server (unless
 * PMUX_RELAY is set or stdin and stdout are not one read-write terminal).
 * Returns 1 if it was sent. */
int fdpass_offer(int sock);
/* The terminal's modes from before it was handed over; 0 if not handed. */
struct termios;
int fdpass_saved_termios(struct termios *tio);
/* Its file status flags back (the server sets O_NONBLOCK on them). */
int fdpass_restore_flags(void);

/* io.c: whole-message I/O on a blocking socket. */
/* Write everything (retrying EINTR/EAGAIN); -1 if the descriptor failed. */
int client_write_all(int fd, const char *p, size_t len);
int client_send(int sock, unsigned type, const void *data, size_t len);
/* Reads one message into *data (malloc'd). Returns its type, or -1 at EOF or
 * on error. */
int client_recv(int sock, char **data, size_t *len);
/* MSG_STDOUT and MSG_STDERR written where they go: 1, else 0. */
int client_output(int type, const char *data, size_t len);
/* MSG_EXIT's status: four bytes, least significant first (1 if short). */
int client_exit_status(const char *data, size_t len);

#endif
