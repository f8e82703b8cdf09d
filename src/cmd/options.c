/* options: the table of known options and their current values. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"
#include "cmd/parse.h"
#include "render/box.h"

/* tmux's default status lines: the first status-left, the window list and
 * status-right, the second the panes. */
#define STATUS_FORMAT_0                                                                           \
	"#[align=left range=left "                                                                \
	"#{E:status-left-style}]#[push-default]#{T;=/"                                            \
	"#{status-left-length}:status-left}#[pop-default]#[norange default]#[list=on "            \
	"align=#{status-justify}]#[list=left-marker]<#[list=right-marker]>#[list=on]#{W:#[range=" \
	"window|#{window_index} "                                                                 \
	"#{E:window-status-style}#{?#{&&:#{window_last_flag},#{!=:#{E:window-status-last-style}," \
	"default}}, "                                                                             \
	"#{E:window-status-last-style},}#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-" \
	"style},default}}, "                                                                      \
	"#{E:window-status-bell-style},#{?#{&&:#{||:#{window_activity_flag},#{window_silence_"    \
	"flag}},#{!=:#{E:window-status-activity-style},default}}, "                               \
	"#{E:window-status-activity-style},}}]#[push-default]#{T:window-status-format}#[pop-"     \
	"default]#[norange "                                                                      \
	"default]#{?window_end_flag,,#{window-status-separator}},#[range=window|#{window_index} " \
	"list=focus "                                                                             \
	"#{?#{!=:#{E:window-status-current-style},default},#{E:window-status-current-style},#{E:" \
	"window-status-style}}#{?#{&&:#{window_last_flag},#{!=:#{E:window-status-last-style},"    \
	"default}}, "                                                                             \
	"#{E:window-status-last-style},}#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-" \
	"style},default}}, "                                                                      \
	"#{E:window-status-bell-style},#{?#{&&:#{||:#{window_activity_flag},#{window_silence_"    \
	"flag}},#{!=:#{E:window-status-activity-style},default}}, "                               \
	"#{E:window-status-activity-style},}}]#[push-default]#{T:window-status-current-format}#[" \
	"pop-default]#[norange list=on "                                                          \
	"default]#{?window_end_flag,,#{window-status-separator}}}#[nolist align=right "           \
	"range=right "                                                                            \
	"#{E:status-right-style}]#[push-default]#{T;=/"                                           \
	"#{status-right-length}:status-right}#[pop-default]#[norange default]"
#define STATUS_FORMAT_1                                                                            \
	"#[align=centre]#{P:#{?pane_active,#[reverse],}#{pane_index}[#{pane_width}x#{pane_height}" \
	"]#[default] }"

/* Array options (OPTION_ARRAY) list their default items one per line. */
static const struct option_def option_table[] = {
	{"activity-action", OPTION_CHOICE, "other", 0, 0, "none,any,current,other"},
	{"aggressive-resize", OPTION_FLAG, "off", 0, 0, NULL},
	{"allow-passthrough", OPTION_CHOICE, "off", 0, 0, "off,on,all"},
	{"allow-rename", OPTION_FLAG, "off", 0, 0, NULL},
	{"alternate-screen", OPTION_FLAG, "on", 0, 0, NULL},
	{"assume-paste-time", OPTION_NUMBER, "1", 0, 2147483647, NULL},
	{"automatic-rename", OPTION_FLAG, "on", 0, 0, NULL},
	{"automatic-rename-format", OPTION_STRING,
	 "#{?pane_in_mode,[pmux],#{pane_current_command}}#{?pane_dead,[dead],}", 0, 0, NULL},
	{"backspace", OPTION_KEY, "C-?", 0, 0, NULL},
	{"base-index", OPTION_NUMBER, "0", 0, 100000, NULL},
	{"bell-action", OPTION_CHOICE, "any", 0, 0, "none,any,current,other"},
	{"buffer-limit", OPTION_NUMBER, "50", 1, 2147483647, NULL},
	{"command-alias", OPTION_ARRAY,
	 "split-pane=split-window\nsplitp=split-window\nserver-info=show-messages -JT\n"
	 "info=show-messages -JT\nchoose-window=choose-tree -w\nchoose-session=choose-tree -s",
	 0, 0, ","},
	{"clock-mode-colour", OPTION_COLOUR, "blue", 0, 0, NULL},
	{"clock-mode-style", OPTION_CHOICE, "24", 0, 0, "12,24"},
	{"copy-command", OPTION_STRING, "", 0, 0, NULL},
	{"copy-mode-current-match-style", OPTION_STYLE, "bg=magenta,fg=black", 0, 0, NULL},
	{"copy-mode-mark-style", OPTION_STYLE, "bg=red,fg=black", 0, 0, NULL},
	{"copy-mode-match-style", OPTION_STYLE, "bg=cyan,fg=black", 0, 0, NULL},
	{"cursor-colour", OPTION_COLOUR, "none", 0, 0, NULL},
	{"cursor-style", OPTION_CHOICE, "default", 0, 0,
	 "default,blinking-block,block,blinking-underline,underline,blinking-bar,bar"},
	{"default-command", OPTION_STRING, "", 0, 0, NULL},
	{"default-shell", OPTION_STRING, "", 0, 0, NULL},
	{"default-size", OPTION_STRING, "80x24", 0, 0, NULL},
	{"default-terminal", OPTION_STRING, "", 0, 0, NULL},
	{"destroy-unattached", OPTION_FLAG, "off", 0, 0, NULL},
	{"detach-on-destroy", OPTION_CHOICE, "on", 0, 0, "off,on,no-detached"},
	{"display-panes-active-colour", OPTION_COLOUR, "red", 0, 0, NULL},
	{"display-panes-colour", OPTION_COLOUR, "blue", 0, 0, NULL},
	{"display-panes-time", OPTION_NUMBER, "1000", 1, 2147483647, NULL},
	{"display-time", OPTION_NUMBER, "750", 0, 2147483647, NULL},
	{"editor", OPTION_STRING, "/usr/bin/vi", 0, 0, NULL},
	{"escape-time", OPTION_NUMBER, "10", 0, 2147483647, NULL},
	{"exit-empty", OPTION_FLAG, "on", 0, 0, NULL},
	{"exit-unattached", OPTION_FLAG, "off", 0, 0, NULL},
	{"extended-keys", OPTION_CHOICE, "off", 0, 0, "off,on,always"},
	{"extended-keys-format", OPTION_CHOICE, "csi-u", 0, 0, "csi-u,xterm"},
	{"fill-character", OPTION_STRING, "", 0, 0, NULL},
	{"focus-events", OPTION_FLAG, "off", 0, 0, NULL},
	{"history-file", OPTION_STRING, "", 0, 0, NULL},
	{"history-limit", OPTION_NUMBER, "10000", 0, 2147483647, NULL},
	{"key-table", OPTION_STRING, "root", 0, 0, NULL},
	{"lock-after-time", OPTION_NUMBER, "0", 0, 2147483647, NULL},
	{"lock-command", OPTION_STRING, "lock -np", 0, 0, NULL},
	{"main-pane-height", OPTION_STRING, "24", 0, 0, NULL},
	{"main-pane-width", OPTION_STRING, "80", 0, 0, NULL},
	{"menu-border-lines", OPTION_CHOICE, "single", 0, 0, BOX_LINES_CHOICES},
	{"menu-border-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"menu-selected-style", OPTION_STYLE, "bg=yellow,fg=black", 0, 0, NULL},
	{"menu-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"message-command-style", OPTION_STYLE, "bg=black,fg=yellow", 0, 0, NULL},
	{"message-limit", OPTION_NUMBER, "1000", 0, 2147483647, NULL},
	{"message-style", OPTION_STYLE, "bg=yellow,fg=black", 0, 0, NULL},
	{"mode-keys", OPTION_CHOICE, "emacs", 0, 0, "emacs,vi"},
	{"mode-style", OPTION_STYLE, "bg=yellow,fg=black", 0, 0, NULL},
	{"monitor-activity", OPTION_FLAG, "off", 0, 0, NULL},
	{"monitor-bell", OPTION_FLAG, "on", 0, 0, NULL},
	{"monitor-silence", OPTION_NUMBER, "0", 0, 2147483647, NULL},
	{"mouse", OPTION_FLAG, "off", 0, 0, NULL},
	{"other-pane-height", OPTION_STRING, "0", 0, 0, NULL},
	{"other-pane-width", OPTION_STRING, "0", 0, 0, NULL},
	{"pane-active-border-style", OPTION_STYLE,
	 "#{?pane_in_mode,fg=yellow,#{?synchronize-panes,fg=red,fg=green}}", 0, 0, NULL},
	{"pane-base-index", OPTION_NUMBER, "0", 0, 100000, NULL},
	{"pane-border-format", OPTION_STRING,
	 "#{?pane_active,#[reverse],}#{pane_index}#[default] \"#{pane_title}\"", 0, 0, NULL},
	{"pane-border-indicators", OPTION_CHOICE, "colour", 0, 0, "off,colour,arrows,both"},
	{"pane-border-lines", OPTION_CHOICE, "single", 0, 0, "single,double,heavy,simple,number"},
	{"pane-border-status", OPTION_CHOICE, "off", 0, 0, "off,top,bottom"},
	{"pane-border-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"pane-colours", OPTION_ARRAY, "", 0, 0, ","},
	{"popup-border-lines", OPTION_CHOICE, "single", 0, 0, BOX_LINES_CHOICES},
	{"popup-border-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"popup-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"prefix", OPTION_KEY, "C-b", 0, 0, NULL},
	{"prefix2", OPTION_KEY, "None", 0, 0, NULL},
	{"prompt-history-limit", OPTION_NUMBER, "100", 0, 2147483647, NULL},
	{"remain-on-exit", OPTION_CHOICE, "off", 0, 0, "off,on,failed"},
	{"remain-on-exit-format", OPTION_STRING,
	 "Pane is dead (#{?#{!=:#{pane_dead_status},},status #{pane_dead_status},}"
	 "#{?#{!=:#{pane_dead_signal},},signal #{pane_dead_signal},}, #{t:pane_dead_time})",
	 0, 0, NULL},
	{"renumber-windows", OPTION_FLAG, "off", 0, 0, NULL},
	{"repeat-time", OPTION_NUMBER, "500", 0, 2147483647, NULL},
	{"scroll-on-clear", OPTION_FLAG, "on", 0, 0, NULL},
	{"set-clipboard", OPTION_CHOICE, "external", 0, 0, "off,external,on"},
	{"set-titles", OPTION_FLAG, "off", 0, 0, NULL},
	{"set-titles-string", OPTION_STRING, "#S:#I:#W - \"#T\" #{session_alerts}", 0, 0, NULL},
	{"silence-action", OPTION_CHOICE, "other", 0, 0, "none,any,current,other"},
	{"status", OPTION_CHOICE, "on", 0, 0, "off,on,2,3,4,5"},
	{"status-bg", OPTION_COLOUR, "default", 0, 0, NULL},
	{"status-fg", OPTION_COLOUR, "default", 0, 0, NULL},
	{"status-format", OPTION_ARRAY, STATUS_FORMAT_0 "\n" STATUS_FORMAT_1, 0, 0, NULL},
	{"status-interval", OPTION_NUMBER, "15", 0, 2147483647, NULL},
	{"status-justify", OPTION_CHOICE, "left", 0, 0, "left,centre,right,absolute-centre"},
	{"status-keys", OPTION_CHOICE, "emacs", 0, 0, "emacs,vi"},
	{"status-left", OPTION_STRING, "[#{session_name}] ", 0, 0, NULL},
	{"status-left-length", OPTION_NUMBER, "10", 0, 32767, NULL},
	{"status-left-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"status-position", OPTION_CHOICE, "bottom", 0, 0, "top,bottom"},
	{"status-right", OPTION_STRING,
	 "#{?window_bigger,[#{window_offset_x}#,#{window_offset_y}] ,}\"#{=21:pane_title}\" "
	 "%H:%M %d-%b-%y",
	 0, 0, NULL},
	{"status-right-length", OPTION_NUMBER, "40", 0, 32767, NULL},
	{"status-right-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"status-style", OPTION_STYLE, "bg=green,fg=black", 0, 0, NULL},
	{"synchronize-panes", OPTION_FLAG, "off", 0, 0, NULL},
	{"terminal-features", OPTION_ARRAY,
	 "xterm*:clipboard:ccolour:cstyle:focus:title\nscreen*:title", 0, 0, ","},
	{"terminal-overrides", OPTION_ARRAY, "", 0, 0, ","},
	{"update-environment", OPTION_ARRAY,
	 "DISPLAY\nKRB5CCNAME\nSSH_ASKPASS\nSSH_AUTH_SOCK\nSSH_AGENT_PID\nSSH_"
	 "CONNECTION\nWINDOWID\n"
	 "XAUTHORITY",
	 0, 0, " "},
	{"user-keys", OPTION_ARRAY, "", 0, 0, ","},
	{"visual-activity", OPTION_CHOICE, "off", 0, 0, "off,on,both"},
	{"visual-bell", OPTION_CHOICE, "off", 0, 0, "off,on,both"},
	{"visual-silence", OPTION_CHOICE, "off", 0, 0, "off,on,both"},
	{"window-active-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"window-size", OPTION_CHOICE, "latest", 0, 0, "largest,smallest,manual,latest"},
	{"window-status-activity-style", OPTION_STYLE, "reverse", 0, 0, NULL},
	{"window-status-bell-style", OPTION_STYLE, "reverse", 0, 0, NULL},
	{"window-status-current-format", OPTION_STRING, "#I:#W#{?window_flags,#{window_flags}, }",
	 0, 0, NULL},
	{"window-status-current-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"window-status-format", OPTION_STRING, "#I:#W#{?window_flags,#{window_flags}, }", 0, 0,
	 NULL},
	{"window-status-last-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"window-status-separator", OPTION_STRING, " ", 0, 0, NULL},
	{"window-status-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"window-style", OPTION_STYLE, "default", 0, 0, NULL},
	{"word-separators", OPTION_STRING, "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", 0, 0, NULL},
	{"wrap-search", OPTION_FLAG, "on", 0, 0, NULL},
	{"xterm-keys", OPTION_FLAG, "on", 0, 0, NULL},
};
#define OPTION_COUNT (sizeof option_table / sizeof option_table[0])

/* A user option (@name): any string, kept in the set it was set on. */
struct user_option {
	char *name;
	char *value;
	struct user_option *next;
};

/* An option's value in a set: its text and, for all but strings, its
 * number. An array's items are by index (NULL where none is set); its text
 * is them joined, for the readers that take a list. */
struct option_value {
	int idx; /* in option_table */
	long number;
	char *text;
	char **items;
	int nitems;
};

/*
 * The global set holds every option, v[i] for option i. A child set (there
 * is one per session, window and pane) holds only the few set on it, in no
 * order: most hold none, so they cost no more than this struct.
 */
struct options {
	struct options *parent; /* NULL for the global set */
	struct user_option *user;
	struct option_value *v;
	int n;
};

/* The options tmux keeps per server, and per window or pane; the rest are
 * session options. */
static const char *const server_options[] = {
	"backspace",	 "buffer-limit",	 "command-alias",
	"copy-command",	 "default-terminal",	 "editor",
	"escape-time",	 "exit-empty",		 "exit-unattached",
	"extended-keys", "extended-keys-format", "focus-events",
	"history-file",	 "message-limit",	 "prompt-history-limit",
	"set-clipboard", "terminal-features",	 "terminal-overrides",
	"user-keys",
};
static const char *const window_options[] = {
	"aggressive-resize",
	"automatic-rename",
	"automatic-rename-format",
	"clock-mode-colour",
	"clock-mode-style",
	"fill-character",
	"copy-mode-current-match-style",
	"copy-mode-mark-style",
	"copy-mode-match-style",
	"main-pane-height",
	"main-pane-width",
	"menu-border-lines",
	"menu-border-style",
	"menu-selected-style",
	"menu-style",
	"mode-keys",
	"mode-style",
	"monitor-activity",
	"monitor-bell",
	"monitor-silence",
	"other-pane-height",
	"other-pane-width",
	"pane-active-border-style",
	"pane-base-index",
	"pane-border-indicators",
	"pane-border-lines",
	"pane-border-status",
	"pane-border-style",
	"popup-border-lines",
	"popup-border-style",
	"popup-style",
	"window-size",
	"window-status-activity-style",
	"window-status-bell-style",
	"window-status-current-format",
	"window-status-current-style",
	"window-status-format",
	"window-status-last-style",
	"window-status-separator",
	"window-status-style",
	"wrap-search",
	"xterm-keys",
};
/* Window options tmux also keeps per pane (set -p) are listed here: a
 * window's set holds them as well, and a pane's falls back to it. */
static const char *const pane_options[] = {
	"allow-passthrough",	 "alternate-screen",   "allow-rename",	    "cursor-colour",
	"cursor-style",		 "pane-border-format", "pane-colours",	    "remain-on-exit",
	"remain-on-exit-format", "scroll-on-clear",    "synchronize-panes", "window-active-style",
	"window-style"};

static int in_list(const char *const *list, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(list[i], name) == 0)
			return 1;
	}
	return 0;
}

enum option_scope options_scope(const struct option_def *d)
{
#define IN(l) in_list(l, sizeof l / sizeof l[0], d->name)
	if (IN(server_options))
		return OPTION_SERVER;
	if (IN(window_options))
		return OPTION_WINDOW;
	if (IN(pane_options))
		return OPTION_PANE;
	return OPTION_SESSION;
#undef IN
}

/* option_table's indexes in name order: the render step looks options up
 * on every frame, and a binary search takes a few comparisons where a scan
 * of the table takes dozens. Built on the first lookup. */
static int option_order[OPTION_COUNT];
static int option_order_built;

static int order_cmp(const void *a, const void *b)
{
	return strcmp(option_table[*(const int *)a].name, option_table[*(const int *)b].name);
}

static void build_order(void)
{
	if (option_order_built)
		return;
	for (size_t i = 0; i < OPTION_COUNT; i++)
		option_order[i] = (int)i;
	qsort(option_order, OPTION_COUNT, sizeof option_order[0], order_cmp);
	option_order_built = 1;
}

const struct option_def *options_def_at(size_t i)
{
	build_order();
	return i < OPTION_COUNT ? &option_table[option_order[i]] : NULL;
}

static int option_search(const char *name)
{
	size_t lo = 0, hi = OPTION_COUNT;

	build_order();
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(option_table[option_order[mid]].name, name);

		if (cmp == 0)
			return option_order[mid];
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Most names are string literals asked for again and again: a memo by the
 * name's address spares the search (the name is still compared once: the
 * address may be a buffer reused for another name). */
static int option_index(const char *name)
{
	static struct {
		const char *name;
		int idx;
	} memo[64];
	size_t h = ((uintptr_t)name >> 3) % 64;
	int found;

	if (memo[h].name == name && strcmp(option_table[memo[h].idx].name, name) == 0)
		return memo[h].idx;
	found = option_search(name);
	if (found >= 0) {
		memo[h].name = name;
		memo[h].idx = found;
	}
	return found;
}

/* name[N]: 1 with the option's name in base and N in *idx; 0 for a name
 * without an index; -1 for a malformed index. */
static int array_name(const char *name, char *base, size_t size, int *idx)
{
	const char *open = strchr(name, '[');
	char *end;
	long n;

	if (open == NULL)
		return 0;
	n = strtol(open + 1, &end, 10);
	if (end == open + 1 || strcmp(end, "]") != 0 || n < 0 || n > 65535 ||
	    (size_t)(open - name) >= size)
		return -1;
	snprintf(base, size, "%.*s", (int)(open - name), name);
	*idx = (int)n;
	return 1;
}

const struct option_def *options_def(const char *name)
{
	char base[64];
	int i, idx;

	if (array_name(name, base, sizeof base, &idx) > 0)
		name = base;
	i = option_index(name);
	return i < 0 ? NULL : &option_table[i];
}

static int parse_flag(const char *v)
{
	if (strcmp(v, "on") == 0 || strcmp(v, "1") == 0 || strcmp(v, "yes") == 0)
		return 1;
	if (strcmp(v, "off") == 0 || strcmp(v, "0") == 0 || strcmp(v, "no") == 0)
		return 0;
	return -1;
}

static int choice_index(const char *choices, const char *v)
{
	const char *p = choices;
	size_t len = strlen(v);
	int i = 0;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");

		if (n == len && strncmp(p, v, n) == 0)
			return i;
		p += n;
		if (*p == ',')
			p++;
		i++;
	}
	return -1;
}

/* Check a value and compute its number; -1 with *err on a bad value. */
static int option_parse(const struct option_def *d, const char *v, long *num, char **err)
{
	char *end;

	switch (d->type) {
	case OPTION_NUMBER:
		*num = strtol(v, &end, 10);
		if (*v != '\0' && *end == '\0' && (*num < d->min || *num > d->max)) {
			/* tmux's words for a number out of range */
			*err = xasprintf("value is too %s: %s", *num < d->min ? "small" : "large",
					 v);
			return -1;
		}
		if (*v == '\0' || *end != '\0') {
			*err = xasprintf("value is invalid: %s", v);
			return -1;
		}
		return 0;
	case OPTION_FLAG:
		*num = parse_flag(v);
		if (*num < 0) {
			*err = xasprintf("bad value: %s", v);
			return -1;
		}
		return 0;
	case OPTION_CHOICE:
		*num = choice_index(d->choices, v);
		if (*num < 0 && strcmp(d->name, "status") == 0 && parse_flag(v) >= 0)
			*num = parse_flag(v); /* status accepts on/off/1/0 */
		if (*num < 0) {
			*err = xasprintf("unknown value: %s", v);
			return -1;
		}
		return 0;
	default:
		*num = 0;
		return 0;
	}
}

static const char *option_text(const struct option_def *d, long num, const char *v)
{
	if (d->type == OPTION_FLAG)
		return num ? "on" : "off";
	if (d->type == OPTION_CHOICE) {
		static char word[32];
		const char *p = d->choices;
		long i;

		for (i = 0; i < num && (p = strchr(p, ',')) != NULL; i++)
			p++;
		if (p == NULL)
			return v;
		snprintf(word, sizeof word, "%.*s", (int)strcspn(p, ","), p);
		return word;
	}
	return v;
}

/* Bumped by every change to any set (options_generation). */
static unsigned long generation;

unsigned long options_generation(void)
{
	return generation;
}

struct options *options_new(void)
{
	struct options *o = xcalloc(1, sizeof *o);
	size_t i;

	o->v = xcalloc(OPTION_COUNT, sizeof *o->v);
	o->n = (int)OPTION_COUNT;
	for (i = 0; i < OPTION_COUNT; i++) {
		o->v[i].idx = (int)i;
		options_unset(o, option_table[i].name);
	}
	return o;
}

struct options *options_new_child(struct options *parent)
{
	struct options *o = xcalloc(1, sizeof *o);

	generation++;
	o->parent = parent;
	return o;
}

void options_reparent(struct options *o, struct options *parent)
{
	if (o->parent == parent)
		return; /* pane_options asks on every read: nothing changed */
	generation++;
	o->parent = parent;
}

static struct user_option **user_find(struct options *o, const char *name)
{
	struct user_option **u;

	for (u = &o->user; *u != NULL; u = &(*u)->next) {
		if (strcmp((*u)->name, name) == 0)
			break;
	}
	return u;
}

const char *options_user(const struct options *o, const char *name)
{
	struct user_option *u;

	for (; o != NULL; o = o->parent) {
		for (u = o->user; u != NULL; u = u->next) {
			if (strcmp(u->name, name) == 0)
				return u->value;
		}
	}
	return NULL;
}

static void user_set(struct options *o, const char *name, const char *value, int append)
{
	struct user_option **u = user_find(o, name);
	const char *old = options_user(o, name);
	char *v = append && old != NULL ? xasprintf("%s%s", old, value) : xstrdup(value);

	if (*u == NULL) {
		*u = xcalloc(1, sizeof **u);
		(*u)->name = xstrdup(name);
	}
	free((*u)->value);
	(*u)->value = v;
}

static void user_unset(struct options *o, const char *name)
{
	struct user_option **u = user_find(o, name), *gone = *u;

	if (gone == NULL)
		return;
	*u = gone->next;
	free(gone->name);
	free(gone->value);
	free(gone);
}

/* Option i's value in this very set, or NULL. */
static struct option_value *own(const struct options *o, int i)
{
	if (o->parent == NULL)
		return &o->v[i];
	for (int k = 0; k < o->n; k++) {
		if (o->v[k].idx == i)
			return &o->v[k];
	}
	return NULL;
}

int options_is_set(const struct options *o, const char *name)
{
	int i = option_index(name);

	if (*name == '@')
		return *user_find((struct options *)o, name) != NULL;
	return i >= 0 && own(o, i) != NULL;
}

/* Option i's value from the nearest set in the chain that holds it. */
static const struct option_value *holder(const struct options *o, int i)
{
	const struct option_value *v;

	while ((v = own(o, i)) == NULL)
		o = o->parent;
	return v;
}

/* Option i's value in this set, added if it has none. */
static struct option_value *own_add(struct options *o, int i)
{
	struct option_value *v = own(o, i);

	if (v != NULL)
		return v;
	o->v = xrealloc(o->v, (size_t)(o->n + 1) * sizeof *o->v);
	v = &o->v[o->n++];
	*v = (struct option_value){.idx = i};
	return v;
}

/* ---- arrays ---- */

static void array_clear(struct option_value *v)
{
	for (int k = 0; k < v->nitems; k++)
		free(v->items[k]);
	free(v->items);
	v->items = NULL;
	v->nitems = 0;
}

static void array_put(struct option_value *v, int idx, const char *text)
{
	if (idx >= v->nitems) {
		v->items = xrealloc(v->items, (size_t)(idx + 1) * sizeof *v->items);
		memset(v->items + v->nitems, 0, (size_t)(idx + 1 - v->nitems) * sizeof *v->items);
		v->nitems = idx + 1;
	}
	free(v->items[idx]);
	v->items[idx] = text != NULL ? xstrdup(text) : NULL;
}

/* The readers of lists take the items joined by the first separator. */
static void array_join(struct option_value *v, const struct option_def *d)
{
	struct buf b;

	buf_init(&b);
	for (int k = 0; k < v->nitems; k++) {
		if (v->items[k] == NULL)
			continue;
		if (b.len > 0)
			buf_addc(&b, d->choices != NULL ? d->choices[0] : ',');
		buf_adds(&b, v->items[k]);
	}
	free(v->text);
	v->text = buf_detach(&b);
}

/* Each of text's items (split at any of seps) at the first free index. */
static void array_add(struct option_value *v, const char *text, const char *seps)
{
	char *copy = xstrdup(text), *save = NULL, *item;
	int free_at = 0;

	for (item = strtok_r(copy, seps, &save); item != NULL; item = strtok_r(NULL, seps, &save)) {
		while (free_at < v->nitems && v->items[free_at] != NULL)
			free_at++;
		array_put(v, free_at, item);
	}
	free(copy);
}

static void array_default(struct option_value *v, const struct option_def *d)
{
	array_clear(v);
	array_add(v, d->def, "\n");
	array_join(v, d);
}

const char *options_array_item(const struct options *o, const char *name, int idx)
{
	int i = option_index(name);
	const struct option_value *v;

	if (i < 0 || option_table[i].type != OPTION_ARRAY)
		return NULL;
	v = holder(o, i);
	return idx >= 0 && idx < v->nitems ? v->items[idx] : NULL;
}

int options_array_size(const struct options *o, const char *name)
{
	int i = option_index(name);

	return i < 0 || option_table[i].type != OPTION_ARRAY ? 0 : holder(o, i)->nitems;
}

/* set-option on an array: one item (idx >= 0), or the value's items added
 * to the array or replacing it. */
static int array_set(struct options *o, int i, int idx, const char *value, int append)
{
	const struct option_def *d = &option_table[i];
	struct option_value *v = own_add(o, i);

	if (idx >= 0) {
		array_put(v, idx, value);
	} else {
		if (!append)
			array_clear(v);
		array_add(v, value, d->choices != NULL ? d->choices : " ,");
	}
	array_join(v, d);
	return 0;
}

void options_free(struct options *o)
{
	if (o == NULL)
		return;
	generation++;
	for (int k = 0; k < o->n; k++) {
		free(o->v[k].text);
		array_clear(&o->v[k]);
	}
	free(o->v);
	while (o->user != NULL)
		user_unset(o, o->user->name);
	free(o);
}

/* Options tmux keeps as arrays: here one string, the items separated as
 * tmux splits them. */
static char list_separator(const char *name)
{
	if (strcmp(name, "update-environment") == 0)
		return ' ';
	if (strcmp(name, "terminal-overrides") == 0 || strcmp(name, "terminal-features") == 0)
		return ',';
	return '\0';
}

/* set -a: a list gets a new item (tmux appends to the array), a string the
 * text as it is. */
static char *appended(const char *name, const char *old, const char *value)
{
	char sep = list_separator(name);
	size_t n = strlen(old);

	if (sep == '\0' || n == 0 || old[n - 1] == sep || *value == sep || *value == '\0')
		return xasprintf("%s%s", old, value);
	return xasprintf("%s%c%s", old, sep, value);
}

int options_set(struct options *o, const char *name, const char *value, int append, char **err)
{
	int i = option_index(name);
	const struct option_def *d;
	struct option_value *v;
	char *text;
	long num;

	char base[64];
	int idx = -1, indexed = array_name(name, base, sizeof base, &idx);

	generation++;
	if (*name == '@' && name[1] != '\0') {
		user_set(o, name, value, append);
		return 0;
	}
	if (indexed != 0)
		i = option_index(base);
	if (i < 0 || indexed < 0) {
		*err = xasprintf("invalid option: %s", name);
		return -1;
	}
	d = &option_table[i];
	if (d->type == OPTION_ARRAY)
		return array_set(o, i, idx, value, append);
	if (indexed) {
		*err = xasprintf("not an array: %s", name);
		return -1;
	}
	if (append && option_text_type(d->type))
		text = appended(name, holder(o, i)->text, value);
	else
		text = xstrdup(value);
	if (option_parse(d, text, &num, err) != 0) {
		free(text);
		return -1;
	}
	v = own_add(o, i);
	free(v->text);
	v->text = xstrdup(option_text(d, num, text));
	v->number = num;
	free(text);
	return 0;
}

void options_unset(struct options *o, const char *name)
{
	int i = option_index(name), idx;
	struct option_value *v;
	char *err = NULL, base[64];
	long num = 0;

	generation++;
	if (*name == '@')
		user_unset(o, name);
	if (array_name(name, base, sizeof base, &idx) > 0) {
		i = option_index(base);
		if (i >= 0 && (v = own(o, i)) != NULL && idx < v->nitems) {
			array_put(v, idx, NULL);
			array_join(v, &option_table[i]);
		}
		return;
	}
	if (i < 0 || (v = own(o, i)) == NULL)
		return;
	free(v->text);
	v->text = NULL;
	array_clear(v);
	if (o->parent != NULL) {
		*v = o->v[--o->n]; /* inherit again */
		return;
	}
	if (option_table[i].type == OPTION_ARRAY) {
		array_default(v, &option_table[i]);
		return;
	}
	option_parse(&option_table[i], option_table[i].def, &num, &err);
	free(err);
	v->text = xstrdup(option_table[i].def);
	v->number = num;
}

long options_number(const struct options *o, const char *name)
{
	int i = option_index(name);

	return i < 0 ? 0 : holder(o, i)->number;
}

const char *options_string(const struct options *o, const char *name)
{
	int i = option_index(name);

	if (*name == '@')
		return options_user(o, name) != NULL ? options_user(o, name) : "";
	return i < 0 ? "" : holder(o, i)->text;
}

static void show_value(const char *name, const char *v, int string, int value_only, int mark,
		       struct buf *out)
{
	if (!value_only)
		buf_printf(out, "%s%s ", name, mark ? "*" : "");
	if (string && !value_only)
		parse_quote(out, v); /* as tmux: the line can be set back */
	else
		buf_adds(out, v);
	buf_addc(out, '\n');
}

/* An array shows as name[N] value lines (only the name when it is empty);
 * idx >= 0 picks one item, shown even if unset. */
static void show_array(const struct option_value *v, const char *name, int idx, int value_only,
		       int mark, struct buf *out)
{
	char label[96];
	int empty = 1;

	for (int k = 0; k < v->nitems || (idx >= 0 && k <= idx); k++) {
		const char *item = k < v->nitems ? v->items[k] : NULL;

		if (idx >= 0 ? k != idx : item == NULL)
			continue;
		snprintf(label, sizeof label, "%s[%d]", name, k);
		show_value(label, item != NULL ? item : "", 1, value_only, mark, out);
		empty = 0;
	}
	if (empty && !value_only)
		buf_printf(out, "%s%s\n", name, mark ? "*" : "");
}

static void show_one(const struct options *o, size_t i, int value_only, int mark, struct buf *out)
{
	if (option_table[i].type == OPTION_ARRAY) {
		show_array(holder(o, (int)i), option_table[i].name, -1, value_only, mark, out);
		return;
	}
	show_value(option_table[i].name, holder(o, (int)i)->text,
		   option_text_type(option_table[i].type), value_only, mark, out);
}

/* User options of this set, then (inherited) those of its parents that it
 * does not override. */
static void show_user(const struct options *o, const char *name, int value_only, int inherited,
		      struct buf *out)
{
	const struct options *at;
	struct user_option *u;

	for (at = o; at != NULL; at = inherited ? at->parent : NULL) {
		for (u = at->user; u != NULL; u = u->next) {
			if ((name == NULL || strcmp(u->name, name) == 0) &&
			    options_user(o, u->name) == u->value)
				show_value(u->name, u->value, 1, value_only, at != o, out);
		}
	}
}

int options_show(const struct options *o, const char *name, unsigned mask, int value_only,
		 int inherited, struct buf *out)
{
	size_t i;

	if (name != NULL && *name == '@') {
		show_user(o, name, value_only, inherited, out);
		return 0;
	}
	if (name != NULL) {
		char base[64];
		int item = -1, indexed = array_name(name, base, sizeof base, &item);
		int idx = option_index(indexed > 0 ? base : name);

		if (idx < 0 || indexed < 0)
			return -1;
		if (own(o, idx) == NULL && !inherited)
			return 0;
		if (indexed > 0 && option_table[idx].type != OPTION_ARRAY)
			/* as tmux: the option's value, under the name asked for */
			show_value(name, holder(o, idx)->text,
				   option_text_type(option_table[idx].type), value_only,
				   own(o, idx) == NULL, out);
		else if (indexed > 0)
			show_array(holder(o, idx), base, item, value_only, own(o, idx) == NULL,
				   out);
		else
			show_one(o, (size_t)idx, value_only, own(o, idx) == NULL, out);
		return 0;
	}
	for (i = 0; i < OPTION_COUNT; i++) {
		if (!(mask & (1u << options_scope(&option_table[i]))))
			continue;
		if (own(o, (int)i) != NULL || inherited)
			show_one(o, i, value_only, own(o, (int)i) == NULL, out);
	}
	show_user(o, NULL, value_only, inherited, out);
	return 0;
}

/* show-options -j: one object per option, the value typed as its option. */
static void json_one(const struct options *o, size_t i, int *first, struct buf *out,
		     void (*quote)(struct buf *, const char *))
{
	const struct option_value *h = holder(o, (int)i);

	buf_adds(out, *first ? "\n{\"name\":" : ",\n{\"name\":");
	*first = 0;
	quote(out, option_table[i].name);
	buf_adds(out, ",\"value\":");
	if (option_table[i].type == OPTION_ARRAY) {
		buf_addc(out, '[');
		for (int k = 0; k < h->nitems; k++) {
			if (k > 0)
				buf_addc(out, ',');
			if (h->items[k] != NULL)
				quote(out, h->items[k]);
			else
				buf_adds(out, "null");
		}
		buf_addc(out, ']');
	} else if (option_table[i].type == OPTION_NUMBER)
		buf_printf(out, "%ld", h->number);
	else if (option_table[i].type == OPTION_FLAG)
		buf_adds(out, h->number ? "true" : "false");
	else
		quote(out, h->text);
	buf_printf(out, ",\"inherited\":%s}", own(o, (int)i) != NULL ? "false" : "true");
}

/* User options (@name) as show_user picks them; their values are strings. */
static void json_user(const struct options *o, const char *name, int inherited, int *first,
		      struct buf *out, void (*quote)(struct buf *, const char *))
{
	const struct options *at;
	struct user_option *u;

	for (at = o; at != NULL; at = inherited ? at->parent : NULL) {
		for (u = at->user; u != NULL; u = u->next) {
			if ((name != NULL && strcmp(u->name, name) != 0) ||
			    options_user(o, u->name) != u->value)
				continue;
			buf_adds(out, *first ? "\n{\"name\":" : ",\n{\"name\":");
			*first = 0;
			quote(out, u->name);
			buf_adds(out, ",\"value\":");
			quote(out, u->value);
			buf_printf(out, ",\"inherited\":%s}", at != o ? "true" : "false");
		}
	}
}

int options_show_json(const struct options *o, const char *name, unsigned mask, int inherited,
		      struct buf *out, void (*quote)(struct buf *, const char *))
{
	int first = 1, user = name != NULL && *name == '@', item;
	char base[64];
	size_t i;
	int idx;

	if (name != NULL && !user && array_name(name, base, sizeof base, &item) > 0) {
		name = base; /* (the whole array) */
		if (option_index(name) >= 0 &&
		    option_table[option_index(name)].type != OPTION_ARRAY)
			return -1;
	}
	idx = name != NULL && !user ? option_index(name) : -1;

	if (name != NULL && !user && idx < 0)
		return -1;
	buf_addc(out, '[');
	for (i = 0; i < OPTION_COUNT && !user; i++) {
		if (idx >= 0 ? (int)i != idx : !(mask & (1u << options_scope(&option_table[i]))))
			continue;
		if (own(o, (int)i) != NULL || inherited)
			json_one(o, i, &first, out, quote);
	}
	if (idx < 0)
		json_user(o, name, inherited, &first, out, quote);
	buf_adds(out, first ? "]\n" : "\n]\n");
	return 0;
}
