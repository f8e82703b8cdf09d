/*
 * choose_search: the mode trees' search and filter, as tmux's: C-s (or /)
 * asks for text and goes to the next item that matches it, n and N go to
 * the next and previous match again, f asks for a format that filters the
 * items as -f does. The questions are prompts on the status line of the
 * client that typed the key; an answer is dropped if the mode has gone
 * meanwhile.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server/choose_mode.h"
#include "server/server.h"
#include "term/key.h"

/* A prompt's answer on its way back to the mode that asked. */
struct asked {
	uint32_t pane;
	unsigned serial;
	choose_prompt_fn *fn;
};

static void answered(struct peer *c, const char *text, void *arg)
{
	struct asked *a = arg;
	struct pane *p = pane_find_id(c->srv, a->pane);

	if (p == NULL || p->choose == NULL || choose_serial(p) != a->serial)
		return;
	choose_rebuild(p); /* the objects may have changed while the prompt was open */
	a->fn(c, p, text);
	p = pane_find_id(c->srv, a->pane); /* a command may have closed it */
	if (p != NULL && p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

void choose_prompt(struct peer *c, struct pane *p, const char *label, const char *input, int type,
		   choose_prompt_fn *fn)
{
	struct asked *a;

	if (c == NULL || c->state != PEER_ATTACHED)
		return; /* send-keys without a client: nobody to ask */
	a = xcalloc(1, sizeof *a);
	a->pane = p->id;
	a->serial = choose_serial(p);
	a->fn = fn;
	attach_prompt_call(c, label, input, type, answered, a);
}

int choose_text_has(const char *data, size_t size, const char *text)
{
	return memmem(data, size, text, strlen(text)) != NULL;
}

static int matches(struct pane *p, struct choose_item *it, const char *text)
{
	const struct choose_mode *m = choose_mode_of(p);

	if (m->search != NULL)
		return m->search(p, it, text);
	return strstr(it->name, text) != NULL; /* tmux: the name, case and all */
}

/* The next (back: previous) item that matches the last search, after the
 * current one and round past the end; its ancestors are expanded. */
static void search(struct pane *p, int back)
{
	const char *text = choose_search_text(p);
	int n = choose_count(p), from = choose_current_index(p);

	if (text == NULL || from < 0)
		return;
	for (int k = 1; k < n; k++) {
		int i = ((from + (back ? -k : k)) % n + n) % n;

		if (matches(p, choose_item(p, i), text)) {
			choose_show(p, i);
			return;
		}
	}
}

static void search_answered(struct peer *c, struct pane *p, const char *text)
{
	(void)c;
	choose_set_search(p, text);
	search(p, 0);
}

static void filter_answered(struct peer *c, struct pane *p, const char *text)
{
	(void)c;
	choose_set_filter(p, text); /* empty: no filter */
}

int choose_search_key(struct peer *c, struct pane *p, const struct key *k)
{
	int plain = k->kind == KEY_CHAR && k->mod == 0;
	const char *filter;

	if ((k->kind == KEY_CHAR && k->mod == VTERM_MOD_CTRL && k->cp == 's') ||
	    (plain && k->cp == '/')) {
		choose_prompt(c, p, "(search) ", "", PROMPT_TYPE_SEARCH, search_answered);
	} else if (plain && (k->cp == 'n' || k->cp == 'N')) {
		search(p, k->cp == 'N');
	} else if (plain && k->cp == 'f') {
		filter = choose_filter(p);
		choose_prompt(c, p, "(filter) ", filter != NULL ? filter : "", PROMPT_TYPE_SEARCH,
			      filter_answered);
	} else {
		return 0;
	}
	return 1;
}
