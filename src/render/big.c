/* big: the 5x5 glyphs (see big.h). */
#include "render/big.h"

#include <string.h>

static const char chars[] = "0123456789:APM";

/* One row per string, '#' for a filled cell, in the order of chars. */
static const char *const glyphs[][BIG_SIZE] = {
	{"#####", "#   #", "#   #", "#   #", "#####"},
	{"    #", "    #", "    #", "    #", "    #"},
	{"#####", "    #", "#####", "#    ", "#####"},
	{"#####", "    #", "#####", "    #", "#####"},
	{"#   #", "#   #", "#####", "    #", "    #"},
	{"#####", "#    ", "#####", "    #", "#####"},
	{"#####", "#    ", "#####", "#   #", "#####"},
	{"#####", "    #", "    #", "    #", "    #"},
	{"#####", "#   #", "#####", "#   #", "#####"},
	{"#####", "#   #", "#####", "    #", "#####"},
	{"     ", "  #  ", "     ", "  #  ", "     "},
	{"#####", "#   #", "#####", "#   #", "#   #"},
	{"#####", "#   #", "#####", "#    ", "#    "},
	{"#   #", "## ##", "# # #", "#   #", "#   #"},
};

int big_has(char ch)
{
	return ch != '\0' && strchr(chars, ch) != NULL;
}

int big_filled(char ch, int j, int i)
{
	if (!big_has(ch) || j < 0 || j >= BIG_SIZE || i < 0 || i >= BIG_SIZE)
		return 0;
	return glyphs[strchr(chars, ch) - chars][j][i] == '#';
}
