#!/usr/bin/env python3
"""Keys of an attached client: the prefix and tmux's default bindings,
bind-key/unbind-key (-n, -T, -r), list-keys, send-prefix, the command
prompt (C-b :) with its editing keys and history, confirm-before, and a
read-only client that may only detach."""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402

PREFIX = b"\x02"
F5 = b"\x1b[15~"
UP = b"\x1b[A"
LEFT = b"\x1b[D"


class Keys(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("k")
        self.c = self.attach()

    def attach(self, *flags):
        c = AttachedClient(self.pm, "attach-session", *flags, "-t", "k")
        c.wait_output(pmuxtest.PROMPT.rstrip().encode())
        return c

    def windows(self):
        out = self.pm.run("list-windows", "-t", "k", "-F", "#{window_name}")
        return [l for l in out.splitlines() if l]

    def panes(self):
        return len(self.pm.run("list-panes", "-t", "k").splitlines())

    def wait_windows(self, n):
        return wait_for(lambda: len(self.windows()) == n, msg="%d windows" % n,
                        describe=lambda: "windows: %r" % self.windows())

    def wait_window_named(self, name):
        wait_for(lambda: name in self.windows(), msg="a window named %r" % name,
                 describe=lambda: "windows: %r" % self.windows())

    def sync(self):
        """Wait until every key written so far has been handled: a split
        made with C-b % must show up (the keys are handled in order)."""
        n = self.panes()
        self.c.write(PREFIX + b"%")
        wait_for(lambda: self.panes() == n + 1, msg="the split that marks the keys handled")

    # -- bindings

    def test_root_binding(self):
        self.pm.run("bind-key", "-n", "F5", "new-window")
        self.c.write(F5)
        self.wait_windows(2)

    def test_default_prefix_bindings(self):
        self.c.write(PREFIX + b"c")
        self.wait_windows(2)
        self.c.write(PREFIX + b"%")
        wait_for(lambda: self.panes() == 2, msg="two panes after C-b %")
        self.c.write(PREFIX + b'"')
        wait_for(lambda: self.panes() == 3, msg="three panes after C-b \"")

    def test_prefix_digit(self):
        self.c.write(PREFIX + b"c")
        self.wait_windows(2)
        if self.pm.cmd("select-window", "-t", ":=1").rc != 0:
            self.skipTest("targets do not take tmux's exact-match :=N yet")
        self.c.write(PREFIX + b"0")
        wait_for(lambda: self.pm.display("k", "#{window_index}") == "0",
                 msg="window 0 current after C-b 0")

    def test_unbind_key(self):
        self.pm.run("unbind-key", "c")
        self.c.write(PREFIX + b"c")
        self.sync()
        self.assertEqual(len(self.windows()), 1)
        self.assertNotRegex(self.pm.run("list-keys", "-T", "prefix"),
                            re.compile(r"^bind-key\s+-T prefix\s+c\s", re.M))
        self.pm.run("unbind-key", "-a", "-T", "prefix")
        # an empty table is gone
        self.assertEqual(self.pm.cmd("list-keys", "-T", "prefix").rc, 1)
        # keys after the prefix are dropped; F5 (root) marks them handled
        self.pm.run("bind-key", "-n", "F5", "split-window")
        # (three keys in one write would be a paste to assume-paste-time)
        self.pm.run("set-option", "-g", "assume-paste-time", "0")
        n = self.panes()
        self.c.write(PREFIX + b"c" + F5)
        wait_for(lambda: self.panes() == n + 1, msg="the split from F5")
        self.assertEqual(len(self.windows()), 1)

    def test_unbind_root(self):
        self.pm.run("bind", "-n", "F5", "new-window")
        self.pm.run("unbind", "-n", "F5")
        self.c.write(F5)
        self.sync()
        self.assertEqual(len(self.windows()), 1)

    def test_list_keys(self):
        # one key bound nowhere: an error, as tmux
        for args in (("-T", "prefix", "F5"), ("-1N", "F5")):
            r = self.pm.cmd("list-keys", *args)
            self.assertNotEqual(r.rc, 0, r)
            self.assertEqual(r.err.strip(), "unknown key: F5")
        out = self.pm.run("list-keys")
        for pat in (r"^bind-key\s+-T prefix\s+c\s+new-window$",
                    r"^bind-key\s+-T prefix\s+\\%\s+split-window -h$",
                    r'^bind-key\s+-T prefix\s+\\"\s+split-window$',
                    r"^bind-key\s+-T prefix\s+d\s+detach-client$",
                    r"^bind-key -r -T prefix\s+Up\s+select-pane -U$",
                    r"^bind-key\s+-T prefix\s+C-b\s+send-prefix$",
                    r'^bind-key\s+-T prefix\s+x\s+confirm-before -p "kill-pane #P\? '
                    r'\(y/n\)" kill-pane$'):
            self.assertRegex(out, re.compile(pat, re.M))
        self.pm.run("bind-key", "-T", "custom", "-N", "make one", "x", "new-window",
                    "-n", "two words")
        out = self.pm.run("lsk", "-T", "custom")
        self.assertEqual(out, 'bind-key -T custom x new-window -n "two words"\n')
        # an alias or a prefix of a command's name is shown as its full name, as tmux
        self.pm.run("bind-key", "-T", "other", "y", "send", "~/x", "")
        self.pm.run("bind-key", "-T", "other", "z", "killp")
        # checked when bound, as tmux: flags and the number of arguments; a
        # command-alias (split-pane) is a command
        self.assertNotEqual(self.pm.cmd("bind-key", "-T", "bad", "a", "new-window", "-Q").rc, 0)
        self.assertNotEqual(self.pm.cmd("bind-key", "-T", "bad", "b", "kill-pane", "x").rc, 0)
        self.pm.run("bind-key", "-T", "alias", "c", "split-pane", "-h")
        self.assertIn("split-window -h", self.pm.run("lsk", "-T", "alias"))
        self.assertEqual(self.pm.run("lsk", "-T", "other"),
                         "bind-key -T other y send-keys \\~/x ''\n"
                         "bind-key -T other z kill-pane\n")
        self.assertEqual(self.pm.run("list-keys", "-N", "-T", "custom"), "x make one\n")
        notes = self.pm.run("list-keys", "-N")
        self.assertRegex(notes, re.compile(r"^C-b c\s+Create a new window$", re.M))
        # as tmux: root notes first, indented like the prefix ones; with
        # -T no prefix key in front
        self.pm.run("bind-key", "-N", "root note", "-n", "F6", "new-window")
        notes = self.pm.run("list-keys", "-N").splitlines()
        self.assertEqual(notes[0], "    F6      root note")
        self.assertEqual(notes[1], "C-b C-b     Send the prefix key")
        self.assertEqual(self.pm.run("list-keys", "-N", "-T", "prefix").splitlines()[0],
                         "C-b     Send the prefix key")
        self.assertEqual(self.pm.run("list-keys", "-N", "-P", "> ", "-T", "prefix",
                                     "c"), "> c Create a new window\n")
        r = self.pm.cmd("list-keys", "-T", "nosuch")
        self.assertEqual(r.rc, 1, r)
        r = self.pm.cmd("bind-key", "F5", "no-such-command")
        self.assertEqual(r.rc, 1, r)
        self.assertIn("unknown command", r.err)
        r = self.pm.cmd("bind-key", "NoSuchKey", "new-window")
        self.assertEqual(r.rc, 1, r)

    def test_repeat(self):
        self.pm.run("set-option", "-g", "repeat-time", "3000")
        self.pm.run("bind-key", "-r", "a", "new-window")
        self.c.write(PREFIX + b"a")
        self.wait_windows(2)
        self.c.write(b"a")       # within repeat-time: no prefix needed
        self.wait_windows(3)
        self.c.write(PREFIX + b"c")
        self.wait_windows(4)
        self.c.write(b"c")       # c is not repeatable: it goes to the pane
        self.pm.wait_text("k", "c")
        self.assertEqual(len(self.windows()), 4)

    def test_repeat_time_runs_out(self):
        self.pm.run("set-option", "-g", "repeat-time", "200")
        self.pm.run("bind-key", "-r", "a", "new-window")
        self.c.write(PREFIX + b"a")
        self.wait_windows(2)
        time.sleep(0.5)
        self.c.write(b"echo a-went-to-the-pane\r")
        self.pm.wait_line(self.pm.display("k", "#{pane_id}"), "a-went-to-the-pane")
        self.assertEqual(len(self.windows()), 2)

    # -- the prefix

    def test_send_prefix(self):
        self.pm.type("k", "cat -v")
        self.pm.wait_foreground("k", ["cat", "-v"])
        self.c.write(PREFIX + PREFIX + b"\r")   # C-b C-b: send-prefix
        # each line twice: the terminal's echo (^B), then cat -v's
        wait_for(lambda: self.pm.screen_lines("k").count("^B") == 2,
                 msg="two ^B lines", describe=self.pm.describe("k"))
        self.pm.run("send-prefix", "-t", "k")
        self.pm.send("k", "Enter")
        wait_for(lambda: self.pm.screen_lines("k").count("^B") == 4,
                 msg="four ^B lines", describe=self.pm.describe("k"))

    def test_prefix_option(self):
        self.pm.run("set-option", "-g", "prefix", "C-a")
        self.c.write(b"\x01c")
        self.wait_windows(2)
        self.pm.run("set-option", "-g", "prefix2", "F6")
        self.c.write(b"\x1b[17~c")
        self.wait_windows(3)

    # -- the command prompt

    def test_command_prompt(self):
        self.c.write(PREFIX + b":")
        self.c.wait_output(b":")
        self.c.write(b"new-window -n viaprompt\r")
        self.wait_window_named("viaprompt")

    def test_prompt_editing(self):
        # C-u clears, Left moves, C-a/C-e go to the ends, C-w deletes a word
        self.c.write(PREFIX + b":" + b"garbage\x15new-window -n ab" + LEFT + b"X\r")
        self.wait_window_named("aXb")
        self.c.write(PREFIX + b":" + b"-n zz\x01new-window \x05 junk\x17\x08\r")
        self.wait_window_named("zz")
        # history: Up brings back the last command
        self.c.write(PREFIX + b":" + UP + b"\r")
        wait_for(lambda: self.windows().count("zz") == 2, msg="a second zz window",
                 describe=lambda: "windows: %r" % self.windows())

    def test_prompt_history_is_the_servers(self):
        pm = self.pm
        hist = os.path.join(pm.tmp, "prompt-history")
        pm.run("set-option", "-s", "history-file", hist)
        self.c.write(PREFIX + b":")
        self.c.wait_output(b":")
        self.c.write(b"new-window -n fromhist\r")
        self.wait_window_named("fromhist")
        out = pm.run("show-prompt-history", "-T", "command")
        self.assertEqual(out, "History for command:\n\n1: new-window -n fromhist\n\n")
        self.assertIn("History for search:", pm.run("show-prompt-history"))
        wait_for(lambda: os.path.exists(hist) and
                 open(hist).read() == "command:new-window -n fromhist\n",
                 msg="the history file written",
                 describe=lambda: open(hist).read() if os.path.exists(hist) else "none")
        # another client's prompt has the same history (Up)
        other = AttachedClient(pm, "attach-session", "-t", "k")
        other.wait_output(b"fromhist")
        other.write(PREFIX + b":")
        other.wait_output(b":")
        other.write(UP + b"\r")
        wait_for(lambda: self.windows().count("fromhist") == 2, msg="a second fromhist window",
                 describe=lambda: "windows: %r" % self.windows())
        r = pm.cmd("show-prompt-history", "-T", "bogus")
        self.assertNotEqual(r.rc, 0)
        self.assertEqual(r.err.strip(), "invalid type: bogus")
        pm.run("clear-prompt-history")
        self.assertNotIn("1:", pm.run("show-prompt-history"))
        wait_for(lambda: open(hist).read() == "", msg="the history file emptied")

    def test_prompt_history_file_read_at_start(self):
        pm = self.pm
        hist = os.path.join(pm.tmp, "hist-in")
        with open(hist, "w") as f:
            f.write("command:display-message one\nsearch:needle\nold plain line\n")
        conf = os.path.join(pm.tmp, "hist.conf")
        with open(conf, "w") as f:
            f.write("set -s history-file %s\n" % hist)
        pm.run("kill-server")
        self.c.wait_exit()
        pm.config = conf
        pm.run("new-session", "-d", "-s", "k")
        out = pm.run("show-prompt-history")
        self.assertIn("History for command:\n\n1: display-message one\n2: old plain line\n", out)
        self.assertIn("History for search:\n\n1: needle\n", out)

    def test_user_keys(self):
        pm = self.pm
        pm.run("set-option", "-s", "user-keys[0]", "\x1b[5;30012~")
        pm.run("set-option", "-s", "user-keys[2]", "\x1b]zz\x07")
        pm.run("bind-key", "-n", "User0", "set-option", "-g", "@u", "zero")
        pm.run("bind-key", "-n", "User2", "set-option", "-g", "@v", "two")
        self.assertIn("User0", pm.run("list-keys", "-T", "root"))
        pm.type("k", "cat -v")
        pm.wait_proc("k", ["cat", "-v"])
        # in the middle of other keys, in one write
        self.c.write(b"ab\x1b[5;30012~cd\x1b]zz\x07ef\r")
        wait_for(lambda: pm.display("k", "#{@u}/#{@v}") == "zero/two",
                 msg="both user keys' bindings", describe=lambda: pm.display("k", "#{@u}/#{@v}"))
        # what was around them reached the program; the sequences did not
        pm.wait_line("k", "abcdef")
        # unbound, a user key goes nowhere
        pm.run("unbind-key", "-n", "User0")
        self.c.write(b"g\x1b[5;30012~h\r")
        pm.wait_line("k", "gh")
        r = pm.cmd("bind-key", "-n", "User1000", "display", "x")
        self.assertNotEqual(r.rc, 0)

    def test_user_keys_split_between_reads(self):
        pm = self.pm
        pm.run("set-option", "-s", "escape-time", "2000")
        pm.run("set-option", "-s", "user-keys[0]", "\x1b[5;30012~")
        pm.run("bind-key", "-n", "User0", "set-option", "-g", "@u", "zero")
        pm.type("k", "cat -v")
        pm.wait_proc("k", ["cat", "-v"])
        # a sequence that arrives in two reads of the terminal is still one key
        self.c.write(b"a\x1b[5;3")
        time.sleep(0.3)
        self.c.write(b"0012~b\r")
        wait_for(lambda: pm.display("k", "#{@u}") == "zero",
                 msg="the split user key's binding", describe=lambda: pm.display("k", "#{@u}"))
        pm.wait_line("k", "ab")
        # a start that stops is keys once escape-time has passed, in order
        pm.run("set-option", "-g", "@u", "")
        self.c.write(b"c\x1b[5;3")
        time.sleep(2.5)
        self.c.write(b"d\r")
        pm.wait_line("k", "c^[[5;3d")
        self.assertEqual(pm.display("k", "#{@u}"), "")

    def test_unfinished_sequence_keeps_its_order(self):
        # libtickit lets go of an unfinished sequence one key at a time
        pm = self.pm
        pm.run("set-option", "-s", "escape-time", "300")
        pm.type("k", "cat -v")
        pm.wait_proc("k", ["cat", "-v"])
        self.c.write(b"c\x1b[5;3")
        time.sleep(1.5)
        self.c.write(b"d\r")
        pm.wait_line("k", "c^[[5;3d")

    def test_prompt_cancel(self):
        self.c.write(PREFIX + b":new-window -n cancelled\x03")
        self.c.write(PREFIX + b":new-window -n escaped\x1b")
        # A lone Escape is a key once the escape timeout has passed; keys
        # sent before then would join it (M-C-b), so give it ample time.
        time.sleep(1.0)
        self.sync()
        self.assertEqual(len(self.windows()), 1, self.windows())

    def test_prompt_vi_keys(self):
        self.pm.run("set-option", "-g", "status-keys", "vi")
        self.c.write(PREFIX + b":new-window -n xx\x1b")
        time.sleep(1.0)          # the lone Escape: command mode
        self.c.write(b"bDavi\r")   # word left, delete to the end, append
        self.wait_window_named("vi")
        self.c.write(PREFIX + b":new-window -n never\x1b")
        time.sleep(1.0)
        self.c.write(b"\x1b")   # twice: cancelled
        time.sleep(1.0)
        self.sync()
        self.assertNotIn("never", self.windows())

    def test_prompt_error_on_status_line(self):
        start = len(self.c.output)
        self.c.write(PREFIX + b":nosuchcommand\r")
        self.c.wait_output(b"unknown command: nosuchcommand", since=start)

    def test_rename_window_prompt(self):
        self.c.write(PREFIX + b",")
        time.sleep(0.1)
        self.c.write(b"\x15renamed\r")
        self.wait_window_named("renamed")

    def test_prompt_several_and_single_key(self):
        # run from the shell: the prompt goes to the attached client (-b:
        # tmux would otherwise make the command wait for the answers)
        self.pm.run("command-prompt", "-b", "-p", "first,second", "rename-window '%1-%2'")
        self.c.wait_output(b"first")
        self.c.write(b"x y\r")
        self.c.wait_output(b"second")
        self.c.write(b"it's\r")
        self.wait_window_named("x y-it's")
        self.pm.run("command-prompt", "-b", "-1", "-p", "key", "rename-window 'k%%'")
        self.c.wait_output(b"key")
        self.c.write(b"q")
        self.wait_window_named("kq")
        self.pm.run("command-prompt", "-b", "-I", "#{session_name}-input", "rename-window '%%'")
        self.c.write(b"\r")
        self.wait_window_named("k-input")

    def test_confirm_before(self):
        self.c.write(PREFIX + b"%")
        wait_for(lambda: self.panes() == 2, msg="two panes")
        self.c.write(PREFIX + b"x")
        self.c.wait_output(b"(y/n)")
        self.c.write(b"n")
        self.sync()
        self.assertEqual(self.panes(), 3)
        self.c.write(PREFIX + b"x" + b"y")
        wait_for(lambda: self.panes() == 2, msg="a pane killed after C-b x y")

    # -- read-only

    def test_readonly_client(self):
        ro = self.attach("-r")
        ro.write(PREFIX + b"c")
        ro.write(PREFIX + b":new-window\r")
        self.sync()                  # through the other client
        self.assertEqual(len(self.windows()), 1)
        # switching sessions is allowed (C-b ), switch-client -n), as in tmux
        self.pm.shell_session("k2")
        ro.write(PREFIX + b")")
        wait_for(lambda: "k2" in self.pm.run("list-clients", "-F",
                                               "#{client_readonly} #{session_name}"),
                 msg="the read-only client switched to k2")
        self.assertEqual(len(self.pm.run("list-windows", "-t", "k2").splitlines()), 1)
        ro.write(PREFIX + b"d")
        self.assertEqual(ro.wait_exit(), 0)


if __name__ == "__main__":
    pmuxtest.main()
