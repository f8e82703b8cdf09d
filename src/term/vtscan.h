/*
 * vtscan: follows a pane's output byte by byte the way libvterm's parser
 * does, to tell the grid when plain text may bypass libvterm (see
 * "plain text" in grid.c): the parser is between sequences, the character
 * set is the plain one, and no mode that
 * changes how text is placed is on (insert, origin, no autowrap, margins,
 * a scroll region, LNM, protection, double-width lines, moved tab stops).
 *
 * It errs one way only: when unsure it says "not plain", which costs speed,
 * never correctness.
 */
#ifndef PMUX_TERM_VTSCAN_H
#define PMUX_TERM_VTSCAN_H

#include <stddef.h>
#include <stdint.h>

#define VTSCAN_PARAMS 16 /* as libvterm */

/* Modes that change where or how text lands. */
enum vtscan_unsafe {
	VTSCAN_INSERT = 1 << 0,	 /* IRM */
	VTSCAN_NEWLINE = 1 << 1, /* LNM: LF also returns */
	VTSCAN_ORIGIN = 1 << 2,	 /* DECOM */
	VTSCAN_NOWRAP = 1 << 3,	 /* DECAWM off */
	VTSCAN_MARGINS = 1 << 4, /* DECLRMM */
	VTSCAN_REGION = 1 << 5,	 /* DECSTBM other than the whole screen */
	VTSCAN_PROTECT = 1 << 6, /* DECSCA */
	VTSCAN_TABS = 1 << 7,	 /* HTS or TBC: tab stops other than every 8 */
	VTSCAN_DWL = 1 << 8,	 /* DECDWL/DECDHL: rows of half the width */
};

/* A change of tab stops, which ends a unit (see vtscan_unit): the caller
 * applies it at libvterm's cursor column, which only libvterm knows. */
enum vtscan_tabop {
	VTSCAN_TAB_NONE,
	VTSCAN_TAB_SET,	      /* HTS */
	VTSCAN_TAB_CLEAR,     /* TBC 0: the one at the cursor */
	VTSCAN_TAB_CLEAR_ALL, /* TBC 3 or 5 */
	VTSCAN_TAB_RESET,     /* RIS or DECSTR: every 8 columns */
};

struct vtscan {
	uint8_t state;	/* where libvterm's parser is (vtscan.c) */
	uint8_t in_esc; /* an ESC was seen (also inside a string) */
	uint8_t ninter; /* intermediates after ESC or in a CSI */
	uint8_t inter;	/* the first of them */
	uint8_t leader; /* CSI private marker (?, >, =, <) */
	uint8_t nparam;
	uint8_t touched;   /* the current unit did more than SGR or OSC */
	uint8_t gl;	   /* the set in GL (SO, SI, LS2, LS3) */
	uint8_t gset[4];   /* each set is plain text (1) or not (0) */
	uint8_t single;	   /* SS2/SS3: the next character from G2/G3 */
	uint8_t restored;  /* a saved cursor was restored (see vtscan_unit) */
	uint8_t rep;	   /* a REP ended the unit (see vtscan_unit) */
	uint8_t dwl;	   /* a DECDWL or DECDHL ended it (see vtscan_unit) */
	uint8_t cleared;   /* an ED 2 (erase the whole screen) ended it */
	uint8_t altscreen; /* it set or reset DEC mode 47, 1047 or 1049 */
	uint8_t forgot;	   /* libvterm's last glyph may be gone (RIS, DECSTR, DECALN) */
	uint8_t modkeys;   /* xterm's modifyOtherKeys (CSI > 4 ; Pv m): 0, 1 or 2 */
	uint8_t ris;	   /* an RIS (ESC c) ended the unit */
	uint8_t str_bel;   /* the last string ended with BEL (1) or ST (0) */
	int32_t esc_at;	   /* where the unit's last sequence began; -1 before it */
	uint16_t unsafe;   /* enum vtscan_unsafe */
	/* Modes libvterm keeps to itself, for the pane's formats: */
	uint8_t keypad;	    /* DECKPAM (ESC =) until DECKPNM (ESC >) */
	uint8_t appcursor;  /* DECCKM (DEC mode 1) */
	uint8_t mouse_utf8; /* DEC mode 1005, set apart from 1006 as in tmux */
	uint8_t mouse_sgr;  /* DEC mode 1006 */
	uint8_t tabop;	    /* enum vtscan_tabop: one ended the unit */
	uint8_t altsave;    /* a DECSET 1049 (which saves the cursor) ended it */
	uint8_t badregion;  /* a DECSTBM of less than two rows ended it (esc_at
			       as for REP): the caller keeps it from libvterm */
	int32_t region_top; /* DECSTBM as libvterm keeps it: first row (0-based), */
	int32_t region_end; /* the row after the last, -1 for the screen's end */
	int rows;
	int32_t param[VTSCAN_PARAMS]; /* -1: missing */
};

void vtscan_init(struct vtscan *s, int rows);
void vtscan_resize(struct vtscan *s, int rows);
/* Whether the parser is between sequences. */
int vtscan_ground(const struct vtscan *s);
/* The parser was given CAN from outside: it is between sequences. */
void vtscan_cancelled(struct vtscan *s);
/* The scroll region was reset from outside (after a resize). */
void vtscan_region_reset(struct vtscan *s);

/* Plain text here lands as plain text: parser between sequences, plain
 * character set, no unsafe mode. */
static inline int vtscan_plain(const struct vtscan *s)
{
	return s->state == 0 && !s->in_esc && !s->single && !s->unsafe && s->gset[s->gl];
}

/* Only the modes and character sets stand in the way: nothing short of a
 * mode change will make text plain, so whole reads can go to libvterm. */
static inline int vtscan_modal(const struct vtscan *s)
{
	return s->unsafe != 0 || !s->gset[s->gl];
}

/* Characters whose width libvterm is known to give (1, or 2 from U+4E00)
 * and that never join the one before: ASCII, U+00A0-U+02FF, CJK ideographs
 * U+4E00-U+9FFF. */
int vtscan_plain_char(uint32_t cp);
/* The text at p may join the character before it (a combining mark, or
 * anything not known to stand alone). */
int vtscan_joins(const unsigned char *p, size_t len);

enum vtscan_kind {
	VTSCAN_NEUTRAL, /* for libvterm; cannot move the cursor or draw (a
			   complete SGR, OSC or DCS, BEL, NUL) */
	VTSCAN_MOVES,	/* for libvterm; may move the cursor or draw */
	VTSCAN_INVALID, /* one byte of text that is not UTF-8: libvterm gets
			   U+FFFD in its place */
	VTSCAN_PARTIAL, /* a character cut short by the end of the buffer: hold
			   it until the rest arrives */
	VTSCAN_CANCEL,	/* the rest of a CSI libvterm cannot take: it gets CAN
			   in their place */
};

/*
 * The next bytes of buf to deal with (at least one, at most len), and what
 * they are: the rest of a sequence, one sequence or control, one character
 * of text, or with whole set everything up to the next text that is not
 * valid UTF-8. Feeding libvterm only whole, valid characters keeps its
 * decoders (one per character set, one for UTF-8) from holding half of one,
 * which would otherwise turn up later as U+FFFD.
 *
 * A unit ends after a sequence that restores a saved cursor (DECRC, SCORC,
 * DECRST 1048 or 1049) and sets restored: libvterm does not keep a saved
 * cursor inside the screen when it shrinks, and writes past its arrays
 * when text follows at such a place, so the caller must bring the cursor
 * back before anything else.
 *
 * A unit also ends after a REP (CSI Pn b) and sets rep, with esc_at where
 * it began: libvterm 0.3.3 loops forever repeating a glyph of no width (or
 * none at all), so the caller must keep such a REP from it. forgot tells
 * it when libvterm may have lost its last glyph. A unit ends after a DECDWL
 * or DECDHL and sets dwl (esc_at as for REP): libvterm gives a screen one
 * column wide such rows no room, its cursor goes to column -1 and a tab
 * stop set there is written before its array.
 *
 * A unit ends after a change of tab stops (tabop) and after a DECSET 1049
 * (altsave): the caller reads libvterm's cursor for them. It ends after a
 * DECSTBM of less than two rows (badregion, esc_at as for REP), which
 * libvterm must not see: tmux and xterm ignore it.
 *
 * Text that is UTF-8 for a C1 control (U+0080-U+009F) is INVALID too:
 * libvterm gives it a width of -1.
 */
size_t vtscan_unit(struct vtscan *s, const unsigned char *buf, size_t len, int whole,
		   enum vtscan_kind *kind);

#endif
