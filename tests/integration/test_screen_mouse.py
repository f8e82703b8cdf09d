#!/usr/bin/env python3
"""With `mouse on`, the attached client's terminal is put in mouse mode, and
a click (as the terminal reports it, SGR 1006) in a pane selects that pane."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import click  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class Mouse(screen.ScreenTestCase):

    def test_click_selects_pane(self):
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        pm.run("set-option", "-g", "mouse", "on")
        a = pm.display("S", "#{pane_id}")
        b = pm.run("split-window", "-h", "-t", a, "-P", "-F", "#{pane_id}",
                   "-e", "PS1=" + pmuxtest.PROMPT, "-e", "HISTFILE=/dev/null",
                   *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(b)
        c = self.attach("S", rows=30, cols=100)
        wait_for(lambda: c.cursor()["mouse"] > 0,
                 msg="the client's terminal in mouse mode", describe=c.describe)
        self.assertEqual(pm.display("S", "#{pane_id}"), b)
        geo = {p[0]: p[1:] for p in c.pane_geometry("S")}

        def click_in(pane):
            left, top, w, h = geo[pane]
            c.write(click(left + w // 2, top + h // 2))
            wait_for(lambda: pm.display("S", "#{pane_id}") == pane,
                     msg="a click in %s to make it the active pane" % pane,
                     describe=c.describe)
        click_in(a)
        # typing now goes to the clicked pane
        c.write(b"echo clicked-$((3*4))\r")
        pm.wait_line(a, "clicked-12")
        c.wait_text("clicked-12")
        click_in(b)
        c.write(b"echo clicked-$((3*5))\r")
        pm.wait_line(b, "clicked-15")
        c.wait_panes_match("S")


if __name__ == "__main__":
    pmuxtest.main()
