#!/usr/bin/env python3
"""Only changes are sent: an idle client receives nothing, and a keystroke
echo costs a few bytes, not a redraw."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class Frames(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        pm.run("set-option", "-g", "status-interval", "0")   # no clock redraws
        pm.run("set-option", "-g", "status-right", "")
        self.p = pm.display("S", "#{pane_id}")
        pm.run("split-window", "-h", "-t", self.p, "-d")
        pm.note_panes()
        self.c = self.attach("S", rows=30, cols=100)
        self.c.wait_panes_match("S")

    def settle(self):
        """Wait until the client has written nothing for a moment."""
        c = self.c
        last = [c.nbytes, time.monotonic()]

        def quiet():
            if c.nbytes != last[0]:
                last[:] = [c.nbytes, time.monotonic()]
                return False
            return time.monotonic() - last[1] >= 0.5
        wait_for(quiet, msg="the client to be quiet", describe=c.describe)
        return c.nbytes

    def echo_costs(self, keys):
        c = self.c
        for ch in keys:
            start = self.settle()
            c.write(bytes([ch]))
            c.wait_screen(lambda ls: c.screen.rect(0, 0, 1, 50)[0].endswith(chr(ch)),
                          "the echo of %r" % chr(ch))
            n = self.settle() - start
            self.assertLess(n, 64, "the echo of key %r cost %d bytes: %r"
                            % (chr(ch), n, c.tail[-n:] if n else b""))

    def test_keystroke_echo_is_small(self):
        self.c.write(b"#")          # the client's first key (see below)
        self.c.wait_screen(lambda ls: self.c.screen.rect(0, 0, 1, 50)[0].endswith("#"),
                           "the echo of '#'")
        self.echo_costs(b"abcdefgh")

    def test_first_keystroke_echo_is_small(self):
        self.echo_costs(b"ab")

    def test_refresh_client_redraws_everything(self):
        # refresh-client (and C-b r) sends the whole screen again, borders
        # and status line included, where normally only changes go
        c = self.c
        for how in ("command", "key"):
            start = self.settle()
            if how == "command":
                self.pm.run("refresh-client", "-t", c.tty)
            else:
                c.write(b"\x02r")
            wait_for(lambda: c.nbytes - start > 29 * 3, msg="a full redraw (%s)" % how,
                     describe=lambda: "%d bytes" % (c.nbytes - start))
            self.settle()
            c.wait_panes_match("S")
            self.assertIn("[S]", c.lines()[29])

    def test_idle_client_gets_nothing(self):
        start = self.settle()
        time.sleep(1)
        self.assertEqual(self.c.nbytes, start, "bytes sent to an idle client: %r"
                         % self.c.tail[-(self.c.nbytes - start):])


if __name__ == "__main__":
    pmuxtest.main()
