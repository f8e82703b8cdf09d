#!/usr/bin/env python3
"""choose-tree through an attached client: C-b s lists the sessions, C-b w
the windows (tmux's tree mode: one line per session, window or pane, with
tree lines, the current one in mode-style, a preview box below); Enter
switches the client to the chosen item, x kills it once confirmed, q
leaves the pane as it was."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

MODE_BG = "idx:3"  # mode-style bg=yellow
ROWS = 21  # 20 for the window, 1 for the status line


class ChooseTree(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("A", x=60, y=20)
        pm.run("rename-window", "-t", "A:0", "one")
        self.p = pm.display("A", "#{pane_id}")
        self.second = pm.shell_window("A:", name="two")
        pm.type(self.second, "echo PREVIEW-$((40+2))\n")
        pm.wait_line(self.second, "PREVIEW-42")
        pm.shell_session("B", x=60, y=20)
        pm.run("rename-window", "-t", "B:0", "bee")

    def in_mode(self):
        return self.pm.display(self.p, "#{pane_in_mode}") == "1"

    def client(self, fmt):
        return self.pm.run("list-clients", "-F", fmt).strip()

    def current_line(self, c):
        """The text of the row drawn in mode-style."""
        for row, cells in enumerate(c.screen.cells()[:ROWS - 1]):
            if cells and cells[0]["bg"] == MODE_BG and cells[-1]["bg"] == MODE_BG:
                return c.lines()[row]
        return None

    def wait_current(self, c, prefix):
        c.wait_screen(lambda ls: (self.current_line(c) or "").startswith(prefix),
                      "%r current" % prefix)

    def test_sessions_and_switch(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02s")
        c.wait_text("(1) + B: 1 windows")
        self.assertEqual(pm.display(self.p, "#{pane_mode}"), "tree-mode")
        self.wait_current(c, "(0) + A")

        def listed(ls):
            box = "".join(ls[11:19])
            return (ls[0].rstrip() == "(0) + A: 2 windows (attached)" and
                    ls[1].rstrip() == "(1) + B: 1 windows" and
                    # the preview: the session's windows side by side
                    ls[10].startswith("┌ A (sort: index) ─") and
                    "│ 0:one │" in box and "│ 1:two │" in box and "PREVIEW-42" in box)
        c.wait_screen(listed, "the sessions and A's preview")
        self.assertEqual(c.cursor()["visible"], 0, "no cursor in the mode")
        c.write(b"\x1b[B")  # Down
        self.wait_current(c, "(1) + B")
        c.wait_screen(lambda ls: ls[10].startswith("┌ B (sort: index)"), "B's preview")
        pm.type("B:0", "echo LIVE-$((1+1))\n")  # the preview follows the pane
        c.wait_screen(lambda ls: "│ LIVE-2 " in "".join(ls[11:19]), "the output previewed")
        c.keys(b"\r")
        wait_for(lambda: self.client("#{client_session}") == "B",
                 msg="the client switched to B", describe=c.describe)
        self.assertFalse(self.in_mode())
        self.assertEqual(pm.display(self.p, "#{window_zoomed_flag}"), "0")

    def test_windows_choose(self):
        pm = self.pm
        # a pane title is shown as tmux does
        pm.type("B:0", "printf '\\033]2;btitle\\033\\\\'\n")
        wait_for(lambda: pm.display("B:0", "#{pane_title}") == "btitle", msg="the title set")
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02w")
        c.wait_text("(4) └─> 0: bee*")
        c.wait_screen(lambda ls: [l.rstrip() for l in ls[:5]] ==
                      ["(0) - A: 2 windows (attached)",
                       "(1) ├─> 0: one*",
                       "(2) └─> 1: two",
                       "(3) - B: 1 windows",
                       '(4) └─> 0: bee*: "btitle"'], "the windows")
        self.wait_current(c, "(1) ├─> 0: one")
        # the preview of a window: its pane with a label
        c.keys(b"j")
        self.wait_current(c, "(2) └─> 1: two")
        c.wait_screen(lambda ls: ls[10].startswith("┌ 1 (sort: index)") and
                      "PREVIEW-42" in "".join(ls[11:19]), "window 1's preview")
        c.keys(b"\r")
        wait_for(lambda: self.client("#{client_session}:#{window_index}") == "A:1",
                 msg="window 1 chosen", describe=c.describe)
        self.assertFalse(self.in_mode())
        # a shortcut key chooses at once, in another session
        c.keys(b"\x02w")
        c.wait_text("(4) └─> 0: bee*")
        c.keys(b"4")
        wait_for(lambda: self.client("#{client_session}:#{window_index}") == "B:0",
                 msg="B:0 chosen with 4", describe=c.describe)

    def test_kill_window_asks(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02w")
        c.wait_text("(2) └─> 1: two")
        c.keys(b"j")
        self.wait_current(c, "(2) └─> 1: two")
        c.keys(b"x")
        c.wait_screen(lambda ls: ls[ROWS - 1].startswith("Kill window 1?"), "the question")
        self.assertEqual(pm.display("A", "#{session_windows}"), "2")
        c.keys(b"y")
        wait_for(lambda: pm.display("A", "#{session_windows}") == "1",
                 msg="window 1 killed", describe=c.describe)
        # the tree follows, still in the mode
        c.wait_screen(lambda ls: ls[0].rstrip() == "(0) - A: 1 windows (attached)" and
                      ls[1].rstrip() == "(1) └─> 0: one*", "the list without it")
        self.assertTrue(self.in_mode())
        # the current line goes back to the top, as tmux; n at the question
        # kills nothing
        self.wait_current(c, "(0) - A")
        c.keys(b"jjx")
        c.wait_screen(lambda ls: ls[ROWS - 1].startswith("Kill session B?"), "the question")
        c.keys(b"n")
        c.wait_screen(lambda ls: not ls[ROWS - 1].startswith("Kill"), "no question")
        self.assertIn("B", pm.run("list-sessions", "-F", "#{session_name}").split())

    def test_kill_tagged_and_own_session(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02w")
        c.wait_text("(4) └─> 0: bee*")
        c.keys(b"j")
        self.wait_current(c, "(2) └─> 1: two")
        c.keys(b"t")  # tags window two and moves on to B
        c.wait_text("(2) └─> 1*: two")
        self.wait_current(c, "(3) - B")
        c.keys(b"t")
        c.wait_text("(3) - B*: 1 windows")
        c.keys(b"X")
        c.wait_screen(lambda ls: ls[ROWS - 1].startswith("Kill 2 tagged?"), "the question")
        c.keys(b"y")
        wait_for(lambda: pm.run("list-sessions", "-F", "#{session_name}").split() == ["A"]
                 and pm.display("A", "#{session_windows}") == "1",
                 msg="window two and session B killed", describe=c.describe)
        c.wait_screen(lambda ls: ls[0].rstrip() == "(0) - A: 1 windows (attached)" and
                      not ls[2].strip(), "the list without them")
        # the session the mode is in
        c.keys(b"gx")
        c.wait_screen(lambda ls: ls[ROWS - 1].startswith("Kill session A?"), "the question")
        c.keys(b"y")
        wait_for(lambda: pm.cmd("has-session", "-t", "A").rc != 0, msg="A killed",
                 describe=c.describe)
        c.wait_exit()

    def test_q_leaves_pane_unchanged_and_zoom(self):
        pm = self.pm
        pm.run("split-window", "-t", self.p, "-d")
        c = self.attach("A", rows=ROWS, cols=60)
        c.wait_panes_match("A")
        before = pm.capture(self.p)
        c.keys(b"\x02s")
        c.wait_text("(1) + B: 1 windows")
        self.assertTrue(self.in_mode())
        self.assertEqual(pm.display(self.p, "#{window_zoomed_flag}"), "1", "-Z zooms")
        c.keys(b"q")
        wait_for(lambda: not self.in_mode(), msg="q leaves tree mode", describe=c.describe)
        wait_for(lambda: pm.display(self.p, "#{window_zoomed_flag}") == "0",
                 msg="unzoomed after q", describe=c.describe)
        c.wait_panes_match("A")
        self.assertEqual(pm.capture(self.p), before)
        self.assertEqual(self.client("#{client_session}"), "A")
        # Escape too; and keys then go to the shell again
        c.keys(b"\x02w")
        c.wait_text("(0) - A: ")
        c.keys(b"\x1b")
        wait_for(lambda: not self.in_mode(), msg="Escape leaves tree mode",
                 describe=c.describe)
        c.keys(b"echo A")
        pm.wait_text(self.p, "pmt$ echo A")

    def test_expand_collapse_and_live(self):
        pm = self.pm
        pm.run("split-window", "-t", self.p, "-d")
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02s")
        c.wait_text("(1) + B: 1 windows")
        c.write(b"\x1b[C")  # Right expands
        c.wait_screen(lambda ls: ls[0].startswith("(0) - A:") and
                      ls[1].rstrip() == "(1) ├─> + 0: one*Z" and
                      ls[2].rstrip() == "(2) └─>   1: two", "A expanded")
        self.wait_current(c, "(0) - A")
        c.keys(b"j+")  # the window's panes
        c.wait_screen(lambda ls: ls[2].startswith("(2) │   ├─> 0: bash*") and
                      ls[3].startswith("(3) │   └─> 1: bash"), "window 0 expanded")
        c.write(b"\x1b[D")  # Left collapses
        c.wait_screen(lambda ls: ls[1].startswith("(1) ├─> + 0: one"), "window 0 collapsed")
        c.keys(b"h")  # on a collapsed item: to its parent, collapsed
        self.wait_current(c, "(0) + A")
        c.write(b"\x1b+")  # M-+, as one write: the sessions expanded
        c.wait_screen(lambda ls: ls[1].startswith("(1) ├─> + 0: one") and
                      ls[4].startswith("(4) └─> 0: bee"), "sessions expanded")
        c.keys(b"l")  # on an expanded item: down a line
        self.wait_current(c, "(1) ├─> + 0: one")
        c.write(b"\x1b-")  # M--: the sessions collapsed
        c.wait_screen(lambda ls: ls[1].startswith("(1) + B"), "all collapsed")
        self.wait_current(c, "(0) + A")
        # a new session shows up, a killed one goes
        pm.run("new-session", "-d", "-s", "C", "-x", "60", "-y", "20")
        c.wait_text("(2) - C: 1 windows")  # a new item comes expanded, as tmux
        pm.run("kill-session", "-t", "C")
        c.wait_screen(lambda ls: not ls[2].startswith("(2)"), "C gone")
        # O sorts by name then by time; r reverses
        c.keys(b"r")
        c.wait_screen(lambda ls: ls[0].startswith("(0) + B") and
                      ls[10].startswith("┌ A (sort: index, reversed)"), "reversed")
        c.keys(b"O")
        c.wait_text("(sort: name, reversed)")

    def test_preview_scrolls(self):
        pm = self.pm
        for _ in range(2):  # 3 windows: 2 columns fit in 60 cells
            pm.run("new-window", "-d", "-t", "B:", "-n", "cat", "cat")
        c = self.attach("A", rows=ROWS, cols=60)
        c.keys(b"\x02s")
        c.wait_text("(1) + B: 3 windows")
        c.keys(b"j")
        c.wait_screen(lambda ls: ls[10].startswith("┌ B (sort: index)"), "B's preview")

        def arrows(ls):
            return "<" in ls[15][:6], ">" in ls[15][-6:]
        c.wait_screen(lambda ls: arrows(ls) == (False, True) and "│ 1:cat │" in ls[15],
                      "windows 0 and 1, more on the right")
        c.keys(b">>")  # no further than the last window
        c.wait_screen(lambda ls: arrows(ls) == (True, False) and "│ 2:cat │" in ls[15] and
                      "0:bee" not in ls[15], "windows 1 and 2, more on the left")
        c.keys(b"<")
        c.wait_screen(lambda ls: arrows(ls) == (False, True) and "│ 0:bee │" in ls[15],
                      "back to the first")

    def test_options(self):
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        # -N: no preview; -F: the text after the name; -f: a filter on panes
        pm.run("choose-tree", "-N", "-F", "<#{session_name}>", "-f",
               "#{==:#{session_name},B}", "-t", self.p, "new-window -d -t '%%' -n got")
        c.wait_screen(lambda ls: ls[0].rstrip() == "(0) - B: <B>" and
                      ls[1].rstrip() == "(1) └─> 0: <B>" and not ls[2].strip(),
                      "filtered with -F")
        self.assertFalse(any("┌" in l for l in c.lines()), "no preview with -N")
        c.keys(b"\r")  # the template with the current item, B's window 0
        wait_for(lambda: "got" in pm.run("list-windows", "-t", "B", "-F",
                                         "#{window_name}").split(),
                 msg="the template run for B:0", describe=c.describe)
        self.assertFalse(self.in_mode())
        if pmuxtest.flavor() == "pmux":  # tmux ignores it
            r = pm.cmd("choose-tree", "-O", "size", "-t", self.p)
            self.assertNotEqual(r.rc, 0)
            self.assertIn("invalid sort order", r.err)

    def test_key_format(self):
        # -K: each line's shortcut key from a format with #{line}; here x, y,
        # z for the first three lines and none after
        pm = self.pm
        c = self.attach("A", rows=ROWS, cols=60)
        pm.run("choose-tree", "-s", "-K", "#{?#{e|<:#{line},3},#{a:#{e|+:120,#{line}}},}",
               "-t", self.p)
        c.wait_screen(lambda ls: ls[0].startswith("(x) + A: 2 windows") and
                      ls[1].startswith("(y) + B: 1 windows"), "the keys x and y")
        c.keys(b"0")  # not a key any more: nothing chosen
        c.keys(b"y")
        wait_for(lambda: self.client("#{client_session}") == "B",
                 msg="B chosen with y", describe=c.describe)
        self.assertFalse(self.in_mode())
        # a key name with a modifier, and the column as wide as the widest
        pm.run("choose-tree", "-s", "-K", "#{?#{==:#{line},1},C-#{a:#{e|+:97,#{line}}},}",
               "-t", pm.display("B", "#{pane_id}"))
        c.wait_screen(lambda ls: ls[0].startswith("      + A: 2 windows") and
                      ls[1].startswith("(C-b) + B: 1 windows"), "C-b for B, A without key")

    def test_send_keys_to_tree_mode(self):
        pm = self.pm
        self.attach("A", rows=ROWS, cols=60)
        pm.run("choose-tree", "-s", "-t", self.p)
        pm.run("send-keys", "-t", self.p, "Down", "Enter")
        wait_for(lambda: self.client("#{client_session}") == "B",
                 msg="the client switched to B")
        self.assertFalse(self.in_mode())


if __name__ == "__main__":
    pmuxtest.main()
