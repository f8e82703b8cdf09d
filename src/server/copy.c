/*
 * copy: copy mode of a pane (see copy.h). Commands are tmux's copy-mode
 * command names, run by send-keys -X or by the copy-mode key tables.
 */
#include "server/copy.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"
#include "render/render.h"
#include "render/style.h"
#include "server/clock.h"
#include "server/copy_pipe.h"
#include "server/passthru.h"
#include "server/server.h"
#include "term/key.h"
#include "util/utf8.h"
#include "term/grid.h"
#include "util/buf.h"

/* ---- geometry: line numbers count from the oldest history line ---- */

static int hsize(struct pane *p)
{
	return grid_history_size(p->grid);
}

static int rows(struct pane *p)
{
	return grid_rows(p->grid);
}

static long nlines(struct pane *p)
{
	return (long)hsize(p) + rows(p);
}

/* A line number to a grid row (negative in history). */
static int line_row(struct pane *p, long line)
{
	return (int)(line - hsize(p));
}

/* Keep everything inside what exists and the cursor inside the view: the
 * grid may have changed under copy mode (clear-history, resize, a history
 * limit dropping old lines). */
static void clamp(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	long last = nlines(p) - 1;
	unsigned long dropped = grid_history_dropped(p->grid);

	/* lines dropped from the top of a full history: the same text now has
	 * a smaller line number */
	if (dropped != cm->dropped) {
		long n = (long)(dropped - cm->dropped);

		cm->top -= n, cm->cy -= n, cm->sy -= n;
		cm->dropped = dropped;
	}
	if (cm->cy > last)
		cm->cy = last;
	if (cm->cy < 0)
		cm->cy = 0;
	if (cm->sy > last)
		cm->sy = last;
	if (cm->sy < 0)
		cm->sy = 0;
	if (cm->cx >= grid_cols(p->grid))
		cm->cx = grid_cols(p->grid) - 1;
	if (cm->cx < 0)
		cm->cx = 0;
	if (cm->cy < cm->top)
		cm->top = cm->cy;
	if (cm->cy >= cm->top + rows(p))
		cm->top = cm->cy - rows(p) + 1;
	if (cm->top > hsize(p))
		cm->top = hsize(p);
	if (cm->top < 0)
		cm->top = 0;
}

/* Columns used by a line: the last non-blank cell + 1. */
static int line_length(struct pane *p, long line)
{
	const struct grid_cell *c = grid_line(p->grid, line_row(p, line));
	int n = grid_cols(p->grid);

	while (n > 0 && (c[n - 1].ch == 0 || c[n - 1].ch == ' '))
		n--;
	return n;
}

static uint32_t cell_char(struct pane *p, long line, int x)
{
	const struct grid_cell *c = grid_line(p->grid, line_row(p, line));

	if (x < 0 || x >= grid_cols(p->grid) || c[x].ch == 0)
		return ' ';
	return c[x].ch;
}

/* emacs keys: the cursor sits between characters, so a selection ends
 * before the later of its two ends; vi keys include that character. */
static int emacs_keys(struct pane *p)
{
	return strcmp(options_string(window_options(p->window), "mode-keys"), "vi") != 0;
}

/* ---- lifetime ---- */

static void changed(struct pane *p)
{
	if (p->window != NULL && p->window->session != NULL)
		attach_mark_session(p->window->session);
}

void copy_enter(struct pane *p, int flags)
{
	struct copy_mode *cm = p->copy;
	int row, col;

	clock_exit(p);
	if (cm == NULL) {
		cm = p->copy = xcalloc(1, sizeof *cm);
		grid_cursor(p->grid, &row, &col);
		cm->top = hsize(p);
		cm->cy = cm->top + row;
		cm->cx = col;
		cm->dropped = grid_history_dropped(p->grid);
	}
	if (flags & COPY_EXIT_BOTTOM)
		cm->exit_at_bottom = 1;
	if (flags & COPY_HIDE_POSITION)
		cm->hide_position = 1;
	if (flags & COPY_PAGE_UP) {
		cm->top -= rows(p);
		cm->cy -= rows(p);
		if (cm->top < 0) {
			cm->cy -= cm->top;
			cm->top = 0;
		}
	}
	clamp(p);
	changed(p);
}

void copy_free(struct copy_mode *cm)
{
	if (cm == NULL)
		return;
	free(cm->search);
	free(cm->marks);
	free(cm);
}

void copy_exit(struct pane *p)
{
	copy_free(p->copy);
	p->copy = NULL;
	p->srv->control_dirty = 1; /* %pane-mode-changed */
	changed(p);
}

/* ---- selection and copying ---- */

int copy_selection(struct pane *p, int *sy, int *sx, int *ey, int *ex, int *rect)
{
	struct copy_mode *cm = p->copy;
	long a, b;
	int ax, bx;

	if (cm == NULL || !cm->selecting)
		return 0;
	clamp(p);
	a = cm->sy, ax = cm->sx, b = cm->cy, bx = cm->cx;
	if (a > b || (a == b && ax > bx)) {
		long t = a;
		int tx = ax;

		a = b, ax = bx, b = t, bx = tx;
	}
	/* with emacs keys the later end is not selected, except in the last
	 * column, where a whole line (select-line, copy-end-of-line) ends */
	if (emacs_keys(p) && cm->rectangle && ax != bx) {
		if (ax > bx && ax < grid_cols(p->grid) - 1)
			ax--;
		else if (bx > ax && bx < grid_cols(p->grid) - 1)
			bx--;
	} else if (emacs_keys(p) && !cm->rectangle && bx < grid_cols(p->grid) - 1) {
		bx--;
	}
	*sy = line_row(p, a), *sx = ax, *ey = line_row(p, b), *ex = bx;
	*rect = cm->rectangle;
	return 1;
}

/* Cells x0..x1 (inclusive) of grid row y as UTF-8; the blanks past the
 * row's text are left out unless keep (a wrapped row continues on the next
 * one), blanks inside it are kept. */
static void add_cells(struct pane *p, struct buf *b, int y, int x0, int x1, int keep)
{
	const struct grid_cell *c = grid_line(p->grid, y);
	char text[32];
	int len = grid_cols(p->grid);

	if (x1 >= grid_cols(p->grid))
		x1 = grid_cols(p->grid) - 1;
	while (!keep && len > 0 && (c[len - 1].ch == 0 || c[len - 1].ch == ' '))
		len--;
	if (!keep && x1 >= len)
		x1 = len - 1;
	for (int x = x0; x <= x1; x++) {
		/* grid_line's buffer may be reused: read each cell through it once */
		size_t n = grid_cell_utf8(p->grid, &c[x], text);

		buf_add(b, text, n);
	}
}

/* The selected text: rows joined with '\n' (wrapped rows joined as one),
 * or a column block in rectangle mode. */
static char *selection_text(struct pane *p, size_t *len)
{
	int sy, sx, ey, ex, rect, cols = grid_cols(p->grid);
	struct buf b;

	if (!copy_selection(p, &sy, &sx, &ey, &ex, &rect))
		return NULL;
	if (rect && sx > ex) {
		int t = sx;

		sx = ex, ex = t;
	}
	buf_init(&b);
	for (int y = sy; y <= ey; y++) {
		int x0 = rect || y == sy ? sx : 0, x1 = rect || y == ey ? ex : cols - 1;
		int wrapped = !rect && y < ey && grid_line_wrapped(p->grid, y);

		add_cells(p, &b, y, x0, x1, wrapped);
		if (y < ey && !wrapped)
			buf_addc(&b, '\n');
	}
	*len = b.len;
	buf_addc(&b, '\0');
	return b.data;
}

/* The selection into a new paste buffer, or (append) onto the end of the
 * newest one, as tmux's append-selection does; and into the standard input
 * of command, if not NULL or empty (copy-pipe). */
static void copy_to_buffer(struct pane *p, int append, const char *command)
{
	struct paste_buffer *top = append ? buffers_top(&p->srv->buffers) : NULL;
	size_t len;
	char *text = selection_text(p, &len), *joined;

	if (text == NULL)
		return;
	if (top != NULL) {
		joined = xmalloc(top->size + len + 1);
		memcpy(joined, top->data, top->size);
		memcpy(joined + top->size, text, len);
		free(text);
		text = joined;
		len += top->size;
	}
	buffers_set(&p->srv->buffers, top != NULL ? top->name : NULL, text, len);
	/* the terminals showing the pane, unless set-clipboard is off */
	if (strcmp(options_string(p->srv->options, "set-clipboard"), "off") != 0)
		passthru_set_selection(p, text, len);
	if (command != NULL && *command != '\0')
		copy_pipe_start(p, command, text, len);
	free(text);
}

/* ---- search ---- */

/* The text of a line and, per byte, the column it came from. */
static char *line_text(struct pane *p, long line, int **cols, size_t *len)
{
	const struct grid_cell *c = grid_line(p->grid, line_row(p, line));
	struct buf b;
	size_t n;
	int w = grid_cols(p->grid), *map = xmalloc((size_t)w * 32 * sizeof *map);
	char text[32];

	buf_init(&b);
	for (int x = 0; x < w; x++) {
		n = grid_cell_utf8(p->grid, &c[x], text);
		for (size_t i = 0; i < n; i++)
			map[b.len + i] = x;
		buf_add(&b, text, n);
	}
	*len = b.len;
	buf_addc(&b, '\0');
	*cols = map;
	return b.data;
}

/* Find s in line at a column > after (forward) or < before (backward);
 * the match's column, or -1. */
static int search_line(struct pane *p, long line, const char *s, int back, int limit)
{
	int *map, found = -1;
	size_t len, slen = strlen(s);
	char *text = line_text(p, line, &map, &len);

	for (size_t i = 0; i + slen <= len; i++) {
		if (memcmp(text + i, s, slen) != 0)
			continue;
		if (!back && map[i] > limit) {
			found = map[i];
			break;
		}
		if (back && map[i] < limit)
			found = map[i];
	}
	free(text);
	free(map);
	return found;
}

static void search(struct pane *p, const char *s, int back)
{
	struct copy_mode *cm = p->copy;
	long n = nlines(p), line = cm->cy;
	int wrap = options_number(window_options(p->window), "wrap-search");
	int x;

	if (*s == '\0')
		return;
	/* the cursor's line first (past the cursor), then line by line */
	for (long i = 0; i <= n; i++) {
		int limit = i == 0 ? cm->cx : (back ? grid_cols(p->grid) + 1 : -1);

		x = search_line(p, line, s, back, limit);
		if (x >= 0) {
			cm->cy = line, cm->cx = x;
			return;
		}
		line += back ? -1 : 1;
		if (line < 0 || line >= n) {
			if (!wrap)
				return;
			line = back ? n - 1 : 0;
		}
	}
}

static void search_start(struct pane *p, const char *s, int back)
{
	free(p->copy->search);
	p->copy->search = xstrdup(s);
	p->copy->search_back = back;
	search(p, s, back);
}

static void search_again(struct pane *p, int reverse)
{
	struct copy_mode *cm = p->copy;

	if (cm->search != NULL)
		search(p, cm->search, cm->search_back ^ reverse);
}

/* ---- words ---- */

/* tmux's three kinds of character for word motions: blanks, separators
 * (word-separators) and the rest; a run of one kind is a word. */
enum { CH_BLANK, CH_SEPARATOR, CH_WORD };

static int char_class(struct pane *p, uint32_t ch)
{
	const char *sep = options_string(session_options(p->window->session), "word-separators");

	if (ch == ' ' || ch == 0)
		return CH_BLANK;
	if (p->copy != NULL && p->copy->spaces)
		return CH_WORD;
	if (ch < 0x80 && strchr(sep, (int)ch) != NULL)
		return CH_SEPARATOR;
	return CH_WORD;
}

/* Step the cursor one cell forward or back across lines; 0 at an end. */
static int step(struct pane *p, int back)
{
	struct copy_mode *cm = p->copy;

	if (back) {
		if (cm->cx > 0)
			cm->cx--;
		else if (cm->cy > 0)
			cm->cy--, cm->cx = grid_cols(p->grid) - 1;
		else
			return 0;
	} else {
		if (cm->cx < grid_cols(p->grid) - 1)
			cm->cx++;
		else if (cm->cy < nlines(p) - 1)
			cm->cy++, cm->cx = 0;
		else
			return 0;
	}
	return 1;
}

static int here(struct pane *p)
{
	return char_class(p, cell_char(p, p->copy->cy, p->copy->cx));
}

/* Past the rest of this word (if on one), then past blanks. */
static void next_word(struct pane *p)
{
	int c = here(p);

	while (c != CH_BLANK && here(p) == c && step(p, 0))
		;
	while (here(p) == CH_BLANK && step(p, 0))
		;
}

/* Over blanks, then to the end of the word: emacs (M-f) stops just past
 * it, vi (e) on its last character and moves on from a word's end. */
static void next_word_end(struct pane *p)
{
	int vi = !emacs_keys(p), c;

	if (vi)
		step(p, 0);
	while (here(p) == CH_BLANK && step(p, 0))
		;
	c = here(p);
	while (c != CH_BLANK && here(p) == c && step(p, 0))
		;
	if (vi)
		step(p, 1);
}

/* Back to a character that is not blank, then to the start of its word. */
static void previous_word(struct pane *p)
{
	int c;

	if (!step(p, 1))
		return;
	while (here(p) == CH_BLANK && step(p, 1))
		;
	c = here(p);
	while (step(p, 1)) {
		if (here(p) != c) {
			step(p, 0);
			break;
		}
	}
}

/* A word motion over words split at blanks only (tmux's "space" words:
 * vi's W, B and E). */
static void space_motion(struct pane *p, void (*motion)(struct pane *))
{
	p->copy->spaces = 1;
	motion(p);
	p->copy->spaces = 0;
}

/* ---- matching brackets (vi %, emacs M-C-f and M-C-b) ---- */

static const char bracket_open[] = "{[(", bracket_close[] = "}])";

/* The bracket at the cursor's cell: its index in the lists, or -1. */
static int bracket_at(struct pane *p, const char *list)
{
	uint32_t ch = cell_char(p, p->copy->cy, p->copy->cx);

	return ch != 0 && ch < 0x80 && strchr(list, (int)ch) != NULL
		       ? (int)(strchr(list, (int)ch) - list)
		       : -1;
}

/* From the bracket at the cursor to its partner, counting nested pairs
 * of the same kind; the cursor stays if there is none. */
static void bracket_partner(struct pane *p, int kind, int back)
{
	struct copy_mode *cm = p->copy;
	long y = cm->cy;
	int x = cm->cx, depth = 0;
	uint32_t mine = (uint32_t)(back ? bracket_close : bracket_open)[kind];
	uint32_t other = (uint32_t)(back ? bracket_open : bracket_close)[kind];

	while (step(p, back)) {
		uint32_t ch = cell_char(p, cm->cy, cm->cx);

		if (ch == mine)
			depth++;
		else if (ch == other && depth-- == 0)
			return;
	}
	cm->cy = y, cm->cx = x;
}

/* vi (%), as tmux: the first bracket from the cursor on its line, to its
 * partner; nothing without one. */
static void vi_matching_bracket(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	int x = cm->cx, open, close;

	for (; cm->cx < grid_cols(p->grid); cm->cx++) {
		open = bracket_at(p, bracket_open);
		close = bracket_at(p, bracket_close);
		if (open >= 0 || close >= 0) {
			bracket_partner(p, open >= 0 ? open : close, open < 0);
			return;
		}
	}
	cm->cx = x;
}

/* emacs (M-C-f), as tmux: on an opening bracket (or, failing that, the next
 * cell), to its closing one; otherwise to the end of the next
 * blank-separated word. */
static void next_matching_bracket(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	int kind = bracket_at(p, bracket_open);

	if (!emacs_keys(p)) {
		vi_matching_bracket(p);
		return;
	}
	if (kind < 0 && cm->cx + 1 < grid_cols(p->grid)) {
		cm->cx++;
		if ((kind = bracket_at(p, bracket_open)) < 0)
			cm->cx--;
	}
	if (kind >= 0)
		bracket_partner(p, kind, 0);
	else
		space_motion(p, next_word_end);
}

/* The other way: on a closing bracket (emacs: or the cell before), back to
 * its opening one; otherwise (emacs) back to the start of a blank-separated
 * word. */
static void previous_matching_bracket(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	int kind = bracket_at(p, bracket_close), emacs = emacs_keys(p);

	if (kind < 0 && emacs && cm->cx > 0) {
		cm->cx--;
		if ((kind = bracket_at(p, bracket_close)) < 0)
			cm->cx++;
	}
	if (kind >= 0)
		bracket_partner(p, kind, 1);
	else if (emacs)
		space_motion(p, previous_word);
}

/* ---- jumps (f F t T ; ,), lines and paragraphs ---- */

enum { JUMP_FORWARD = 1, JUMP_BACKWARD, JUMP_TO_FORWARD, JUMP_TO_BACKWARD };

/* The character a jump looks for: the argument's one character, or Space
 * (the single-key prompt answers with a key name); 0 for anything else. */
static uint32_t jump_arg(const char *s)
{
	uint32_t cp;

	if (strcmp(s, "Space") == 0)
		return ' ';
	if (*s == '\0' || s[utf8_next(s, &cp)] != '\0')
		return 0;
	return cp;
}

/* On the cursor's line, as tmux: f to the next ch, t to just before it,
 * F and T backwards (t and T skip a ch right next to the cursor, so that
 * repeating them moves on). */
static void jump(struct pane *p, int kind, uint32_t ch)
{
	struct copy_mode *cm = p->copy;
	int w = grid_cols(p->grid), back = kind == JUMP_BACKWARD || kind == JUMP_TO_BACKWARD;
	int to = kind == JUMP_TO_FORWARD || kind == JUMP_TO_BACKWARD, step = back ? -1 : 1;

	if (ch == 0)
		return;
	for (int x = cm->cx + step * (to ? 2 : 1); x >= 0 && x < w; x += step) {
		if (cell_char(p, cm->cy, x) == ch) {
			cm->cx = to ? x - step : x;
			return;
		}
	}
}

static void jump_start(struct pane *p, int kind, const char *arg)
{
	p->copy->jump = kind;
	p->copy->jump_char = jump_arg(arg);
	jump(p, kind, p->copy->jump_char);
}

static void jump_again(struct pane *p, int reverse)
{
	static const int opposite[] = {0, JUMP_BACKWARD, JUMP_FORWARD, JUMP_TO_BACKWARD,
				       JUMP_TO_FORWARD};
	int kind = p->copy->jump;

	if (kind != 0)
		jump(p, reverse ? opposite[kind] : kind, p->copy->jump_char);
}

/* goto-line N: the view N lines up from the bottom (tmux's line numbers
 * count back from the screen), the cursor on the same row of it. */
static void goto_line(struct pane *p, const char *arg)
{
	struct copy_mode *cm = p->copy;
	long row = cm->cy - cm->top, n;
	char *end;

	n = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0')
		return;
	if (n < 0 || n > hsize(p))
		n = hsize(p);
	cm->top = hsize(p) - n;
	cm->cy = cm->top + row;
}

/* Over any blank lines, then to the blank line past the paragraph. */
static void previous_paragraph(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	long y = cm->cy;

	while (y > 0 && line_length(p, y) == 0)
		y--;
	while (y > 0 && line_length(p, y) > 0)
		y--;
	cm->cy = y, cm->cx = 0;
}

static void next_paragraph(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	long y = cm->cy, last = nlines(p) - 1;
	int len;

	while (y < last && line_length(p, y) == 0)
		y++;
	while (y < last && line_length(p, y) > 0)
		y++;
	len = line_length(p, y);
	cm->cy = y, cm->cx = len;
}

/*
 * search-forward-incremental and -backward-incremental, run by
 * command-prompt -i at each change: "=text" searches again from where the
 * search started (back there for no text), "+text" and "-text" (C-s, C-r)
 * search on from the current match.
 */
static void search_incremental(struct pane *p, const char *arg, int back)
{
	struct copy_mode *cm = p->copy;
	char prefix = *arg != '\0' && strchr("=+-", *arg) != NULL ? *arg++ : '=';

	if (!cm->isearch) {
		cm->isearch = 1;
		cm->isearch_top = cm->top, cm->isearch_cy = cm->cy, cm->isearch_cx = cm->cx;
	}
	if (prefix == '=') {
		cm->top = cm->isearch_top, cm->cy = cm->isearch_cy, cm->cx = cm->isearch_cx;
		if (*arg != '\0')
			search_start(p, arg, back);
	} else if (*arg != '\0') {
		search_start(p, arg, prefix == '-');
	}
}

/* Commands with one argument; returns 0 if name is not one. */
static int argument_command(struct pane *p, const char *name, const char *arg)
{
	static const struct {
		const char *name;
		int kind;
	} jumps[] = {{"jump-forward", JUMP_FORWARD},
		     {"jump-backward", JUMP_BACKWARD},
		     {"jump-to-forward", JUMP_TO_FORWARD},
		     {"jump-to-backward", JUMP_TO_BACKWARD}};

	for (size_t i = 0; i < sizeof jumps / sizeof jumps[0]; i++) {
		if (strcmp(name, jumps[i].name) == 0) {
			if (arg != NULL)
				jump_start(p, jumps[i].kind, arg);
			return 1;
		}
	}
	if (strcmp(name, "goto-line") == 0) {
		if (arg != NULL)
			goto_line(p, arg);
		return 1;
	}
	if (strcmp(name, "search-forward") == 0 || strcmp(name, "search-backward") == 0) {
		if (arg != NULL)
			search_start(p, arg, name[7] == 'b');
		return 1;
	}
	if (strcmp(name, "search-forward-incremental") == 0 ||
	    strcmp(name, "search-backward-incremental") == 0) {
		if (arg != NULL)
			search_incremental(p, arg, name[7] == 'b');
		return 1;
	}
	return 0;
}

/* ---- commands ---- */

static void move_view(struct pane *p, long lines)
{
	struct copy_mode *cm = p->copy;

	cm->top += lines;
	cm->cy += lines;
	if (cm->top < 0)
		cm->cy -= cm->top, cm->top = 0;
	if (cm->top > hsize(p))
		cm->cy -= cm->top - hsize(p), cm->top = hsize(p);
}

/* Scroll the view, keeping the cursor on its text while it stays in view. */
static void scroll(struct pane *p, long lines)
{
	struct copy_mode *cm = p->copy;

	cm->top += lines;
	if (cm->top < 0)
		cm->top = 0;
	if (cm->top > hsize(p))
		cm->top = hsize(p);
	if (cm->cy < cm->top)
		cm->cy = cm->top;
	if (cm->cy >= cm->top + rows(p))
		cm->cy = cm->top + rows(p) - 1;
}

/* emacs keys: just past the line's last character; vi: on it. */
static int end_of_line(struct pane *p, long line)
{
	int len = line_length(p, line);

	if (emacs_keys(p))
		return len;
	return len > 0 ? len - 1 : 0;
}

/* As tmux: past the end of a line's text to the start of the next (a
 * rectangle selection goes to the last column instead). */
static void cursor_right(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	int end = cm->rectangle && cm->selecting ? grid_cols(p->grid) - 1 : line_length(p, cm->cy);

	if (cm->cx >= end && cm->cy < nlines(p) - 1)
		cm->cy++, cm->cx = 0;
	else if (cm->cx < end)
		cm->cx++;
}

/* From the start of a line to the end of the one above. */
static void cursor_left(struct pane *p)
{
	struct copy_mode *cm = p->copy;

	if (cm->cx > 0)
		cm->cx--;
	else if (cm->cy > 0)
		cm->cy--, cm->cx = line_length(p, cm->cy);
}

/* Up or down, keeping to the column the moves started from where the line
 * is long enough, else just past its text (as tmux, in vi mode too); moves
 * that started at or past the end of a line go to the end of each line. */
static void cursor_vertical(struct pane *p, int dir)
{
	struct copy_mode *cm = p->copy;
	int want, len;

	if (cm->want_cx == 0) {
		cm->want_cx = cm->cx + 1;
		cm->want_end = cm->cx >= line_length(p, cm->cy);
	}
	want = cm->want_cx - 1;
	cm->cy += dir;
	if (cm->cy < 0 || cm->cy > nlines(p) - 1)
		return; /* clamp() keeps it inside */
	len = line_length(p, cm->cy);
	if (cm->rectangle && cm->selecting)
		cm->cx = want;
	else
		cm->cx = cm->want_end || want > len ? len : want;
}

/* Commands with no argument, by name; returns 0 if name is not one. */
static int simple_command(struct pane *p, const char *name)
{
	struct copy_mode *cm = p->copy;
	int r = rows(p), half = r / 2 > 0 ? r / 2 : 1;

	if (strcmp(name, "cursor-up") == 0)
		cursor_vertical(p, -1);
	else if (strcmp(name, "cursor-down") == 0)
		cursor_vertical(p, 1);
	else if (strcmp(name, "cursor-left") == 0)
		cursor_left(p);
	else if (strcmp(name, "cursor-right") == 0)
		cursor_right(p);
	else if (strcmp(name, "start-of-line") == 0)
		cm->cx = 0;
	else if (strcmp(name, "end-of-line") == 0)
		cm->cx = end_of_line(p, cm->cy);
	else if (strcmp(name, "back-to-indentation") == 0) {
		cm->cx = 0;
		while (cm->cx < line_length(p, cm->cy) && cell_char(p, cm->cy, cm->cx) == ' ')
			cm->cx++;
	} else if (strcmp(name, "page-up") == 0)
		move_view(p, -r);
	else if (strcmp(name, "page-down") == 0)
		move_view(p, r);
	else if (strcmp(name, "halfpage-up") == 0)
		move_view(p, -half);
	else if (strcmp(name, "halfpage-down") == 0)
		move_view(p, half);
	else if (strcmp(name, "scroll-up") == 0)
		scroll(p, -1);
	else if (strcmp(name, "scroll-down") == 0)
		scroll(p, 1);
	else if (strcmp(name, "history-top") == 0)
		cm->top = 0, cm->cy = 0, cm->cx = 0;
	else if (strcmp(name, "history-bottom") == 0) {
		cm->top = hsize(p), cm->cy = nlines(p) - 1;
		cm->cx = line_length(p, cm->cy);
	} else if (strcmp(name, "top-line") == 0)
		cm->cy = cm->top;
	else if (strcmp(name, "middle-line") == 0)
		cm->cy = cm->top + (r - 1) / 2;
	else if (strcmp(name, "bottom-line") == 0)
		cm->cy = cm->top + r - 1;
	else if (strcmp(name, "next-word") == 0)
		next_word(p);
	else if (strcmp(name, "next-word-end") == 0)
		next_word_end(p);
	else if (strcmp(name, "previous-word") == 0)
		previous_word(p);
	else if (strcmp(name, "next-space") == 0)
		space_motion(p, next_word);
	else if (strcmp(name, "next-space-end") == 0)
		space_motion(p, next_word_end);
	else if (strcmp(name, "previous-space") == 0)
		space_motion(p, previous_word);
	else if (strcmp(name, "next-matching-bracket") == 0)
		next_matching_bracket(p);
	else if (strcmp(name, "previous-matching-bracket") == 0)
		previous_matching_bracket(p);
	else if (strcmp(name, "toggle-position") == 0)
		cm->hide_position = !cm->hide_position;
	else if (strcmp(name, "refresh-from-pane") == 0)
		; /* the view is the pane's own grid: always up to date */
	else if (strcmp(name, "search-again") == 0)
		search_again(p, 0);
	else if (strcmp(name, "search-reverse") == 0)
		search_again(p, 1);
	else if (strcmp(name, "jump-again") == 0)
		jump_again(p, 0);
	else if (strcmp(name, "jump-reverse") == 0)
		jump_again(p, 1);
	else if (strcmp(name, "next-paragraph") == 0)
		next_paragraph(p);
	else if (strcmp(name, "previous-paragraph") == 0)
		previous_paragraph(p);
	else
		return 0;
	return 1;
}

/* The word under the cursor, on its line: the selection from its start,
 * the cursor on its last character (a separator alone if not on a word). */
static void select_word(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	int start = cm->cx, end = cm->cx, w = grid_cols(p->grid);

	int c = here(p);

	if (c != CH_BLANK) {
		while (start > 0 && char_class(p, cell_char(p, cm->cy, start - 1)) == c)
			start--;
		while (end < w - 1 && char_class(p, cell_char(p, cm->cy, end + 1)) == c)
			end++;
	}
	cm->selecting = 1, cm->sy = cm->cy, cm->sx = start, cm->cx = end;
	if (emacs_keys(p) && end < w - 1)
		cm->cx = end + 1; /* the selection ends before the cursor */
}

static int selection_command(struct pane *p, const char *name)
{
	struct copy_mode *cm = p->copy;

	if (strcmp(name, "begin-selection") == 0) {
		cm->selecting = 1, cm->sy = cm->cy, cm->sx = cm->cx;
	} else if (strcmp(name, "clear-selection") == 0) {
		cm->selecting = 0;
	} else if (strcmp(name, "set-mark") == 0) {
		cm->mark_set = 1, cm->my = cm->cy, cm->mx = cm->cx;
	} else if (strcmp(name, "jump-to-mark") == 0 && cm->mark_set) {
		long y = cm->my;
		int x = cm->mx;

		/* the mark and the cursor change places, as in tmux */
		cm->my = cm->cy, cm->mx = cm->cx, cm->cy = y, cm->cx = x;
	} else if (strcmp(name, "rectangle-toggle") == 0) {
		cm->rectangle = !cm->rectangle;
	} else if (strcmp(name, "other-end") == 0 && cm->selecting) {
		long y = cm->sy;
		int x = cm->sx;

		cm->sy = cm->cy, cm->sx = cm->cx, cm->cy = y, cm->cx = x;
	} else if (strcmp(name, "select-word") == 0) {
		select_word(p);
	} else if (strcmp(name, "select-line") == 0) {
		cm->selecting = 1, cm->sy = cm->cy, cm->sx = 0;
		cm->cx = grid_cols(p->grid) - 1;
	} else {
		return 0;
	}
	return 1;
}

/* From the cursor to the end of its line (without a selection in the way),
 * the cursor staying where it is. */
static void copy_end_of_line(struct pane *p, const char *command)
{
	struct copy_mode *cm = p->copy;
	struct copy_mode keep = *cm;

	cm->selecting = 1, cm->rectangle = 0, cm->sy = cm->cy, cm->sx = cm->cx;
	cm->cx = grid_cols(p->grid) - 1;
	copy_to_buffer(p, 0, command);
	cm->cx = keep.cx, cm->rectangle = keep.rectangle, cm->selecting = 0;
}

/* Copying commands. copy-pipe* pipe the text to their command, or to the
 * copy-command option without one (nothing if it is empty). */
static int copying_command(struct pane *p, int argc, char **argv, int *exit)
{
	struct copy_mode *cm = p->copy;
	const char *name = argv[0], *command = NULL;

	if (strcmp(name, "copy-end-of-line") == 0 || strcmp(name, "copy-pipe-end-of-line") == 0 ||
	    strcmp(name, "copy-end-of-line-and-cancel") == 0 ||
	    strcmp(name, "copy-pipe-end-of-line-and-cancel") == 0) {
		copy_end_of_line(p, name[5] != 'p' ? NULL
				    : argc > 1	   ? argv[1]
					       : options_string(p->srv->options, "copy-command"));
		*exit = strstr(name, "-and-cancel") != NULL;
		return 1;
	}
	if (strcmp(name, "append-selection") == 0 ||
	    strcmp(name, "append-selection-and-cancel") == 0) {
		copy_to_buffer(p, 1, NULL);
		*exit = name[16] != '\0';
		cm->selecting = 0;
		return 1;
	}
	if (strncmp(name, "copy-pipe", 9) == 0) {
		name += 9;
		command = argc > 1 ? argv[1] : options_string(p->srv->options, "copy-command");
	} else if (strncmp(name, "copy-selection", 14) == 0)
		name += 14;
	else
		return 0;
	if (*name != '\0' && strcmp(name, "-and-cancel") != 0 && strcmp(name, "-no-clear") != 0)
		return 0;
	copy_to_buffer(p, 0, command);
	if (strcmp(name, "-and-cancel") == 0)
		*exit = 1;
	else if (strcmp(name, "-no-clear") != 0)
		cm->selecting = 0;
	return 1;
}

int copy_command(struct pane *p, int argc, char **argv, const char **err)
{
	const char *name = argc > 0 ? argv[0] : "";
	int exit = 0;

	if (p->copy == NULL) {
		*err = "not in a mode";
		return -1;
	}
	clamp(p);
	if (strstr(name, "-incremental") == NULL)
		p->copy->isearch = 0; /* the next incremental search starts anew */
	if (strcmp(name, "cursor-up") != 0 && strcmp(name, "cursor-down") != 0)
		p->copy->want_cx = 0; /* a column kept only over up and down moves */
	if (strcmp(name, "cancel") == 0) {
		exit = 1;
	} else if (!argument_command(p, name, argc > 1 ? argv[1] : NULL) &&
		   !simple_command(p, name) && !selection_command(p, name) &&
		   (argc == 0 || !copying_command(p, argc, argv, &exit))) {
		*err = "unknown command";
		return -1;
	}
	if (!exit) {
		clamp(p);
		/* -e: leaving the bottom by scrolling down ends copy mode */
		if (p->copy->exit_at_bottom && p->copy->top == hsize(p) &&
		    strstr(name, "down") != NULL && strcmp(name, "cursor-down") != 0)
			exit = 1;
	}
	if (exit)
		copy_exit(p);
	else
		changed(p);
	return 0;
}

/* ---- the mouse ---- */

void copy_set_cursor(struct pane *p, int row, int col)
{
	struct copy_mode *cm = p->copy;

	clamp(p);
	cm->cy = cm->top + (row < 0 ? 0 : row >= rows(p) ? rows(p) - 1 : row);
	cm->cx = col < 0 ? 0 : col;
	clamp(p);
	changed(p);
}

/* ---- for the renderer and formats ---- */

int copy_offset(struct pane *p)
{
	if (p->copy == NULL)
		return 0;
	clamp(p);
	return (int)(hsize(p) - p->copy->top);
}

void copy_cursor(struct pane *p, int *row, int *col)
{
	clamp(p);
	*row = (int)(p->copy->cy - p->copy->top);
	*col = p->copy->cx;
}

/* Mark one match, [x0, x1] of view row gy (and a wide character's second
 * half at x1). */
static void mark_match(struct pane *p, const struct render_view *v, long line, int gy, int x0,
		       int x1, uint8_t kind)
{
	const struct grid_cell *c = grid_line(p->grid, line_row(p, line));
	uint8_t *row = p->copy->marks + (size_t)gy * (size_t)v->width;

	if (c != NULL && x1 + 1 < grid_cols(p->grid) && c[x1].width == 2)
		x1++;
	for (int x = x0; x <= x1 && x < v->width; x++) {
		if (row[x] < kind)
			row[x] = kind;
	}
}

/* The marked line and where the last search's text shows in the view:
 * tmux highlights every match on the screen, the one at the cursor in its
 * own style (kinds 1 mark, 2 match, 3 current match: the higher wins). */
static void view_marks(struct pane *p, struct render_view *v)
{
	struct copy_mode *cm = p->copy;
	size_t n = (size_t)v->width * (size_t)v->height, slen, len;
	long line;
	char *text;
	int *map;

	v->marks = NULL;
	if ((cm->search == NULL || *cm->search == '\0') && !cm->mark_set)
		return;
	if (n == 0)
		return;
	if (cm->marks_size < n) {
		cm->marks = xrealloc(cm->marks, n);
		cm->marks_size = n;
	}
	memset(cm->marks, 0, n);
	v->marks = cm->marks;
	/* the marked line, whole (set-mark) */
	if (cm->mark_set && cm->my >= cm->top && cm->my < cm->top + v->height)
		memset(cm->marks + (size_t)(cm->my - cm->top) * (size_t)v->width, 1,
		       (size_t)v->width);
	if (cm->search == NULL || *cm->search == '\0')
		return;
	slen = strlen(cm->search);
	for (int gy = 0; gy < v->height && (line = cm->top + gy) < nlines(p); gy++) {
		text = line_text(p, line, &map, &len);
		for (size_t i = 0; i + slen <= len; i++) {
			if (memcmp(text + i, cm->search, slen) != 0)
				continue;
			mark_match(p, v, line, gy, map[i], map[i + slen - 1],
				   line == cm->cy && map[i] == cm->cx ? 3 : 2);
		}
		free(text);
		free(map);
	}
}

void copy_view(struct pane *p, struct render_view *v, char *buf, size_t size)
{
	static const struct grid_cell base = {.ch = ' ', .width = 1};
	struct options *o = window_options(p->window);
	const char *style = options_string(o, "mode-style");

	v->copy = 1;
	v->offset = copy_offset(p);
	v->sel = copy_selection(p, &v->sel_sy, &v->sel_sx, &v->sel_ey, &v->sel_ex, &v->sel_rect);
	v->mode_pen = style_pen(style, &base);
	v->match_pen = style_pen(options_string(o, "copy-mode-match-style"), &base);
	v->current_pen = style_pen(options_string(o, "copy-mode-current-match-style"), &base);
	v->mark_pen = style_pen(options_string(o, "copy-mode-mark-style"), &base);
	view_marks(p, v);
	copy_cursor(p, &v->cursor_row, &v->cursor_col);
	snprintf(buf, size, "[%d/%d]", v->offset, hsize(p));
	v->indicator = p->copy->hide_position ? NULL : buf;
}

/* ---- formats ---- */

/* The cursor's line as copy mode shows it: tmux reads it off its mode's
 * screen, where the top row ends in the position indicator. */
char *copy_cursor_line(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	const struct grid_cell *c;
	int row, col, w = grid_cols(p->grid), ind_len = 0;
	char ind[64], u[32];
	struct buf b;

	copy_cursor(p, &row, &col);
	if (row == 0 && !cm->hide_position)
		ind_len = snprintf(ind, sizeof ind, "[%d/%d]", copy_offset(p), hsize(p));
	if (ind_len > w)
		ind_len = 0;
	c = grid_line(p->grid, line_row(p, cm->cy));
	buf_init(&b);
	for (int x = 0; x < w; x++) {
		if (ind_len > 0 && x >= w - ind_len)
			buf_addc(&b, ind[x - (w - ind_len)]);
		else
			buf_add(&b, u, grid_cell_utf8(p->grid, &c[x], u));
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	buf_addc(&b, '\0');
	return b.data;
}

/* The last search's text if the cursor is on a match of it, else NULL. */
char *copy_search_match(struct pane *p)
{
	struct copy_mode *cm = p->copy;
	size_t len, slen;
	char *text, *found = NULL;
	int *map;

	if (cm->search == NULL || *cm->search == '\0')
		return NULL;
	clamp(p);
	slen = strlen(cm->search);
	text = line_text(p, cm->cy, &map, &len);
	for (size_t i = 0; found == NULL && i + slen <= len; i++) {
		if (map[i] <= cm->cx && map[i + slen - 1] >= cm->cx &&
		    memcmp(text + i, cm->search, slen) == 0)
			found = xstrdup(cm->search);
	}
	free(text);
	free(map);
	return found;
}
