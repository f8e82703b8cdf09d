#!/usr/bin/env python3
"""Environments: set-environment/show-environment (-g -u -r -h), new-session
-e, and update-environment refreshed on every attach so that SSH_AUTH_SOCK
and DISPLAY are current in new panes after re-attaching from a new ssh
connection."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, proc_environ  # noqa: E402


class Environment(pmuxtest.PmuxTestCase):

    def pane_env(self, target):
        return proc_environ(self.pm.pane_pid(target))

    def new_window_env(self):
        pane = self.pm.run("new-window", "-d", "-t", "e", "-P", "-F", "#{pane_id}",
                           "sleep", "1000").strip()
        return self.pane_env(pane)

    def test_set_and_show(self):
        pm = self.pm
        pm.new_session("e", "sleep", "1000", flags=["-e", "FROM_E=yes"])
        self.assertEqual(self.pane_env("e").get("FROM_E"), "yes")
        self.assertIn("FROM_E=yes\n", pm.run("show-environment", "-t", "e"))
        pm.run("set-environment", "-g", "GLOBAL_ONE", "g1")
        pm.run("set-environment", "-t", "e", "SESSION_ONE", "s1")
        pm.run("set-environment", "-t", "e", "-h", "HIDDEN_ONE", "h1")
        self.assertEqual(pm.run("show-environment", "-g", "GLOBAL_ONE"), "GLOBAL_ONE=g1\n")
        self.assertNotIn("HIDDEN_ONE", pm.run("show-environment", "-t", "e"))
        env = self.new_window_env()
        # hidden variables are for formats and config files, never for programs
        self.assertEqual((env.get("GLOBAL_ONE"), env.get("SESSION_ONE"), env.get("HIDDEN_ONE")),
                         ("g1", "s1", None))
        self.assertEqual(pm.run("show-environment", "-h", "-t", "e"), "HIDDEN_ONE=h1\n")
        # as tmux: by name, a variable of the other kind prints nothing
        self.assertEqual(pm.cmd("show-environment", "-t", "e", "HIDDEN_ONE").out, "")
        self.assertEqual(pm.cmd("show-environment", "-t", "e", "HIDDEN_ONE").rc, 0)
        # -s: lines sh can eval, whatever the value holds
        tricky = 'a "b" $HOME `echo x` \\ \'q\''
        pm.run("set-environment", "-t", "e", "TRICKY", tricky)
        script = pm.run("show-environment", "-s", "-t", "e", "TRICKY")
        self.assertEqual(script, 'TRICKY="a \\"b\\" \\$HOME \\`echo x\\` \\\\ \'q\'"; export TRICKY;\n')
        out = subprocess.run(["sh", "-c", script + 'printf %s "$TRICKY"'],
                             capture_output=True, text=True, timeout=30).stdout
        self.assertEqual(out, tricky)
        # -r hides the global value from the session; -u forgets
        pm.run("set-environment", "-t", "e", "-r", "GLOBAL_ONE")
        self.assertIn("-GLOBAL_ONE\n", pm.run("show-environment", "-t", "e"))
        self.assertNotIn("GLOBAL_ONE", self.new_window_env())
        pm.run("set-environment", "-t", "e", "-u", "GLOBAL_ONE")
        self.assertEqual(self.new_window_env().get("GLOBAL_ONE"), "g1")
        r = pm.cmd("show-environment", "-g", "NO_SUCH_VARIABLE_X")
        self.assertEqual(r.rc, 1)
        self.assertTrue(r.err)
        self.assertEqual(pm.cmd("set-environment", "-g", "MISSING_VALUE").rc, 1)

    def test_update_environment_on_attach(self):
        pm = self.pm
        env = dict(pm.env, SSH_AUTH_SOCK="/tmp/agent-first", DISPLAY=":1")
        pm.run("new-session", "-d", "-s", "e", "-x", "80", "-y", "24", "sleep", "1000",
               env=env)
        self.assertEqual(self.pane_env("e").get("SSH_AUTH_SOCK"), "/tmp/agent-first")
        # a new ssh connection: another agent socket, no DISPLAY
        second = dict(pm.env, SSH_AUTH_SOCK="/tmp/agent-second")
        second.pop("DISPLAY", None)
        saved = pm.env
        pm.env = second
        try:
            c = AttachedClient(pm, "attach-session", "-t", "e")
            c.wait_output(b"[e]")
        finally:
            pm.env = saved
        shown = pm.run("show-environment", "-t", "e")
        self.assertIn("SSH_AUTH_SOCK=/tmp/agent-second\n", shown)
        self.assertIn("-DISPLAY\n", shown)
        env = self.new_window_env()
        self.assertEqual(env.get("SSH_AUTH_SOCK"), "/tmp/agent-second")
        self.assertNotIn("DISPLAY", env)
        # the pane started before keeps what it had
        self.assertEqual(self.pane_env("e:0").get("SSH_AUTH_SOCK"), "/tmp/agent-first")
        c.write(b"\x02d")
        c.wait_exit()

    def test_update_environment_append(self):
        # set -ga adds an item to the list (tmux's array), as configs do
        pm = self.pm
        pm.new_session("e", "sleep", "1000")
        pm.run("set-option", "-ga", "update-environment", "EXTRA_ONE")
        pm.run("set-option", "-ga", "update-environment", " EXTRA_TWO")
        items = pm.run("show-options", "-gv", "update-environment").split()
        self.assertEqual(items[-3:], ["XAUTHORITY", "EXTRA_ONE", "EXTRA_TWO"])
        saved = pm.env
        pm.env = dict(saved, XAUTHORITY="/tmp/xa", EXTRA_ONE="one", EXTRA_TWO="two")
        try:
            c = AttachedClient(pm, "attach-session", "-t", "e")
            c.wait_output(b"[e]")
        finally:
            pm.env = saved
        env = self.new_window_env()
        self.assertEqual((env.get("XAUTHORITY"), env.get("EXTRA_ONE"), env.get("EXTRA_TWO")),
                         ("/tmp/xa", "one", "two"))
        c.write(b"\x02d")
        c.wait_exit()


if __name__ == "__main__":
    pmuxtest.main()
