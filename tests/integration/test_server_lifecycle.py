#!/usr/bin/env python3
"""The server's life: started on demand as a daemon; SIGTERM and kill-server
close every pane (background and stopped jobs too) and remove the socket;
it exits when its last session ends; SIGHUP and SIGPIPE do not stop it; a
stale socket is replaced."""

import os
import signal
import socket
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import alive, proc, wait_for, procs_in_session  # noqa: E402


class Lifecycle(pmuxtest.PmuxTestCase):

    def populate(self):
        """Two sessions, three panes, with foreground, background and stopped
        jobs. Returns every pane process's pid."""
        pm = self.pm
        pm.shell_session("one")
        pm.type("one", "sleep 1007 &")
        pm.wait_proc("one", ["sleep", "1007"])
        pm.wait_prompt("one")
        pm.type("one", "sleep 1008")
        stopped = pm.wait_foreground("one", ["sleep", "1008"])
        pm.send("one", "C-z")
        wait_for(lambda: proc(stopped.pid).state == "T", msg="sleep 1008 stopped")
        pm.wait_prompt("one")
        pm.type("one", "sleep 1009")
        pm.wait_foreground("one", ["sleep", "1009"])

        w = pm.shell_window("one")
        pm.type(w, "sleep 1010 | sleep 1011 &")
        pm.wait_proc(w, ["sleep", "1011"])

        pm.new_session("two", "sleep", "1012")
        pm.note_panes()
        pids = set()
        for sid in pm.pane_pids:
            pids.update(p.pid for p in procs_in_session(sid))
        names = {" ".join(proc(p).cmdline) for p in pids if proc(p)}
        for n in ("sleep 1007", "sleep 1008", "sleep 1009", "sleep 1010", "sleep 1011",
                  "sleep 1012"):
            self.assertIn(n, names)
        self.assertGreaterEqual(len(pm.pane_pids), 3)
        return pids

    def wait_all_gone(self, pids, why):
        wait_for(lambda: not [p for p in pids if alive(p)],
                 msg="every pane process to end after %s" % why,
                 describe=lambda: "still alive: %r" % [proc(p) for p in pids if alive(p)])

    def test_sigterm_closes_everything_and_removes_socket(self):
        pm = self.pm
        pids = self.populate()
        server = pm.server_pid()
        os.kill(server, signal.SIGTERM)
        self.wait_all_gone(pids, "SIGTERM to the server")
        pm.wait_gone(server, "the server after SIGTERM")
        wait_for(lambda: not os.path.exists(pm.sock), msg="the socket to be removed")
        r = pm.cmd("ls")
        self.assertEqual(r.rc, 1, r)

    def test_kill_server_closes_everything_and_removes_socket(self):
        pm = self.pm
        pids = self.populate()
        server = pm.server_pid()
        r = pm.cmd("kill-server")
        self.assertEqual(r.rc, 0, r)
        self.wait_all_gone(pids, "kill-server")
        pm.wait_gone(server, "the server after kill-server")
        wait_for(lambda: not os.path.exists(pm.sock), msg="the socket to be removed")
        r = pm.cmd("has-session", "-t", "one")
        self.assertEqual(r.rc, 1, r)
        self.assertTrue(r.err.strip(), "no message when there is no server")

    def test_kill_session_closes_its_panes_only(self):
        pm = self.pm
        pids = self.populate()
        one = {p for p in pids if proc(p) and proc(p).cmdline != ["sleep", "1012"]}
        two = pm.pane_pid("two")
        pm.run("kill-session", "-t", "one")
        self.wait_all_gone(one, "kill-session -t one")
        self.assertEqual(pm.cmd("has-session", "-t", "one").rc, 1)
        self.assertTrue(alive(two), "kill-session -t one killed session two's pane")
        self.assertEqual(pm.cmd("has-session", "-t", "two").rc, 0)

    def test_server_exits_when_last_session_is_killed(self):
        pm = self.pm
        pm.new_session("a", "sleep", "1000")
        pm.new_session("b", "sleep", "1001")
        server = pm.server_pid()
        pm.run("kill-session", "-t", "a")
        self.assertTrue(alive(server))
        self.assertTrue(os.path.exists(pm.sock))
        pm.run("kill-session", "-t", "b")
        pm.wait_gone(server, "the server after its last session was killed")
        wait_for(lambda: not os.path.exists(pm.sock), msg="the socket to be removed")

    def test_server_exits_when_last_program_exits(self):
        pm = self.pm
        pm.new_session("a", "sh", "-c", "read x; echo bye $x")
        server = pm.server_pid()
        pid = pm.pane_pid("a")
        pm.send("a", "now", "Enter")
        pm.wait_gone(pid, "the pane's program")
        pm.wait_gone(server, "the server after its last pane's program exited")
        wait_for(lambda: not os.path.exists(pm.sock), msg="the socket to be removed")

    def test_pane_closes_when_program_exits(self):
        pm = self.pm
        pm.new_session("a", "sleep", "1000")
        w = pm.run("new-window", "-d", "-t", "a", "-P", "-F", "#{window_id}",
                   "sh", "-c", "read x").strip()
        self.assertEqual(len(pm.run("list-windows", "-t", "a").splitlines()), 2)
        pm.send(w, "Enter")
        wait_for(lambda: len(pm.run("list-windows", "-t", "a").splitlines()) == 1,
                 msg="the window to close when its program exits")
        self.assertEqual(pm.cmd("list-panes", "-t", w).rc, 1)

    def test_sighup_and_sigpipe_do_not_stop_the_server(self):
        pm = self.pm
        pm.shell_session("a")
        server = pm.server_pid()
        for sig in (signal.SIGHUP, signal.SIGPIPE, signal.SIGHUP):
            os.kill(server, sig)
            # the server answers (and so has handled the signal) and is the same process
            self.assertEqual(pm.server_pid(), server)
            self.assertTrue(alive(server))
        pm.type("a", "echo hup-$((9*9))")
        pm.wait_line("a", "hup-81")
        self.assertTrue(alive(pm.pane_pid("a")))

    def test_client_closing_early_does_not_sigpipe_server(self):
        # a client that disappears before reading its answer
        pm = self.pm
        pm.new_session("a", "sleep", "1000")
        server = pm.server_pid()
        for _ in range(20):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(pm.sock)
            s.close()
        r = pm.cmd("ls")
        self.assertEqual(r.rc, 0, r)
        self.assertEqual(pm.server_pid(), server)

    def test_started_on_demand_as_daemon(self):
        pm = self.pm
        self.assertFalse(os.path.exists(pm.sock))
        r = pm.cmd("ls")
        self.assertEqual(r.rc, 1, "ls without a server: %r" % r)
        self.assertFalse(os.path.exists(pm.sock), "ls must not start a server")
        pm.new_session("a", "sleep", "1000")
        self.assertTrue(stat.S_ISSOCK(os.stat(pm.sock).st_mode))
        server = pm.server_pid()
        p = proc(server)
        self.assertEqual(p.tty_nr, 0)
        self.assertNotEqual(p.session, os.getsid(0))
        self.assertNotEqual(p.ppid, os.getpid())

    def test_stale_socket_is_replaced(self):
        pm = self.pm
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(pm.sock)
        s.close()           # a socket file with nobody listening
        self.assertTrue(os.path.exists(pm.sock))
        pm.new_session("a", "sleep", "1000")
        self.assertEqual(pm.cmd("has-session", "-t", "a").rc, 0)
        self.assertEqual(pm.display("a", "#{session_name}"), "a")

    def test_setsid_process_survives_kill_server(self):
        pm = self.pm
        pm.shell_session("a")
        pm.type("a", "setsid sleep 1013 &")
        esc = wait_for(lambda: [p for p in pm.find_own(["sleep", "1013"]) if p.session == p.pid],
                       msg="setsid sleep 1013")[0]
        pm.extra_pids.add(esc.pid)
        shell = pm.pane_pid("a")
        pm.run("kill-server")
        pm.wait_gone(shell, "the pane's shell after kill-server")
        self.assertTrue(alive(esc.pid), "a process that left the pane's session was killed")


if __name__ == "__main__":
    pmuxtest.main()
