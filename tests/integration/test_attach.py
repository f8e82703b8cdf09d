#!/usr/bin/env python3
"""Attached clients: killing a client's whole session or hanging up its
terminal detaches it and changes nothing else; attaching again shows the
screen; C-b d detaches with a message."""

import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, alive, proc, wait_for  # noqa: E402

MARK = "early-text-%d" % (6 * 7 * 1000 + 1)


class Attach(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("a")
        self.shell = pm.pane_pid("a")
        # a background job and a foreground job: both must survive clients going away
        pm.type("a", "sleep 1020 &")
        self.bg = pm.wait_proc("a", ["sleep", "1020"])
        pm.wait_prompt("a")
        pm.type("a", "echo early-text-$((6*7*1000+1))")
        pm.wait_line("a", MARK)
        pm.wait_prompt("a")

    def attach(self):
        c = AttachedClient(self.pm, "attach-session", "-t", "a")
        c.wait_output(MARK.encode())
        wait_for(lambda: self.pm.display("a", "#{session_attached}") == "1",
                 msg="session_attached == 1")
        return c

    def check_survived(self, client):
        pm = self.pm
        self.assertIsNotNone(client.proc.returncode, "client still running")
        wait_for(lambda: pm.display("a", "#{session_attached}") == "0",
                 msg="the session to have no client attached",
                 describe=lambda: pm.run("ls"))
        self.assertEqual(pm.cmd("has-session", "-t", "a").rc, 0, "the session died with its client")
        self.assertTrue(alive(self.shell), "the pane's shell died with the client")
        self.assertTrue(alive(self.bg.pid), "the background job died with the client")
        self.assertEqual(pm.pane_pid("a"), self.shell)
        self.assertIn(MARK, [l.rstrip() for l in pm.capture("a").split("\n")],
                      "the screen lost its text")
        # still works
        pm.type("a", "echo alive-$((2+3))")
        pm.wait_line("a", "alive-5")
        # attach again: the screen is drawn as it is
        c2 = self.attach()
        c2.wait_output(b"alive-5")
        # typed keys reach the pane
        c2.write(b"echo typed-$((7*6))\r")
        pm.wait_line("a", "typed-42")
        c2.wait_output(b"typed-42")
        self.detach(c2)

    def detach(self, c):
        start = len(c.output)
        c.write(b"\x02d")
        rc = c.wait_exit()
        tail = pmuxtest.strip_escapes(c.output[start:])
        self.assertIn(b"[detached (from session a)]", tail,
                      "detach message missing; client printed %r" % tail[-500:])
        self.assertEqual(rc, 0, "client exit status after C-b d")
        wait_for(lambda: self.pm.display("a", "#{session_attached}") == "0",
                 msg="session_attached == 0 after detach")
        self.assertTrue(alive(self.shell))

    def test_detach_with_prefix_d(self):
        c = self.attach()
        self.detach(c)
        self.assertEqual(self.pm.cmd("has-session", "-t", "a").rc, 0)

    def test_assume_paste_time(self):
        pm = self.pm
        # (tmux's default is 1 ms; a whole second keeps a loaded machine
        # from splitting the burst into reads far enough apart)
        pm.run("set-option", "-g", "assume-paste-time", "1000")
        c = self.attach()
        pm.type("a", "cat -v")
        pm.wait_proc("a", ["cat", "-v"])
        # keys in one burst, as from a paste into a terminal without
        # bracketed paste: from the third on they go to the pane as typed,
        # so the C-b d inside does not detach
        c.write(b"xx\x02d-pasted\r")
        pm.wait_line("a", "xx^Bd-pasted")
        self.assertIsNone(c.proc.poll(), "the pasted C-b d detached the client")
        # with assume-paste-time 0 the same burst detaches
        pm.run("set-option", "-g", "assume-paste-time", "0")
        c.write(b"xx\x02d")
        self.assertEqual(c.wait_exit(), 0)

    def test_kill_client_session_with_sigkill(self):
        c = self.attach()
        sid = proc(c.pid).session
        self.assertEqual(sid, c.pid)
        self.assertNotEqual(sid, proc(self.shell).session)
        os.killpg(sid, signal.SIGKILL)          # kill -9 -SID
        rc = c.wait_exit()
        self.assertEqual(rc, -signal.SIGKILL)
        self.check_survived(c)

    def test_client_terminal_hangs_up(self):
        c = self.attach()
        c.hangup()                              # close the pty master
        wait_for(lambda: c.proc.poll() is not None,
                 msg="the client to exit after its terminal hung up")
        self.check_survived(c)

    def test_kill_client_with_sigterm(self):
        c = self.attach()
        os.kill(c.pid, signal.SIGTERM)
        c.wait_exit()
        self.check_survived(c)

    def test_detach_client_command(self):
        c = self.attach()
        start = len(c.output)
        self.pm.run("detach-client")           # the only client
        rc = c.wait_exit()
        self.assertIn(b"detached", pmuxtest.strip_escapes(c.output[start:]))
        self.assertEqual(rc, 0)
        self.assertEqual(self.pm.cmd("has-session", "-t", "a").rc, 0)

    def test_stalled_client_does_not_block_server(self):
        # The client's terminal is never read: its output backs up into the
        # client, then into the server's socket. The server must go on.
        pm = self.pm
        c = self.attach()
        other = pm.shell_window("a")
        pm.type("a", "seq 1 300000; echo EN''D")
        # no c.pump() from here on
        pm.wait_line("a", "END", timeout=120)
        pm.wait_prompt("a")
        self.assertEqual(pm.run("ls", "-F", "#{session_name}").split(), ["a"])
        pm.type(other, "echo other-$((5*5))")
        pm.wait_line(other, "other-25")
        text = pm.run("capture-pane", "-p", "-S", "-", "-E", "-", "-t", "a")
        self.assertIn("299999", text.split("\n"))
        # the client catches up and can still detach
        c.wait_output(b"END", since=0, timeout=60)
        self.detach(c)

    def test_attach_missing_session_fails(self):
        r = self.pm.cmd("attach-session", "-t", "nosuch")
        self.assertEqual(r.rc, 1, r)
        self.assertTrue(r.err.strip())


if __name__ == "__main__":
    pmuxtest.main()
