#!/usr/bin/env python3
"""customize-mode through an attached client: C-b C lists the options and
key bindings over the pane (tmux's customize mode: Server Options, Session
Options, Window & Pane Options and one item per key table, collapsed), keys
expand, Enter sets a value through the prompt (a flag toggles), d sets an
option back to its default and unbinds a key that has no default, q
leaves."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

MODE_BG = "idx:3"  # mode-style bg=yellow
DOWN = b"\x1b[B"
RIGHT = b"\x1b[C"
LEFT = b"\x1b[D"


class Customize(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=80, y=30)
        self.p = pm.display("S", "#{pane_id}")

    def in_mode(self):
        return self.pm.display(self.p, "#{pane_in_mode}") == "1"

    def open_mode(self, c):
        c.wait_panes_match("S")
        c.keys(b"\x02C")
        c.wait_text("Window & Pane Options")
        return c.lines()

    def current_line(self, c):
        """The text of the row drawn in mode-style."""
        for row, cells in enumerate(c.screen.cells()[:30]):
            if cells and cells[0]["bg"] == MODE_BG and cells[-1]["bg"] == MODE_BG:
                return c.lines()[row]
        return None

    def go_to(self, c, text):
        """Down until the current line holds text."""
        for _ in range(200):
            cur = self.current_line(c) or ""
            if text in cur:
                return
            c.write(DOWN)
            c.wait_screen(lambda ls: (self.current_line(c) or "") != cur, "a move")
        self.fail("no line with %r: %s" % (text, c.describe()))

    def test_sections_and_expand(self):
        pm = self.pm
        c = self.attach("S", rows=31, cols=80)
        lines = self.open_mode(c)
        text = "\n".join(lines)
        for section in ("+ Server Options", "+ Session Options",
                        "+ Window & Pane Options", "+ Key Table - prefix"):
            self.assertIn(section, text, c.describe())
        self.assertEqual(pm.display(self.p, "#{pane_mode}"), "options-mode")
        self.assertIn("C", pm.run("list-keys", "-T", "prefix", "C"))
        self.assertIn("customize-mode -Z", pm.run("list-keys", "-T", "prefix", "C"))
        # Right expands the current item: the server options with values
        c.write(RIGHT)
        c.wait_text("- Server Options")
        c.wait_text("buffer-limit: 50")
        c.wait_text("escape-time: ")
        # - collapses it again
        c.keys(b"-")
        c.wait_text("+ Server Options")
        self.assertNotIn("buffer-limit", c.text())
        c.keys(b"q")
        wait_for(lambda: not self.in_mode(), msg="q leaves customize mode",
                 describe=c.describe)
        c.wait_panes_match("S")

    def test_set_and_reset_option(self):
        pm = self.pm
        c = self.attach("S", rows=31, cols=80)
        self.open_mode(c)
        c.write(RIGHT)
        c.wait_text("buffer-limit: 50")
        self.go_to(c, "buffer-limit")
        # the preview names the option and shows its value
        c.wait_text("Option value: 50")
        # Enter: the prompt with the value; its answer is set
        c.keys(b"\r")
        c.wait_text("(buffer-limit) 50")
        c.keys(b"\x15")  # C-u clears the prompt
        c.keys(b"77\r")
        wait_for(lambda: pm.run("show-options", "-s", "buffer-limit").strip() == "buffer-limit 77",
                 msg="buffer-limit set to 77", describe=c.describe)
        c.wait_text("buffer-limit: 77")
        self.assertTrue(self.in_mode())
        # d: back to the default, once confirmed
        c.keys(b"d")
        c.wait_text("Reset buffer-limit to default?")
        c.keys(b"y")
        wait_for(lambda: pm.run("show-options", "-s", "buffer-limit").strip() == "buffer-limit 50",
                 msg="buffer-limit back to 50", describe=c.describe)
        c.wait_text("buffer-limit: 50")

    def test_flag_toggles(self):
        pm = self.pm
        c = self.attach("S", rows=31, cols=80)
        self.open_mode(c)
        self.go_to(c, "Window & Pane Options")
        c.write(RIGHT)
        c.wait_text("allow-rename: off")
        self.go_to(c, "allow-rename")
        # Enter sets the pane's value (a window and pane option), as tmux
        c.keys(b"\r")
        wait_for(lambda: pm.run("show-options", "-p", "-t", self.p, "allow-rename").strip()
                 == "allow-rename on", msg="Enter turns the flag on", describe=c.describe)
        c.wait_text("allow-rename: (pane 0) on")
        self.assertEqual(pm.run("show-options", "-gw", "allow-rename").strip(),
                         "allow-rename off")
        # S sets the global value
        c.keys(b"S")
        wait_for(lambda: pm.run("show-options", "-gw", "allow-rename").strip()
                 == "allow-rename on", msg="S turns the global flag on", describe=c.describe)
        # u unsets the pane's value (once confirmed)
        c.keys(b"u")
        c.wait_text("Unset allow-rename?")
        c.keys(b"y")
        wait_for(lambda: pm.run("show-options", "-p", "-t", self.p, "allow-rename").strip()
                 == "", msg="u unsets the pane's value", describe=c.describe)
        c.wait_text("allow-rename: on")

    def test_local_values_and_choice(self):
        pm = self.pm
        pm.run("set-option", "-t", "S", "display-time", "1234")
        pm.run("set-option", "-w", "-t", "S", "mode-keys", "vi")
        c = self.attach("S", rows=31, cols=80)
        self.open_mode(c)
        self.go_to(c, "Session Options")
        c.write(RIGHT)
        self.go_to(c, "display-time")
        c.wait_text("display-time: (session S) 1234 milliseconds")
        c.wait_text("Global value: 750 milliseconds")
        self.go_to(c, "Window & Pane Options")
        c.write(RIGHT)
        self.go_to(c, "mode-keys")
        c.wait_text("mode-keys: (window 0) vi")
        # Enter on a choice: the next one, for the window
        c.keys(b"\r")
        wait_for(lambda: pm.run("show-options", "-w", "-t", "S", "mode-keys").strip()
                 == "mode-keys emacs", msg="Enter moves to the next choice",
                 describe=c.describe)
        c.wait_text("mode-keys: (window 0) emacs")

    def test_key_binding_set_and_unbind(self):
        pm = self.pm
        pm.run("bind-key", "-N", "my note", "F5", "display-message", "hi")
        pm.run("bind-key", "F6", "display-message", "six")
        c = self.attach("S", rows=31, cols=80)
        self.open_mode(c)
        self.go_to(c, "Key Table - prefix")
        c.write(RIGHT)
        c.wait_text("- Key Table - prefix")
        self.go_to(c, "+ F5")
        c.wait_text("my note")  # the preview: the key's note
        # Enter on its command: the prompt with it; the answer is bound
        c.write(RIGHT)
        c.wait_text("Command: display-message hi")
        self.go_to(c, "Command: display-message hi")
        c.keys(b"\r")
        c.wait_text("(F5) display-message hi")
        c.keys(b"\x15")
        c.keys(b"display-message bye\r")
        wait_for(lambda: "display-message bye" in pm.run("list-keys", "-T", "prefix", "F5"),
                 msg="F5 bound to the new command", describe=c.describe)
        self.assertIn("my note", pm.run("list-keys", "-N", "-T", "prefix", "F5"))
        # Left: back to the key; d: F5 has no default binding, so it goes
        c.write(LEFT)
        c.wait_screen(lambda ls: "+ F5" in (self.current_line(c) or ""), "F5 current")
        c.keys(b"d")
        c.wait_text("Reset F5 to default?")
        c.keys(b"y")
        wait_for(lambda: " F5 " not in pm.run("list-keys", "-T", "prefix"),
                 msg="d unbinds F5", describe=c.describe)
        c.wait_screen(lambda ls: "F5" not in "\n".join(ls[:20]), "F5 gone from the list")
        self.assertTrue(self.in_mode())
        c.keys(b"\x1b")
        wait_for(lambda: not self.in_mode(), msg="Escape leaves", describe=c.describe)

    @unittest.skipIf(pmuxtest.flavor() == "tmux", "tmux 3.3a spins on this customize-mode filter")
    def test_filter_and_format(self):
        pm = self.pm
        c = self.attach("S", rows=31, cols=80)
        c.wait_panes_match("S")
        pm.run("customize-mode", "-N", "-t", self.p, "-f", "#{m:*-limit,#{option_name}}",
               "-F", "<#{option_value}>")
        c.wait_text("Server Options")
        c.write(RIGHT)
        c.wait_text("buffer-limit: <50>")
        text = c.text()
        self.assertNotIn("escape-time", text)
        self.assertNotIn("Key Table", text)
        self.assertNotIn("┌", text, "-N: no preview")
        r = pm.cmd("customize-mode", "-t", self.p, "-F", "#{")
        self.assertNotEqual(r.rc, 0)


if __name__ == "__main__":
    pmuxtest.main()
