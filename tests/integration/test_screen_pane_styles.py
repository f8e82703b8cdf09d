#!/usr/bin/env python3
"""How panes and their borders are drawn, as an attached client's terminal
shows it: window-style and window-active-style (a pane's default colours),
pane-border-status and pane-border-format (a status line in the border
above or below each pane, which takes a row from the panes at the window's
edge), pane-border-lines and pane-border-indicators. The sizes and places
are tmux 3.3a's (the tests also pass against tmux)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

RED, GREEN, BLUE = "idx:1", "idx:2", "idx:4"


class PaneStyles(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        # 80x23 under a 80x24 client: %a | %b (left and right), quiet panes
        pm.new_session("S", "cat", x=80, y=23)
        self.a = pm.display("S", "#{pane_id}")
        self.b = pm.run("split-window", "-h", "-t", self.a, "-P", "-F", "#{pane_id}",
                        "cat").strip()
        pm.note_panes()

    def cell(self, cl, row, col):
        return cl.screen.cells(row)[col]

    def geometry(self):
        out = self.pm.run("list-panes", "-t", "S", "-F",
                          "#{pane_id} #{pane_left} #{pane_top} #{pane_width} #{pane_height}")
        return {l.split()[0]: tuple(int(v) for v in l.split()[1:]) for l in out.split("\n")
                if l.strip()}

    def wait_cell(self, cl, row, col, want, msg):
        """Wait until the cell's (fg, bg) is want."""
        def got():
            c = self.cell(cl, row, col)
            return (c["fg"], c["bg"])
        wait_for(lambda: got() == want, msg="%s: cell (%d,%d) %r" % (msg, row, col, want),
                 describe=lambda: "cell %r\n%s" % (self.cell(cl, row, col), cl.describe()))

    def test_window_style_follows_the_active_pane(self):
        pm = self.pm
        cl = self.attach("S", rows=24, cols=80)
        geo = self.geometry()
        self.assertEqual(pm.display("S", "#{pane_id}"), self.b)
        ax, bx = geo[self.a][0] + 3, geo[self.b][0] + 3
        row = 10
        pm.run("set-option", "-g", "window-style", "bg=red,fg=blue")
        pm.run("set-option", "-g", "window-active-style", "bg=green")
        # the active pane takes window-active-style's background and
        # window-style's foreground (window-active-style has none); the
        # other pane window-style
        self.wait_cell(cl, row, bx, (BLUE, GREEN), "the active pane")
        self.wait_cell(cl, row, ax, (BLUE, RED), "the other pane")
        # the border between them keeps the terminal's background
        border = self.cell(cl, row, geo[self.a][2])
        self.assertEqual(border["bg"], "default", border)
        # text with colours of its own keeps them; default colours are replaced
        pm.send(self.b, "-l", "\x1b[44mX\x1b[0mY")
        pm.run("select-pane", "-t", self.a)
        self.wait_cell(cl, row, ax, (BLUE, GREEN), "the newly active pane")
        self.wait_cell(cl, row, bx, (BLUE, RED), "the pane no longer active")
        # a mode drawn over a pane (clock mode) has the pane's colours too
        pm.run("clock-mode", "-t", self.b)
        self.wait_cell(cl, 1, bx, (BLUE, RED), "clock mode in the other pane")
        pm.run("send-keys", "-t", self.b, "q")
        # "default" in window-active-style: window-style's colours
        pm.run("set-option", "-g", "window-active-style", "default")
        self.wait_cell(cl, row, ax, (BLUE, RED), "window-active-style default")
        pm.run("set-option", "-gu", "window-style")
        self.wait_cell(cl, row, ax, ("default", "default"), "no style: the terminal's")

    def test_select_pane_P_sets_the_pane_style(self):
        pm = self.pm
        cl = self.attach("S", rows=24, cols=80)
        geo = self.geometry()
        ax = geo[self.a][0] + 3
        pm.run("select-pane", "-t", self.a, "-P", "bg=blue")
        self.assertEqual(pm.run("select-pane", "-t", self.a, "-g").strip(), "bg=blue")
        self.assertEqual(pm.display("S", "#{pane_id}"), self.a, "-P selects the pane")
        pm.run("select-pane", "-t", self.b, "-g")
        self.assertEqual(pm.display("S", "#{pane_id}"), self.a, "-g selects nothing")
        self.wait_cell(cl, 5, ax, ("default", BLUE), "select-pane -P")
        # a pane option: the other pane keeps the terminal's colours
        self.assertIn("window-style bg=blue", pm.run("show-options", "-p", "-t", self.a))
        self.assertEqual(self.cell(cl, 5, geo[self.b][0] + 3)["bg"], "default")

    def test_invalid_style(self):
        r = self.pm.cmd("set-option", "-g", "window-style", "bg=nosuchcolour")
        self.assertNotEqual(r.rc, 0)
        self.assertIn("invalid style", r.err)
        r = self.pm.cmd("set-option", "-g", "pane-border-status", "on")
        self.assertNotEqual(r.rc, 0)
        self.assertIn("unknown value", r.err)

    def test_border_status_top(self):
        pm = self.pm
        # %a | %b
        #    | --
        #    | %c
        c = pm.run("split-window", "-v", "-t", self.b, "-P", "-F", "#{pane_id}", "cat").strip()
        pm.note_panes()
        for p, title in ((self.a, "alpha"), (self.b, "bravo"), (c, "charlie")):
            pm.run("select-pane", "-t", p, "-T", title)
        cl = self.attach("S", rows=24, cols=80)
        self.assertEqual(self.geometry(), {self.a: (0, 0, 40, 23), self.b: (41, 0, 39, 11),
                                           c: (41, 12, 39, 11)})
        pm.run("set-option", "-g", "pane-border-status", "top")
        # the panes at the window's top lose their first row to the line;
        # %c's line is the border above it, which was there already
        wait_for(lambda: self.geometry() == {self.a: (0, 1, 40, 22), self.b: (41, 1, 39, 10),
                                             c: (41, 12, 39, 11)},
                 msg="tmux's pane sizes with pane-border-status top",
                 describe=lambda: repr(self.geometry()))
        self.assertEqual(pm.display(self.a, "#{pane_at_top}#{pane_at_bottom}"), "11")
        self.assertEqual(pm.display(self.b, "#{pane_at_top}#{pane_at_bottom}"), "10")
        ls = cl.wait_screen(lambda ls: ls[0].startswith('──0 "alpha"──')
                            and ls[0][40:].startswith('┬──1 "bravo"──')
                            and ls[11][40:].startswith('├──2 "charlie"──'),
                            "each pane's status line in the border above it")
        self.assertEqual(len(ls[0]), 80, ls[0])
        # the active pane's line is in pane-active-border-style, with its
        # number in reverse (pane-border-format's default)
        self.assertEqual(pm.display("S", "#{pane_id}"), c)
        num = self.cell(cl, 11, 43)
        self.assertEqual((num["ch"], num["fg"], num["reverse"]), ("2", GREEN, 1), num)
        title = self.cell(cl, 11, 46)
        self.assertEqual((title["ch"], title["fg"], title["reverse"]), ("c", GREEN, 0), title)
        self.assertEqual(self.cell(cl, 0, 2)["reverse"], 0)
        cl.wait_panes_match("S")

        # pane-border-format, and a line cut to the pane's width less four
        pm.run("set-option", "-g", "pane-border-format", "<#{pane_index}:#{pane_title}>")
        pm.run("select-pane", "-t", self.b, "-T", "x" * 60)
        cl.wait_screen(lambda ls: ls[0].startswith("──<0:alpha>──")
                       and ls[0][40:] == "┬──<1:" + "x" * 32 + "──",
                       "pane-border-format, cut to the pane")

        # bottom: the panes at the bottom lose their last row instead
        pm.run("set-option", "-g", "pane-border-status", "bottom")
        wait_for(lambda: self.geometry() == {self.a: (0, 0, 40, 22), self.b: (41, 0, 39, 11),
                                             c: (41, 12, 39, 10)},
                 msg="tmux's pane sizes with pane-border-status bottom",
                 describe=lambda: repr(self.geometry()))
        cl.wait_screen(lambda ls: ls[22].startswith("──<0:alpha>──")
                       and ls[22][40:].startswith("┴──<2:charlie>──")
                       and ls[11][40:].startswith("├──<1:xxx"),
                       "the status lines below the panes")
        cl.wait_panes_match("S")
        pm.run("set-option", "-g", "pane-border-status", "off")
        wait_for(lambda: self.geometry()[self.a] == (0, 0, 40, 23), msg="off: the rows back",
                 describe=lambda: repr(self.geometry()))
        cl.wait_screen(lambda ls: "<" not in "".join(ls[:23]), "no status lines")

    def test_border_format_align(self):
        pm = self.pm
        cl = self.attach("S", rows=24, cols=80)
        pm.run("set-option", "-g", "pane-border-status", "top")
        # the left pane's line is columns 2-37, the right one's 43-77
        pm.run("set-option", "-g", "pane-border-format", "L#[align=right]R#[align=centre]C")
        cl.wait_screen(lambda ls: ls[0] == "──L" + "─" * 17 + "C" + "─" * 16 + "R──┬──L"
                       + "─" * 16 + "C" + "─" * 16 + "R──", "left, centre and right parts")
        pm.run("set-option", "-g", "pane-border-format", "#[fill=blue]#[align=right]R")
        cl.wait_screen(lambda ls: ls[0] == "──" + " " * 35 + "R──┬──" + " " * 34 + "R──",
                       "#[fill=blue]")
        self.assertEqual(self.cell(cl, 0, 5)["bg"], BLUE)
        self.assertEqual(self.cell(cl, 0, 1)["bg"], "default")

    def test_border_lines(self):
        pm = self.pm
        c = pm.run("split-window", "-v", "-t", self.b, "-P", "-F", "#{pane_id}", "cat").strip()
        d = pm.run("split-window", "-v", "-t", self.a, "-P", "-F", "#{pane_id}", "cat").strip()
        pm.note_panes()
        cl = self.attach("S", rows=24, cols=80)
        # four panes: the borders cross at (11, 40)
        self.assertEqual(self.geometry()[c], (41, 12, 39, 11))
        self.assertEqual(self.geometry()[d], (0, 12, 40, 11))
        cl.wait_screen(lambda ls: ls[11][40] == "┼" and ls[5][40] == "│" and ls[11][5] == "─",
                       "single lines")
        for lines, want in (("double", "╬║═"), ("heavy", "╋┃━"), ("simple", "+|-")):
            pm.run("set-option", "-g", "pane-border-lines", lines)
            cl.wait_screen(lambda ls: (ls[11][40], ls[5][40], ls[11][5]) == tuple(want),
                           "pane-border-lines %s" % lines)
        # number: each border cell shows the number of the pane it belongs
        # to, looking from the active pane (%d, number 1) on
        pm.run("set-option", "-g", "pane-border-lines", "number")
        cl.wait_screen(lambda ls: ls[11][:41] == "1" * 41 and ls[11][41:] == "2" * 39
                       and ls[5][40] == "2" and ls[15][40] == "1",
                       "pane-border-lines number")

    def test_border_indicators(self):
        pm = self.pm
        cl = self.attach("S", rows=24, cols=80)
        # two panes side by side, the right one active: with the default
        # (colour), the upper half of the border is the left pane's
        self.assertEqual(pm.display("S", "#{pane_id}"), self.b)
        cl.wait_screen(lambda ls: ls[5][40] == "│", "the border")
        wait_for(lambda: self.cell(cl, 5, 40)["fg"] == "default"
                 and self.cell(cl, 20, 40)["fg"] == GREEN,
                 msg="half the border in the active colour", describe=cl.describe)
        # pane-active-border-style's default (a format): yellow while the
        # active pane is in a mode, red with synchronize-panes
        self.assertIn("pane_in_mode", pm.run("show-options", "-gv", "pane-active-border-style"))
        pm.run("copy-mode", "-t", self.b)
        self.wait_cell(cl, 20, 40, ("idx:3", "default"), "copy mode: yellow")
        pm.run("send-keys", "-t", self.b, "-X", "cancel")
        pm.run("set-option", "-w", "-t", "S", "synchronize-panes", "on")
        self.wait_cell(cl, 20, 40, (RED, "default"), "synchronize-panes: red")
        pm.run("set-option", "-w", "-t", "S", "synchronize-panes", "off")
        self.wait_cell(cl, 20, 40, (GREEN, "default"), "green again")
        pm.run("set-option", "-g", "pane-border-indicators", "off")
        wait_for(lambda: self.cell(cl, 5, 40)["fg"] == GREEN
                 and self.cell(cl, 20, 40)["fg"] == GREEN,
                 msg="off: all of it", describe=cl.describe)
        # arrows: next to the active pane's top corner, pointing at it
        pm.run("set-option", "-g", "pane-border-indicators", "arrows")
        cl.wait_screen(lambda ls: ls[1][40] == "→" and ls[0][40] == "│", "the arrow")
        pm.run("select-pane", "-t", self.a)
        cl.wait_screen(lambda ls: ls[1][40] == "←" and ls[2][40] == "│",
                       "the arrow for the left pane")


if __name__ == "__main__":
    pmuxtest.main()
