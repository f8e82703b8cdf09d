#!/usr/bin/env python3
"""tmux's target tokens: windows by {start} ^, {end} $, {last} !, {next} +
+N and {previous} - -N (round the ends); panes by {last} !, {next} +,
{previous} -, their place ({top}, {bottom-right} ...) and their neighbour
({up-of} ...). The default bindings use them: C-b o is select-pane -t :.+.
Error messages name the part not found, as tmux. The expected values were
read off tmux 3.3a and the tests pass against it (PMUX_BIN=/usr/bin/tmux)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402


class TargetTokens(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        # windows 0, 3 and 5; window 0 split into panes 0 (top left), 1
        # (bottom left) and 2 (right), pane 1 active, pane 2 the last
        pm.new_session("a", "sleep 100000", x=80, y=24)
        pm.run("new-window", "-d", "-t", "a:3", "sleep 100000")
        pm.run("new-window", "-d", "-t", "a:5", "sleep 100000")
        pm.run("split-window", "-d", "-h", "-t", "a:0", "sleep 100000")
        pm.run("split-window", "-d", "-v", "-t", "a:0.0", "sleep 100000")
        pm.run("select-pane", "-t", "a:0.2")
        pm.run("select-pane", "-t", "a:0.1")
        pm.note_panes()

    def where(self, target):
        return self.pm.display(target, "#{window_index}.#{pane_index}")

    def test_windows(self):
        want = {"a:+": "3", "a:-": "5", "a:+1": "3", "a:+2": "5", "a:+5": "5", "a:-1": "5",
                "a:^": "0", "a:$": "5", "a:{start}": "0", "a:{end}": "5",
                "a:{next}": "3", "a:{previous}": "5"}
        for target, index in want.items():
            self.assertEqual(self.where(target).split(".")[0], index, target)
        self.pm.run("select-window", "-t", "a:+")
        self.assertEqual(self.where("a").split(".")[0], "3")
        self.pm.run("select-window", "-t", "a:{previous}")
        self.assertEqual(self.where("a").split(".")[0], "0")
        self.assertEqual(self.where("a:!").split(".")[0], "3")
        self.assertEqual(self.where("a:{last}").split(".")[0], "3")

    def test_panes(self):
        want = {"{next}": "0.2", "+": "0.2", "-": "0.0", "!": "0.2", "{last}": "0.2",
                "a:0.+": "0.2", "a:0.-": "0.0", "a:0.+2": "0.0", "a:0.{last}": "0.2",
                "a:0.!": "0.2", ":.+": "0.2", "{top}": "0.0", "{bottom}": "0.1",
                "{left}": "0.0", "{right}": "0.2", "{top-left}": "0.0", "{top-right}": "0.2",
                "{bottom-left}": "0.1", "{bottom-right}": "0.2", "{up-of}": "0.0",
                "{down-of}": "0.0", "{left-of}": "0.2", "{right-of}": "0.2",
                "a:0.{top}": "0.0"}
        for target, pane in want.items():
            self.assertEqual(self.where(target), pane, target)

    def test_swap_and_move_by_offset(self):
        pm = self.pm
        wid = pm.display("a:0", "#{window_id}")
        pm.run("swap-window", "-s", "a:0", "-t", "a:+")
        self.assertEqual(pm.display("a:3", "#{window_id}"), wid)

    def test_errors_name_the_missing_part(self):
        r = self.pm.cmd("kill-window", "-t", "a:9")
        self.assertEqual((r.rc, r.err.strip()), (1, "can't find window: 9"))
        r = self.pm.cmd("select-pane", "-t", "a:0.7")
        self.assertEqual((r.rc, r.err.strip()), (1, "can't find pane: 7"))

    def test_next_pane_key(self):
        pm = self.pm
        c = AttachedClient(pm, "attach", "-t", "a")
        try:
            wait_for(lambda: pm.display("a", "#{session_attached}") == "1", msg="attached")
            c.write(b"\x02o")  # C-b o: select-pane -t :.+
            wait_for(lambda: self.where("a") == "0.2", msg="C-b o to the next pane",
                     describe=lambda: self.where("a"))
            c.write(b"\x02o")
            wait_for(lambda: self.where("a") == "0.0", msg="round to the first",
                     describe=lambda: self.where("a"))
        finally:
            c.close()


if __name__ == "__main__":
    pmuxtest.main()
