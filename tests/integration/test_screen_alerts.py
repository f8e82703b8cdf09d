#!/usr/bin/env python3
"""Alerts as tmux has them: bells, activity and silence flag windows (! # ~),
fire the alert-* hooks, and reach the session's clients as a BEL, a message
or both (bell-action, visual-bell, monitor-* ...)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

STATUS = 29


class Alerts(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=100, y=29)
        self.other = self.pm.shell_window("S:1", name="other")
        self.c = self.attach("S", rows=30, cols=100)
        self.c.wait_screen(lambda ls: "1:other" in ls[STATUS], "window 1 in the window list")

    def ring(self, target, word):
        self.pm.type(target, "printf '%s\\a\\n'" % word)
        self.pm.wait_line(target, word)

    def hook(self, name):
        """Make hook name append a line to a file; return a function that
        counts the lines."""
        path = os.path.join(self.pm.tmp, name)
        self.pm.run("set-hook", "-g", name, "run-shell 'echo x >> %s'" % path)

        def count():
            try:
                with open(path) as f:
                    return len(f.readlines())
            except FileNotFoundError:
                return 0
        return count

    def bells(self):
        return self.c.cursor()["bells"]

    def wait_bells(self, n):
        wait_for(lambda: self.bells() == n, msg="%d BELs on the client's terminal" % n,
                 describe=lambda: repr(self.c.cursor()))

    def test_visual_bell_on_shows_a_message_instead(self):
        pm, c = self.pm, self.c
        pm.run("set-option", "-g", "visual-bell", "on")
        before = self.bells()
        self.ring(self.other, "one")
        c.wait_screen(lambda ls: "Bell in window 1" in ls[STATUS], "the bell message")
        # then a BEL-only bell: exactly one BEL arrives in all
        pm.run("set-option", "-g", "visual-bell", "off")
        self.ring("S:0", "two")
        self.wait_bells(before + 1)

    def test_visual_bell_both_and_current_window(self):
        pm, c = self.pm, self.c
        pm.run("set-option", "-g", "visual-bell", "both")
        before = self.bells()
        self.ring("S:0", "here")
        c.wait_screen(lambda ls: "Bell in current window" in ls[STATUS], "the bell message")
        self.wait_bells(before + 1)

    def test_bell_action_and_monitor_bell(self):
        pm = self.pm
        before = self.bells()
        pm.run("set-option", "-g", "bell-action", "none")
        self.ring("S:0", "muted")
        pm.run("set-option", "-g", "bell-action", "other")
        self.ring("S:0", "current")        # the current window: ignored
        pm.run("set-window-option", "-t", "S:1", "monitor-bell", "off")
        self.ring(self.other, "unmonitored")
        self.assertEqual(pm.display("S:1", "#{window_bell_flag}"), "0")
        pm.run("set-option", "-g", "bell-action", "current")
        self.ring("S:0", "heard")
        self.wait_bells(before + 1)
        # the flag is raised even when the action says nothing
        pm.run("set-window-option", "-t", "S:1", "monitor-bell", "on")
        pm.run("set-option", "-g", "bell-action", "none")
        self.ring(self.other, "flagged")
        self.assertEqual(pm.display("S:1", "#{window_bell_flag} #{session_alerts}"), "1 1!")
        self.assertEqual(self.bells(), before + 1)

    def test_bell_hook_every_bell(self):
        ran = self.hook("alert-bell")
        self.ring(self.other, "a")
        wait_for(lambda: ran() == 1, msg="alert-bell ran once")
        # a window already flagged still alerts, as the current one does
        self.ring(self.other, "b")
        wait_for(lambda: ran() == 2, msg="alert-bell ran for the second bell")
        self.ring("S:0", "c")
        wait_for(lambda: ran() == 3, msg="alert-bell ran for the current window")

    def test_activity_hook_once_until_seen(self):
        pm = self.pm
        ran = self.hook("alert-activity")
        pm.run("set-window-option", "-g", "monitor-activity", "on")
        pm.type(self.other, "echo one")
        pm.wait_line(self.other, "one")
        wait_for(lambda: ran() == 1, msg="alert-activity ran once")
        pm.type(self.other, "echo two")
        pm.wait_line(self.other, "two")
        pm.run("select-window", "-t", "S:1")
        pm.run("select-window", "-t", "S:0")
        pm.type(self.other, "echo three")
        pm.wait_line(self.other, "three")
        wait_for(lambda: ran() == 2, msg="alert-activity ran again once seen")

    def test_bell_style_in_window_list(self):
        c = self.c
        self.ring(self.other, "styled")
        ls = c.wait_screen(lambda ls: "1:other!" in ls[STATUS], "'1:other!'")
        col = ls[STATUS].index("1:other!")
        cells = c.screen.cells(STATUS)
        self.assertEqual(cells[col]["reverse"], 1, cells[col])
        col0 = ls[STATUS].index("0:")
        self.assertEqual(cells[col0]["reverse"], 0, cells[col0])

    def test_activity(self):
        pm, c = self.pm, self.c
        ran = self.hook("alert-activity")
        pm.run("set-window-option", "-g", "monitor-activity", "on")
        pm.type(self.other, "echo busy")
        pm.wait_line(self.other, "busy")
        wait_for(lambda: pm.display("S:1", "#{window_activity_flag}") == "1",
                 msg="#{window_activity_flag} of window 1")
        # as in tmux, window_flags doubles the # for the status line
        self.assertEqual(pm.display("S:1", "#{window_flags} #{window_raw_flags}"), "## #")
        ls = c.wait_screen(lambda ls: "1:other#" in ls[STATUS], "'1:other#'")
        cells = c.screen.cells(STATUS)
        self.assertEqual(cells[ls[STATUS].index("1:other#")]["reverse"], 1)
        wait_for(lambda: ran() >= 1, msg="alert-activity ran")
        # activity-action other (the default): the current window is ignored
        self.assertEqual(pm.display("S:0", "#{window_activity_flag}"), "0")
        pm.run("select-window", "-t", "S:1")
        c.wait_screen(lambda ls: "1:other*" in ls[STATUS] and "#" not in ls[STATUS],
                      "'1:other*' without the activity flag")

    def test_visual_activity_and_silence(self):
        pm, c = self.pm, self.c
        pm.run("set-option", "-g", "visual-activity", "on")
        pm.run("set-window-option", "-g", "monitor-activity", "on")
        pm.type(self.other, "echo busy")
        c.wait_screen(lambda ls: "Activity in window 1" in ls[STATUS], "the activity message")
        pm.run("set-window-option", "-g", "monitor-activity", "off")
        pm.run("set-option", "-g", "visual-silence", "on")
        pm.run("set-window-option", "-t", "S:1", "monitor-silence", "1")
        c.wait_screen(lambda ls: "Silence in window 1" in ls[STATUS], "the silence message")

    def test_silence(self):
        pm, c = self.pm, self.c
        ran = self.hook("alert-silence")
        pm.run("set-window-option", "-t", "S:1", "monitor-silence", "1")
        wait_for(lambda: pm.display("S:1", "#{window_silence_flag}") == "1",
                 msg="#{window_silence_flag} of window 1")
        c.wait_screen(lambda ls: "1:other~" in ls[STATUS], "'1:other~'")
        wait_for(lambda: ran() >= 1, msg="alert-silence ran")
        self.assertEqual(pm.display("S:0", "#{window_silence_flag}"), "0")


class Detached(pmuxtest.PmuxTestCase):

    def test_bell_in_detached_session_flags_current_window(self):
        pm = self.pm
        pm.shell_session("D")
        pm.type("D:0", "printf 'x\\a\\n'")
        pm.wait_line("D:0", "x")
        wait_for(lambda: pm.display("D:0", "#{window_bell_flag}") == "1",
                 msg="the bell flag on the current window of a detached session")
        self.assertEqual(pm.display("D", "#{session_alerts}"), "0!")

    def test_next_and_previous_window_with_alert(self):
        pm = self.pm
        pm.shell_session("D")
        for i in (1, 2, 3):
            pm.shell_window("D:%d" % i)
        for i in (1, 3):
            pm.type("D:%d" % i, "printf 'x\\a\\n'")
            pm.wait_line("D:%d" % i, "x")
        wait_for(lambda: pm.display("D", "#{session_alerts}") == "1!,3!", msg="bells in 1 and 3")
        pm.run("next-window", "-a", "-t", "D")
        self.assertEqual(pm.display("D", "#{window_index} #{session_alerts}"), "1 3!")
        pm.run("previous-window", "-a", "-t", "D")   # wraps round to 3
        self.assertEqual(pm.display("D", "#{window_index} #{session_alerts}"), "3 ")
        r = pm.cmd("next-window", "-a", "-t", "D")
        self.assertEqual(r.rc, 1)
        self.assertIn("no next window", r.err)


if __name__ == "__main__":
    pmuxtest.main()
