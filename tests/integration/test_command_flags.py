#!/usr/bin/env python3
"""Flags of tmux 3.3a's commands that scripts and configs use:
switch-client -T (modal key tables), run-shell -C (pmux commands, after -d),
kill-session -C (alerts cleared), send-keys -R (the terminal reset first)
and set-option -U (a pane option unset in every pane of the window). The
tests pass against tmux too (PMUX_BIN=/usr/bin/tmux)."""

import base64
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402


class CommandFlags(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("a", "sleep 100000", x=80, y=24)
        self.pm.note_panes()

    def test_switch_client_key_table(self):
        pm = self.pm
        pm.run("bind-key", "-T", "resize", "x", "set-option", "-g", "@hit", "resize-x")
        pm.run("bind-key", "-n", "F6", "switch-client", "-T", "resize")
        pm.run("set-option", "-g", "@hit", "none")
        c = AttachedClient(pm, "attach", "-t", "a")
        try:
            wait_for(lambda: pm.display("a", "#{session_attached}") == "1", msg="attached")
            c.write(b"\x1b[17~")  # F6
            time.sleep(0.3)
            c.write(b"x")
            wait_for(lambda: pm.run("show", "-gv", "@hit").strip() == "resize-x",
                     msg="x looked up in the resize table")
            wait_for(lambda: pm.display("a", "#{client_key_table}") == "root",
                     msg="back to the root table after one key")
        finally:
            c.close()
        r = pm.cmd("switch-client", "-c", "/nonexistent", "-T", "nosuch")
        self.assertNotEqual(r.rc, 0)

    def test_run_shell_commands(self):
        pm = self.pm
        self.assertEqual(pm.run("run-shell", "-C", 'set -g @x 1 ; display -p "x=#{@x}"'),
                         "x=\n")  # the text is expanded first, as tmux
        self.assertEqual(pm.run("show", "-gv", "@x"), "1\n")
        self.assertEqual(pm.run("run-shell", "-C", "-d", "0.2", "display -p late"), "late\n")
        r = pm.cmd("run-shell", "-C", "no-such-command")
        self.assertEqual(r.rc, 1)
        self.assertIn("unknown command", r.err)

    def test_kill_session_clears_alerts(self):
        pm = self.pm
        pm.run("new-window", "-d", "-t", "a:1", "sh", "-c", "sleep 0.3; printf '\\a'; exec sleep 100000")
        pm.note_panes()
        wait_for(lambda: pm.display("a:1", "#{window_bell_flag}") == "1", msg="the bell")
        pm.run("kill-session", "-C", "-t", "a")
        self.assertEqual(pm.display("a:1", "#{window_bell_flag}"), "0")
        self.assertEqual(pm.run("has-session", "-t", "a"), "")

    def test_send_keys_resets_the_terminal(self):
        pm = self.pm
        pm.run("respawn-pane", "-k", "-t", "a", "sh", "-c",
               "printf '\\033[?1h\\033[4h'; exec cat >/dev/null")
        pm.note_panes()
        wait_for(lambda: pm.display("a", "#{keypad_cursor_flag}#{insert_flag}") == "11",
                 msg="the modes set")
        pm.run("send-keys", "-R", "-t", "a", "x")
        self.assertEqual(pm.display("a", "#{keypad_cursor_flag}#{insert_flag}"), "00")

    def test_set_option_unset_in_panes(self):
        pm = self.pm
        pm.run("split-window", "-d", "-t", "a", "sleep 100000")
        pm.note_panes()
        for p in ("a:0.0", "a:0.1"):
            pm.run("set-option", "-p", "-t", p, "allow-rename", "on")
        pm.run("set-option", "-w", "-t", "a:0", "allow-rename", "on")
        pm.run("set-option", "-U", "-w", "-t", "a:0", "allow-rename")
        for p in ("a:0.0", "a:0.1"):
            self.assertEqual(pm.run("show-options", "-p", "-t", p), "", p)
        self.assertNotIn("allow-rename", pm.run("show-options", "-w", "-t", "a:0"))

    def test_capture_pane_octal_and_saved_screen(self):
        pm = self.pm
        pm.run("respawn-pane", "-k", "-t", "a", "sh", "-c",
               "printf 'main\\\\x\\n\\033[31mred\\033[0m\\n'; read x; "
               "printf '\\033[?1049halt-screen'; exec sleep 100000")
        pm.note_panes()
        pm.wait_text("a", "red")
        out = pm.run("capture-pane", "-p", "-e", "-C", "-t", "a").splitlines()
        self.assertEqual(out[:2], ["main\\\\x", "\\033[31mred"])
        r = pm.cmd("capture-pane", "-p", "-a", "-t", "a")
        self.assertEqual((r.rc, r.err.strip()), (1, "no alternate screen"))
        pm.run("send-keys", "-t", "a", "Enter")
        pm.wait_text("a", "alt-screen")
        # -a: the main screen saved behind the alternate one
        self.assertEqual(pm.run("capture-pane", "-p", "-a", "-t", "a").splitlines()[:2],
                         ["main\\x", "red"])

    def test_new_session_attach_detaches_others(self):
        pm = self.pm
        first = AttachedClient(pm, "attach", "-t", "a")
        try:
            wait_for(lambda: pm.display("a", "#{session_attached}") == "1", msg="attached")
            second = AttachedClient(pm, "new-session", "-A", "-D", "-s", "a")
            try:
                # the first client is detached and its process ends
                first.wait_exit()
                wait_for(lambda: pm.display("a", "#{session_attached}") == "1",
                         msg="only the new client attached")
            finally:
                second.close()
        finally:
            first.close()

    def test_attach_without_update_environment(self):
        pm = self.pm
        pm.run("set-option", "-g", "update-environment", "PMUXTEST_VAR")
        env = dict(pm.env, PMUXTEST_VAR="from-client")
        c = AttachedClient(pm, "attach", "-E", "-t", "a", env=env)
        try:
            wait_for(lambda: pm.display("a", "#{session_attached}") == "1", msg="attached")
            self.assertNotIn("from-client", pm.run("show-environment", "-t", "a"))
        finally:
            c.close()
        c = AttachedClient(pm, "attach", "-t", "a", env=env)
        try:
            wait_for(lambda: "from-client" in pm.run("show-environment", "-t", "a"),
                     msg="without -E the variable is copied")
        finally:
            c.close()

    def test_buffer_to_the_clients_clipboard(self):
        pm = self.pm
        c = AttachedClient(pm, "attach", "-t", "a")
        try:
            wait_for(lambda: pm.display("a", "#{session_attached}") == "1", msg="attached")
            tty = pm.run("list-clients", "-F", "#{client_tty}").strip()
            pm.run("set-buffer", "-w", "-t", tty, "from set-buffer")
            # (tmux 3.3a names no selection: "52;;"; pmux the clipboard, "52;c;")
            c.wait_output(b";" + base64.b64encode(b"from set-buffer") + b"\x07")
            path = os.path.join(pm.tmp, "clip")
            with open(path, "w") as f:
                f.write("from a file")
            pm.run("load-buffer", "-w", "-t", tty, path)
            c.wait_output(b";" + base64.b64encode(b"from a file") + b"\x07")
        finally:
            c.close()


if __name__ == "__main__":
    pmuxtest.main()
