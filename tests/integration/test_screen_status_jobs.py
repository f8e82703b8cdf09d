#!/usr/bin/env python3
"""#(command) in the status line, as tmux runs it: in the background, the
line showing the last line the command wrote (nothing until it has), the
command expanded as a format first, run again on later redraws, a command
that goes on writing shown as it goes, and none of them left behind by
kill-server. Passes against tmux 3.3a too (PMUX_BIN=/usr/bin/tmux)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


def status_line(c):
    lines = c.lines()
    return lines[-1] if lines else ""


class StatusJobs(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.new_session("S", "sleep 100000", x=100, y=10)
        pm.note_panes()
        pm.run("set-option", "-g", "status-interval", "1")
        pm.run("set-option", "-g", "status-right-length", "80")

    def wait_status(self, c, cond, what):
        wait_for(lambda: cond(status_line(c)), msg=what, describe=lambda: status_line(c))

    def test_last_line_of_an_expanded_command(self):
        pm = self.pm
        pm.run("set-option", "-g", "status-right",
               "<#(echo first; echo \"job-#{session_name}-(ok)\")>")
        c = self.attach("S", rows=11, cols=100)
        self.wait_status(c, lambda s: "<job-S-(ok)>" in s, "the job's last line")
        self.assertNotIn("first", status_line(c))

    def test_run_again_on_later_redraws(self):
        pm = self.pm
        count = os.path.join(pm.tmp, "count")
        pm.run("set-option", "-g", "status-right",
               "[#(echo x >> %s; wc -l < %s | tr -d ' ')]" % (count, count))
        c = self.attach("S", rows=11, cols=100)
        self.wait_status(c, lambda s: "[1]" in s, "the first run's line")
        # status-interval 1: the line is drawn again and the command run again
        self.wait_status(c, lambda s: "[3]" in s or "[4]" in s, "a later run's line")

    def test_a_command_that_goes_on_writing(self):
        pm = self.pm
        pm.run("set-option", "-g", "status-right",
               "#(i=0; while :; do echo tick$i; i=$((i+1)); sleep 0.2; done)")
        c = self.attach("S", rows=11, cols=100)
        self.wait_status(c, lambda s: "tick1" in s, "the first lines")
        self.wait_status(c, lambda s: any("tick%d" % i in s for i in range(5, 40)),
                         "later lines of the same run")
        pm.run("kill-server")
        # the loop (a child of the server) is gone with it
        wait_for(lambda: not any(self.loop_running(pid) for pid in os.listdir("/proc")
                                 if pid.isdigit()),
                 msg="the job's shell gone with the server")

    @staticmethod
    def loop_running(pid):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                return b"echo tick$i" in f.read()
        except OSError:
            return False


if __name__ == "__main__":
    pmuxtest.main()
