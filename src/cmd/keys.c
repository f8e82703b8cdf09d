/* keys: key tables, bindings, tmux's defaults, list-keys and prompt templates. */
#include "cmd/keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tmux 3.3's prefix table, for the commands pmux has (or is getting).
 * Command text in config syntax, as bind-key would store it. */
static const struct {
	const char *key;
	int repeat;
	const char *cmd;
} keys_defaults[] = {
	{"C-b", 0, "send-prefix"},
	{"Space", 0, "next-layout"},
	{"!", 0, "break-pane"},
	{"\"", 0, "split-window"},
	{"#", 0, "list-buffers"},
	{"$", 0, "command-prompt -I \"#S\" \"rename-session -- '%%'\""},
	{"%", 0, "split-window -h"},
	{"&", 0, "confirm-before -p \"kill-window #W? (y/n)\" kill-window"},
	{"'", 0, "command-prompt -p index \"select-window -t ':%%'\""},
	{"(", 0, "switch-client -p"},
	{")", 0, "switch-client -n"},
	{",", 0, "command-prompt -I \"#W\" \"rename-window -- '%%'\""},
	{"-", 0, "delete-buffer"},
	{".", 0, "command-prompt \"move-window -t '%%'\""},
	{"0", 0, "select-window -t :=0"},
	{"1", 0, "select-window -t :=1"},
	{"2", 0, "select-window -t :=2"},
	{"3", 0, "select-window -t :=3"},
	{"4", 0, "select-window -t :=4"},
	{"5", 0, "select-window -t :=5"},
	{"6", 0, "select-window -t :=6"},
	{"7", 0, "select-window -t :=7"},
	{"8", 0, "select-window -t :=8"},
	{"9", 0, "select-window -t :=9"},
	{":", 0, "command-prompt"},
	{";", 0, "last-pane"},
	{"=", 0, "choose-buffer -Z"},
	{"?", 0, "list-keys"},
	{"L", 0, "switch-client -l"},
	{"[", 0, "copy-mode"},
	{"]", 0, "paste-buffer"},
	{"c", 0, "new-window"},
	{"d", 0, "detach-client"},
	{"i", 0, "display-message"},
	{"l", 0, "last-window"},
	{"n", 0, "next-window"},
	{"o", 0, "select-pane -t :.+"},
	{"p", 0, "previous-window"},
	{"q", 0, "display-panes"},
	{"r", 0, "refresh-client"},
	{"x", 0, "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane"},
	{"z", 0, "resize-pane -Z"},
	{"{", 0, "swap-pane -U"},
	{"}", 0, "swap-pane -D"},
	{"~", 0, "show-messages"},
	{"PPage", 0, "copy-mode -u"},
	{"Up", 1, "select-pane -U"},
	{"Down", 1, "select-pane -D"},
	{"Left", 1, "select-pane -L"},
	{"Right", 1, "select-pane -R"},
	{"M-1", 0, "select-layout even-horizontal"},
	{"M-2", 0, "select-layout even-vertical"},
	{"M-3", 0, "select-layout main-horizontal"},
	{"M-4", 0, "select-layout main-vertical"},
	{"M-5", 0, "select-layout tiled"},
	{"M-n", 0, "next-window -a"},
	{"M-p", 0, "previous-window -a"},
	{"M-Up", 1, "resize-pane -U 5"},
	{"M-Down", 1, "resize-pane -D 5"},
	{"M-Left", 1, "resize-pane -L 5"},
	{"M-Right", 1, "resize-pane -R 5"},
	{"C-Up", 1, "resize-pane -U"},
	{"C-Down", 1, "resize-pane -D"},
	{"C-Left", 1, "resize-pane -L"},
	{"C-Right", 1, "resize-pane -R"},
};

static void add_quoted(struct buf *b, const char *w);

struct key_tables *keys_new(void)
{
	return xcalloc(1, sizeof(struct key_tables));
}

static void binding_free(struct key_binding *b)
{
	free(b->cmd);
	free(b->note);
	free(b);
}

static void table_clear(struct key_table *t)
{
	struct key_binding *b, *next;

	for (b = t->bindings; b != NULL; b = next) {
		next = b->next;
		binding_free(b);
	}
	t->bindings = NULL;
}

void keys_free(struct key_tables *kt)
{
	struct key_table *t, *next;

	if (kt == NULL)
		return;
	for (t = kt->tables; t != NULL; t = next) {
		next = t->next;
		table_clear(t);
		free(t->name);
		free(t);
	}
	free(kt);
}

void keys_add_defaults(struct key_tables *kt)
{
	struct key k;

	for (size_t i = 0; i < sizeof keys_defaults / sizeof keys_defaults[0]; i++) {
		if (key_parse(keys_defaults[i].key, &k) == 0)
			keys_bind(kt, "prefix", &k, keys_defaults[i].cmd, keys_defaults[i].repeat,
				  NULL);
	}
}

struct key_table *keys_table(struct key_tables *kt, const char *name, int create)
{
	struct key_table **tp, *t;

	for (tp = &kt->tables; *tp != NULL; tp = &(*tp)->next) {
		int cmp = strcmp((*tp)->name, name);

		if (cmp == 0)
			return *tp;
		if (cmp > 0)
			break;
	}
	if (!create)
		return NULL;
	t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->next = *tp;
	*tp = t;
	return t;
}

/* tmux's order: plain keys before modified ones, characters before the
 * special keys. */
static int keys_compare(const struct key *a, const struct key *b)
{
	if (a->mod != b->mod)
		return a->mod < b->mod ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == KEY_CHAR && a->cp != b->cp)
		return a->cp < b->cp ? -1 : 1;
	if (a->kind == KEY_SYM && a->sym != b->sym)
		return a->sym < b->sym ? -1 : 1;
	return 0;
}

/* Canonical form, so that comparisons of stored keys are plain. */
static struct key key_canonical(const struct key *k)
{
	char name[64];
	struct key n = *k;

	key_name(k, name, sizeof name);
	if (key_parse(name, &n) != 0)
		n = *k;
	return n;
}

void keys_bind(struct key_tables *kt, const char *table, const struct key *k, const char *cmd,
	       int repeat, const char *note)
{
	struct key_table *t = keys_table(kt, table, 1);
	struct key n = key_canonical(k);
	struct key_binding **bp, *b;
	int cmp = 1;

	for (bp = &t->bindings; *bp != NULL; bp = &(*bp)->next) {
		cmp = keys_compare(&(*bp)->key, &n);
		if (cmp >= 0)
			break;
	}
	if (*bp != NULL && cmp == 0) {
		b = *bp;
		free(b->cmd);
		free(b->note);
	} else {
		b = xcalloc(1, sizeof *b);
		b->key = n;
		b->next = *bp;
		*bp = b;
	}
	b->cmd = xstrdup(cmd);
	b->note = note != NULL ? xstrdup(note) : NULL;
	b->repeat = repeat;
}

int keys_unbind(struct key_tables *kt, const char *table, const struct key *k)
{
	struct key_table *t = keys_table(kt, table, 0);
	struct key_binding **bp, *b;

	if (t == NULL)
		return -1;
	for (bp = &t->bindings; *bp != NULL; bp = &(*bp)->next) {
		if (key_equal(&(*bp)->key, k)) {
			b = *bp;
			*bp = b->next;
			binding_free(b);
			return 0;
		}
	}
	return -1;
}

void keys_unbind_all(struct key_tables *kt, const char *table)
{
	struct key_table *t = keys_table(kt, table, 0);

	if (t != NULL)
		table_clear(t);
}

const struct key_binding *keys_lookup(struct key_tables *kt, const char *table, const struct key *k)
{
	struct key_table *t = keys_table(kt, table, 0);
	struct key_binding *b;

	for (b = t != NULL ? t->bindings : NULL; b != NULL; b = b->next) {
		if (key_equal(&b->key, k))
			return b;
	}
	return NULL;
}

/* A key name as a word bind-key accepts back, as tmux prints it: a
 * special character escaped (\" \# \%), a longer name with one quoted. */
static void key_word(const struct key *k, char *buf, size_t size)
{
	static const char special[] = "\"#$%';{}~\\";
	char name[64];
	struct buf b;

	key_name(k, name, sizeof name);
	if (strpbrk(name, special) == NULL) {
		snprintf(buf, size, "%s", name);
		return;
	}
	if (name[1] == '\0') {
		snprintf(buf, size, "\\%s", name);
		return;
	}
	buf_init(&b);
	add_quoted(&b, name);
	snprintf(buf, size, "%s", buf_cstr(&b));
	buf_free(&b);
}

/* Widths that line the columns up like tmux's list-keys. */
static void list_widths(struct key_tables *kt, const char *table, const struct key *only, int *tw,
			int *kw)
{
	struct key_table *t;
	struct key_binding *b;
	char word[80];

	*tw = *kw = 0;
	for (t = kt->tables; t != NULL; t = t->next) {
		if (table != NULL && strcmp(t->name, table) != 0)
			continue;
		if ((int)strlen(t->name) > *tw && t->bindings != NULL)
			*tw = (int)strlen(t->name);
		for (b = t->bindings; b != NULL; b = b->next) {
			if (only != NULL && !key_equal(only, &b->key))
				continue;
			key_word(&b->key, word, sizeof word);
			if ((int)strlen(word) > *kw)
				*kw = (int)strlen(word);
		}
	}
}

static void list_table(const struct key_table *t, const struct key *only, int notes, int tw, int kw,
		       struct buf *out)
{
	const struct key_binding *b;
	char word[80];

	for (b = t->bindings; b != NULL; b = b->next) {
		if (only != NULL && !key_equal(only, &b->key))
			continue;
		key_word(&b->key, word, sizeof word);
		if (notes) {
			if (b->note != NULL)
				buf_printf(out, "%-*s %s\n", kw, word, b->note);
			continue;
		}
		buf_printf(out, "bind-key %s -T %-*s %-*s %s\n", b->repeat ? "-r" : "  ", tw,
			   t->name, kw, word, b->cmd);
	}
}

int keys_list(struct key_tables *kt, const char *table, const struct key *only, int notes,
	      struct buf *out)
{
	struct key_table *t;
	int tw, kw;

	if (table != NULL && keys_table(kt, table, 0) == NULL)
		return -1;
	list_widths(kt, table, only, &tw, &kw);
	for (t = kt->tables; t != NULL; t = t->next) {
		if (table == NULL || strcmp(t->name, table) == 0)
			list_table(t, only, notes, tw, kw, out);
	}
	return 0;
}

/* Characters that make the parser split or reinterpret a bare word. */
static int word_needs_quotes(const char *w)
{
	return *w == '\0' || strpbrk(w, " \t\n\r\"'\\;#$~{}") != NULL;
}

static void add_quoted(struct buf *b, const char *w)
{
	buf_addc(b, '"');
	for (; *w != '\0'; w++) {
		if (*w == '"' || *w == '\\' || *w == '$')
			buf_addc(b, '\\');
		buf_addc(b, *w);
	}
	buf_addc(b, '"');
}

char *keys_join_words(int argc, char **argv)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		if (strcmp(argv[i], ";") == 0)
			buf_adds(&b, "\\;"); /* a command separator stays one */
		else if (word_needs_quotes(argv[i]))
			add_quoted(&b, argv[i]);
		else
			buf_adds(&b, argv[i]);
	}
	return buf_detach(&b);
}

/* A response inserted where the template has quote ('\'' or '"'); outside
 * quotes it goes in as text to parse (the default template "%1" runs what
 * was typed). */
static void add_response(struct buf *b, const char *r, char quote)
{
	for (; *r != '\0'; r++) {
		if (quote == '\'' && *r == '\'')
			buf_adds(b, "'\\''"); /* close, a literal quote, reopen */
		else if (quote == '"' && strchr("\"\\$", *r) != NULL)
			buf_addc(b, '\\'), buf_addc(b, *r);
		else
			buf_addc(b, *r);
	}
}

char *keys_template(const char *tmpl, char **responses, int n)
{
	struct buf b;
	char quote = 0;

	buf_init(&b);
	for (const char *p = tmpl; *p != '\0'; p++) {
		if (*p == '%' && (p[1] == '%' || (p[1] >= '1' && p[1] <= '9'))) {
			int i = p[1] == '%' ? 0 : p[1] - '1';

			if (i < n)
				add_response(&b, responses[i], quote);
			p++;
			continue;
		}
		if (quote == 0 && (*p == '\'' || *p == '"'))
			quote = *p;
		else if (quote != 0 && *p == quote)
			quote = 0;
		else if (*p == '\\' && quote != '\'' && p[1] != '\0')
			buf_addc(&b, *p++);
		buf_addc(&b, *p);
	}
	return buf_detach(&b);
}

struct key_tables *keys_server(void)
{
	/* One server per process: its tables live as long as it does. */
	static struct key_tables *server_keys;

	if (server_keys == NULL) {
		server_keys = keys_new();
		keys_add_defaults(server_keys);
		keys_table(server_keys, "root", 1);
	}
	return server_keys;
}
