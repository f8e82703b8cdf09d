#!/usr/bin/env python3
"""Detaching leaves the terminal as the client found it: the main screen
with what was there before attaching, cursor visible, no mouse reporting,
and the detach message printed after it."""

import os
import re
import shlex
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class Detach(screen.ScreenTestCase):

    def start(self):
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        pm.type("S", "echo inside-pane-$((1+1))")
        pm.wait_line("S", "inside-pane-2")
        cmd = "echo before-attach-line; exec %s" % " ".join(
            shlex.quote(a) for a in pm.argv("attach-session", "-t", "S"))
        c = screen.ScreenClient(pm, rows=30, cols=100, argv=["sh", "-c", cmd])
        screen.wait_attached(pm, "S", 1)
        c.wait_text("inside-pane-2")
        c.wait_panes_match("S")
        wait_for(lambda: c.cursor()["altscreen"] == 1, msg="the client on the alternate screen",
                 describe=c.describe)
        self.assertFalse(any("before-attach-line" in l for l in c.lines()))
        return c

    def check_restored(self, c, message):
        cur = c.wait_left(message)
        self.assertEqual(cur["mouse"], 0, "mouse reporting left on: %r" % cur)
        ls = c.lines()
        self.assertEqual(ls[0].rstrip(), "before-attach-line", c.describe())
        self.assertFalse(any("inside-pane-2" in l for l in ls), c.describe())
        i = next(i for i, l in enumerate(ls) if message in l)
        self.assertLess(0, i)
        # the cursor is below the message, at the start of a line
        self.assertEqual((cur["row"], cur["col"]), (i + 1, 0), c.describe())

    def test_detach_with_keys(self):
        c = self.start()
        c.keys(b"\x02d")
        self.check_restored(c, "[detached (from session S)]")

    def test_detach_client_command(self):
        c = self.start()
        self.pm.run("detach-client", "-t", c.tty)
        self.check_restored(c, "[detached (from session S)]")

    def test_detach_E_runs_a_command_in_place_of_the_client(self):
        c = self.start()
        out = os.path.join(self.pm.tmp, "exec-out")
        self.pm.run("detach-client", "-t", c.tty, "-E",
                    "echo $$ > %s; stty -a >> %s; echo exec-ran-$((6*7))" % (out, out))
        self.check_restored(c, "exec-ran-42")
        self.assertEqual(c.proc.returncode, 0)
        self.assertFalse(any("[detached" in l for l in c.lines()), c.describe())
        with open(out) as f:
            pid, stty = f.read().split("\n", 1)
        # the command ran in the client's own process, on the terminal as
        # the client found it (cooked, echoing)
        self.assertEqual(int(pid), c.pid)
        modes = stty.split()
        for mode in ("icanon", "echo", "isig"):
            self.assertIn(mode, modes, stty)
        screen.wait_attached(self.pm, "S", 0)

    def test_detach_a_E_runs_the_command_in_every_other_client(self):
        first = self.start()
        second = screen.ScreenClient(self.pm, rows=30, cols=100,
                                     argv=self.pm.argv("attach-session", "-t", "S"))
        screen.wait_attached(self.pm, "S", 2)
        marks = os.path.join(self.pm.tmp, "marks")
        self.pm.run("detach-client", "-a", "-t", first.tty, "-E", "echo $$ >> " + marks)
        self.assertEqual(second.wait_exit(), 0)
        screen.wait_attached(self.pm, "S", 1)
        with open(marks) as f:
            self.assertEqual(f.read().split(), [str(second.pid)])
        self.assertIsNone(first.proc.poll())

    def modes_left_on(self, c):
        """Private modes the client's output turned on and never off again
        (VTScreen does not show focus reporting or bracketed paste)."""
        last = {}
        for m in re.finditer(rb"\x1b\[\?([0-9;]+)([hl])", c.tail):
            for mode in m.group(1).split(b";"):
                last[int(mode)] = m.group(2)
        on_by_default = (7, 25)      # autowrap, a visible cursor
        return sorted(mode for mode, hl in last.items()
                      if hl == b"h" and mode not in on_by_default)

    def start_with_modes(self):
        # focus events and the mouse turned on in the outer terminal
        c = self.start()
        self.pm.run("set-option", "-g", "focus-events", "on")
        self.pm.run("set-option", "-g", "mouse", "on")
        wait_for(lambda: b"\x1b[?1004h" in c.tail, msg="focus reporting on",
                 describe=c.describe)
        return c

    def test_sigterm_to_the_client(self):
        c = self.start_with_modes()
        os.kill(c.pid, signal.SIGTERM)
        self.check_restored(c, "[terminated]")
        self.assertEqual(c.proc.returncode, 1)
        self.assertEqual(self.modes_left_on(c), [])

    def test_sighup_to_the_client(self):
        # kill -HUP with the terminal still there: it is restored too
        c = self.start_with_modes()
        os.kill(c.pid, signal.SIGHUP)
        self.check_restored(c, "[lost tty]")
        self.assertEqual(c.proc.returncode, 1)
        self.assertEqual(self.modes_left_on(c), [])

    def test_modes_reset_on_detach(self):
        c = self.start_with_modes()
        c.keys(b"\x02d")
        self.check_restored(c, "[detached (from session S)]")
        self.assertEqual(self.modes_left_on(c), [])

    def bash_client(self, session):
        """An interactive bash in a pty that runs attach-session."""
        pm = self.pm
        c = screen.ScreenClient(pm, rows=24, cols=80,
                                argv=["bash", "--norc", "--noprofile", "-i"],
                                env={"PS1": "outer$ "})
        c.wait_text("outer$")
        c.write((" ".join(shlex.quote(a) for a in pm.argv("attach", "-t", session)) +
                 "\r").encode())
        return c

    def test_detach_P_hangs_up_the_shell(self):
        # detach-client -P: the client's parent (its shell) gets SIGHUP
        pm = self.pm
        pm.new_session("S", "sh", "-c", "echo in-pane; exec sleep 1000", x=80, y=23)
        c = self.bash_client("S")
        screen.wait_attached(pm, "S", 1)
        c.wait_text("in-pane")
        pm.run("detach-client", "-P", "-t", c.tty)
        c.wait_text("[detached and SIGHUP (from session S)]")
        self.assertEqual(c.wait_exit(), -signal.SIGHUP)

    def test_attach_x_hangs_up_the_other_shells(self):
        pm = self.pm
        pm.new_session("S", "sh", "-c", "echo in-pane; exec sleep 1000", x=80, y=23)
        first = self.bash_client("S")
        screen.wait_attached(pm, "S", 1)
        first.wait_text("in-pane")
        second = screen.ScreenClient(pm, "attach-session", "-x", "-t", "S", rows=24, cols=80)
        first.wait_text("[detached and SIGHUP (from session S)]")
        self.assertEqual(first.wait_exit(), -signal.SIGHUP)
        second.wait_text("in-pane")

    def test_suspend_client(self):
        # suspend-client (C-b C-z in tmux): the terminal is given back and
        # the client stops like any job; fg brings the session back
        pm = self.pm
        pm.new_session("S", "sh", "-c", "echo in-pane; exec sleep 1000", x=80, y=23)
        c = screen.ScreenClient(pm, rows=24, cols=80,
                                argv=["bash", "--norc", "--noprofile", "-i"],
                                env={"PS1": "outer$ "})
        c.wait_text("outer$")
        c.write((" ".join(shlex.quote(a) for a in pm.argv("attach", "-t", "S")) +
                 "\r").encode())
        screen.wait_attached(pm, "S", 1)
        c.wait_text("in-pane")
        pm.run("suspend-client", "-t", c.tty)
        c.wait_text("Stopped")
        cur = c.cursor()
        self.assertEqual((cur["altscreen"], cur["visible"]), (0, 1), c.describe())
        self.assertFalse(any("in-pane" in l for l in c.lines()), c.describe())
        c.write(b"fg\r")
        c.wait_text("in-pane")
        c.wait_panes_match("S")
        self.assertEqual(c.cursor()["altscreen"], 1)
        c.write(b"\x02d")
        c.wait_text("[detached (from session S)]")

    def test_lock_client(self):
        # lock-client: lock-command runs in the client's terminal, in the
        # modes it had before attaching (cooked: it reads a line) on a blank
        # alternate screen, and the session is drawn again once it exits
        pm = self.pm
        c = self.start()
        out = os.path.join(pm.tmp, "lock-out")
        pm.run("set-option", "-g", "lock-command",
               "printf 'LOCKED-%s\\n' $((2+3)); read x; echo \"$x\" > " + out)
        pm.run("lock-client", "-t", c.tty)
        c.wait_text("LOCKED-5")
        ls = c.lines()
        self.assertEqual(ls[0].rstrip(), "LOCKED-5", c.describe())
        self.assertFalse(any("inside-pane" in l for l in ls), c.describe())
        self.assertEqual(c.cursor()["visible"], 1, c.describe())
        c.write(b"pw42\r")
        wait_for(lambda: os.path.exists(out) and open(out).read() == "pw42\n",
                 msg="the lock command's line")
        wait_for(lambda: c.cursor()["altscreen"] == 1, msg="the client drawn again",
                 describe=c.describe)
        c.wait_panes_match("S")
        # and its keys go to the pane again
        c.write(b"echo after-$((3+4))\r")
        pm.wait_line("S", "after-7")

    def test_lock_server_and_lock_after_time(self):
        pm = self.pm
        first = self.start()
        second = screen.ScreenClient(pm, rows=30, cols=100,
                                     argv=pm.argv("attach-session", "-t", "S"))
        screen.wait_attached(pm, "S", 2)
        marks = os.path.join(pm.tmp, "marks")
        pm.run("set-option", "-g", "lock-command", "echo locked >> " + marks)
        pm.run("lock-server")
        wait_for(lambda: os.path.exists(marks) and open(marks).read() == "locked\nlocked\n",
                 msg="both clients locked once")
        for c in (first, second):
            wait_for(lambda: c.cursor()["altscreen"] == 1, msg="drawn again",
                     describe=c.describe)
        # lock-after-time: a session without input for a second is locked
        idle = os.path.join(pm.tmp, "idle")
        pm.run("set-option", "-g", "lock-command", "echo idle >> " + idle)
        pm.run("set-option", "-t", "S", "lock-after-time", "1")
        first.write(b"x")  # (tmux counts from the last key)
        wait_for(lambda: os.path.exists(idle) and len(open(idle).read().split()) >= 2,
                 msg="the idle session locked")
        pm.run("set-option", "-t", "S", "lock-after-time", "0")
        r = pm.cmd("lock-session", "-t", "nosuch")
        self.assertEqual(r.rc, 1)
        self.assertIn("can't find session", r.err)

    def test_server_exits(self):
        c = self.start()
        self.pm.run("kill-server")
        self.check_restored(c, "[server exited]")


if __name__ == "__main__":
    pmuxtest.main()
