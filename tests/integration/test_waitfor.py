#!/usr/bin/env python3
"""wait-for: a wait blocks until the channel is signalled (or returns at once
if it was signalled first); -L/-U lock in order; a waiter killed midway
leaves the server working."""

import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class WaitFor(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("s", "sleep", "1000")

    def background(self, *args):
        p = subprocess.Popen(self.pm.argv(*args), env=self.pm.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pm.extra_pids.add(p.pid)
        return p

    def test_signal_wakes_every_waiter(self):
        waiters = [self.background("wait-for", "done") for _ in range(3)]
        # blocked until signalled: the server still answers others
        self.assertEqual(self.pm.run("display-message", "-p", "#S"), "s\n")
        self.assertTrue(all(p.poll() is None for p in waiters))
        self.pm.run("wait-for", "-S", "done")
        for p in waiters:
            p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0)

    def test_signal_before_wait(self):
        self.pm.run("wait-for", "-S", "early")
        self.assertEqual(self.pm.cmd("wait-for", "early").rc, 0)

    def test_locks(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "order")
        pm.run("wait-for", "-L", "lk")
        p = self.background("wait-for", "-L", "lk", ";", "run-shell", "echo second >> " + out)
        pm.run("run-shell", "echo first >> " + out)
        self.assertIsNone(p.poll(), "took a held lock")
        pm.run("wait-for", "-U", "lk")
        p.communicate(timeout=60)
        with open(out) as f:
            self.assertEqual(f.read(), "first\nsecond\n")
        pm.run("wait-for", "-U", "lk")
        r = pm.cmd("wait-for", "-U", "lk")
        self.assertEqual(r.rc, 1)
        self.assertIn("not locked", r.err)

    def test_waiter_killed(self):
        p = self.background("wait-for", "never")
        wait_for(lambda: p.poll() is None, msg="the waiter to be blocked")
        os.kill(p.pid, signal.SIGKILL)
        p.communicate()
        self.pm.run("wait-for", "-S", "never")
        self.assertEqual(self.pm.run("display-message", "-p", "#S"), "s\n")


if __name__ == "__main__":
    pmuxtest.main()
