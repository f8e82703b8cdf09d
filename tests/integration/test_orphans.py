#!/usr/bin/env python3
"""Seed 004: a program whose child moves to its own process group leaves an
orphan after C-c. Closing the pane's window hangs up every process group
still in the pane's session (the orphan ends), while a process that left the
session with setsid is untouched."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import proc, alive, wait_for  # noqa: E402

ORPHAN_PY = r'''
import os, sys, time
marker = sys.argv[1]
pid = os.fork()
if pid == 0:
    os.setpgid(0, 0)          # the child moves to its own process group
    while True:
        time.sleep(0.05)
try:
    os.setpgid(pid, pid)      # (both sides, as in seed 004)
except OSError:
    pass
with open(marker + ".tmp", "w") as f:
    f.write("%d %d\n" % (os.getpid(), pid))
os.rename(marker + ".tmp", marker)
while True:
    time.sleep(0.05)
'''


STOPPED_PY = r'''
import os, signal, sys, time
marker = sys.argv[1]
signal.signal(signal.SIGHUP, signal.SIG_IGN)   # the parent chooses to survive a hangup
pid = os.fork()
if pid == 0:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    os.setpgid(0, 0)
    os.kill(os.getpid(), signal.SIGSTOP)       # a stopped group whose parent is alive
    while True:
        time.sleep(0.05)
try:
    os.setpgid(pid, pid)
except OSError:
    pass
with open(marker + ".tmp", "w") as f:
    f.write("%d %d\n" % (os.getpid(), pid))
os.rename(marker + ".tmp", marker)
while True:
    time.sleep(0.05)
'''


class Orphans(pmuxtest.PmuxTestCase):

    def start_orphan_pair(self, target):
        pm = self.pm
        script = os.path.join(pm.tmp, "orphan_group.py")
        marker = os.path.join(pm.tmp, "orphan.pids")
        with open(script, "w") as f:
            f.write(ORPHAN_PY)
        pm.type(target, "%s %s %s" % (sys.executable, script, marker))
        wait_for(lambda: os.path.exists(marker), msg="the orphan program to start",
                 describe=pm.describe(target))
        with open(marker) as f:
            parent, child = (int(x) for x in f.read().split())
        pm.extra_pids.update((parent, child))
        return parent, child

    def test_orphan_is_hung_up_when_window_closes_setsid_survives(self):
        pm = self.pm
        pm.shell_session("o")                  # keeps the server alive
        pane = pm.shell_window("o", name="orph")
        shell = pm.pane_pid(pane)
        desc = pm.session_describer(pane, shell)

        parent, child = self.start_orphan_pair(pane)
        wait_for(lambda: proc(child) and proc(child).pgrp == child,
                 msg="the child in its own process group", describe=desc)
        pp = proc(parent)
        self.assertEqual(pp.session, shell, pp)
        self.assertEqual(pp.tpgid, pp.pgrp, "the program is not in the foreground: %r" % pp)
        self.assertNotEqual(proc(child).pgrp, proc(child).tpgid)

        pm.send(pane, "C-c")
        pm.wait_gone(parent, "the orphan's parent after C-c", describe=desc)
        pm.wait_prompt(pane)
        c = proc(child)
        self.assertIsNotNone(c, "the child (own process group) must survive C-c")
        self.assertNotIn(c.ppid, (shell, parent), "the child is not an orphan: %r" % c)
        self.assertEqual(c.session, shell, "the orphan left the pane's session: %r" % c)
        self.assertEqual(c.pgrp, child)

        # a process that leaves the session on purpose
        pm.type(pane, "setsid sleep 1006 &")
        escaped = wait_for(lambda: [p for p in pm.find_own(["sleep", "1006"])
                                    if p.session == p.pid],
                           msg="setsid sleep 1006 in its own session", describe=desc)[0]
        pm.extra_pids.add(escaped.pid)
        self.assertNotEqual(escaped.session, shell)
        pm.wait_prompt(pane)
        # and a background job that stays in the pane's session
        pm.type(pane, "sleep 1007 &")
        bg = pm.wait_proc(pane, ["sleep", "1007"])

        pm.run("kill-window", "-t", "o:orph")
        pm.wait_gone(child, "the orphan (pane's session, own group) after kill-window")
        pm.wait_gone(bg.pid, "background job sleep 1007 after kill-window")
        pm.wait_gone(shell, "the pane's shell after kill-window")
        self.assertTrue(alive(escaped.pid),
                        "the setsid sleep (left the pane's session) was killed: %r"
                        % (proc(escaped.pid),))
        # the rest of the server is untouched
        self.assertEqual(pm.cmd("has-session", "-t", "o").rc, 0)
        pm.type("o", "echo still-$((6*7))")
        pm.wait_line("o", "still-42")

    def test_stopped_group_is_continued_and_hung_up_on_kill_pane(self):
        # a stopped job ignores SIGHUP until continued: closing the pane must
        # send SIGCONT as well
        pm = self.pm
        pm.shell_session("o")
        pane = pm.run("split-window", "-d", "-t", "o", "-P", "-F", "#{pane_id}",
                      "-e", "PS1=" + pmuxtest.PROMPT, *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(pane)
        shell = pm.pane_pid(pane)
        pm.type(pane, "sleep 1008")
        p = pm.wait_foreground(pane, ["sleep", "1008"])
        pm.send(pane, "C-z")
        wait_for(lambda: proc(p.pid).state == "T", msg="sleep 1008 stopped")
        pm.run("kill-pane", "-t", pane)
        pm.wait_gone(p.pid, "stopped job sleep 1008 after kill-pane")
        pm.wait_gone(shell, "the pane's shell after kill-pane")
        self.assertEqual(pm.cmd("has-session", "-t", "o").rc, 0)

    def test_stopped_group_of_live_parent_gets_sighup_and_sigcont(self):
        # Neither the kernel (the group is not orphaned: its parent lives in
        # the session) nor bash (the job is disowned) hangs this child up:
        # only pmux's close of the pane does, and it must SIGCONT it too.
        pm = self.pm
        pm.shell_session("o")
        pane = pm.shell_window("o", name="stp")
        shell = pm.pane_pid(pane)
        script = os.path.join(pm.tmp, "stopped_group.py")
        marker = os.path.join(pm.tmp, "stopped.pids")
        with open(script, "w") as f:
            f.write(STOPPED_PY)
        pm.type(pane, "%s %s %s & disown -a" % (sys.executable, script, marker))
        wait_for(lambda: os.path.exists(marker), msg="the program to start",
                 describe=pm.describe(pane))
        with open(marker) as f:
            parent, child = (int(x) for x in f.read().split())
        pm.extra_pids.update((parent, child))
        wait_for(lambda: proc(child).state == "T", msg="the child stopped")
        self.assertEqual(proc(child).session, shell)
        pm.run("kill-window", "-t", "o:stp")
        pm.wait_gone(shell, "the pane's shell after kill-window")
        pm.wait_gone(child, "the stopped child (needs SIGHUP and SIGCONT) after kill-window",
                     describe=lambda: "child: %r parent: %r" % (proc(child), proc(parent)))
        # the parent ignores SIGHUP: that is its choice, pmux does not SIGKILL it
        self.assertTrue(alive(parent), "the SIGHUP-ignoring parent should have been left alone")

    def test_orphan_hung_up_when_pane_program_exits(self):
        pm = self.pm
        pm.shell_session("o")
        pane = pm.shell_window("o", name="orph")
        shell = pm.pane_pid(pane)
        parent, child = self.start_orphan_pair(pane)
        wait_for(lambda: proc(child) and proc(child).pgrp == child, msg="child in own group")
        pm.send(pane, "C-c")
        pm.wait_gone(parent, "the orphan's parent after C-c")
        pm.wait_prompt(pane)
        self.assertTrue(alive(child))
        pm.type(pane, "exit")
        pm.wait_gone(shell, "the pane's shell after exit")
        pm.wait_gone(child, "the orphan after its pane's program exited")
        wait_for(lambda: len(pm.run("list-windows", "-t", "o").splitlines()) == 1,
                 msg="the window of the exited pane to close")


if __name__ == "__main__":
    pmuxtest.main()
