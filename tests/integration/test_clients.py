#!/usr/bin/env python3
"""Several clients: window-size, switch-client, list-clients, read-only
clients (attach -r) and attach -d."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402


class Clients(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("a")

    def attach(self, *flags, rows=40, cols=120, session="a"):
        c = AttachedClient(self.pm, "attach-session", *flags, "-t", session,
                           rows=rows, cols=cols)
        c.wait_output(b"[%s]" % session.encode())
        return c

    def clients(self):
        out = self.pm.run("list-clients", "-F", "#{client_tty} #{session_name}")
        return sorted(l for l in out.splitlines() if l)

    def window_size(self):
        return self.pm.display("a", "#{window_width}x#{window_height}")

    def test_window_size_options(self):
        pm = self.pm
        big = self.attach(rows=40, cols=120)
        wait_for(lambda: self.window_size() == "120x39", msg="window sized to the client")
        small = self.attach(rows=24, cols=80)
        # latest (the default): the client that attached last
        wait_for(lambda: self.window_size() == "80x23", msg="latest client's size")
        big.write(b"x")  # activity makes it the latest
        wait_for(lambda: self.window_size() == "120x39", msg="size follows the active client")
        pm.run("set", "-g", "window-size", "smallest")
        wait_for(lambda: self.window_size() == "80x23", msg="smallest")
        pm.run("set", "-g", "window-size", "largest")
        wait_for(lambda: self.window_size() == "120x39", msg="largest")
        pm.run("set", "-g", "window-size", "manual")
        small.write(b"y")
        self.assertEqual(self.window_size(), "120x39", "manual never resizes")
        pm.run("set", "-g", "window-size", "smallest")
        wait_for(lambda: self.window_size() == "80x23", msg="smallest again")
        # the small client goes: the window takes the other's size
        small.write(b"\x02d")
        small.wait_exit()
        wait_for(lambda: self.window_size() == "120x39", msg="size after a detach")

    def test_list_and_switch_client(self):
        pm = self.pm
        pm.shell_session("b")
        c = self.attach()
        wait_for(lambda: len(self.clients()) == 1, msg="one client listed")
        tty = self.clients()[0].split()[0]
        self.assertTrue(tty.startswith("/dev/pts/"), tty)
        self.assertEqual(self.clients()[0].split()[1], "a")
        pm.run("switch-client", "-c", tty, "-t", "b")
        wait_for(lambda: self.clients() == ["%s b" % tty], msg="client on b")
        c.wait_output(b"[b]")
        self.assertEqual(pm.display("a", "#{session_attached}"), "0")
        self.assertEqual(pm.display("b", "#{session_attached}"), "1")
        pm.run("switch-client", "-c", tty, "-l")
        wait_for(lambda: self.clients() == ["%s a" % tty], msg="back on a with -l")
        pm.run("switch-client", "-c", tty, "-n")
        wait_for(lambda: self.clients() == ["%s b" % tty], msg="-n goes to the next session")
        r = pm.cmd("switch-client", "-c", "/dev/pts/9999", "-t", "a")
        self.assertEqual(r.rc, 1)
        self.assertIn("can't find client", r.err)
        # killing the session the client shows detaches it with [exited]
        pm.run("kill-session", "-t", "b")
        c.wait_exit()
        self.assertIn(b"[exited]", pmuxtest.strip_escapes(c.output))

    def test_times(self):
        # client_created, session_last_attached and pane_dead_time: seconds
        # since the epoch, as tmux
        pm = self.pm
        before = int(time.time())
        self.assertEqual(pm.display("a", "[#{session_last_attached}]"), "[]")
        c = self.attach()
        after = int(time.time()) + 1
        created = int(pm.run("list-clients", "-F", "#{client_created}").strip())
        self.assertTrue(before <= created <= after, (before, created, after))
        attached = int(pm.display("a", "#{session_last_attached}"))
        self.assertTrue(before <= attached <= after, (before, attached, after))
        pm.run("set-option", "-g", "remain-on-exit", "on")
        pane = pm.run("new-window", "-d", "-t", "a", "-P", "-F", "#{pane_id}", "exit 1").strip()
        # empty while it runs; once dead (it may already be), a time since before
        got = pm.display(pane, "[#{pane_dead_time}]")
        self.assertTrue(got == "[]" or before <= int(got[1:-1]) <= int(time.time()) + 1, got)
        wait_for(lambda: pm.display(pane, "#{pane_dead}") == "1", msg="the pane to die")
        dead = int(pm.display(pane, "#{pane_dead_time}"))
        self.assertTrue(before <= dead <= int(time.time()) + 1, (before, dead))
        c.close()

    def test_read_only_client(self):
        pm = self.pm
        ro = self.attach("-r")
        pm.wait_prompt("a")
        ro.write(b"echo from-ro\r")
        rw = self.attach()
        rw.write(b"echo from-rw\r")
        pm.wait_line("a", "from-rw")
        self.assertNotIn("from-ro", pm.capture("a"), "a read-only client typed into the pane")
        ro.write(b"\x02d")  # detaching is allowed
        self.assertEqual(ro.wait_exit(), 0)

    def test_read_only_client_does_not_size_the_window(self):
        # attach -r is also tmux's ignore-size: a small read-only viewer
        # attached last does not shrink the window
        self.attach(rows=40, cols=120)
        wait_for(lambda: self.window_size() == "120x39", msg="window sized to the client")
        ro = self.attach("-r", rows=24, cols=80)
        ro.write(b"x")  # activity: it would be the latest client
        self.assertEqual(self.pm.run("list-clients", "-F", "#{client_readonly}").split(),
                         ["0", "1"])
        self.assertEqual(self.window_size(), "120x39")
        # switch-client -r makes it an ordinary client: it sizes the window
        self.pm.run("switch-client", "-r", "-c", ro.tty, "-t", "a")
        wait_for(lambda: self.window_size() == "80x23", msg="the window sized to it now",
                 describe=self.window_size)

    def test_client_formats(self):
        import time
        before = int(time.time())
        c = self.attach()
        ro = self.attach("-r")
        fmt = "#{client_tty} #{client_flags} #{client_created} #{client_written}"
        rows = {l.split()[0]: l.split()[1:] for l in
                self.pm.run("list-clients", "-F", fmt).splitlines() if l}
        flags, created, written = rows[c.tty]
        self.assertEqual(flags, "attached,focused,UTF-8")
        self.assertEqual(rows[ro.tty][0], "attached,focused,ignore-size,read-only,UTF-8")
        self.assertTrue(before - 2 <= int(created) <= int(time.time()) + 2, created)
        self.assertGreater(int(written), 100)  # at least the first frame

    def test_attach_d_detaches_others(self):
        first = self.attach()
        second = self.attach("-d")
        first.wait_exit()
        self.assertIn(b"[detached (from session a)]", pmuxtest.strip_escapes(first.output))
        wait_for(lambda: len(self.clients()) == 1, msg="only the new client left")
        second.write(b"\x02d")
        second.wait_exit()


if __name__ == "__main__":
    pmuxtest.main()
