/*
 * format: tmux 3.3's format language for -F, display-message, the status
 * line and hooks.
 *
 * Supported: #{var} for the server, session_, window_, pane_, client_ and
 * buffer_ variables (a variable whose object is missing expands to
 * nothing), #{option-name} for known options, the shorthands #S #W #I #P #D
 * #T #H #h #F, "##" "#," "#}", conditionals #{?cond,a,b}, comparisons
 * #{==:a,b} #{!=:} #{<:} #{>:} #{<=:} #{>=:} #{||:} #{&&:} (string compares,
 * as tmux), #{m:pat,s} (fnmatch; m/i, m/r regex, m/ri), #{s/re/rep/:v}
 * (flags i; several separated by ';'), #{=N:v} #{=-N:v} #{=/N/marker:v},
 * #{pN:v} #{p-N:v} padding, #{l:…} #{b:v} #{d:v} #{q:v} (q/e: style
 * quoting), #{E:v} #{T:v}, #{t:v} #{t/p:v} #{t/f/fmt:v}, #{e|op|f|prec:a,b}
 * arithmetic (+ - * / m % == != < > <= >=), #{n:v} length in bytes, #{w:v}
 * display width, loops #{S:…} #{W:all,current} #{P:all,current}
 * #{L:all,current} (clients). Modifiers combine as in tmux: #{=3;b:v}.
 * #{@name} user options.
 * #{a:n} character, #{c:colour} RGB, #{C:text} search the pane, #{N:name}
 * and N/s name exists, #(command) a background command's last line
 * (server/format_job.c). The pane's terminal modes (insert_flag,
 * keypad_flag, scroll_region_*, pane_tabs…) come from the grid
 * (grid_modes); #{command} is the command running (srv->command). Groups
 * and linked windows give tmux's "nothing happening" values ("0"/"").
 * client_ variables need an attached client: display-message takes the
 * one of -c, the caller or the most recently active one, as tmux; other
 * commands the caller only (tmux shows none for a shell's command client).
 */
#ifndef PMUX_CMD_FORMAT_H
#define PMUX_CMD_FORMAT_H

#include <time.h>

#include "server/mouse.h"
#include "server/server.h"

/* A paste buffer, for the buffer_ variables (list-buffers). */
struct format_buffer {
	const char *name;
	const char *data;
	size_t size;
	time_t created;
};

struct format_ctx {
	struct server *srv;
	struct session *s;
	struct window *w;
	struct pane *p;
	struct peer *c;		     /* the client, for client_ variables; may be NULL */
	const struct mouse_event *m; /* a mouse binding's event (mouse_x …), or NULL */
	const struct format_buffer *b;
	int line; /* #{line}: the item's place among its siblings in a list, from
		     1 (list-panes: in its window); 0 for none */
	/* More variables, name then value (list-commands' command_list_*), or NULL */
	const char *const *extra;
	int nextra;
	/* What the context is about, set by format_ctx_session, _window and
	 * _pane: #{session_format}, #{window_format}, #{pane_format} (as tmux,
	 * for choose-tree -F); 0 for none. */
	enum format_type { FORMAT_NONE, FORMAT_SESSION, FORMAT_WINDOW, FORMAT_PANE } type;
};

/* 0 if fmt is well formed, else -1 and a message in *err (malloc'd). An
 * unknown variable is not an error: it expands to nothing, as in tmux. */
int format_check(const char *fmt, char **err);
/* Expand fmt; returns a malloc'd string. */
char *format_expand(const char *fmt, const struct format_ctx *fc);
/* Expand fmt after passing it through strftime(3), as tmux does for the
 * status line and display-message ("%%" for a literal '%'). */
char *format_expand_time(const char *fmt, const struct format_ctx *fc);
/* The same, with (with_time) strftime first, appending to log a trace of
 * the expansion as display-message -v shows it: lines "# …", indented by
 * nesting, of what was found, looked up, compared and replaced. */
char *format_expand_trace(const char *fmt, const struct format_ctx *fc, int with_time,
			  struct buf *log);
/* Non-zero if fmt expands to something other than "" or "0" (-f filters). */
int format_true(const char *fmt, const struct format_ctx *fc);
/*
 * Append one JSON object to out: the named variables (or option names), or
 * with names NULL every variable whose object fc has. Numbers and times are
 * JSON numbers, flags true/false, other values strings (RFC 8259 escaping,
 * invalid UTF-8 replaced by U+FFFD); a variable that has no value here, or
 * an unknown name, is null.
 */
void format_json(struct buf *out, const struct format_ctx *fc, const char *const *names,
		 int nnames);
/* Append s as a JSON string (quotes included). */
void format_json_string(struct buf *out, const char *s);
/* Non-zero if name is a format variable pmux knows. */
int format_known(const char *name);
/* Every variable of the context's scopes, with its value: NULL where it
 * does not apply here (copy mode's outside copy mode). */
void format_each(const struct format_ctx *fc,
		 void (*fn)(const char *name, const char *value, void *arg), void *arg);

/* Fill the context from the most specific object given. */
void format_ctx_pane(struct format_ctx *fc, struct server *srv, struct pane *p);
void format_ctx_window(struct format_ctx *fc, struct server *srv, struct window *w);
void format_ctx_session(struct format_ctx *fc, struct server *srv, struct session *s);

#endif
