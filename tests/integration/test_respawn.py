#!/usr/bin/env python3
"""remain-on-exit keeps a dead pane with tmux's note; respawn-pane and
respawn-window start a program again in it (-k for a live one); the old
program's processes are hung up."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import alive, wait_for  # noqa: E402


class Respawn(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("r", "sleep", "1000")

    def test_remain_on_exit_and_respawn(self):
        pm = self.pm
        pm.run("set", "-g", "remain-on-exit", "on")
        pane = pm.run("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "r", "sh", "-c",
                      "echo last-words; exit 3").strip()
        wait_for(lambda: pm.display(pane, "#{pane_dead}") == "1", msg="the pane to be dead")
        # the note at the bottom after a line feed, as tmux: the first line
        # of a full screen goes to the history
        screen = pm.capture(pane, "-S", "-")
        self.assertIn("last-words", screen)
        self.assertIn("Pane is dead (status 3,", screen)
        r = pm.cmd("respawn-pane", "-t", pane)
        self.assertEqual(r.rc, 0, r)
        # the same command again, on a screen cleared: its line goes to the
        # history when it dies again
        wait_for(lambda: pm.capture(pane, "-S", "-").count("last-words") == 2,
                 msg="the command run again")
        pm.run("respawn-pane", "-t", pane, "-k", "sh", "-c", "echo second-life; exec sleep 1001")
        pm.wait_line(pane, "second-life")
        self.assertEqual(pm.display(pane, "#{pane_dead}"), "0")
        pid = int(pm.display(pane, "#{pane_pid}"))
        pm.wait_proc(pane, ["sleep", "1001"])
        self.assertEqual(pmuxtest.proc(pid).session, pid, "respawned program is a session leader")
        r = pm.cmd("respawn-pane", "-t", pane)
        self.assertEqual(r.rc, 1)
        self.assertIn("still active", r.err)
        # tmux's messages, with the pane and window as targets
        where = pm.display(pane, "#{session_name}:#{window_index}")
        self.assertEqual(r.err.strip(), "respawn pane failed: pane %s.%s still active"
                         % (where, pm.display(pane, "#{pane_index}")))
        r = pm.cmd("respawn-window", "-t", pane)
        self.assertEqual(r.err.strip(), "respawn window failed: window %s still active" % where)
        pm.run("respawn-pane", "-k", "-t", pane, "sleep", "1002")
        pm.wait_gone(pid, "the killed program")
        pm.wait_proc(pane, ["sleep", "1002"])

    def test_remain_on_exit_failed(self):
        pm = self.pm
        pm.run("set", "-g", "remain-on-exit", "failed")
        ok = pm.run("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "r", "true").strip()
        bad = pm.run("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "r", "false").strip()
        wait_for(lambda: pm.display(bad, "#{pane_dead}") == "1", msg="the failed pane dead")
        wait_for(lambda: ok not in pm.run("list-panes", "-a", "-F", "#{pane_id}"),
                 msg="the pane that succeeded to close")

    def test_respawn_window(self):
        pm = self.pm
        pm.run("split-window", "-d", "-t", "r", "sleep", "1003")
        first = pm.pane_pid("r:0.0")
        pm.run("respawn-window", "-k", "-t", "r:0", "sleep", "1004")
        wait_for(lambda: pm.run("list-panes", "-t", "r:0", "-F", "#{pane_index}") == "0\n",
                 msg="one pane left")
        pm.wait_gone(first, "the old program")
        pm.wait_proc("r:0.0", ["sleep", "1004"])
        self.assertTrue(alive(pm.pane_pid("r:0.0")))

    def test_respawn_cwd_env_and_errors(self):
        pm = self.pm
        d1 = os.path.realpath(pm.tmp)
        d2 = os.path.join(d1, "sub")
        os.mkdir(d2)
        r = pm.cmd("respawn-pane", "-t", "r:0.0")
        self.assertEqual((r.rc, r.err), (1, "respawn pane failed: pane r:0.0 still active\n"))
        r = pm.cmd("respawn-window", "-t", "r:0")
        self.assertEqual((r.rc, r.err), (1, "respawn window failed: window r:0 still active\n"))
        pm.run("respawn-window", "-k", "-t", "r:0", "-c", d2, "-e", "RESPAWN_E=yes",
               "sh", "-c", 'echo "at=$PWD e=$RESPAWN_E"; exec sleep 1005')
        pm.wait_line("r:0.0", "at=%s e=yes" % d2)
        # again with no -c or -e: the same command, where -c said, -e not kept (as tmux)
        pm.run("respawn-pane", "-k", "-t", "r:0.0")
        pm.wait_line("r:0.0", "at=%s e=" % d2)
        self.assertEqual(pm.display("r:0.0", "#{pane_start_path}"), d2)
        # -c is a format about the target
        pm.run("respawn-pane", "-k", "-t", "r:0.0", "-c", "#{pane_current_path}/..",
               "sh", "-c", 'echo "up=$(pwd -P)"; exec sleep 1006')
        pm.wait_line("r:0.0", "up=%s" % d1)

    def test_start_directory_is_a_format(self):
        # the most common tmux idiom: split-window -c '#{pane_current_path}'
        pm = self.pm
        d1 = os.path.realpath(pm.tmp)
        pane = pm.run("new-window", "-t", "r", "-c", d1, "-P", "-F", "#{pane_id}",
                      "sleep", "1000").strip()
        wait_for(lambda: pm.display(pane, "#{pane_current_path}") == d1, msg="the first cwd")
        new = pm.run("split-window", "-t", pane, "-c", "#{pane_current_path}", "-P", "-F",
                     "#{pane_id}", "sleep", "1000").strip()
        wait_for(lambda: pm.display(new, "#{pane_current_path}") == d1,
                 msg="the split pane in the same directory",
                 describe=lambda: pm.display(new, "#{pane_current_path}"))
        win = pm.run("new-window", "-t", "r", "-c", "#{pane_current_path}", "-P", "-F",
                     "#{pane_id}", "sleep", "1000").strip()
        wait_for(lambda: pm.display(win, "#{pane_current_path}") == d1,
                 msg="the new window in the current pane's directory",
                 describe=lambda: pm.display(win, "#{pane_current_path}"))


if __name__ == "__main__":
    pmuxtest.main()
