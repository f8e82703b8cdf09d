#!/usr/bin/env python3
"""The mouse option: the attached client's terminal is put in mouse mode
(button-event tracking, SGR 1006) while `mouse` is on and given back
without it; a click selects a pane, dragging a border resizes, and a
program that turned on mouse reporting gets the events in the encoding it
asked for, with coordinates relative to its pane. The client's terminal
reports in SGR form: ESC [ < button ; column ; row M (press) or m (release),
1-based."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import sgr, click  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402

MOUSE_ON = (b"\x1b[?1002h", b"\x1b[?1006h")
MOUSE_OFF = (b"\x1b[?1002l", b"\x1b[?1006l")

# A program that turns on mouse reporting (the modes are its argv), puts its
# terminal in raw mode and appends every byte it reads to a file; "q" ends it.
class Mouse(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        self.left = pm.display("S", "#{pane_id}")
        self.right = pm.run("split-window", "-h", "-t", self.left, "-P", "-F", "#{pane_id}",
                            "-e", "PS1=" + pmuxtest.PROMPT, "-e", "HISTFILE=/dev/null",
                            *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(self.right)

    def attach(self):
        c = AttachedClient(self.pm, "attach-session", "-t", "S", rows=30, cols=100)
        c.wait_output(pmuxtest.PROMPT.strip().encode())
        wait_for(lambda: self.pm.display("S", "#{session_attached}") == "1",
                 msg="the client attached")
        return c

    def mouse_attach(self):
        self.pm.run("set-option", "-g", "mouse", "on")
        c = self.attach()
        for seq in MOUSE_ON:
            c.wait_output(seq)
        return c

    def geometry(self, pane):
        """left, top, width, height (the status line is at the bottom)."""
        out = self.pm.display(pane, "#{pane_left} #{pane_top} #{pane_width} #{pane_height}")
        return tuple(int(v) for v in out.split())

    def active(self):
        return self.pm.display("S", "#{pane_id}")

    def wait_active(self, pane, what):
        wait_for(lambda: self.active() == pane, msg=what,
                 describe=lambda: self.pm.run("list-panes", "-t", "S", "-F",
                                              "#{pane_id} #{pane_active}"))

    def test_mode_follows_the_option_and_detach_turns_it_off(self):
        pm = self.pm
        c = self.attach()
        self.assertNotIn(b"\x1b[?1006h", c.output, "mouse mode sent with mouse off")
        start = len(c.output)
        pm.run("set-option", "-g", "mouse", "on")
        for seq in MOUSE_ON:
            c.wait_output(seq, since=start)
        start = len(c.output)
        pm.run("set-option", "-g", "mouse", "off")
        for seq in MOUSE_OFF:
            c.wait_output(seq, since=start)
        # a session option decides for the session's clients
        start = len(c.output)
        pm.run("set-option", "-t", "S", "mouse", "on")
        c.wait_output(b"\x1b[?1006h", since=start)
        start = len(c.output)
        c.write(b"\x02d")
        self.assertEqual(c.wait_exit(), 0)
        tail = c.output[start:]
        for seq in MOUSE_OFF:
            self.assertIn(seq, tail, "detach left the terminal in mouse mode")
        self.assertLess(tail.rfind(b"\x1b[?1006l"), tail.find(b"[detached"),
                        "mouse mode turned off only after the detach message")

    def test_click_selects_pane(self):
        c = self.mouse_attach()
        self.assertEqual(self.active(), self.right)
        left, top, width, height = self.geometry(self.left)
        c.write(click(left + width // 2, top + height // 2))
        self.wait_active(self.left, "a click in the left pane to select it")
        c.write(b"echo clicked-$((3*4))\r")
        self.pm.wait_line(self.left, "clicked-12")
        left, top, width, height = self.geometry(self.right)
        c.write(click(left + 1, top + 1))
        self.wait_active(self.right, "a click in the right pane to select it")
        # the shells asked for no mouse: nothing reached them as text
        for pane in (self.left, self.right):
            self.assertNotIn("[<", self.pm.capture(pane))

    def test_drag_border_resizes(self):
        c = self.mouse_attach()
        left, top, width, height = self.geometry(self.left)
        border = left + width
        self.assertEqual(self.geometry(self.right)[0], border + 1)
        c.write(sgr(0, border, 5) + sgr(32, border - 5, 5) + sgr(32, border - 10, 5)
                + sgr(0, border - 10, 5, release=True))
        wait_for(lambda: self.geometry(self.left)[2] == width - 10,
                 msg="dragging the border 10 columns left narrows the left pane",
                 describe=lambda: repr((self.geometry(self.left), self.geometry(self.right))))
        self.assertEqual(self.geometry(self.right)[0], border - 10 + 1)
        self.assertEqual(self.geometry(self.right)[2], 100 - (width - 10) - 1)
        # and back past where it started
        c.write(sgr(0, border - 10, 7) + sgr(32, border + 7, 7)
                + sgr(0, border + 7, 7, release=True))
        wait_for(lambda: self.geometry(self.left)[2] == width + 7,
                 msg="dragging it 17 columns right",
                 describe=lambda: repr((self.geometry(self.left), self.geometry(self.right))))
        # a drag that started in a pane resizes nothing
        c.write(sgr(0, 3, 3) + sgr(32, 20, 3) + sgr(0, 20, 3, release=True))
        self.wait_active(self.left, "the press in the left pane selected it")
        self.assertEqual(self.geometry(self.left)[2], width + 7)

    def wait_recorded(self, path, want):
        wait_for(lambda: want in pmuxtest.recorded(path),
                 msg="the program to receive %r" % want,
                 describe=lambda: "it received %r" % pmuxtest.recorded(path))

    def test_program_gets_sgr_reports_relative_to_its_pane(self):
        c = self.mouse_attach()
        out = self.pm.start_recorder(self.right, "1000", "1006")
        left, top, _, _ = self.geometry(self.right)
        c.write(click(left + 3, top + 2))
        self.wait_recorded(out, b"\x1b[<0;4;3M\x1b[<0;4;3m")
        # the wheel goes to it too (button 64 up, 65 down)
        c.write(sgr(64, left + 5, top + 6) + sgr(65, left + 5, top + 6))
        self.wait_recorded(out, b"\x1b[<64;6;7M\x1b[<65;6;7M")
        # a right click, with the modifiers the terminal reported (Ctrl: +16)
        c.write(click(left, top, button=2 + 16))
        self.wait_recorded(out, b"\x1b[<18;1;1M\x1b[<18;1;1m")
        # a click in the other pane is not its business
        before = pmuxtest.recorded(out)
        c.write(click(2, 2))
        self.wait_active(self.left, "the click in the left pane")
        c.write(b"echo done-$((2*21))\r")
        self.pm.wait_line(self.left, "done-42")
        self.assertEqual(pmuxtest.recorded(out), before)

    def test_program_gets_normal_reports(self):
        """Without 1006 the program gets X10-style bytes (button, column,
        row, each + 32); with 1002 drags are reported too."""
        c = self.mouse_attach()
        out = self.pm.start_recorder(self.right, "1002")
        left, top, _, _ = self.geometry(self.right)
        c.write(sgr(0, left + 1, top + 1) + sgr(32, left + 4, top + 1)
                + sgr(0, left + 4, top + 1, release=True))
        self.wait_recorded(out, b"\x1b[M" + bytes([32, 34, 34]) + b"\x1b[M"
                           + bytes([64, 37, 34]) + b"\x1b[M" + bytes([35, 37, 34]))

    def test_wheel_on_alternate_screen_sends_arrows(self):
        c = self.mouse_attach()
        out = self.pm.start_recorder(self.right, "1049")
        left, top, _, _ = self.geometry(self.right)
        c.write(sgr(64, left + 2, top + 2))
        self.wait_recorded(out, b"\x1b[A\x1b[A\x1b[A")
        c.write(sgr(65, left + 2, top + 2))
        self.wait_recorded(out, b"\x1b[A\x1b[A\x1b[A\x1b[B\x1b[B\x1b[B")

    def test_wheel_scrolls_history_in_copy_mode(self):
        """Wheel up over a shell enters copy mode with -e and scrolls 5
        lines a step; scrolling back down to the bottom leaves it."""
        pm = self.pm
        c = self.mouse_attach()
        pm.type(self.left, "seq 1 300")
        pm.wait_line(self.left, "300")
        pm.wait_prompt(self.left)
        left, top, width, height = self.geometry(self.left)
        at = (left + 2, top + 2)

        def state():
            return pm.display(self.left, "#{pane_in_mode} #{scroll_position}").strip()
        c.write(sgr(64, *at))
        wait_for(lambda: state() == "1 5", msg="one wheel step up: copy mode, 5 lines back",
                 describe=state)
        c.write(sgr(64, *at) + sgr(64, *at))
        wait_for(lambda: state() == "1 15", msg="two more steps", describe=state)
        c.write(sgr(65, *at))
        wait_for(lambda: state() == "1 10", msg="a step down", describe=state)
        c.write(sgr(65, *at) + sgr(65, *at))
        wait_for(lambda: state() == "0", msg="back at the bottom, copy mode ends",
                 describe=state)
        # the wheel down outside copy mode does nothing
        c.write(sgr(65, *at))
        c.write(click(left + 1, top + 1))
        self.wait_active(self.left, "the click after it")
        self.assertEqual(state(), "0")

    def test_click_on_window_list_selects_window(self):
        pm = self.pm
        pm.run("set-option", "-g", "status-left", "[L]")
        pm.run("set-option", "-g", "status-right", "")
        pm.run("set-option", "-g", "window-status-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-current-format", "<#{window_index}:w>")
        pm.run("set-option", "-g", "window-status-separator", "--")
        pm.run("new-window", "-d", "-t", "S:1")
        pm.run("new-window", "-d", "-t", "S:2")
        c = self.mouse_attach()
        # "[L]<0:w>--<1:w>--<2:w>" on the last row: window 2's entry starts at 17
        c.write(click(18, 29))
        wait_for(lambda: pm.display("S", "#{window_index}") == "2",
                 msg="a click on window 2 in the status line to select it")
        c.write(click(8, 29))  # on a separator: nothing
        c.write(click(5, 29))
        wait_for(lambda: pm.display("S", "#{window_index}") == "0",
                 msg="a click on window 0 to select it")
        c.write(click(1, 29))  # status-left: nothing
        c.write(click(11, 29))
        wait_for(lambda: pm.display("S", "#{window_index}") == "1",
                 msg="a click on window 1 to select it")

    def test_wheel_on_status_line_changes_window(self):
        # tmux's WheelUpStatus / WheelDownStatus: previous and next window
        pm = self.pm
        pm.run("new-window", "-d", "-t", "S:1")
        c = self.mouse_attach()
        c.write(sgr(65, 50, 29))     # wheel down on the status line, off the list
        c.write(sgr(65, 5, 29))      # ... and over the window list
        wait_for(lambda: pm.display("S", "#{window_index}") == "1", msg="the next window")
        c.write(sgr(64, 5, 29))      # wheel up
        wait_for(lambda: pm.display("S", "#{window_index}") == "0", msg="the previous window")

    def test_middle_click_pastes_and_selects(self):
        # tmux's MouseDown2Pane: select the pane, paste the top buffer
        pm = self.pm
        pm.run("set-buffer", "echo pasted-$((40+2))")
        c = self.mouse_attach()
        pm.run("select-pane", "-t", self.right)
        c.write(click(5, 5, button=1))
        self.wait_active(self.left, "the middle click to select the left pane")
        pm.wait_text(self.left, "echo pasted-$((40+2))")
        pm.send(self.left, "Enter")
        pm.wait_line(self.left, "pasted-42")

    def test_mouse_off_ignores_reports(self):
        c = self.attach()
        out = self.pm.start_recorder(self.right, "1000", "1006")
        left, top, width, height = self.geometry(self.left)
        c.write(click(left + 2, top + 2))
        rl, rt, _, _ = self.geometry(self.right)
        c.write(click(rl + 2, rt + 2))
        c.write(b"xyz")
        self.wait_recorded(out, b"xyz")
        self.assertEqual(pmuxtest.recorded(out), b"xyz",
                         "with mouse off, the reports reached the program")
        self.assertEqual(self.active(), self.right)


if __name__ == "__main__":
    pmuxtest.main()
