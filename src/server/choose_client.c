/*
 * choose_client: client mode (choose-client), the attached clients in the
 * mode tree of server/choose.c, one item per client. The preview shows the
 * client's session's current pane and the client's status line, as tmux's.
 * Enter runs the template (by default detach-client); d, x and z detach,
 * detach with SIGHUP and suspend the current client, D, X and Z the tagged.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/format.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "render/status.h"
#include "server/choose_mode.h"
#include "server/server.h"
#include "term/key.h"
#include "util/buf.h"

enum { SORT_NAME, SORT_SIZE, SORT_CREATION, SORT_ACTIVITY };

static char *client_name(struct peer *c)
{
	struct format_ctx fc;

	memset(&fc, 0, sizeof fc);
	fc.srv = c->srv;
	fc.c = c;
	return format_expand("#{client_name}", &fc);
}

/* The variables of client c: its own, its session's, window's and pane's. */
static void client_format(struct peer *c, struct format_ctx *fc)
{
	struct session *s = c->session;

	if (s != NULL && s->current != NULL && s->current->active != NULL)
		format_ctx_pane(fc, c->srv, s->current->active);
	else if (s != NULL)
		format_ctx_session(fc, c->srv, s);
	else
		memset(fc, 0, sizeof *fc);
	fc->srv = c->srv;
	fc->c = c;
}

struct entry {
	struct peer *c;
	char *name;
};

/* As tmux: size ascending, creation and activity newest first; then name. */
static int compare(const void *a, const void *b, int by)
{
	const struct entry *x = a, *y = b;
	int r = 0;

	if (by == SORT_SIZE) {
		r = x->c->cols != y->c->cols
			    ? (x->c->cols < y->c->cols ? -1 : 1)
			    : (x->c->rows > y->c->rows) - (x->c->rows < y->c->rows);
	} else if (by == SORT_CREATION) {
		r = (x->c->created < y->c->created) - (x->c->created > y->c->created);
	} else if (by == SORT_ACTIVITY) {
		r = (x->c->activity < y->c->activity) - (x->c->activity > y->c->activity);
	}
	return r != 0 ? r : strcmp(x->name, y->name);
}

static void build(struct pane *p)
{
	struct entry *e;
	struct format_ctx fc;
	int n = 0, kept = 0;

	for (struct peer *c = p->srv->peers; c != NULL; c = c->next)
		n++;
	e = xcalloc((size_t)n + 1, sizeof *e);
	for (struct peer *c = p->srv->peers; c != NULL; c = c->next) {
		if (c->state != PEER_ATTACHED || c->session == NULL)
			continue;
		client_format(c, &fc);
		if (!choose_kept(p, &fc))
			continue;
		e[kept].c = c;
		e[kept].name = client_name(c);
		kept++;
	}
	choose_order(p, e, (size_t)kept, sizeof *e, compare);
	for (int i = 0; i < kept; i++) {
		char *text;

		client_format(e[i].c, &fc);
		text = format_expand(choose_format(p), &fc);
		choose_add(p, 0, e[i].name, e[i].name, e[i].name, text, e[i].c);
		free(text);
		free(e[i].name);
	}
	free(e);
}

/* The client's current pane above a line and the client's status line (at
 * the top when its status-position is top), as tmux's preview. */
static void preview(struct pane *p, struct choose_item *it, struct choose_area *a, int top,
		    int bottom)
{
	struct peer *c = it->obj;
	struct options *o = session_options(c->session);
	struct grid_cell pen = {.ch = ' ', .width = 1}, *cells;
	int status = options_number(o, "status") != 0, w = a->w - 4, h = bottom - top - 1;
	int at_top = status && strcmp(options_string(o, "status-position"), "top") == 0;
	int y = top + 1, rule, line;

	(void)p;
	if (w < 1 || h < 2 + status || c->session->current == NULL)
		return;
	if (at_top) {
		line = y;
		rule = y + 1;
		y += 2;
	} else {
		rule = bottom - 1 - status;
		line = bottom - 1;
	}
	choose_draw_screen(a, c->session->current->active, 2, y, w, h - 1 - status);
	for (int x = 0; x < w; x++)
		choose_put(a, rule, 2 + x, 0x2500, 1, &pen);
	if (!status || c->cols < 1)
		return;
	cells = xcalloc((size_t)c->cols, sizeof *cells);
	status_build(c, time(NULL), cells, c->cols);
	for (int x = 0; x < w && x < c->cols; x++) {
		if (cells[x].width == 0 || (cells[x].width == 2 && x + 1 >= w))
			continue;
		choose_put(a, line, 2 + x, cells[x].ch == 0 ? ' ' : cells[x].ch, cells[x].width,
			   &cells[x]);
	}
	free(cells);
}

/* "detach-client -t 'name'" (or the others) for each client chosen: the
 * current one (moving to the next line, as tmux) or the tagged. */
static void act(struct peer *by, struct pane *p, int tagged, const char *cmd)
{
	struct choose_item *cur = choose_current(p);
	struct buf cmds;

	buf_init(&cmds);
	for (int i = 0; i < choose_count(p); i++) {
		struct choose_item *it = choose_item(p, i);

		if (tagged ? !it->tagged : it != cur)
			continue;
		if (cmds.len > 0)
			buf_adds(&cmds, " ; ");
		buf_adds(&cmds, cmd);
		buf_adds(&cmds, " -t ");
		parse_quote(&cmds, it->id);
	}
	if (!tagged)
		choose_move_down(p);
	if (cmds.len > 0)
		choose_run_text(by, p, buf_cstr(&cmds));
	buf_free(&cmds);
	if (p->choose != NULL) {
		choose_rebuild(p);
		if (choose_count(p) == 0)
			choose_exit(p);
	}
}

static void detach(struct peer *c, struct pane *p, int tagged)
{
	act(c, p, tagged, "detach-client");
}

/* x and z (X and Z for the tagged): detach with SIGHUP, suspend. */
static int key(struct peer *c, struct pane *p, const struct key *k)
{
	if (k->kind != KEY_CHAR || k->mod != 0)
		return 0;
	if (k->cp == 'x' || k->cp == 'X')
		act(c, p, k->cp == 'X', "detach-client -P");
	else if (k->cp == 'z' || k->cp == 'Z')
		act(c, p, k->cp == 'Z', "suspend-client");
	else
		return 0;
	return 1;
}

static char *start(struct pane *p)
{
	(void)p;
	return NULL;
}

static const char *const sorts[] = {"name", "size", "creation", "activity"};

const struct choose_mode choose_client_mode = {
	.name = "client-mode",
	.format = "#{t/p:client_activity}: session #{session_name}",
	.tmpl = "detach-client -t '%%'",
	.sorts = sorts,
	.nsorts = 4,
	.kill_key = 'd',
	.run_tagged_key = 0,
	.build = build,
	.preview = preview,
	.kill = detach,
	.key = key,
	.start = start,
};
