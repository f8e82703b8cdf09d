#!/usr/bin/env python3
"""new-window -a/-b/-k, split-window -p, attach-session -c, display-message
-c and list-commands for one command; flags pmux does not have are errors."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient  # noqa: E402


class WindowFlags(pmuxtest.PmuxTestCase):

    def windows(self, s="a"):
        return self.pm.run("list-windows", "-t", s, "-F", "#I:#W").split()

    def test_new_window_insert_and_replace(self):
        pm = self.pm
        pm.new_session("a", "sleep", "1000", flags=["-n", "w0"])
        pm.run("new-window", "-d", "-t", "a", "-n", "w1", "sleep", "1001")
        pm.run("new-window", "-a", "-d", "-t", "a:0", "-n", "after0", "sleep", "1002")
        self.assertEqual(self.windows(), ["0:w0", "1:after0", "2:w1"])
        pm.run("new-window", "-b", "-d", "-t", "a:0", "-n", "before0", "sleep", "1003")
        self.assertEqual(self.windows(), ["0:before0", "1:w0", "2:after0", "3:w1"])
        pm.run("new-window", "-k", "-d", "-t", "a:2", "-n", "new2", "sleep", "1004")
        self.assertEqual(self.windows(), ["0:before0", "1:w0", "2:new2", "3:w1"])
        r = pm.cmd("new-window", "-d", "-t", "a:1", "sleep", "1005")
        self.assertEqual(r.rc, 1)
        self.assertIn("index in use", r.err)
        # the only window of a session replaced
        pm.new_session("b", "sleep", "1006", flags=["-n", "only"])
        pm.run("new-window", "-k", "-d", "-t", "b:0", "-n", "replaced", "sleep", "1007")
        self.assertEqual(self.windows("b"), ["0:replaced"])
        pm.note_panes()

    def test_new_window_S_and_select_window_T(self):
        pm = self.pm
        pm.new_session("a", "sleep", "1000", flags=["-n", "w0"])
        pm.run("new-window", "-t", "a:", "-n", "foo", "sleep", "1001")
        pm.run("select-window", "-t", "a:0")
        # -S: the window named foo is selected, none is made
        pm.run("new-window", "-S", "-t", "a", "-n", "foo", "sleep", "1002")
        self.assertEqual(pm.display("a", "#{session_windows} #I"), "2 1")
        pm.run("new-window", "-d", "-t", "a:", "-n", "foo", "sleep", "1003")
        r = pm.cmd("new-window", "-S", "-t", "a", "-n", "foo", "sleep", "1004")
        self.assertEqual((r.rc, r.err.strip()), (1, "multiple windows named foo"))
        # select-window -T on the current window goes to the last one
        pm.run("select-window", "-t", "a:0")
        pm.run("select-window", "-T", "-t", "a:0")
        self.assertEqual(pm.display("a", "#I"), "1")
        pm.run("select-window", "-T", "-t", "a:2")
        self.assertEqual(pm.display("a", "#I"), "2")
        pm.note_panes()

    def test_split_percentage_and_errors(self):
        pm = self.pm
        pm.new_session("a", "sleep", "1000", y=41)
        pm.run("split-window", "-d", "-p", "25", "-t", "a", "sleep", "1001")
        self.assertEqual(pm.run("list-panes", "-t", "a", "-F", "#{pane_height}").split(),
                         ["30", "10"])
        for args in (("list-sessions", "-Q"),
                     ("set-buffer", "-Y", "x"), ("show-messages", "-J"),
                     ("copy-mode", "-Y")):
            r = pm.cmd(*args)
            self.assertEqual(r.rc, 1, r)
            self.assertIn("unknown flag", r.err)
        r = pm.cmd("display-message", "-c", "/dev/pts/99999", "hello")
        self.assertEqual(r.rc, 1)
        self.assertIn("can't find client", r.err)
        self.assertEqual(pm.run("list-commands", "neww"),
                         pm.run("list-commands").split("\n")[
                             [l.split()[0] for l in pm.run("list-commands").splitlines()]
                             .index("new-window")] + "\n")
        # -F with tmux's command_list_ variables
        self.assertEqual(pm.run("list-commands", "-F",
                                "#{command_list_name}|#{command_list_alias}|#{command_list_usage}",
                                "has-session"),
                         "has-session|has|[-t target-session]\n")
        names = pm.run("list-commands", "-F", "#{command_list_name}").split()
        self.assertIn("display-message", names)
        self.assertEqual(len(names), len(pm.run("list-commands").splitlines()))

    def test_attach_working_directory_and_client_message(self):
        pm = self.pm
        pm.shell_session("a")
        c = AttachedClient(pm, "attach-session", "-c", "/tmp", "-t", "a")
        c.wait_output(b"[a]")
        self.assertEqual(pm.run("display-message", "-p", "-t", "a", "#{session_path}"),
                         "/tmp\n")
        pm.run("display-message", "-c", c.tty, "only-for-this-client")
        c.wait_output(b"only-for-this-client")
        c.write(b"\x02d")
        c.wait_exit()


if __name__ == "__main__":
    pmuxtest.main()
