/* tabs: a pane's tab stops. See tabs.h. */
#include "term/tabs.h"

#include <stdlib.h>
#include <string.h>

static size_t nbytes(int cols)
{
	return ((size_t)cols + 7) / 8;
}

int tabs_init(struct tabs *t, int cols)
{
	t->bits = calloc(nbytes(cols), 1);
	t->cols = cols;
	if (t->bits == NULL) {
		t->cols = 0;
		return -1;
	}
	tabs_reset(t);
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
	uint8_t *bits = calloc(nbytes(cols), 1);

	if (bits == NULL)
		return -1;
	free(t->bits);
	t->bits = bits;
	t->cols = cols;
	tabs_reset(t);
	return 0;
}

void tabs_set(struct tabs *t, int col, int on)
{
	if (col < 0 || col >= t->cols)
		return;
	if (on)
		t->bits[col / 8] |= (uint8_t)(1u << (col % 8));
	else
		t->bits[col / 8] &= (uint8_t) ~(1u << (col % 8));
}

void tabs_clear_all(struct tabs *t)
{
	if (t->bits != NULL)
		memset(t->bits, 0, nbytes(t->cols));
}

void tabs_reset(struct tabs *t)
{
	tabs_clear_all(t);
	for (int col = 8; col < t->cols; col += 8)
		tabs_set(t, col, 1);
}

int tabs_at(const struct tabs *t, int col)
{
	return col >= 0 && col < t->cols && (t->bits[col / 8] >> (col % 8)) & 1;
}

int tabs_default(const struct tabs *t)
{
	for (int col = 1; col < t->cols; col++) {
		if (tabs_at(t, col) != (col % 8 == 0))
			return 0;
	}
	return 1;
}
