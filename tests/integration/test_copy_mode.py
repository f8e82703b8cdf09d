#!/usr/bin/env python3
"""Copy mode driven by commands: copy-mode, send-keys -X, then show-buffer;
and the vi key table through an attached client."""

import base64
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402

# 30 numbered lines into a 10-row pane: 21 go to history; the program then
# waits, its output done, so the grid stays still while copy mode looks.
LINES = "i=1; while [ $i -le 30 ]; do echo line-$i; i=$((i+1)); done; printf end; exec sleep 1000"


class CopyMode(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.new_session("c", "sh", "-c", LINES, x=40, y=10)
        pm.wait_text("c", "end")

    def x(self, *words):
        self.pm.run("send-keys", "-t", "c", "-X", *words)

    def buffer(self):
        return self.pm.run("show-buffer")

    def fmt(self, f):
        return self.pm.display("c", f)

    def test_mode_flag_and_cancel(self):
        pm = self.pm
        self.assertEqual(self.fmt("#{pane_in_mode}"), "0")
        r = pm.cmd("send-keys", "-t", "c", "-X", "cursor-up")
        self.assertEqual(r.rc, 1)
        self.assertIn("not in a mode", r.err)
        pm.run("copy-mode", "-t", "c")
        self.assertEqual(self.fmt("#{pane_in_mode} #{pane_mode} #{scroll_position}"),
                         "1 copy-mode 0")
        self.x("cancel")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "0")
        pm.run("copy-mode", "-t", "c")
        pm.run("copy-mode", "-q", "-t", "c")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "0")

    def test_copy_two_lines_from_history(self):
        pm = self.pm
        pm.run("copy-mode", "-t", "c")
        self.x("history-top")
        self.assertEqual(self.fmt("#{scroll_position} #{copy_cursor_y}"), "21 0")
        self.x("cursor-down")  # line-2
        self.x("begin-selection")
        self.x("cursor-down")
        self.x("end-of-line")
        self.x("copy-selection-and-cancel")
        self.assertEqual(self.buffer(), "line-2\nline-3")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "0")

    def test_page_and_lines(self):
        pm = self.pm
        pm.run("copy-mode", "-u", "-t", "c")
        self.assertEqual(self.fmt("#{scroll_position}"), "10")
        self.x("page-up")
        self.assertEqual(self.fmt("#{scroll_position}"), "20")
        self.x("page-up")  # stops at the top
        self.assertEqual(self.fmt("#{scroll_position}"), "21")
        self.x("halfpage-down")
        self.assertEqual(self.fmt("#{scroll_position}"), "16")
        self.x("top-line")
        self.x("select-line")
        self.x("copy-selection")
        self.assertEqual(self.buffer(), "line-6")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "1")  # copy-selection stays
        self.x("history-bottom")
        self.assertEqual(self.fmt("#{scroll_position}"), "0")
        self.x("select-line")  # the last line: "end"
        self.x("append-selection-and-cancel")  # onto the newest buffer, as it is
        self.assertEqual(self.buffer(), "line-6end")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "0")

    def test_search(self):
        pm = self.pm
        pm.run("copy-mode", "-t", "c")

        def copy_word():
            self.x("begin-selection")
            self.x("end-of-line")
            self.x("copy-selection")
            self.x("start-of-line")
            return self.buffer()

        self.x("search-backward", "line-1")  # the nearest above: line-19
        self.assertEqual(copy_word(), "line-19")
        self.x("search-again")  # line-18
        self.x("search-again")
        self.assertEqual(copy_word(), "line-17")
        self.x("search-reverse")  # forward again
        self.assertEqual(copy_word(), "line-18")
        self.x("history-top")
        self.x("search-forward", "ne-25")
        self.x("begin-selection")
        self.x("end-of-line")
        self.x("copy-selection")
        self.assertEqual(self.buffer(), "ne-25")

    def test_rectangle_and_words(self):
        pm = self.pm
        pm.run("copy-mode", "-t", "c")
        self.x("history-top")
        # "-" is one of the word-separators: a word of its own, as in tmux
        self.x("next-word")
        self.assertEqual(self.fmt("#{copy_cursor_y} #{copy_cursor_x}"), "0 4")
        self.x("next-word-end")  # emacs: just past the word
        self.assertEqual(self.fmt("#{copy_cursor_y} #{copy_cursor_x}"), "0 5")
        self.x("previous-word")
        self.assertEqual(self.fmt("#{copy_cursor_y} #{copy_cursor_x}"), "0 4")
        self.x("start-of-line")
        self.x("cursor-down")
        self.x("cursor-right")
        self.x("cursor-right")
        self.x("begin-selection")
        self.x("rectangle-toggle")
        self.x("cursor-down")
        self.x("cursor-down")
        self.x("cursor-right")
        self.x("cursor-right")
        self.x("copy-selection")
        # emacs keys: the column under the cursor is not part of it
        self.assertEqual(self.buffer(), "ne\nne\nne")

    def test_output_keeps_arriving(self):
        pm = self.pm
        pm.new_session("o", "sh", "-c", "while :; do echo tick; sleep 0.05; done", x=40, y=5)
        pm.wait_text("o", "tick")
        pm.run("copy-mode", "-t", "o")
        pm.run("send-keys", "-t", "o", "-X", "cursor-up")

        def sizes():  # history size and offset read together
            return [int(v) for v in pm.display("o", "#{history_size} #{scroll_position}").split()]

        h0, s0 = sizes()
        pmuxtest.wait_for(lambda: sizes()[0] > h0 + 3, msg="history grows in copy mode")
        # the view stays on its text: the offset grows with the history
        h1, s1 = sizes()
        self.assertEqual(s1 - s0, h1 - h0)
        self.assertEqual(pm.display("o", "#{pane_in_mode}"), "1")

    def test_exit_at_bottom(self):
        pm = self.pm
        pm.run("copy-mode", "-e", "-t", "c")
        self.x("scroll-up")
        self.x("scroll-up")
        self.x("scroll-down")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "1")
        self.x("scroll-down")
        self.assertEqual(self.fmt("#{pane_in_mode}"), "0")

    def test_vi_keys_attached(self):
        pm = self.pm
        pm.run("set-option", "-g", "mode-keys", "vi")
        client = pmuxtest.AttachedClient(pm, "attach", "-t", "c", rows=12, cols=40)
        client.wait_output(b"end")
        client.write(b"\x02[")
        pmuxtest.wait_for(lambda: self.fmt("#{pane_in_mode}") == "1", msg="copy mode")
        client.write(b"kkk0 jj\r")  # Enter copies and leaves
        pmuxtest.wait_for(lambda: self.fmt("#{pane_in_mode}") == "0", msg="copy mode left")
        self.assertEqual(self.buffer(), "line-28\nline-29\nl")
        # and to the terminal's clipboard (set-clipboard external)
        osc = b"\x1b]52;c;" + base64.b64encode(b"line-28\nline-29\nl") + b"\x07"
        client.wait_output(osc)


class CopyModeScreen(screen.ScreenTestCase):
    """What an attached client shows of a pane in copy mode."""

    def test_view_selection_indicator(self):
        pm = self.pm
        pm.new_session("c", "sh", "-c", LINES, x=40, y=10)
        pm.wait_text("c", "end")
        c = self.attach("c", rows=11, cols=40)  # the window keeps 10 rows
        c.wait_text("end")
        pm.run("copy-mode", "-t", "c")
        c.wait_screen(lambda ls: ls[0].rstrip().endswith("[0/21]"), "the indicator")
        for word in ("history-top", "begin-selection", "cursor-down", "cursor-right"):
            pm.run("send-keys", "-t", "c", "-X", word)
        c.wait_screen(lambda ls: ls[0].startswith("line-1 ") and
                      ls[0].rstrip().endswith("[21/21]") and ls[1].startswith("line-2"),
                      "the top of the history")

        def drawn():  # the rest of the frame may still be on its way
            pen, after, cur = c.screen.cells(0)[0], c.screen.cells(1)[2], c.cursor()
            return ((pen["fg"], pen["bg"]) == ("idx:0", "idx:3")  # mode-style
                    and after["bg"] == "default"  # past the selection
                    and (cur["row"], cur["col"]) == (1, 1))
        pmuxtest.wait_for(drawn, msg="the selection in mode-style and the copy cursor",
                          describe=c.describe)
        pm.run("send-keys", "-t", "c", "-X", "cancel")
        c.wait_panes_match("c")


if __name__ == "__main__":
    pmuxtest.main()
