/* Option sets: inheritance of table options and of user options (@name). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd/options.h"
#include "util/buf.h"

static void test_inheritance(void)
{
	struct options *g = options_new(), *s = options_new_child(g);
	char *err = NULL;

	CHECK_STR(options_string(s, "status-left"), "[#{session_name}] ");
	CHECK_INT(options_set(s, "status-left", "mine", 0, &err), 0);
	CHECK_STR(options_string(s, "status-left"), "mine");
	CHECK_STR(options_string(g, "status-left"), "[#{session_name}] ");
	options_unset(s, "status-left");
	CHECK_STR(options_string(s, "status-left"), "[#{session_name}] ");
	options_free(s);
	options_free(g);
}

static void test_user_options(void)
{
	struct options *g = options_new(), *s = options_new_child(g);
	char *err = NULL;
	struct buf out;

	CHECK(options_user(s, "@x") == NULL);
	CHECK_INT(options_set(g, "@x", "global", 0, &err), 0);
	CHECK_STR(options_user(s, "@x"), "global");
	CHECK(!options_is_set(s, "@x"));
	CHECK_INT(options_set(s, "@x", "mine", 0, &err), 0);
	CHECK(options_is_set(s, "@x"));
	CHECK_INT(options_set(s, "@x", "+more", 1, &err), 0);
	CHECK_STR(options_string(s, "@x"), "mine+more");
	CHECK_STR(options_string(g, "@x"), "global");

	buf_init(&out);
	options_show(s, "@x", 0, 0, 0, &out);
	CHECK_STR(buf_cstr(&out), "@x mine+more\n");
	buf_free(&out);
	buf_init(&out);
	options_show(s, NULL, 0, 0, 1, &out);
	CHECK_STR(buf_cstr(&out), "@x mine+more\n"); /* the global @x is overridden */
	buf_free(&out);

	options_unset(s, "@x");
	CHECK_STR(options_string(s, "@x"), "global");
	options_unset(g, "@x");
	CHECK(options_user(s, "@x") == NULL);
	CHECK_STR(options_string(s, "@x"), "");
	CHECK_INT(options_set(s, "@y", "left for options_free", 0, &err), 0);
	options_free(s);
	options_free(g);
}

/* A child set holds only what is set on it: several values, one unset
 * from the middle, the others kept; a three-level chain falls through. */
static void test_sparse_child(void)
{
	struct options *g = options_new(), *w = options_new_child(g), *p = options_new_child(w);
	char *err = NULL;

	CHECK_INT(options_set(w, "status-left", "L", 0, &err), 0);
	CHECK_INT(options_set(w, "status-right", "R", 0, &err), 0);
	CHECK_INT(options_set(w, "history-limit", "77", 0, &err), 0);
	CHECK_INT(options_set(w, "status-left", "L2", 0, &err), 0);
	options_unset(w, "status-right");
	CHECK(!options_is_set(w, "status-right"));
	CHECK(options_is_set(w, "status-left"));
	CHECK_STR(options_string(p, "status-left"), "L2");
	CHECK_INT(options_number(p, "history-limit"), 77);
	CHECK_STR(options_string(p, "status-right"), options_string(g, "status-right"));
	CHECK_INT(options_set(p, "history-limit", "5", 0, &err), 0);
	CHECK_INT(options_number(p, "history-limit"), 5);
	CHECK_INT(options_number(w, "history-limit"), 77);
	options_unset(p, "history-limit");
	options_unset(p, "history-limit");
	CHECK_INT(options_number(p, "history-limit"), 77);
	options_free(p);
	options_free(w);
	options_free(g);
}

/* Every name of the table is found (by binary search), and names beside
 * them are not. */
static void test_lookup(void)
{
	static const char *const known[] = {"activity-action", "base-index",	  "history-limit",
					    "status-right",    "word-separators", "wrap-search"};
	static const char *const unknown[] = {
		"", "a", "activity-actio", "activity-actionx", "history", "zzz", "wrap-searchz"};

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		CHECK(options_def(known[i]) != NULL &&
		      strcmp(options_def(known[i])->name, known[i]) == 0);
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		CHECK(options_def(unknown[i]) == NULL);
}

/* Every change to any set shows in options_generation. */
static void test_generation(void)
{
	struct options *g = options_new(), *s = options_new_child(g);
	unsigned long gen = options_generation();
	char *err = NULL;

	CHECK_INT(options_set(g, "terminal-features", "xterm*:sync", 0, &err), 0);
	CHECK(options_generation() != gen);
	gen = options_generation();
	CHECK_STR(options_string(s, "terminal-features"), "xterm*:sync");
	CHECK(options_generation() == gen);
	options_unset(g, "terminal-features");
	CHECK(options_generation() != gen);
	gen = options_generation();
	CHECK_INT(options_set(s, "@x", "1", 0, &err), 0);
	CHECK(options_generation() != gen);
	options_free(s);
	options_free(g);
}

/* customize mode walks the table in name order. */
static void test_walk(void)
{
	const struct option_def *d, *prev = NULL;
	size_t n = 0;

	for (; (d = options_def_at(n)) != NULL; n++) {
		CHECK(options_def(d->name) == d);
		CHECK(prev == NULL || strcmp(prev->name, d->name) < 0);
		prev = d;
	}
	CHECK(n > 50);
	CHECK(options_def_at(n + 5) == NULL);
}

int main(void)
{
	test_lookup();
	test_walk();
	test_generation();
	test_inheritance();
	test_sparse_child();
	test_user_options();
	CHECK_DONE();
}
