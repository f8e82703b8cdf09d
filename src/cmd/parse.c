/* parse: splitting a config line into words with tmux's quoting rules. */
#include <stdlib.h>
#include <string.h>

#include "cmd/parse.h"
#include "util/buf.h"

static void push_word(char ***argv, int *argc, struct buf *w)
{
	*argv = xrealloc(*argv, sizeof **argv * (*argc + 2));
	(*argv)[(*argc)++] = buf_detach(w);
	(*argv)[*argc] = NULL;
}

/* A backslash escape inside double quotes or bare words. */
static const char *parse_escape(const char *p, struct buf *w)
{
	switch (*p) {
	case 'n':
		buf_addc(w, '\n');
		break;
	case 't':
		buf_addc(w, '\t');
		break;
	case 'r':
		buf_addc(w, '\r');
		break;
	case 'e':
		buf_addc(w, '\033');
		break;
	case '\0':
		return p;
	default:
		buf_addc(w, *p);
		break;
	}
	return p + 1;
}

int parse_words(const char *line, char ***argv, int *argc, char **err)
{
	const char *p = line;
	struct buf w;
	int in_word = 0;

	*argv = xcalloc(1, sizeof **argv);
	*argc = 0;
	buf_init(&w);
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (in_word)
				push_word(argv, argc, &w);
			in_word = 0;
			p++;
		} else if (*p == '#' && !in_word) {
			break;
		} else if (*p == ';' && (!in_word || p[1] == '\0' || p[1] == ' ')) {
			if (in_word)
				push_word(argv, argc, &w);
			in_word = 0;
			buf_addc(&w, ';');
			push_word(argv, argc, &w);
			p++;
		} else if (*p == '\'') {
			const char *end = strchr(p + 1, '\'');

			if (end == NULL)
				goto unterminated;
			buf_add(&w, p + 1, end - p - 1);
			in_word = 1;
			p = end + 1;
		} else if (*p == '"') {
			for (p++; *p != '"';) {
				if (*p == '\0')
					goto unterminated;
				if (*p == '\\')
					p = parse_escape(p + 1, &w);
				else
					buf_addc(&w, *p++);
			}
			in_word = 1;
			p++;
		} else if (*p == '\\') {
			p = parse_escape(p + 1, &w);
			in_word = 1;
		} else {
			buf_addc(&w, *p++);
			in_word = 1;
		}
	}
	if (in_word)
		push_word(argv, argc, &w);
	buf_free(&w);
	return 0;

unterminated:
	buf_free(&w);
	parse_free(*argv, *argc);
	*argv = NULL;
	*err = xstrdup("unterminated quote");
	return -1;
}

void parse_free(char **argv, int argc)
{
	int i;

	if (argv == NULL)
		return;
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}
