#!/usr/bin/env python3
"""extended-keys: keys with modifiers that have no traditional encoding
(C-Enter, S-Enter, C-Tab, C-1, C-S-a ...) reach a program that asked for
them (xterm's modifyOtherKeys, CSI > 4 ; 1 m) as extended keys, CSI code ;
modifiers u, as tmux 3.3a sends them; send-keys and a client's terminal
alike."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# Puts its terminal in raw mode, writes its first argument (a prefix such
# as CSI > 4 ; 1 m) and "ready", and appends every byte it reads to a file.
PROGRAM = """\
import os, sys, tty
tty.setraw(0)
os.write(1, sys.argv[2].encode().decode("unicode_escape").encode("latin1") + b"ready")
while True:
    data = os.read(0, 1024)
    if not data:
        break
    with open(sys.argv[1], "ab") as f:
        f.write(data)
"""

MARK = "F5"    # a key with the same bytes everywhere, after each key under test
MARK_BYTES = b"\x1b[15~"


class ExtendedKeys(screen.ScreenTestCase):

    def start(self, ext, prefix, session="S"):
        """A session (extended-keys set before it) running PROGRAM with
        prefix; returns its pane and the file of what it reads."""
        pm = self.pm
        script = os.path.join(pm.tmp, "keys.py")
        with open(script, "w") as f:
            f.write(PROGRAM)
        out = os.path.join(pm.tmp, "keys-%s.bin" % session)
        # one command line: the server would exit between two with no session
        pm.run("start-server", ";", "set-option", "-s", "extended-keys", ext, ";",
               "new-session", "-d", "-s", session, "-x", "80", "-y", "24",
               "python3 %s %s '%s'; sleep 100" % (script, out, prefix))
        pm.note_panes()
        pm.wait_text(session, "ready")
        return pm.display(session, "#{pane_id}"), out

    def sent(self, pane, out, key):
        """What the program reads for send-keys key (MARK after it tells
        where it ends)."""
        before = len(pmuxtest.recorded(out))
        self.pm.run("send-keys", "-t", pane, key, MARK)
        data = wait_for(lambda: (lambda d: d if d.endswith(MARK_BYTES) else None)(
            pmuxtest.recorded(out)[before:]), msg="the bytes of %s" % key)
        return data[:-len(MARK_BYTES)]

    def check(self, pane, out, table):
        got = {k: self.sent(pane, out, k) for k in table}
        self.assertEqual(got, table)

    def test_backspace_option(self):
        pane, out = self.start("off", "")
        self.assertEqual(self.sent(pane, out, "BSpace"), b"\x7f")
        self.pm.run("set-option", "-s", "backspace", "C-h")
        self.assertEqual(self.sent(pane, out, "BSpace"), b"\x08")
        # with its modifiers, as tmux
        self.assertEqual(self.sent(pane, out, "M-BSpace"), b"\x1b\x08")
        self.assertEqual(self.sent(pane, out, "C-h"), b"\x08")

    def test_program_asked(self):
        pane, out = self.start("on", "\\x1b[>4;1m")
        self.check(pane, out, {
            "C-Enter": b"\x1b[13;5u",
            "S-Enter": b"\x1b[13;2u",
            "C-M-Enter": b"\x1b[13;7u",
            "C-Tab": b"\x1b[9;5u",
            "C-S-Tab": b"\x1b[9;6u",
            "C-BSpace": b"\x1b[127;5u",
            "C-Escape": b"\x1b[27;5u",
            "C-1": b"\x1b[49;5u",
            "C-/": b"\x1b[47;5u",
            "C-S-a": b"\x1b[65;6u",
            # keys with a traditional encoding keep it
            "C-a": b"\x01",
            "M-C-a": b"\x1b\x01",
            "M-Enter": b"\x1b\r",
            "Enter": b"\r",
            "C-Up": b"\x1b[1;5A",
            "BTab": b"\x1b[Z",
        })
        # CSI > 4 m resets it: Ctrl alone then sends nothing or its C0 byte,
        # other modifiers the key's name, as tmux does
        self.pm.run("respawn-pane", "-k", "-t", pane,
                    "python3 %s %s '\\x1b[>4;2m\\x1b[>4m'; sleep 100"
                    % (os.path.join(self.pm.tmp, "keys.py"), out))
        self.pm.wait_text(pane, "ready")
        self.check(pane, out, {
            "C-Enter": b"",
            "C-1": b"",
            "C-/": b"\x1f",
            "S-Enter": b"S-Enter",
            "C-S-a": b"C-S-a",
            "C-a": b"\x01",
        })

    def test_program_did_not_ask(self):
        pane, out = self.start("on", "")
        self.check(pane, out, {"C-Enter": b"", "C-Tab": b"", "S-Enter": b"S-Enter",
                               "C-/": b"\x1f", "M-Enter": b"\x1b\r"})

    def test_always(self):
        pane, out = self.start("always", "")
        self.check(pane, out, {"C-Enter": b"\x1b[13;5u", "S-Enter": b"\x1b[13;2u",
                               "C-a": b"\x01", "C-/": b"\x1b[47;5u"})

    def test_off_and_the_xterm_format(self):
        if pmuxtest.flavor() == "tmux":
            self.skipTest("tmux 3.3a forwards extended keys with extended-keys off too, "
                          "and has no extended-keys-format")
        pane, out = self.start("off", "\\x1b[>4;1m")
        self.check(pane, out, {"C-Enter": b"", "S-Enter": b"S-Enter", "C-/": b"\x1f"})
        self.pm.run("set-option", "-s", "extended-keys", "on")
        self.check(pane, out, {"C-Enter": b"\x1b[13;5u"})
        self.pm.run("set-option", "-s", "extended-keys-format", "xterm")
        self.check(pane, out, {"C-Enter": b"\x1b[27;5;13~", "C-S-a": b"\x1b[27;6;65~",
                               "C-a": b"\x01"})

    def test_keys_typed_on_a_client(self):
        pm = self.pm
        pane, out = self.start("on", "\\x1b[>4;1m")
        pm.run("set-option", "-as", "terminal-features", ",xterm*:extkeys")
        c = self.attach("S")
        # the terminal is asked for extended keys, and told to stop on detach
        wait_for(lambda: b"\x1b[>4;1m" in c.tail, msg="extended keys asked of the terminal",
                 describe=lambda: repr(c.tail[-300:]))
        before = len(pmuxtest.recorded(out))
        c.write(b"\x1b[13;5u")
        c.write(b"\x1b[27;2;13~")
        c.write(b"\x1b[65;6u")
        c.write(b"\x1b[15~")
        want = b"\x1b[13;5u\x1b[13;2u\x1b[65;6u\x1b[15~"
        wait_for(lambda: pmuxtest.recorded(out)[before:] == want,
                 msg="the typed keys as extended keys",
                 describe=lambda: repr(pmuxtest.recorded(out)[before:]))
        pm.run("detach-client", "-s", "S")
        c.wait_exit()
        wait_for(lambda: b"\x1b[>4m" in c.tail[c.tail.rfind(b"\x1b[>4;1m"):],
                 msg="extended keys turned off on detach")

    def test_options(self):
        pm = self.pm
        pm.new_session("S", "sleep 100")
        show = lambda *a: pm.run("show-options", *a).strip()   # noqa: E731
        self.assertEqual(show("-s", "extended-keys"), "extended-keys off")
        self.assertEqual(show("-gw", "xterm-keys"), "xterm-keys on")
        self.assertEqual(show("-gw", "allow-passthrough"), "allow-passthrough off")
        # a choice given no value swaps its first two values, as a flag does
        pm.run("set-option", "-s", "extended-keys")
        self.assertEqual(show("-s", "extended-keys"), "extended-keys on")
        pm.run("set-option", "-s", "extended-keys")
        self.assertEqual(show("-s", "extended-keys"), "extended-keys off")
        pm.run("set-option", "-s", "extended-keys", "always")
        pm.run("set-option", "-s", "extended-keys")
        self.assertEqual(show("-s", "extended-keys"), "extended-keys always")
        r = pm.cmd("set-option", "-s", "extended-keys", "sometimes")
        self.assertNotEqual(r.rc, 0)
        pm.run("set-option", "-w", "xterm-keys", "off")
        self.assertEqual(show("-w", "xterm-keys"), "xterm-keys off")
        pm.run("set-option", "-p", "allow-passthrough", "on")
        self.assertEqual(show("-p", "allow-passthrough"), "allow-passthrough on")


if __name__ == "__main__":
    import unittest
    unittest.main()
