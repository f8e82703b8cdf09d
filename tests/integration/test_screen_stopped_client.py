#!/usr/bin/env python3
"""A client stopped with SIGSTOP while a pane floods output: the pane keeps
producing, another client stays responsive, the server's memory stays
bounded, and after SIGCONT the stopped client converges to the right
screen."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import proc, proc_status, wait_for  # noqa: E402

FLOOD = r'''
import os, sys
count = sys.argv[1]
n = 0
out = sys.stdout
while True:
    for _ in range(1000):
        n += 1
        out.write("flood line %d \033[3%dmabcdefghijklmnopqrstuvwxyz\033[m \u4e2d\u6587\n" % (n, n % 8))
    out.flush()
    with open(count + ".tmp", "w") as f:
        f.write(str(n))
    os.replace(count + ".tmp", count)
'''

RSS_LIMIT_KB = 200 * 1024
LINES_WHILE_STOPPED = 200000


class StoppedClient(screen.ScreenTestCase):

    def read_count(self):
        try:
            with open(self.count) as f:
                return int(f.read().strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def rss_kb(self):
        v = proc_status(self.server, "VmRSS")
        kb = int(v.split()[0])
        self.max_rss = max(self.max_rss, kb)
        return kb

    def test_stopped_client_during_flood(self):
        pm = self.pm
        pm.shell_session("S", x=100, y=29)
        self.server = pm.server_pid()
        self.max_rss = 0
        script = os.path.join(pm.tmp, "flood.py")
        with open(script, "w") as f:
            f.write(FLOOD)
        self.count = os.path.join(pm.tmp, "count")
        left = pm.display("S", "#{pane_id}")
        right = pm.run("split-window", "-h", "-t", left, "-P", "-F", "#{pane_id}",
                       "-e", "PS1=" + pmuxtest.PROMPT, "-e", "HISTFILE=/dev/null",
                       *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(right)
        self.assertEqual(pm.display("S", "#{pane_id}"), right, "the new pane is active")

        stopped = self.attach("S", rows=30, cols=100)
        other = self.attach("S", rows=30, cols=100)
        for c in (stopped, other):
            c.wait_panes_match("S")
        rss_before = self.rss_kb()

        stopped.stop()
        wait_for(lambda: proc(stopped.pid).state == "T", msg="the client to be stopped")

        pm.type(left, "python3 %s %s" % (script, self.count))
        # the pane keeps producing while one client cannot take any output
        wait_for(lambda: self.rss_kb() is not None and self.read_count() >= LINES_WHILE_STOPPED,
                 timeout=180, msg="%d lines of output while a client is stopped"
                 % LINES_WHILE_STOPPED,
                 describe=lambda: "count %d, history_size %s" % (
                     self.read_count(), pm.display(left, "#{history_size}")))
        self.assertGreater(int(pm.display(left, "#{history_size}")), 1000)

        # the other client stays responsive: a keystroke's echo arrives
        other.write(b"echo responsive-$((6*7))\r")
        pm.wait_line(right, "responsive-42", timeout=60)
        other.wait_screen(lambda ls: any(l.rstrip().endswith("responsive-42") for l in ls),
                          "the echo 'responsive-42'", timeout=60)
        # and the flood goes on after that
        n = self.read_count()
        wait_for(lambda: self.rss_kb() is not None and self.read_count() >= n + 50000,
                 timeout=120, msg="the flood to go on (from %d lines)" % n)
        self.rss_kb()
        self.assertEqual(proc(stopped.pid).state, "T", "the client is still stopped")
        self.assertLess(self.max_rss, RSS_LIMIT_KB,
                        "server RSS grew to %d kB (%d kB before the flood)"
                        % (self.max_rss, rss_before))

        # stop the flood; the screen settles
        pm.send(left, "C-c")
        pm.wait_prompt(left, timeout=60)
        self.rss_kb()
        self.assertLess(self.max_rss, RSS_LIMIT_KB)

        # the stopped client continues and converges to the panes' contents
        stopped.cont()
        stopped.wait_panes_match("S", attrs=True, timeout=60)
        other.wait_panes_match("S", attrs=True, timeout=60)
        # and it still works: typing in it reaches the active pane
        stopped.write(b"echo after-cont-$((7*7))\r")
        pm.wait_line(right, "after-cont-49")
        stopped.wait_text("after-cont-49")
        stopped.wait_panes_match("S")


if __name__ == "__main__":
    pmuxtest.main()
