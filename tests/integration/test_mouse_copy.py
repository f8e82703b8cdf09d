#!/usr/bin/env python3
"""The mouse and copy mode, with tmux's default bindings: dragging button 1
over a pane selects text in copy mode and copies it on release; a double
click copies the word under the pointer, a triple click the line. A program
that asked for the mouse still gets the events instead."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import sgr  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402

MOUSE_ON = b"\x1b[?1006h"


class MouseCopy(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=80, y=20)
        pm.run("set-option", "-g", "mouse", "on")
        self.p = pm.display("S", "#{pane_id}")
        pm.type(self.p, "echo alpha-beta $((6*7)) gamma")
        pm.wait_line(self.p, "alpha-beta 42 gamma")
        pm.wait_prompt(self.p)
        self.row = pm.screen_lines(self.p).index("alpha-beta 42 gamma")
        self.c = AttachedClient(pm, "attach-session", "-t", "S", rows=21, cols=80)
        self.c.wait_output(MOUSE_ON)
        self.c.wait_output(b"gamma")

    def in_mode(self):
        return self.pm.display(self.p, "#{pane_in_mode}") == "1"

    def buffer_is(self, text, what):
        def cond():
            r = self.pm.cmd("show-buffer")
            return r.rc == 0 and r.out == text
        wait_for(cond, msg=what, describe=lambda: self.pm.cmd("list-buffers").out)

    def test_drag_selects_and_copies(self):
        c, row = self.c, self.row
        c.write(sgr(0, 6, row))           # press on the b of beta
        c.write(sgr(32, 8, row))          # drag (button 1 held)
        wait_for(self.in_mode, msg="copy mode on drag")
        c.write(sgr(32, 11, row))
        c.write(sgr(0, 11, row, release=True))
        # emacs keys: the selection ends before the pointer's cell
        self.buffer_is("beta ", "the dragged text copied on release")
        wait_for(lambda: not self.in_mode(), msg="copy mode left on release")

    def test_drag_over_lines(self):
        c, row = self.c, self.row
        c.write(sgr(0, 11, row))          # from the 42 ...
        c.write(sgr(32, 11, row + 1))     # ... to the next line, the prompt
        c.write(sgr(32, 2, row + 1))
        c.write(sgr(0, 2, row + 1, release=True))
        self.buffer_is("42 gamma\npm", "two lines")

    def test_double_and_triple_click(self):
        c, row = self.c, self.row
        c.write(sgr(0, 2, row) + sgr(0, 2, row, release=True) +
                sgr(0, 2, row) + sgr(0, 2, row, release=True))
        # "-" is one of tmux's default word-separators
        self.buffer_is("alpha", "the word of a double click")
        wait_for(lambda: not self.in_mode(), msg="copy mode left")
        time.sleep(0.4)  # apart from the next clicks
        c.write((sgr(0, 14, row) + sgr(0, 14, row, release=True)) * 3)
        self.buffer_is("alpha-beta 42 gamma", "the line of a triple click")
        wait_for(lambda: not self.in_mode(), msg="copy mode left")

    def test_single_click_copies_nothing(self):
        c, row = self.c, self.row
        self.pm.run("set-buffer", "-b", "mark", "unchanged")
        c.write(sgr(0, 2, row) + sgr(0, 2, row, release=True))
        time.sleep(0.4)
        c.write(sgr(0, 3, row) + sgr(0, 3, row, release=True))
        self.assertFalse(self.in_mode())
        self.assertEqual(self.pm.run("show-buffer"), "unchanged")


if __name__ == "__main__":
    pmuxtest.main()
