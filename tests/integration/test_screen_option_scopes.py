#!/usr/bin/env python3
"""Options as each client's session and window see them: a session option set
with -t applies to that session's clients only (status line, prefix), a
window option to that window only (pane-border-style); user options (@name)
at every scope and in formats."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class OptionScopes(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("s1", x=100, y=29)
        self.pm.shell_session("s2", x=100, y=29)

    def windows(self, s):
        return int(self.pm.display(s, "#{session_windows}"))

    def test_status_left_per_session(self):
        pm = self.pm
        c1 = self.attach("s1", rows=30, cols=100)
        c2 = self.attach("s2", rows=30, cols=100)
        pm.run("set", "-t", "s1", "status-left", "XYZ-#S ")
        pm.run("set", "-t", "s1", "status-style", "bg=blue")
        c1.wait_screen(lambda ls: ls[29].startswith("XYZ-s1"), "s1's status-left on s1's client")
        wait_for(lambda: c1.screen.cells(29)[0]["bg"] == "idx:4", msg="s1's status-style",
                 describe=lambda: repr(c1.screen.cells(29)[:2]))
        c2.wait_screen(lambda ls: ls[29].startswith("[s2]"), "the global status-left on s2")
        self.assertNotIn("XYZ", c2.text())
        self.assertEqual(c2.screen.cells(29)[0]["bg"], "idx:2")
        pm.run("set", "-t", "s1", "status-position", "top")
        c1.wait_screen(lambda ls: ls[0].startswith("XYZ-s1"), "s1's status at the top")
        c2.wait_screen(lambda ls: ls[29].startswith("[s2]"), "s2's status still at the bottom")
        pm.run("set", "-u", "-t", "s1", "status-left")
        c1.wait_screen(lambda ls: ls[0].startswith("[s1]"), "the global value inherited again")

    def test_prefix_per_session(self):
        pm = self.pm
        c1 = self.attach("s1", rows=30, cols=100)
        c2 = self.attach("s2", rows=30, cols=100)
        pm.run("set", "-t", "s1", "prefix", "C-a")
        c1.keys(b"\x01c")
        wait_for(lambda: self.windows("s1") == 2, msg="C-a c made a window in s1")
        c2.keys(b"\x01c")
        c2.keys(b"\x02c")
        wait_for(lambda: self.windows("s2") == 2, msg="C-b c made a window in s2")
        c1.keys(b"\x02c")
        pm.run("display-message", "-t", "s1", "-p", "sync")
        self.assertEqual(self.windows("s2"), 2, "C-a is not s2's prefix")
        self.assertEqual(self.windows("s1"), 2, "C-b is no longer s1's prefix")

    def test_pane_border_style_per_window(self):
        pm = self.pm
        pm.run("split-window", "-h", "-t", "s1:0")
        pm.run("new-window", "-t", "s1:1")
        pm.run("split-window", "-h", "-t", "s1:1")
        pm.run("setw", "-t", "s1:1", "pane-border-style", "fg=red")
        pm.run("setw", "-t", "s1:1", "pane-active-border-style", "fg=red")
        border = int(pm.display("s1:1.0", "#{pane_width}"))
        c = self.attach("s1", rows=30, cols=100)
        wait_for(lambda: c.screen.cells(5)[border]["fg"] == "idx:1",
                 msg="window 1's border in red", describe=lambda: repr(c.screen.cells(5)[border]))
        pm.run("select-window", "-t", "s1:0")
        border0 = int(pm.display("s1:0.0", "#{pane_width}"))
        wait_for(lambda: c.screen.cells(5)[border0]["fg"] != "idx:1"
                 and c.text().count("\n") > 0, msg="window 0's border not red",
                 describe=lambda: repr(c.screen.cells(5)[border0]))
        self.assertEqual(pm.run("showw", "-v", "-t", "s1:1", "pane-border-style"), "fg=red\n")

    def test_user_options(self):
        pm = self.pm
        pm.run("set", "-g", "@colour", "global")
        pm.run("set", "-t", "s1", "@colour", "session")
        pm.run("setw", "-t", "s1:0", "@where", "window")
        self.assertEqual(pm.display("s1", "#{@colour}"), "session")
        self.assertEqual(pm.display("s2", "#{@colour}"), "global")
        self.assertEqual(pm.display("s1", "#{@where}"), "window")
        self.assertEqual(pm.display("s2", "#{@where}"), "")
        self.assertEqual(pm.run("show", "-v", "-t", "s1", "@colour"), "session\n")
        self.assertEqual(pm.run("show", "-gv", "@colour"), "global\n")
        self.assertIn("@colour session\n", pm.run("show", "-t", "s1"))
        pm.run("set", "-a", "-t", "s1", "@colour", "-more")
        self.assertEqual(pm.display("s1", "#{@colour}"), "session-more")
        pm.run("set", "-u", "-t", "s1", "@colour")
        self.assertEqual(pm.display("s1", "#{@colour}"), "global")
        r = pm.cmd("set", "-g", "@")
        self.assertEqual(r.rc, 1)

    def test_session_options_in_formats(self):
        pm = self.pm
        pm.run("set", "-t", "s1", "status-left", "mine")
        pm.run("setw", "-t", "s1:0", "mode-keys", "vi")
        self.assertEqual(pm.display("s1", "#{status-left}"), "mine")
        self.assertEqual(pm.display("s2", "#{status-left}"), "[#{session_name}] ")
        self.assertEqual(pm.display("s1", "#{mode-keys}"), "vi")
        self.assertEqual(pm.display("s2", "#{mode-keys}"), "emacs")
        pm.run("set", "-t", "s1", "@mine", "yes")
        self.assertEqual(json.loads(pm.run("display", "-j", "-p", "-t", "s1",
                                           "#{status-left} #{@mine}")),
                         {"status-left": "mine", "@mine": "yes"})
        self.assertEqual(json.loads(pm.run("display", "-j", "-p", "-t", "s2",
                                           "#{status-left} #{@mine}")),
                         {"status-left": "[#{session_name}] ", "@mine": None})


if __name__ == "__main__":
    pmuxtest.main()
