/* config: reading a configuration file of commands at server start. */
#ifndef PMUX_CMD_CONFIG_H
#define PMUX_CMD_CONFIG_H

#include "server/server.h"
#include "util/buf.h"

/* Run every line of path; errors ("file:line: message") go to errors.
 * Returns 0, or -1 if the file could not be read. */
int config_load(struct server *srv, const char *path, struct buf *errors);

#endif
