/* prompt_history: the server's prompt history and its file. */
#include "server/prompt_history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"
#include "server/server.h"
#include "util/log.h"

static const char *const type_names[PROMPT_NTYPES] = {"command", "search", "target",
						      "window-target"};

int prompt_type_parse(const char *name)
{
	for (int t = 0; t < PROMPT_NTYPES; t++) {
		if (strcmp(name, type_names[t]) == 0)
			return t;
	}
	return -1;
}

const char *prompt_type_name(int type)
{
	return type >= 0 && type < PROMPT_NTYPES ? type_names[type] : "command";
}

/* history-file with ~/ for $HOME, as tmux; NULL when unset or relative. */
static char *history_path(const struct server *srv)
{
	const char *f = options_string(srv->options, "history-file");
	const char *home = getenv("HOME");

	if (*f == '/')
		return xstrdup(f);
	if (f[0] == '~' && f[1] == '/' && home != NULL)
		return xasprintf("%s%s", home, f + 1);
	return NULL;
}

/* Keep at most the limit, dropping the oldest. */
static void trim(struct prompt_history *h, int type, long limit)
{
	int drop = h->n[type] - (int)limit;

	if (drop <= 0)
		return;
	for (int i = 0; i < drop; i++)
		free(h->items[type][i]);
	memmove(h->items[type], h->items[type] + drop,
		(size_t)(h->n[type] - drop) * sizeof *h->items[type]);
	h->n[type] -= drop;
}

static void add_line(struct server *srv, int type, const char *line)
{
	struct prompt_history *h = &srv->prompt_history;
	int n = h->n[type];

	if (*line == '\0' || (n > 0 && strcmp(h->items[type][n - 1], line) == 0))
		return;
	h->items[type] = xrealloc(h->items[type], (size_t)(n + 1) * sizeof *h->items[type]);
	h->items[type][n] = xstrdup(line);
	h->n[type] = n + 1;
	trim(h, type, options_number(srv->options, "prompt-history-limit"));
}

/* The whole file again, "type:line" per entry: it is small (the limit) and
 * a rewrite leaves no half-appended line when the server dies. */
static void save(const struct server *srv)
{
	char *path = history_path(srv);
	FILE *f;

	if (path == NULL)
		return;
	f = fopen(path, "w");
	if (f == NULL) {
		log_debug("history-file %s: %s", path, strerror(errno));
		free(path);
		return;
	}
	for (int t = 0; t < PROMPT_NTYPES; t++) {
		for (int i = 0; i < srv->prompt_history.n[t]; i++)
			fprintf(f, "%s:%s\n", type_names[t], srv->prompt_history.items[t][i]);
	}
	if (fclose(f) != 0)
		log_debug("history-file %s: %s", path, strerror(errno));
	free(path);
}

void prompt_history_add(struct server *srv, int type, const char *line)
{
	if (type < 0 || type >= PROMPT_NTYPES || strchr(line, '\n') != NULL)
		return;
	add_line(srv, type, line);
	save(srv);
}

int prompt_history_count(const struct server *srv, int type)
{
	return srv->prompt_history.n[type];
}

const char *prompt_history_item(const struct server *srv, int type, int i)
{
	return srv->prompt_history.items[type][i];
}

void prompt_history_clear(struct server *srv, int type)
{
	struct prompt_history *h = &srv->prompt_history;

	for (int t = 0; t < PROMPT_NTYPES; t++) {
		if (type >= 0 && t != type)
			continue;
		trim(h, t, 0);
	}
	save(srv);
}

void prompt_history_show(const struct server *srv, int type, struct buf *out)
{
	for (int t = 0; t < PROMPT_NTYPES; t++) {
		if (type >= 0 && t != type)
			continue;
		buf_printf(out, "History for %s:\n\n", type_names[t]);
		for (int i = 0; i < srv->prompt_history.n[t]; i++)
			buf_printf(out, "%d: %s\n", i + 1, srv->prompt_history.items[t][i]);
		buf_addc(out, '\n');
	}
}

/* A line is "type:text" for a known type, else a command (older files). */
static void load_line(struct server *srv, char *line)
{
	char *colon = strchr(line, ':');
	int type = -1;

	if (colon != NULL) {
		*colon = '\0';
		type = prompt_type_parse(line);
		*colon = ':';
	}
	if (type < 0)
		add_line(srv, PROMPT_TYPE_COMMAND, line);
	else
		add_line(srv, type, colon + 1);
}

void prompt_history_load(struct server *srv)
{
	char *path = history_path(srv), *line = NULL;
	size_t size = 0;
	ssize_t len;
	FILE *f;

	if (path == NULL)
		return;
	f = fopen(path, "r");
	if (f == NULL) {
		if (errno != ENOENT)
			log_debug("history-file %s: %s", path, strerror(errno));
		free(path);
		return;
	}
	while ((len = getline(&line, &size, f)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		load_line(srv, line);
	}
	free(line);
	fclose(f);
	free(path);
}

void prompt_history_free(struct server *srv)
{
	for (int t = 0; t < PROMPT_NTYPES; t++) {
		trim(&srv->prompt_history, t, 0);
		free(srv->prompt_history.items[t]);
		srv->prompt_history.items[t] = NULL;
	}
}
