#!/usr/bin/env python3
"""choose-buffer through an attached client: C-b = lists the paste buffers
over the pane (tmux's buffer mode: one line per buffer, the current one in
mode-style, a preview box below), keys move, tag and delete, Enter pastes
the chosen buffer into the pane, q leaves the pane as it was."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

MODE_BG = "idx:3"  # mode-style bg=yellow


class ChooseBuffer(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=60, y=20)
        self.p = pm.display("S", "#{pane_id}")
        # the older buffer runs a command when pasted; the newer is text
        pm.run("set-buffer", "-b", "older", "echo PASTED-$((40+2))\n")
        pm.run("set-buffer", "newer text")

    def in_mode(self):
        return self.pm.display(self.p, "#{pane_in_mode}") == "1"

    def open_mode(self, c, keys=b"\x02="):
        c.keys(keys)
        c.wait_text("(1) older: ")
        return c.lines()

    def current_line(self, c):
        """The text of the row drawn in mode-style."""
        for row, cells in enumerate(c.screen.cells()[:20]):
            if cells and cells[0]["bg"] == MODE_BG and cells[-1]["bg"] == MODE_BG:
                return c.lines()[row]
        return None

    def test_list_preview_and_paste_second(self):
        pm = self.pm
        c = self.attach("S", rows=21, cols=60)
        lines = self.open_mode(c)
        self.assertTrue(lines[0].startswith("(0) buffer0: "), c.describe())
        self.assertTrue(lines[0].endswith(": newer text"), c.describe())
        self.assertTrue(lines[1].startswith("(1) older: "), c.describe())
        self.assertTrue(lines[1].endswith(r": echo PASTED-$((40+2))\n"), c.describe())
        self.assertEqual(pm.display(self.p, "#{pane_mode}"), "buffer-mode")
        # the preview box: the current buffer's name and text
        self.assertTrue(lines[10].startswith("┌ buffer0 (sort: time) ─"), c.describe())
        self.assertEqual(lines[11].rstrip("│ "), "│ newer text")
        self.assertTrue(lines[19].startswith("└─"), c.describe())
        self.assertTrue(self.current_line(c).startswith("(0) buffer0"), c.describe())
        self.assertEqual(c.cursor()["visible"], 0, "no cursor in the mode")
        c.write(b"\x1b[B")  # Down, as one sequence
        c.wait_screen(lambda ls: (self.current_line(c) or "").startswith("(1) older"),
                      "the second line current")
        c.wait_screen(lambda ls: ls[10].startswith("┌ older (sort: time)"), "its preview")
        self.assertEqual(c.lines()[11].rstrip("│ "), "│ echo PASTED-$((40+2))")
        c.keys(b"\r")
        pm.wait_line(self.p, "PASTED-42")
        self.assertFalse(self.in_mode())
        c.wait_panes_match("S")

    def test_q_leaves_pane_unchanged(self):
        pm = self.pm
        c = self.attach("S", rows=21, cols=60)
        c.wait_panes_match("S")
        before = pm.capture(self.p)
        self.open_mode(c)
        self.assertTrue(self.in_mode())
        c.keys(b"q")
        wait_for(lambda: not self.in_mode(), msg="q leaves buffer mode", describe=c.describe)
        c.wait_panes_match("S")
        self.assertEqual(pm.capture(self.p), before)
        self.assertEqual(pm.run("list-buffers", "-F", "#{buffer_name}").split(),
                         ["buffer0", "older"])
        # Escape too; and keys then go to the shell again
        self.open_mode(c)
        c.keys(b"\x1b")
        wait_for(lambda: not self.in_mode(), msg="Escape leaves buffer mode",
                 describe=c.describe)
        c.keys(b"echo A")
        pm.wait_text(self.p, "pmt$ echo A")

    def test_delete_and_tags(self):
        pm = self.pm
        pm.run("set-buffer", "-b", "third", "3")
        c = self.attach("S", rows=21, cols=60)
        c.keys(b"\x02=")
        c.wait_text("(2) older: ")
        # d deletes the current buffer (the newest, third)
        c.keys(b"d")
        wait_for(lambda: pm.run("list-buffers", "-F", "#{buffer_name}").split()
                 == ["buffer0", "older"], msg="d deleted the current buffer",
                 describe=c.describe)
        c.wait_screen(lambda ls: ls[0].startswith("(0) buffer0") and
                      ls[1].startswith("(1) older"), "the list without it")
        # t tags (and moves down); a tagged line shows *; D deletes them
        c.keys(b"t")
        c.wait_text("(0) buffer0*: ")
        self.assertTrue(self.current_line(c).startswith("(1) older"), c.describe())
        c.keys(b"D")
        wait_for(lambda: pm.run("list-buffers", "-F", "#{buffer_name}").split()
                 == ["older"], msg="D deleted the tagged buffer", describe=c.describe)
        self.assertTrue(self.in_mode())
        # deleting the last buffer ends the mode
        c.keys(b"d")
        wait_for(lambda: not self.in_mode(), msg="the mode ends with no buffers",
                 describe=c.describe)
        self.assertEqual(pm.run("list-buffers"), "")

    def test_options_and_shortcut(self):
        pm = self.pm
        c = self.attach("S", rows=21, cols=60)
        # -N: no preview; -O name; -F: the text after the name; a template
        pm.run("choose-buffer", "-N", "-O", "name", "-F", "#{buffer_size} bytes",
               "-t", self.p, "rename-window -- 'got-%%'")
        c.wait_screen(lambda ls: ls[0] == "(0) buffer0: 10 bytes" and
                      ls[1] == "(1) older: 22 bytes", "sorted by name with -F")
        self.assertFalse(any("┌" in l for l in c.lines()), "no preview with -N")
        # r reverses the order
        c.keys(b"r")
        c.wait_screen(lambda ls: ls[0] == "(0) older: 22 bytes", "reversed")
        # a shortcut key chooses at once
        c.keys(b"1")
        wait_for(lambda: pm.display(self.p, "#{window_name}") == "got-buffer0",
                 msg="the template run for buffer0", describe=c.describe)
        self.assertFalse(self.in_mode())
        # -f hides buffers for which it is false
        pm.run("choose-buffer", "-f", "#{==:#{buffer_name},older}", "-t", self.p)
        c.wait_screen(lambda ls: ls[0].startswith("(0) older: ") and
                      not ls[1].startswith("(1)"), "filtered")
        c.keys(b"q")
        wait_for(lambda: not self.in_mode(), msg="q", describe=c.describe)

    def test_list_follows_buffers(self):
        pm = self.pm
        c = self.attach("S", rows=21, cols=60)
        self.open_mode(c)
        pm.run("set-buffer", "-b", "added", "new one")
        c.wait_screen(lambda ls: ls[0].startswith("(0) added: ") and
                      ls[2].startswith("(2) older: "), "the new buffer listed")
        pm.run("delete-buffer", "-b", "older")
        c.wait_screen(lambda ls: not ls[2].startswith("(2)") and
                      (self.current_line(c) or "").startswith("(1) buffer0"),
                      "the deleted one gone")
        # the mouse does not start copy mode over buffer mode: a click
        # makes its line (buffer0's) the current one, the wheel does nothing
        pm.run("set", "-g", "mouse", "on")
        c.write(b"\x1b[<0;3;2M\x1b[<0;3;2m")
        c.write(b"\x1b[<64;3;2M")  # wheel up
        # the current buffer is kept by name as lines come and go: buffer0
        # is now the second line, and Down wraps around to the first
        self.assertTrue((self.current_line(c) or "").startswith("(1) buffer0"),
                        c.describe())
        c.write(b"j")  # after the mouse events
        c.wait_screen(lambda ls: (self.current_line(c) or "").startswith("(0) added"),
                      "j handled after the mouse events")
        self.assertEqual(pm.display(self.p, "#{pane_mode}[#{scroll_position}]"),
                         "buffer-mode[]", "no copy mode under buffer mode")

    def test_send_keys_to_buffer_mode(self):
        # keys sent to a pane in buffer mode go to the mode, as in tmux
        pm = self.pm
        self.attach("S", rows=21, cols=60)  # tmux's choose-buffer wants a client
        pm.run("choose-buffer", "-t", self.p)
        self.assertTrue(self.in_mode())
        pm.run("send-keys", "-t", self.p, "Down", "Enter")
        pm.wait_line(self.p, "PASTED-42")
        self.assertFalse(self.in_mode())

    def test_zoom(self):
        pm = self.pm
        pm.run("split-window", "-t", self.p, "-d")
        c = self.attach("S", rows=21, cols=60)
        self.open_mode(c)   # C-b = is choose-buffer -Z
        self.assertEqual(pm.display(self.p, "#{window_zoomed_flag}"), "1")
        c.keys(b"q")
        wait_for(lambda: pm.display(self.p, "#{window_zoomed_flag}") == "0",
                 msg="unzoomed after q", describe=c.describe)
        c.wait_panes_match("S")


    def test_e_edits_the_buffer_in_a_popup(self):
        pm = self.pm
        # an "editor" that changes the file in place and exits 0
        pm.run("set-option", "-s", "editor", "sed -i s/newer/edited/")
        before = set(f for f in os.listdir("/tmp") if f.startswith("pmux-edit."))
        c = self.attach("S", rows=21, cols=60)
        self.open_mode(c)
        c.keys(b"e")
        wait_for(lambda: pm.run("show-buffer", "-b", "buffer0") == "edited text",
                 msg="the buffer edited", describe=lambda: pm.run("show-buffer", "-b", "buffer0"))
        c.wait_text(": edited text")  # buffer mode shows the new text
        after = set(f for f in os.listdir("/tmp") if f.startswith("pmux-edit."))
        self.assertEqual(after - before, set(), "the temporary file was left")
        # an editor that changes the file but fails changes nothing
        pm.run("set-option", "-s", "editor", 'f() { sed -i s/edited/lost/ "$1"; false; }; f')
        c.keys(b"e")
        wait_for(lambda: pm.display(self.p, "#{pane_mode}") == "buffer-mode" and
                 "pmux-edit" not in " ".join(os.listdir("/tmp")), msg="the popup closed",
                 describe=c.describe)
        self.assertEqual(pm.run("show-buffer", "-b", "buffer0"), "edited text")

    def test_editor_from_the_environment(self):
        # as tmux: $EDITOR is the editor option and, with vi in its name,
        # vi keys are the default
        pm = pmuxtest.Pmux()
        self.addCleanup(pm.cleanup)
        pm.env["EDITOR"] = "/usr/bin/vim.basic"
        pm.run("new-session", "-d", "-s", "E")
        self.assertEqual(pm.run("show-options", "-sv", "editor").strip(), "/usr/bin/vim.basic")
        self.assertEqual(pm.run("show-options", "-gwv", "mode-keys").strip(), "vi")
        self.assertEqual(pm.run("show-options", "-gv", "status-keys").strip(), "vi")


if __name__ == "__main__":
    pmuxtest.main()
