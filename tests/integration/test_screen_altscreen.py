#!/usr/bin/env python3
"""A program that uses the alternate screen (less, vim -u NONE): while it
runs the attached client shows the program's screen, and after it quits the
client shows the shell's screen again, as the pane holds it."""

import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

NLINES = 200


class AltScreen(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        self.file = os.path.join(pm.tmp, "file.txt")
        with open(self.file, "w") as f:
            for i in range(1, NLINES + 1):
                f.write("line-%03d of the file \u4e2d\u6587 \u00e9\n" % i)
        pm.type("S", "echo before-$((40+2))")
        pm.wait_line("S", "before-42")
        pm.wait_prompt("S")
        self.c = self.attach("S", rows=30, cols=100)
        self.c.wait_text("before-42")
        self.c.wait_panes_match("S")

    def in_alternate(self):
        return self.pm.display("S", "#{alternate_on}") == "1"

    def check_back_to_shell(self):
        pm, c = self.pm, self.c
        wait_for(lambda: self.pm.display("S", "#{alternate_on}") == "0",
                 msg="the pane to leave the alternate screen", describe=pm.describe("S"))
        pm.wait_prompt("S")
        pm.wait_line("S", "before-42")
        c.wait_text("before-42")
        c.wait_panes_match("S")
        self.assertFalse(any("line-001" in l for l in c.lines()), c.describe())
        pm.type("S", "echo after-$((40+3))")
        pm.wait_line("S", "after-43")
        c.wait_text("after-43")
        c.wait_panes_match("S")

    @unittest.skipUnless(shutil.which("less"), "less is not installed")
    def test_less(self):
        pm, c = self.pm, self.c
        pm.type("S", "LESS= LESSOPEN= LESSHISTFILE=- less " + self.file)
        pm.wait_text("S", "line-001")
        wait_for(self.in_alternate, msg="alternate_on in less", describe=pm.describe("S"))
        c.wait_text("line-001 of the file")
        c.wait_panes_match("S")
        self.assertFalse(any("before-42" in l for l in c.lines()), c.describe())
        # page down: the client follows
        c.write(b" ")
        pm.wait_text("S", "line-030")
        c.wait_text("line-030 of the file")
        c.wait_panes_match("S")
        # the end of the file
        c.write(b"G")
        pm.wait_text("S", "line-%03d" % NLINES)
        c.wait_text("line-%03d of the file" % NLINES)
        c.wait_panes_match("S")
        c.write(b"q")
        self.check_back_to_shell()

    @unittest.skipUnless(shutil.which("vim") or shutil.which("vi"), "vim is not installed")
    def test_vim(self):
        pm, c = self.pm, self.c
        vim = "vim" if shutil.which("vim") else "vi"
        pm.type("S", "%s -u NONE -i NONE -N %s" % (vim, self.file))
        pm.wait_text("S", "line-001")
        wait_for(self.in_alternate, msg="alternate_on in vim", describe=pm.describe("S"))
        c.wait_text("line-001 of the file")
        c.wait_panes_match("S")
        # insert text on the first line, then go to the end
        c.write(b"ggIinserted-by-test \x1b")
        pm.wait_text("S", "inserted-by-test line-001")
        c.wait_text("inserted-by-test line-001")
        c.wait_panes_match("S")
        c.write(b"G")
        pm.wait_text("S", "line-%03d" % NLINES)
        c.wait_panes_match("S")
        c.write(b":q!\r")
        self.check_back_to_shell()


if __name__ == "__main__":
    pmuxtest.main()
