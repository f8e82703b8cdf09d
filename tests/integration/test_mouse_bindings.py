#!/usr/bin/env python3
"""The mouse is bindable, as in tmux: the client's mouse reports (SGR 1006,
ESC [ < button ; column ; row M or m, 1-based) become keys such as
MouseDown1Pane, WheelUpStatus or DoubleClick1Pane, looked up in the key
tables; the default behaviour is tmux's default bindings, which list-keys
shows and unbind-key removes. Commands run from a mouse binding see the
event: the = target, send-keys -M, #{mouse_x}, #{mouse_word}..."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import sgr, click  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402


class MouseBindings(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        pm.run("set-option", "-g", "mouse", "on")
        pm.run("set-option", "-g", "status-left", "[LEFT]")
        pm.run("set-option", "-g", "status-right", "[RIGHT]")
        self.left = pm.display("S", "#{pane_id}")
        self.right = pm.run("split-window", "-h", "-t", self.left, "-P", "-F", "#{pane_id}",
                            "-e", "PS1=" + pmuxtest.PROMPT, "-e", "HISTFILE=/dev/null",
                            *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(self.right)
        pm.wait_prompt(self.left)

    def attach(self):
        c = AttachedClient(self.pm, "attach-session", "-t", "S", rows=30, cols=100)
        c.wait_output(b"\x1b[?1006h")
        wait_for(lambda: self.pm.display("S", "#{session_attached}") == "1",
                 msg="the client attached")
        return c

    def source(self, text):
        path = os.path.join(self.pm.tmp, "bindings.conf")
        with open(path, "w") as f:
            f.write(text)
        self.pm.run("source-file", path)

    def geometry(self, pane):
        out = self.pm.display(pane, "#{pane_left} #{pane_top} #{pane_width} #{pane_height}")
        return tuple(int(v) for v in out.split())

    def option(self, name):
        r = self.pm.cmd("show-options", "-gqv", name)
        return r.out.strip()

    def wait_option(self, name, want, what):
        wait_for(lambda: self.option(name) == want, msg=what,
                 describe=lambda: "%s is %r" % (name, self.option(name)))

    def active(self):
        return self.pm.display("S", "#{pane_id}")

    def test_list_keys_shows_the_defaults(self):
        pm = self.pm
        out = pm.run("list-keys", "-T", "root", "MouseDown1Pane")
        self.assertEqual(out.split(None, 4)[3:], ["MouseDown1Pane",
                                                  "select-pane -t = \\; send-keys -M\n"])
        root = pm.run("list-keys", "-T", "root")
        for key in ("MouseDown1Status", "MouseDown2Pane", "MouseDrag1Pane", "MouseDrag1Border",
                    "WheelUpPane", "WheelUpStatus", "WheelDownStatus", "DoubleClick1Pane",
                    "TripleClick1Pane"):
            self.assertIn(" %s " % key, root)
        self.assertIn("resize-pane -M", root)
        for table in ("copy-mode", "copy-mode-vi"):
            keys = pm.run("list-keys", "-T", table)
            self.assertIn("MouseDragEnd1Pane", keys)
            self.assertIn("select-pane \\; send-keys -X -N 5 scroll-up", keys)
        # the names are case-insensitive and print back as tmux spells them
        pm.run("bind-key", "-n", "c-m-wheeldownstatusright", "display-message", "x")
        self.assertIn("C-M-WheelDownStatusRight display-message x",
                      " ".join(pm.run("list-keys", "-T", "root").split()))
        r = pm.cmd("bind-key", "-n", "MouseDown4Pane", "display-message", "x")
        self.assertNotEqual(r.rc, 0)
        self.assertIn("unknown key: MouseDown4Pane", r.err)

    def test_bound_click_runs_with_the_event(self):
        """A bound click runs its command with the pane under the pointer
        as the current pane, and the mouse formats filled in."""
        pm = self.pm
        self.source('bind -n MouseDown1Pane set -gF @clicked '
                    '"#{pane_id} #{mouse_x} #{mouse_y} #{mouse_word}"\n')
        pm.type(self.left, "echo alpha beta-gamma")
        pm.wait_line(self.left, "alpha beta-gamma")
        row = pm.screen_lines(self.left).index("alpha beta-gamma")
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        c.write(click(left + 7, top + row))
        self.wait_option("@clicked", "%s 7 %d beta" % (self.left, row),
                         "the binding's option to name the pane, place and word clicked")
        # the binding replaced select-pane: the right pane is still active
        self.assertEqual(self.active(), self.right)

    def test_unbinding_a_default_removes_its_behaviour(self):
        pm = self.pm
        c = self.attach()
        left, top, width, height = self.geometry(self.left)
        c.write(click(left + 2, top + 2))
        wait_for(lambda: self.active() == self.left, msg="the default: a click selects")
        pm.run("select-pane", "-t", self.right)
        pm.run("unbind-key", "-n", "MouseDown1Pane")
        # unbound, the press goes to a program that asked for the mouse
        out = pm.start_recorder(self.left, "1000", "1006")
        c.write(click(left + 3, top + 4))
        wait_for(lambda: b"\x1b[<0;4;5M\x1b[<0;4;5m" in pmuxtest.recorded(out),
                 msg="the unbound click to reach the program",
                 describe=lambda: repr(pmuxtest.recorded(out)))
        self.assertEqual(self.active(), self.right, "an unbound click selected the pane")

    def test_status_line_places(self):
        pm = self.pm
        self.source('bind -n MouseDown1StatusLeft set -g @where left\n'
                    'bind -n MouseDown1StatusRight set -g @where right\n'
                    'bind -n MouseDown1StatusDefault set -g @where default\n'
                    'bind -n MouseDown3Status if -F -t = "#{==:#{window_index},1}" '
                    '"set -g @where window-1" "set -g @where not-window-1"\n')
        pm.run("new-window", "-d", "-t", "S:1")
        pm.run("set-option", "-g", "window-status-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-current-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-separator", "--")
        c = self.attach()
        # (apart, so that tmux does not take the clicks for a double click)
        c.write(click(2, 29))
        self.wait_option("@where", "left", "a click on status-left")
        time.sleep(0.4)
        c.write(click(97, 29))
        self.wait_option("@where", "right", "a click on status-right")
        time.sleep(0.4)
        c.write(click(50, 29))
        self.wait_option("@where", "default", "a click elsewhere on the status line")
        time.sleep(0.4)
        # "[LEFT]<0:w>--<1:w>": window 1's entry is at columns 13-17
        c.write(click(14, 29, button=2))
        self.wait_option("@where", "window-1", "a right click on window 1 (= is that window)")

    def test_double_and_triple_click_keys(self):
        pm = self.pm
        self.source('bind -n DoubleClick1Pane set -gF @dbl "#{mouse_word}"\n'
                    'bind -n TripleClick1Pane set -gF @tpl "#{mouse_line}"\n'
                    'bind -n SecondClick1Pane set -ga @second x\n')
        pm.type(self.left, "echo one two three")
        pm.wait_line(self.left, "one two three")
        row = pm.screen_lines(self.left).index("one two three")
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        c.write(click(left + 5, top + row) * 2)
        self.wait_option("@dbl", "two", "a double click's word")
        self.assertEqual(self.option("@second"), "x")
        time.sleep(0.4)  # apart from the next clicks
        c.write(click(left + 9, top + row) * 3)
        self.wait_option("@tpl", "one two three", "a triple click's line")
        self.assertEqual(self.option("@second"), "xx")
        time.sleep(0.5)
        self.assertEqual(self.option("@dbl"), "two", "a triple click also made a double")

    def test_modifiers_and_border(self):
        pm = self.pm
        self.source('bind -n M-MouseDown1Pane set -gF @alt "#{pane_id}"\n'
                    'bind -n MouseDown1Border set -gF @border "#{pane_id}"\n')
        c = self.attach()
        left, top, width, height = self.geometry(self.left)
        c.write(click(left + 1, top + 1, button=8))  # Meta: +8
        self.wait_option("@alt", self.left, "Meta and a click")
        self.assertEqual(self.active(), self.right, "M-MouseDown1Pane is not MouseDown1Pane")
        time.sleep(0.4)
        c.write(click(left + width, 3))
        self.wait_option("@border", self.left, "a click on the border right of the left pane")

    def test_copy_mode_vi_drag_end_pipes(self):
        """The brief's example: bind -T copy-mode-vi MouseDragEnd1Pane
        send -X copy-pipe-and-cancel "command"."""
        pm = self.pm
        out = os.path.join(pm.tmp, "copied.txt")
        pm.run("set-option", "-g", "mode-keys", "vi")
        pm.run("bind-key", "-T", "copy-mode-vi", "MouseDragEnd1Pane", "send-keys", "-X",
               "copy-pipe-and-cancel", "cat > %s" % out)
        pm.type(self.left, "echo red green blue")
        pm.wait_line(self.left, "red green blue")
        row = pm.screen_lines(self.left).index("red green blue")
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        c.write(sgr(0, left + 4, top + row) + sgr(32, left + 6, top + row)
                + sgr(32, left + 8, top + row) + sgr(0, left + 8, top + row, release=True))
        wait_for(lambda: os.path.exists(out) and open(out).read() == "green",
                 msg="the dragged text piped to the command (vi: the cursor's cell included)",
                 describe=lambda: repr(open(out).read()) if os.path.exists(out) else "no file")
        wait_for(lambda: pm.display(self.left, "#{pane_in_mode}") == "0",
                 msg="copy mode left")
        self.assertEqual(self.active(), self.left)

    def test_wheel_binding_from_a_common_config(self):
        """bind -n WheelUpPane if -F "#{mouse_any_flag}" "send -M" "copy-mode -e":
        the wheel enters copy mode (tmux's copy-mode -e does not scroll), and
        goes to a program that asked for the mouse."""
        pm = self.pm
        self.source('bind -n WheelUpPane if -F "#{mouse_any_flag}" "send -M" "copy-mode -e"\n')
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        c.write(sgr(64, left + 2, top + 2))
        wait_for(lambda: pm.display(self.left, "#{pane_in_mode} #{scroll_position}") == "1 0",
                 msg="copy mode entered by the wheel")
        rl, rt, _, _ = self.geometry(self.right)
        out = pm.start_recorder(self.right, "1000", "1006")
        self.assertEqual(pm.display(self.right, "#{mouse_any_flag} #{mouse_all_flag}"), "1 0")
        c.write(sgr(64, rl + 1, rt + 1))
        wait_for(lambda: b"\x1b[<64;2;2M" in pmuxtest.recorded(out),
                 msg="send -M to pass the wheel to the program",
                 describe=lambda: repr(pmuxtest.recorded(out)))

    def test_status_line_at_the_top(self):
        pm = self.pm
        pm.run("set-option", "-g", "status-position", "top")
        pm.run("set-option", "-g", "window-status-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-current-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-separator", "--")
        pm.run("new-window", "-d", "-t", "S:1")
        self.source('bind -n MouseDown1Pane set -gF @at "#{pane_id} #{mouse_y}"\n')
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        c.write(click(left + 1, top + 1 + 3))  # the window starts on row 1
        self.wait_option("@at", "%s 3" % self.left, "a click in the left pane, row 3")
        time.sleep(0.4)  # (tmux would take a quick second click for a double one)
        c.write(click(14, 0))  # "[LEFT]<0:w>--<1:w>"
        wait_for(lambda: pm.display("S", "#{window_index}") == "1",
                 msg="a click on window 1 in the status line at the top")

    def test_binding_waits_and_outlives_its_client(self):
        """A binding's list waits for run-shell -d (as tmux's DoubleClick1Pane
        does) and goes on with the event's pane after its client detached."""
        pm = self.pm
        self.source('bind -n MouseDown1Pane set -g @a 1 \\; run-shell -d 0.5 \\; '
                    'set -gF @b "#{pane_id}"\n')
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        c.write(click(left + 1, top + 1))
        self.wait_option("@a", "1", "the start of the list")
        if pmuxtest.flavor() == "pmux":
            # (tmux does not detach this client while its list waits)
            c.write(b"\x02d")
            self.assertEqual(c.wait_exit(), 0)
        self.wait_option("@b", self.left, "the rest of the list, after the delay")
        self.assertEqual(pm.run("display-message", "-p", "ok"), "ok\n")

    def test_buffer_mode_takes_clicks(self):
        """In buffer mode a double click chooses the line clicked (pastes
        that buffer), as in tmux's mode tree."""
        pm = self.pm
        pm.run("set-buffer", "-b", "first", "echo first-$((1+1))")
        time.sleep(1.1)  # buffer mode lists the newest first, by time
        pm.run("set-buffer", "-b", "second", "echo second-$((2+2))")
        c = self.attach()
        pm.run("choose-buffer", "-t", self.left)
        wait_for(lambda: pm.display(self.left, "#{pane_in_mode}") == "1",
                 msg="buffer mode")
        left, top, _, _ = self.geometry(self.left)
        c.wait_output(b"first")
        c.write(click(left + 5, top + 1) * 2)  # the second line: "first"
        pm.wait_text(self.left, "echo first-$((1+1))")
        wait_for(lambda: pm.display(self.left, "#{pane_in_mode}") == "0",
                 msg="buffer mode left")
        pm.send(self.left, "Enter")
        pm.wait_line(self.left, "first-2")

    def test_two_status_lines(self):
        """With status 2 the window list is on the first status line; the
        second (tmux's list of panes) has no windows to click."""
        pm = self.pm
        pm.run("set-option", "-g", "status", "2")
        pm.run("set-option", "-g", "window-status-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-current-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-separator", "--")
        pm.run("new-window", "-d", "-t", "S:1")
        self.source('bind -n MouseDown1StatusDefault set -g @where default\n')
        c = self.attach()
        c.write(click(14, 28))  # "[LEFT]<0:w>--<1:w>" on row 28
        wait_for(lambda: pm.display("S", "#{window_index}") == "1",
                 msg="a click on window 1 on the first status line")
        time.sleep(0.4)
        c.write(click(14, 29))
        self.wait_option("@where", "default", "a click on the second status line")
        self.assertEqual(pm.display("S", "#{window_index}"), "1")

    def test_right_click_menu(self):
        """tmux's MouseDown3Pane: a pane whose program does not take the
        mouse gets a menu, whose items know the word clicked."""
        pm = self.pm
        pm.type(self.left, "echo apple banana")
        pm.wait_line(self.left, "apple banana")
        row = pm.screen_lines(self.left).index("apple banana")
        c = self.attach()
        left, top, _, _ = self.geometry(self.left)
        start = len(c.output)
        # held: as in tmux, releasing the button off the menu's items would
        # close it
        c.write(sgr(2, left + 8, top + row))
        c.wait_output(b"Copy", since=start)
        c.wait_output(b"banana", since=start)
        c.write(b"c")  # "Copy banana": set-buffer "#{q:mouse_word}"
        wait_for(lambda: pm.cmd("show-buffer").out == "banana",
                 msg="the menu's Copy item to copy the word clicked",
                 describe=lambda: pm.cmd("list-buffers").out)

    def test_mouse_target_needs_a_mouse_event(self):
        pm = self.pm
        for argv in (("select-pane", "-t", "="), ("send-keys", "-M"),
                     ("select-window", "-t", "{mouse}")):
            r = pm.cmd(*argv)
            self.assertNotEqual(r.rc, 0, argv)
            self.assertIn("no mouse target", r.err)


if __name__ == "__main__":
    pmuxtest.main()
