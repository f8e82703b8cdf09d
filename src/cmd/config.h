/*
 * config: running command text through cmd_run: config files at server
 * start, source-file, and any other text in config syntax (bind-key bodies,
 * if-shell, command-prompt). Errors read "file:line: message".
 */
#ifndef PMUX_CMD_CONFIG_H
#define PMUX_CMD_CONFIG_H

#include "cmd/cmd.h"
#include "cmd/parse.h"
#include "server/server.h"
#include "util/buf.h"

#define CONFIG_QUIET 0x1      /* a missing file is not an error (-q) */
#define CONFIG_PARSE_ONLY 0x2 /* check the syntax, run nothing (-n) */
#define CONFIG_VERBOSE 0x4    /* print each command before it runs (-v) */

/* tmux's limit on source-file nesting, which also stops a file sourcing itself. */
#define CONFIG_MAX_DEPTH 50

/* Parse options for the server: %if conditions are formats expanded for the
 * most recently used session. */
void config_parse_opts(struct parse_opts *o, struct server *srv, const char *file, int line);

/* Run parsed commands with ctx->line set to each command's line. A failing
 * command skips the rest of its line (as tmux does) but not later lines.
 * Returns 0, or -1 if any command failed. */
int config_run(struct cmd_ctx *ctx, const struct parse_result *r);

/* Parse and run text. file (may be NULL) and line name its origin in
 * messages. Parse errors go to ctx->err; the commands that parsed still run. */
int config_run_text(struct cmd_ctx *ctx, const char *text, const char *file, int line, int flags);

/* Read and run one file (no globbing); errors to ctx->err. */
int config_source_file(struct cmd_ctx *ctx, const char *path, int flags);

/* Run path at server start with no client. Errors ("file:line: message")
 * go to srv->config_errors. A blocking run-shell or if-shell makes the file
 * wait (srv->config_loading counts files not done yet); commands from
 * clients wait for it too (server_config_done runs them). */
void config_load(struct server *srv, const char *path);

#endif
