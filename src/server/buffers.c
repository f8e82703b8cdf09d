/* buffers: paste buffers kept by the server. */
#include <stdlib.h>
#include <string.h>

#include "server/buffers.h"
#include "util/buf.h"

#define BUFFERS_AUTOMATIC_LIMIT 50 /* buffer-limit's default */

void buffers_init(struct buffers *b)
{
	b->first = NULL;
	b->next_index = 0;
	b->limit = BUFFERS_AUTOMATIC_LIMIT;
}

static void buffer_free(struct paste_buffer *pb)
{
	free(pb->name);
	free(pb->data);
	free(pb);
}

void buffers_clear(struct buffers *b)
{
	struct paste_buffer *pb, *next;

	for (pb = b->first; pb != NULL; pb = next) {
		next = pb->next;
		buffer_free(pb);
	}
	b->first = NULL;
}

struct paste_buffer *buffers_find(struct buffers *b, const char *name)
{
	struct paste_buffer *pb;

	for (pb = b->first; pb != NULL; pb = pb->next) {
		if (strcmp(pb->name, name) == 0)
			return pb;
	}
	return NULL;
}

struct paste_buffer *buffers_top(struct buffers *b)
{
	return b->first;
}

static void unlink_buffer(struct buffers *b, struct paste_buffer *pb)
{
	struct paste_buffer **pp;

	for (pp = &b->first; *pp != pb; pp = &(*pp)->next)
		;
	*pp = pb->next;
}

void buffers_set_limit(struct buffers *b, int limit)
{
	b->limit = limit > 0 ? limit : 1;
}

/* The oldest automatic buffers go until at most the limit are left. */
static void trim_automatic(struct buffers *b)
{
	struct paste_buffer *pb, *oldest;
	int n;

	for (;;) {
		n = 0;
		oldest = NULL;
		for (pb = b->first; pb != NULL; pb = pb->next) {
			if (pb->automatic) {
				n++;
				oldest = pb;
			}
		}
		if (n <= b->limit || oldest == NULL)
			return;
		unlink_buffer(b, oldest);
		buffer_free(oldest);
	}
}

struct paste_buffer *buffers_set(struct buffers *b, const char *name, const char *data, size_t size)
{
	struct paste_buffer *pb = name != NULL ? buffers_find(b, name) : NULL;

	if (pb != NULL) {
		unlink_buffer(b, pb); /* a changed buffer becomes the newest */
		free(pb->data);
	} else {
		pb = xcalloc(1, sizeof *pb);
		pb->automatic = name == NULL;
		pb->name = name != NULL ? xstrdup(name) : xasprintf("buffer%u", b->next_index++);
	}
	pb->data = xmalloc(size + 1);
	memcpy(pb->data, data, size);
	pb->data[size] = '\0';
	pb->size = size;
	pb->created = time(NULL);
	pb->next = b->first;
	b->first = pb;
	trim_automatic(b);
	return pb;
}

int buffers_delete(struct buffers *b, const char *name)
{
	struct paste_buffer *pb = name != NULL ? buffers_find(b, name) : b->first;

	if (pb == NULL)
		return -1;
	unlink_buffer(b, pb);
	buffer_free(pb);
	return 0;
}

int buffers_rename(struct buffers *b, const char *from, const char *to)
{
	struct paste_buffer *pb = buffers_find(b, from);

	if (pb == NULL)
		return -1;
	if (strcmp(from, to) == 0)
		return 0;
	buffers_delete(b, to);
	free(pb->name);
	pb->name = xstrdup(to);
	pb->automatic = 0;
	return 0;
}
