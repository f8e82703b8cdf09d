/*
 * popup_pane: the popup menu's "To Horizontal Pane" and "To Vertical
 * Pane", as in tmux 3.3. The client's active pane is split (as
 * split-window -h or -v does) and the new pane takes over the popup's
 * program, its pty and its screen; the popup closes without hanging the
 * program up, and the program is told its new size.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "server/layout.h"
#include "server/popup.h"
#include "server/popup_int.h"
#include "server/server.h"
#include "util/log.h"

void popup_to_pane(struct popup *p, int horizontal)
{
	struct peer *c = p->c;
	struct window *w = c->session != NULL ? c->session->current : NULL;
	struct pane *target = w != NULL ? w->active : NULL, *np;
	struct pane_adopt pa;
	struct layout *leaf;
	int fd;

	if (target == NULL || target->layout == NULL || p->exited || p->fd < 0)
		return;
	window_unzoom(w);
	leaf = layout_split(target->layout, horizontal, -1, 0, NULL);
	if (leaf == NULL)
		return; /* no room: the popup stays */
	/* a descriptor of the pane's own: the popup closes its one */
	fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
	if (fd < 0) {
		log_debug("popup to pane: dup: %s", strerror(errno));
		layout_remove(&w->layout, leaf);
		window_relayout(w);
		return;
	}
	layout_fix_offsets(w->layout);
	memset(&pa, 0, sizeof pa);
	pa.fd = fd;
	pa.pid = p->pid;
	pa.tty = p->tty;
	pa.grid = p->grid;
	pa.cwd = c->session->cwd;
	np = pane_adopt(w, &pa, leaf->sx, leaf->sy);
	leaf->pane = np;
	np->layout = leaf;
	np->next = target->next; /* after the pane split, as split-window */
	target->next = np;
	popup_close_given(p);
	window_relayout(w);
	window_set_active(w, np);
	attach_mark_client(c);
}
