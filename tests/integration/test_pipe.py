#!/usr/bin/env python3
"""pipe-pane: the pane's output reaches a command (-O), a command's output
is typed into the pane (-I), -o toggles, no command stops piping."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class PipePane(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("p")
        self.out = os.path.join(self.pm.tmp, "piped")

    def piped(self):
        try:
            with open(self.out, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return b""

    def test_output_to_command(self):
        pm = self.pm
        pm.run("pipe-pane", "-t", "p", "cat >> %s" % self.out)
        pm.type("p", "echo piped-$((40+2))")
        wait_for(lambda: b"piped-42" in self.piped(), msg="the output in the pipe")
        # no command: piping stops
        pm.run("pipe-pane", "-t", "p")
        pm.type("p", "echo after-$((1+1))")
        pm.wait_line("p", "after-2")
        pm.run("run-shell", "sleep 0.3")
        self.assertNotIn(b"after-2", self.piped())
        # -o starts a pipe only when none is open, and toggles it off
        pm.run("pipe-pane", "-o", "-t", "p", "cat >> %s" % self.out)
        pm.run("pipe-pane", "-o", "-t", "p", "cat >> %s" % self.out)
        pm.type("p", "echo toggled-$((2+2))")
        pm.wait_line("p", "toggled-4")
        pm.run("run-shell", "sleep 0.3")
        self.assertNotIn(b"toggled-4", self.piped())

    def test_both_ways_and_pane_pipe(self):
        pm = self.pm
        self.assertEqual(pm.display("p", "#{pane_pipe}"), "0")
        # -I -O: the command types into the pane and reads its output; the
        # command is a format
        pm.run("pipe-pane", "-I", "-O", "-t", "p",
               "printf 'echo both-$((5*5))\\r'; cat >> %s.#{session_name}" % self.out)
        self.assertEqual(pm.display("p", "#{pane_pipe}"), "1")
        pm.wait_line("p", "both-25")
        self.out += ".p"
        wait_for(lambda: b"both-25" in self.piped(), msg="the output in the pipe")
        pm.run("pipe-pane", "-t", "p")
        self.assertEqual(pm.display("p", "#{pane_pipe}"), "0")

    def test_input_from_command(self):
        self.pm.run("pipe-pane", "-I", "-t", "p", "printf 'echo typed-by-$((3*3))\\r'")
        self.pm.wait_line("p", "typed-by-9")

    def test_pane_closing_ends_the_pipe(self):
        pane = self.pm.run("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "p", "sh", "-c",
                           "sleep 0.5; echo last-line; sleep 0.5").strip()
        self.pm.run("pipe-pane", "-t", pane, "cat >> %s" % self.out)
        wait_for(lambda: b"last-line" in self.piped(), msg="output before the pane closed")
        wait_for(lambda: pane not in self.pm.run("list-panes", "-a", "-F", "#{pane_id}"),
                 msg="the pane to close")
        self.assertEqual(self.pm.run("display-message", "-p", "#S"), "p\n")


if __name__ == "__main__":
    pmuxtest.main()
