/*
 * display_panes: the pane indicator of display-panes (see display_panes.h).
 * Like tmux, a pane wide and tall enough shows its number in 5x5 digits
 * of coloured blanks with its size in the top right corner; a smaller one
 * shows the number as text.
 */
#include "server/display_panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "render/big.h"
#include "render/style.h"
#include "server/server.h"
#include "term/key.h"

struct display_panes {
	uv_timer_t timer;
	struct peer *c;
	char *tmpl;
	int nokeys;
	struct cmd_ctx *wait;
};

static void free_cb(uv_handle_t *h)
{
	struct display_panes *d = h->data;

	free(d->tmpl);
	free(d);
}

void display_panes_stop(struct peer *c)
{
	struct display_panes *d = c->display_panes;
	struct cmd_ctx *wait;

	if (d == NULL)
		return;
	c->display_panes = NULL;
	wait = d->wait;
	uv_timer_stop(&d->timer);
	uv_close((uv_handle_t *)&d->timer, free_cb);
	if (c->state == PEER_ATTACHED && c->session != NULL)
		attach_mark_session(c->session);
	if (wait != NULL)
		cmd_resume(wait);
}

static void timer_cb(uv_timer_t *t)
{
	struct display_panes *d = t->data;

	display_panes_stop(d->c);
}

void display_panes_start(struct peer *c, long ms, const char *tmpl, int nokeys,
			 struct cmd_ctx *wait)
{
	struct display_panes *d;

	display_panes_stop(c);
	d = xcalloc(1, sizeof *d);
	d->c = c;
	d->tmpl = xstrdup(tmpl != NULL ? tmpl : "select-pane -t '%%'");
	d->nokeys = nokeys;
	d->wait = wait;
	uv_timer_init(c->srv->loop, &d->timer);
	d->timer.data = d;
	if (ms > 0)
		uv_timer_start(&d->timer, timer_cb, (uint64_t)ms, 0);
	c->display_panes = d;
	attach_mark_session(c->session);
}

/* The pane of the client's window numbered n (pane-base-index counts). */
static struct pane *pane_numbered(struct peer *c, int n)
{
	struct window *w = c->session != NULL ? c->session->current : NULL;
	struct pane *p;

	if (w == NULL)
		return NULL;
	n -= (int)options_number(window_options(w), "pane-base-index");
	for (p = w->panes; p != NULL && n >= 0; p = p->next, n--) {
		if (n == 0)
			return p;
	}
	return NULL;
}

int display_panes_key(struct peer *c, const struct key *k)
{
	struct display_panes *d = c->display_panes;
	struct pane *p = NULL;
	char *cmd = NULL, id[16], *resp[1] = {id};

	if (d == NULL || d->nokeys)
		return 0;
	if (k->kind == KEY_CHAR && k->mod == 0 && k->cp >= '0' && k->cp <= '9')
		p = pane_numbered(c, (int)(k->cp - '0'));
	if (p != NULL) {
		snprintf(id, sizeof id, "%%%u", p->id);
		cmd = keys_template(d->tmpl, resp, 1);
	}
	display_panes_stop(c); /* before running: the command may show it again */
	if (cmd != NULL)
		attach_run_command(c, cmd);
	free(cmd);
	return 1;
}

/* Text at (y, x) in pen, clipped to the screen and to the pane's right
 * edge x1. */
static void put_text(struct grid_cell *cells, int rows, int cols, int y, int x, int x1,
		     const char *s, const struct grid_cell *pen)
{
	for (; *s != '\0'; s++, x++) {
		if (y < 0 || y >= rows || x < 0 || x >= cols || x >= x1)
			continue;
		cells[(size_t)y * (size_t)cols + (size_t)x] = *pen;
		cells[(size_t)y * (size_t)cols + (size_t)x].ch = (unsigned char)*s;
	}
}

static void draw_big(struct grid_cell *cells, int rows, int cols, struct pane *p, int top,
		     const char *num, const struct grid_cell *fg, const struct grid_cell *bg)
{
	int len = (int)strlen(num), px = p->xoff + p->sx / 2 - len * 3;
	int py = top + p->yoff + p->sy / 2 - 2;
	char size[32];

	for (const char *s = num; *s != '\0'; s++, px += 6) {
		for (int j = 0; j < BIG_SIZE; j++) {
			for (int i = 0; i < BIG_SIZE; i++) {
				if (big_filled(*s, j, i))
					put_text(cells, rows, cols, py + j, px + i, p->xoff + p->sx,
						 " ", bg);
			}
		}
	}
	snprintf(size, sizeof size, "%dx%d", p->sx, p->sy);
	if (p->sy > 6 && p->sx >= (int)strlen(size))
		put_text(cells, rows, cols, top + p->yoff, p->xoff + p->sx - (int)strlen(size),
			 p->xoff + p->sx, size, fg);
}

static void draw_pane(struct grid_cell *cells, int rows, int cols, struct pane *p, int top,
		      int active, struct options *o)
{
	struct grid_cell base = {.ch = ' ', .width = 1}, fg = base, bg = base;
	const char *colour =
		options_string(o, active ? "display-panes-active-colour" : "display-panes-colour");
	grid_color col;
	char num[16];
	int len, x;

	if (style_colour(colour, strlen(colour), &col) == 0)
		fg.fg = bg.bg = col;
	snprintf(num, sizeof num, "%d",
		 window_pane_index(p->window, p) +
			 (int)options_number(window_options(p->window), "pane-base-index"));
	len = (int)strlen(num);
	if (p->sx >= len * 6 && p->sy >= 5) {
		draw_big(cells, rows, cols, p, top, num, &fg, &bg);
		return;
	}
	/* as tmux: centred as if a space followed the number, when it fits */
	x = p->xoff + p->sx / 2 - (p->sx >= len + 1 ? (len + 1) / 2 : len / 2);
	put_text(cells, rows, cols, top + p->yoff + p->sy / 2, x, p->xoff + p->sx, num, &fg);
}

void display_panes_draw(struct peer *c, struct grid_cell *cells, int rows, int cols, int top)
{
	struct window *w = c->session != NULL ? c->session->current : NULL;
	struct pane *p;

	if (c->display_panes == NULL || w == NULL)
		return;
	for (p = w->panes; p != NULL; p = p->next) {
		if (w->zoomed && p != w->active)
			continue;
		draw_pane(cells, rows, cols, p, top, p == w->active, session_options(c->session));
	}
}
