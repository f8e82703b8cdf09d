#!/usr/bin/env python3
"""What an attached client's terminal shows (drawn into an independent
emulator, libvterm's VTermScreen) is what the pane holds: text, colours,
attributes, wide and combining characters, and the cursor."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# printf format: SGR colours and attributes, wide (CJK, emoji) and combining
# characters; the shell prints it, so the typed line itself stays ASCII.
SAMPLE = (r"plain \033[31mred\033[0m \033[1;32mboldgreen\033[0m \033[94mbrightblue\033[0m"
          r" \033[38;5;200mc200\033[0m \033[48;5;22mbg22\033[0m"
          r" \033[38;2;10;200;30mrgbfg\033[0m \033[48;2;200;100;0mrgbbg\033[0m\n"
          r"\033[4munder\033[0m \033[7mreverse\033[0m \033[3mitalic\033[0m"
          r" \033[1;4;33;44mmixed\033[0m END1\n"
          r"wide:\344\270\255\346\226\207\345\255\227|\360\237\230\200|"
          r" combining:e\314\201a\314\210| \033[35m\346\227\245\346\234\254\033[0m END2\n")


class ScreenText(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=100, y=29)

    def test_text_colours_wide_chars(self):
        pm = self.pm
        if pmuxtest.flavor() == "tmux":
            # tmux 3.3 does not take 24-bit colour from COLORTERM
            pm.run("set-option", "-sa", "terminal-features", ",xterm-256color:RGB")
        c = self.attach("S", rows=30, cols=100)
        pm.type("S", "printf '%s'" % SAMPLE)
        pm.wait_text("S", "END2")
        pm.wait_prompt("S")
        c.wait_text("END2")
        c.wait_panes_match("S", attrs=True)
        lines = c.lines()
        self.assertTrue(any(l.startswith("wide:中文字|😀|") for l in lines), c.describe())
        # spot checks on the emulated cells, independent of capture-pane
        row = next(i for i, l in enumerate(lines) if l.startswith("plain red"))
        cells = c.screen.cells(row)
        self.assertEqual(cells[6]["ch"], "r")
        self.assertEqual(cells[6]["fg"], "idx:1")
        bg = lines[row].index("boldgreen")
        self.assertEqual((cells[bg]["fg"], cells[bg]["bold"]), ("idx:2", 1))
        i = lines[row].index("rgbfg")
        self.assertEqual(cells[i]["fg"], "#0ac81e")
        wrow = row + 2
        cells = c.screen.cells(wrow)
        self.assertEqual((cells[5]["ch"], cells[5]["width"]), ("中", 2))
        self.assertEqual(cells[6]["width"], 0)

    def test_rgb_without_truecolor(self):
        # a terminal without 24-bit colour (no COLORTERM) gets the nearest
        # 256-colour index instead
        pm = self.pm
        c = self.attach("S", rows=30, cols=100, colorterm=None)
        pm.type("S", r"printf '\033[38;2;10;200;30mrgbfg\033[0m \033[48;2;200;100;0mrgbbg\033[0m E''ND\n'")
        pm.wait_line("S", "rgbfg rgbbg END")
        c.wait_text("rgbfg rgbbg END")
        c.wait_panes_match("S")
        lines = c.lines()
        row = next(i for i, l in enumerate(lines) if l.startswith("rgbfg"))
        cells = c.screen.cells(row)
        for cell, key in ((cells[0], "fg"), (cells[6], "bg")):
            self.assertTrue(cell[key].startswith("idx:") and int(cell[key][4:]) >= 16,
                            "%s of %r: %r, expected a 256-colour index" % (key, cell["ch"], cell))

    def test_cursor_style(self):
        # DECSCUSR from the pane reaches the terminal with its blink: a
        # steady underline is 4 (as tmux sends it), not a blinking 3
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        pm.type("S", r"printf '\033[4 q'; echo st$((1+1)); read x")
        pm.wait_line("S", "st2")
        wait_for(lambda: b"\x1b[4 q" in c.tail, msg="a steady underline cursor",
                 describe=lambda: repr(c.tail[-300:]))
        pm.send("S", "Enter")
        pm.wait_prompt("S")
        pm.type("S", r"printf '\033[5 q'; echo bl$((1+1)); read x")
        pm.wait_line("S", "bl2")
        wait_for(lambda: c.tail.rfind(b"\x1b[5 q") > c.tail.rfind(b"\x1b[4 q"),
                 msg="a blinking bar cursor", describe=lambda: repr(c.tail[-300:]))

    def test_cursor_style_and_colour_options(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        c.wait_panes_match("S")
        # cursor-style: the cursor of a pane whose program chose none
        pm.run("set-option", "-g", "cursor-style", "bar")
        wait_for(lambda: b"\x1b[6 q" in c.tail, msg="a steady bar cursor",
                 describe=lambda: repr(c.tail[-300:]))
        # the program's own choice comes first
        pm.type("S", r"printf '\033[4 q'; echo st$((1+1)); read x")
        pm.wait_line("S", "st2")
        wait_for(lambda: c.tail.rfind(b"\x1b[4 q") > c.tail.rfind(b"\x1b[6 q"),
                 msg="the program's underline", describe=lambda: repr(c.tail[-300:]))
        # cursor-colour: OSC 12 (colour1 as tmux converts it), OSC 112 to go back
        pm.run("set-option", "-g", "cursor-colour", "colour1")
        wait_for(lambda: b"\x1b]12;rgb:80/00/00\x07" in c.tail, msg="OSC 12",
                 describe=lambda: repr(c.tail[-300:]))
        pm.run("set-option", "-g", "cursor-colour", "#102030")
        wait_for(lambda: b"\x1b]12;rgb:10/20/30\x07" in c.tail, msg="OSC 12 with RGB",
                 describe=lambda: repr(c.tail[-300:]))
        pm.run("set-option", "-gu", "cursor-colour")
        wait_for(lambda: c.tail.rfind(b"\x1b]112\x07") > c.tail.rfind(b"\x1b]12;"),
                 msg="OSC 112", describe=lambda: repr(c.tail[-300:]))
        r = pm.cmd("set-option", "-g", "cursor-style", "nosuch")
        self.assertNotEqual(r.rc, 0)

    def test_pane_colours(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        pm.type("S", r"printf '\033[31mRED\033[0m \033[42mGRN\033[0m \033[33mYEL\033[0m\n'")
        pm.wait_line("S", "RED GRN YEL")
        c.wait_text("RED GRN YEL")
        row = next(i for i, l in enumerate(c.lines()) if l.startswith("RED GRN"))
        self.assertEqual(c.screen.cells(row)[0]["fg"], "idx:1")
        # the pane's palette: index 1 and 2 are colours of its own; 3 is not set
        pm.run("set-option", "-p", "-t", "S", "pane-colours[1]", "#102030")
        pm.run("set-option", "-p", "-t", "S", "pane-colours[2]", "colour200")
        # (tmux sends the nearest 256-colour index to a terminal it does
        # not know has 24-bit colour)
        # both changes drawn: the first may come in a frame of its own
        wait_for(lambda: c.screen.cells(row)[0]["fg"] != "idx:1" and
                 c.screen.cells(row)[4]["bg"] != "idx:2",
                 msg="indexes 1 and 2 in the pane's colours",
                 describe=lambda: repr(c.screen.cells(row)[:5]))
        if pmuxtest.flavor() == "pmux":
            self.assertEqual(c.screen.cells(row)[0]["fg"], "#102030")
        cells = c.screen.cells(row)
        self.assertNotEqual(cells[4]["bg"], "idx:2", cells[4])
        self.assertEqual(cells[8]["fg"], "idx:3")
        pm.run("set-option", "-p", "-t", "S", "-u", "pane-colours")
        wait_for(lambda: c.screen.cells(row)[0]["fg"] == "idx:1",
                 msg="index 1 again", describe=lambda: repr(c.screen.cells(row)[:1]))

    def test_rgb_from_terminal_overrides(self):
        # the configs' way to say the terminal has 24-bit colour: Tc appended
        # to terminal-overrides (or RGB to terminal-features)
        pm = self.pm
        for option, value in (("terminal-overrides", ",xterm-256color:Tc"),
                              ("terminal-features", "xterm-256color:RGB")):
            with self.subTest(option=option):
                pm.run("set-option", "-su", "terminal-overrides")
                pm.run("set-option", "-su", "terminal-features")
                pm.run("set-option", "-sa", option, value)
                c = self.attach("S", rows=30, cols=100, colorterm=None)
                pm.type("S", "clear; printf '\\033[38;2;10;200;30mrgbfg\\033[0m E''ND\\n'")
                pm.wait_line("S", "rgbfg END")
                c.wait_text("rgbfg END")
                row = next(i for i, l in enumerate(c.lines()) if l.startswith("rgbfg"))
                self.assertEqual(c.screen.cells(row)[0]["fg"], "#0ac81e", option)
                c.close()

    def test_cursor_at_pane_cursor(self):
        pm = self.pm
        c = self.attach("S", rows=30, cols=100)
        pm.type("S", "echo one; printf 'partial-line'; read x")
        pm.wait_text("S", "\npartial-line")

        def cursor_agrees():
            x, y = pm.display("S", "#{cursor_x} #{cursor_y}").split()
            cur = c.cursor()
            return cur["visible"] and (cur["col"], cur["row"]) == (int(x), int(y)) \
                and (int(x), int(y)) == (len("partial-line"), 2)
        wait_for(cursor_agrees, msg="the emulated cursor at the pane's cursor",
                 describe=c.describe)
        c.wait_panes_match("S")


if __name__ == "__main__":
    pmuxtest.main()
