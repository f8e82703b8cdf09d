#!/usr/bin/env python3
"""The attached client hands its terminal to the server (SCM_RIGHTS): the
server holds the client's tty while it is attached and lets go of it when
the client detaches or is terminated; PMUX_RELAY=1 keeps the bytes going
through the client instead, and both work the same for the user."""

import os
import shlex
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


def fd_links(pid):
    links = []
    for fd in pmuxtest.fds_of(pid):
        try:
            links.append(os.readlink("/proc/%d/fd/%d" % (pid, fd)))
        except OSError:
            pass
    return links


class FdPass(screen.ScreenTestCase):

    def start(self, env=None):
        """env: the client's; by default the terminal is handed over even
        when the suite runs with PMUX_RELAY=1."""
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        self.server = pm.server_pid()
        c = self.attach("S", rows=30, cols=100, env=env or {"PMUX_RELAY": ""})
        c.wait_panes_match("S")
        return c

    def holds(self, c):
        return c.tty in fd_links(self.server)

    def roundtrip(self, c, n):
        c.write(b"echo typed-$((%d*3))\r" % n)
        self.pm.wait_line("S", "typed-%d" % (n * 3))
        c.wait_text("typed-%d" % (n * 3))

    def test_server_holds_the_tty_while_attached(self):
        c = self.start()
        wait_for(lambda: self.holds(c), msg="the server to hold %s" % c.tty,
                 describe=lambda: repr(fd_links(self.server)))
        self.roundtrip(c, 7)
        c.keys(b"\x02d")
        c.wait_left("[detached (from session S)]")
        wait_for(lambda: not self.holds(c), msg="the server to let go of %s" % c.tty,
                 describe=lambda: repr(fd_links(self.server)))

    def test_relay_forced(self):
        c = self.start(env={"PMUX_RELAY": "1"})
        self.roundtrip(c, 11)
        self.assertFalse(self.holds(c), "the server holds the relayed terminal: %r"
                         % fd_links(self.server))
        c.resize(25, 90)
        c.wait_screen(lambda ls: len(ls) == 25, "25 rows")
        c.wait_panes_match("S")
        self.roundtrip(c, 13)
        c.keys(b"\x02d")
        c.wait_left("[detached (from session S)]")

    def test_terminated_client_gives_the_tty_back(self):
        c = self.start()
        wait_for(lambda: self.holds(c), msg="the server to hold %s" % c.tty)
        pmuxtest.kill_quietly(c.pid, signal.SIGTERM)
        c.wait_left("[terminated]")
        wait_for(lambda: not self.holds(c), msg="the server to let go of %s" % c.tty)
        # the server and the session live on
        self.assertEqual(self.pm.display("S", "#{session_name}"), "S")

    def test_killed_client_gives_the_tty_back(self):
        c = self.start()
        wait_for(lambda: self.holds(c), msg="the server to hold %s" % c.tty)
        pmuxtest.kill_quietly(c.pid, signal.SIGKILL)
        c.wait_exit()
        wait_for(lambda: not self.holds(c), msg="the server to let go of %s" % c.tty,
                 describe=lambda: repr(fd_links(self.server)))
        screen.wait_attached(self.pm, "S", 0)

    def test_resize_reaches_the_server(self):
        c = self.start()
        wait_for(lambda: self.holds(c), msg="the server to hold %s" % c.tty)
        c.resize(20, 70)
        size = lambda: self.pm.run("list-clients", "-F", "#{client_width} #{client_height}")
        wait_for(lambda: size().strip() == "70 20", msg="the client's new size",
                 describe=size)
        c.wait_panes_match("S")
        self.roundtrip(c, 5)

    def nonblocking(self, pid):
        """Is O_NONBLOCK set on pid's stdin (the terminal's file
        description, which the client shares with its shell)?"""
        with open("/proc/%d/fdinfo/0" % pid) as f:
            flags = next(l for l in f if l.startswith("flags:")).split()[1]
        return bool(int(flags, 8) & os.O_NONBLOCK)

    def suspend_round(self, relay):
        """suspend-client from a shell: the server lets go of the terminal
        (its shell reads it blocking again), takes it back after fg."""
        pm = self.pm
        pm.new_session("S", "sh", "-c", "echo in-pane; exec cat", x=80, y=23)
        self.server = pm.server_pid()
        c = screen.ScreenClient(pm, rows=24, cols=80,
                                argv=["bash", "--norc", "--noprofile", "-i"],
                                env={"PS1": "outer$ ", "PMUX_RELAY": "1" if relay else ""})
        c.wait_text("outer$")
        c.write((" ".join(shlex.quote(a) for a in pm.argv("attach", "-t", "S")) +
                 "\r").encode())
        screen.wait_attached(pm, "S", 1)
        c.wait_text("in-pane")
        for n in (1, 2):
            if relay:
                self.assertFalse(self.holds(c), repr(fd_links(self.server)))
            else:
                wait_for(lambda: self.holds(c) and self.nonblocking(c.pid),
                         msg="the server to hold %s, non-blocking" % c.tty,
                         describe=lambda: repr(fd_links(self.server)))
            pm.run("suspend-client", "-t", c.tty)
            c.wait_text("Stopped")
            wait_for(lambda: not self.holds(c) and not self.nonblocking(c.pid),
                     msg="the server to let go of %s" % c.tty,
                     describe=lambda: repr(fd_links(self.server)))
            c.write(b"echo shell-$((6*%d))\r" % n)
            c.wait_text("shell-%d" % (6 * n))
            c.write(b"fg\r")
            c.wait_text("in-pane")
            c.wait_panes_match("S")
            c.write(b"back-%d\r" % n)
            pm.wait_line("S", "back-%d" % n)
            c.wait_text("back-%d" % n)
        c.write(b"\x02d")
        c.wait_text("[detached (from session S)]")
        wait_for(lambda: not self.holds(c) and not self.nonblocking(c.pid),
                 msg="the server to let go of %s" % c.tty)

    def test_suspend_lets_go_of_the_tty(self):
        self.suspend_round(relay=False)

    def test_suspend_relayed(self):
        self.suspend_round(relay=True)


if __name__ == "__main__":
    pmuxtest.main()
