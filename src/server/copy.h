/*
 * copy: a pane's copy mode. The pane keeps reading its program's output
 * into its grid; copy mode only looks at that grid through a view scrolled
 * back into history, with a cursor and an optional selection, and copies
 * the selection into a paste buffer (and the clients' clipboards).
 *
 * Rows are kept as "line numbers" counted from the oldest history line
 * (grid row y is line y + history size). A line number stays on the same
 * text while new output pushes lines into history, which is what keeps the
 * view anchored the way tmux does, without hooking the pane's reader.
 */
#ifndef PMUX_SERVER_COPY_H
#define PMUX_SERVER_COPY_H

#include <stddef.h>
#include <stdint.h>

struct pane;
struct grid;

struct copy_mode {
	long top;      /* line number of the view's first row */
	long cy;       /* cursor line number */
	int cx;	       /* cursor column */
	int selecting; /* a selection is started */
	int rectangle; /* rectangle (block) selection */
	long sy;       /* where the selection started */
	int sx;
	int exit_at_bottom;    /* copy-mode -e */
	int hide_position;     /* copy-mode -H: no "[offset/size]" indicator */
	char *search;	       /* the last search, or NULL */
	int search_back;       /* its direction */
	unsigned long dropped; /* grid_history_dropped() when last looked at */
	uint32_t jump_char;    /* the last jump (f F t T) and its kind */
	int jump;
	int isearch;		      /* an incremental search is going on ... */
	long isearch_top, isearch_cy; /* ... and started here */
	int isearch_cx;
	int mark_set;	/* set-mark: a marked line ... */
	long my;	/* ... its line number ... */
	int mx;		/* ... and column (jump-to-mark) */
	int spaces;	/* word motions split at blanks only (W B E) */
	int count;	/* send-keys -N without keys: the next command's repeat */
	int want_cx;	/* cursor-up/-down keep to this column where lines allow, +1 */
	uint8_t *marks; /* the view's search matches, for the renderer (copy_view) */
	size_t marks_size;
};

enum copy_flags {
	COPY_PAGE_UP = 1 << 0,	     /* -u */
	COPY_EXIT_BOTTOM = 1 << 1,   /* -e */
	COPY_HIDE_POSITION = 1 << 2, /* -H */
};

/* Enter copy mode (or, if already in it, apply -u). */
void copy_enter(struct pane *p, int flags);
void copy_exit(struct pane *p);
void copy_free(struct copy_mode *cm);

/* Run a copy-mode command (send-keys -X NAME ARGS). Returns 0, or -1 with a
 * message in *err (static text) for an unknown command. */
int copy_command(struct pane *p, int argc, char **argv, const char **err);

/* Put the cursor at row, col of the view (the mouse). */
void copy_set_cursor(struct pane *p, int row, int col);

/* What the renderer needs: rows scrolled back (0 = bottom), the cursor in
 * view coordinates, and the selection in grid rows. */
int copy_offset(struct pane *p);
void copy_cursor(struct pane *p, int *row, int *col);
/* The selection, or 0 if none: rows in grid coordinates (start <= end). */
int copy_selection(struct pane *p, int *sy, int *sx, int *ey, int *ex, int *rect);

/* Fill a render view's copy-mode fields (render/render.h): the offset,
 * selection, mode-style pen, cursor and the "[offset/size]" indicator,
 * written into buf. */
struct render_view;
void copy_view(struct pane *p, struct render_view *v, char *buf, size_t size);

/* For formats (malloc'd): the cursor's line as shown (#{copy_cursor_line},
 * the top row with the position indicator, as tmux); the last search's
 * text when the cursor is on a match of it (#{search_match}), else NULL. */
char *copy_cursor_line(struct pane *p);
char *copy_search_match(struct pane *p);

#endif
