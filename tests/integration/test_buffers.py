#!/usr/bin/env python3
"""Paste buffers: set/show/list/delete/save/load/paste-buffer, capture-pane
into a buffer, JSON listing, errors."""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


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

    def test_buffer_limit(self):
        # the oldest automatic buffers go past buffer-limit; named ones stay
        pm = self.pm
        pm.new_session("s", "sleep", "1000")
        pm.run("set-buffer", "-b", "named", "kept")
        pm.run("set-option", "-s", "buffer-limit", "2")
        for text in ("one", "two", "three"):
            pm.run("set-buffer", text)
        names = pm.run("list-buffers", "-F", "#{buffer_name}:#{buffer_sample}").split()
        self.assertEqual(sorted(names), ["buffer1:two", "buffer2:three", "named:kept"])
        r = pm.cmd("set-option", "-s", "buffer-limit", "0")
        self.assertEqual(r.rc, 1)

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


class EmptyPanes(pmuxtest.PmuxTestCase):
    """An empty pane (split-window '') has no program; display-message -I
    writes the client's stdin into it as it comes; respawn-pane gives it one."""

    def test_display_input_into_an_empty_pane(self):
        pm = self.pm
        pm.new_session("e", "sleep", "1000")
        pane = pm.run("split-window", "-d", "-t", "e", "-P", "-F", "#{pane_id}", "").strip()
        self.assertEqual(pm.display(pane, "#{pane_dead} #{pane_pid}"), "1 0")
        r = pm.cmd("display-message", "-I", "-t", pane, input=b"line one\nline two\n")
        self.assertEqual(r.rc, 0, r)
        self.assertEqual(pm.capture(pane).splitlines()[:2], ["line one", "line two"])
        # streamed: what arrives shows before stdin ends
        proc = subprocess.Popen(pm.argv("display-message", "-I", "-t", pane), env=pm.env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        try:
            proc.stdin.write(b"streamed-1\n")
            proc.stdin.flush()
            pm.wait_line(pane, "streamed-1")
            self.assertIsNone(proc.poll())
            proc.stdin.write(b"streamed-2\n")
            proc.stdin.close()
            self.assertEqual(proc.wait(timeout=pmuxtest.TIMEOUT), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for f in (proc.stdin, proc.stdout, proc.stderr):
                if not f.closed:
                    f.close()
        pm.wait_line(pane, "streamed-2")
        # a pane with a program is not empty
        r = pm.cmd("display-message", "-I", "-t", "e:0.0", input=b"x")
        self.assertEqual(r.rc, 1)
        self.assertIn("pane is not empty", r.err)
        # respawn-pane gives it a program, and it is an ordinary pane then
        pm.run("respawn-pane", "-t", pane, "sleep 1001")
        wait_for(lambda: pm.display(pane, "#{pane_dead}") == "0", msg="the pane alive")
        self.assertNotEqual(pm.display(pane, "#{pane_pid}"), "0")
        r = pm.cmd("display-message", "-I", "-t", pane, input=b"x")
        self.assertEqual(r.rc, 1)
        pm.run("kill-pane", "-t", pane)

    def test_split_window_I(self):
        # split-window -I: a new empty pane gets the client's stdin
        pm = self.pm
        pm.new_session("e", "sleep", "1000")
        r = pm.cmd("split-window", "-I", "-d", "-t", "e", "-P", "-F", "#{pane_id}",
                   input=b"piped one\npiped two\n")
        self.assertEqual(r.rc, 0, r)
        pane = r.out.strip()
        self.assertEqual(pm.capture(pane).splitlines()[:2], ["piped one", "piped two"])
        self.assertEqual(pm.display(pane, "#{pane_dead} #{pane_pid}"), "1 0")
        # it makes its own pane: a command is refused, and nothing is made
        r = pm.cmd("split-window", "-I", "-t", "e", "cat", input=b"x")
        self.assertEqual(r.rc, 1)
        self.assertIn("-I takes no shell-command", r.err)
        self.assertEqual(len(pm.run("list-panes", "-t", "e").splitlines()), 2)

    def test_empty_windows_go_cleanly(self):
        pm = self.pm
        pm.new_session("e", "sleep", "1000")
        win = pm.run("new-window", "-d", "-t", "e", "-P", "-F", "#{window_id}", "").strip()
        pm.run("split-window", "-d", "-t", win, "")
        self.assertEqual(pm.run("list-panes", "-t", win, "-F", "#{pane_dead}"), "1\n1\n")
        pm.run("kill-window", "-t", win)
        self.assertEqual(pm.run("list-windows", "-t", "e", "-F", "#{window_index}"), "0\n")
        pm.run("has-session", "-t", "e")


if __name__ == "__main__":
    pmuxtest.main()
