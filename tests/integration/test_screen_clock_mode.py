#!/usr/bin/env python3
"""clock-mode through an attached client: C-b t shows the time in big
digits (blocks of clock-mode-colour) in the middle of the pane; any key
leaves it and goes no further."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

ROWS = 21  # 20 for the pane, 1 for the status line
COLS = 60
BLUE = "idx:4"

# The 5x5 glyphs, '#' for a block.
GLYPHS = {
    "0": ["#####", "#   #", "#   #", "#   #", "#####"],
    "1": ["    #", "    #", "    #", "    #", "    #"],
    "2": ["#####", "    #", "#####", "#    ", "#####"],
    "3": ["#####", "    #", "#####", "    #", "#####"],
    "4": ["#   #", "#   #", "#####", "    #", "    #"],
    "5": ["#####", "#    ", "#####", "    #", "#####"],
    "6": ["#####", "#    ", "#####", "#   #", "#####"],
    "7": ["#####", "    #", "    #", "    #", "    #"],
    "8": ["#####", "#   #", "#####", "#   #", "#####"],
    "9": ["#####", "#   #", "#####", "    #", "#####"],
    ":": ["     ", "  #  ", "     ", "  #  ", "     "],
    "A": ["#####", "#   #", "#####", "#   #", "#   #"],
    "P": ["#####", "#   #", "#####", "#    ", "#    "],
    "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
    " ": ["     "] * 5,
}


def big(text, sx, sy):
    """The rows of a sy x sx pane showing text as tmux's clock does."""
    rows = [[" "] * sx for _ in range(sy)]
    x, y = sx // 2 - 3 * len(text), sy // 2 - 3
    for ch in text:
        for j, line in enumerate(GLYPHS[ch]):
            for i, cell in enumerate(line):
                rows[y + j][x + i] = cell
        x += 6
    return ["".join(r) for r in rows]


class ClockMode(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("A", x=COLS, y=ROWS - 1)
        self.p = self.pm.display("A", "#{pane_id}")

    def blocks(self, c, colour=BLUE):
        """The pane's rows with '#' where a cell has the clock's colour."""
        return ["".join("#" if cell["bg"] == colour else " " for cell in row)
                for row in c.screen.cells()[:ROWS - 1]]

    def wait_clock(self, c, fmt, colour=BLUE):
        def shows(_):
            got = self.blocks(c, colour)
            return any(got == big(time.strftime(fmt, time.localtime(t)), COLS, ROWS - 1)
                       for t in (time.time(), time.time() - 1))
        c.wait_screen(shows, "the big clock (%s)" % fmt)

    def test_prefix_t_and_a_key_leaves(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=COLS)
        c.keys(b"\x02t")
        self.wait_clock(c, "%H:%M")
        self.assertEqual(pm.display(self.p, "#{pane_mode}|#{pane_in_mode}"), "clock-mode|1")
        self.assertEqual(c.cursor()["visible"], 0, "no cursor in the mode")
        c.keys(b"x")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0",
                 msg="a key leaves clock mode", describe=c.describe)
        c.wait_screen(lambda ls: ls[0].rstrip() == "pmt$", "the pane again, no x typed")
        c.keys(b"echo OK-$((1+1))\r")
        pm.wait_line(self.p, "OK-2")

    def test_style_12_and_colour(self):
        pm = self.pm
        pm.run("set", "-w", "-t", "A", "clock-mode-style", "12")
        pm.run("set", "-w", "-t", "A", "clock-mode-colour", "red")
        c = self.attach("A", rows=ROWS, cols=COLS)
        pm.run("clock-mode", "-t", self.p)

        def twelve(t):
            tm = time.localtime(t)
            return time.strftime("%l:%M ", tm) + ("PM" if tm.tm_hour >= 12 else "AM")
        # 8 characters need 48 columns: big digits still fit in 60
        c.wait_screen(lambda _: any(self.blocks(c, "idx:1") == big(twelve(t), COLS, ROWS - 1)
                                    for t in (time.time(), time.time() - 1)),
                      "the 12-hour clock in red")
        pm.run("send-keys", "-t", self.p, "q")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0",
                 msg="send-keys leaves clock mode")
        self.assertNotIn("q", pm.capture(self.p))


if __name__ == "__main__":
    pmuxtest.main()
