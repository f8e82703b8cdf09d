/*
 * buffer_edit: a paste buffer edited in a popup running the editor option's
 * program on a temporary copy of it (buffer mode's e), as tmux does. The
 * buffer takes the file's text when the editor exits successfully.
 */
#ifndef PMUX_SERVER_BUFFER_EDIT_H
#define PMUX_SERVER_BUFFER_EDIT_H

struct peer;

/* Returns 0, or -1 with *err (malloc'd). */
int buffer_edit(struct peer *c, const char *name, char **err);

#endif
