/*
 * test_keys: key tables (bind, rebind, unbind, lookup), tmux's defaults,
 * list-keys lines, joining words back into command text and command-prompt
 * templates; the parser must read the joined text back word for word.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd/keys.h"
#include "cmd/parse.h"

static struct key K(const char *name) {
	struct key k = {0};

	if (key_parse(name, &k) != 0) {
		fprintf(stderr, "bad key name %s\n", name);
		check_failures++;
	}
	return k;
}

static const char *
lookup(struct key_tables *kt, const char *table, const char *key)
{
	struct key k = K(key);
	const struct key_binding *b = keys_lookup(kt, table, &k);

	return b != NULL ? b->cmd : NULL;
}

static void test_bind_unbind(void)
{
	struct key_tables *kt = keys_new();
	struct key k = K("F5");

	CHECK(lookup(kt, "root", "F5") == NULL);
	keys_bind(kt, "root", &k, "new-window", 0, NULL);
	CHECK_STR(lookup(kt, "root", "F5"), "new-window");
	keys_bind(kt, "root", &k, "split-window -h", 1, "split");
	CHECK_STR(lookup(kt, "root", "F5"), "split-window -h");
	CHECK_INT(keys_lookup(kt, "root", &k)->repeat, 1);
	CHECK_STR(keys_lookup(kt, "root", &k)->note, "split");
	CHECK(lookup(kt, "prefix", "F5") == NULL);
	/* rebinding with the binding's own strings (bind-key -N on its own) */
	keys_bind(kt, "root", &k, keys_lookup(kt, "root", &k)->cmd, 1,
		  keys_lookup(kt, "root", &k)->note);
	CHECK_STR(lookup(kt, "root", "F5"), "split-window -h");
	CHECK_STR(keys_lookup(kt, "root", &k)->note, "split");
	/* a binding made from a literal C0 byte is the C-x one */
	k = (struct key){.kind = KEY_CHAR, .cp = 0x02};
	keys_bind(kt, "custom", &k, "send-prefix", 0, NULL);
	CHECK_STR(lookup(kt, "custom", "C-b"), "send-prefix");
	CHECK(keys_table(kt, "custom", 0) != NULL);
	CHECK(keys_table(kt, "nosuch", 0) == NULL);
	k = K("F5");
	CHECK_INT(keys_unbind(kt, "root", &k), 0);
	CHECK_INT(keys_unbind(kt, "root", &k), -1);
	CHECK(lookup(kt, "root", "F5") == NULL);
	/* C-m is the key Enter: one binding */
	k = K("C-m");
	keys_bind(kt, "custom", &k, "a", 0, NULL);
	CHECK_STR(lookup(kt, "custom", "Enter"), "a");
	k = K("Enter");
	keys_bind(kt, "custom", &k, "b", 0, NULL);
	CHECK_STR(lookup(kt, "custom", "C-m"), "b");
	CHECK_INT(keys_unbind(kt, "custom", &k), 0);
	CHECK(lookup(kt, "custom", "C-m") == NULL);
	keys_unbind_all(kt, "custom");
	CHECK(lookup(kt, "custom", "C-b") == NULL);
	CHECK(keys_table(kt, "custom", 0) == NULL); /* empty tables go, as in tmux */
	keys_free(kt);
}

static void test_defaults(void)
{
	struct key_tables *kt = keys_new();
	struct key up = K("Up");

	keys_add_defaults(kt);
	CHECK_STR(lookup(kt, "prefix", "c"), "new-window");
	CHECK_STR(lookup(kt, "prefix", "%"), "split-window -h");
	CHECK_STR(lookup(kt, "prefix", "\""), "split-window");
	CHECK_STR(lookup(kt, "prefix", "d"), "detach-client");
	CHECK_STR(lookup(kt, "prefix", "C-b"), "send-prefix");
	CHECK_STR(lookup(kt, "prefix", "3"), "select-window -t :=3");
	CHECK_STR(lookup(kt, "prefix", "M-5"), "select-layout tiled");
	CHECK_STR(lookup(kt, "prefix", "C-Left"), "resize-pane -L");
	CHECK_STR(lookup(kt, "prefix", "z"), "resize-pane -Z");
	CHECK_INT(keys_lookup(kt, "prefix", &up)->repeat, 1);
	CHECK_STR(keys_lookup(kt, "prefix", &up)->note, "Select the pane above the active pane");
	CHECK(lookup(kt, "root", "c") == NULL);
	/* tmux's mouse bindings */
	CHECK_STR(lookup(kt, "root", "MouseDown1Pane"), "select-pane -t = \\; send-keys -M");
	CHECK_STR(lookup(kt, "root", "MouseDrag1Border"), "resize-pane -M");
	CHECK_STR(lookup(kt, "root", "MouseDown1Status"), "select-window -t =");
	CHECK_STR(lookup(kt, "copy-mode-vi", "MouseDragEnd1Pane"),
		  "send-keys -X copy-pipe-and-cancel");
	CHECK_STR(lookup(kt, "copy-mode", "WheelDownPane"),
		  "select-pane \\; send-keys -X -N 5 scroll-down");
	CHECK(lookup(kt, "root", "MouseUp1Pane") == NULL);
	keys_free(kt);
}

/* Mouse keys list after the characters and before the other special
 * keys, by event, button and place, as tmux lists them. */
static void test_mouse_order(void)
{
	struct key_tables *kt = keys_new();
	struct buf out;
	struct key k;
	static const char *const keys[] = {"F1",
					   "M-MouseDown1Pane",
					   "WheelUpPane",
					   "MouseDrag1Border",
					   "MouseDrag1Pane",
					   "MouseDown3Status",
					   "z"};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		CHECK(key_parse(keys[i], &k) == 0);
		keys_bind(kt, "t", &k, "x", 0, NULL);
	}
	buf_init(&out);
	keys_list(kt, "t", NULL, 0, &out);
	CHECK_STR(buf_cstr(&out), "bind-key -T t z                x\n"
				  "bind-key -T t MouseDown3Status x\n"
				  "bind-key -T t MouseDrag1Pane   x\n"
				  "bind-key -T t MouseDrag1Border x\n"
				  "bind-key -T t WheelUpPane      x\n"
				  "bind-key -T t F1               x\n"
				  "bind-key -T t M-MouseDown1Pane x\n");
	buf_free(&out);
	keys_free(kt);
}

static void test_list(void)
{
	struct key_tables *kt = keys_new();
	struct key k;
	struct buf b;

	k = K("c");
	keys_bind(kt, "prefix", &k, "new-window", 0, "Create a window");
	k = K("Up");
	keys_bind(kt, "prefix", &k, "select-pane -U", 1, NULL);
	k = K("C-b");
	keys_bind(kt, "prefix", &k, "send-prefix", 0, NULL);
	k = K(";");
	keys_bind(kt, "prefix", &k, "last-pane", 0, NULL);
	k = K("F5");
	keys_bind(kt, "root", &k, "new-window", 0, NULL);
	buf_init(&b);
	CHECK_INT(keys_list(kt, NULL, NULL, 0, &b), 0);
	/* tables by name, plain keys before special and modified ones */
	CHECK_STR(buf_cstr(&b), "bind-key    -T prefix C-b send-prefix\n"
				"bind-key    -T prefix \\;  last-pane\n"
				"bind-key    -T prefix c   new-window\n"
				"bind-key -r -T prefix Up  select-pane -U\n"
				"bind-key    -T root   F5  new-window\n");
	b.len = 0;
	k = K("Up");
	CHECK_INT(keys_list(kt, "prefix", &k, 0, &b), 0);
	CHECK_STR(buf_cstr(&b), "bind-key -r -T prefix Up select-pane -U\n");
	b.len = 0;
	CHECK_INT(keys_list(kt, "prefix", NULL, 1, &b), 0);
	CHECK_STR(buf_cstr(&b), "c   Create a window\n");
	CHECK_INT(keys_list(kt, "nosuch", NULL, 0, &b), -1);
	/* tmux's spelling of keys that are special to the parser */
	keys_unbind_all(kt, "prefix");
	keys_unbind_all(kt, "root");
	k = K("%");
	keys_bind(kt, "prefix", &k, "split-window -h", 0, NULL);
	k = K("\"");
	keys_bind(kt, "prefix", &k, "split-window", 0, NULL);
	k = K("M-{");
	keys_bind(kt, "prefix", &k, "swap-pane", 0, NULL);
	b.len = 0;
	keys_list(kt, NULL, NULL, 0, &b);
	/* no -r anywhere: no column for it */
	CHECK_STR(buf_cstr(&b), "bind-key -T prefix \\\"    split-window\n"
				"bind-key -T prefix \\%    split-window -h\n"
				"bind-key -T prefix \"M-{\" swap-pane\n");
	buf_free(&b);
	keys_free(kt);
}

/* join then parse gives the words back */
static void check_round_trip(int argc, char **argv)
{
	char *text = keys_join_words(argc, argv), **out = NULL, *err = NULL;
	int n = 0;

	if (parse_words(text, &out, &n, &err) != 0) {
		fprintf(stderr, "parse of \"%s\" failed: %s\n", text, err);
		check_failures++;
		free(err);
		free(text);
		return;
	}
	CHECK_INT(n, argc);
	for (int i = 0; i < n && i < argc; i++)
		CHECK_STR(out[i], argv[i]);
	parse_free(out, n);
	free(text);
}

static void test_join(void)
{
	char *a[] = {"confirm-before", "-p", "kill-pane #P? (y/n)", "kill-pane"};
	char *b[] = {"display-message", "a \"quoted\" $HOME \\ word", "", ";", "new-window"};
	char *plain[] = {"select-window", "-t", ":=1"};
	char *t;

	check_round_trip(4, a);
	check_round_trip(5, b);
	t = keys_join_words(4, a);
	CHECK_STR(t, "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane");
	free(t);
	t = keys_join_words(3, plain);
	CHECK_STR(t, "select-window -t :=1");
	free(t);
}

static void test_template(void)
{
	char *r1[] = {"new-window -n x"};
	char *r2[] = {"it's", "b\"c"};
	char *t, **argv = NULL, *err = NULL;
	int argc = 0;

	t = keys_template("%1", r1, 1);
	CHECK_STR(t, "new-window -n x");
	free(t);
	t = keys_template("rename-window -- '%%'", r2, 2);
	CHECK_STR(t, "rename-window -- 'it'\\''s'");
	CHECK_INT(parse_words(t, &argv, &argc, &err), 0);
	CHECK_INT(argc, 3);
	if (argc == 3)
		CHECK_STR(argv[2], "it's");
	parse_free(argv, argc);
	free(t);
	t = keys_template("a \"%2\" %1 100%", r2, 2);
	CHECK_STR(t, "a \"b\\\"c\" it's 100%");
	free(t);
	t = keys_template("x %3", r2, 2); /* a missing response is empty */
	CHECK_STR(t, "x ");
	free(t);
}

/* Every list-keys line parses back to the same key and command. */
static void test_list_round_trip(void)
{
	static const char *names[] = {"\"",   "'",    ";",   "#",   "$", "~",	  "{",	  "}",
				      "C-\\", "M-\"", "M-#", "M-$", "%", "Space", "BTab", "F12"};
	struct key_tables *kt = keys_new();
	struct buf b;
	char *line, *save = NULL;
	int n = 0;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct key k = K(names[i]);

		keys_bind(kt, "t", &k, "display-message \"a b\"", 0, NULL);
	}
	buf_init(&b);
	keys_list(kt, "t", NULL, 0, &b);
	for (line = strtok_r(buf_cstr(&b), "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save), n++) {
		char **argv = NULL, *err = NULL;
		int argc = 0;
		struct key k;

		if (parse_words(line, &argv, &argc, &err) != 0) {
			fprintf(stderr, "cannot parse: %s (%s)\n", line, err);
			check_failures++;
			free(err);
			continue;
		}
		CHECK_INT(argc, 6);
		if (argc == 6) {
			CHECK_INT(key_parse(argv[3], &k), 0);
			CHECK(keys_lookup(kt, "t", &k) != NULL);
			CHECK_STR(argv[5], "a b");
		}
		parse_free(argv, argc);
	}
	CHECK_INT(n, sizeof names / sizeof names[0]);
	buf_free(&b);
	keys_free(kt);
}

int main(void)
{
	test_bind_unbind();
	test_defaults();
	test_mouse_order();
	test_list();
	test_join();
	test_list_round_trip();
	test_template();
	CHECK_DONE();
}
