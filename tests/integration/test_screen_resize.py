#!/usr/bin/env python3
"""The attached client's terminal is resized from 100x30 to 70x24: the
window follows, the program in the pane sees the new size (TIOCSWINSZ and
SIGWINCH), and the client's screen is redrawn to match the panes."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


def wait_for_winch(pm, pane, size, after=None):
    """Wait until the shell's WINCH trap in pane printed "WINCH <size>"
    (below the line `after` when given)."""
    def pred(scr):
        lines = [l.rstrip() for l in scr.split("\n")]
        if after is not None:
            if after not in lines:
                return False
            lines = lines[lines.index(after):]
        return any(l.endswith("WINCH " + size) for l in lines)
    pm.wait_screen(pane, pred, "the shell's SIGWINCH trap reporting %r" % size)


class Resize(screen.ScreenTestCase):

    def test_resize_100x30_to_70x24(self):
        pm = self.pm
        pm.shell_session("S", x=120, y=40)
        p = pm.display("S", "#{pane_id}")
        # a program that reports every SIGWINCH with the size it then sees
        pm.type(p, "trap 'echo WINCH $(stty size)' WINCH; stty size")
        pm.wait_line(p, "40 120")
        pm.wait_prompt(p)
        c = self.attach("S", rows=30, cols=100)
        wait_for(lambda: self.window_size("S") == (100, 29),
                 msg="window 100x29 for a 100x30 client",
                 describe=lambda: "window %r" % (self.window_size("S"),))
        pm.type(p, "stty size; echo A-$((3*3))")
        pm.wait_line(p, "A-9")
        c.wait_text("A-9")
        self.assertIn("29 100", pm.screen_lines(p))
        c.wait_panes_match("S")

        c.resize(24, 70)
        wait_for(lambda: self.window_size("S") == (70, 23),
                 msg="window 70x23 after the client became 70x24",
                 describe=lambda: "window %r" % (self.window_size("S"),))
        self.assertEqual(pm.display(p, "#{pane_width} #{pane_height}"), "70 23")
        # the shell gets SIGWINCH (its trap reports the size it sees) ...
        wait_for_winch(pm, p, "23 70")
        # ... and programs started now see the new size
        pm.type(p, "stty size; tput cols; tput lines; echo B-$((4*4))")
        pm.wait_line(p, "B-16")
        lines = pm.screen_lines(p)
        i = lines.index("B-16")
        self.assertEqual(lines[i - 3:i], ["23 70", "70", "23"])
        c.wait_text("B-16")
        c.wait_panes_match("S")
        # the status line is on the new last row and no longer than the screen
        c.wait_screen(lambda ls: len(ls) == 24 and ls[23].startswith("[S]"),
                      "the status line on row 23")
        self.assertTrue(all(len(l) <= 70 for l in c.lines()))

        # and back to a larger size
        c.resize(30, 100)
        wait_for(lambda: self.window_size("S") == (100, 29),
                 msg="window 100x29 again",
                 describe=lambda: "window %r" % (self.window_size("S"),))
        wait_for_winch(pm, p, "29 100", after="B-16")
        pm.type(p, "stty size; echo C-$((5*5))")
        pm.wait_line(p, "C-25")
        self.assertIn("29 100", pm.screen_lines(p))
        c.wait_text("C-25")
        c.wait_panes_match("S")
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "the status line on row 29")

    def test_resize_split_window(self):
        # two panes side by side: both programs see their new widths
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        a = pm.display("S", "#{pane_id}")
        b = pm.run("split-window", "-h", "-t", a, "-P", "-F", "#{pane_id}",
                   "-e", "PS1=" + pmuxtest.PROMPT, "-e", "HISTFILE=/dev/null",
                   *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(b)
        for p in (a, b):
            pm.type(p, "trap 'echo WINCH $(stty size)' WINCH")
            pm.wait_prompt(p)
        c = self.attach("S", rows=30, cols=100)
        c.resize(24, 70)
        wait_for(lambda: self.window_size("S") == (70, 23),
                 msg="window 70x23", describe=lambda: "window %r" % (self.window_size("S"),))
        wa = int(pm.display(a, "#{pane_width}"))
        wb = int(pm.display(b, "#{pane_width}"))
        self.assertEqual(wa + 1 + wb, 70)
        for p, w in ((a, wa), (b, wb)):
            wait_for_winch(pm, p, "23 %d" % w)
            pm.type(p, "clear")         # short lines from here on: no wrapping
            pm.wait_screen(p, lambda s: s.strip() == pmuxtest.PROMPT.strip(), "a clear screen")
            pm.type(p, "stty size;echo D")
            pm.wait_line(p, "D")
            self.assertIn("23 %d" % w, pm.screen_lines(p))
        c.wait_panes_match("S")


if __name__ == "__main__":
    pmuxtest.main()
