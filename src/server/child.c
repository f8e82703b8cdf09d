/* child: see child.h. */
#include "server/child.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

void child_shell(const char *command, const char *cwd, char **envp, int in, int out, int err)
{
	int null = open("/dev/null", O_RDWR);
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &sa, NULL);
	sigprocmask(SIG_SETMASK, &sa.sa_mask, NULL);
	setsid();
	if (null < 0 || dup2(in >= 0 ? in : null, 0) < 0 || dup2(out >= 0 ? out : null, 1) < 0 ||
	    dup2(err >= 0 ? err : null, 2) < 0)
		_exit(127);
	if (cwd != NULL && chdir(cwd) != 0 && chdir("/") != 0)
		_exit(127);
	execle("/bin/sh", "sh", "-c", command, (char *)NULL, envp);
	_exit(127);
}
