/*
 * big: tmux's 5x5 block characters, for display-panes' pane numbers and
 * clock mode's time: the digits, ':', 'A', 'P' and 'M'.
 */
#ifndef PMUX_RENDER_BIG_H
#define PMUX_RENDER_BIG_H

#define BIG_SIZE 5

/* Whether ch has a glyph. */
int big_has(char ch);
/* Whether the cell at row j, column i (0 to BIG_SIZE - 1) of ch's glyph is
 * filled; 0 for a character without one. */
int big_filled(char ch, int j, int i);

#endif
