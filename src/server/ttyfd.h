/*
 * ttyfd: an attached client's terminal driven by the server itself. The
 * client hands its terminal's descriptor over (SCM_RIGHTS, MSG_TTYFD); the
 * server then reads keys from it and writes frames to it directly, one
 * process hop less each way than relaying through the client.
 */
#ifndef PMUX_SERVER_TTYFD_H
#define PMUX_SERVER_TTYFD_H

#include <stddef.h>

struct peer;
struct ttyfd;

/* Drive the terminal fd for c (raw mode, non-blocking, polled). Takes fd
 * either way; returns NULL (fd closed) when it cannot be used. */
struct ttyfd *ttyfd_start(struct peer *c, int fd);
/* Output for the terminal: written now, or buffered (counted in
 * c->queued) until the terminal reads; never blocks. */
void ttyfd_write(struct ttyfd *t, const char *data, size_t len);
/* Give the terminal back: write what can be written without blocking,
 * close the descriptor, and return what is left (malloc'd, *len bytes, or
 * NULL) for the client to write itself. */
char *ttyfd_release(struct ttyfd *t, size_t *len);

#endif
