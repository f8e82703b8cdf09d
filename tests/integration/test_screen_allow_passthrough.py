#!/usr/bin/env python3
"""allow-passthrough: tmux's passthrough sequence, DCS tmux; data ST with
the ESCs of data doubled. Off, the whole sequence is dropped; on, its data
reaches the terminals of the clients that show the pane, at its cursor."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# A wrapped OSC 2 setting the title to "wrapped" (\167 is w: the command
# line the shell echoes does not hold the word).
WRAPPED_TITLE = "printf '\\033Ptmux;\\033\\033]2;\\167rapped\\a\\033\\\\'"
INNER = b"\x1b]2;wrapped\x07"


class AllowPassthrough(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=100, y=29)
        self.pm.new_session("T", x=100, y=29)
        self.pane = self.pm.display("S", "#{pane_id}")

    def title(self):
        return self.pm.display(self.pane, "#{pane_title}")

    def test_off_drops_the_sequence(self):
        pm = self.pm
        c = self.attach("S")
        before = self.title()
        pm.type(self.pane, WRAPPED_TITLE + "; echo after-$((6*7))")
        pm.wait_line(self.pane, "after-42")
        c.wait_text("after-42")
        self.assertEqual(self.title(), before)
        self.assertNotIn(b"]2;wrapped", c.tail)
        # nothing of it is left on the screen either
        self.assertFalse(any("tmux;" in l or "]2;" in l
                             for l in pm.screen_lines(self.pane)[1:]))

    def test_a_sequence_that_never_ends_is_given_up(self):
        pm = self.pm
        # \157 is o, \164 t: the command line does not hold the words
        pm.type(self.pane, "clear; printf '\\033Ptmux;abc'; sleep 1; printf '\\157ne\\n'; "
                "sleep 6; printf '\\164wo\\n'")
        pm.wait_line(self.pane, "two")
        self.assertNotIn("one", pm.screen_lines(self.pane))

    def test_on_sends_the_data_to_clients(self):
        pm = self.pm
        pm.run("set-option", "-g", "allow-passthrough", "on")
        c = self.attach("S")
        before = self.title()
        pm.type(self.pane, WRAPPED_TITLE + "; echo after-$((6*7))")
        pm.wait_line(self.pane, "after-42")
        wait_for(lambda: INNER in c.tail, msg="the unwrapped sequence on the client's terminal",
                 describe=lambda: repr(c.tail[-400:]))
        self.assertEqual(self.title(), before)
        # split over several writes, the ST's ESC at the end of one of them
        pm.type(self.pane, "printf '\\033Ptm'; sleep 0.2; printf 'ux;\\033\\033]2;\\163plit"
                "\\a\\033'; sleep 0.2; printf '\\\\'; echo done-$((6*7))")
        pm.wait_line(self.pane, "done-42")
        wait_for(lambda: b"\x1b]2;split\x07" in c.tail, msg="the sequence split over writes",
                 describe=lambda: repr(c.tail[-400:]))
        self.assertEqual(self.title(), before)

    def test_data_lands_at_the_pane_cursor(self):
        pm = self.pm
        pm.run("set-option", "-g", "allow-passthrough", "on")
        right = pm.run("split-window", "-h", "-t", self.pane, "-P", "-F", "#{pane_id}",
                       "-e", "PS1=" + pmuxtest.PROMPT, *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(right)
        c = self.attach("S")
        left = int(pm.display(right, "#{pane_left}"))
        # the data is text here, so it shows where the terminal's cursor was
        # (tmux 3.3a writes it before the text of the same read: ab first)
        pm.type(right, "clear; printf ab; sleep 0.3; printf '\\033Ptmux;\\120T-\\110ERE\\033\\\\'; sleep 30")
        c.wait_screen(lambda ls: ls[0][left:left + 9] == "abPT-HERE",
                      "the data after ab, at the top of the right pane")
        pm.send(right, "C-c")
        pm.wait_prompt(right)
        # not to clients that do not show the pane: another session's, or
        # one whose window is another
        other = self.attach("T")
        pm.run("new-window", "-t", "S:1")
        pm.type(right, "printf '\\033Ptmux;\\033\\033]2;\\150idden\\a\\033\\\\'; echo hid-$((6*7))")
        pm.wait_line(right, "hid-42")
        pm.run("select-window", "-t", "S:0")
        pm.type(right, WRAPPED_TITLE + "; echo after-$((6*7))")
        wait_for(lambda: INNER in c.tail, msg="the sequence on the first client")
        self.assertNotIn(b"]2;hidden", c.tail)
        self.assertNotIn(b"]2;", other.tail)

    def test_all_reaches_clients_of_other_windows(self):
        if pmuxtest.flavor() == "tmux":
            self.skipTest("allow-passthrough all is tmux 3.4's")
        pm = self.pm
        pm.run("set-option", "-g", "allow-passthrough", "all")
        self.assertEqual(pm.run("show-options", "-gv", "allow-passthrough").strip(), "all")
        pm.run("new-window", "-t", "S:1")
        c = self.attach("S:1")
        pm.type(self.pane, WRAPPED_TITLE + "; echo after-$((6*7))")
        pm.wait_line(self.pane, "after-42")
        wait_for(lambda: INNER in c.tail, msg="the sequence on a client of another window",
                 describe=lambda: repr(c.tail[-400:]))


if __name__ == "__main__":
    import unittest
    unittest.main()
