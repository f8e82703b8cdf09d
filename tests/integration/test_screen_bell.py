#!/usr/bin/env python3
"""A bell in a pane: in the current window it reaches the client's
terminal; in another window it marks that window in the window list."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class Bell(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=100, y=29)
        self.other = self.pm.shell_window("S:1", name="other")
        self.c = self.attach("S", rows=30, cols=100)
        self.c.wait_screen(lambda ls: "1:other" in ls[29], "window 1 in the window list")

    def test_bell_in_current_window_reaches_terminal(self):
        pm, c = self.pm, self.c
        before = c.cursor()["bells"]
        pm.type("S:0", "printf 'ring\\a\\n'")
        pm.wait_line("S:0", "ring")
        wait_for(lambda: c.cursor()["bells"] > before, msg="a BEL on the client's terminal",
                 describe=lambda: repr(c.cursor()))

    def test_bell_in_other_window_flags_it(self):
        pm, c = self.pm, self.c
        pm.type(self.other, "printf 'ring\\a\\n'")
        pm.wait_line(self.other, "ring")
        wait_for(lambda: pm.display("S:1", "#{window_bell_flag}") == "1",
                 msg="#{window_bell_flag} of window 1")
        c.wait_screen(lambda ls: "1:other!" in ls[29], "'1:other!' in the window list")
        # selecting the window clears the flag
        pm.run("select-window", "-t", "S:1")
        c.wait_screen(lambda ls: "1:other*" in ls[29] and "!" not in ls[29],
                      "'1:other*' without the bell flag")


if __name__ == "__main__":
    pmuxtest.main()
