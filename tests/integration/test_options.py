#!/usr/bin/env python3
"""Option scopes and inheritance: server (-s), global (-g), session, window
(-w, setw), pane (-p); show-options -A marks inherited values; -u goes back
to inheriting; each scope changes what it should."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402


class Options(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("a", "sleep", "1000")
        self.pm.new_session("b", "sleep", "1001")

    def test_session_scope(self):
        pm = self.pm
        pm.run("set-option", "-t", "a", "base-index", "5")
        self.assertEqual(pm.run("show-options", "-t", "a"), "base-index 5\n")
        self.assertEqual(pm.run("show-options", "-t", "b"), "")
        self.assertEqual(pm.run("show-options", "-v", "-t", "a", "base-index"), "5\n")
        self.assertEqual(pm.run("show-options", "-gv", "base-index"), "0\n")
        self.assertIn("base-index* 0\n", pm.run("show-options", "-A", "-t", "b"))
        # new windows of a start at 5, of b at the global 1
        pm.run("set-option", "-g", "base-index", "1")
        pm.run("new-window", "-d", "-t", "a", "sleep", "1002")
        pm.run("new-window", "-d", "-t", "b", "sleep", "1003")
        self.assertEqual(pm.run("list-windows", "-t", "a", "-F", "#I"), "0\n5\n")
        self.assertEqual(pm.run("list-windows", "-t", "b", "-F", "#I"), "0\n1\n")
        pm.run("set-option", "-u", "-t", "a", "base-index")
        self.assertEqual(pm.run("show-options", "-t", "a"), "")
        self.assertEqual(pm.run("show-options", "-A", "-v", "-t", "a", "base-index"), "1\n")

    def test_window_and_pane_scopes(self):
        pm = self.pm
        pm.run("split-window", "-d", "-t", "a", "sleep", "1004")
        pm.run("set-window-option", "-t", "a", "pane-base-index", "1")
        self.assertEqual(pm.run("show-window-options", "-t", "a"), "pane-base-index 1\n")
        self.assertEqual(pm.run("list-panes", "-t", "a", "-F", "#P"), "1\n2\n")
        self.assertEqual(pm.run("list-panes", "-t", "b", "-F", "#P"), "0\n")
        # a window option set without -w goes to the window all the same
        pm.run("set-option", "-t", "b", "pane-base-index", "3")
        self.assertEqual(pm.run("show-options", "-w", "-t", "b"), "pane-base-index 3\n")
        pm.run("set-option", "-p", "-t", "a:0.1", "remain-on-exit", "on")
        self.assertEqual(pm.run("show-options", "-p", "-t", "a:0.1"), "remain-on-exit on\n")
        self.assertEqual(pm.run("show-options", "-p", "-t", "a:0.2"), "")
        self.assertEqual(pm.run("show-options", "-gwv", "pane-base-index"), "0\n")

    def test_server_scope(self):
        pm = self.pm
        pm.run("set-option", "-s", "escape-time", "0")
        self.assertEqual(pm.run("show-options", "-s", "escape-time"), "escape-time 0\n")
        # a server option set without -s lands on the server all the same
        pm.run("set-option", "escape-time", "7")
        self.assertEqual(pm.run("show-options", "-sv", "escape-time"), "7\n")
        self.assertNotIn("escape-time", pm.run("show-options", "-g"))

    def test_values_quoted_as_tmux(self):
        # show-options writes each value so that the line can be set back,
        # in tmux's own quoting
        pm = self.pm
        cases = [("", "''"), ("a b", '"a b"'), ("a$HOME", '"a\\$HOME"'), ("a$1", '"a$1"'),
                 ('a"b', "'a\"b'"), ("~x", "\\~x"), ("a\\b", "a\\\\b"), ("tab\tx", "tab\\tx"),
                 ("#", "\\#"), ("it's", '"it\'s"'), ("a:b,c", "a:b,c")]
        for i, (value, shown) in enumerate(cases):
            pm.run("set-option", "-g", "@q%d" % i, value)
            self.assertEqual(pm.run("show-options", "-g", "@q%d" % i), "@q%d %s\n" % (i, shown))
        # and setting the shown line back gives the same value
        conf = os.path.join(pm.tmp, "back.conf")
        with open(conf, "w") as f:
            for i in range(len(cases)):
                f.write("set -g " + pm.run("show-options", "-g", "@q%d" % i).replace("@q", "@r", 1))
        pm.run("source-file", conf)
        for i, (value, _) in enumerate(cases):
            self.assertEqual(pm.run("show-options", "-gv", "@r%d" % i), value + "\n")

    def test_unset_user_option_is_unknown(self):
        pm = self.pm
        r = pm.cmd("show-options", "-gv", "@nosuch")
        self.assertNotEqual(r.rc, 0)
        self.assertEqual(r.err.strip(), "invalid option: @nosuch")
        self.assertEqual(pm.cmd("show-options", "-gqv", "@nosuch").rc, 0)
        pm.run("set-option", "-g", "@here", "1")
        self.assertEqual(pm.run("show-options", "-gv", "@here").strip(), "1")
        # not set on the window (nor inherited there): unknown there too
        self.assertNotEqual(pm.cmd("show-options", "-w", "@here").rc, 0)

    def test_errors_and_flags(self):
        pm = self.pm
        for args in (("set-option", "no-such-option", "1"), ("show-options", "no-such-option"),
                     ("set-option", "-t", "nosuch", "status", "off"),
                     ("set-option", "base-index", "minus"), ("set-option", "status", "maybe")):
            with self.subTest(args=args):
                r = pm.cmd(*args)
                self.assertEqual(r.rc, 1, r)
                self.assertTrue(r.err.strip(), r)
        self.assertEqual(pm.cmd("set-option", "-q", "no-such-option", "1").rc, 0)
        pm.run("set-option", "-t", "a", "status-left", "L")
        pm.run("set-option", "-a", "-t", "a", "status-left", "R")
        self.assertEqual(pm.run("show-options", "-v", "-t", "a", "status-left"), "LR\n")
        self.assertEqual(pm.cmd("set-option", "-o", "-t", "a", "status-left", "x").rc, 1)
        pm.run("set-option", "-t", "a", "mouse")  # a flag without a value toggles
        self.assertEqual(pm.run("show-options", "-v", "-t", "a", "mouse"), "on\n")

    def test_messages_and_only_if_unset(self):
        # tmux's words and exit statuses
        pm = self.pm
        for args, err in ((("status-left-length", "-1"), "value is too small: -1"),
                          (("status-left-length", "99999999"), "value is too large: 99999999"),
                          (("status-left-length", "1x"), "value is invalid: 1x"),
                          (("base-index",), "empty value")):
            r = pm.cmd("set-option", "-g", *args)
            self.assertEqual((r.rc, r.err), (1, err + "\n"), args)
        # -o: a user option once; a global option always has a value
        pm.run("set-option", "-go", "@only", "1")
        r = pm.cmd("set-option", "-go", "@only", "2")
        self.assertEqual((r.rc, r.err), (1, "already set: @only\n"))
        self.assertEqual(pm.cmd("set-option", "-goq", "@only", "3").rc, 0)
        self.assertEqual(pm.run("show-options", "-gv", "@only"), "1\n")
        r = pm.cmd("set-option", "-go", "status-interval", "3")
        self.assertEqual((r.rc, r.err), (1, "already set: status-interval\n"))


if __name__ == "__main__":
    pmuxtest.main()
