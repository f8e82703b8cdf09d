/*
 * client_flags: the flags refresh-client -f and attach-session -f set, and
 * an active-pane client's own active panes (one per window it has selected
 * a pane in, kept by pane id so a closed pane is simply not found). The
 * control-mode flags are kept for any client (it may be made a control
 * client after they are set) but mean something, and are listed, only for
 * control clients, as in tmux.
 */
#include <stdlib.h>
#include <string.h>

#include "server/client_flags.h"
#include "server/server.h"
#include "util/buf.h"

int client_is_control(const struct peer *c)
{
	return c->control != NULL;
}

/* One flag's bit; 0 for read-only (c->readonly) and unknown names. */
static int flag_bit(const char *name, size_t len)
{
	static const struct {
		const char *name;
		int bit;
	} names[] = {
		{"ignore-size", CLIENT_IGNORESIZE},
		{"active-pane", CLIENT_ACTIVEPANE},
		{"no-output", CLIENT_NOOUTPUT},
		{"wait-exit", CLIENT_WAITEXIT},
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) == len && strncmp(names[i].name, name, len) == 0)
			return names[i].bit;
	}
	return 0;
}

/* pause-after=N (or pause-after alone: 0). Returns 0 if name is not it. */
static int pause_after(struct peer *c, const char *name, size_t len, int clear)
{
	const size_t n = strlen("pause-after");
	char *end;
	long v = 0;

	if (len < n || strncmp(name, "pause-after", n) != 0 || (len > n && name[n] != '='))
		return 0;
	if (clear) {
		c->flags &= ~CLIENT_PAUSEAFTER;
		return 1;
	}
	if (len > n) {
		v = strtol(name + n + 1, &end, 10);
		if (end != name + len || v < 0 || v > 86400)
			return 1; /* a bad number: ignored, as an unknown flag */
	}
	c->flags |= CLIENT_PAUSEAFTER;
	c->pause_after = (int)v;
	return 1;
}

static void flag_one(struct peer *c, const char *name, size_t len)
{
	int clear = len > 0 && *name == '!', bit;

	if (clear)
		name++, len--;
	if (pause_after(c, name, len, clear))
		return;
	if (len == strlen("read-only") && strncmp(name, "read-only", len) == 0) {
		if (!clear)
			c->readonly = 1; /* tmux never takes it back */
		return;
	}
	bit = flag_bit(name, len);
	if (clear)
		c->flags &= ~bit;
	else
		c->flags |= bit;
	if (bit == CLIENT_ACTIVEPANE && clear)
		client_panes_free(c);
}

void client_flags_set(struct peer *c, const char *list)
{
	const char *s = list, *end;

	while (*s != '\0') {
		end = strchr(s, ',');
		if (end == NULL)
			end = s + strlen(s);
		flag_one(c, s, (size_t)(end - s));
		s = *end == ',' ? end + 1 : end;
	}
}

char *client_flags_string(const struct peer *c)
{
	struct buf b;
	int control = client_is_control(c);

	buf_init(&b);
	if (c->state == PEER_ATTACHED)
		buf_adds(&b, "attached,");
	if (c->focused)
		buf_adds(&b, "focused,");
	if (control)
		buf_adds(&b, "control-mode,");
	if (c->flags & CLIENT_IGNORESIZE)
		buf_adds(&b, "ignore-size,");
	if (control && (c->flags & CLIENT_NOOUTPUT))
		buf_adds(&b, "no-output,");
	if (control && (c->flags & CLIENT_WAITEXIT))
		buf_adds(&b, "wait-exit,");
	if (control && (c->flags & CLIENT_PAUSEAFTER)) {
		char *s = xasprintf("pause-after=%d,", c->pause_after);

		buf_adds(&b, s);
		free(s);
	}
	if (c->readonly)
		buf_adds(&b, "read-only,");
	if (c->flags & CLIENT_ACTIVEPANE)
		buf_adds(&b, "active-pane,");
	if (c->suspended)
		buf_adds(&b, "suspended,");
	buf_adds(&b, "UTF-8");
	buf_add(&b, "", 1);
	return b.data;
}

/* The index in c->panes of the entry for window w, or -1. */
static int pane_slot(struct peer *c, struct window *w)
{
	for (int i = 0; i < c->npanes; i++) {
		struct pane *p = pane_find_id(c->srv, c->panes[i]);

		if (p != NULL && p->window == w)
			return i;
	}
	return -1;
}

struct pane *client_window_pane(struct peer *c, struct window *w)
{
	int i;

	if (w == NULL)
		return NULL;
	if (!(c->flags & CLIENT_ACTIVEPANE) || (i = pane_slot(c, w)) < 0)
		return w->active;
	return pane_find_id(c->srv, c->panes[i]);
}

struct pane *client_pane(struct peer *c)
{
	return c->session != NULL ? client_window_pane(c, c->session->current) : NULL;
}

int client_select_pane(struct peer *c, struct pane *p)
{
	int i;

	if (c == NULL || !(c->flags & CLIENT_ACTIVEPANE) || c->session == NULL ||
	    p->window->session != c->session)
		return 0;
	i = pane_slot(c, p->window);
	if (i < 0) {
		/* drop the entries of panes that are gone before growing */
		int n = 0;

		for (int k = 0; k < c->npanes; k++) {
			if (pane_find_id(c->srv, c->panes[k]) != NULL)
				c->panes[n++] = c->panes[k];
		}
		c->npanes = n;
		c->panes = xrealloc(c->panes, ((size_t)n + 1) * sizeof *c->panes);
		i = c->npanes++;
	}
	c->panes[i] = p->id;
	return 1;
}

void client_panes_free(struct peer *c)
{
	free(c->panes);
	c->panes = NULL;
	c->npanes = 0;
}
