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


if __name__ == "__main__":
    pmuxtest.main()
