#!/usr/bin/env python3
"""Search and filter in the choose modes through an attached client, as in
tmux: C-s (or /) asks "(search) " on the status line and goes to the next
item that matches (tree mode: session names, window names, pane commands,
expanding what it finds; buffer mode: names and text), n goes on (round
past the end); f asks "(filter) " and filters the items as -f does, the
preview's title saying "(filter: active)" or "(filter: no matches)"; tree
mode's H, m, M and : as well. Prompt text is typed key by key: tmux may
take a fast burst for a paste."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

MODE_BG = "idx:3"  # mode-style bg=yellow
MODE_FG = "idx:0"  # and fg=black
ROWS = 21  # 20 for the window, 1 for the status line
COLS = 70
TITLE = 10  # the preview box's top row


class ChooseSearch(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        # alpha: bash, apple, Banana; bandit: one window of two panes, the
        # second running sleep; gamma: xbanx
        pm.shell_session("alpha", x=COLS, y=ROWS - 1)
        self.p = pm.display("alpha", "#{pane_id}")
        pm.run("new-window", "-d", "-t", "alpha:1", "-n", "apple")
        pm.run("new-window", "-d", "-t", "alpha:2", "-n", "Banana")
        pm.shell_session("bandit", x=COLS, y=ROWS - 1)
        self.sleeper = pm.run("split-window", "-d", "-P", "-F", "#{pane_id}",
                              "-t", "bandit:0", "sleep 1000").strip()
        pm.shell_session("gamma", x=COLS, y=ROWS - 1)
        pm.run("rename-window", "-t", "gamma:0", "xbanx")
        wait_for(lambda: pm.display(self.sleeper, "#{pane_current_command}") == "sleep",
                 msg="sleep running")

    def current_line(self, c):
        """The text of the row drawn in mode-style."""
        for row, cells in enumerate(c.screen.cells()[:ROWS - 1]):
            if cells and cells[0]["bg"] == MODE_BG and cells[-1]["bg"] == MODE_BG:
                return c.lines()[row].rstrip()
        return None

    def wait_current(self, c, prefix):
        c.wait_screen(lambda ls: (self.current_line(c) or "").startswith(prefix),
                      "%r current" % prefix)

    def open_tree(self):
        c = self.attach("alpha", rows=ROWS, cols=COLS)
        c.keys(b"\x02w")
        c.wait_text("(7) └─> 0: xbanx*")
        self.wait_current(c, "(1) ├─> 0: ")
        return c

    def prompt(self, c, key, label, text, initial=""):
        """Open a mode's prompt with key, wait for it, type text and Enter."""
        c.keys(key)
        c.wait_screen(lambda ls: ls[ROWS - 1].rstrip() == (label + initial).rstrip(),
                      "the %r prompt" % label)
        c.keys(text.encode() + b"\r")
        c.wait_screen(lambda ls: not ls[ROWS - 1].startswith(label), "the prompt closed")

    def search(self, c, text, key=b"\x13"):
        self.prompt(c, key, "(search) ", text)

    def test_search_names_and_repeat(self):
        c = self.open_tree()
        # case counts: Banana is not found, bandit is
        self.search(c, "ban")
        self.wait_current(c, "(4) - bandit: ")
        c.wait_screen(lambda ls: ls[TITLE].startswith("┌ bandit (sort: index) ─"),
                      "bandit's preview")
        c.keys(b"n")
        self.wait_current(c, "(7) └─> 0: xbanx")
        c.keys(b"n")  # round past the end
        self.wait_current(c, "(4) - bandit: ")
        if pmuxtest.flavor() != "tmux":  # tmux 3.3a has no N
            c.keys(b"N")
            self.wait_current(c, "(7) └─> 0: xbanx")
            c.keys(b"N")
            self.wait_current(c, "(4) - bandit: ")
        # text nothing has: nothing moves; / asks too
        self.search(c, "nothing-has-this", key=b"/")
        c.keys(b"j")
        self.wait_current(c, "(5) └─> + 0: ")
        self.assertIn("(4) - bandit: ", c.lines()[4])
        # the search is in the history of type search
        self.assertIn("nothing-has-this",
                      self.pm.run("show-prompt-history", "-T", "search"))

    def test_search_expands_to_pane_command(self):
        c = self.open_tree()
        self.search(c, "sleep")
        c.wait_screen(lambda ls: ls[5].rstrip() == "(5) └─> - 0: bash*" and
                      ls[6].startswith("(6)     ├─> 0: bash") and
                      ls[7].startswith("(7)     └─> 1: sleep"), "bandit:0 expanded")
        self.wait_current(c, "(7)     └─> 1: sleep")
        # H goes back to the pane the mode is in
        c.keys(b"H")
        self.wait_current(c, "(1) ├─> 0: ")

    def test_filter(self):
        c = self.open_tree()
        flt = "#{==:#{session_name},bandit}"
        self.prompt(c, b"f", "(filter) ", flt)
        c.wait_screen(lambda ls: ls[0].rstrip() == "(0) - bandit: 1 windows" and
                      ls[1].startswith("(1) └─> + 0: bash") and not ls[2].strip() and
                      ls[TITLE].startswith("┌ bandit (sort: index) (filter: active) ─"),
                      "only bandit")
        self.wait_current(c, "(0) - bandit")  # the current one was hidden
        # f starts from the filter; one true for nothing shows everything
        c.keys(b"f")
        c.wait_screen(lambda ls: ls[ROWS - 1].rstrip() == "(filter) " + flt, "the filter again")
        c.keys(b"\x15#{==:1,0}\r")
        c.wait_screen(lambda ls: ls[7].startswith("(7) └─> 0: xbanx") and
                      ls[TITLE].startswith("┌ bandit (sort: index) (filter: no matches) ─"),
                      "everything, no matches")
        cells = c.screen.cells(TITLE)
        at = c.lines()[TITLE].index("no matches")
        self.assertEqual((cells[at]["fg"], cells[at]["bg"]), (MODE_FG, MODE_BG), c.describe())
        self.assertEqual(cells[at - 2]["bg"], "default", c.describe())
        self.wait_current(c, "(4) - bandit")
        # empty clears it
        c.keys(b"f")
        c.wait_screen(lambda ls: ls[ROWS - 1].startswith("(filter) #{==:1,0}"), "the prompt")
        c.keys(b"\x15\r")
        c.wait_screen(lambda ls: ls[TITLE].startswith("┌ bandit (sort: index) ─") and
                      ls[7].startswith("(7) └─> 0: xbanx"), "no filter")

    def test_filter_flag_no_matches(self):
        c = self.attach("alpha", rows=ROWS, cols=COLS)
        self.pm.run("choose-tree", "-t", self.p, "-f", "#{==:1,0}")
        c.wait_screen(lambda ls: ls[9].startswith("(9) └─> 0: xbanx") and
                      "(sort: index) (filter: no matches) ─" in ls[TITLE],
                      "-f true for nothing")

    def test_mark_and_command(self):
        pm = self.pm
        c = self.open_tree()
        c.keys(b"G")
        self.wait_current(c, "(7) └─> 0: xbanx")
        c.keys(b"m")
        gamma = pm.display("gamma", "#{pane_id}")
        wait_for(lambda: pm.display(gamma, "#{pane_marked}") == "1", msg="gamma marked",
                 describe=c.describe)
        c.wait_text("(7) └─> 0: xbanx*M")
        c.keys(b"M")
        wait_for(lambda: pm.display(gamma, "#{pane_marked_set}") == "0", msg="mark cleared",
                 describe=c.describe)
        # : on the current item, then on the tagged ones
        self.prompt(c, b":", "(current) ", "rename-window -t %% one")
        c.wait_text("(7) └─> 0: one*")
        c.keys(b"g")
        self.wait_current(c, "(0) - alpha")
        c.keys(b"jjt")  # apple
        c.wait_text("(2) ├─> 1*: apple")
        c.keys(b"t")  # Banana
        c.wait_text("(3) └─> 2*: Banana")
        self.prompt(c, b":", "(2 tagged) ", "rename-window -t %% two")
        c.wait_screen(lambda ls: ls[2].startswith("(2) ├─> 1*: two") and
                      ls[3].startswith("(3) └─> 2*: two"), "both renamed")
        self.assertEqual(pm.display("gamma:0", "#{window_name}"), "one")

    def test_buffer_search(self):
        pm = self.pm
        pm.run("set-buffer", "-b", "one", "hello world")
        pm.run("set-buffer", "-b", "two", "second zebra")
        pm.run("set-buffer", "-b", "three", "third")
        c = self.attach("alpha", rows=ROWS, cols=COLS)
        c.keys(b"\x02=")
        c.wait_text("(2) one: ")
        self.wait_current(c, "(0) three: ")
        self.search(c, "zebra")  # the text
        self.wait_current(c, "(1) two: ")
        self.search(c, "one")  # the name
        self.wait_current(c, "(2) one: ")
        self.prompt(c, b"f", "(filter) ", "#{m:t*,#{buffer_name}}")
        c.wait_screen(lambda ls: ls[0].startswith("(0) three: ") and
                      ls[1].startswith("(1) two: ") and not ls[2].strip() and
                      "(filter: active)" in ls[TITLE], "the buffers named t*")

    def test_client_and_customize_search(self):
        pm = self.pm
        c = self.attach("alpha", rows=ROWS, cols=COLS)
        other = self.attach("bandit", rows=ROWS, cols=COLS)
        tty = pm.run("list-clients", "-t", "bandit", "-F", "#{client_name}").strip()
        c.keys(b"\x02D")
        c.wait_text("session bandit")
        if not (self.current_line(c) or "").startswith("(0) "):
            c.keys(b"g")
        self.wait_current(c, "(0) ")
        self.search(c, tty)  # the name
        c.wait_screen(lambda ls: tty + ": " in (self.current_line(c) or "") and
                      "session bandit" in self.current_line(c), "the other client")
        c.keys(b"q")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0", msg="q left the mode",
                 describe=c.describe)
        other.close()
        # customize mode: the options are collapsed; the search opens them
        pm.run("customize-mode", "-t", self.p)
        c.wait_text("Session Options")
        self.search(c, "status-left-l")
        c.wait_screen(lambda ls: "status-left-length: 10" in (self.current_line(c) or ""),
                      "status-left-length found")


if __name__ == "__main__":
    pmuxtest.main()
