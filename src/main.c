/* pmux: a terminal multiplexer. main parses the global flags, works out the
 * socket, and hands over to the client (which starts the server on demand). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "client/client.h"
#include "util/buf.h"

static void usage(void)
{
	fprintf(stderr, "usage: pmux [-CvV] [-f file] [-L socket-name] [-S socket-path] "
			"[command [flags]]\n");
}

/* ${PMUX_TMPDIR:-/tmp}/pmux-UID, created 0700 and refused if anyone else
 * could reach into it. */
static char *socket_dir(void)
{
	const char *base = getenv("PMUX_TMPDIR");
	struct stat st;
	char *dir;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	dir = xasprintf("%s/pmux-%ld", base, (long)getuid());
	if (mkdir(dir, S_IRWXU) != 0 && errno != EEXIST) {
		fprintf(stderr, "couldn't create directory %s (%s)\n", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	if (lstat(dir, &st) != 0) {
		fprintf(stderr, "couldn't access directory %s (%s)\n", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & (S_IRWXG | S_IRWXO))) {
		fprintf(stderr, "directory %s has unsafe permissions\n", dir);
		free(dir);
		return NULL;
	}
	return dir;
}

/* Inside a pane, PMUX names the server's socket. */
static char *socket_from_env(void)
{
	const char *v = getenv("PMUX");

	if (v == NULL || *v == '\0')
		return NULL;
	return xstrndup(v, strcspn(v, ","));
}

int main(int argc, char **argv)
{
	struct client_opts o;
	const char *label = NULL, *path = NULL;
	char *socket_path = NULL, *dir;
	static char *default_argv[] = {"new-session", NULL};
	int opt, rc;

	memset(&o, 0, sizeof o);
	while ((opt = getopt(argc, argv, "+2Cf:L:S:uvVc:")) != -1) {
		switch (opt) {
		case 'f':
			o.config_file = optarg;
			break;
		case 'L':
			label = optarg;
			break;
		case 'S':
			path = optarg;
			break;
		case 'C':
			o.control++; /* -CC: for a terminal (DCS, no echo) */
			break;
		case 'v':
			o.verbose++;
			break;
		case 'V':
			printf("pmux %s\n", PMUX_VERSION);
			return 0;
		case '2':
		case 'u':
			break; /* tmux compatibility: pmux always assumes UTF-8 and 256 colours */
		default:
			usage();
			return 1;
		}
	}
	o.argc = argc - optind;
	o.argv = argv + optind;
	if (o.argc == 0) {
		o.argc = 1;
		o.argv = default_argv;
	}
	if (path != NULL) {
		socket_path = xstrdup(path);
	} else if (label == NULL && (socket_path = socket_from_env()) != NULL) {
		/* run from inside a pane */
	} else {
		if (label != NULL && (*label == '\0' || strchr(label, '/') != NULL)) {
			fprintf(stderr, "invalid socket name: %s\n", label);
			return 1;
		}
		if ((dir = socket_dir()) == NULL)
			return 1;
		socket_path = xasprintf("%s/%s", dir, label != NULL ? label : "default");
		free(dir);
	}
	o.socket_path = socket_path;
	rc = client_main(&o);
	free(socket_path);
	return rc;
}
