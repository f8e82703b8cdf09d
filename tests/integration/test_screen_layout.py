#!/usr/bin/env python3
"""A three-pane layout drawn on an attached client: each pane's contents at
its position, border cells between the panes, and the status line with the
session name and the window list."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


JUNCTIONS = "┼├┤┬┴+"


class Layout(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        env = ["-e", "PS1=" + pmuxtest.PROMPT, "-e", "HISTFILE=/dev/null"]
        # %a | %b
        #    | --
        #    | %c
        self.a = pm.display("S", "#{pane_id}")
        self.b = pm.run("split-window", "-h", "-t", self.a, "-P", "-F", "#{pane_id}",
                        *(env + pmuxtest.SHELL_CMD)).strip()
        self.c = pm.run("split-window", "-v", "-t", self.b, "-P", "-F", "#{pane_id}",
                        *(env + pmuxtest.SHELL_CMD)).strip()
        pm.note_panes()
        for p, word in ((self.a, "alpha"), (self.b, "bravo"), (self.c, "charlie")):
            pm.wait_prompt(p)
            pm.type(p, "echo %s-$((1+1))" % word)
            pm.wait_line(p, "%s-2" % word)
            pm.wait_prompt(p)

    def test_three_panes_borders_status(self):
        pm = self.pm
        cl = self.attach("S", rows=30, cols=100)
        self.assertEqual(self.window_size("S"), (100, 29))
        geo = {p[0]: p[1:] for p in cl.pane_geometry("S")}
        self.assertEqual(set(geo), {self.a, self.b, self.c})
        cl.wait_text("charlie-2")
        cl.wait_panes_match("S", attrs=True)

        # each pane's text at its own position
        lines = cl.lines()
        for p, word in ((self.a, "alpha-2"), (self.b, "bravo-2"), (self.c, "charlie-2")):
            left, top, w, h = geo[p]
            rect = cl.screen.rect(top, left, h, w)
            self.assertIn(word, [l.rstrip() for l in rect], "pane %s\n%s" % (p, cl.describe()))

        def cell(row, col):
            return cl.screen.cells(row)[col]

        def border_ok(row, col, chars):
            ch = cell(row, col)["ch"]
            return ch in chars or ch in JUNCTIONS

        # the vertical border: the column between %a and the right panes
        al, at, aw, ah = geo[self.a]
        bl, bt, bw, bh = geo[self.b]
        cl_, ct, cw, ch_ = geo[self.c]
        self.assertEqual(bl, al + aw + 1, "one border column between %a and %b")
        bx = al + aw
        for y in range(at, at + ah):
            self.assertTrue(border_ok(y, bx, "│|"), "no vertical border at row %d col %d: %r\n%s"
                            % (y, bx, cell(y, bx), cl.describe()))
        # the horizontal border between %b and %c
        self.assertEqual(ct, bt + bh + 1, "one border row between %b and %c")
        by = bt + bh
        for x in range(bl, bl + bw):
            self.assertTrue(border_ok(by, x, "─-"), "no horizontal border at row %d col %d: %r\n%s"
                            % (by, x, cell(by, x), cl.describe()))

        # the active pane (%c, the last split) has its borders in
        # pane-active-border-style (default fg=green), the others in
        # pane-border-style (default): tmux colours a border cell by the
        # pane it belongs to
        self.assertEqual(pm.display("S", "#{pane_id}"), self.c)
        green = "idx:2"
        for y in range(ct, ct + ch_):
            self.assertEqual(cell(y, bx)["fg"], green, "border next to the active pane, row %d" % y)
        for y in range(bt, bt + bh):
            self.assertEqual(cell(y, bx)["fg"], "default", "border next to %%b, row %d" % y)
        for x in range(bl, bl + bw):
            self.assertEqual(cell(by, x)["fg"], green, "border above the active pane, col %d" % x)
        # select %a: the highlight moves
        pm.run("select-pane", "-t", self.a)
        cl.wait_screen(lambda ls: all(cell(y, bx)["fg"] == green for y in range(at, at + ah))
                       and cell(by, bl + bw // 2)["fg"] == "default",
                       "the vertical border green and the horizontal one not, with %a active")
        pm.run("select-pane", "-t", self.c)
        cl.wait_screen(lambda ls: cell(by, bl + bw // 2)["fg"] == green,
                       "the horizontal border green again, with %c active")

        # the status line: last row, session name and the window list
        pm.run("new-window", "-d", "-t", "S:1", "-n", "second")
        pm.note_panes()

        def status_ok(ls):
            st = ls[29] if len(ls) > 29 else ""
            return st.startswith("[S]") and "0:" in st and "*" in st \
                and "1:second" in st
        cl.wait_screen(status_ok, "the status line '[S] 0:...* 1:second'")
        st = cl.lines()[29]
        i0 = st.index("0:")
        # status-style: black on green by default
        stc = cl.screen.cells(29)
        self.assertEqual((stc[1]["ch"], stc[1]["fg"], stc[1]["bg"]), ("S", "idx:0", "idx:2"))
        self.assertIn("*", st[i0:st.index("1:second")], "current window 0 marked with *: %r" % st)
        # the status line is not part of any pane
        for p, (left, top, w, h) in geo.items():
            self.assertLess(top + h, 30, "pane %s reaches the status line" % p)

        # switching window: the status line follows and the panes are redrawn
        pm.run("select-window", "-t", "S:1")
        cl.wait_screen(lambda ls: "1:second*" in ls[29], "'1:second*' on the status line")
        cl.wait_screen(lambda ls: not any("alpha-2" in l for l in ls[:29]),
                       "window 0's panes gone")
        cl.wait_panes_match("S")
        pm.run("select-window", "-t", "S:0")
        cl.wait_text("charlie-2")
        cl.wait_panes_match("S")

    def test_layouts_redrawn(self):
        # every preset layout: the panes at their new places, and every cell
        # of the window that is in no pane is a border
        pm = self.pm
        cl = self.attach("S", rows=30, cols=100)
        cl.wait_text("charlie-2")
        for layout in ("even-horizontal", "even-vertical", "main-horizontal",
                       "main-vertical", "tiled"):
            pm.run("select-layout", "-t", "S", layout)
            for p in (self.a, self.b, self.c):     # the programs redraw after SIGWINCH
                pm.send(p, "C-l")
            cl.wait_panes_match("S", attrs=True)

            def uncovered():
                geo = cl.pane_geometry("S")
                cells = cl.screen.cells()
                bad = []
                for y in range(29):
                    for x in range(100):
                        if any(l <= x < l + w and t <= y < t + h for _, l, t, w, h in geo):
                            continue
                        ch = cells[y][x]["ch"]
                        if not ch.strip():
                            bad.append((x, y))
                return bad
            wait_for(lambda: not uncovered(), msg="borders everywhere outside the panes "
                     "after select-layout %s" % layout,
                     describe=lambda: "blank cells outside panes: %r\n%s"
                     % (uncovered()[:20], cl.describe()))


if __name__ == "__main__":
    pmuxtest.main()
