#!/usr/bin/env python3
"""Copy mode through an attached client: C-b [ enters it, keys select a
line of the pane's text, Enter copies it into a paste buffer, C-b ] pastes
it back into the pane; the client's screen follows throughout."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

WORD = "copy-source-1234"


class CopyMode(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        pm.run("set-option", "-g", "mode-keys", "vi")
        self.p = pm.display("S", "#{pane_id}")
        pm.type(self.p, "echo copy-source-$((1000+234))")
        pm.wait_line(self.p, WORD)
        pm.wait_prompt(self.p)

    def in_mode(self):
        return self.pm.display(self.p, "#{pane_in_mode}") == "1"

    def test_copy_and_paste_round_trip_vi(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        c.wait_text(WORD)
        c.keys(b"\x02[")
        wait_for(self.in_mode, msg="the pane in copy mode (C-b [)", describe=c.describe)
        # the cursor starts on the prompt line: up one line to the output,
        # start of line, begin selection, extend over the word, copy
        c.keys(b"k0 " + b"l" * (len(WORD) - 1) + b"\r")
        wait_for(lambda: not self.in_mode(), msg="copy mode to end after Enter",
                 describe=c.describe)
        self.assertEqual(pm.run("show-buffer"), WORD)
        # the client shows the pane again
        c.wait_panes_match("S")
        # paste it back: "echo " + C-b ] + Enter runs `echo copy-source-1234`
        c.write(b"echo ")
        pm.wait_text(self.p, "pmt$ echo ")
        c.keys(b"\x02]")
        pm.wait_text(self.p, "pmt$ echo " + WORD)
        c.write(b"\r")
        wait_for(lambda: pm.screen_lines(self.p).count(WORD) == 2,
                 msg="the pasted command's output", describe=pm.describe(self.p))
        pm.wait_prompt(self.p)
        c.wait_screen(lambda ls: [l.rstrip() for l in ls].count(WORD) == 2,
                      "the word twice")
        c.wait_panes_match("S")

    def test_copy_mode_view_and_cancel(self):
        # in copy mode the client shows history that is off the screen
        pm = self.pm
        pm.type(self.p, "seq 1 200")
        pm.wait_line(self.p, "200")
        pm.wait_prompt(self.p)
        c = self.attach("S", rows=30, cols=100)
        c.wait_text("200")
        c.keys(b"\x02[")
        wait_for(self.in_mode, msg="copy mode", describe=c.describe)
        c.keys(b"g")            # top of history (vi)
        c.wait_screen(lambda ls: ls[0].startswith("pmt$ echo copy-source-$((1000+234))")
                      and ls[1].rstrip() == WORD,
                      "the top of the history in copy mode")
        c.keys(b"q")
        wait_for(lambda: not self.in_mode(), msg="copy mode to end after q",
                 describe=c.describe)
        c.wait_panes_match("S")


    def test_search_matches_and_mark_highlighted(self):
        pm = self.pm
        pm.type(self.p, "echo zq-one zq-two; echo none; echo zq-three")
        pm.wait_line(self.p, "zq-three")
        pm.wait_prompt(self.p)
        c = self.attach("S", rows=30, cols=100)
        c.wait_text("zq-three")
        pm.run("copy-mode", "-t", self.p)
        pm.run("send-keys", "-t", self.p, "-X", "search-backward", "zq-")
        want = {(row, col) for row, line in enumerate(c.lines()[:29])
                for col in range(len(line)) if line.startswith("zq-", col)}
        self.assertEqual(len(want), 6, c.lines())  # the command line and its output

        def bgs():
            cells = c.screen.cells()
            return {(r, x): cells[r][x]["bg"] for r, x in want}

        # every match on the screen in copy-mode-match-style (cyan), the
        # one at the cursor in copy-mode-current-match-style (magenta)
        wait_for(lambda: sorted(bgs().values()) == ["idx:5"] + ["idx:6"] * 5,
                 msg="matches highlighted", describe=lambda: bgs())
        cur = [k for k, v in bgs().items() if v == "idx:5"][0]
        self.assertEqual(c.lines()[cur[0]][cur[1]:cur[1] + 8], "zq-three")
        # the rest of a matching line keeps its colours
        row = cur[0]
        self.assertEqual(c.screen.cells(row)[cur[1] + 2]["bg"], "idx:5")
        self.assertNotIn(c.screen.cells(row)[cur[1] + 3]["bg"], ("idx:5", "idx:6"))
        # set-mark: the cursor's line in copy-mode-mark-style (red)
        pm.run("send-keys", "-t", self.p, "-X", "cursor-up")
        pm.run("send-keys", "-t", self.p, "-X", "set-mark")
        wait_for(lambda: {x["bg"] for x in c.screen.cells(row - 1)[1:]} == {"idx:1"},
                 msg="the marked line",
                 describe=lambda: repr([(x["ch"] if "ch" in x else "", x["bg"])
                                        for x in c.screen.cells(row - 1)[:30]]))
        pm.run("send-keys", "-t", self.p, "-X", "history-top")
        pm.run("send-keys", "-t", self.p, "-X", "jump-to-mark")
        wait_for(lambda: pm.display(self.p, "#{copy_cursor_y}") == str(row - 1),
                 msg="jump-to-mark back on the marked line",
                 describe=lambda: pm.display(self.p, "#{copy_cursor_y}"))


if __name__ == "__main__":
    pmuxtest.main()
