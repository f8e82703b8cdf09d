#!/usr/bin/env python3
"""Copy-mode commands beyond the basics: jumps (f F t T ; ,), goto-line,
paragraphs, copy-pipe with a command or copy-command, the view staying on
its text while a full history drops lines, and their default key bindings
in both tables through an attached client."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# paragraphs of text, then the program waits so the grid stays still
TEXT = ("printf 'alpha beta, gamma; delta\\n\\npara-2a\\npara-2b\\n\\n\\npara-3\\n"
        "i=1\\n'; i=1; while [ $i -le 20 ]; do echo line-$i; i=$((i+1)); done; "
        "printf end; exec sleep 1000")


class CopyMoves(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.new_session("c", "sh", "-c", TEXT, x=40, y=10)
        pm.wait_text("c", "end")
        pm.run("copy-mode", "-t", "c")
        self.x("history-top")

    def x(self, *words):
        self.pm.run("send-keys", "-t", "c", "-X", *words)

    def pos(self):
        return self.pm.display("c", "#{copy_cursor_y} #{copy_cursor_x}")

    def test_jumps(self):
        # the first line: "alpha beta, gamma; delta"
        self.x("jump-forward", "a")      # f a: the a ending "alpha"
        self.assertEqual(self.pos(), "0 4")
        self.x("jump-again")             # ; the a of "beta"
        self.assertEqual(self.pos(), "0 9")
        self.x("jump-reverse")           # , back to the a of "alpha"
        self.assertEqual(self.pos(), "0 4")
        self.x("jump-to-forward", "g")   # t g: just before it
        self.assertEqual(self.pos(), "0 11")
        self.x("jump-again")             # t again: no other g, no move
        self.assertEqual(self.pos(), "0 11")
        self.x("jump-backward", ",")     # F ,
        self.assertEqual(self.pos(), "0 10")
        self.x("jump-to-backward", "p")  # T p: just after the p of alpha
        self.assertEqual(self.pos(), "0 3")
        self.x("jump-forward", " ")
        self.assertEqual(self.pos(), "0 5")
        self.x("jump-to-backward", "h")
        self.x("jump-forward", "Space")  # pmux's single-key prompt's name
        self.assertEqual(self.pos(), "0 5")
        self.x("jump-forward", "z")      # not on the line: no move
        self.assertEqual(self.pos(), "0 5")
        self.x("begin-selection")
        self.x("jump-forward", ",")      # emacs: the cursor's cell is not copied
        self.x("copy-selection")
        self.assertEqual(self.pm.run("show-buffer"), " beta")

    def test_paragraphs(self):
        self.x("next-paragraph")         # the blank line after the first
        self.assertEqual(self.pos(), "1 0")
        self.x("next-paragraph")         # after para-2b
        self.assertEqual(self.pos(), "4 0")
        self.x("next-paragraph")         # over two blank lines: no blank below
        self.assertEqual(self.pm.display("c", "#{scroll_position} #{copy_cursor_y} "
                                         "#{copy_cursor_x}"), "0 9 3")  # "end"
        self.x("history-top")
        self.x("cursor-down")
        self.x("cursor-down")
        self.x("cursor-down")            # para-2b
        self.x("previous-paragraph")
        self.assertEqual(self.pos(), "1 0")
        self.x("previous-paragraph")     # the top: line 0
        self.assertEqual(self.pos(), "0 0")

    def test_goto_line(self):
        pm = self.pm
        hsize = int(pm.display("c", "#{history_size}"))
        self.x("history-bottom")
        self.x("goto-line", "5")         # 5 lines up from the bottom
        self.assertEqual(pm.display("c", "#{scroll_position}"), "5")
        self.x("goto-line", "0")
        self.assertEqual(pm.display("c", "#{scroll_position}"), "0")
        self.x("goto-line", "100000")    # past the top: the top
        self.assertEqual(pm.display("c", "#{scroll_position}"), str(hsize))
        self.x("goto-line", "junk")      # not a number: no move
        self.assertEqual(pm.display("c", "#{scroll_position}"), str(hsize))

    def test_copy_pipe(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "piped")
        self.x("select-line")
        self.x("copy-pipe", "cat > '%s.tmp' && mv '%s.tmp' '%s'" % (out, out, out))
        wait_for(lambda: os.path.exists(out), msg="the pipe command's file")
        with open(out) as f:
            self.assertEqual(f.read(), "alpha beta, gamma; delta")
        self.assertEqual(pm.run("show-buffer"), "alpha beta, gamma; delta")
        self.assertEqual(pm.display("c", "#{pane_in_mode}"), "1")
        # copy-pipe-and-cancel without a command uses copy-command
        out2 = out + "2"
        pm.run("set", "-s", "copy-command", "cat > '%s.tmp' && mv '%s.tmp' '%s'"
               % (out2, out2, out2))
        self.x("cursor-down")
        self.x("cursor-down")
        self.x("select-line")
        self.x("copy-pipe-and-cancel")
        wait_for(lambda: os.path.exists(out2), msg="copy-command's file")
        with open(out2) as f:
            self.assertEqual(f.read(), "para-2a")
        self.assertEqual(pm.display("c", "#{pane_in_mode}"), "0")

    def test_copy_end_of_line(self):
        pm = self.pm
        self.x("jump-forward", "g")
        self.x("copy-end-of-line")       # stays in copy mode, the cursor too
        self.assertEqual(pm.run("show-buffer"), "gamma; delta")
        self.assertEqual((pm.display("c", "#{pane_in_mode}"), self.pos()), ("1", "0 12"))
        out = os.path.join(pm.tmp, "eol")
        self.x("jump-forward", "d")
        self.x("copy-pipe-end-of-line-and-cancel", "cat > '%s.tmp' && mv '%s.tmp' '%s'"
               % (out, out, out))
        self.assertEqual(pm.run("show-buffer"), "delta")
        self.assertEqual(pm.display("c", "#{pane_in_mode}"), "0")
        wait_for(lambda: os.path.exists(out), msg="the pipe command's file")
        with open(out) as f:
            self.assertEqual(f.read(), "delta")

    def test_copy_pipe_never_blocks(self):
        # a command that never reads a large selection: the server goes on
        pm = self.pm
        pm.run("set", "-g", "history-limit", "100000")  # the server runs (setUp)
        pm.new_session("big", "sh", "-c", "seq 1 60000; exec sleep 1000", x=80, y=10)
        pm.wait_text("big", "60000")
        pm.run("copy-mode", "-t", "big")
        pm.run("send-keys", "-t", "big", "-X", "history-top")
        pm.run("send-keys", "-t", "big", "-X", "begin-selection")
        pm.run("send-keys", "-t", "big", "-X", "history-bottom")
        pm.run("send-keys", "-t", "big", "-X", "copy-pipe-no-clear", "exec sleep 1000")
        self.assertEqual(pm.display("big", "#{pane_in_mode}"), "1")
        self.assertEqual(len(pm.run("show-buffer").split()), 60000)
        pm.run("send-keys", "-t", "big", "-X", "cancel")

    def keys(self, client, data):
        for i in range(len(data)):  # one key at a time, as typed
            client.write(data[i:i + 1])
            time.sleep(0.05)

    def test_vi_keys(self):
        pm = self.pm
        pm.run("set", "-g", "mode-keys", "vi")
        client = pmuxtest.AttachedClient(pm, "attach", "-t", "c", rows=11, cols=40)
        client.wait_output(b"[19/19]")
        self.keys(client, b"fa")
        wait_for(lambda: self.pos() == "0 4", msg="f a", describe=self.pos)
        self.keys(client, b";")
        wait_for(lambda: self.pos() == "0 9", msg="; again", describe=self.pos)
        self.keys(client, b",")
        wait_for(lambda: self.pos() == "0 4", msg=", back", describe=self.pos)
        self.keys(client, b"tg")
        wait_for(lambda: self.pos() == "0 11", msg="t g", describe=self.pos)
        self.keys(client, b"Fl")
        wait_for(lambda: self.pos() == "0 1", msg="F l", describe=self.pos)
        self.keys(client, b"Tl")  # T: an l right before the cursor is skipped
        self.assertEqual(self.pos(), "0 1")
        self.keys(client, b"}")
        wait_for(lambda: self.pos() == "1 0", msg="}", describe=self.pos)
        self.keys(client, b"{")
        wait_for(lambda: self.pos() == "0 0", msg="{", describe=self.pos)
        self.keys(client, b":3\r")
        wait_for(lambda: pm.display("c", "#{scroll_position}") == "3", msg=": goto line",
                 describe=self.pos)

    def test_emacs_keys(self):
        pm = self.pm
        client = pmuxtest.AttachedClient(pm, "attach", "-t", "c", rows=11, cols=40)
        client.wait_output(b"[19/19]")
        self.keys(client, b"fa")
        wait_for(lambda: self.pos() == "0 4", msg="f a", describe=self.pos)
        self.keys(client, b"T ")  # Space: back to just after the space
        wait_for(lambda: self.pos() == "0 4", msg="T Space (no space before)",
                 describe=self.pos)
        self.keys(client, b"t,")
        wait_for(lambda: self.pos() == "0 9", msg="t ,", describe=self.pos)
        client.write(b"\x1b}")  # M-}
        wait_for(lambda: self.pos() == "1 0", msg="M-}", describe=self.pos)
        client.write(b"\x1b{")  # M-{
        wait_for(lambda: self.pos() == "0 0", msg="M-{", describe=self.pos)
        self.keys(client, b"g0\r")
        wait_for(lambda: pm.display("c", "#{scroll_position}") == "0", msg="g goto line",
                 describe=self.pos)

    def test_send_keys_go_to_copy_mode(self):
        pm = self.pm
        pm.run("set", "-g", "mode-keys", "vi")
        self.x("history-bottom")
        y = int(pm.display("c", "#{copy_cursor_y}"))
        pm.run("send-keys", "-t", "c", "k", "k")  # vi: up twice, not typed
        self.assertEqual(int(pm.display("c", "#{copy_cursor_y}")), y - 2)
        # text is a key per character: "0" start of line, "V" select line
        pm.run("send-keys", "-t", "c", "0V")
        # Enter copies and leaves copy mode; the keys after it reach the program
        pm.run("send-keys", "-t", "c", "Enter", "Z")
        self.assertEqual(pm.display("c", "#{pane_in_mode}"), "0")
        self.assertEqual(pm.run("show-buffer"), "line-19")
        pm.wait_text("c", "endZ")
        self.assertNotIn("k", pm.capture("c").split("end")[-1])
        # emacs: q leaves; an unbound key is dropped, not typed
        pm.run("set", "-g", "mode-keys", "emacs")
        pm.run("copy-mode", "-t", "c")
        pm.run("send-keys", "-t", "c", "-l", "%")
        pm.run("send-keys", "-t", "c", "q")
        self.assertEqual(pm.display("c", "#{pane_in_mode}"), "0")
        pm.run("send-keys", "-t", "c", "W")
        pm.wait_text("c", "endZW")


NUMBERED = "i=1; while [ $i -le 30 ]; do echo line-$i; i=$((i+1)); done; printf end; exec sleep 1000"


class IncrementalSearch(pmuxtest.PmuxTestCase):
    """emacs C-s / C-r: command-prompt -i moves the view as the search
    text is typed."""

    def cursor_line(self):
        """The text of the cursor's line (line-N is history line N-1)."""
        h, sp, cy = [int(v) for v in self.pm.display(
            "n", "#{history_size} #{scroll_position} #{copy_cursor_y}").split()]
        return "line-%d" % (h - sp + cy + 1)

    def wait_line(self, text, what):
        wait_for(lambda: self.cursor_line() == text, msg=what, describe=self.cursor_line)

    def test_search_as_you_type(self):
        pm = self.pm
        pm.new_session("n", "sh", "-c", NUMBERED, x=40, y=10)
        pm.wait_text("n", "end")
        client = pmuxtest.AttachedClient(pm, "attach", "-t", "n", rows=11, cols=40)
        client.wait_output(b"end")
        pm.run("copy-mode", "-t", "n")
        client.write(b"\x12")  # C-r
        client.wait_output(b"(search up)")
        for ch in b"line-1":
            client.write(bytes([ch]))
            time.sleep(0.05)
        self.wait_line("line-19", "the nearest line-1 above while typing")
        client.write(b"\x12")  # C-r again: the next one up
        self.wait_line("line-18", "C-r searches on")
        client.write(b"2")      # "line-12", from where the search started
        self.wait_line("line-12", "the text changed")
        client.write(b"\x7f")  # BSpace: "line-1" again, from the start
        self.wait_line("line-19", "back to the first match")
        client.write(b"\r")     # Enter closes the prompt, the cursor stays
        self.wait_line("line-19", "Enter")
        self.assertEqual(pm.display("n", "#{pane_in_mode} #{pane_search_string}"),
                         "1 line-1")
        # C-s: forward, the prompt starts with the last search
        pm.run("send-keys", "-t", "n", "-X", "history-top")
        client.write(b"\x13")  # C-s
        client.wait_output(b"(search down)")
        client.write(b"\x13")  # search on for "line-1" from the top
        self.wait_line("line-10", "C-s with the last search")
        client.write(b"\x1b")
        wait_for(lambda: pm.display("n", "#{pane_in_mode}") == "1", msg="still in copy mode")


class CopyHistoryLimit(pmuxtest.PmuxTestCase):

    def test_view_stays_on_text_when_history_trims(self):
        pm = self.pm
        pm.new_session("first", "sleep", "1000")
        pm.run("set", "-g", "history-limit", "50")
        pm.new_session("h", "sh", "-c",
                       "i=1; while [ $i -le 100 ]; do echo old-$i; i=$((i+1)); done; "
                       "printf ready; while [ ! -e go ]; do sleep 0.05; done; echo; "
                       "i=1; while [ $i -le 30 ]; do echo new-$i; "
                       "i=$((i+1)); done; exec sleep 1000", x=40, y=10)
        pm.wait_text("h", "ready")
        self.assertNotIn("old-1\n", pm.run("capture-pane", "-p", "-t", "h", "-S", "-"),
                         "the history is full")
        pm.run("copy-mode", "-t", "h")
        pm.run("send-keys", "-t", "h", "-X", "goto-line", "5")  # kept: 31 lines drop
        top = pm.capture("h", "-p")  # not the view: check it through the cursor
        pm.run("send-keys", "-t", "h", "-X", "top-line")
        pm.run("send-keys", "-t", "h", "-X", "select-line")
        pm.run("send-keys", "-t", "h", "-X", "copy-selection")
        before = pm.run("show-buffer")
        self.assertTrue(before.startswith("old-"), (before, top))
        pm.send("h", "-X", "clear-selection")
        with open(os.path.join(pm.tmp, "go"), "w"):
            pass  # the program's output goes on
        wait_for(lambda: "new-30" in pm.run("capture-pane", "-p", "-t", "h", "-S", "-",
                                            "-E", "-"), msg="the new lines")
        pm.run("send-keys", "-t", "h", "-X", "top-line")
        pm.run("send-keys", "-t", "h", "-X", "select-line")
        pm.run("send-keys", "-t", "h", "-X", "copy-selection")
        self.assertEqual(pm.run("show-buffer"), before, "the view drifted")
        self.assertEqual(pm.display("h", "#{pane_in_mode}"), "1")


if __name__ == "__main__":
    pmuxtest.main()
