/*
 * display-menu and display-popup (server/menu.c and server/popup.c show
 * them), and the -x/-y positions they share, as tmux 3.3 places them: -x
 * is the left column, -y the row just below the box (so "S" puts a menu
 * right above a status line at the bottom), both kept on the client's
 * screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/options.h"
#include "render/box.h"
#include "render/status.h"
#include "server/menu.h"
#include "server/popup.h"

/* What positions are worked out from: the client, the box's size, and
 * the popup_* format variables. */
struct place {
	struct peer *c;
	struct pane *p;
	int w, h;
	const char *vars[32]; /* name, value pairs for formats */
	char values[16][16];
	int nvars;
};

static int status_at_top(struct peer *c)
{
	return strcmp(options_string(session_options(c->session), "status-position"), "top") == 0;
}

static int status_count(struct peer *c)
{
	return (int)options_number(session_options(c->session), "status"); /* lines */
}

/* The column where window w's range starts on the status lines as last
 * drawn, or 0. */
static int window_status_x(struct peer *c, struct window *w)
{
	int x;

	if (w == NULL || !status_count(c))
		return 0;
	x = status_window_x(c, w->index);
	return x >= 0 ? x : 0;
}

static void place_var(struct place *pl, const char *name, int value)
{
	char *v = pl->values[pl->nvars / 2];

	snprintf(v, sizeof pl->values[0], "%d", value);
	pl->vars[pl->nvars] = name;
	pl->vars[pl->nvars + 1] = v;
	pl->nvars += 2;
}

/* The popup_* variables, each a value -x or -y takes as it is. */
static void place_init(struct place *pl, struct peer *c, struct pane *p, int w, int h)
{
	int lines = status_count(c), top = status_at_top(c) ? lines : 0;
	int mx = 0, my = 0;
	int sy = status_at_top(c) ? lines + h : c->rows - lines;

	mouse_last(c, &mx, &my);
	memset(pl, 0, sizeof *pl);
	pl->c = c;
	pl->p = p;
	pl->w = w;
	pl->h = h;
	place_var(pl, "popup_centre_x", (c->cols - 1) / 2 - w / 2);
	place_var(pl, "popup_centre_y", (c->rows - 1) / 2 + h / 2);
	place_var(pl, "popup_width", w);
	place_var(pl, "popup_height", h);
	place_var(pl, "popup_mouse_x", mx);
	place_var(pl, "popup_mouse_y", my);
	place_var(pl, "popup_mouse_top", my + h);
	place_var(pl, "popup_mouse_bottom", my);
	place_var(pl, "popup_mouse_centre_x", mx - w / 2);
	place_var(pl, "popup_mouse_centre_y", my + h - h / 2);
	place_var(pl, "popup_pane_left", p != NULL ? p->xoff : 0);
	place_var(pl, "popup_pane_right", p != NULL ? p->xoff + p->sx - w : 0);
	place_var(pl, "popup_pane_top", p != NULL ? top + p->yoff + h : h);
	place_var(pl, "popup_pane_bottom", p != NULL ? top + p->yoff + p->sy : c->rows);
	place_var(pl, "popup_status_line_y", sy);
	place_var(pl, "popup_window_status_line_x",
		  window_status_x(c, p != NULL ? p->window : c->session->current));
}

static const char *place_get(const struct place *pl, const char *name)
{
	for (int i = 0; i < pl->nvars; i += 2) {
		if (strcmp(pl->vars[i], name) == 0)
			return pl->vars[i + 1];
	}
	return "0";
}

/* A -x or -y value: one of tmux's letters, or a format giving a number
 * (anything else is 0, as in tmux). */
static int place_value(struct place *pl, const char *spec, int axis)
{
	static const char *const xs[][2] = {{"C", "popup_centre_x"},
					    {"R", NULL},
					    {"P", "popup_pane_left"},
					    {"M", "popup_mouse_x"},
					    {"W", "popup_window_status_line_x"}};
	static const char *const ys[][2] = {{"C", "popup_centre_y"},
					    {"P", "popup_pane_bottom"},
					    {"M", "popup_mouse_top"},
					    {"S", "popup_status_line_y"},
					    {"W", "popup_status_line_y"}};
	struct format_ctx fc;
	char *s;
	int v;

	if (spec == NULL)
		spec = "C";
	if (axis == 'x' && strcmp(spec, "R") == 0)
		return pl->c->cols - pl->w;
	for (int i = 0; i < 5; i++) {
		const char *const *e = axis == 'x' ? xs[i] : ys[i];

		if (e[1] != NULL && strcmp(spec, e[0]) == 0)
			return atoi(place_get(pl, e[1]));
	}
	format_ctx_pane(&fc, pl->c->srv, pl->p);
	if (pl->p == NULL)
		format_ctx_session(&fc, pl->c->srv, pl->c->session);
	fc.c = pl->c;
	fc.extra = pl->vars;
	fc.nextra = pl->nvars / 2;
	s = format_expand(spec, &fc);
	v = atoi(s);
	free(s);
	return v;
}

/* The box's top-left corner, kept on the client's screen. */
static void place_box(struct place *pl, const char *xs, const char *ys, int *x, int *y)
{
	*x = place_value(pl, xs, 'x');
	*y = place_value(pl, ys, 'y') - pl->h;
	if (*x + pl->w > pl->c->cols)
		*x = pl->c->cols - pl->w;
	if (*x < 0)
		*x = 0;
	if (*y + pl->h > pl->c->rows)
		*y = pl->c->rows - pl->h;
	if (*y < 0)
		*y = 0;
}

/* The client (-c, else the current one) and the target pane (-t). */
static struct peer *menu_client(struct cmd_ctx *ctx, struct args *a, struct target *t)
{
	const char *tty = args_get(a, 'c');
	struct peer *c;

	if (target_pane(ctx, args_get(a, 't'), t) != 0)
		return NULL;
	c = tty != NULL ? cmd_find_client(ctx, tty) : cmd_current_client(ctx, t->s);
	if (c == NULL && tty == NULL)
		c = cmd_current_client(ctx, NULL);
	if (c == NULL || c->state != PEER_ATTACHED || c->session == NULL) {
		if (tty != NULL)
			cmd_error(ctx, "can't find client: %s", tty);
		else
			cmd_error(ctx, "no current client");
		return NULL;
	}
	return c;
}

static int border_lines(struct cmd_ctx *ctx, const char *option, const char *value,
			struct options *o, int *lines)
{
	*lines = box_lines_parse(value != NULL ? value : options_string(o, option));
	if (*lines < 0)
		return cmd_error(ctx, "%s unknown value: %s", option, value);
	return 0;
}

static char *expand(struct cmd_ctx *ctx, const char *fmt, struct peer *c, struct pane *p)
{
	struct format_ctx fc;

	format_ctx_pane(&fc, c->srv, p);
	if (p == NULL)
		format_ctx_session(&fc, c->srv, c->session);
	fc.c = c;
	fc.m = &ctx->mouse; /* #{mouse_word} in a menu shown by a mouse binding */
	return format_expand(fmt, &fc);
}

/* The items: name key command, or an empty name for a separator. A name
 * that expands to nothing leaves its item out; a separator never comes
 * first. */
static int menu_items(struct cmd_ctx *ctx, struct args *a, struct menu *m, struct peer *c,
		      struct pane *p)
{
	int i = 0, n = 0;
	char *name, *cmd;

	while (i < a->argc) {
		if (*a->argv[i] == '\0') {
			if (n > 0)
				menu_add(m, NULL, NULL, NULL);
			i++;
			continue;
		}
		if (a->argc - i < 3)
			return cmd_error(ctx, "not enough arguments");
		if (cmd_bad_format(ctx, a->argv[i]) || cmd_bad_format(ctx, a->argv[i + 2]))
			return -1;
		name = expand(ctx, a->argv[i], c, p);
		cmd = expand(ctx, a->argv[i + 2], c, p);
		if (*name != '\0') {
			menu_add(m, name, a->argv[i + 1], cmd);
			n++;
		}
		free(name);
		free(cmd);
		i += 3;
	}
	return 0;
}

static int cmd_display_menu(struct cmd_ctx *ctx, struct args *a)
{
	const char *choice = args_get(a, 'C'), *title = args_get(a, 'T');
	struct menu_look look;
	struct target t;
	struct place pl;
	struct menu *m;
	struct peer *c;
	struct options *o;
	char *end, *text;
	long start = -1;
	int x, y, w, h, wait = cmd_can_suspend(ctx);

	if ((c = menu_client(ctx, a, &t)) == NULL)
		return -1;
	if (c->control != NULL)
		return 0; /* a control client has no screen to show it on */
	o = t.p != NULL ? pane_options(t.p) : session_options(c->session);
	if (choice != NULL) {
		start = strtol(choice, &end, 10);
		if (*choice == '\0' || *end != '\0' || start < 0)
			return cmd_error(ctx, "invalid starting choice: %s", choice);
	}
	if (border_lines(ctx, "menu-border-lines", args_get(a, 'b'), o, &look.lines) != 0 ||
	    cmd_bad_format(ctx, title))
		return -1;
	look.style = args_get(a, 's') ? args_get(a, 's') : options_string(o, "menu-style");
	look.selected_style =
		args_get(a, 'H') ? args_get(a, 'H') : options_string(o, "menu-selected-style");
	look.border_style =
		args_get(a, 'S') ? args_get(a, 'S') : options_string(o, "menu-border-style");
	text = title != NULL ? expand(ctx, title, c, t.p) : NULL;
	m = menu_new(text, &look);
	free(text);
	if (menu_items(ctx, a, m, c, t.p) != 0) {
		menu_free(m);
		return -1;
	}
	menu_size(m, c->cols, &w, &h);
	if (c->menu != NULL || c->popup != NULL || w > c->cols || h > c->rows) {
		menu_free(m); /* as tmux: one at a time, and only if it fits */
		return 0;
	}
	place_init(&pl, c, t.p, w, h);
	place_box(&pl, args_get(a, 'x'), args_get(a, 'y'), &x, &y);
	if (ctx->mouse.valid)
		menu_set_mouse(m, &ctx->mouse);
	if (args_has(a, 'O'))
		menu_set_stay_open(m);
	menu_show(c, m, x, y, (int)start, t.p, wait ? ctx : NULL);
	if (wait)
		cmd_suspend(ctx);
	return 0;
}

/* How many times a flag without value was given (-EE). */
static int flag_count(const struct args *a, char flag)
{
	int n = 0;

	for (int i = 0; i < a->nflags; i++)
		n += a->flags[i].flag == flag;
	return n;
}

/* -w or -h: cells, or a percentage of the client's size. */
static int popup_size(struct cmd_ctx *ctx, const char *spec, int full, const char *what, int *out)
{
	char *end;
	long v;

	if (spec == NULL) {
		*out = full / 2;
		return 0;
	}
	v = strtol(spec, &end, 10);
	if (end == spec || (*end != '\0' && strcmp(end, "%") != 0) || v < 0)
		return cmd_error(ctx, "%s invalid", what);
	if (*end == '%')
		v = v * full / 100;
	if (v < 1)
		return cmd_error(ctx, "%s too small", what);
	if (v > full)
		return cmd_error(ctx, "%s too large", what);
	*out = (int)v;
	return 0;
}

static int cmd_display_popup(struct cmd_ctx *ctx, struct args *a)
{
	const char *dir = args_get(a, 'd'), *title = args_get(a, 'T');
	struct popup_args pa;
	struct target t;
	struct place pl;
	struct peer *c;
	struct options *o;
	char *cwd = NULL, *text = NULL, *err = NULL;
	int rc, wait = cmd_can_suspend(ctx);

	if ((c = menu_client(ctx, a, &t)) == NULL)
		return -1;
	if (c->control != NULL)
		return 0; /* a control client has no screen to show it on */
	if (args_has(a, 'C')) {
		popup_close(c);
		return 0;
	}
	memset(&pa, 0, sizeof pa);
	o = t.p != NULL ? pane_options(t.p) : session_options(c->session);
	if (popup_size(ctx, args_get(a, 'w'), c->cols, "width", &pa.w) != 0 ||
	    popup_size(ctx, args_get(a, 'h'), c->rows, "height", &pa.h) != 0 ||
	    border_lines(ctx, "popup-border-lines", args_get(a, 'b'), o, &pa.lines) != 0 ||
	    cmd_bad_format(ctx, title) || cmd_bad_format(ctx, dir))
		return -1;
	if (args_has(a, 'B'))
		pa.lines = BOX_NONE;
	if (c->menu != NULL || c->popup != NULL || (pa.lines != BOX_NONE && (pa.w < 3 || pa.h < 3)))
		return 0; /* as tmux: one at a time, and only with room inside */
	place_init(&pl, c, t.p, pa.w, pa.h);
	place_box(&pl, args_get(a, 'x'), args_get(a, 'y'), &pa.x, &pa.y);
	pa.argv = a->argv;
	pa.argc = a->argc;
	pa.session = t.s != NULL ? t.s : c->session;
	pa.cwd = dir != NULL ? (cwd = expand(ctx, dir, c, t.p)) : pa.session->cwd;
	pa.nenv = args_values(a, 'e', &pa.env);
	pa.title = title != NULL ? (text = expand(ctx, title, c, t.p)) : NULL;
	pa.style = args_get(a, 's') ? args_get(a, 's') : options_string(o, "popup-style");
	pa.border_style =
		args_get(a, 'S') ? args_get(a, 'S') : options_string(o, "popup-border-style");
	pa.close_on_exit = flag_count(a, 'E') > 1 ? 2 : args_has(a, 'E');
	rc = popup_open(c, &pa, wait ? ctx : NULL, &err);
	free(pa.env);
	free(cwd);
	free(text);
	if (rc != 0) {
		cmd_error(ctx, "%s", err);
		free(err);
		return -1;
	}
	if (wait)
		cmd_suspend(ctx);
	return 0;
}

const struct cmd_entry cmd_menu_entries[] = {
	{"display-menu", "menu", "b:c:C:H:Os:S:t:T:x:y:", 1, -1,
	 "[-O] [-b border-lines] [-c target-client] [-C starting-choice] [-H selected-style] "
	 "[-s style] [-S border-style] [-t target-pane] [-T title] [-x position] [-y position] "
	 "name key command ...",
	 cmd_display_menu},
	{"display-popup", "popup", "Bb:Cc:d:e:Eh:s:S:t:T:w:x:y:", 0, -1,
	 "[-BCE] [-b border-lines] [-c target-client] [-d start-directory] [-e environment] "
	 "[-h height] [-s style] [-S border-style] [-t target-pane] [-T title] [-w width] "
	 "[-x position] [-y position] [shell-command]",
	 cmd_display_popup},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
