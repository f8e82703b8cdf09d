#!/usr/bin/env python3
"""find-window through an attached client: C-b f prompts for a string and
shows tree mode with only the windows whose pane content, name or title
holds it; Enter on the window selects it."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

ROWS = 21


class FindWindow(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("A", x=60, y=20)
        pm.run("rename-window", "-t", "A:0", "one")
        self.p = pm.display("A", "#{pane_id}")
        self.second = pm.shell_window("A:", name="two")
        pm.type(self.second, "echo Quokka-$((40+2))\n")
        pm.wait_line(self.second, "Quokka-42")
        pm.shell_window("A:", name="three")
        pm.run("select-window", "-t", "A:0")

    def client(self, fmt):
        return self.pm.run("list-clients", "-F", fmt).strip()

    def test_content_match_and_select(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02f")
        c.wait_screen(lambda ls: ls[ROWS - 1].startswith("(find-window)"), "the prompt")
        c.keys(b"Quokka-42\r")
        c.wait_screen(lambda ls: [l.rstrip() for l in ls[:3]] ==
                      ["(0) - A: 3 windows (attached)", "(1) └─> 1: two", ""],
                      "only window two")
        self.assertEqual(pm.display(self.p, "#{pane_mode}"), "tree-mode")
        self.assertEqual(pm.display(self.p, "#{window_zoomed_flag}"), "0")
        c.keys(b"j\r")
        wait_for(lambda: self.client("#{client_session}:#{window_index}") == "A:1",
                 msg="window two selected", describe=c.describe)
        self.assertEqual(pm.display(self.p, "#{pane_in_mode}"), "0")

    def test_flags(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        # -N: the window name only (a glob anywhere in it), -i ignoring case
        pm.run("find-window", "-t", self.p, "-Ni", "HRE")
        c.wait_screen(lambda ls: [l.rstrip() for l in ls[:3]] ==
                      ["(0) - A: 3 windows (attached)", "(1) └─> 2: three", ""],
                      "only window three")
        c.keys(b"q")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0", msg="q leaves")
        # -C -r: a regular expression in the content; without -i case counts
        pm.run("find-window", "-t", self.p, "-Cr", "^Quokka-4[0-9]$")
        c.wait_screen(lambda ls: ls[1].rstrip() == "(1) └─> 1: two" and
                      not ls[2].strip(), "only window two")
        c.keys(b"q")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0", msg="q leaves")
        self.assertIn("usage", pm.cmd("find-window").err)


if __name__ == "__main__":
    pmuxtest.main()
