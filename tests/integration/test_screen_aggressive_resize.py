#!/usr/bin/env python3
"""aggressive-resize: a window is sized by the clients that show it (its
session's current window), so a window that is not current keeps its size
while the clients change, and takes theirs when it is selected; without the
option every window of the session follows its clients."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class AggressiveResize(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=90, y=25)
        pm.shell_window("S:1")
        pm.shell_window("S:2")
        pm.run("select-window", "-t", "S:0")
        pm.run("set", "-g", "window-size", "smallest")
        pm.run("setw", "-t", "S:1", "aggressive-resize", "on")

    def wait_size(self, target, size, why):
        wait_for(lambda: self.window_size(target) == size,
                 msg="%s %dx%d (%s)" % (target, size[0], size[1], why),
                 describe=lambda: "%s is %r" % (target, self.window_size(target)))

    def test_only_the_shown_window_follows(self):
        pm = self.pm
        big = self.attach("S", rows=30, cols=100)
        small = self.attach("S", rows=20, cols=80)
        self.wait_size("S:0", (80, 19), "the smallest client")
        self.wait_size("S:2", (80, 19), "every window follows without the option")
        small.close()
        self.wait_size("S:0", (100, 29), "the big client alone")
        self.wait_size("S:2", (100, 29), "a window without aggressive-resize follows")
        # S:1 is shown by no client: it keeps the size it had
        self.assertNotEqual(self.window_size("S:1"), (100, 29))
        pm.run("select-window", "-t", "S:1")
        self.wait_size("S:1", (100, 29), "selected, it takes its client's size")
        big.wait_panes_match("S")

    def test_option_off_everywhere(self):
        pm = self.pm
        pm.run("setw", "-u", "-t", "S:1", "aggressive-resize")
        big = self.attach("S", rows=30, cols=100)
        small = self.attach("S", rows=20, cols=80)
        self.wait_size("S:1", (80, 19), "the smallest client")
        small.close()
        self.wait_size("S:1", (100, 29), "not shown, but sized by the session's clients")
        big.close()


    def test_fill_character_beyond_a_smaller_window(self):
        pm = self.pm
        pm.run("set", "-g", "window-size", "manual")
        pm.run("resize-window", "-t", "S:0", "-x", "40", "-y", "10")
        c = self.attach("S", rows=20, cols=60)
        # the client's screen beyond the window: dots by default ...
        c.wait_screen(lambda ls: ls[15][50] == "\u00b7", "dots beyond the window")
        pm.run("set", "-g", "fill-character", "x")
        c.wait_screen(lambda ls: ls[15][50] == "x" and ls[5][55] == "x",
                      "fill-character beyond the window")
        # more than one character: the first, as tmux
        pm.run("set", "-g", "fill-character", "ab")
        c.wait_screen(lambda ls: ls[15][50] == "a", "the first character")


if __name__ == "__main__":
    pmuxtest.main()
