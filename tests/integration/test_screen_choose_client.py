#!/usr/bin/env python3
"""choose-client through an attached client: C-b D lists the attached
clients (tmux's client mode: "name: time: session S", a preview of the
client's pane and status line below); d detaches the current one, Enter
runs the template on it."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

MODE_BG = "idx:3"  # mode-style bg=yellow
ROWS = 21


class ChooseClient(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("A", x=60, y=20)
        self.p = pm.display("A", "#{pane_id}")
        pm.shell_session("B", x=60, y=20)
        pm.type("B:0", "echo SEEN-$((40+2))\n")
        pm.wait_line("B:0", "SEEN-42")

    def clients(self):
        out = self.pm.run("list-clients", "-F", "#{client_name} #{client_session}")
        return dict(reversed(l.split()) for l in out.splitlines())

    def current_line(self, c):
        for row, cells in enumerate(c.screen.cells()[:ROWS - 1]):
            if cells and cells[0]["bg"] == MODE_BG and cells[-1]["bg"] == MODE_BG:
                return c.lines()[row]
        return None

    def open_mode(self):
        pm = self.pm
        a = self.attach("A", rows=ROWS, cols=60)
        b = self.attach("B", rows=ROWS, cols=60)
        wait_for(lambda: len(self.clients()) == 2, msg="two clients")
        names = self.clients()
        order = sorted(names.values())
        a.keys(b"\x02D")

        def listed(ls):
            return all(ls[i].startswith("(%d) %s: " % (i, n)) and
                       ls[i].rstrip().endswith(": session %s" %
                                               ("A" if n == names["A"] else "B"))
                       for i, n in enumerate(order)) and not ls[2].strip()
        a.wait_screen(listed, "both clients listed")
        self.assertEqual(pm.display(self.p, "#{pane_mode}"), "client-mode")
        return a, b, names, order

    def go_to(self, c, name):
        for _ in range(3):
            if (self.current_line(c) or "").startswith("(") and \
               name + ":" in (self.current_line(c) or ""):
                return
            c.keys(b"j")
            wait_for(lambda: self.current_line(c) is not None, msg="a current line")
        c.wait_screen(lambda ls: name + ":" in (self.current_line(c) or ""),
                      "%s current" % name)

    def test_detach_other_with_d(self):
        pm = self.pm
        a, b, names, order = self.open_mode()
        self.go_to(a, names["B"])
        # the preview: B's pane, a rule and B's status line
        a.wait_screen(lambda ls: ls[10].startswith("┌ %s (sort: name)" % names["B"]) and
                      "SEEN-42" in "".join(ls[11:19]) and "│ [B] 0:" in ls[18] and
                      "─────" in ls[17], "B's preview")
        a.keys(b"d")
        b.wait_exit()
        wait_for(lambda: list(self.clients()) == ["A"], msg="B's client detached")
        # the list follows; still in the mode with one client left
        a.wait_screen(lambda ls: ls[0].startswith("(0) %s: " % names["A"]) and
                      not ls[1].strip(), "one client listed")
        self.assertEqual(pm.display(self.p, "#{pane_mode}"), "client-mode")
        a.keys(b"q")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0", msg="q leaves")

    def test_enter_runs_template(self):
        pm = self.pm
        a, b, names, order = self.open_mode()
        a.keys(b"q")
        wait_for(lambda: pm.display(self.p, "#{pane_in_mode}") == "0", msg="q leaves")
        pm.run("choose-client", "-t", self.p, "-O", "name", "-r",
               "switch-client -c '%%' -t A")
        a.wait_text("(1) %s: " % order[0])
        self.go_to(a, names["B"])
        a.keys(b"\r")
        wait_for(lambda: pm.run("list-clients", "-F", "#{client_session}").split() ==
                 ["A", "A"], msg="B's client switched to A", describe=a.describe)
        self.assertIn("invalid sort order",
                      pm.cmd("choose-client", "-t", self.p, "-O", "index").err)


if __name__ == "__main__":
    pmuxtest.main()
