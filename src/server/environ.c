/* environ: sorted lists of environment variables. */
#include <stdlib.h>
#include <string.h>

#include "server/environ.h"

void environ_init(struct environ *e)
{
	e->first = NULL;
}

static void entry_free(struct environ_entry *x)
{
	free(x->name);
	free(x->value);
	free(x);
}

void environ_clear(struct environ *e)
{
	struct environ_entry *x, *next;

	for (x = e->first; x != NULL; x = next) {
		next = x->next;
		entry_free(x);
	}
	e->first = NULL;
}

struct environ_entry *environ_find(const struct environ *e, const char *name)
{
	struct environ_entry *x;

	for (x = e->first; x != NULL; x = x->next) {
		if (strcmp(x->name, name) == 0)
			return x;
	}
	return NULL;
}

void environ_set(struct environ *e, const char *name, const char *value, int hidden)
{
	struct environ_entry *x = environ_find(e, name), **pp;

	if (x != NULL) {
		free(x->value);
		x->value = value != NULL ? xstrdup(value) : NULL;
		x->hidden = hidden;
		return;
	}
	x = xcalloc(1, sizeof *x);
	x->name = xstrdup(name);
	x->value = value != NULL ? xstrdup(value) : NULL;
	x->hidden = hidden;
	for (pp = &e->first; *pp != NULL && strcmp((*pp)->name, name) < 0; pp = &(*pp)->next)
		;
	x->next = *pp;
	*pp = x;
}

void environ_unset(struct environ *e, const char *name)
{
	struct environ_entry **pp, *x;

	for (pp = &e->first; *pp != NULL; pp = &(*pp)->next) {
		if (strcmp((*pp)->name, name) == 0) {
			x = *pp;
			*pp = x->next;
			entry_free(x);
			return;
		}
	}
}

void environ_load(struct environ *e, char *const *vars)
{
	for (; vars != NULL && *vars != NULL; vars++) {
		const char *eq = strchr(*vars, '=');
		char *name;

		if (eq == NULL || eq == *vars)
			continue;
		name = xstrndup(*vars, eq - *vars);
		environ_set(e, name, eq + 1, 0);
		free(name);
	}
}

void environ_show(const struct environ *e, const char *only, int hidden, struct buf *out)
{
	const struct environ_entry *x;

	for (x = e->first; x != NULL; x = x->next) {
		if (x->hidden != hidden || (only != NULL && strcmp(only, x->name) != 0))
			continue;
		if (x->value == NULL)
			buf_printf(out, "-%s\n", x->name);
		else
			buf_printf(out, "%s=%s\n", x->name, x->value);
	}
}

static void add(char ***v, int *n, const struct environ_entry *x)
{
	*v = xrealloc(*v, sizeof **v * (*n + 2));
	(*v)[(*n)++] = xasprintf("%s=%s", x->name, x->value);
	(*v)[*n] = NULL;
}

char **environ_build(const struct environ *global, const struct environ *session)
{
	const struct environ_entry *x;
	char **v = xcalloc(1, sizeof *v);
	int n = 0;

	for (x = global != NULL ? global->first : NULL; x != NULL; x = x->next) {
		if (x->value != NULL && !x->hidden &&
		    (session == NULL || environ_find(session, x->name) == NULL))
			add(&v, &n, x);
	}
	for (x = session != NULL ? session->first : NULL; x != NULL; x = x->next) {
		if (x->value != NULL && !x->hidden)
			add(&v, &n, x);
	}
	return v;
}
