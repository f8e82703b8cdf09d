/*
 * format_job: #(command) in formats, as tmux runs them. The command runs in
 * the background; a format shows the last line it wrote so far (nothing
 * until then), and asking again more than a second after it started runs it
 * again once it has finished. When its line changes, the clients' status
 * lines are drawn again. Each client has its own jobs (the command may hold
 * client formats); jobs nobody asked for in an hour are forgotten.
 */
#ifndef PMUX_SERVER_FORMAT_JOB_H
#define PMUX_SERVER_FORMAT_JOB_H

struct server;
struct peer;

/* The line for command (already expanded) for client c (or none); malloc'd. */
char *format_job_get(struct server *srv, struct peer *c, const char *command);
/* Forget every job (server shutdown; their processes are job.c's). */
void format_job_free_all(void);

#endif
