#!/usr/bin/env python3
"""tmux's default key bindings typed on an attached client: splits, pane
selection, zoom, closing a pane, new window and window switching. After
each step the client's screen shows the panes as capture-pane has them."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

PREFIX = b"\x02"
LEFT, RIGHT, UP, DOWN = b"\x1b[D", b"\x1b[C", b"\x1b[A", b"\x1b[B"


class Keys(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        # shells the key bindings start (default-shell, a login bash) read
        # ~/.bash_profile (and an interactive one ~/.bashrc): the test's prompt
        for name in (".bash_profile", ".bashrc"):
            with open(os.path.join(self.pm.tmp, name), "w") as f:
                f.write("PS1='%s'\nHISTFILE=/dev/null\n" % pmuxtest.PROMPT)
        self.pm.shell_session("S", x=100, y=29)
        self.c = self.attach("S", rows=30, cols=100)

    def prefix(self, key):
        """C-b then key, one key at a time (tmux takes a fast burst for a
        paste and does not look up bindings in it)."""
        self.c.keys(PREFIX)
        self.c.write(key)

    def panes(self):
        out = self.pm.run("list-panes", "-t", "S", "-F",
                          "#{pane_id} #{pane_active} #{pane_width} #{pane_height}")
        return [l.split() for l in out.split("\n") if l.strip()]

    def active(self):
        return self.pm.display("S", "#{pane_id}")

    def wait_panes(self, n, msg):
        return wait_for(lambda: len(self.panes()) == n and self.panes(),
                        msg="%d panes (%s)" % (n, msg),
                        describe=lambda: "%r\n%s" % (self.panes(), self.c.describe()))

    def three_panes(self):
        """C-b % then C-b \": returns (left, top right, bottom right)."""
        pm, c = self.pm, self.c
        first = self.active()
        self.prefix(b"%")                       # split left/right
        ps = self.wait_panes(2, "C-b %")
        self.assertEqual(sorted(int(p[2]) for p in ps), [49, 50])
        right = self.active()
        self.assertNotEqual(right, first)
        pm.note_panes()
        self.prefix(b'"')                       # split the right pane top/bottom
        ps = self.wait_panes(3, 'C-b "')
        bottom = self.active()
        pm.note_panes()
        self.assertEqual({p[0]: (p[2], p[3]) for p in ps}[bottom], ("49", "14"))
        for p in (first, right, bottom):
            pm.wait_prompt(p)
        c.wait_panes_match("S")
        return first, right, bottom

    def test_split_zoom_kill(self):
        pm, c = self.pm, self.c
        first, right, bottom = self.three_panes()
        self.prefix(b"z")                       # zoom the active pane
        wait_for(lambda: pm.display(bottom, "#{pane_width} #{pane_height}") == "100 29",
                 msg="C-b z zooms the active pane to the whole window", describe=c.describe)
        c.write(b"clear; echo zoomed-$((3*3))\r")
        pm.wait_line(bottom, "zoomed-9")
        c.wait_screen(lambda ls: ls[0].startswith("zoomed-9") if ls else False,
                      "the zoomed pane on the whole screen")
        # no border is drawn while zoomed: the pane's text spans the width
        top = c.screen.rect(0, 0, 29, 100)
        want = [l.rstrip() for l in pm.capture(bottom).split("\n")][:29]
        self.assertEqual([l.rstrip() for l in top][:len(want)], want, c.describe())
        self.prefix(b"z")                       # unzoom
        wait_for(lambda: pm.display(bottom, "#{pane_width} #{pane_height}") == "49 14",
                 msg="C-b z again unzooms", describe=c.describe)
        c.wait_panes_match("S")

        self.prefix(b"x")                       # kill-pane, after confirmation
        c.wait_screen(lambda ls: "(y/n)" in ls[29], "the confirmation prompt on the status line")
        c.keys(b"y")
        self.wait_panes(2, "C-b x y")
        c.wait_panes_match("S")

    def test_select_pane_arrows(self):
        pm, c = self.pm, self.c
        first, right, bottom = self.three_panes()
        self.prefix(LEFT)                       # C-b Left: to the left pane
        wait_for(lambda: self.active() == first, msg="C-b Left selects the left pane")
        c.write(b"echo in-left-$((2*21))\r")
        pm.wait_line(first, "in-left-42")
        self.prefix(RIGHT)
        wait_for(lambda: self.active() in (right, bottom), msg="C-b Right")
        self.prefix(UP)
        wait_for(lambda: self.active() == right, msg="C-b Up selects the top right pane")
        self.prefix(DOWN)
        wait_for(lambda: self.active() == bottom, msg="C-b Down selects the bottom right pane")
        c.wait_panes_match("S")


    def test_windows(self):
        pm, c = self.pm, self.c
        self.prefix(b"c")                       # new window
        wait_for(lambda: pm.run("list-windows", "-t", "S", "-F", "#{window_index}").split()
                 == ["0", "1"], msg="C-b c creates window 1")
        pm.note_panes()
        self.assertEqual(pm.display("S", "#{window_index}"), "1")
        c.wait_screen(lambda ls: "1:" in ls[29] and ls[29].startswith("[S]"),
                      "window 1 in the status line")
        pm.run("send-keys", "-t", "S:1", "-l", "echo window-one\r")
        pm.wait_line("S:1", "window-one")
        c.wait_text("window-one")
        c.wait_panes_match("S")
        self.prefix(b"p")                       # previous window
        wait_for(lambda: pm.display("S", "#{window_index}") == "0", msg="C-b p")
        c.wait_screen(lambda ls: not any("window-one" in l for l in ls), "window 0 shown")
        c.wait_panes_match("S")
        self.prefix(b"n")                       # next window
        wait_for(lambda: pm.display("S", "#{window_index}") == "1", msg="C-b n")
        c.wait_text("window-one")
        self.prefix(b"l")                       # last window
        wait_for(lambda: pm.display("S", "#{window_index}") == "0", msg="C-b l")
        c.wait_panes_match("S")

    def test_window_by_number(self):
        pm, c = self.pm, self.c
        pm.run("new-window", "-d", "-t", "S:1")
        pm.run("new-window", "-d", "-t", "S:2")
        pm.note_panes()
        for key, idx in ((b"2", "2"), (b"0", "0"), (b"1", "1")):
            self.prefix(key)
            wait_for(lambda: pm.display("S", "#{window_index}") == idx,
                     msg="C-b %s selects window %s" % (key.decode(), idx),
                     describe=c.describe)
            c.wait_screen(lambda ls: ("%s:" % idx) in ls[29], "the status line")
        c.wait_panes_match("S")


# Prints the bytes it reads, in hex, one read per line; q ends it.
HEXDUMP = r"""import os, sys, tty
tty.setraw(0)
sys.stdout.write(sys.argv[1])
sys.stdout.flush()
while True:
    b = os.read(0, 64)
    if b == b"q":
        break
    sys.stdout.write(" ".join("%02x" % c for c in b) + "\r\n")
    sys.stdout.flush()
"""


class KeyEncoding(screen.ScreenTestCase):
    """Keys typed on the client reach a pane encoded for its modes, as
    tmux 3.3a sends them (measured with the same program)."""

    def test_keypad_enter_without_keypad_mode(self):
        pm = self.pm
        prog = os.path.join(pm.tmp, "hexdump.py")
        with open(prog, "w") as f:
            f.write(HEXDUMP)
        pm.new_session("S", "python3", prog, "READY\r\n", x=100, y=29)
        c = self.attach("S", rows=30, cols=100)
        c.wait_text("READY")
        c.write(b"\x1bOM")
        pm.wait_line("S", "0a")   # as tmux: a line feed

    def test_modified_function_and_cursor_keys(self):
        pm = self.pm
        prog = os.path.join(pm.tmp, "hexdump.py")
        with open(prog, "w") as f:
            f.write(HEXDUMP)
        # the pane asks for application cursor keys and keypad
        pm.new_session("S", "python3", prog, "\x1b[?1h\x1b=READY\r\n", x=100, y=29)
        c = self.attach("S", rows=30, cols=100)
        c.wait_text("READY")
        sent = [(b"\x1b[A", "1b 4f 41"),                 # Up, DECCKM on
                (b"\x1b[1;5D", "1b 5b 31 3b 35 44"),     # C-Left
                (b"\x1b[15;2~", "1b 5b 31 35 3b 32 7e"),  # S-F5 (terminfo's F17)
                (b"\x1b[1;2P", "1b 5b 31 3b 32 50"),     # S-F1 (F13)
                (b"\x1b[24;5~", "1b 5b 32 34 3b 35 7e"),  # C-F12 (F36)
                (b"\x1b[Z", "1b 5b 5a"),                 # BTab
                (b"\x1bOM", "1b 4f 4d")]                 # KPEnter, keypad mode

        def received():
            # one read may hold several keys: compare the byte stream
            lines = [l.strip() for l in pm.capture("S").splitlines() if l.strip()]
            return " ".join(lines[1:])
        want = ""
        for key, hexes in sent:
            c.write(key)
            want = (want + " " + hexes).strip()
            wait_for(lambda w=want: received().startswith(w) or len(received()) >= len(w),
                     msg="the pane's reply to %r" % key, describe=received)
            self.assertEqual(received(), want)


class SynchronizePanes(screen.ScreenTestCase):
    """synchronize-panes: input typed into a pane, or sent with send-keys or
    send-prefix, also goes to the window's other panes that have the option
    on and are in no mode; paste-buffer does not (as tmux)."""

    def lines_of(self, pane):
        return [l.rstrip() for l in self.pm.capture(pane).splitlines() if l.strip()]

    def test_typed_and_sent_input(self):
        pm = self.pm
        pm.new_session("S", "cat", x=80, y=23)
        p = [pm.display("S", "#{pane_id}")]
        for _ in range(2):
            p.append(pm.run("split-window", "-d", "-t", p[0], "-P", "-F", "#{pane_id}",
                            "cat").strip())
        pm.run("set-option", "-w", "-t", "S", "synchronize-panes", "on")
        pm.run("set-option", "-p", "-t", p[2], "synchronize-panes", "off")
        self.assertEqual([pm.display(x, "#{pane_synchronized}") for x in p], ["1", "1", "0"])
        c = self.attach("S", rows=24, cols=80)
        c.write(b"typed-1\r")
        for x in p[:2]:
            pm.wait_text(x, "typed-1")
        # a pane in copy mode gets none of it; p[2] (option off) none at all
        pm.run("copy-mode", "-t", p[1])
        c.write(b"while-in-mode\r")
        pm.wait_text(p[0], "while-in-mode")
        pm.run("send-keys", "-X", "-t", p[1], "cancel")
        pm.run("send-keys", "-t", p[0], "sent-2", "Enter")
        # (cat's copy of the line first: the next key's echo could come
        # before it)
        wait_for(lambda: self.lines_of(p[1]).count("sent-2") == 2, msg="sent-2 echoed and copied",
                 describe=lambda: self.lines_of(p[1]))
        pm.run("send-keys", "-t", p[0], "-H", "41", "0a")
        pm.wait_text(p[1], "A")
        self.assertEqual(self.lines_of(p[1]), ["typed-1", "typed-1", "sent-2", "sent-2", "A",
                                               "A"])
        # paste-buffer is for the target alone
        pm.run("set-buffer", "pasted-3\n")
        pm.run("paste-buffer", "-t", p[0])
        pm.wait_text(p[0], "pasted-3")
        c.write(b"last-4\r")
        pm.wait_text(p[1], "last-4")
        self.assertNotIn("pasted-3", pm.capture(p[1]))
        self.assertNotIn("while-in-mode", pm.capture(p[1]))
        self.assertEqual(self.lines_of(p[2]), [])

    def test_select_pane_d_turns_input_off(self):
        # select-pane -d: keys typed or sent, and pastes, are dropped (a pane
        # synchronized with another is skipped too); -e turns input on again
        pm = self.pm
        pm.new_session("S", "cat", x=80, y=23)
        p = [pm.display("S", "#{pane_id}")]
        p.append(pm.run("split-window", "-d", "-t", p[0], "-P", "-F", "#{pane_id}",
                        "cat").strip())
        pm.run("set-option", "-w", "-t", "S", "synchronize-panes", "on")
        pm.run("select-pane", "-d", "-t", p[1])
        self.assertEqual(pm.display(p[1], "#{pane_input_off} #{pane_active}"), "1 0")
        c = self.attach("S", rows=24, cols=80)
        c.write(b"typed-1\r")
        pm.wait_text(p[0], "typed-1")
        pm.run("send-keys", "-t", p[1], "sent-2", "Enter")
        pm.run("send-keys", "-t", p[1], "-H", "41", "0a")
        pm.run("set-buffer", "pasted-3\n")
        pm.run("paste-buffer", "-t", p[1])
        pm.run("select-pane", "-e", "-t", p[1])
        self.assertEqual(pm.display(p[1], "#{pane_input_off}"), "0")
        c.write(b"after-4\r")
        pm.wait_text(p[1], "after-4")
        self.assertEqual(self.lines_of(p[1]), ["after-4", "after-4"])


class KeyTableOption(screen.ScreenTestCase):

    def test_key_table(self):
        # key-table: the session's clients look keys up in that table first;
        # a key not bound there goes to the pane, and the prefix still works
        pm = self.pm
        pm.new_session("S", "cat", x=80, y=23)
        pm.run("bind-key", "-T", "mine", "z", "set-option", "-g", "@hit", "z-ran")
        pm.run("bind-key", "-T", "prefix", "y", "set-option", "-g", "@pre", "y-ran")
        pm.run("set-option", "-t", "S", "key-table", "mine")
        c = self.attach("S", rows=24, cols=80)
        self.assertEqual(pm.run("list-clients", "-F", "#{client_key_table}").strip(), "mine")
        c.keys(b"z")
        wait_for(lambda: pm.run("show-options", "-gv", "@hit").strip() == "z-ran",
                 msg="z bound in the key-table", describe=c.describe)
        c.keys(b"\x02")
        c.keys(b"y")
        wait_for(lambda: pm.run("show-options", "-gv", "@pre").strip() == "y-ran",
                 msg="the prefix table", describe=c.describe)
        c.write(b"typed\r")
        pm.wait_text("S", "typed")
        self.assertNotIn("z", pm.capture("S"))


if __name__ == "__main__":
    pmuxtest.main()
