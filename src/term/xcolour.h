/*
 * xcolour: colour specifications in the X11 forms terminals take from
 * programs (OSC 4, 10, 11), the forms tmux accepts: #rrggbb,
 * rgb:rr/gg/bb, rgb:rrrr/gggg/bbbb (the high byte of each kept),
 * cmyk:c/m/y/k (0 to 1 each) and X11's colour names (case and spaces do not
 * count: "dark green", "DarkGreen").
 */
#ifndef PMUX_TERM_XCOLOUR_H
#define PMUX_TERM_XCOLOUR_H

#include <stddef.h>

/* The colour as 0xRRGGBB, or -1 when s is none of the forms. */
long xcolour_parse(const char *s);

/* An X11 colour name's colour, or -1. */
long xcolour_name(const char *s);

/* The colour as a terminal reports it, "rgb:RRRR/GGGG/BBBB" (each byte
 * twice), into out; returns its length (0 if size is too small). */
size_t xcolour_format(long rgb, char *out, size_t size);

#endif
