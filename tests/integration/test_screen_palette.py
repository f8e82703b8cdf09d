#!/usr/bin/env python3
"""A pane's program changes its colours as under tmux: palette entries
(OSC 4, reset by OSC 104), its default foreground and background
(OSC 10 and 11, reset by OSC 110 and 111) and its cursor's (OSC 12, 112). Queries ("?") are answered with
the pane's colours; pane_fg and pane_bg show the default colours; a client
draws the cells in the changed colours; capture-pane -e keeps the indexes;
malformed sequences are ignored."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# The pane's program: writes the sequences of a file (one per line, with
# Python's backslash escapes; "SLEEP" pauses, so that a sequence arrives
# in two reads), then a DA1 query, and saves what the terminal answered
# before the DA1 answer into the output file.
ASKER = r'''
import os, select, sys, termios, time, tty
seqs = open(sys.argv[1]).read().splitlines()
old = termios.tcgetattr(0)
tty.setraw(0)
got = b""
try:
    for s in seqs:
        if s == "SLEEP":
            time.sleep(0.3)
            continue
        os.write(1, s.encode().decode("unicode_escape").encode("latin1"))
    os.write(1, b"\033[c")
    end = time.time() + 20
    while time.time() < end and not got.endswith(b"c"):
        r, _, _ = select.select([0], [], [], 0.2)
        if r:
            got += os.read(0, 4096)
finally:
    termios.tcsetattr(0, termios.TCSADRAIN, old)
with open(sys.argv[2] + ".tmp", "wb") as f:
    f.write(got)
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
'''

DA1 = re.compile(rb"\x1b\[\?[0-9;]*c$")


def rgb(r, g, b):
    return b"rgb:%02x%02x/%02x%02x/%02x%02x" % (r, r, g, g, b, b)


class ScreenPalette(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.asker = os.path.join(self.pm.tmp, "asker.py")
        with open(self.asker, "w") as f:
            f.write(ASKER)
        self.n = 0
        self.pm.new_session("S", "sleep", "100000", x=100, y=29)

    def ask(self, *seqs):
        """Run the asker in the pane with seqs; the answers, DA1's cut off."""
        pm = self.pm
        self.n += 1
        src = os.path.join(pm.tmp, "seqs%d" % self.n)
        out = os.path.join(pm.tmp, "out%d" % self.n)
        with open(src, "w") as f:
            f.write("\n".join(seqs) + "\n")
        pm.run("respawn-pane", "-k", "-t", "S", "python3 %s %s %s; exec sleep 100000"
               % (self.asker, src, out))
        pm.note_panes()
        wait_for(lambda: os.path.exists(out), msg="the asker's answers")
        with open(out, "rb") as f:
            got = f.read()
        self.assertRegex(got, DA1)
        return DA1.sub(b"", got)

    def osc4(self, index, colour, end=b"\x07"):
        """The answer to OSC 4 ; index ; ? (tmux 3.3a leaves the index out)."""
        if pmuxtest.flavor() == "tmux":
            return b"\x1b]4;" + colour + end
        return b"\x1b]4;%d;" % index + colour + end

    def test_osc4_set_query_reset(self):
        # nothing set: no answer
        self.assertEqual(self.ask(r"\033]4;1;?\007"), b"")
        # a name; the answer ends as the query did
        self.assertEqual(self.ask(r"\033]4;1;red\007", r"\033]4;1;?\007", r"\033]4;1;?\033\\"),
                         self.osc4(1, rgb(255, 0, 0)) + self.osc4(1, rgb(255, 0, 0), b"\x1b\\"))
        # several in one, #rrggbb and rgb: forms (four digits keep their high byte)
        self.assertEqual(
            self.ask(r"\033]4;2;#102030;3;rgb:ff/80/00;4;rgb:1234/5678/9abc\007",
                     r"\033]4;2;?\007\033]4;3;?\007\033]4;4;?\007"),
            self.osc4(2, rgb(0x10, 0x20, 0x30)) + self.osc4(3, rgb(0xff, 0x80, 0))
            + self.osc4(4, rgb(0x12, 0x56, 0x9a)))
        # OSC 104 with indexes resets those
        self.assertEqual(self.ask(r"\033]104;2;4\007", r"\033]4;2;?\007", r"\033]4;3;?\007",
                                  r"\033]4;4;?\007"),
                         self.osc4(3, rgb(0xff, 0x80, 0)))
        # OSC 104 alone resets every entry
        self.assertEqual(self.ask(r"\033]104\007", r"\033]4;1;?\007", r"\033]4;3;?\007"), b"")

    def test_osc4_over_pane_colours(self):
        pm = self.pm
        pm.run("set-option", "-p", "-t", "S", "pane-colours[5]", "#aabbcc")
        pm.run("set-option", "-p", "-t", "S", "pane-colours[6]", "green")
        self.assertEqual(self.ask(r"\033]4;5;?\007", r"\033]4;6;?\007"),
                         self.osc4(5, rgb(0xaa, 0xbb, 0xcc)) + self.osc4(6, rgb(0, 0x80, 0)))
        # the program's entry wins; reset, the option's shows again
        self.assertEqual(self.ask(r"\033]4;5;#010203\007", r"\033]4;5;?\007",
                                  r"\033]104;5\007", r"\033]4;5;?\007"),
                         self.osc4(5, rgb(1, 2, 3)) + self.osc4(5, rgb(0xaa, 0xbb, 0xcc)))

    def test_osc10_11(self):
        pm = self.pm
        fmt = "#{pane_fg}|#{pane_bg}"
        self.assertEqual(pm.display("S", fmt), "default|default")
        # default colours: no answer
        self.assertEqual(self.ask(r"\033]10;?\007", r"\033]11;?\007"), b"")
        self.assertEqual(self.ask(r"\033]10;rgb:aa/bb/cc\007", r"\033]11;#102030\033\\",
                                  r"\033]10;?\007", r"\033]11;?\033\\"),
                         b"\x1b]10;" + rgb(0xaa, 0xbb, 0xcc) + b"\x07"
                         + b"\x1b]11;" + rgb(0x10, 0x20, 0x30) + b"\x1b\\")
        self.assertEqual(pm.display("S", fmt), "#aabbcc|#102030")
        # the program's colours beat window-style's; window-active-style's
        # beat them in the active pane
        pm.run("set-option", "-w", "-t", "S", "window-style", "fg=colour100,bg=blue")
        self.assertEqual(pm.display("S", fmt), "#aabbcc|#102030")
        pm.run("set-option", "-w", "-t", "S", "window-active-style", "fg=red")
        self.assertEqual(pm.display("S", fmt), "red|#102030")
        self.assertEqual(self.ask(r"\033]10;?\007"), b"\x1b]10;" + rgb(0x80, 0, 0) + b"\x07")
        pm.run("set-option", "-w", "-t", "S", "-u", "window-active-style")
        # reset: window-style's show through
        self.assertEqual(self.ask(r"\033]110\007\033]111\007", r"\033]10;?\007",
                                  r"\033]11;?\007"),
                         b"\x1b]10;" + rgb(0x87, 0x87, 0) + b"\x07"
                         + b"\x1b]11;" + rgb(0, 0, 0x80) + b"\x07")
        self.assertEqual(pm.display("S", fmt), "colour100|blue")
        pm.run("set-option", "-w", "-t", "S", "-u", "window-style")
        self.assertEqual(pm.display("S", fmt), "default|default")

    def test_osc12_cursor_colour(self):
        # the program's cursor colour comes before cursor-colour's; OSC 112
        # gives the option's back
        pm = self.pm
        self.assertEqual(self.ask(r"\033]12;?\007"), b"")
        pm.run("set-option", "-g", "cursor-colour", "blue")
        self.assertEqual(self.ask(r"\033]12;?\007"), b"\x1b]12;" + rgb(0, 0, 0x80) + b"\x07")
        c = self.attach("S", rows=30, cols=100)
        wait_for(lambda: b"\x1b]12;rgb:00/00/80\x07" in c.tail, msg="OSC 12 of the option",
                 describe=lambda: repr(c.tail[-300:]))
        self.assertEqual(self.ask(r"\033]12;#ff8000\007", r"\033]12;?\033\\"),
                         b"\x1b]12;" + rgb(0xff, 0x80, 0) + b"\x1b\\")
        wait_for(lambda: b"\x1b]12;rgb:ff/80/00\x07" in c.tail, msg="OSC 12 of the program",
                 describe=lambda: repr(c.tail[-300:]))
        self.assertEqual(self.ask(r"\033]112\007", r"\033]12;?\007"),
                         b"\x1b]12;" + rgb(0, 0, 0x80) + b"\x07")
        wait_for(lambda: c.tail.rfind(b"\x1b]12;rgb:00/00/80\x07")
                 > c.tail.rfind(b"\x1b]12;rgb:ff/80/00\x07"),
                 msg="OSC 12 of the option again", describe=lambda: repr(c.tail[-300:]))
        c.close()

    def test_drawn_colours(self):
        pm = self.pm
        if pmuxtest.flavor() == "tmux":
            pm.run("set-option", "-sa", "terminal-features", ",xterm-256color:RGB")
        pm.shell_session("D", x=100, y=29)
        c = self.attach("D", rows=30, cols=100)
        pm.type("D", r"clear; printf '\033[31mR\033[42mG\033[0mX\n'")
        c.wait_text("RGX")

        def cells():
            return [(x["fg"], x["bg"]) for x in c.screen.cells(0)[:3]]

        def drawn(want, msg):
            wait_for(lambda: cells() == want, msg=msg, describe=lambda: repr(cells()))

        drawn([("idx:1", "default"), ("idx:1", "idx:2"), ("default", "default")], "as written")
        pm.type("D", r"printf '\033]4;1;#102030\007\033]11;#405060\007'")
        drawn([("#102030", "#405060"), ("#102030", "idx:2"), ("default", "#405060")],
              "index 1 and the background in the program's colours")
        # capture-pane -e gives the indexes the program wrote, not the colours
        self.assertTrue(pm.capture("D", "-e").startswith("\x1b[31mR\x1b[42mG"),
                        repr(pm.capture("D", "-e")[:40]))
        # window-style's red is index 1 too: the palette gives it its colour
        pm.run("set-option", "-w", "-t", "D", "window-style", "fg=red")
        drawn([("#102030", "#405060"), ("#102030", "idx:2"), ("#102030", "#405060")],
              "window-style's red through the palette")
        pm.type("D", r"printf '\033]104\007\033]111\007'")
        drawn([("idx:1", "default"), ("idx:1", "idx:2"), ("idx:1", "default")], "reset")
        c.close()

    def test_drawn_without_rgb(self):
        # a terminal without 24-bit colour gets the nearest of 256
        pm = self.pm
        pm.shell_session("D", x=100, y=29)
        c = self.attach("D", rows=30, cols=100, colorterm=None)
        pm.type("D", r"clear; printf '\033]4;1;#ff0000\007\033]11;#00005f\007"
                r"\033[31mR\033[0mX\n'")
        c.wait_text("RX")
        want = [("idx:196", "idx:17"), ("default", "idx:17")]
        wait_for(lambda: [(x["fg"], x["bg"]) for x in c.screen.cells(0)[:2]] == want,
                 msg="the nearest 256-colour indexes",
                 describe=lambda: repr(c.screen.cells(0)[:2]))
        c.close()

    def test_malformed_ignored(self):
        pm = self.pm
        long_osc = r"\033]4;" + "1;nosuchcolour;" * 2000 + r"\007"
        got = self.ask(r"\033]4;300;red\007", r"\033]4;-1;red\007", r"\033]4;x;?\007",
                       r"\033]4;1;nosuchcolour\007", r"\033]4;1;rgb:zz/00/00\007",
                       r"\033]4;1;#12\007", r"\033]4\007", r"\033]4;\007", r"\033]4;1\007",
                       r"\033]10;\007", r"\033]11;garbage\007", r"\033]10;rgb:1/2\007",
                       r"\033]104;abc;;999\007", r"\033]110;x\007", r"\033]4;1;?;2\007",
                       long_osc, r"\033]4;1;?\007", r"\033]10;?\007")
        self.assertEqual(got, b"", got)
        self.assertEqual(pm.display("S", "#{pane_fg}|#{pane_bg}"), "default|default")
        # a sequence split across two reads is whole all the same
        self.assertEqual(self.ask(r"\033]4;7;rgb:0", "SLEEP", r"1/02/03\007\033]4;7", "SLEEP",
                                  r";?\007"),
                         self.osc4(7, rgb(1, 2, 3)))
        self.assertEqual(pm.display("S", "#{pane_fg}"), "default")


if __name__ == "__main__":
    pmuxtest.main()
