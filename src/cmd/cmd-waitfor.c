/*
 * wait-for: named channels between scripts. "wait-for NAME" blocks until
 * "wait-for -S NAME"; -L and -U lock and unlock a channel. A blocked command
 * list is suspended (the server goes on) and resumed when signalled.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

struct channel_waiter {
	struct cmd_ctx *ctx;
	struct channel_waiter *next;
};

struct channel {
	char *name;
	int woken; /* signalled while nobody waited */
	int locked;
	struct channel_waiter *waiters; /* plain waits */
	struct channel_waiter *lockers; /* -L waiting for the lock, in order */
	struct channel *next;
};

/* One server per process: the channels are the process's. */
static struct channel *channels;

static struct channel *channel_get(const char *name)
{
	struct channel *ch;

	for (ch = channels; ch != NULL; ch = ch->next) {
		if (strcmp(ch->name, name) == 0)
			return ch;
	}
	ch = xcalloc(1, sizeof *ch);
	ch->name = xstrdup(name);
	ch->next = channels;
	channels = ch;
	return ch;
}

/* A channel nobody uses any more is forgotten. */
static void channel_tidy(struct channel *ch)
{
	struct channel **pp;

	if (ch->woken || ch->locked || ch->waiters != NULL || ch->lockers != NULL)
		return;
	for (pp = &channels; *pp != ch; pp = &(*pp)->next)
		;
	*pp = ch->next;
	free(ch->name);
	free(ch);
}

static void enqueue(struct channel_waiter **list, struct cmd_ctx *ctx)
{
	struct channel_waiter *w = xcalloc(1, sizeof *w), **pp;

	w->ctx = ctx;
	for (pp = list; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = w;
	cmd_suspend(ctx);
}

static struct cmd_ctx *dequeue(struct channel_waiter **list)
{
	struct channel_waiter *w = *list;
	struct cmd_ctx *ctx;

	if (w == NULL)
		return NULL;
	*list = w->next;
	ctx = w->ctx;
	free(w);
	return ctx;
}

static int cmd_wait_for(struct cmd_ctx *ctx, struct args *a)
{
	struct channel *ch = channel_get(a->argv[0]);
	struct cmd_ctx *other;

	if (args_has(a, 'S')) {
		if (ch->waiters == NULL)
			ch->woken = 1;
		while ((other = dequeue(&ch->waiters)) != NULL)
			cmd_resume(other);
	} else if (args_has(a, 'L')) {
		if (!ch->locked)
			ch->locked = 1;
		else if (cmd_can_suspend(ctx))
			enqueue(&ch->lockers, ctx);
		else
			return cmd_error(ctx, "channel %s is locked", ch->name);
	} else if (args_has(a, 'U')) {
		if (!ch->locked) {
			channel_tidy(ch);
			return cmd_error(ctx, "channel %s not locked", a->argv[0]);
		}
		/* The lock passes to the next in line, or is released. */
		if ((other = dequeue(&ch->lockers)) != NULL)
			cmd_resume(other);
		else
			ch->locked = 0;
	} else if (ch->woken) {
		ch->woken = 0;
	} else if (cmd_can_suspend(ctx)) {
		enqueue(&ch->waiters, ctx);
	} else {
		return cmd_error(ctx, "wait-for: nothing to wait with here");
	}
	channel_tidy(ch);
	return 0;
}

const struct cmd_entry cmd_waitfor_entries[] = {
	{"wait-for", "wait", "LSU", 1, 1, "[-L | -S | -U] channel", cmd_wait_for},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
