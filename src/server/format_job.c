/* format_job: #(command) in formats (see format_job.h). */
#include "server/format_job.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/environ.h"
#include "server/job.h"
#include "server/server.h"
#include "util/buf.h"
#include "util/log.h"

#define FORMAT_JOB_KEEP 8192 /* output kept: the last line is what counts */
#define FORMAT_JOB_IDLE 3600 /* seconds unasked before a job is forgotten */
#define FORMAT_JOB_AGAIN 1   /* seconds from one run's start to the next */

struct format_job {
	struct format_job *next;
	struct server *srv;
	uint32_t client; /* the peer's id, 0 for none */
	char *command;
	char *line;   /* the last line written, or NULL before any */
	time_t start; /* the last run's start */
	time_t asked; /* the last time a format asked */
	int running;
};

/* One server per process: the jobs are the process's. */
static struct format_job *format_jobs;

static void format_job_free(struct format_job *fj)
{
	free(fj->command);
	free(fj->line);
	free(fj);
}

/* Redraw the status lines that may show the job: its client's, or all. */
static void format_job_changed(struct format_job *fj)
{
	for (struct peer *c = fj->srv->peers; c != NULL; c = c->next) {
		if (c->state == PEER_ATTACHED && (fj->client == 0 || c->id == fj->client))
			attach_mark_client(c);
	}
}

/* The last line of output, without its line end; the unfinished last
 * line only once the command has ended (as tmux reads lines). */
static void format_job_take(struct format_job *fj, const struct buf *out, int ended)
{
	size_t end = out->len, start;
	char *line;

	if (!ended) {
		while (end > 0 && out->data[end - 1] != '\n')
			end--;
	}
	while (end > 0 && (out->data[end - 1] == '\n' || out->data[end - 1] == '\r'))
		end--;
	if (end == 0 && (!ended || out->len == 0))
		return;
	for (start = end; start > 0 && out->data[start - 1] != '\n'; start--)
		;
	line = xstrndup(out->data + start, end - start);
	if (fj->line != NULL && strcmp(fj->line, line) == 0) {
		free(line);
		return;
	}
	free(fj->line);
	fj->line = line;
	format_job_changed(fj);
}

static void format_job_update(const struct buf *out, void *arg)
{
	format_job_take(arg, out, 0);
}

static void format_job_done(struct job *j, int status, const struct buf *out, void *arg)
{
	struct format_job *fj = arg;

	(void)j;
	(void)status;
	fj->running = 0;
	format_job_take(fj, out, 1);
}

static void format_job_start(struct format_job *fj, struct peer *c, time_t now)
{
	struct job_opts o = {.done = format_job_done,
			     .update = format_job_update,
			     .keep = FORMAT_JOB_KEEP,
			     .arg = fj};
	struct session *s = c != NULL ? c->session : NULL;
	const char *cwd = c != NULL && c->cwd != NULL ? c->cwd : s != NULL ? s->cwd : NULL;
	char **envp = environ_build(&fj->srv->env, s != NULL ? &s->env : NULL);
	char *err = NULL;

	fj->start = now;
	if (job_start_opts(fj->srv, fj->command, cwd, envp, &o, &err) == 0) {
		fj->running = 1;
	} else {
		log_debug("format job %s: %s", fj->command, err);
		free(err);
	}
	strv_free(envp);
}

/* Jobs unasked for an hour go (not while running: job.c has them). */
static void format_job_tidy(time_t now)
{
	struct format_job **pp = &format_jobs, *fj;

	while ((fj = *pp) != NULL) {
		if (!fj->running && now - fj->asked > FORMAT_JOB_IDLE) {
			*pp = fj->next;
			format_job_free(fj);
		} else {
			pp = &fj->next;
		}
	}
}

static struct format_job *format_job_find(struct server *srv, uint32_t client, const char *command)
{
	struct format_job *fj;

	for (fj = format_jobs; fj != NULL; fj = fj->next) {
		if (fj->client == client && strcmp(fj->command, command) == 0)
			return fj;
	}
	fj = xcalloc(1, sizeof *fj);
	fj->srv = srv;
	fj->client = client;
	fj->command = xstrdup(command);
	fj->next = format_jobs;
	format_jobs = fj;
	return fj;
}

char *format_job_get(struct server *srv, struct peer *c, const char *command)
{
	time_t now = time(NULL);
	struct format_job *fj;

	if (srv == NULL || srv->loop == NULL)
		return xstrdup("");
	format_job_tidy(now);
	fj = format_job_find(srv, c != NULL ? c->id : 0, command);
	fj->asked = now;
	if (!fj->running && (fj->start == 0 || now - fj->start >= FORMAT_JOB_AGAIN))
		format_job_start(fj, c, now);
	return xstrdup(fj->line != NULL ? fj->line : "");
}

void format_job_free_all(void)
{
	struct format_job *fj;

	while ((fj = format_jobs) != NULL) {
		format_jobs = fj->next;
		job_forget(fj);
		format_job_free(fj);
	}
}
