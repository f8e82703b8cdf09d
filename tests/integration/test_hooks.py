#!/usr/bin/env python3
"""set-hook/show-hooks and the hooks scripts use: after-<command>,
session-created, session-closed, window-linked, window-renamed, pane-exited,
client-attached, client-detached; the hook's object is its current target."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402


class Hooks(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("h", "sleep", "1000")
        self.log = os.path.join(self.pm.tmp, "hooks.log")

    def hook_logs(self, hook, what):
        self.pm.run("set-hook", "-g", hook,
                    "run-shell 'echo %s %s >> %s'" % (hook, what, self.log))

    def logged(self):
        try:
            with open(self.log) as f:
                return f.read().split("\n")
        except FileNotFoundError:
            return []

    def wait_logged(self, line):
        wait_for(lambda: line in self.logged(), msg="%r in the hook log" % line,
                 describe=lambda: "hook log: %r" % self.logged())

    def test_set_show_unset(self):
        pm = self.pm
        pm.run("set-hook", "-g", "after-new-window", "display -p one")
        pm.run("set-hook", "-g", "-a", "after-new-window", "display -p two")
        self.assertEqual(pm.run("show-hooks", "-g", "after-new-window"),
                         "after-new-window[0] display -p one\n"
                         "after-new-window[1] display -p two\n")
        pm.run("set-hook", "-g", "-u", "after-new-window[0]")
        self.assertEqual(pm.run("show-hooks", "-g"), "after-new-window[1] display -p two\n")
        pm.run("set-hook", "-g", "-u", "after-new-window")
        self.assertEqual(pm.run("show-hooks", "-g"), "")
        r = pm.cmd("set-hook", "-g", "no-such-hook", "display x")
        self.assertEqual(r.rc, 1)
        self.assertIn("invalid hook", r.err)

    def test_after_command_targets_the_new_object(self):
        pm = self.pm
        pm.run("set-hook", "-g", "after-new-window", "rename-window from-hook")
        pm.run("set-hook", "-g", "after-split-window", "select-pane -t :.0")
        pane = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{window_id}").strip()
        wait_for(lambda: pm.display(pane, "#{window_name}") == "from-hook",
                 msg="after-new-window to rename the new window")
        self.assertNotEqual(pm.display("h:0", "#{window_name}"), "from-hook")

    def test_event_hooks(self):
        pm = self.pm
        self.hook_logs("session-created", "#{session_name}")
        self.hook_logs("session-closed", "x")
        self.hook_logs("window-linked", "#{window_index}")
        self.hook_logs("window-renamed", "#{window_name}")
        # the pane is gone when its hook runs: nothing of it to expand
        self.hook_logs("pane-exited", "x")
        pm.new_session("second", "sleep", "1001")
        self.wait_logged("session-created second")
        self.wait_logged("window-linked 0")
        pm.run("rename-window", "-t", "second", "renamed")
        self.wait_logged("window-renamed renamed")
        pane = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id}", "sh", "-c",
                      "sleep 0.2").strip()
        self.assertTrue(pane.startswith("%"))
        self.wait_logged("pane-exited x")
        pm.run("kill-session", "-t", "second")
        self.wait_logged("session-closed x")

    def test_client_hooks(self):
        pm = self.pm
        self.hook_logs("client-attached", "#{session_name}")
        self.hook_logs("client-detached", "#{session_name}")
        c = AttachedClient(pm, "attach-session", "-t", "h")
        c.wait_output(b"[h]")
        self.wait_logged("client-attached h")
        c.write(b"\x02d")
        c.wait_exit()
        self.wait_logged("client-detached h")


if __name__ == "__main__":
    pmuxtest.main()
