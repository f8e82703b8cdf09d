#!/usr/bin/env python3
"""display-panes through an attached client: C-b q draws each pane's number
at the pane's centre (big digits of coloured blanks, or text in a small
pane), a digit selects that pane, any other key closes the indicator and is
not typed into the pane, and display-panes-time closes it by itself."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# tmux's 5x5 digits, '#' for a filled cell
DIGITS = {
    "0": ["#####", "#   #", "#   #", "#   #", "#####"],
    "1": ["    #", "    #", "    #", "    #", "    #"],
    "2": ["#####", "    #", "#####", "#    ", "#####"],
}
RED, BLUE, BRIGHTBLUE = "idx:1", "idx:4", "idx:12"


class DisplayPanes(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=60, y=20)
        self.left = pm.display("S", "#{pane_id}")
        self.right = pm.run("split-window", "-h", "-t", "S", "-P", "-F", "#{pane_id}",
                            "-e", "PS1=" + pmuxtest.PROMPT, *pmuxtest.SHELL_CMD).strip()
        pm.wait_prompt(self.right)
        pm.run("select-pane", "-t", self.left)

    def geometry(self, pane):
        out = self.pm.display(pane, "#{pane_left} #{pane_top} #{pane_width} #{pane_height}")
        return [int(v) for v in out.split()]

    def digit_cells(self, pane, digit):
        """The client cells a big digit of pane fills, as tmux places it."""
        x, y, w, h = self.geometry(pane)
        px, py = x + w // 2 - 3, y + h // 2 - 2
        return [(py + j, px + i) for j in range(5) for i in range(5)
                if DIGITS[digit][j][i] == "#"]

    def shows_digit(self, c, pane, digit, colour):
        cells = c.screen.cells()
        return all(cells[r][col]["bg"] == colour for r, col in self.digit_cells(pane, digit))

    def no_indicator(self, c):
        cells = c.screen.cells()
        return all(cell["bg"] == "default" for row in cells[:20] for cell in row)

    def active(self, pane):
        return self.pm.display(pane, "#{pane_active}") == "1"

    def test_numbers_at_pane_centres(self):
        pm = self.pm
        pm.run("set", "-g", "display-panes-time", "60000")
        pm.run("set", "-g", "display-panes-colour", "brightblue")
        c = self.attach("S", rows=21, cols=60)
        c.keys(b"\x02q")
        # the active pane's number in display-panes-active-colour (red)
        c.wait_screen(lambda ls: self.shows_digit(c, self.left, "0", RED)
                      and self.shows_digit(c, self.right, "1", BRIGHTBLUE),
                      "digits 0 (red) and 1 (bright blue) at the pane centres")
        # the cells around a digit are left alone: the pane's text shows
        x, y, w, h = self.geometry(self.left)
        cells = c.screen.cells()
        self.assertEqual(cells[y + h // 2][x + w // 2 - 2]["bg"], "default",
                         "inside the 0, not filled")
        # each pane's size in its top right corner
        lines = c.lines()
        self.assertTrue(lines[0].startswith("pmt$"), c.describe())
        self.assertIn("%dx%d" % (w, h), lines[0], c.describe())
        # any other key closes it and does not reach the pane
        c.keys(b"z")
        c.wait_screen(lambda ls: self.no_indicator(c), "the indicator gone")
        pm.run("send-keys", "-t", self.left, "-l", "echo MARK")
        pm.wait_text(self.left, "pmt$ echo MARK")
        self.assertNotIn("zecho", pm.capture(self.left))

    def test_digit_selects_pane(self):
        pm = self.pm
        pm.run("set", "-g", "display-panes-time", "60000")
        c = self.attach("S", rows=21, cols=60)
        self.assertTrue(self.active(self.left))
        c.keys(b"\x02q")
        c.wait_screen(lambda ls: self.shows_digit(c, self.right, "1", BLUE), "digit 1")
        c.keys(b"1")
        wait_for(lambda: self.active(self.right), msg="pane 1 active after C-b q 1",
                 describe=c.describe)
        c.wait_screen(lambda ls: self.no_indicator(c), "the indicator gone")
        # the digit went to the indicator, not to the pane
        pm.run("send-keys", "-t", self.right, "-l", "echo MARK")
        pm.wait_text(self.right, "pmt$ echo MARK")

    def test_pane_base_index_and_template(self):
        pm = self.pm
        pm.run("set", "-g", "pane-base-index", "1")
        c = self.attach("S", rows=21, cols=60)
        # from the command line, not blocking (-b), until a key (-d 0), with
        # a template: %% is the pane's id
        pm.run("display-panes", "-b", "-d", "0", "rename-window -- 'chosen%%'")
        c.wait_screen(lambda ls: self.shows_digit(c, self.left, "1", RED)
                      and self.shows_digit(c, self.right, "2", BLUE),
                      "digits 1 and 2 with pane-base-index 1")
        c.keys(b"2")
        wait_for(lambda: pm.display("S", "#{window_name}") == "chosen" + self.right,
                 msg="the template run for pane 2", describe=c.describe)
        self.assertTrue(self.active(self.left), "the template replaces select-pane")

    def test_time_closes_it_and_small_panes_show_text(self):
        pm = self.pm
        small = pm.run("split-window", "-v", "-l", "3", "-t", self.right, "-P",
                       "-F", "#{pane_id}").strip()
        pm.run("set", "-g", "display-panes-time", "60000")
        c = self.attach("S", rows=21, cols=60)
        c.keys(b"\x02q")
        x, y, w, h = self.geometry(small)
        col = x + w // 2 - 1
        c.wait_screen(lambda ls: ls[y + h // 2][col:col + 1] == "2",
                      "the small pane's number as text")
        self.assertEqual(c.screen.cells(y + h // 2)[col]["fg"], RED)
        c.keys(b"\x1b")
        c.wait_screen(lambda ls: self.no_indicator(c), "Escape closes it")
        pm.run("display-panes", "-b", "-d", "300")
        c.wait_screen(lambda ls: self.shows_digit(c, self.left, "0", BLUE), "shown again")
        c.wait_screen(lambda ls: self.no_indicator(c), "closed after -d 300")

    def test_blocks_the_command_list_until_closed(self):
        pm = self.pm
        c = self.attach("S", rows=21, cols=60)
        # without -b the rest of the list waits for the indicator
        proc = pmuxtest.subprocess.Popen(pm.argv("display-panes", "-d", "0", ";",
                                                 "rename-window", "after"),
                                         env=pm.env, stdout=pmuxtest.subprocess.DEVNULL,
                                         stderr=pmuxtest.subprocess.DEVNULL)
        try:
            c.wait_screen(lambda ls: self.shows_digit(c, self.left, "0", RED), "indicator")
            self.assertNotEqual(pm.display("S", "#{window_name}"), "after")
            self.assertIsNone(proc.poll(), "display-panes returned before a key")
            c.keys(b"x")
            wait_for(lambda: pm.display("S", "#{window_name}") == "after",
                     msg="the list resumed after the key", describe=c.describe)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    pmuxtest.main()
