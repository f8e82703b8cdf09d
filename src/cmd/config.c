/* config: a file of commands, one per line, with '\' continuation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/config.h"
#include "cmd/parse.h"

static void config_line(struct server *srv, const char *path, int lineno, const char *line,
			struct buf *errors)
{
	struct cmd_ctx ctx;
	char **argv, *err = NULL;
	int argc;

	if (parse_words(line, &argv, &argc, &err) != 0) {
		buf_printf(errors, "%s:%d: %s\n", path, lineno, err);
		free(err);
		return;
	}
	cmd_ctx_init(&ctx, srv, NULL);
	ctx.file = path;
	ctx.line = lineno;
	cmd_run(&ctx, argc, argv);
	buf_add(errors, ctx.err.data, ctx.err.len);
	cmd_ctx_free(&ctx);
	parse_free(argv, argc);
}

int config_load(struct server *srv, const char *path, struct buf *errors)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct buf joined;
	int lineno = 0, first = 0;

	if (f == NULL) {
		buf_printf(errors, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	buf_init(&joined);
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (joined.len == 0)
			first = lineno;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\\') {
			buf_add(&joined, line, (size_t)n - 1);
			continue;
		}
		buf_add(&joined, line, (size_t)n);
		config_line(srv, path, first, buf_cstr(&joined), errors);
		joined.len = 0;
	}
	if (joined.len > 0)
		config_line(srv, path, first, buf_cstr(&joined), errors);
	buf_free(&joined);
	free(line);
	fclose(f);
	return 0;
}
