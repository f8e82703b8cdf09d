#!/usr/bin/env python3
"""The status line as the attached client's terminal shows it: style,
position, messages (display-message without -p) and window titles
(set-titles)."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class Status(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        pm.type("S", "echo first-line-$((1+1))")
        pm.wait_line("S", "first-line-2")

    def test_default_status_line(self):
        c = self.attach("S", rows=30, cols=100)
        ls = c.wait_screen(lambda ls: ls[29].startswith("[S] 0:") and "*" in ls[29],
                           "'[S] 0:...*' on the last row")
        self.assertEqual(len(ls[29]), 100, "the status line fills the row: %r" % ls[29])
        cells = c.screen.cells(29)
        # status-style bg=green,fg=black across the whole row
        self.assertEqual({cl["bg"] for cl in cells}, {"idx:2"}, cells[:3])
        c.wait_panes_match("S")

    def test_status_interval(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        pm.run("set-option", "-g", "status-right", "CLK%S")
        pm.run("set-option", "-g", "status-interval", "1")
        seen = set()

        def clock(ls):
            tail = ls[29].rstrip()
            if "CLK" in tail:
                seen.add(tail[tail.index("CLK"):])
            return len(seen) >= 3
        # redrawn by itself every second: three different seconds shown
        c.wait_screen(clock, "the clock in status-right to tick")
        # 0: never redrawn for the clock
        pm.run("set-option", "-g", "status-interval", "0")
        pm.run("set-option", "-g", "status-right", "OFF%S")
        shown = c.wait_screen(lambda ls: "OFF" in ls[29], "the new status-right")[29]
        time.sleep(2.5)
        self.assertEqual(c.lines()[29], shown, "status-interval 0 still ticks")

    def test_status_top_and_off(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "status at the bottom")
        pm.run("set-option", "-g", "status-position", "top")
        c.wait_screen(lambda ls: ls[0].startswith("[S]") and not ls[29].startswith("[S]"),
                      "status at the top")
        self.assertEqual(self.window_size("S"), (100, 29))
        # the pane is drawn below it
        c.wait_screen(lambda ls: any(l.rstrip() == "first-line-2" for l in ls[1:]),
                      "the pane's text below the status line")
        c.wait_panes_match("S")
        pm.run("set-option", "-g", "status", "off")
        wait_for(lambda: self.window_size("S") == (100, 30),
                 msg="the window takes the whole terminal with status off",
                 describe=lambda: "window %r" % (self.window_size("S"),))
        c.wait_screen(lambda ls: not any(l.startswith("[S]") for l in ls), "no status line")
        c.wait_panes_match("S")

    def test_status_left_right_and_style(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        pm.run("set-option", "-g", "status-left", "LEFT<#S>")
        pm.run("set-option", "-g", "status-right", "RIGHT-#{session_windows}")
        pm.run("set-option", "-g", "status-style", "bg=blue,fg=yellow")
        c.wait_screen(lambda ls: ls[29].startswith("LEFT<S>") and ls[29].endswith("RIGHT-1"),
                      "status-left and status-right")
        wait_for(lambda: {(cl["fg"], cl["bg"]) for cl in c.screen.cells(29)[:4]}
                 == {("idx:3", "idx:4")}, msg="status-style bg=blue,fg=yellow",
                 describe=lambda: repr(c.screen.cells(29)[:4]))

    def show_message(self, display_time):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "the status line")
        pm.run("set-option", "-g", "display-time", str(display_time))
        pm.run("display-message", "-c", c.tty, "hello-from-#{session_name}")
        c.wait_screen(lambda ls: "hello-from-S" in ls[29], "the message on the status line")
        return c

    def test_display_message_for_display_time(self):
        c = self.show_message(1500)
        # it goes away by itself after display-time
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "the status line back")
        c.wait_panes_match("S")

    def test_key_clears_message(self):
        pm = self.pm
        c = self.show_message(60000)
        c.write(b"x")
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "the status line back")
        pm.wait_text("S", "pmt$ x")

    def test_message_command_style(self):
        # status-keys vi: the prompt in command mode (after Escape) is drawn
        # in message-command-style, in insert mode in message-style
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        pm.run("set-option", "-g", "status-keys", "vi")
        pm.run("set-option", "-s", "escape-time", "0")
        pm.run("set-option", "-g", "message-command-style", "bg=red,fg=white")
        c.keys(b"\x02:")
        colours = lambda: (c.screen.cells(29)[2]["fg"], c.screen.cells(29)[2]["bg"])
        wait_for(lambda: c.lines()[29].startswith(":") and colours() == ("idx:0", "idx:3"),
                 msg="the prompt in message-style", describe=c.describe)
        c.keys(b"\x1b")
        wait_for(lambda: colours() == ("idx:7", "idx:1"), msg="message-command-style",
                 describe=c.describe)
        c.keys(b"i")
        wait_for(lambda: colours() == ("idx:0", "idx:3"), msg="insert mode again",
                 describe=c.describe)
        c.keys(b"\x03")
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "the prompt cancelled")

    def test_display_N_drops_keys_until_its_time_is_up(self):
        pm = self.pm
        c = self.show_message(60000)
        pm.run("display-message", "-N", "-d", "1500", "-c", c.tty, "no-keys-now")
        c.wait_screen(lambda ls: "no-keys-now" in ls[29], "the -N message")
        c.write(b"dropped")
        # it goes by itself, not by the keys, and the keys went nowhere
        c.wait_screen(lambda ls: ls[29].startswith("[S]"), "the status line back")
        c.write(b"kept")
        pm.wait_text("S", "pmt$ kept")
        self.assertNotIn("dropped", pm.run("capture-pane", "-p", "-t", "S"))

    def test_output_changes_status(self):
        """What pane output changes shows on the status line without anything
        else happening: a title the program sets, and a format (cursor_y)
        only output moves. status-interval 0: no timer redraws it."""
        pm = self.pm
        pm.run("set-option", "-g", "status-interval", "0")
        pm.run("set-option", "-g", "status-right", "T=#{pane_title} Y=#{cursor_y}.")
        c = self.attach("S", rows=30, cols=100)
        c.wait_screen(lambda ls: "Y=" in ls[29], "the new status-right")
        pm.type("S", "printf '\\033]2;my%s\\007'; echo done-$((2+3))" % "title")
        c.wait_screen(lambda ls: "T=mytitle " in ls[29], "the title on the status line")
        for n in (5, 12, 19):
            # the lines 1..n, then the prompt on row n
            pm.type("S", "clear; seq %d" % n)
            wait_for(lambda: pm.display("S", "#{cursor_y}") == str(n),
                     msg="the prompt on row %d" % n, describe=lambda: pm.capture("S"))
            c.wait_screen(lambda ls: "Y=%d." % n in ls[29], "Y=%d on the status line" % n)
        c.wait_panes_match("S")

    def test_set_titles(self):
        pm = self.pm
        pm.run("set-option", "-g", "set-titles", "on")
        pm.run("set-option", "-g", "set-titles-string", "T:#S:#I:#W")
        c = self.attach("S", rows=30, cols=100)
        wait_for(lambda: c.cursor()["title"].startswith("T:S:0:"),
                 msg="the terminal's title from set-titles-string",
                 describe=lambda: repr(c.cursor()))
        pm.run("rename-window", "-t", "S:0", "renamed")
        wait_for(lambda: c.cursor()["title"] == "T:S:0:renamed",
                 msg="the title following rename-window", describe=lambda: repr(c.cursor()))


if __name__ == "__main__":
    pmuxtest.main()
