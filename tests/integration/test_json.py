#!/usr/bin/env python3
"""-j on every listing command and display-message: valid JSON (checked by
a JSON parser), numbers as numbers, flags as booleans, strings escaped, -F
selecting the variables; -f filters the items."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient  # noqa: E402

ODD_NAME = 'we"ird\\name\ttab \u00e9\u4e2d'


class Json(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("one", "sleep", "1000")
        self.pm.new_session("two", "sleep", "1001")
        self.pm.run("split-window", "-d", "-t", "two", "sleep", "1002")
        self.pm.run("rename-window", "-t", "two:0", ODD_NAME)

    def json(self, *args):
        out = self.pm.run(*args)
        try:
            return json.loads(out)
        except ValueError as e:
            self.fail("%r printed invalid JSON (%s): %r" % (args, e, out))

    def test_every_listing_command(self):
        for args in (("list-sessions", "-j"), ("list-windows", "-a", "-j"),
                     ("list-windows", "-j", "-t", "two"), ("list-panes", "-a", "-j"),
                     ("list-panes", "-s", "-j", "-t", "two"), ("list-clients", "-j")):
            with self.subTest(args=args):
                data = self.json(*args)
                self.assertIsInstance(data, list)
                for item in data:
                    self.assertIsInstance(item, dict)

    def test_types_and_values(self):
        panes = self.json("list-panes", "-a", "-j")
        self.assertEqual(len(panes), 3)
        for p in panes:
            self.assertIsInstance(p["pane_pid"], int)
            self.assertIsInstance(p["pane_width"], int)
            self.assertIsInstance(p["pane_active"], bool)
            self.assertIsInstance(p["pane_id"], str)
            self.assertTrue(p["pane_id"].startswith("%"))
            self.assertEqual(p["pane_current_command"], "sleep")
        self.assertEqual(sorted(p["session_name"] for p in panes), ["one", "two", "two"])
        self.assertEqual(sum(p["pane_active"] for p in panes), 2)
        # the same values as the text formats
        text = self.pm.run("list-panes", "-a", "-F", "#{pane_id} #{pane_pid}").split("\n")
        self.assertEqual(sorted("%s %d" % (p["pane_id"], p["pane_pid"]) for p in panes),
                         sorted(l for l in text if l))

    def test_strings_are_escaped(self):
        wins = self.json("list-windows", "-j", "-t", "two")
        self.assertEqual(wins[0]["window_name"], ODD_NAME)

    def test_named_variables_only(self):
        data = self.json("list-sessions", "-j", "-F", "#{session_name} #{session_windows}")
        self.assertEqual(data, [{"session_name": "one", "session_windows": 1},
                                {"session_name": "two", "session_windows": 1}])
        one = self.json("display-message", "-j", "-p", "-t", "two:0.1", "#{pane_index} #S")
        self.assertEqual(one, {"pane_index": 1, "session_name": "two"})
        every = self.json("display-message", "-j", "-p", "-t", "one")
        self.assertEqual(every["session_name"], "one")
        self.assertIn("pane_pid", every)
        self.assertIn("window_index", every)

    def test_filter(self):
        out = self.pm.run("list-panes", "-a", "-f", "#{==:#{session_name},two}",
                          "-F", "#{session_name}")
        self.assertEqual(out, "two\ntwo\n")
        data = self.json("list-sessions", "-j", "-f", "#{==:#{session_name},one}")
        self.assertEqual([s["session_name"] for s in data], ["one"])
        self.assertEqual(self.json("list-windows", "-a", "-j", "-f", "0"), [])

    def test_keys_options_buffers(self):
        keys = self.json("list-keys", "-j", "-T", "prefix")
        self.assertIn({"table": "prefix", "key": "c", "repeat": False,
                       "note": "Create a new window", "command": "new-window"}, keys)
        self.pm.run("set-option", "-t", "one", "history-limit", "123")
        opts = self.json("show-options", "-j", "-t", "one")
        self.assertEqual(opts, [{"name": "history-limit", "value": 123, "inherited": False}])
        status = self.json("show-options", "-gj", "status")
        self.assertEqual(status[0]["name"], "status")
        flags = self.json("show-options", "-gwj", "automatic-rename")
        self.assertIs(flags[0]["value"], True)
        # user options, as show-options lists them: strings, inherited with -A
        self.pm.run("set-option", "-g", "@glob", 'say "hi"')
        self.pm.run("set-option", "-t", "one", "@mine", "7")
        opts = self.json("show-options", "-j", "-t", "one")
        self.assertIn({"name": "@mine", "value": "7", "inherited": False}, opts)
        self.assertNotIn("@glob", [o["name"] for o in opts])
        opts = self.json("show-options", "-j", "-A", "-t", "one")
        self.assertIn({"name": "@glob", "value": 'say "hi"', "inherited": True}, opts)
        self.assertIn({"name": "@glob", "value": 'say "hi"', "inherited": False},
                      self.json("show-options", "-gj"))
        self.assertEqual(self.json("show-options", "-j", "-t", "one", "@mine"),
                         [{"name": "@mine", "value": "7", "inherited": False}])
        self.assertEqual(self.json("show-options", "-j", "-t", "one", "@glob"), [])
        self.pm.run("set-buffer", "-b", "b1", 'quote " and \\ backslash')
        bufs = self.json("list-buffers", "-j")
        self.assertEqual(bufs[0]["buffer_name"], "b1")
        # the sample is escaped as tmux shows it (a backslash doubled)
        self.assertEqual(bufs[0]["buffer_size"], 23)  # two backslashes
        self.assertIn('quote " and', bufs[0]["buffer_sample"])

    def test_clients(self):
        self.pm.shell_session("c")
        client = AttachedClient(self.pm, "attach-session", "-t", "c", rows=30, cols=100)
        client.wait_output(b"[c]")
        data = self.json("list-clients", "-j")
        self.assertEqual(len(data), 1)
        self.assertEqual(data[0]["session_name"], "c")
        self.assertEqual((data[0]["client_width"], data[0]["client_height"]), (100, 30))
        client.write(b"\x02d")
        client.wait_exit()


if __name__ == "__main__":
    pmuxtest.main()
