/*
 * buffers: the server's paste buffers, newest first. Automatic ones are
 * named bufferN and limited in number (the server option buffer-limit, 50 by
 * default); named ones (set-buffer -b) stay until deleted.
 */
#ifndef PMUX_SERVER_BUFFERS_H
#define PMUX_SERVER_BUFFERS_H

#include <stddef.h>
#include <time.h>

struct paste_buffer {
	char *name;
	char *data;
	size_t size;
	time_t created;
	int automatic;
	struct paste_buffer *next;
};

struct buffers {
	struct paste_buffer *first;
	unsigned next_index;
	int limit; /* automatic buffers kept, oldest dropped first */
};

void buffers_init(struct buffers *b);
/* buffer-limit: applies from the next buffer added, as in tmux. */
void buffers_set_limit(struct buffers *b, int limit);
void buffers_clear(struct buffers *b);
/* Add data (copied) as a new automatic buffer, or replace/create the named
 * one. Returns the buffer. */
struct paste_buffer *buffers_set(struct buffers *b, const char *name, const char *data,
				 size_t size);
struct paste_buffer *buffers_find(struct buffers *b, const char *name);
/* The newest buffer, or NULL. */
struct paste_buffer *buffers_top(struct buffers *b);
int buffers_delete(struct buffers *b, const char *name);
int buffers_rename(struct buffers *b, const char *from, const char *to);

#endif
