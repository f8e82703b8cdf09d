#!/usr/bin/env python3
"""set-hook/show-hooks and the hooks scripts use: after-<command>,
session-created, session-closed, window-linked, window-renamed, pane-exited,
client-attached, client-detached; the hook's object is its current target."""

import fcntl
import os
import signal
import struct
import sys
import termios

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
        pm.run("set-hook", "-ga", "client-attached",
               "set -gF @client '#{hook_client} #{client_tty}'")
        c = AttachedClient(pm, "attach-session", "-t", "h")
        c.wait_output(b"[h]")
        self.wait_logged("client-attached h")
        tty = pm.run("list-clients", "-F", "#{client_tty}").strip()
        # the client is the hook's own and its current client
        wait_for(lambda: pm.cmd("show", "-gv", "@client").out == "%s %s\n" % (tty, tty),
                 msg="hook_client", describe=lambda: repr(pm.cmd("show", "-gv", "@client")))
        c.write(b"\x02d")
        c.wait_exit()
        self.wait_logged("client-detached h")

    def test_session_hook_overrides_global(self):
        pm = self.pm
        pm.new_session("other", "sleep", "1000")
        self.hook_logs("after-new-window", "global-#{hook_session_name}")
        pm.run("set-hook", "-t", "other", "after-new-window",
               "run-shell 'echo after-new-window session-#{hook_session_name} >> %s'"
               % self.log)
        self.assertEqual(pm.run("show-hooks", "-t", "other"),
                         "after-new-window[0] run-shell 'echo after-new-window "
                         "session-#{hook_session_name} >> %s'\n" % self.log)
        self.assertNotIn("session-", pm.run("show-hooks", "-g"))
        self.assertEqual(pm.run("show-hooks", "-t", "h"), "")
        pm.run("new-window", "-d", "-t", "h", "sleep", "1000")
        self.wait_logged("after-new-window global-h")
        pm.run("new-window", "-d", "-t", "other", "sleep", "1000")
        self.wait_logged("after-new-window session-other")
        pm.run("set-hook", "-u", "-t", "other", "after-new-window")
        pm.run("new-window", "-d", "-t", "other", "sleep", "1000")
        self.wait_logged("after-new-window global-other")
        self.assertNotIn("after-new-window global-other", self.logged()[:2])
        self.assertEqual(self.logged().count("after-new-window session-other"), 1)

    def test_window_and_pane_hooks(self):
        pm = self.pm
        w1 = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{window_id}",
                    "sleep", "1000").strip()
        pm.run("set-hook", "-w", "-t", w1, "after-split-window",
               "run-shell 'echo window-hook #{hook_window} >> %s'" % self.log)
        self.assertIn("after-split-window[0]", pm.run("show-hooks", "-w", "-t", w1))
        self.assertEqual(pm.run("show-hooks", "-w", "-t", "h:0"), "")
        pm.run("split-window", "-d", "-t", "h:0", "sleep", "1000")
        pm.run("split-window", "-d", "-t", w1, "sleep", "1000")
        self.wait_logged("window-hook %s" % w1)
        self.assertEqual(len([l for l in self.logged() if l.startswith("window-hook")]), 1)
        pane, win = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id} #{window_id}",
                           "sh", "-c", "read x; exit 3").split()
        pm.run("set-hook", "-p", "-t", pane, "pane-exited",
               "run-shell 'echo pane-hook #{hook} #{hook_pane} #{pane_id} "
               "#{window_id} >> %s'" % self.log)
        self.assertIn("pane-exited[0]", pm.run("show-hooks", "-p", "-t", pane))
        pm.send(pane, "Enter")
        # the pane is gone when the hook runs: its variables are as it was
        self.wait_logged("pane-hook pane-exited %s %s %s" % (pane, pane, win))

    def test_hook_variables_and_run_now(self):
        pm = self.pm
        sid = pm.display("h", "#{session_id}")
        wid = pm.display("h", "#{window_id}")
        pid = pm.display("h", "#{pane_id}")
        pm.run("set-hook", "-g", "window-renamed",
               "set -gF @vars '#{hook} #{hook_session} #{hook_session_name} "
               "#{hook_window} #{hook_window_name}'")
        pm.run("rename-window", "-t", "h:0", "newname")
        wait_for(lambda: pm.cmd("show", "-gv", "@vars").out
                 == "window-renamed %s h %s newname\n" % (sid, wid),
                 msg="the hook's variables", describe=lambda: repr(pm.cmd("show", "-gv", "@vars")))
        pm.run("set-hook", "-t", "h", "pane-died",
               "run-shell 'echo died #{hook_pane} >> %s'" % self.log)
        pm.run("set-hook", "-R", "-t", "h", "pane-died")
        self.wait_logged("died %s" % pid)
        pm.run("set-hook", "-a", "-t", "h", "pane-died", "display -p second")
        self.assertIn("pane-died[1] display -p second", pm.run("show-hooks", "-t", "h"))
        r = pm.cmd("show-hooks", "-t", "nosuch")
        self.assertEqual(r.rc, 1)
        self.assertTrue(r.err.strip())

    def test_after_new_session_pane_died_client_resized(self):
        pm = self.pm
        self.hook_logs("after-new-session", "#{hook_session_name}")
        self.hook_logs("pane-died", "#{hook_pane}")
        self.hook_logs("client-resized", "#{hook_session_name}-#{client_width}x#{client_height}")
        pm.new_session("third", "sleep", "1000")
        self.wait_logged("after-new-session third")
        pm.run("set-option", "-g", "remain-on-exit", "on")
        pane = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id}", "exit 2").strip()
        self.wait_logged("pane-died %s" % pane)
        c = AttachedClient(pm, "attach-session", "-t", "h", rows=30, cols=90)
        c.wait_output(b"[h]")
        fcntl.ioctl(c.master, termios.TIOCSWINSZ, struct.pack("HHHH", 25, 70, 0, 0))
        pmuxtest.kill_quietly(c.pid, signal.SIGWINCH)
        self.wait_logged("client-resized h-70x25")
        c.close()

    def test_window_and_layout_change_hooks(self):
        pm = self.pm
        win = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{window_id}",
                     "sleep", "1000").strip()
        self.hook_logs("session-window-changed", "#{hook_session_name}-#{window_id}")
        self.hook_logs("window-pane-changed", "#{hook_window}-#{pane_index}")
        self.hook_logs("window-layout-changed", "#{hook_window}")
        self.hook_logs("window-resized", "#{hook_window}-#{window_width}")
        pm.run("select-window", "-t", win)
        self.wait_logged("session-window-changed h-%s" % win)
        pm.run("split-window", "-d", "-t", win, "sleep", "1000")
        self.wait_logged("window-layout-changed %s" % win)
        pm.run("select-pane", "-t", "%s.1" % win)
        self.wait_logged("window-pane-changed %s-1" % win)
        pm.run("set-option", "-w", "-t", win, "window-size", "manual")
        pm.run("resize-window", "-t", win, "-x", "60", "-y", "20")
        self.wait_logged("window-resized %s-60" % win)
        # the resize changed the layout too (each hook's line comes when its
        # run-shell ends: in any order)
        wait_for(lambda: self.logged().count("window-layout-changed %s" % win) == 2,
                 msg="a second window-layout-changed", describe=lambda: repr(self.logged()))
        if pmuxtest.flavor() == "tmux":
            return  # tmux tells of a layout change even when nothing changed
        # the same layout again is no change (the next event's line comes after)
        pm.run("resize-window", "-t", win, "-x", "60", "-y", "20")
        pm.run("select-pane", "-t", "%s.0" % win)
        self.wait_logged("window-pane-changed %s-0" % win)
        self.assertEqual(self.logged().count("window-layout-changed %s" % win), 2)

    def test_focus_hooks(self):
        pm = self.pm
        self.hook_logs("pane-focus-in", "#{hook_pane}")
        self.hook_logs("pane-focus-out", "#{hook_pane}")
        self.hook_logs("client-focus-in", "c")
        self.hook_logs("client-focus-out", "c")
        first = pm.display("h", "#{pane_id}")
        # focus-events on: the client asks its terminal for focus reports
        # (pmux fires the pane hooks without it too; tmux 3.3a not on a split)
        pm.run("set-option", "-s", "focus-events", "on")
        c = AttachedClient(pm, "attach-session", "-t", "h")
        c.wait_output(b"[h]")
        # the attached client's active pane has the focus
        self.wait_logged("pane-focus-in %s" % first)
        second = pm.run("split-window", "-t", "h", "-P", "-F", "#{pane_id}",
                        "sleep", "1000").strip()
        self.wait_logged("pane-focus-out %s" % first)
        self.wait_logged("pane-focus-in %s" % second)
        # the terminal's own focus
        c.write(b"\033[O")
        self.wait_logged("client-focus-out c")
        self.wait_logged("pane-focus-out %s" % second)
        c.write(b"\033[I")
        self.wait_logged("client-focus-in c")
        wait_for(lambda: self.logged().count("pane-focus-in %s" % second) == 2,
                 msg="the pane's focus back", describe=lambda: repr(self.logged()))
        c.close()

    def test_background_if_shell_keeps_hook_variables(self):
        pm = self.pm
        # a hook's if-shell runs in the background: its choice still sees the
        # hook's variables and has the hook's object as its current target
        pm.run("set-hook", "-g", "after-new-window",
               "if-shell -b 'sleep 0.2' "
               "{ set -gF @bg '#{hook}:#{hook_window}:#{window_id}:#{window_index}' }")
        wid, index = pm.run("new-window", "-d", "-t", "h", "-P", "-F",
                            "#{window_id} #{window_index}", "sleep", "1000").split()
        wait_for(lambda: pm.cmd("show", "-gv", "@bg").out
                 == "after-new-window:%s:%s:%s\n" % (wid, wid, index),
                 msg="the hook's variables in the background choice",
                 describe=lambda: repr(pm.cmd("show", "-gv", "@bg")))
        # also when the hook's pane is gone (pane-exited)
        pane, win = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id} #{window_id}",
                           "sh", "-c", "read x; exit 3").split()
        pm.run("set-hook", "-p", "-t", pane, "pane-exited",
               "if-shell -b true \"run-shell 'echo bg-exited #{hook} #{hook_pane} #{pane_id} "
               "#{window_id} >> %s'\"" % self.log)
        pm.send(pane, "Enter")
        self.wait_logged("bg-exited pane-exited %s %s %s" % (pane, pane, win))
        # outside hooks, a background choice has no hook variables
        pm.run("set-hook", "-gu", "after-new-window")
        pm.run("if-shell", "-b", "true", "set -gF @nohook 'x#{hook}'")
        wait_for(lambda: pm.cmd("show", "-gv", "@nohook").out == "x\n",
                 msg="no hook variables", describe=lambda: repr(pm.cmd("show", "-gv", "@nohook")))

    def test_dead_pane_keeps_its_command(self):
        pm = self.pm
        self.hook_logs("pane-exited", "#{hook_pane}=#{pane_current_command}")
        # looked at while it ran: the name it had then (not the shell that
        # started it)
        pane = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id}", "sh", "-c",
                      "exec sleep 1000").strip()
        wait_for(lambda: pm.display(pane, "#{pane_current_command}") == "sleep",
                 msg="the pane to run sleep")
        pid = int(pm.display(pane, "#{pane_pid}"))
        pmuxtest.kill_quietly(pid, signal.SIGTERM)
        self.wait_logged("pane-exited %s=sleep" % pane)
        # never looked at: as tmux, the command's first word
        pane = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id}",
                      "sleep 0.1 && exit 0").strip()
        self.wait_logged("pane-exited %s=sleep" % pane)
        # a dead pane that remains shows it too
        pm.run("set-option", "-g", "remain-on-exit", "on")
        pane = pm.run("new-window", "-d", "-t", "h", "-P", "-F", "#{pane_id}",
                      "exit 3").strip()
        wait_for(lambda: pm.display(pane, "#{pane_dead}") == "1", msg="the pane to die")
        self.assertEqual(pm.display(pane, "#{pane_current_command}"), "exit")


if __name__ == "__main__":
    pmuxtest.main()
