#!/usr/bin/env python3
"""wait-pane: server-side waits for a match on the screen or in new output,
for idleness, for the foreground job to finish, and for the program's exit;
timeouts, errors and a waiting client killed midway."""

import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class WaitPane(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("w")

    def wait(self, *args, timeout=60):
        return self.pm.cmd("wait-pane", "-t", "w", *args, timeout=timeout)

    def background_wait(self, *args):
        p = subprocess.Popen(self.pm.argv("wait-pane", "-t", "w", *args), env=self.pm.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pm.extra_pids.add(p.pid)
        return p

    def screen(self):
        return self.pm.capture("w")

    def test_match_on_screen(self):
        self.pm.type("w", "sleep 0.3; echo READY-$((40+2))")
        r = self.wait("-m", "^READY-42$", "-T", "30")
        self.assertEqual(r.rc, 0, r)
        # the condition held when wait-pane returned: no polling needed here
        self.assertIn("READY-42", self.screen())
        # already on the screen: returns at once
        self.assertEqual(self.wait("-m", "READY-4[0-9]", "-T", "30").rc, 0)

    def test_new_output_only(self):
        self.pm.type("w", "echo OLD-$((1+1))")
        self.pm.wait_line("w", "OLD-2")
        r = self.wait("-n", "-m", "OLD-2", "-T", "0.5")
        self.assertEqual(r.rc, 1, "-n must ignore what was already on the screen: %r" % r)
        p = self.background_wait("-n", "-m", "NEW-[0-9]+", "-T", "30")
        # wait-pane is blocked: nothing new has matched yet
        self.assertIsNone(p.poll())
        self.pm.type("w", "echo NEW-$((3*3))")
        out, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 0, err)

    def test_idle(self):
        self.pm.type("w", "for i in 1 2 3 4 5; do echo tick-$i; sleep 0.2; done; echo LOOP-END")
        r = self.wait("-i", "700", "-T", "30")
        self.assertEqual(r.rc, 0, r)
        self.assertIn("LOOP-END", self.screen(), "returned while output was still coming")

    def test_foreground_job(self):
        self.pm.type("w", "sleep 1; echo JOB-DONE-$((5+5))")
        r = self.wait("-f", "-T", "30")
        self.assertEqual(r.rc, 0, r)
        self.assertIn("JOB-DONE-10", self.screen(), "returned before the job finished")

    def test_foreground_job_finished_before_waiting(self):
        self.pm.type("w", "sleep 0.2; echo FIN-$((1+1))")
        shell = self.pm.pane_pid("w")
        self.pm.wait_line("w", "FIN-2")
        wait_for(lambda: pmuxtest.proc(shell).tpgid == shell, msg="the shell in the foreground")
        self.assertEqual(self.wait("-f", "-T", "10").rc, 0)

    def test_foreground_builtin_does_not_hang(self):
        # cd never leaves the shell's process group; -T 20 turns a hang into rc 1
        self.pm.run("send-keys", "-t", "w", "cd /tmp", "Enter")
        r = self.wait("-f", "-T", "20")
        self.assertEqual(r.rc, 0, r)

    def test_one_liner(self):
        r = self.pm.cmd("send-keys", "-t", "w", "true", "Enter")
        self.assertEqual(r.rc, 0)
        self.assertEqual(self.wait("-f", "-T", "20").rc, 0)

    def test_shell_marks(self):
        # A shell that reports command ends with OSC 133;D;status.
        self.pm.type("w", "PROMPT_COMMAND='printf \"\\033]133;D;%s\\007\" $?'")
        self.pm.wait_prompt("w")
        self.pm.type("w", "sleep 0.5; false")
        self.assertEqual(self.wait("-f", "-T", "30").rc, 0)
        self.assertEqual(self.pm.display("w", "#{pane_last_exit_status}"), "1")

    def test_exit_status(self):
        self.pm.new_session("x", "sh", "-c", "sleep 0.5; exit 7")
        r = self.pm.cmd("wait-pane", "-t", "x", "-x", "-T", "30", timeout=60)
        self.assertEqual((r.rc, r.out), (0, "7\n"), r)

    def test_exit_before_waiting(self):
        # a dead pane (remain-on-exit): -x answers at once with its status
        pm = self.pm
        pm.run("set-option", "-g", "remain-on-exit", "on")
        pane = pm.run("new-window", "-d", "-t", "w", "-P", "-F", "#{pane_id}", "exit 7").strip()
        wait_for(lambda: pm.display(pane, "#{pane_dead}") == "1", msg="the pane to die")
        r = pm.cmd("wait-pane", "-t", pane, "-x", "-T", "30", timeout=60)
        self.assertEqual((r.rc, r.out), (0, "7\n"), r)
        sig = pm.run("new-window", "-d", "-t", "w", "-P", "-F", "#{pane_id}",
                     "kill -TERM $$").strip()
        wait_for(lambda: pm.display(sig, "#{pane_dead}") == "1", msg="the pane to die")
        r = pm.cmd("wait-pane", "-t", sig, "-x", "-T", "30", timeout=60)
        self.assertEqual((r.rc, r.out), (0, "%d\n" % (128 + signal.SIGTERM)), r)
        # and its foreground job is over
        self.assertEqual(pm.cmd("wait-pane", "-t", pane, "-f", "-T", "30", timeout=60).rc, 0)

    def test_exit_timeout(self):
        r = self.wait("-x", "-T", "0.5")
        self.assertEqual(r.rc, 1, r)
        self.assertIn("timed out", r.err)

    def test_timeout(self):
        r = self.wait("-m", "NEVER-SEEN-XYZ", "-T", "0.5")
        self.assertEqual(r.rc, 1)
        self.assertIn("timed out", r.err)

    def test_waiting_client_killed(self):
        p = self.background_wait("-m", "NEVER-SEEN-XYZ")
        self.assertIsNone(p.poll())
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        # the server goes on: commands and other waits work
        self.pm.run("list-sessions")
        self.pm.type("w", "echo AFTER-KILL")
        self.assertEqual(self.wait("-m", "AFTER-KILL", "-T", "30").rc, 0)

    def test_errors(self):
        for args in (("-T", "1"), ("-m", "a[", "-T", "1"), ("-n", "-T", "1"),
                     ("-x", "-m", "a"), ("-i", "soon")):
            with self.subTest(args=args):
                r = self.wait(*args)
                self.assertEqual(r.rc, 1, r)
                self.assertTrue(r.err.strip(), r)
        r = self.pm.cmd("wait-pane", "-t", "nosuch", "-f")
        self.assertEqual(r.rc, 1)


if __name__ == "__main__":
    pmuxtest.main()
