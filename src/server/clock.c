/* clock: clock mode (see clock.h), drawn as tmux draws it. */
#include "server/clock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/options.h"
#include "render/big.h"
#include "render/style.h"
#include "server/choose.h"
#include "server/copy.h"
#include "server/server.h"

struct clock {
	uv_timer_t timer; /* redraws every second */
	struct pane *p;
};

static void mark(struct pane *p)
{
	if (p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

static void tick(uv_timer_t *t)
{
	struct clock *k = t->data;

	mark(k->p);
}

void clock_enter(struct pane *p)
{
	struct clock *k;

	if (p->copy != NULL)
		copy_exit(p);
	if (p->choose != NULL)
		choose_exit(p);
	if (p->clock == NULL) {
		k = xcalloc(1, sizeof *k);
		k->p = p;
		uv_timer_init(p->srv->loop, &k->timer);
		k->timer.data = k;
		uv_timer_start(&k->timer, tick, 1000, 1000);
		p->clock = k;
	}
	mark(p);
}

static void free_cb(uv_handle_t *h)
{
	free(h->data);
}

void clock_free(struct pane *p)
{
	struct clock *k = p->clock;

	if (k == NULL)
		return;
	p->clock = NULL;
	uv_timer_stop(&k->timer);
	uv_close((uv_handle_t *)&k->timer, free_cb);
}

void clock_exit(struct pane *p)
{
	if (p->clock == NULL)
		return;
	clock_free(p);
	mark(p);
}

/* The time as tmux shows it: "HH:MM", or "%l:%M AM" with style 12. */
static void clock_text(struct pane *p, char *out, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	if (strcmp(options_string(window_options(p->window), "clock-mode-style"), "12") == 0) {
		strftime(out, size, "%l:%M ", &tm);
		strncat(out, tm.tm_hour >= 12 ? "PM" : "AM", size - strlen(out) - 1);
	} else {
		strftime(out, size, "%H:%M", &tm);
	}
}

static void put(struct grid_cell *cells, int rows, int cols, struct pane *p, int top, int y, int x,
		const struct grid_cell *pen)
{
	if (x < 0 || x >= p->sx || y < 0 || y >= p->sy)
		return;
	y += top + p->yoff;
	x += p->xoff;
	if (y < rows && x < cols)
		cells[(size_t)y * (size_t)cols + (size_t)x] = *pen;
}

void clock_draw(struct pane *p, struct grid_cell *cells, int rows, int cols, int top)
{
	const char *colour = options_string(window_options(p->window), "clock-mode-colour");
	struct grid_cell blank = {.ch = ' ', .width = 1}, fg = blank, bg = blank;
	grid_color col;
	char text[32];
	int len, x, y;

	if (p->clock == NULL)
		return;
	if (style_colour(colour, strlen(colour), &col) == 0)
		fg.fg = bg.bg = col;
	for (y = 0; y < p->sy; y++) {
		for (x = 0; x < p->sx; x++)
			put(cells, rows, cols, p, top, y, x, &blank);
	}
	clock_text(p, text, sizeof text);
	len = (int)strlen(text);
	if (p->sx < 6 * len || p->sy < 6) { /* as tmux: as text when too small */
		if (p->sx < len || p->sy == 0)
			return;
		x = p->sx / 2 - len / 2;
		for (int i = 0; i < len; i++) {
			fg.ch = (unsigned char)text[i];
			put(cells, rows, cols, p, top, p->sy / 2, x + i, &fg);
		}
		return;
	}
	x = p->sx / 2 - 3 * len;
	y = p->sy / 2 - 3;
	for (int n = 0; n < len; n++, x += 6) {
		for (int j = 0; j < BIG_SIZE; j++) {
			for (int i = 0; i < BIG_SIZE; i++) {
				if (big_filled(text[n], j, i))
					put(cells, rows, cols, p, top, y + j, x + i, &bg);
			}
		}
	}
}
