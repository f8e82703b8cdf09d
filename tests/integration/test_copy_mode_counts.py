#!/usr/bin/env python3
"""Copy mode as a vi or emacs user types it: repeat counts (vi's 1 0 j,
emacs's M-3), blank-separated words (W B E), matching brackets (%, M-C-f,
M-C-b), the word under the cursor searched (* #), the position indicator
toggled (P), and send-keys -F."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

TEXT = ("printf 'alpha beta, gamma; delta\\na (b [c] d) e\\n'; "
        "i=1; while [ $i -le 20 ]; do echo line-$i; i=$((i+1)); done; "
        "echo 'gamma again'; printf end; exec sleep 1000")


class CopyCounts(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.new_session("c", "sh", "-c", TEXT, x=40, y=10)
        pm.wait_text("c", "end")
        self.client = pmuxtest.AttachedClient(pm, "attach", "-t", "c", rows=11, cols=40)
        pm.run("copy-mode", "-t", "c")
        self.x("history-top")
        self.x("start-of-line")

    def tearDown(self):
        self.client.close()
        super().tearDown()

    def x(self, *words):
        self.pm.run("send-keys", "-t", "c", "-X", *words)

    def pos(self):
        return self.pm.display("c", "#{copy_cursor_y} #{copy_cursor_x}")

    def keys(self, data):
        for i in range(len(data)):  # one key at a time, as typed
            self.client.write(data[i:i + 1])
            time.sleep(0.05)

    def wait_pos(self, want, what):
        wait_for(lambda: self.pos() == want, msg=what, describe=self.pos)

    def test_vi_counts(self):
        self.pm.run("set", "-g", "mode-keys", "vi")
        self.keys(b"3j")
        self.wait_pos("3 0", "3 j")
        # l goes past the end of line-2 onto the next line, as in tmux
        self.keys(b"12l")
        self.wait_pos("4 5", "12 l")
        self.keys(b"10k")
        self.wait_pos("0 5", "10 k stops at the top")
        # a count is for the next command only
        self.keys(b"2jj")
        self.wait_pos("3 5", "2 j, then j")

    def test_emacs_counts(self):
        self.pm.run("set", "-g", "mode-keys", "emacs")
        self.client.write(b"\x1b4")  # M-4, in one write
        time.sleep(0.3)
        self.keys(b"\x0e")  # C-n
        self.wait_pos("4 0", "M-4 C-n")

    def test_blank_separated_words(self):
        self.x("next-space")
        self.assertEqual(self.pos(), "0 6")
        self.x("next-space")
        self.assertEqual(self.pos(), "0 12")
        self.x("next-word")  # plain words stop at the separators
        self.assertEqual(self.pos(), "0 17")
        self.x("previous-space")
        self.assertEqual(self.pos(), "0 12")
        self.pm.run("set", "-g", "mode-keys", "vi")
        self.x("next-space-end")
        self.assertEqual(self.pos(), "0 17")

    def at(self, y, x):
        self.x("history-top")
        self.x("start-of-line")
        for _ in range(y):
            self.x("cursor-down")
        for _ in range(x):
            self.x("cursor-right")

    def test_matching_brackets(self):
        if pmuxtest.flavor() != "pmux":
            # tmux 3.3a gives these results when the cursor got there by
            # cursor-right from the line's start, others after cursor-down
            self.skipTest("tmux's result depends on how the cursor got there")
        self.pm.run("set", "-g", "mode-keys", "vi")
        # a (b [c] d) e on line 1; vi's %: the first bracket from here on
        self.at(1, 0)
        self.x("next-matching-bracket")
        self.assertEqual(self.pos(), "1 10")
        self.at(1, 10)
        self.x("next-matching-bracket")  # on ) back to (
        self.assertEqual(self.pos(), "1 2")
        self.at(1, 3)
        self.x("next-matching-bracket")  # from b: [ to ]
        self.assertEqual(self.pos(), "1 7")
        self.at(1, 7)
        self.x("previous-matching-bracket")
        self.assertEqual(self.pos(), "1 5")
        self.x("previous-matching-bracket")  # not on a closing one: stays
        self.assertEqual(self.pos(), "1 5")
        self.pm.run("set", "-g", "mode-keys", "emacs")
        self.at(1, 2)
        self.x("next-matching-bracket")
        self.assertEqual(self.pos(), "1 10")
        self.at(1, 0)
        self.x("next-matching-bracket")  # no bracket here or next: a word on
        self.assertEqual(self.pos(), "1 1")

    def test_search_word_under_cursor(self):
        self.pm.run("set", "-g", "mode-keys", "vi")
        self.x("next-space")
        self.x("next-space")  # on gamma;
        self.keys(b"*")
        wait_for(lambda: self.pm.display("c", "#{copy_cursor_line}") == "gamma again",
                 msg="* found gamma further down",
                 describe=lambda: self.pm.display("c", "#{copy_cursor_line}"))
        self.keys(b"#")
        wait_for(lambda: self.pos() == "0 12", msg="# back to the first gamma",
                 describe=self.pos)

    def test_send_keys_expands_formats(self):
        self.pm.run("set-option", "-g", "@target", "line-7")
        self.pm.run("send-keys", "-t", "c", "-FX", "search-forward", "#{@target}")
        wait_for(lambda: self.pm.display("c", "#{copy_cursor_line}") == "line-7",
                 msg="the search for the expanded word",
                 describe=lambda: self.pm.display("c", "#{copy_cursor_line}"))

    def test_position_indicator_toggles(self):
        self.client.wait_output(b"/14]")
        self.x("toggle-position")
        self.x("cursor-down")
        self.pm.run("refresh-client", "-t", self.client_name())
        time.sleep(0.5)
        self.client.pump(0.5)
        start = len(self.client.output)
        self.pm.run("refresh-client", "-t", self.client_name())
        time.sleep(0.5)
        self.client.pump(0.5)
        self.assertGreater(len(self.client.output), start)
        self.assertNotIn(b"/14]", self.client.output[start:])
        self.x("toggle-position")
        self.client.wait_output(b"/14]", since=len(self.client.output))

    def client_name(self):
        return self.pm.run("list-clients", "-F", "#{client_name}").split()[0]


if __name__ == "__main__":
    pmuxtest.main()
