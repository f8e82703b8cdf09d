#!/usr/bin/env python3
"""Two clients of different sizes on one session, under each `window-size`:
latest (the default), largest, smallest and manual. The window takes the
size tmux gives it (#{window_width} x #{window_height}), the program in the
pane sees it, and every client that the window fits shows the panes as
capture-pane has them."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

BIG = (30, 100)     # rows, cols of client A: a 100x29 window with the status line
SMALL = (20, 80)    # client B: 80x19


class WindowSize(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=90, y=25)
        self.p = self.pm.display("S", "#{pane_id}")

    def set_window_size(self, value):
        self.pm.run("set-option", "-g", "window-size", value)
        self.assertEqual(self.pm.run("show-options", "-gv", "window-size").strip(), value)

    def wait_size(self, w, h, why):
        wait_for(lambda: self.window_size("S") == (w, h),
                 msg="window %dx%d (%s)" % (w, h, why),
                 describe=lambda: "window is %r; clients:\n%s" % (
                     self.window_size("S"),
                     self.pm.run("list-clients", "-F",
                                 "#{client_pid} #{client_width}x#{client_height}")))

    def check_program_sees(self, w, h, tag):
        pm = self.pm
        wait_for(lambda: pm.display(self.p, "#{pane_width} #{pane_height}") == "%d %d" % (w, h),
                 msg="pane %dx%d" % (w, h))
        tty = pm.pane_tty(self.p)
        wait_for(lambda: screen.tty_size(tty) == (h, w),
                 msg="the pane's terminal %s to be %dx%d" % (tty, w, h),
                 describe=lambda: "TIOCGWINSZ: %r" % (screen.tty_size(tty),))
        pm.type(self.p, "clear; stty size; echo %s-$((2+2))" % tag)
        pm.wait_line(self.p, "%s-4" % tag)
        self.assertIn("%d %d" % (h, w), pm.screen_lines(self.p))

    def attach_both(self):
        a = self.attach("S", rows=BIG[0], cols=BIG[1])
        b = self.attach("S", rows=SMALL[0], cols=SMALL[1])
        return a, b

    def test_latest(self):
        pm = self.pm
        self.assertEqual(pm.run("show-options", "-gv", "window-size").strip(), "latest",
                         "the default window-size")
        a, b = self.attach_both()
        # B attached last: its size
        self.wait_size(80, 19, "B attached last")
        self.check_program_sees(80, 19, "B")
        b.wait_text("B-4")
        b.wait_panes_match("S")
        a.wait_text("B-4")
        a.wait_panes_match("S")          # the small window fits in A
        # A types: A is now the latest client
        a.write(b"echo typed-in-A\r")
        pm.wait_line(self.p, "typed-in-A")
        self.wait_size(100, 29, "A typed last")
        self.check_program_sees(100, 29, "A")
        a.wait_text("A-4")
        a.wait_panes_match("S")
        # B types: back to B's size
        b.write(b"echo typed-in-B\r")
        pm.wait_line(self.p, "typed-in-B")
        self.wait_size(80, 19, "B typed last")

    def test_largest(self):
        pm = self.pm
        self.set_window_size("largest")
        a, b = self.attach_both()
        self.wait_size(100, 29, "the largest client")
        self.check_program_sees(100, 29, "L")
        a.wait_text("L-4")
        a.wait_panes_match("S")
        b.write(b"echo from-B\r")            # activity in B changes nothing
        pm.wait_line(self.p, "from-B")
        self.assertEqual(self.window_size("S"), (100, 29))
        # the large client goes: the window shrinks to the one left
        a.close()
        screen.wait_attached(pm, "S", 1)
        self.wait_size(80, 19, "only B left")
        self.check_program_sees(80, 19, "M")
        b.wait_text("M-4")
        b.wait_panes_match("S")

    def test_smallest(self):
        pm = self.pm
        self.set_window_size("smallest")
        a, b = self.attach_both()
        self.wait_size(80, 19, "the smallest client")
        self.check_program_sees(80, 19, "S")
        for c in (a, b):
            c.wait_text("S-4")
            c.wait_panes_match("S")
        a.write(b"echo from-A\r")            # activity in A changes nothing
        pm.wait_line(self.p, "from-A")
        self.assertEqual(self.window_size("S"), (80, 19))
        # B grows beyond A: A is now the smallest
        b.resize(34, 110)
        self.wait_size(100, 29, "A is the smallest now")
        self.check_program_sees(100, 29, "T")
        for c in (a, b):
            c.wait_text("T-4")
            c.wait_panes_match("S")

    def test_manual(self):
        pm = self.pm
        self.set_window_size("manual")
        a, b = self.attach_both()
        # the window keeps the size it was created with (new-session -x 90 -y 25)
        self.assertEqual(self.window_size("S"), (90, 25))
        a.write(b"echo from-A\r")
        pm.wait_line(self.p, "from-A")
        b.resize(22, 85)
        b.write(b"echo from-B\r")
        pm.wait_line(self.p, "from-B")
        self.assertEqual(self.window_size("S"), (90, 25))
        self.check_program_sees(90, 25, "N")
        a.wait_text("N-4")
        a.wait_panes_match("S")          # 90x25 fits in A's 100x29

    def test_manual_resize_window(self):
        self.set_window_size("manual")
        a, b = self.attach_both()
        self.assertEqual(self.window_size("S"), (90, 25))
        # resize-window sets the size by hand
        self.pm.run("resize-window", "-t", "S", "-x", "70", "-y", "15")
        self.wait_size(70, 15, "resize-window -x 70 -y 15")
        self.check_program_sees(70, 15, "R")
        for c in (a, b):
            c.wait_text("R-4")
            c.wait_panes_match("S")

if __name__ == "__main__":
    pmuxtest.main()
