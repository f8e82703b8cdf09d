#!/usr/bin/env python3
"""Control mode (-C, -CC): command blocks, notifications, %output, sizes,
pausing a client that does not read, and %exit."""

import os
import re
import select
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient, wait_for  # noqa: E402

BEGIN_RE = re.compile(r"^%begin (\d+) (\d+) (\d+)$")
END_RE = re.compile(r"^%(end|error) (\d+) (\d+) (\d+)$")


class ControlClient:
    """`pmux -C ...` with pipes: writes command lines, reads blocks and
    notifications."""

    def __init__(self, pm, *args):
        self.pm = pm
        self.proc = subprocess.Popen(pm.argv("-C", *args), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=pm.env, cwd=pm.tmp, start_new_session=True)
        pm.extra_pids.add(self.proc.pid)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.data = b""
        self.lines = []        # every complete line
        self.blocks = []       # (status, number, flags, [lines])
        self.notes = []        # lines outside blocks
        self.replied = 0       # blocks handed out by command()
        self._open = None
        self.eof = False

    def pump(self, wait=0.05):
        if self.eof:
            return False
        r, _, _ = select.select([self.proc.stdout], [], [], wait)
        if not r:
            return True
        try:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
        except BlockingIOError:
            return True
        if not chunk:
            self.eof = True
            return False
        self.data += chunk
        while b"\n" in self.data:
            raw, self.data = self.data.split(b"\n", 1)
            self._line(raw.decode("utf-8", "replace"))
        return True

    def _line(self, line):
        self.lines.append(line)
        if self._open is not None:
            m = END_RE.match(line)
            if m and m.group(3) == self._open[1]:
                self.blocks.append((m.group(1),) + self._open[1:])
                self._open = None
            else:
                self._open[3].append(line)
            return
        m = BEGIN_RE.match(line)
        if m:
            self._open = ("", m.group(2), m.group(3), [])
            return
        self.notes.append(line)

    def write(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def block(self):
        """The next block not yet handed out: (ok, flags, lines)."""
        wait_for(lambda: self.pump() is not None and len(self.blocks) > self.replied,
                 msg="a reply block", describe=self.describe, interval=0)
        status, _, flags, lines = self.blocks[self.replied]
        self.replied += 1
        return status == "end", flags, lines

    def command(self, line):
        self.write(line + "\n")
        return self.block()

    def ok(self, line):
        good, _, lines = self.command(line)
        if not good:
            raise AssertionError("%r failed: %r" % (line, lines))
        return lines

    def wait_note(self, pattern, since=0, anywhere=False):
        """A notification matching pattern (a regex) after the first since
        (anywhere: any line; tmux writes %pause and %continue even inside a
        block)."""
        rx = re.compile(pattern)

        def cond():
            self.pump()
            for n in (self.lines if anywhere else self.notes)[since:]:
                if rx.search(n):
                    return n
            return None
        return wait_for(cond, msg="notification %r" % pattern, describe=self.describe,
                        interval=0)

    def wait_exit(self):
        def cond():
            self.pump(0.02)
            return self.proc.poll() is not None and self.eof
        wait_for(cond, msg="the control client to exit", describe=self.describe, interval=0)
        return self.proc.returncode

    def describe(self):
        return "control client lines (last 40): %r" % ([l[:200] for l in self.lines[-40:]],)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass


class Control(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("a")

    def control(self, *args):
        c = ControlClient(self.pm, *args)
        self.addCleanup(c.close)
        return c

    def attached(self, session="a"):
        c = self.control("attach", "-t", session)
        good, flags, _ = c.block()
        self.assertTrue(good)
        self.assertEqual(flags, "0", "the command line's command has flags 0")
        sid = self.pm.display(session, "#{session_id}")
        c.wait_note(r"^%%session-changed \%s %s$" % (sid, session))
        return c

    def test_blocks_and_errors(self):
        c = self.attached()
        self.assertEqual(c.ok("display -p '#{client_control_mode} #{session_name}'"),
                         ["1 a"])
        good, flags, lines = c.command("bogus-command")
        self.assertFalse(good, "an unknown command is an %error block")
        self.assertEqual(flags, "1")
        self.assertTrue(any("bogus-command" in l for l in lines), lines)
        good, _, _ = c.command("select-window -t nosuchwindow")
        self.assertFalse(good)
        self.assertEqual(c.ok("list-windows -F '#{window_index}'"), ["0"])
        # a block's number and time are the same at its start and end
        m = [l for l in c.lines if l.startswith("%begin") or l.startswith("%e")]
        for b, e in zip(m[0::2], m[1::2]):
            self.assertEqual(b.split()[1:], e.split()[1:], (b, e))
        flags = self.pm.run("list-clients", "-F", "#{client_control_mode} #{client_flags}")
        self.assertIn("1 ", flags)
        self.assertIn("control-mode", flags)

    def test_output(self):
        c = self.attached()
        pane = self.pm.display("a", "#{pane_id}")
        self.pm.send("a", "printf 'x\\\\y\\tz\\n'", "Enter")
        # the program's bytes below space and the backslash are octal
        c.wait_note(r"^%%output %s .*x\\134y\\011z\\015\\012" % re.escape(pane))

    def test_window_notifications(self):
        c = self.attached()
        c.ok("new-window -n two")
        wid = self.pm.display("a:two", "#{window_id}")
        c.wait_note(r"^%%window-add %s$" % wid)
        c.wait_note(r"^%%session-window-changed \$\d+ %s$" % wid)
        n = len(c.notes)
        c.ok("rename-window -t %s three" % wid)
        c.wait_note(r"^%%window-renamed %s three$" % wid, since=n)
        c.ok("split-window -t %s" % wid)
        c.wait_note(r"^%%layout-change %s \S+ \S+ \S+$" % wid, since=n)
        c.wait_note(r"^%%window-pane-changed %s %%\d+$" % wid, since=n)
        c.ok("copy-mode -t %s" % wid)
        pane = self.pm.display(wid, "#{pane_id}")
        c.wait_note(r"^%%pane-mode-changed %s$" % pane, since=n)
        c.ok("rename-session b")
        c.wait_note(r"^%session-renamed \$\d+ b$", since=n)
        c.ok("new-session -d -s other")
        c.wait_note(r"^%sessions-changed$", since=n)
        c.ok("new-window -d -t other:")
        c.wait_note(r"^%unlinked-window-add @\d+$", since=n)
        c.ok("kill-window -t %s" % wid)
        # (tmux 3.3a says %unlinked-window-close for a window of the
        # client's session that is killed)
        c.wait_note(r"^%%(unlinked-)?window-close %s$" % wid, since=n)

    def test_client_notifications(self):
        self.pm.shell_session("b")
        c = self.attached()
        other = AttachedClient(self.pm, "attach-session", "-t", "a")
        other.wait_output(b"[a]")
        name = self.pm.run("list-clients", "-F", "#{client_name} #{client_control_mode}")
        name = [l.split()[0] for l in name.splitlines() if l.endswith(" 0")][0]
        n = len(c.notes)
        self.pm.run("switch-client", "-c", name, "-t", "b")
        bid = self.pm.display("b", "#{session_id}")
        c.wait_note(r"^%%client-session-changed %s \%s b$" % (re.escape(name), bid), since=n)
        self.pm.run("detach-client", "-t", name)
        c.wait_note(r"^%%client-detached %s$" % re.escape(name), since=n)
        other.wait_exit()
        # the control client itself switches
        c.ok("switch-client -t b")
        c.wait_note(r"^%%session-changed \%s b$" % bid, since=n)

    def test_size(self):
        pm = self.pm
        size = lambda: pm.display("a", "#{window_width}x#{window_height}")
        before = size()
        c = self.attached()
        c.ok("display -p hi")
        self.assertEqual(size(), before, "a control client without a size sizes nothing")
        c.ok("refresh-client -C 100x30")
        wid = pm.display("a", "#{window_id}")
        c.wait_note(r"^%%layout-change %s [0-9a-f]{4},100x30,0,0" % wid)
        self.assertEqual(size(), "100x30", "no status line for a control client")
        self.assertEqual(c.ok("display -p '#{client_width}'"), ["100"])
        good, _, _ = c.command("refresh-client -C 0x0")
        self.assertFalse(good)

    def test_exit(self):
        c = self.attached()
        c.write("\n")
        c.wait_note(r"^%exit$")
        self.assertEqual(c.wait_exit(), 0)
        # the end of its input detaches too
        c = self.attached()
        c.proc.stdin.close()
        c.wait_note(r"^%exit$")
        self.assertEqual(c.wait_exit(), 0)
        # a command that does not attach: its block, then %exit
        c = self.control("list-sessions", "-F", "#{session_name}")
        good, _, lines = c.block()
        self.assertTrue(good)
        self.assertEqual(lines, ["a"])
        c.wait_note(r"^%exit$")
        self.assertEqual(c.wait_exit(), 0)
        self.assertEqual(self.pm.display("a", "#{session_attached}"), "0")

    def test_detach_and_kill_server(self):
        c = self.attached()
        self.pm.run("detach-client", "-s", "a")
        c.wait_note(r"^%exit")
        c.wait_exit()
        # its own detach-client: the command's block, then %exit
        c = self.attached()
        good, _, _ = c.command("detach-client")
        self.assertTrue(good)
        c.wait_note(r"^%exit")
        c.wait_exit()
        c = self.attached()
        c.write("kill-server\n")
        c.wait_note(r"^%exit")
        c.wait_exit()

    def test_new_session(self):
        c = self.control("new-session", "-s", "fresh")
        good, _, _ = c.block()
        self.assertTrue(good)
        c.wait_note(r"^%window-add @\d+$")
        c.wait_note(r"^%session-changed \$\d+ fresh$")
        self.assertEqual(c.ok("display -p '#{session_name}'"), ["fresh"])

    def test_pane_off_and_pause(self):
        c = self.attached()
        pane = self.pm.display("a", "#{pane_id}")
        c.ok("refresh-client -A '%s:off'" % pane)
        self.pm.send("a", "echo silent-one", "Enter")
        self.pm.wait_text("a", "silent-one\n")
        c.ok("refresh-client -A '%s:on'" % pane)
        self.pm.send("a", "echo loud-two", "Enter")
        c.wait_note(r"^%%output %s .*loud-two" % pane)
        self.assertFalse(any("silent-one" in n for n in c.notes), ("no output while off", c.notes))
        c.ok("refresh-client -A '%s:pause'" % pane)
        c.wait_note(r"^%%pause %s$" % pane, anywhere=True)
        c.ok("refresh-client -A '%s:continue'" % pane)
        c.wait_note(r"^%%continue %s$" % pane, anywhere=True)
        if pmuxtest.flavor() == "pmux":  # (tmux 3.3a takes it without a word)
            good, _, _ = c.command("refresh-client -A 'nonsense'")
            self.assertFalse(good)

    def test_pause_after_when_not_reading(self):
        c = self.attached()
        pane = self.pm.display("a", "#{pane_id}")
        c.ok("refresh-client -f pause-after=1")
        # the client stops reading while the pane writes a lot
        self.pm.send("a", "for i in $(seq 1 40); do head -c 2000000 /dev/zero | tr '\\0' x;"
                     " sleep 0.1; done; echo; echo done-writing", "Enter")
        time.sleep(3)
        # other clients are not held up meanwhile
        self.assertEqual(self.pm.display("a", "#{session_name}"), "a")
        c.wait_note(r"^%%pause %s$" % pane, anywhere=True)
        self.pm.wait_text("a", "done-writing")
        c.ok("refresh-client -A '%s:continue'" % pane)
        c.wait_note(r"^%%continue %s$" % pane, anywhere=True)
        self.pm.send("a", "echo after-continue", "Enter")
        # with pause-after, output comes as %extended-output
        c.wait_note(r"^%%extended-output %s \d+ .*: .*after-continue" % pane)

    def test_subscriptions(self):
        c = self.attached()
        sid = self.pm.display("a", "#{session_id}")
        wid = self.pm.display("a", "#{window_id}")
        pane = self.pm.display("a", "#{pane_id}")
        c.ok("refresh-client -B 'sname::#{session_name}'")
        c.ok("refresh-client -B 'wname:@*:#{window_name}'")
        c.ok("refresh-client -B 'pidx:%s:#{pane_index}'" % pane)
        c.wait_note(r"^%%subscription-changed sname \%s - - - : a$" % sid)
        c.wait_note(r"^%%subscription-changed wname \%s %s 0 - : \S+$" % (sid, wid))
        c.wait_note(r"^%%subscription-changed pidx \%s %s 0 %s : 0$" % (sid, wid, pane))
        n = len(c.notes)
        c.ok("rename-window -t %s renamed" % wid)
        c.wait_note(r"^%%subscription-changed wname \%s %s 0 - : renamed$" % (sid, wid), since=n)
        # -B name alone unsubscribes
        c.ok("refresh-client -B sname")
        c.ok("rename-session b")
        c.wait_note(r"^%session-renamed ", since=n)
        c.ok("rename-window -t %s again" % wid)
        c.wait_note(r"^%%subscription-changed wname \S+ %s 0 - : again$" % wid, since=n)
        self.assertFalse(any(l.startswith("%subscription-changed sname") for l in c.notes[n:]),
                         c.notes[n:])


    def test_too_far_behind(self):
        if pmuxtest.flavor() != "pmux":
            self.skipTest("tmux waits five minutes before it drops a client")
        c = self.attached()
        watcher = self.control("attach", "-t", "a")
        watcher.block()
        watcher.ok("refresh-client -f no-output")  # (this test reads it only at the end)
        # the client stops reading while the pane writes far more than the
        # server keeps for it (16 MiB)
        self.pm.send("a", "head -c 40000000 /dev/zero | tr '\\0' x; echo; echo written-all",
                     "Enter")
        listed = lambda: self.pm.run("list-clients", "-F", "#{client_pid}").split()
        wait_for(lambda: str(c.proc.pid) not in listed(), timeout=60,
                 msg="the client that does not read to be dropped")
        # other clients carry on: the one that reads is still there
        self.pm.wait_text("a", "written-all", timeout=60)
        self.assertIn(str(watcher.proc.pid), listed())
        self.assertEqual(watcher.ok("display -p ok"), ["ok"])
        while c.pump(0.2):
            pass
        self.assertEqual(c.lines[-1], "%exit too far behind", c.lines[-3:])
        c.wait_exit()



class ControlTerminal(pmuxtest.PmuxTestCase):
    """-CC on a terminal: one DCS string, no echo."""

    def test_cc(self):
        pm = self.pm
        pm.shell_session("a")
        t = AttachedClient(pm, "-CC", "attach", "-t", "a")
        t.wait_output(b"\x1bP1000p")
        t.wait_output(b"%session-changed")
        t.write(b"display -p 'cc-#{client_control_mode}'\n")
        t.wait_output(b"cc-1\r\n")
        self.assertNotIn(b"display -p", t.output, "the terminal does not echo")
        t.write(b"\n")
        self.assertEqual(t.wait_exit(), 0)
        self.assertTrue(t.output.endswith(b"%exit\r\n\x1b\\"), t.output[-40:])
        # not on a terminal: refused before anything runs
        r = pm.cmd("-CC", "new-session", "-d", "-s", "never")
        self.assertEqual(r.rc, 1)
        self.assertIn("tcgetattr", r.err)
        self.assertNotEqual(pm.cmd("has-session", "-t", "never").rc, 0)


if __name__ == "__main__":
    pmuxtest.main()
