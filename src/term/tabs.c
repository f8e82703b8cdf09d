/* tabs: a pane's tab stops. See tabs.h. */
#include "term/tabs.h"

#include <stdlib.h>
#include <string.h>

/* The stops are every 8 columns until a program changes them: only then are
 * they kept as bits (every pane has them; bar 6 counts a pane's bytes). */

static size_t nbytes(int cols)
{
	return ((size_t)cols + 7) / 8;
}

int tabs_init(struct tabs *t, int cols)
{
	t->bits = NULL;
	t->cols = cols;
	return 0;
}

void tabs_free(struct tabs *t)
{
	free(t->bits);
	t->bits = NULL;
	t->cols = 0;
}

int tabs_resize(struct tabs *t, int cols)
{
	tabs_reset(t);
	t->cols = cols;
	return 0;
}

/* The bits, made from the default stops on the first change; 0 without
 * memory (the change is lost). */
static int tabs_own(struct tabs *t)
{
	if (t->bits != NULL)
		return 1;
	if ((t->bits = calloc(nbytes(t->cols), 1)) == NULL)
		return 0;
	for (int col = 8; col < t->cols; col += 8)
		t->bits[col / 8] |= (uint8_t)(1u << (col % 8));
	return 1;
}

void tabs_set(struct tabs *t, int col, int on)
{
	if (col < 0 || col >= t->cols || tabs_at(t, col) == on || !tabs_own(t))
		return;
	if (on)
		t->bits[col / 8] |= (uint8_t)(1u << (col % 8));
	else
		t->bits[col / 8] &= (uint8_t) ~(1u << (col % 8));
}

void tabs_clear_all(struct tabs *t)
{
	if (tabs_own(t))
		memset(t->bits, 0, nbytes(t->cols));
}

void tabs_reset(struct tabs *t)
{
	free(t->bits);
	t->bits = NULL;
}

int tabs_at(const struct tabs *t, int col)
{
	if (col < 0 || col >= t->cols)
		return 0;
	if (t->bits == NULL)
		return col > 0 && col % 8 == 0;
	return (t->bits[col / 8] >> (col % 8)) & 1;
}

int tabs_default(const struct tabs *t)
{
	for (int col = 1; t->bits != NULL && col < t->cols; col++) {
		if (tabs_at(t, col) != (col % 8 == 0))
			return 0;
	}
	return 1;
}
