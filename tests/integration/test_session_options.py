#!/usr/bin/env python3
"""Options that decide what happens to sessions and clients:
detach-on-destroy, destroy-unattached, exit-unattached, automatic-rename;
show-messages and display-message -a."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402


class SessionOptions(pmuxtest.PmuxTestCase):

    def attach(self, name):
        c = AttachedClient(self.pm, "attach-session", "-t", name)
        c.wait_output(b"[%s]" % name.encode())
        return c

    def client_session(self):
        return self.pm.run("list-clients", "-F", "#{session_name}").strip()

    def test_default_size(self):
        pm = self.pm
        pm.run("new-session", "-d", "-s", "plain", "sleep", "1000")
        self.assertEqual(pm.display("plain", "#{window_width}x#{window_height}"), "80x24")
        pm.run("set-option", "-g", "default-size", "100x30")
        pm.run("new-session", "-d", "-s", "sized", "sleep", "1000")
        self.assertEqual(pm.display("sized", "#{window_width}x#{window_height}"), "100x30")
        pm.run("new-session", "-d", "-s", "given", "-x", "90", "sleep", "1000")
        self.assertEqual(pm.display("given", "#{window_width}x#{window_height}"), "90x30")

    def test_detach_on_destroy_off_switches(self):
        pm = self.pm
        pm.shell_session("one")
        pm.shell_session("two")
        pm.run("set", "-g", "detach-on-destroy", "off")
        c = self.attach("one")
        pm.run("kill-session", "-t", "one")
        wait_for(lambda: self.client_session() == "two", msg="the client moved to two")
        self.assertIsNone(c.proc.poll(), "the client exited instead of switching")
        pm.run("set", "-g", "detach-on-destroy", "on")
        pm.run("kill-session", "-t", "two")
        c.wait_exit()
        self.assertIn(b"[exited]", pmuxtest.strip_escapes(c.output))

    def test_destroy_unattached(self):
        pm = self.pm
        pm.shell_session("keep")
        pm.shell_session("temp")
        pm.run("set", "-g", "destroy-unattached", "on")
        c = self.attach("temp")
        c.write(b"\x02d")
        c.wait_exit()
        wait_for(lambda: pm.cmd("has-session", "-t", "temp").rc == 1,
                 msg="the session destroyed when its last client left")
        self.assertEqual(pm.cmd("has-session", "-t", "keep").rc, 0)

    def test_exit_unattached(self):
        pm = self.pm
        pm.shell_session("e")
        pm.run("set", "-g", "exit-unattached", "on")
        c = self.attach("e")
        c.write(b"\x02d")
        c.wait_exit()
        wait_for(lambda: not os.path.exists(pm.sock), msg="the server to exit")

    def test_automatic_rename(self):
        pm = self.pm
        pm.new_session("r", "sleep", "1000")
        self.assertEqual(pm.display("r", "#{window_name}"), "sleep")
        pm.run("set", "-g", "automatic-rename-format", "cmd:#{pane_current_command}")
        self.assertEqual(pm.display("r", "#{window_name}"), "cmd:sleep")
        pm.run("set", "-g", "automatic-rename", "off")
        self.assertEqual(pm.display("r", "#{window_name}"), "cmd:sleep", "the name is kept")
        pm.run("new-window", "-d", "-t", "r", "-n", "given", "sleep", "1001")
        self.assertEqual(pm.display("r:1", "#{window_name}"), "given")

    def test_messages_and_variables(self):
        pm = self.pm
        pm.shell_session("m")
        c = self.attach("m")
        pm.run("display-message", "-t", "m", "hello-message")
        c.wait_output(b"hello-message")
        self.assertIn("hello-message", pm.run("show-messages"))
        lines = dict(l.split("=", 1) for l in pm.run("display-message", "-a", "-t", "m")
                     .splitlines() if "=" in l)
        self.assertEqual(lines["session_name"], "m")
        self.assertEqual(lines["pane_pid"], pm.display("m", "#{pane_pid}"))
        c.write(b"\x02d")
        c.wait_exit()


if __name__ == "__main__":
    pmuxtest.main()
