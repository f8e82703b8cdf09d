/*
 * hyperlinks: the OSC 8 links one client's screen shows. Panes number their
 * links each in their own table (grid_link); a client's screen mixes panes,
 * so the renderer gives each link text an id of its own, kept in the
 * composed cells' link bits (GRID_ATTR_LINK) for diffing and sent as OSC 8.
 */
#ifndef PMUX_RENDER_HYPERLINKS_H
#define PMUX_RENDER_HYPERLINKS_H

struct grid;
struct hyperlinks;

struct hyperlinks *hyperlinks_new(void);
void hyperlinks_free(struct hyperlinks *h);
/* The client's id for the pane's link id (1..GRID_LINK_MAX), 0 if the pane
 * has no such link or the table is full (hyperlinks_full then says so). */
unsigned hyperlinks_id(struct hyperlinks *h, const struct grid *g, unsigned pane_id);
/* The OSC 8 text of a client id, or NULL. */
const char *hyperlinks_text(const struct hyperlinks *h, unsigned id);
/* A link found no room since the last hyperlinks_clear. */
int hyperlinks_full(const struct hyperlinks *h);
/* Forget every id (the screen must then be redrawn). */
void hyperlinks_clear(struct hyperlinks *h);

#endif
