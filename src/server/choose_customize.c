/*
 * choose_customize: customize mode (customize-mode), the options and key
 * bindings in the mode tree of server/choose.c. Three sections of options
 * (server, session, window and pane; an array option's items under it) and
 * one item per key table with its keys under it (each key's command, note
 * and repeat flag under the key). Values are those of the mode's pane, its
 * window and session, as tmux shows them for the current pane.
 *
 * Every change goes through the commands a user would type (set-option,
 * bind-key, unbind-key), run for the client that pressed the key: Enter or
 * s sets the pane's, window's or session's value (a flag toggles, a choice
 * moves to the next, others open the prompt with the value), S the global
 * value, w the window's; d sets an option or key back to its default, u
 * unsets or unbinds (after a confirmation); D and U do that for the tagged
 * items.
 *
 * Item ids are fields separated by tabs: "S\tsection", "O\tname",
 * "O\tname\tindex", "T\ttable", "K\ttable\tkey" and "K\ttable\tkey\tc|n|r".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/format.h"
#include "cmd/keys.h"
#include "cmd/options.h"
#include "cmd/parse.h"
#include "server/choose_mode.h"
#include "server/server.h"
#include "term/key.h"
#include "util/buf.h"

enum section { SECTION_SERVER, SECTION_SESSION, SECTION_WINDOW, SECTIONS };

static const char *const section_titles[] = {"Server Options", "Session Options",
					     "Window & Pane Options"};
static const char *const section_ids[] = {"S\tserver", "S\tsession", "S\twindow"};

static int in_section(const struct option_def *d, enum section sec)
{
	enum option_scope scope = options_scope(d);

	if (sec == SECTION_SERVER)
		return scope == OPTION_SERVER;
	if (sec == SECTION_SESSION)
		return scope == OPTION_SESSION;
	return scope == OPTION_WINDOW || scope == OPTION_PANE;
}

/* The unit tmux shows after a value ("500 milliseconds"), or "". */
static const char *option_unit(const struct option_def *d)
{
	static const char *const ms[] = {"assume-paste-time", "display-panes-time", "display-time",
					 "escape-time", "repeat-time"};

	for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) {
		if (strcmp(d->name, ms[i]) == 0)
			return "milliseconds";
	}
	return "";
}

/* ---- where a value comes from ---- */

/* The set an option's value for the mode's pane comes from, and the
 * set-option arguments that address it. */
struct where {
	const struct options *o;
	const char *flags; /* "-s", "-g", "-w", "-p" or "" (a session) */
	char target[32];   /* for -t, or "" */
	char scope[80];	   /* #{option_scope}: "server", "global", "window 1"... */
	int global;
};

static void where_global(struct pane *p, const struct option_def *d, struct where *w)
{
	memset(w, 0, sizeof *w);
	w->o = p->srv->options;
	w->global = 1;
	w->flags = options_scope(d) == OPTION_SERVER ? "-s" : "-g";
	snprintf(w->scope, sizeof w->scope, "%s",
		 options_scope(d) == OPTION_SERVER ? "server" : "global");
}

/* The window's own value (w), for a pane option. */
static void where_window(struct pane *p, struct where *w)
{
	w->o = window_options(p->window);
	w->global = 0;
	w->flags = "-w";
	snprintf(w->target, sizeof w->target, "@%u", p->window->id);
	snprintf(w->scope, sizeof w->scope, "window %d", p->window->index);
}

static void where_of(struct pane *p, const struct option_def *d, struct where *w)
{
	enum option_scope scope = options_scope(d);
	struct window *win = p->window;
	struct session *s = win != NULL ? win->session : NULL;

	where_global(p, d, w);
	if (scope == OPTION_SESSION && s != NULL && s->options != NULL &&
	    options_is_set(s->options, d->name)) {
		w->o = s->options;
		w->global = 0;
		w->flags = "";
		snprintf(w->target, sizeof w->target, "$%u", s->id);
		snprintf(w->scope, sizeof w->scope, "session %s", s->name);
	} else if (scope == OPTION_PANE && p->options != NULL &&
		   options_is_set(p->options, d->name)) {
		w->o = p->options;
		w->global = 0;
		w->flags = "-p";
		snprintf(w->target, sizeof w->target, "%%%u", p->id);
		snprintf(w->scope, sizeof w->scope, "pane %d",
			 win != NULL ? window_pane_index(win, p) : 0);
	} else if ((scope == OPTION_WINDOW || scope == OPTION_PANE) && win != NULL &&
		   win->options != NULL && options_is_set(win->options, d->name)) {
		where_window(p, w);
	}
}

/* Enter and s, as tmux: the value of the mode's pane, window or session
 * (the global one for a server option). */
static void where_here(struct pane *p, const struct option_def *d, struct where *w)
{
	enum option_scope scope = options_scope(d);
	struct window *win = p->window;
	struct session *s = win != NULL ? win->session : NULL;

	where_global(p, d, w);
	if (scope == OPTION_SESSION && s != NULL) {
		w->o = session_options(s);
		w->global = 0;
		w->flags = "";
		snprintf(w->target, sizeof w->target, "$%u", s->id);
	} else if (scope == OPTION_PANE) {
		w->o = pane_options(p);
		w->global = 0;
		w->flags = "-p";
		snprintf(w->target, sizeof w->target, "%%%u", p->id);
	} else if (scope == OPTION_WINDOW && win != NULL) {
		where_window(p, w);
	}
}

/* "set-option FLAGS [-t TARGET]" for w. */
static void set_option_start(struct buf *b, const struct where *w)
{
	buf_adds(b, "set-option");
	if (*w->flags != '\0')
		buf_printf(b, " %s", w->flags);
	if (*w->target != '\0')
		buf_printf(b, " -t %s", w->target);
}

static void word(struct buf *b, const char *s)
{
	buf_addc(b, ' ');
	parse_quote(b, s);
}

/* ---- ids ---- */

/* Splits a copy of id at the tabs: up to 4 fields, the rest "". */
struct ref {
	char copy[512];
	char *f[4];
};

static void ref_parse(const char *id, struct ref *r)
{
	char *s = r->copy;

	snprintf(r->copy, sizeof r->copy, "%s", id);
	for (int i = 0; i < 4; i++) {
		char *tab = strchr(s, '\t');

		r->f[i] = s;
		if (tab != NULL) {
			*tab = '\0';
			s = tab + 1;
		} else {
			s += strlen(s);
		}
	}
}

/* ---- items ---- */

/* The variables of an item for -F and -f, name then value. */
struct vars {
	const char *v[24];
	int n;
};

static void var(struct vars *vs, const char *name, const char *value)
{
	vs->v[2 * vs->n] = name;
	vs->v[2 * vs->n + 1] = value;
	vs->n++;
}

static void item_format(struct pane *p, struct vars *vs, struct format_ctx *fc)
{
	format_ctx_pane(fc, p->srv, p);
	fc->extra = vs->v;
	fc->nextra = vs->n;
}

static void option_vars(const struct option_def *d, const struct where *w, const char *value,
			struct vars *vs)
{
	vs->n = 0;
	var(vs, "is_option", "1");
	var(vs, "is_key", "0");
	var(vs, "option_name", d->name);
	var(vs, "option_value", value);
	var(vs, "option_scope", w->scope);
	var(vs, "option_is_global", w->global ? "1" : "0");
	var(vs, "option_is_array", d->type == OPTION_ARRAY ? "1" : "0");
	var(vs, "option_unit", option_unit(d));
}

static int option_kept(struct pane *p, const struct option_def *d)
{
	struct where w;
	struct vars vs;
	struct format_ctx fc;

	where_of(p, d, &w);
	option_vars(d, &w, options_string(w.o, d->name), &vs);
	item_format(p, &vs, &fc);
	return choose_kept(p, &fc);
}

static void add_option(struct pane *p, const struct option_def *d)
{
	struct where w;
	struct vars vs;
	struct format_ctx fc;
	char *id = xasprintf("O\t%s", d->name), *text;

	where_of(p, d, &w);
	option_vars(d, &w, options_string(w.o, d->name), &vs);
	item_format(p, &vs, &fc);
	text = d->type == OPTION_ARRAY ? NULL : format_expand(choose_format(p), &fc);
	choose_add(p, 1, id, d->name, d->name, text, NULL);
	free(text);
	free(id);
	if (d->type != OPTION_ARRAY)
		return;
	for (int i = 0; i < options_array_size(w.o, d->name); i++) {
		const char *item = options_array_item(w.o, d->name, i);
		char *name;

		if (item == NULL)
			continue;
		id = xasprintf("O\t%s\t%d", d->name, i);
		name = xasprintf("%s[%d]", d->name, i);
		choose_add(p, 2, id, name, name, item, NULL);
		free(name);
		free(id);
	}
}

static void add_section(struct pane *p, enum section sec)
{
	const struct option_def *d;
	int any = 0;

	for (size_t i = 0; (d = options_def_at(i)) != NULL && !any; i++)
		any = in_section(d, sec) && option_kept(p, d);
	if (!any)
		return;
	choose_add(p, 0, section_ids[sec], section_titles[sec], "", NULL, NULL);
	for (size_t i = 0; (d = options_def_at(i)) != NULL; i++) {
		if (in_section(d, sec) && option_kept(p, d))
			add_option(p, d);
	}
}

static void key_vars(const struct key_table *t, const struct key_binding *b, const char *key,
		     struct vars *vs)
{
	vs->n = 0;
	var(vs, "is_option", "0");
	var(vs, "is_key", "1");
	var(vs, "key", key);
	var(vs, "key_table", t->name);
	var(vs, "key_command", b->cmd);
	var(vs, "key_note", b->note != NULL ? b->note : "");
	var(vs, "key_repeat", b->repeat ? "1" : "0");
}

static int key_kept(struct pane *p, const struct key_table *t, const struct key_binding *b)
{
	char key[64];
	struct vars vs;
	struct format_ctx fc;

	key_name(&b->key, key, sizeof key);
	key_vars(t, b, key, &vs);
	item_format(p, &vs, &fc);
	return choose_kept(p, &fc);
}

/* A key, and under it its command, note and repeat flag, as tmux. With -F
 * the key's line has the format's text too. */
static void add_key(struct pane *p, const struct key_table *t, const struct key_binding *b)
{
	char key[64], *id, *name, *text = NULL;
	static const char kinds[] = "cnr";

	key_name(&b->key, key, sizeof key);
	if (choose_format(p) != choose_customize_mode.format) {
		struct vars vs;
		struct format_ctx fc;

		key_vars(t, b, key, &vs);
		item_format(p, &vs, &fc);
		text = format_expand(choose_format(p), &fc);
	}
	id = xasprintf("K\t%s\t%s", t->name, key);
	choose_add(p, 1, id, key, key, text, NULL);
	free(text);
	for (int i = 0; i < 3; i++) {
		char *child = xasprintf("%s\t%c", id, kinds[i]);

		if (i == 0)
			name = xasprintf("Command: %s", b->cmd);
		else if (i == 1)
			name = xasprintf("Note: %s", b->note != NULL ? b->note : "");
		else
			name = xasprintf("Repeat: %s", b->repeat ? "on" : "off");
		choose_add(p, 2, child, name, key, NULL, NULL);
		free(name);
		free(child);
	}
	free(id);
}

static void add_table(struct pane *p, const struct key_table *t)
{
	const struct key_binding *b;
	char *id, *title;

	for (b = t->bindings; b != NULL && !key_kept(p, t, b); b = b->next)
		;
	if (b == NULL)
		return;
	id = xasprintf("T\t%s", t->name);
	title = xasprintf("Key Table - %s", t->name);
	choose_add(p, 0, id, title, t->name, NULL, NULL);
	for (b = t->bindings; b != NULL; b = b->next) {
		if (key_kept(p, t, b))
			add_key(p, t, b);
	}
	free(title);
	free(id);
}

static void build(struct pane *p)
{
	for (int sec = 0; sec < SECTIONS; sec++)
		add_section(p, (enum section)sec);
	for (const struct key_table *t = keys_server()->tables; t != NULL; t = t->next)
		add_table(p, t);
}

/* ---- the preview ---- */

struct lines {
	char *v[16];
	int n;
};

static void line(struct lines *l, const char *fmt, ...)
{
	va_list ap;
	struct buf b;

	if (l->n == 16)
		return;
	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	l->v[l->n++] = buf_detach(&b);
}

/* Text (ASCII: the help lines) in lines of at most width, broken at
 * spaces where it can. */
static void wrapped(struct lines *l, const char *text, int width)
{
	size_t w = width > 10 ? (size_t)width : 10;

	while (strlen(text) > w) {
		size_t cut = w;

		while (cut > 0 && text[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = w;
		line(l, "%.*s", (int)cut, text);
		text += cut;
		while (*text == ' ')
			text++;
	}
	line(l, "%s", text);
}

static const char *scope_text(const struct option_def *d)
{
	switch (options_scope(d)) {
	case OPTION_SERVER:
		return "a server option";
	case OPTION_SESSION:
		return "a session option";
	case OPTION_WINDOW:
		return "a window option";
	default:
		return "a window and pane option";
	}
}

/* The kind of values an option takes. */
static void type_line(const struct option_def *d, struct lines *l)
{
	if (d->type == OPTION_NUMBER)
		line(l, "A number from %ld to %ld.", d->min, d->max);
	else if (d->type == OPTION_FLAG)
		line(l, "A flag: on or off.");
	else if (d->type == OPTION_CHOICE)
		line(l, "One of: %s.", d->choices);
	else if (d->type == OPTION_KEY)
		line(l, "A key.");
	else if (d->type == OPTION_ARRAY)
		line(l, "An array of strings.");
	else if (d->type == OPTION_STYLE)
		line(l, "A style.");
	else if (d->type == OPTION_COLOUR)
		line(l, "A colour.");
	else
		line(l, "A string.");
}

static void option_lines(struct pane *p, const struct ref *r, int width, struct lines *l)
{
	const struct option_def *d = options_def(r->f[1]);
	struct where w;
	const char *value, *unit, *sp;

	if (d == NULL)
		return;
	where_of(p, d, &w);
	unit = option_unit(d);
	sp = *unit != '\0' ? " " : "";
	if (options_help(d->name) != NULL) {
		wrapped(l, options_help(d->name), width);
		line(l, "");
	}
	line(l, "This is %s.", scope_text(d));
	if (*r->f[2] != '\0')
		line(l, "This is an array option, index %s.", r->f[2]);
	else if (d->type == OPTION_ARRAY)
		line(l, "This is an array option.");
	line(l, "");
	if (*r->f[2] != '\0') {
		value = options_array_item(w.o, d->name, atoi(r->f[2]));
		line(l, "Option value: %s", value != NULL ? value : "");
		return;
	}
	value = options_string(w.o, d->name);
	line(l, "Option value: %s%s%s", value, sp, unit);
	if (d->type != OPTION_ARRAY && strcmp(value, d->def) != 0)
		line(l, "The default is: %s%s%s", d->def, sp, unit);
	if (!w.global) {
		line(l, "");
		line(l, "Global value: %s%s%s", options_string(p->srv->options, d->name), sp, unit);
	}
	line(l, "");
	type_line(d, l);
}

static const struct key_binding *binding(const struct ref *r)
{
	struct key k;

	if (key_parse(r->f[2], &k) != 0)
		return NULL;
	return keys_lookup(keys_server(), r->f[1], &k);
}

static void key_lines(const struct ref *r, struct lines *l)
{
	const struct key_binding *b = binding(r);

	if (b == NULL)
		return;
	if (b->note != NULL)
		line(l, "%s.", b->note);
	else
		line(l, "There is no note for this key.");
	line(l, "");
	line(l, "This key is in the %s table.", r->f[1]);
	line(l, b->repeat ? "This key repeats." : "This key does not repeat.");
	line(l, "");
	line(l, "Command: %s", b->cmd);
}

static void preview(struct pane *p, struct choose_item *it, struct choose_area *a, int top,
		    int bottom)
{
	struct grid_cell pen = {.ch = ' ', .width = 1};
	struct lines l = {.n = 0};
	struct ref r;

	ref_parse(it->id, &r);
	if (*r.f[0] == 'O')
		option_lines(p, &r, a->w - 4, &l);
	else if (*r.f[0] == 'K')
		key_lines(&r, &l);
	for (int i = 0; i < l.n; i++) {
		if (top + 1 + i < bottom)
			choose_put_text(a, top + 1 + i, 2, a->w - 2, l.v[i], &pen);
		free(l.v[i]);
	}
}

/* ---- changing options ---- */

/* The text as a prompt's input: command-prompt expands formats in it. */
static char *escape_hashes(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == '#')
			buf_addc(&b, '#');
		buf_addc(&b, *s);
	}
	return buf_detach(&b);
}

/* Ask for a new value on c's status line: tmpl runs with it as %%. */
static void prompt(struct peer *c, const char *label, const char *value, const char *tmpl)
{
	char *input, *text;

	if (c == NULL || c->state != PEER_ATTACHED)
		return;
	input = escape_hashes(value);
	text = xasprintf("(%s) ", label);
	attach_prompt(c, text, input, tmpl, PROMPT_WHOLE, PROMPT_TYPE_COMMAND);
	free(text);
	free(input);
}

/* The choice after value in the comma-separated list (the first after the
 * last), up to its comma. */
static const char *next_choice(const char *choices, const char *value)
{
	size_t len = strlen(value);

	for (const char *s = choices; *s != '\0';) {
		size_t n = strcspn(s, ",");

		if (n == len && strncmp(s, value, len) == 0)
			return s[n] == ',' ? s + n + 1 : choices;
		s += n;
		if (*s == ',')
			s++;
	}
	return choices;
}

enum how { SET_HERE, SET_GLOBAL, SET_WINDOW };

/* A flag toggles and a choice moves to the next, as tmux; other values are
 * asked for. */
static void set_option(struct peer *c, struct pane *p, const struct ref *r, enum how how)
{
	const struct option_def *d = options_def(r->f[1]);
	const char *value;
	char name[128];
	struct where w;
	struct buf b;

	if (d == NULL)
		return;
	if (how == SET_GLOBAL)
		where_global(p, d, &w);
	else if (how == SET_WINDOW && options_scope(d) == OPTION_PANE && p->window != NULL)
		where_window(p, &w);
	else
		where_here(p, d, &w);
	snprintf(name, sizeof name, *r->f[2] != '\0' ? "%s[%s]" : "%s", d->name, r->f[2]);
	value = *r->f[2] != '\0' ? options_array_item(w.o, d->name, atoi(r->f[2]))
				 : options_string(w.o, d->name);
	buf_init(&b);
	set_option_start(&b, &w);
	word(&b, name);
	if (d->type == OPTION_FLAG) {
		buf_adds(&b, options_number(w.o, d->name) ? " off" : " on");
		choose_run_text(c, p, buf_cstr(&b));
	} else if (d->type == OPTION_CHOICE) {
		const char *next = next_choice(d->choices, value);

		buf_addc(&b, ' ');
		buf_add(&b, next, strcspn(next, ","));
		choose_run_text(c, p, buf_cstr(&b));
	} else {
		buf_adds(&b, " '%%'");
		prompt(c, name, value != NULL ? value : "", buf_cstr(&b));
	}
	buf_free(&b);
}

/* d: back to the default (a local value is set to it), u: unset (a local
 * value goes, so the parent's applies). */
static void reset_option(struct pane *p, const struct ref *r, int unset, struct buf *cmds)
{
	const struct option_def *d = options_def(r->f[1]);
	struct where w;

	if (d == NULL)
		return;
	where_of(p, d, &w);
	if (cmds->len > 0)
		buf_adds(cmds, " ; ");
	set_option_start(cmds, &w);
	if (*r->f[2] != '\0') {
		buf_printf(cmds, " -u %s[%s]", d->name, r->f[2]);
	} else if (unset || w.global || d->type == OPTION_ARRAY) {
		buf_printf(cmds, " -u %s", d->name);
	} else {
		word(cmds, d->name);
		word(cmds, d->def);
	}
}

/* ---- changing keys ---- */

/* "bind-key [-r] -T table [-N note] key", the command left to add. */
static void bind_start(struct buf *b, const char *table, const char *key, int repeat,
		       const char *note)
{
	buf_adds(b, "bind-key");
	if (repeat)
		buf_adds(b, " -r");
	buf_adds(b, " -T");
	word(b, table);
	if (note != NULL) {
		buf_adds(b, " -N");
		word(b, note);
	}
	word(b, key);
}

/* Enter on a key or its command asks for the command, on its note for the
 * note; on its repeat flag it toggles that. */
static void set_key(struct peer *c, struct pane *p, const struct ref *r)
{
	const struct key_binding *b = binding(r);
	struct buf t;

	if (b == NULL)
		return;
	buf_init(&t);
	if (*r->f[3] == 'n') {
		buf_adds(&t, "bind-key -T");
		word(&t, r->f[1]);
		buf_adds(&t, " -N '%%'");
		word(&t, r->f[2]);
		prompt(c, "note", b->note != NULL ? b->note : "", buf_cstr(&t));
	} else if (*r->f[3] == 'r') {
		bind_start(&t, r->f[1], r->f[2], !b->repeat, b->note);
		word(&t, b->cmd);
		choose_run_text(c, p, buf_cstr(&t));
	} else {
		bind_start(&t, r->f[1], r->f[2], b->repeat, b->note);
		buf_adds(&t, " '%%'");
		prompt(c, r->f[2], b->cmd, buf_cstr(&t));
	}
	buf_free(&t);
}

/* d: the default binding back, or no binding if the key has none; u: no
 * binding. */
static void reset_key(const struct ref *r, int unset, struct buf *cmds)
{
	struct key_tables *defaults = NULL;
	const struct key_binding *b = NULL;
	struct key k;

	if (key_parse(r->f[2], &k) != 0)
		return;
	if (cmds->len > 0)
		buf_adds(cmds, " ; ");
	if (!unset) {
		defaults = keys_new();
		keys_add_defaults(defaults);
		b = keys_lookup(defaults, r->f[1], &k);
	}
	if (b != NULL) {
		bind_start(cmds, r->f[1], r->f[2], b->repeat, b->note);
		word(cmds, b->cmd);
	} else {
		buf_adds(cmds, "unbind-key -T");
		word(cmds, r->f[1]);
		word(cmds, r->f[2]);
	}
	if (defaults != NULL)
		keys_free(defaults);
}

/* ---- keys of the mode ---- */

static void set_current(struct peer *c, struct pane *p, enum how how)
{
	struct choose_item *it = choose_current(p);
	struct ref r;

	if (it == NULL)
		return;
	ref_parse(it->id, &r);
	if (*r.f[0] == 'O')
		set_option(c, p, &r, how);
	else if (*r.f[0] == 'K' && how == SET_HERE)
		set_key(c, p, &r);
}

static void choose(struct peer *c, struct pane *p)
{
	set_current(c, p, SET_HERE);
}

/* As tmux, d and u ask first: "Reset NAME to default?", "Unset NAME?". */
static void confirm(struct peer *c, struct pane *p, const char *what, int unset, const char *cmds)
{
	char *label;

	if (c == NULL || c->state != PEER_ATTACHED) {
		choose_run_text(c, p, cmds);
		return;
	}
	label = unset ? xasprintf("Unset %s? ", what) : xasprintf("Reset %s to default? ", what);
	attach_prompt(c, label, NULL, cmds, PROMPT_SINGLE | PROMPT_CONFIRM, PROMPT_TYPE_COMMAND);
	free(label);
}

/* d, D, u and U: the current item or the tagged ones (a key once, even if
 * its lines under it are tagged too). */
static void reset(struct peer *c, struct pane *p, int tagged, int unset)
{
	struct choose_item *cur = choose_current(p);
	struct buf cmds;
	char *last_key = NULL;

	buf_init(&cmds);
	for (int i = 0; i < choose_count(p); i++) {
		struct choose_item *it = choose_item(p, i);
		struct ref r;

		if (tagged ? !it->tagged : it != cur)
			continue;
		ref_parse(it->id, &r);
		if (*r.f[0] == 'O') {
			reset_option(p, &r, unset, &cmds);
		} else if (*r.f[0] == 'K') {
			char *key = xasprintf("%s\t%s", r.f[1], r.f[2]);

			if (last_key == NULL || strcmp(last_key, key) != 0)
				reset_key(&r, unset, &cmds);
			free(last_key);
			last_key = key;
		}
	}
	if (cmds.len > 0)
		confirm(c, p,
			tagged		   ? "tagged items"
			: last_key != NULL ? strchr(last_key, '\t') + 1
					   : cur->name,
			unset, buf_cstr(&cmds));
	free(last_key);
	buf_free(&cmds);
}

static void reset_default(struct peer *c, struct pane *p, int tagged)
{
	reset(c, p, tagged, 0);
}

static int key(struct peer *c, struct pane *p, const struct key *k)
{
	if (k->kind != KEY_CHAR || k->mod != 0)
		return 0;
	if (k->cp == 's')
		set_current(c, p, SET_HERE);
	else if (k->cp == 'S')
		set_current(c, p, SET_GLOBAL);
	else if (k->cp == 'w')
		set_current(c, p, SET_WINDOW);
	else if (k->cp == 'u' || k->cp == 'U')
		reset(c, p, k->cp == 'U', 1);
	else
		return 0;
	return 1;
}

static char *start(struct pane *p)
{
	(void)p;
	return NULL;
}

const struct choose_mode choose_customize_mode = {
	.name = "options-mode",
	.format = "#{?option_is_global,,(#{option_scope}) }#{option_value}"
		  "#{?option_unit, #{option_unit},}",
	.tmpl = "",
	.sorts = NULL,
	.nsorts = 0,
	.kill_key = 'd',
	.run_tagged_key = 0,
	.build = build,
	.preview = preview,
	.kill = reset_default,
	.key = key,
	.start = start,
	.choose = choose,
};
