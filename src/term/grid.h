/*
 * grid: a pane's screen. libvterm's state layer parses the pane's output and
 * drives pmux's own ring-buffer grid; rows scrolled off the top go into a
 * compact history. No I/O: the owner feeds bytes in with grid_input() and
 * receives the terminal's replies and encoded keys through an output
 * callback, which it must write to the pane's pty master.
 *
 * Row numbers: 0 .. rows-1 are the visible screen, -1 is the newest history
 * line, -grid_history_size() the oldest.
 */
#ifndef PMUX_TERM_GRID_H
#define PMUX_TERM_GRID_H

#include <stddef.h>
#include <stdint.h>
#include <vterm.h>

/* A colour: the type in the top byte, an index or 0xRRGGBB below. */
typedef uint32_t grid_color;
#define GRID_COLOR_DEFAULT 0u
#define GRID_COLOR_INDEXED(i) ((1u << 24) | ((uint32_t)(i)&0xff))
#define GRID_COLOR_RGB(r, g, b) \
	((2u << 24) | ((uint32_t)(r) << 16) | ((uint32_t)(g) << 8) | (uint32_t)(b))
#define GRID_COLOR_TYPE(c) ((c) >> 24) /* 0 default, 1 indexed, 2 rgb */
#define GRID_COLOR_VALUE(c) ((c)&0xffffff)

enum grid_attr {
	GRID_ATTR_BOLD = 1 << 0,
	GRID_ATTR_DIM = 1 << 1,
	GRID_ATTR_ITALIC = 1 << 2,
	GRID_ATTR_UNDERLINE = 1 << 3,  /* single */
	GRID_ATTR_UNDERLINE2 = 1 << 4, /* double */
	GRID_ATTR_UNDERCURL = 1 << 5,
	GRID_ATTR_BLINK = 1 << 6,
	GRID_ATTR_REVERSE = 1 << 7,
	GRID_ATTR_STRIKE = 1 << 8,
	GRID_ATTR_CONCEAL = 1 << 9,
};

/*
 * A hyperlink (OSC 8) is carried like an attribute: its id in the pane's link
 * table in the top bits of attr (0: none), so cells stay this size and the
 * history keeps it. grid_link() gives the text to send back in OSC 8.
 */
#define GRID_ATTR_LINK 0xfc00u
#define GRID_LINK_SHIFT 10
#define GRID_LINK_MAX 63
#define GRID_CELL_LINK(c) (((c)->attr & GRID_ATTR_LINK) >> GRID_LINK_SHIFT)

/* The right half of a wide character. */
#define GRID_CH_WIDE_CONT 0xffffffffu

struct grid_cell {
	uint32_t ch; /* code point, 0 for a blank never written, or GRID_CH_WIDE_CONT;
			a cell with combining marks has GRID_CELL_COMBINED set in
			flags and ch is an index into the grid's combining table */
	grid_color fg;
	grid_color bg;
	uint16_t attr; /* enum grid_attr */
	uint8_t width; /* 1 or 2; 0 for GRID_CH_WIDE_CONT */
	uint8_t flags;
};
#define GRID_CELL_COMBINED 0x01

typedef void grid_output_fn(const char *buf, size_t len, void *ctx);

struct grid;

struct grid *grid_new(int rows, int cols, int history_limit, grid_output_fn *out, void *ctx);
void grid_free(struct grid *g);
/* Where what the grid writes for its program goes from now on. */
void grid_set_output(struct grid *g, grid_output_fn *out, void *ctx);

/* Feed pane output. */
void grid_input(struct grid *g, const char *buf, size_t len);
/* respawn-pane: the terminal as new for the next program, as tmux: off the
 * alternate screen, the modes reset and the screen cleared (not into the
 * history); the colours programs set (OSC 4) stay the pane's. */
void grid_respawned(struct grid *g);
/* Plain text (printable characters, CR, LF, TAB) normally bypasses
 * libvterm's per-glyph path (see grid_fast.c); off, every byte goes through
 * libvterm. The two give the same grid: the tests compare them. */
void grid_set_fast(struct grid *g, int on);
/* scroll-on-clear: erasing the whole main screen (ED 2) first puts its
 * lines, down to the last one used, into the history, as tmux does (off
 * until set; panes set it from their option, on in tmux's default). */
void grid_set_scroll_on_clear(struct grid *g, int on);
/* alternate-screen off: DEC modes 47, 1047 and 1049 are ignored (the rest
 * of their sequence applies), so programs draw on the main screen and
 * leave their output in the history, as in tmux. On until set. */
void grid_set_alternate_screen(struct grid *g, int on);
/* The window name the program set (ESC k name ESC \) since the last call,
 * or NULL. The sequence never reaches the screen. */
const char *grid_take_name(struct grid *g);
/* Resize the screen (rows and cols >= 1). */
void grid_resize(struct grid *g, int rows, int cols);
void grid_set_history_limit(struct grid *g, int limit);
/* Forget the history (clear-history). */
void grid_clear_history(struct grid *g);

int grid_rows(const struct grid *g);
int grid_cols(const struct grid *g);
int grid_history_size(const struct grid *g);
/* Bytes of memory its history holds (#{history_bytes}). */
size_t grid_history_bytes(const struct grid *g);
int grid_history_limit(const struct grid *g);
/* How many oldest lines the history limit has dropped so far: copy mode
 * keeps its view on the same text with it. */
unsigned long grid_history_dropped(const struct grid *g);

/*
 * The cells of row y (see above). Always grid_cols() cells. History rows are
 * decoded, and screen rows narrower than the screen padded, into a buffer of
 * the grid's: the pointer stays valid until the next grid_line() or any
 * change to the grid.
 */
const struct grid_cell *grid_line(struct grid *g, int y);
/* Non-zero if row y continues on row y+1 (it wrapped). */
int grid_line_wrapped(struct grid *g, int y);
/* The UTF-8 text of a cell (with its combining marks) into out; returns its
 * length; a blank cell gives " ", a wide continuation gives "". */
size_t grid_cell_utf8(const struct grid *g, const struct grid_cell *c, char out[32]);

void grid_cursor(const struct grid *g, int *row, int *col);
int grid_cursor_visible(const struct grid *g);
int grid_cursor_shape(const struct grid *g); /* VTERM_PROP_CURSORSHAPE_* */
int grid_cursor_blink(const struct grid *g);
int grid_alt_screen(const struct grid *g);
int grid_mouse_mode(const struct grid *g); /* VTERM_PROP_MOUSE_* */
int grid_bracketed_paste(const struct grid *g);

/* Modes the program set that formats report (tmux's insert_flag,
 * scroll_region_upper…), as libvterm applies them. */
struct grid_modes {
	int insert;	   /* IRM */
	int origin;	   /* DECOM */
	int wrap;	   /* DECAWM */
	int keypad;	   /* DECKPAM */
	int keypad_cursor; /* DECCKM */
	int mouse_utf8;	   /* DEC mode 1005 */
	int mouse_sgr;	   /* DEC mode 1006 */
	int region_upper;  /* the scroll region's rows, 0-based, inclusive */
	int region_lower;
	int alt_saved_x; /* the cursor DECSET 1049 saved, -1 if none did */
	int alt_saved_y;
};
void grid_modes(const struct grid *g, struct grid_modes *m);
/* Whether column col has a tab stop. */
int grid_tab_stop(const struct grid *g, int col);
const char *grid_title(const struct grid *g); /* "" when never set */
const char *grid_path(const struct grid *g);  /* OSC 7's text; "" when never set */
void grid_set_title(struct grid *g, const char *title);

/* Shell integration marks seen so far (OSC 133): counters only grow. */
struct grid_marks {
	unsigned long prompts;	/* 133;A: a prompt was drawn */
	unsigned long commands; /* 133;C: a command started */
	unsigned long finished; /* 133;D: a command finished */
	int last_status;	/* from 133;D;status */
	int have_status;
};
const struct grid_marks *grid_shell_marks(const struct grid *g);

/*
 * What the pane's program asks of the terminal beyond its screen, for the
 * owner to act on. Any callback may be NULL.
 *   bell: a BEL.
 *   clipboard: OSC 52 set, the decoded text (the whole of it, at most
 *   GRID_CLIPBOARD_MAX bytes; longer ones are dropped).
 */
#define GRID_CLIPBOARD_MAX (1024 * 1024)
struct grid_events {
	void (*bell)(void *ctx);
	void (*clipboard)(const char *data, size_t len, void *ctx);
	/* colour: what colour "which" (0-255, OSCOLOUR_FG, _BG, _CURSOR) is
	 * now, RGB or -1, to answer the program's queries (OSC 4, 10, 11, 12);
	 * without it, the colours the program set */
	long (*colour)(int which, void *ctx);
};
void grid_set_events(struct grid *g, const struct grid_events *ev, void *ctx);

/* The colours the program gave itself (OSC 4, 10, 11, 12; term/oscolour.h):
 * its generation grows with every change, which also redraws every row. */
struct oscolour;
const struct oscolour *grid_colours(const struct grid *g);

/* The OSC 8 text ("params;URI") of a link id, or NULL if it has none. Ids
 * no longer on the screen are reused once the table is full, so history may
 * lose its links or show another's. */
const char *grid_link(const struct grid *g, unsigned id);

/* The pane gained (in = 1) or lost focus: CSI I or CSI O to the output
 * callback, if the program turned on focus reports (DECSET 1004). */
void grid_focus(struct grid *g, int in);

/* Incremented on every visible change: the renderer compares it. */
uint64_t grid_generation(const struct grid *g);
/* A stamp of screen row y's cells (0 <= y < rows; 0 for others): it grows
 * whenever they may have changed. */
uint64_t grid_row_generation(const struct grid *g, int y);
/* Whether every change to screen row y since it had stamp since (its
 * grid_row_generation then) lies in columns [*x0, *x1): a renderer that
 * drew the row at that stamp redraws only those. 0 when not known. */
int grid_row_span(const struct grid *g, int y, uint64_t since, int *x0, int *x1);
/* Unique to this grid among all grids ever made (a new grid may get a freed
 * one's address). */
uint64_t grid_serial(const struct grid *g);

/* Encode a key for the pane's current modes; bytes go to the output callback. */
void grid_key(struct grid *g, VTermKey key, VTermModifier mod);
/* Bytes for the program as if typed (a key libvterm does not encode). */
void grid_key_bytes(struct grid *g, const char *buf, size_t len);
/* The program's modifyOtherKeys (CSI > 4 ; Pv m): 0 (off), 1 or 2. */
int grid_modify_other_keys(const struct grid *g);
void grid_unichar(struct grid *g, uint32_t c, VTermModifier mod);
/* Paste text: bracketed if the program asked for it; bytes to the output callback. */
void grid_paste(struct grid *g, const char *buf, size_t len);
/*
 * Mouse events for the pane's program, encoded as it asked (DECSET 1000,
 * 1002, 1003; 1005, 1006, 1015) and sent only if it asked; bytes go to the
 * output callback. row and col are 0-based within the pane; move first,
 * then press or release there. button: 1-3, 4 and 5 for the wheel.
 */
void grid_mouse_move(struct grid *g, int row, int col, VTermModifier mod);
void grid_mouse_button(struct grid *g, int button, int pressed, VTermModifier mod);

/* capture-pane. */
enum grid_capture_flags {
	GRID_CAPTURE_ESCAPES = 1 << 0, /* -e: SGR sequences for attributes and colours */
	GRID_CAPTURE_JOIN = 1 << 1,    /* -J: join wrapped rows, keep trailing spaces */
};
/*
 * The text of rows start..end inclusive (clamped to what exists), each row
 * ending in '\n', trailing blanks trimmed unless joining. Returns a malloc'd
 * buffer (NUL-terminated) and its length in *len.
 */
char *grid_capture(struct grid *g, int start, int end, int flags, size_t *len);

#endif
