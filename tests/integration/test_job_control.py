#!/usr/bin/env python3
"""Job control through the pane's line discipline: C-c, C-z, C-\\ reach the
foreground process group as signals (the whole pipeline, not background
jobs), bash's bg/fg work, and in raw mode C-c arrives as the byte 0x03."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import proc, alive, wait_for  # noqa: E402


class JobControl(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("j")
        self.shell = self.pm.pane_pid("j")
        self.desc = self.pm.session_describer("j", self.shell)

    def shell_is_foreground(self):
        wait_for(lambda: proc(self.shell).tpgid == self.shell,
                 msg="the shell (%d) to be the foreground process group again" % self.shell,
                 describe=self.desc)
        self.assertTrue(alive(self.shell), "the pane's shell died")

    def gone(self, p, what):
        self.pm.wait_gone(p.pid, what, describe=self.desc)

    def test_pipeline_is_one_group_and_ctrl_c_ends_it(self):
        pm = self.pm
        pm.type("j", "sleep 1001 | sleep 1002 | sleep 1003")
        ps = [pm.wait_proc("j", ["sleep", str(n)]) for n in (1001, 1002, 1003)]
        ps = [pm.wait_foreground("j", p.cmdline) for p in ps]  # refreshed snapshots
        groups = {p.pgrp for p in ps}
        self.assertEqual(len(groups), 1, "the pipeline is not one process group: %r" % ps)
        pgrp = groups.pop()
        self.assertNotEqual(pgrp, self.shell, "the pipeline is in the shell's group")
        self.assertEqual(proc(self.shell).tpgid, pgrp,
                         "the pipeline is not the tty's foreground group: %r" % ps)
        for p in ps:
            self.assertEqual(p.session, self.shell, p)
            self.assertEqual(p.tty_nr, proc(self.shell).tty_nr, p)

        pm.send("j", "C-c")
        for p in ps:
            self.gone(p, "pipeline member %r" % p.cmdline)
        self.shell_is_foreground()
        pm.wait_prompt("j")
        # the shell still works
        pm.type("j", "echo after-$((40+2))")
        pm.wait_line("j", "after-42")

    def test_ctrl_z_bg_fg(self):
        pm = self.pm
        pm.type("j", "sleep 1010")
        p = pm.wait_foreground("j", ["sleep", "1010"])
        self.assertNotEqual(p.pgrp, self.shell)

        pm.send("j", "C-z")
        wait_for(lambda: proc(p.pid).state == "T", msg="sleep 1010 stopped (state T)",
                 describe=self.desc)
        pm.wait_text("j", "Stopped")
        self.shell_is_foreground()
        pm.wait_prompt("j")

        pm.type("j", "bg")
        wait_for(lambda: proc(p.pid).state in ("S", "R"),
                 msg="sleep 1010 running again after bg", describe=self.desc)
        self.assertEqual(proc(p.pid).pgrp, p.pgrp)
        self.assertEqual(proc(self.shell).tpgid, self.shell,
                         "after bg the job must be in the background")
        pm.wait_prompt("j")

        pm.type("j", "fg")
        wait_for(lambda: proc(p.pid).tpgid == p.pgrp,
                 msg="sleep 1010 in the foreground after fg", describe=self.desc)
        self.assertIn(proc(p.pid).state, ("S", "R"))

        pm.send("j", "C-c")
        self.gone(p, "sleep 1010")
        self.shell_is_foreground()

    def test_ctrl_c_spares_background_job(self):
        pm = self.pm
        pm.type("j", "sleep 1004 &")
        bgp = pm.wait_proc("j", ["sleep", "1004"])
        pm.wait_prompt("j")
        self.assertNotEqual(proc(bgp.pid).tpgid, bgp.pgrp, "background job is in the foreground")

        pm.type("j", "sleep 1005")
        fgp = pm.wait_foreground("j", ["sleep", "1005"])
        pm.send("j", "C-c")
        self.gone(fgp, "foreground sleep 1005")
        self.shell_is_foreground()
        pm.wait_prompt("j")
        self.assertTrue(alive(bgp.pid), "C-c killed the background job sleep 1004")
        self.assertEqual(proc(bgp.pid).state, "S")

    def test_ctrl_backslash_quits_foreground_job(self):
        pm = self.pm
        pm.type("j", "sleep 1004 &")
        bgp = pm.wait_proc("j", ["sleep", "1004"])
        pm.wait_prompt("j")
        pm.type("j", "sleep 1005")
        fgp = pm.wait_foreground("j", ["sleep", "1005"])
        pm.send("j", "C-\\")
        self.gone(fgp, "foreground sleep 1005 after C-\\")
        pm.wait_text("j", "Quit")
        self.shell_is_foreground()
        self.assertTrue(alive(bgp.pid), "C-\\ killed the background job sleep 1004")

    def test_raw_mode_receives_ctrl_c_as_byte(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "byte.out")
        pm.type("j", "stty raw -isig; head -c1 > %s; stty sane" % out)
        p = pm.wait_foreground("j", ["head", "-c1"])
        pm.send("j", "C-c")
        self.gone(p, "head -c1 (should exit after reading one byte)")
        with open(out, "rb") as f:
            data = f.read()
        self.assertEqual(data, b"\x03", "the program in raw mode did not receive 0x03")
        self.shell_is_foreground()
        pm.wait_prompt("j")
        # ISIG is back after stty sane: C-c is a signal again
        pm.type("j", "sleep 1006")
        p = pm.wait_foreground("j", ["sleep", "1006"])
        pm.send("j", "C-c")
        self.gone(p, "sleep 1006")

    def test_ctrl_keys_in_raw_mode_are_bytes(self):
        # C-z and C-\ are bytes too when ISIG is off
        pm = self.pm
        out = os.path.join(pm.tmp, "bytes.out")
        pm.type("j", "stty raw -isig -echo; head -c3 > %s; stty sane" % out)
        p = pm.wait_foreground("j", ["head", "-c3"])
        pm.send("j", "C-z", "C-\\", "C-c")
        self.gone(p, "head -c3")
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"\x1a\x1c\x03")


if __name__ == "__main__":
    pmuxtest.main()
