#!/usr/bin/env python3
"""Paste buffers: set/show/list/delete/save/load/paste-buffer, capture-pane
into a buffer, JSON listing, errors."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402


class Buffers(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("b")

    def test_round_trip(self):
        pm = self.pm
        pm.run("set-buffer", "first")
        pm.run("set-buffer", "-b", "mine", "echo pasted-$((20+3))")
        self.assertEqual(pm.run("show-buffer"), "echo pasted-$((20+3))")  # the newest
        self.assertEqual(pm.run("show-buffer", "-b", "buffer0"), "first")
        self.assertEqual(pm.run("list-buffers", "-F", "#{buffer_name} #{buffer_size}"),
                         "mine 21\nbuffer0 5\n")
        data = json.loads(pm.run("list-buffers", "-j"))
        self.assertEqual([d["buffer_name"] for d in data], ["mine", "buffer0"])
        self.assertIsInstance(data[0]["buffer_size"], int)
        pm.run("set-buffer", "-a", "-b", "buffer0", "--", "-more")
        self.assertEqual(pm.run("show-buffer", "-b", "buffer0"), "first-more")
        pm.run("set-buffer", "-b", "buffer0", "-n", "renamed")
        self.assertIn("renamed", pm.run("list-buffers", "-F", "#{buffer_name}"))
        pm.run("paste-buffer", "-b", "mine", "-t", "b")
        pm.run("send-keys", "-t", "b", "Enter")
        pm.wait_line("b", "pasted-23")
        pm.run("delete-buffer", "-b", "mine")
        self.assertEqual(pm.cmd("show-buffer", "-b", "mine").rc, 1)

    def test_files_and_capture(self):
        pm = self.pm
        path = os.path.join(pm.tmp, "in.txt")
        with open(path, "w") as f:
            f.write("line one\nline two\n")
        pm.run("load-buffer", "-b", "file", path)
        out = os.path.join(pm.tmp, "out.txt")
        pm.run("save-buffer", "-b", "file", out)
        with open(out) as f:
            self.assertEqual(f.read(), "line one\nline two\n")
        pm.type("b", "echo captured-$((4*4))")
        pm.wait_line("b", "captured-16")
        pm.run("capture-pane", "-t", "b", "-b", "cap")
        self.assertIn("captured-16", pm.run("show-buffer", "-b", "cap"))
        r = pm.cmd("load-buffer", os.path.join(pm.tmp, "missing"))
        self.assertEqual(r.rc, 1)
        self.assertIn("No such file", r.err)
        r = pm.cmd("delete-buffer", "-b", "nosuch")
        self.assertEqual(r.rc, 1)
        self.assertIn("unknown buffer", r.err)

    def test_load_buffer_from_stdin(self):
        pm = self.pm
        data = bytes(range(256)) * 4096 + b"\nend"   # 1 MiB and more, NULs included
        r = pm.cmd("load-buffer", "-b", "in", "-", input=data)
        self.assertEqual(r.rc, 0, r)
        out = os.path.join(pm.tmp, "saved.bin")
        pm.run("save-buffer", "-b", "in", out)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), data)
        r = pm.cmd("load-buffer", "-", input=b"short one")
        self.assertEqual(r.rc, 0, r)
        self.assertEqual(pm.run("show-buffer"), "short one")
        # an empty stdin makes no buffer, as in tmux
        r = pm.cmd("loadb", "-b", "empty", "-", input=b"")
        self.assertEqual(r.rc, 0, r)
        self.assertEqual(pm.cmd("show-buffer", "-b", "empty").rc, 1)
        # the rest of the list runs after the data arrived
        r = pm.cmd("load-buffer", "-b", "x", "-", ";", "show-buffer", "-b", "x",
                   input=b"then shown")
        self.assertEqual((r.rc, r.out), (0, "then shown"), r)

    def test_source_file_from_stdin(self):
        pm = self.pm
        text = (b"set -g @one yes\n"
                b"run-shell 'sleep 0.1'\n"
                b"set -g @two yes ; set -g status-left \"[#S]-stdin\"\n")
        r = pm.cmd("source-file", "-", ";", "show", "-gv", "@two", input=text)
        self.assertEqual((r.rc, r.out), (0, "yes\n"), r)
        self.assertEqual(pm.run("show", "-gv", "@one"), "yes\n")
        self.assertEqual(pm.run("show", "-gv", "status-left"), "[#S]-stdin\n")
        r = pm.cmd("source-file", "-", input=b"set -g no-such-option 1\n")
        self.assertEqual(r.rc, 1)
        self.assertIn("-:1: invalid option: no-such-option", r.err)


if __name__ == "__main__":
    pmuxtest.main()
