/* Unit tests for the command parser: tmux's config syntax. */
#include <stdlib.h>

#include "check.h"
#include "cmd/parse.h"

static struct parse_result r;

/* Parse text as file "f" from line 1, with conditions taken literally. */
static int parse(const char *text)
{
	parse_result_free(&r);
	return parse_commands(text, "f", 1, &r);
}

static const char *word(int cmd, int i)
{
	if (cmd >= r.ncmds || i >= r.cmds[cmd].argc)
		return NULL;
	return r.cmds[cmd].argv[i];
}

static const char *errors(void)
{
	return r.errors.len > 0 ? buf_cstr(&r.errors) : "";
}

static void test_words_and_quotes(void)
{
	CHECK_INT(parse("set -g status-left 'a b' \"c d\" e\\ f"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_INT(r.cmds[0].argc, 6);
	CHECK_STR(word(0, 3), "a b");
	CHECK_STR(word(0, 4), "c d");
	CHECK_STR(word(0, 5), "e f");
	CHECK_INT(r.cmds[0].line, 1);

	/* single quotes are literal; quotes join with bare text */
	CHECK_INT(parse("x 'a\\n$HOME' pre\"mid\"'post' '' \"\""), 0);
	CHECK_STR(word(0, 1), "a\\n$HOME");
	CHECK_STR(word(0, 2), "premidpost");
	CHECK_STR(word(0, 3), "");
	CHECK_STR(word(0, 4), "");
	CHECK_INT(r.cmds[0].argc, 5);

	/* #{…} formats stay one word with their spaces, ';' and '}' */
	CHECK_INT(parse("display #{?#{==:a,b},x y;z,w} #{pane_id}x"), 0);
	CHECK_INT(r.cmds[0].argc, 3);
	CHECK_STR(word(0, 1), "#{?#{==:a,b},x y;z,w}");
	CHECK_STR(word(0, 2), "#{pane_id}x");
}

static void test_escapes(void)
{
	CHECK_INT(parse("x \"\\\" \\\\ \\$ \\n\\t\\r\\e\" \"\\u00e9\\U0001F600\" \"\\101\\1x\""),
		  0);
	CHECK_STR(word(0, 1), "\" \\ $ \n\t\r\033");
	CHECK_STR(word(0, 2), "\xc3\xa9\xf0\x9f\x98\x80");
	CHECK_STR(word(0, 3), "A\001x"); /* up to three octal digits */
	CHECK_INT(parse("x \\; \\{ \\# \\a"), 0);
	CHECK_STR(word(0, 1), ";");
	CHECK_STR(word(0, 2), "{");
	CHECK_STR(word(0, 3), "#");
	CHECK_STR(word(0, 4), "a");
	CHECK_INT(parse("x \"\\u12\""), -1);
	CHECK_STR(errors(), "f:1: invalid \\u escape\n");
}

static void test_expansion(void)
{
	setenv("PARSE_T", "val ue", 1);
	setenv("HOME", "/home/t", 1);
	unsetenv("PARSE_UNSET");
	CHECK_INT(
		parse("x $PARSE_T \"<${PARSE_T}>\" a$PARSE_T/b '$PARSE_T' $PARSE_UNSET. \\$X $ $1"),
		0);
	/* like tmux, an expanded bare word is not split again */
	CHECK_STR(word(0, 1), "val ue");
	CHECK_STR(word(0, 2), "<val ue>");
	CHECK_STR(word(0, 3), "aval ue/b");
	CHECK_STR(word(0, 4), "$PARSE_T");
	CHECK_STR(word(0, 5), ".");
	CHECK_STR(word(0, 6), "$X");
	CHECK_STR(word(0, 7), "$");
	CHECK_STR(word(0, 8), "$1");
	CHECK_INT(parse("x ~ ~/a a~ '~' ~root/b ~nosuchuserxyz/c"), 0);
	CHECK_STR(word(0, 1), "/home/t");
	CHECK_STR(word(0, 2), "/home/t/a");
	CHECK_STR(word(0, 3), "a~");
	CHECK_STR(word(0, 4), "~");
	CHECK_STR(word(0, 5), "/root/b");
	CHECK_STR(word(0, 6), "~nosuchuserxyz/c");
	/* as tmux: also at the start of a double-quoted part */
	CHECK_INT(parse("x \"~/a\" \"~\" a\"~/b\" \"a~\" '~/c' \"\\~/d\""), 0);
	CHECK_STR(word(0, 1), "/home/t/a");
	CHECK_STR(word(0, 2), "/home/t");
	CHECK_STR(word(0, 3), "a/home/t/b");
	CHECK_STR(word(0, 4), "a~");
	CHECK_STR(word(0, 5), "~/c");
	CHECK_STR(word(0, 6), "~/d");
	CHECK_INT(parse("x ${PARSE_T"), -1);
}

static void test_comments_and_continuation(void)
{
	CHECK_INT(parse("# a comment\nset a b # trailing\n  # indented\nset c 'd # e'\n"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_INT(r.cmds[0].argc, 3);
	CHECK_INT(r.cmds[0].line, 2);
	CHECK_STR(word(1, 2), "d # e");
	CHECK_INT(r.cmds[1].line, 4);
	CHECK_INT(parse("x a#b"), 0);
	CHECK_STR(word(0, 1), "a#b");

	CHECK_INT(parse("set \\\n  -g \\\n  base-index 1\nnext"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_INT(r.cmds[0].argc, 4);
	CHECK_STR(word(0, 3), "1");
	CHECK_INT(r.cmds[1].line, 4);
	/* an escaped backslash before the newline is not a continuation */
	CHECK_INT(parse("x a\\\\\ny"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_STR(word(0, 1), "a\\");
}

static void test_semicolons(void)
{
	CHECK_INT(parse("a 1 ; b 2;c\n;; d"), 0);
	CHECK_INT(r.ncmds, 4);
	CHECK_STR(word(0, 0), "a");
	CHECK_STR(word(1, 1), "2");
	CHECK_STR(word(2, 0), "c");
	CHECK_STR(word(3, 0), "d");
	CHECK_INT(r.cmds[3].line, 2);
	/* \; is a literal ";" word: bind-key's command separator */
	CHECK_INT(parse("bind x display hi \\; kill-pane"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_INT(r.cmds[0].argc, 6);
	CHECK_STR(word(0, 4), ";");
	CHECK_STR(word(0, 5), "kill-pane");
	CHECK_INT(parse("x ';' \";\""), 0);
	CHECK_INT(r.cmds[0].argc, 3);
}

static void test_blocks(void)
{
	CHECK_INT(parse("bind-key x { display hi; kill-pane }"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_INT(r.cmds[0].argc, 3);
	CHECK_STR(word(0, 2), "display hi; kill-pane");

	CHECK_INT(parse("bind x {\n  display 'a b'\n  # comment\n  kill-pane \\; x\n}\nnext"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_STR(word(0, 2), "display \"a b\"; kill-pane \\; x");
	CHECK_INT(r.cmds[0].line, 1);
	CHECK_STR(word(1, 0), "next");
	CHECK_INT(r.cmds[1].line, 6);

	/* nested blocks, and a block followed by more words and commands */
	CHECK_INT(parse("if-shell true { if-shell false { a 1 } { b \"$\" } } after ; c"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_INT(r.cmds[0].argc, 4);
	CHECK_STR(word(0, 2), "if-shell false \"a 1\" \"b \\\\$\"");
	CHECK_STR(word(0, 3), "after");
	CHECK_STR(word(1, 0), "c");

	/* the text of a block parses back to the same commands */
	{
		struct parse_result again;

		CHECK_INT(parse("x { display \"it's\" '#{a}' \"\\n\" '' }"), 0);
		CHECK_INT(parse_commands(word(0, 1), NULL, 1, &again), 0);
		CHECK_INT(again.ncmds, 1);
		CHECK_INT(again.ncmds == 1 ? again.cmds[0].argc : 0, 5);
		if (again.ncmds == 1 && again.cmds[0].argc == 5) {
			CHECK_STR(again.cmds[0].argv[1], "it's");
			CHECK_STR(again.cmds[0].argv[2], "#{a}");
			CHECK_STR(again.cmds[0].argv[3], "\n");
			CHECK_STR(again.cmds[0].argv[4], "");
		}
		parse_result_free(&again);
	}
	CHECK_INT(parse("x {}"), 0);
	CHECK_STR(word(0, 1), "");
}

static int cond_calls;

/* Conditions named by the test: "yes"/"no", counting evaluations. */
static int fake_cond(const char *text, void *arg)
{
	(void)arg;
	cond_calls++;
	return strcmp(text, "yes") == 0;
}

static int parse_cond(const char *text)
{
	struct parse_opts o = {.file = "c.conf", .line = 1, .cond = fake_cond};

	parse_result_free(&r);
	cond_calls = 0;
	return parse_commands_opts(text, &o, &r);
}

static void test_if(void)
{
	CHECK_INT(parse_cond("%if yes\na\n%else\nb\n%endif\n"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 0), "a");
	CHECK_INT(parse_cond("%if no\na\n%elif yes\nb\n%elif yes\nc\n%else\nd\n%endif"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 0), "b");
	CHECK_INT(cond_calls, 2); /* the last %elif is not evaluated */
	CHECK_INT(parse_cond("%if no\na\n%else\nd\n%endif\ne"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_STR(word(0, 0), "d");
	CHECK_STR(word(1, 0), "e");

	/* nested: a skipped outer branch skips everything inside it */
	CHECK_INT(parse_cond("%if no\n %if yes\n a\n %else\n b\n %endif\n%else\n %if yes\n c\n "
			     "%endif\n%endif"),
		  0);
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 0), "c");
	CHECK_INT(cond_calls, 2);

	/* the condition is the directive's words, quotes removed */
	CHECK_INT(parse_cond("%if \"yes\"\na\n%endif\n%if 'no'\nb\n%endif"), 0);
	CHECK_INT(r.ncmds, 1);

	/* without a callback: the literal text, true unless empty or 0 */
	CHECK_INT(parse("%if 0\na\n%elif \"\"\nb\n%elif 1\nc\n%endif"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 0), "c");

	/* %if inside a block */
	CHECK_INT(parse_cond("bind x {\n%if yes\n a\n%else\n b\n%endif\n}"), 0);
	CHECK_STR(word(0, 2), "a");
}

static void test_variables(void)
{
	struct parse_opts o = {.file = "v", .line = 1, .flags = PARSE_NOENV};

	unsetenv("PARSE_HID");
	unsetenv("PARSE_VIS");
	parse_result_free(&r);
	CHECK_INT(parse_commands_opts("%hidden PARSE_HID=\"h i\"\nx $PARSE_HID ${PARSE_HID}!", &o,
				      &r),
		  0);
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 1), "h i");
	CHECK_STR(word(0, 2), "h i!");
	CHECK(getenv("PARSE_HID") == NULL);

	/* NAME=value sets the environment (here kept local by PARSE_NOENV) */
	parse_result_free(&r);
	CHECK_INT(parse_commands_opts("PARSE_VIS=v1\nx $PARSE_VIS", &o, &r), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 1), "v1");
	CHECK(getenv("PARSE_VIS") == NULL);
	CHECK_INT(parse("PARSE_VIS='v 2'\nx $PARSE_VIS"), 0);
	CHECK_STR(getenv("PARSE_VIS"), "v 2");
	CHECK_STR(word(0, 1), "v 2");
	/* only a command of one NAME=value word is an assignment */
	CHECK_INT(parse("set A=b"), 0);
	CHECK_INT(r.ncmds, 1);
	CHECK_INT(parse("%hidden nonsense"), -1);
	CHECK_STR(errors(), "f:1: %hidden needs NAME=value\n");
}

struct assigned {
	char names[4][16];
	int hidden[4];
	int n;
};

static const char *fake_lookup(const char *name, void *arg)
{
	(void)arg;
	return strcmp(name, "FROM_CB") == 0 ? "cb" : NULL;
}

static void fake_assign(const char *name, const char *value, int hidden, void *arg)
{
	struct assigned *a = arg;

	(void)value;
	if (a->n < 4) {
		snprintf(a->names[a->n], sizeof a->names[0], "%s", name);
		a->hidden[a->n++] = hidden;
	}
}

/* The server's environment comes in through callbacks, not getenv/setenv. */
static void test_environment_callbacks(void)
{
	struct assigned got = {.n = 0};
	struct parse_opts o = {
		.file = "e", .line = 1, .lookup = fake_lookup, .assign = fake_assign, .arg = &got};

	setenv("PARSE_ENVONLY", "x", 1);
	unsetenv("PARSE_CB_VIS");
	parse_result_free(&r);
	CHECK_INT(parse_commands_opts("PARSE_CB_VIS=1\n%hidden PARSE_CB_HID=2\n"
				      "x $FROM_CB $PARSE_ENVONLY $PARSE_CB_VIS $PARSE_CB_HID",
				      &o, &r),
		  0);
	CHECK_STR(word(0, 1), "cb");
	CHECK_STR(word(0, 2), ""); /* only the callback is asked */
	CHECK_STR(word(0, 3), "1");
	CHECK_STR(word(0, 4), "2");
	CHECK_INT(got.n, 2);
	CHECK_STR(got.names[0], "PARSE_CB_VIS");
	CHECK_INT(got.hidden[0], 0);
	CHECK_STR(got.names[1], "PARSE_CB_HID");
	CHECK_INT(got.hidden[1], 1);
	CHECK(getenv("PARSE_CB_VIS") == NULL);
}

static void test_errors(void)
{
	/* quotes span lines, so an unterminated one takes the rest */
	CHECK_INT(parse("a\nb 'open\nc"), -1);
	CHECK_STR(errors(), "f:2: unterminated quote\n");
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 0), "a");
	CHECK_INT(parse("a 'x\ny' \"1\n2\"\nb"), 0);
	CHECK_INT(r.ncmds, 2);
	CHECK_STR(word(0, 1), "x\ny");
	CHECK_STR(word(0, 2), "1\n2");
	CHECK_INT(r.cmds[1].line, 4);

	CHECK_INT(parse("a\n\nb \"x"), -1);
	CHECK_STR(errors(), "f:3: unterminated quote\n");
	CHECK_INT(parse("a }\nb"), -1);
	CHECK_STR(errors(), "f:1: unmatched }\n");
	CHECK_INT(r.ncmds, 1);
	CHECK_STR(word(0, 0), "b");
	CHECK_INT(parse("a\nbind x {\n b\n"), -1);
	CHECK_STR(errors(), "f:2: missing }\n");
	CHECK_INT(r.ncmds, 1);
	CHECK_INT(parse("bind x { b \"\\u1\" }\n}\nc"), -1);
	CHECK_STR(errors(), "f:1: invalid \\u escape\n");
	CHECK_INT(r.ncmds, 1); /* the broken binding is dropped, whole */
	CHECK_STR(word(0, 0), "c");
	/* the broken line is dropped; the others still count */
	CHECK_INT(parse("a\nb ${X\nc"), -1);
	CHECK_STR(errors(), "f:2: invalid environment variable\n");
	CHECK_INT(r.ncmds, 2);
	CHECK_STR(word(1, 0), "c");

	CHECK_INT(parse("a\n%endif\nb"), -1);
	CHECK_STR(errors(), "f:2: %endif without %if\n");
	CHECK_INT(r.ncmds, 2);
	CHECK_INT(parse("%if 1\n%else\n%else\n%endif"), -1);
	CHECK_STR(errors(), "f:3: %else after %else\n");
	CHECK_INT(parse("%else"), -1);
	CHECK_STR(errors(), "f:1: %else without %if\n");
	CHECK_INT(parse("%if 1\n%else\n%elif 1\n%endif"), -1);
	CHECK_STR(errors(), "f:3: %elif after %else\n");
	CHECK_INT(parse("\n%if 1\na"), -1);
	CHECK_STR(errors(), "f:2: %if without %endif\n");
	CHECK_INT(parse("%bogus x"), -1);
	CHECK_STR(errors(), "f:1: unknown directive: %bogus\n");
	CHECK_INT(parse("x #{a"), -1);
	CHECK_STR(errors(), "f:1: unterminated format\n");

	/* several errors, each with its line; the text's first line number */
	parse_result_free(&r);
	CHECK_INT(parse_commands("}\nok\n\"b", "g.conf", 10, &r), -1);
	CHECK_STR(errors(), "g.conf:10: unmatched }\ng.conf:12: unterminated quote\n");
	CHECK_INT(r.nerrors, 2);
	CHECK_INT(r.ncmds, 1);
	CHECK_INT(r.cmds[0].line, 11);
	/* no file: the message alone */
	parse_result_free(&r);
	CHECK_INT(parse_commands("'a", NULL, 1, &r), -1);
	CHECK_STR(errors(), "unterminated quote\n");
}

static void test_parse_words(void)
{
	char **argv, *err = NULL;
	int argc;

	CHECK_INT(parse_words("a 'b c' ; d { e; f }", &argv, &argc, &err), 0);
	CHECK_INT(argc, 5);
	CHECK_STR(argv[1], "b c");
	CHECK_STR(argv[2], ";");
	CHECK_STR(argv[4], "e; f");
	CHECK(argv[5] == NULL);
	parse_free(argv, argc);
	CHECK_INT(parse_words("a 'b", &argv, &argc, &err), -1);
	CHECK_STR(err, "unterminated quote");
	free(err);
}

static void test_quote(void)
{
	static const char *const words[] = {"plain", "a b", "it's", "$HOME",  "~",   "#x",
					    ";",     "",    "\n\t", "{",      "%if", "a\"b\\c",
					    "~it's", "~\n", "a\"b", "\"~",    "a$1", "a${b}",
					    "\033x", "\"",  "'",    "a\"b c", "x~",  "é \x7f"};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		struct buf b;

		buf_init(&b);
		buf_adds(&b, "x ");
		parse_quote(&b, words[i]);
		CHECK_INT(parse(buf_cstr(&b)), 0);
		CHECK_INT(r.ncmds == 1 ? r.cmds[0].argc : 0, 2);
		CHECK_STR(word(0, 1), words[i]);
		buf_free(&b);
	}
}

/* The words as tmux 3.3a writes them in show-options and list-keys. */
static void test_quote_as_tmux(void)
{
	static const char *const pairs[][2] = {
		{"", "''"},
		{"a b", "\"a b\""},
		{"a#b", "\"a#b\""},
		{"a'b", "\"a'b\""},
		{"a$b", "\"a\\$b\""},
		{"a$1", "\"a$1\""},
		{"a${b}", "\"a\\${b}\""},
		{"a%b", "\"a%b\""},
		{"a\"b", "'a\"b'"},
		{"~", "\\~"},
		{"~x", "\\~x"},
		{"x~", "x~"},
		{"a\\b", "a\\\\b"},
		{"\"", "\\\""},
		{"'", "\\'"},
		{" ", "\" \""},
		{"\"~", "'\"~'"},
		{"a\"b c", "\"a\\\"b c\""},
		{"a\033b", "a\\033b"},
		{"a\nb", "a\\nb"},
		{"tab\tx", "tab\\tx"},
		{"#", "\\#"},
		{";", "\\;"},
		{"a:b,c=d|e", "a:b,c=d|e"},
	};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		struct buf b;

		buf_init(&b);
		parse_quote(&b, pairs[i][0]);
		CHECK_STR(buf_cstr(&b), pairs[i][1]);
		buf_free(&b);
	}
}

int main(void)
{
	buf_init(&r.errors);
	test_words_and_quotes();
	test_escapes();
	test_expansion();
	test_comments_and_continuation();
	test_semicolons();
	test_blocks();
	test_if();
	test_variables();
	test_environment_callbacks();
	test_errors();
	test_parse_words();
	test_quote();
	test_quote_as_tmux();
	parse_result_free(&r);
	CHECK_DONE();
}
