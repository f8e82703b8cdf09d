#!/usr/bin/env python3
"""Every status line as tmux draws it from status-format: #[range=] parts a
mouse click finds (a window's range selects it with the default
MouseDown1Status binding, range=left and range=right give StatusLeft and
StatusRight, anything else StatusDefault) and the #[list=] window list,
scrolled to its focus with its markers when it does not fit; on a second
line of one's own and on a first line changed from tmux's default.

The expected lines were read off tmux 3.3a; the tests pass against it
(PMUX_BIN=/usr/bin/tmux)."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import click, wait_for  # noqa: E402

# A list of windows "<i:wi> " with the current one "(i:wi) " its focus, its
# markers "<<" and ">>", "A" before it, "AFTER" and "RR" after.
LIST_LINE = ("A#[list=on align=left]#[list=left-marker]<<#[list=right-marker]>>#[list=on]"
             "#{W:#[range=window|#{window_index}]<#I:#W>#[norange] ,"
             "#[range=window|#{window_index} list=focus](#I:#W)#[norange list=on] }"
             "#[nolist]AFTER#[align=right range=right]RR#[norange]")


class StatusRanges(screen.ScreenTestCase):

    def make_session(self, windows, cols):
        pm = self.pm
        pm.new_session("S", "sleep 100000", x=cols, y=8, flags=["-n", "w0"])
        for i in range(1, windows):
            pm.run("new-window", "-d", "-t", "S:%d" % i, "-n", "w%d" % i, "sleep 100000")
        pm.note_panes()
        pm.run("set-option", "-g", "automatic-rename", "off")
        pm.run("set-option", "-g", "status-right", "R")
        pm.run("set-option", "-g", "mouse", "on")
        # which status mouse key a click gave, by its binding
        for where, name in (("StatusLeft", "left"), ("StatusRight", "right"),
                            ("StatusDefault", "default")):
            pm.run("bind-key", "-n", "MouseDown1" + where, "set-option", "-g", "@hit", name)
        pm.run("set-option", "-g", "@hit", "-")

    def current(self):
        return int(self.pm.display("S", "#{window_index}"))

    def click_at(self, c, x, y):
        # apart, so that no two clicks make a double click
        time.sleep(0.4)
        c.write(click(x, y))

    def hit_after_click(self, c, x, y):
        pm = self.pm
        pm.run("set-option", "-g", "@hit", "-")
        self.click_at(c, x, y)
        # a marker key after the click: its effect comes after the click's
        pm.run("bind-key", "-n", "F12", "set-option", "-g", "@done", "yes")
        pm.run("set-option", "-g", "@done", "no")
        c.write(b"\x1b[24~")
        wait_for(lambda: pm.display("S", "#{@done}") == "yes", msg="the F12 after the click")
        return pm.display("S", "#{@hit}")

    def test_click_ranges_on_a_second_line(self):
        pm = self.pm
        self.make_session(4, 60)
        pm.run("set-option", "-g", "status", "2")
        pm.run("set-option", "-g", "status-format[1]",
               "#[align=left]#{W:#[range=window|#{window_index}]<#I:#W>#[norange]  }"
               "#[range=window|77]GONE#[norange]"
               "#[align=right range=left]LL#[norange]  #[range=right]RR#[norange]")
        c = self.attach("S", rows=10, cols=60)
        ls = c.wait_screen(lambda ls: ls[9].startswith("<0:w0>  <1:w1>"), "the second line")
        line = ls[9]
        self.assertEqual(line.rstrip()[-6:], "LL  RR", line)
        wait_for(lambda: c.cursor()["mouse"] > 0, msg="the terminal in mouse mode",
                 describe=c.describe)
        # a window's range: the default MouseDown1Status selects the window
        for w in (2, 1, 3):
            self.click_at(c, line.index("<%d:w%d>" % (w, w)) + 2, 9)
            wait_for(lambda: self.current() == w, msg="a click on window %d's range" % w,
                     describe=c.describe)
        # the first line is tmux's default: its window list is clickable too
        first = c.wait_screen(lambda ls: "0:w0" in ls[8], "the first line")[8]
        self.click_at(c, first.index("0:w0") + 1, 8)
        wait_for(lambda: self.current() == 0, msg="a click on window 0 in the first line",
                 describe=c.describe)
        self.assertEqual(self.hit_after_click(c, line.index("LL"), 9), "left")
        self.assertEqual(self.hit_after_click(c, line.index("RR") + 1, 9), "right")
        self.assertEqual(self.hit_after_click(c, 45, 9), "default")
        # a range of a window the session does not have gives no key
        self.assertEqual(self.hit_after_click(c, line.index("GONE") + 1, 9), "-")
        self.assertEqual(self.current(), 0)

    def test_list_scrolls_to_its_focus_with_markers(self):
        pm = self.pm
        self.make_session(12, 41)
        pm.run("set-option", "-g", "status", "2")
        pm.run("set-option", "-g", "status-format[1]", LIST_LINE)
        pm.run("select-window", "-t", "S:5")
        c = self.attach("S", rows=10, cols=41)
        c.wait_screen(lambda ls: ls[9] == "A<<w3> <4:w4> (5:w5) <6:w6> <7:w>>AFTERRR",
                      "the list around window 5, cut at both ends")
        pm.run("select-window", "-t", "S:1")
        c.wait_screen(lambda ls: ls[9] == "A<0:w0> (1:w1) <2:w2> <3:w3> <4:>>AFTERRR",
                      "the list from its start: no left marker")
        pm.run("select-window", "-t", "S:9")
        line = c.wait_screen(lambda ls: ls[9] == "A<<w7> <8:w8> (9:w9) <10:w10> <1>>AFTERRR",
                             "the list around window 9")[9]
        # a click on a window in it selects that window, and the list follows
        wait_for(lambda: c.cursor()["mouse"] > 0, msg="the terminal in mouse mode",
                 describe=c.describe)
        self.click_at(c, line.index("<8:w8>") + 1, 9)
        wait_for(lambda: self.current() == 8, msg="a click on window 8", describe=c.describe)
        c.wait_screen(lambda ls: ls[9] == "A<<w6> <7:w7> (8:w8) <9:w9> <10:>>AFTERRR",
                      "the list around window 8")
        # the default first line scrolls the same way, with its "<" and ">"
        c.wait_screen(lambda ls: ls[8] == "[S] <5  6:w6  7:w7  8:w8* 9:w9- 10:w10 >R",
                      "the first line around window 8")

    def test_first_line_of_ones_own(self):
        pm = self.pm
        self.make_session(12, 30)
        pm.run("set-option", "-g", "status-format[0]",
               "#[align=left range=left]#S#[norange] "
               "#[list=on align=left]#[list=left-marker]<#[list=right-marker]>#[list=on]"
               "#{W:#[range=window|#{window_index}]#I:#W#[norange] ,"
               "#[range=window|#{window_index} list=focus]*#I:#W*#[norange list=on] }"
               "#[nolist align=right range=right]END#[norange]")
        pm.run("select-window", "-t", "S:6")
        c = self.attach("S", rows=10, cols=30)
        line = c.wait_screen(lambda ls: ls[9].startswith("S <") and ls[9].endswith(">END"),
                             "the first line, cut at both ends")[9]
        self.assertIn("*6:w6*", line)
        wait_for(lambda: c.cursor()["mouse"] > 0, msg="the terminal in mouse mode",
                 describe=c.describe)
        self.click_at(c, line.index("5:w5"), 9)
        wait_for(lambda: self.current() == 5, msg="a click on window 5", describe=c.describe)
        line = c.wait_screen(lambda ls: "*5:w5*" in ls[9], "window 5 the focus")[9]
        self.assertEqual(self.hit_after_click(c, 0, 9), "left")
        self.assertEqual(self.hit_after_click(c, 29, 9), "right")
        # the markers take no clicks
        self.assertEqual(self.hit_after_click(c, line.index("<"), 9), "default")
        self.assertEqual(self.current(), 5)


if __name__ == "__main__":
    pmuxtest.main()
