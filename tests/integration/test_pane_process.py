#!/usr/bin/env python3
"""A pane's program is a session leader on the pane's pty; the server is a
daemon with no controlling terminal; panes inherit only fds 0-2, a clean
signal state and sane termios."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import proc, proc_status, fds_of, wait_for  # noqa: E402


class PaneShell(pmuxtest.PmuxTestCase):

    def test_shell_is_session_leader_on_pane_tty(self):
        pm = self.pm
        pm.shell_session("s")
        pid = pm.pane_pid("s")
        tty = pm.pane_tty("s")
        self.assertTrue(tty.startswith("/dev/pts/"), "pane_tty is %r" % tty)
        p = proc(pid)
        self.assertIsNotNone(p, "pane pid %d does not exist" % pid)
        self.assertEqual(p.comm, "bash", p)
        self.assertEqual(p.session, pid, "the pane's shell is not a session leader: %r" % p)
        self.assertEqual(p.pgrp, pid, "the pane's shell is not a process group leader: %r" % p)
        self.assertEqual(p.tty_nr, os.stat(tty).st_rdev,
                         "controlling tty of %r is not #{pane_tty} %s" % (p, tty))
        # At its prompt the shell is the terminal's foreground process group.
        wait_for(lambda: proc(pid).tpgid == pid, msg="tpgid == shell pid %d (%r)" % (pid, proc(pid)),
                 describe=pm.describe("s"))

    def test_server_is_a_daemon_without_terminal(self):
        pm = self.pm
        pm.shell_session("s")
        pm.new_session("t", "sleep", "1000")
        pane_pids = {pm.pane_pid("s"), pm.pane_pid("t")}
        spid = pm.server_pid()
        sp = proc(spid)
        self.assertIsNotNone(sp, "#{pid} %d is not a live process" % spid)
        self.assertEqual(sp.tty_nr, 0, "the server has a controlling terminal: %r" % sp)
        self.assertNotEqual(sp.session, os.getsid(0),
                            "the server is in the session of the command that started it: %r" % sp)
        self.assertNotIn(sp.session, pane_pids, "the server is in a pane's session: %r" % sp)
        self.assertNotIn(spid, pane_pids)
        for pid in pane_pids:
            self.assertNotEqual(proc(pid).session, sp.session,
                                "pane %d shares the server's session" % pid)
            self.assertNotEqual(proc(pid).session, spid)
        # stdio on /dev/null (no log file asked for)
        for fd in (0, 1, 2):
            self.assertEqual(os.readlink("/proc/%d/fd/%d" % (spid, fd)), "/dev/null",
                             "server fd %d" % fd)
        # the server is not a child of the command that started it
        self.assertNotEqual(sp.ppid, os.getpid())


class PaneInheritance(pmuxtest.PmuxTestCase):

    def check_fds(self, pid, tty, what):
        fds = fds_of(pid)
        self.assertEqual(fds, [0, 1, 2], "%s (pid %d, %r) holds fds %r: %r" % (
            what, pid, proc(pid), fds,
            {fd: os.readlink("/proc/%d/fd/%d" % (pid, fd)) for fd in fds
             if os.path.exists("/proc/%d/fd/%d" % (pid, fd))}))
        for fd in (0, 1, 2):
            self.assertEqual(os.readlink("/proc/%d/fd/%d" % (pid, fd)), tty,
                             "%s fd %d is not the pane's tty" % (what, fd))

    def test_only_fds_0_1_2(self):
        pm = self.pm
        # several panes so that the server has several masters (and clients) open
        pm.new_session("f", "sleep", "1000")
        w = pm.run("new-window", "-d", "-t", "f", "-P", "-F", "#{pane_id}",
                   "sleep", "1001").strip()
        sp = pm.run("split-window", "-d", "-t", w, "-P", "-F", "#{pane_id}",
                    "sleep 1002").strip()
        pm.shell_session("g")
        pm.note_panes()

        pid = pm.pane_pid("f")
        p = proc(pid)
        self.assertEqual(p.cmdline, ["sleep", "1000"], "several arguments are exec'd directly")
        self.check_fds(pid, pm.pane_tty("f"), "pane f (sleep 1000)")

        pid = pm.pane_pid(w)
        self.assertEqual(proc(pid).cmdline, ["sleep", "1001"])
        self.check_fds(pid, pm.pane_tty(w), "new-window pane (sleep 1001)")

        sleeper = pm.wait_proc(sp, ["sleep", "1002"])
        self.check_fds(sleeper.pid, pm.pane_tty(sp), "split-window pane (sh -c 'sleep 1002')")

        # a program started from the shell in a pane
        pm.type("g", "sleep 1003")
        sl = pm.wait_foreground("g", ["sleep", "1003"])
        self.check_fds(sl.pid, pm.pane_tty("g"), "sleep 1003 run by the pane's shell")

    def test_signal_state_is_reset(self):
        pm = self.pm
        pm.new_session("sig", "sleep", "1000")
        pid = pm.pane_pid("sig")
        self.assertEqual(int(proc_status(pid, "SigBlk"), 16), 0,
                         "pane program starts with blocked signals")
        self.assertEqual(int(proc_status(pid, "SigIgn"), 16), 0,
                         "pane program starts with ignored signals (SigIgn %s)"
                         % proc_status(pid, "SigIgn"))

    def test_sane_termios(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "stty.txt")
        pm.new_session("tio", "stty -a > %s 2>&1; exec sleep 1000" % out)
        pm.wait_proc("tio", ["sleep", "1000"])
        with open(out) as f:
            text = f.read()
        words = set(text.replace(";", " ").split())
        for flag in ("isig", "icanon", "echo", "iutf8", "icrnl", "opost", "onlcr"):
            self.assertIn(flag, words, "termios flag %s not set:\n%s" % (flag, text))
            self.assertNotIn("-" + flag, words)
        norm = " ".join(text.split())
        for cc in ("intr = ^C", "quit = ^\\", "erase = ^?", "susp = ^Z", "eof = ^D"):
            self.assertIn(cc, norm, "stty -a in a pane:\n%s" % text)


if __name__ == "__main__":
    pmuxtest.main()
