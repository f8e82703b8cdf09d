/*
 * The man page's option reference against the option table: every option,
 * its scope, values and default, with its line of help. The reference in
 * doc/pmux.1 is this program's output; with --write it is brought up to
 * date there, so that a new option cannot go undocumented unnoticed.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd/options.h"
#include "util/buf.h"

#define BEGIN_MARK ".\\\" BEGIN OPTION REFERENCE (tests/unit/test_options_doc.c --write)\n"
#define END_MARK ".\\\" END OPTION REFERENCE\n"
#define LONG_DEFAULT 48 /* longer defaults are left to show-options */

/* Text for roff: backslashes and hyphens escaped, a leading dot guarded. */
static void roff(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i == 0 && (s[i] == '.' || s[i] == '\''))
			buf_add(b, "\\&", 2);
		if (s[i] == '\\')
			buf_add(b, "\\e", 2);
		else if (s[i] == '-')
			buf_add(b, "\\-", 2);
		else
			buf_add(b, &s[i], 1);
	}
}

static void roff_str(struct buf *b, const char *s)
{
	roff(b, s, strlen(s));
}

/* The values an option takes, after its name. */
static void values(struct buf *b, const struct option_def *d)
{
	const char *c, *comma;

	switch (d->type) {
	case OPTION_FLAG:
		buf_adds(b, " [\\fBon\\fR | \\fBoff\\fR]");
		break;
	case OPTION_CHOICE:
		buf_adds(b, " [");
		for (c = d->choices; c != NULL; c = comma != NULL ? comma + 1 : NULL) {
			comma = strchr(c, ',');
			buf_printf(b, "%s\\fB", c == d->choices ? "" : " | ");
			roff(b, c, comma != NULL ? (size_t)(comma - c) : strlen(c));
			buf_adds(b, "\\fR");
		}
		buf_adds(b, "]");
		break;
	case OPTION_NUMBER:
		buf_adds(b, " \\fInumber\\fR");
		break;
	case OPTION_KEY:
		buf_adds(b, " \\fIkey\\fR");
		break;
	case OPTION_ARRAY:
		buf_adds(b, "[\\fIN\\fR] \\fIstring\\fR");
		break;
	case OPTION_STYLE:
		buf_adds(b, " \\fIstyle\\fR");
		break;
	case OPTION_COLOUR:
		buf_adds(b, " \\fIcolour\\fR");
		break;
	case OPTION_STRING:
		buf_adds(b, " \\fIstring\\fR");
		break;
	}
}

static const char *scope_name(enum option_scope s)
{
	switch (s) {
	case OPTION_SERVER:
		return "server";
	case OPTION_WINDOW:
		return "window";
	case OPTION_PANE:
		return "pane";
	case OPTION_SESSION:
		break;
	}
	return "session";
}

/* The show-options flags that print an option's global value. */
static const char *show_flags(const struct option_def *d)
{
	switch (options_scope(d)) {
	case OPTION_SERVER:
		return "\\-s";
	case OPTION_WINDOW:
	case OPTION_PANE:
		return "\\-gw";
	case OPTION_SESSION:
		break;
	}
	return "\\-g";
}

static void default_text(struct buf *b, const struct option_def *d)
{
	const char *def = d->def != NULL ? d->def : "";

	if (d->type == OPTION_NUMBER && d->max == INT_MAX && d->min != 0)
		buf_printf(b, " At least %ld.", d->min);
	else if (d->type == OPTION_NUMBER && (d->min != 0 || d->max != INT_MAX))
		buf_printf(b, " From %ld to %ld.", d->min, d->max);
	if (*def == '\0') {
		buf_adds(b, " Empty by default.");
	} else if (strlen(def) > LONG_DEFAULT || strchr(def, '\n') != NULL) {
		buf_printf(b, " The default is tmux's; \\fBshow\\-options %s ", show_flags(d));
		roff_str(b, d->name);
		buf_adds(b, "\\fR prints it.");
	} else {
		buf_adds(b, " Default: \\fB");
		roff_str(b, def);
		buf_adds(b, "\\fR.");
	}
}

static void entry(struct buf *b, const struct option_def *d)
{
	const char *help = options_help(d->name);

	buf_adds(b, ".TP\n\\fB");
	roff_str(b, d->name);
	buf_adds(b, "\\fR");
	values(b, d);
	buf_printf(b, "\n(%s) ", scope_name(options_scope(d)));
	CHECK(help != NULL);
	if (help != NULL)
		roff_str(b, help);
	default_text(b, d);
	buf_adds(b, "\n");
}

static void reference(struct buf *b)
{
	const struct option_def *d;

	buf_adds(b, BEGIN_MARK);
	for (size_t i = 0; (d = options_def_at(i)) != NULL; i++)
		entry(b, d);
	buf_adds(b, END_MARK);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[8192];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_add(&b, "", 1);
	*len = b.len - 1;
	return b.data;
}

/* The man page with its reference replaced by want; NULL without markers. */
static char *replaced(const char *page, const struct buf *want, size_t *len)
{
	const char *from = strstr(page, BEGIN_MARK), *to = strstr(page, END_MARK);
	struct buf b;

	if (from == NULL || to == NULL || to < from)
		return NULL;
	to += strlen(END_MARK);
	buf_init(&b);
	buf_add(&b, page, (size_t)(from - page));
	buf_add(&b, want->data, want->len);
	buf_add(&b, to, strlen(to));
	*len = b.len;
	return b.data;
}

static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len) {
		if (f != NULL)
			fclose(f);
		return -1;
	}
	return fclose(f);
}

int main(int argc, char **argv)
{
	const char *path = PMUX_SOURCE_DIR "/doc/pmux.1";
	int write = argc > 1 && strcmp(argv[1], "--write") == 0;
	size_t len, newlen;
	char *page, *want_page;
	struct buf want;

	buf_init(&want);
	reference(&want);
	page = read_file(path, &len);
	CHECK(page != NULL);
	want_page = page != NULL ? replaced(page, &want, &newlen) : NULL;
	CHECK(want_page != NULL);
	if (want_page != NULL && (newlen != len || memcmp(want_page, page, len) != 0)) {
		if (write) {
			CHECK_INT(write_file(path, want_page, newlen), 0);
		} else {
			fprintf(stderr, "doc/pmux.1: the option reference is out of date; "
					"run tests/unit/test_options_doc --write from the build\n");
			check_failures++;
		}
	}
	free(want_page);
	free(page);
	buf_free(&want);
	return check_failures != 0;
}
