#!/usr/bin/env python3
"""run-shell and if-shell: output, exit status, formats, the command list
waiting for them without blocking the server, -b, -d, -F."""

import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class Shell(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("s", "sleep", "1000", flags=["-c", "/tmp", "-e", "FROM_SESSION=x1"])

    def test_run_shell_output_and_status(self):
        pm = self.pm
        self.assertEqual(pm.run("run-shell", "echo out-$((6*7)); echo err >&2"), "out-42\nerr\n")
        # as tmux 3.3a: the command's status, reported with the output, and
        # the rest of the list still runs
        r = pm.cmd("run-shell", "echo before; exit 3", ";", "display-message", "-p", "after")
        self.assertEqual(r.rc, 3, r)
        self.assertEqual(r.out, "before\n'echo before; exit 3' returned 3\nafter\n")
        r = pm.cmd("run-shell", "kill -9 $$")
        self.assertEqual(r.rc, 128 + 9, r)
        self.assertEqual(r.out, "'kill -9 $$' terminated by signal 9\n")
        # a later error still makes the status 1
        r = pm.cmd("run-shell", "exit 3", ";", "display-message", "-t", "nosuch", "-p", "x")
        self.assertEqual(r.rc, 1, r)
        # formats, the pane's directory, the session's environment
        self.assertEqual(pm.run("run-shell", "-t", "s", "echo #{session_name} $PWD $FROM_SESSION"),
                         "s /tmp x1\n")

    def test_list_waits_for_the_command(self):
        out = self.pm.run("run-shell", "sleep 0.3; echo first", ";",
                          "display-message", "-p", "second")
        self.assertEqual(out, "first\nsecond\n")
        # the server answers other clients meanwhile
        p = subprocess.Popen(self.pm.argv("run-shell", "sleep 2; echo slow"), env=self.pm.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pm.extra_pids.add(p.pid)
        self.assertEqual(self.pm.run("display-message", "-p", "#S"), "s\n")
        self.assertIsNone(p.poll(), "run-shell returned before its command ended")
        out, _ = p.communicate(timeout=60)
        self.assertEqual(out, b"slow\n")

    def test_background_and_delay(self):
        flag = os.path.join(self.pm.tmp, "bg-flag")
        self.assertEqual(self.pm.run("run-shell", "-b", "sleep 0.2; touch %s" % flag), "")
        wait_for(lambda: os.path.exists(flag), msg="the -b command to run")
        self.assertEqual(self.pm.run("run-shell", "-d", "0.2", "echo later"), "later\n")
        self.assertEqual(self.pm.cmd("run-shell", "-d", "soon", "true").rc, 1)

    def test_if_shell(self):
        pm = self.pm
        self.assertEqual(pm.run("if-shell", "true", "display -p yes", "display -p no"), "yes\n")
        self.assertEqual(pm.run("if-shell", "false", "display -p yes", "display -p no"), "no\n")
        self.assertEqual(pm.run("if-shell", "false", "display -p yes"), "")
        self.assertEqual(pm.run("if-shell", "test -d /tmp", "display -p a", ";",
                                "display-message", "-p", "b"), "a\nb\n")
        self.assertEqual(pm.run("if-shell", "-F", "#{==:#{session_name},s}",
                                "display -p named-s", "display -p other"), "named-s\n")
        self.assertEqual(pm.run("if-shell", "-F", "0", "display -p x", "display -p zero"),
                         "zero\n")
        r = pm.cmd("if-shell", "true", "no-such-command")
        self.assertEqual(r.rc, 1)
        self.assertIn("unknown command", r.err)

    def test_client_killed_while_waiting(self):
        p = subprocess.Popen(self.pm.argv("run-shell", "sleep 1; echo done"), env=self.pm.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pm.extra_pids.add(p.pid)
        wait_for(lambda: any(pr.cmdline[-1:] == ["sleep 1; echo done"]
                             for pr in pmuxtest.all_procs()), msg="the job to start")
        os.kill(p.pid, signal.SIGKILL)
        p.communicate()
        # the job finishes with nobody to tell; the server carries on
        self.assertEqual(self.pm.run("run-shell", "sleep 1.2; echo still-here"), "still-here\n")


if __name__ == "__main__":
    pmuxtest.main()
