#!/usr/bin/env python3
"""refresh-client's panning and client flags, as tmux 3.3a has them.

A window bigger than a client: the client's view follows the cursor of the
active pane; refresh-client -L/-R/-U/-D [adjustment] (and the prefix
table's S-arrow keys) pan it, -c (C-b DC) follows the cursor again; each
client pans on its own. Client flags (refresh-client -f, attach-session
-f): ignore-size (the client does not size the window while another
client does), active-pane (the client's own active pane: select-pane from
it changes only what it shows and where its keys go), read-only, the
control-mode-only ones, #{client_flags} and list-clients. refresh-client
-l: the answer of the client's terminal to an OSC 52 query becomes a paste
buffer."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

LETTERS = "abcdefghij" * 9
# 40 lines of 93 columns; the last has no newline, so the cursor stays at
# row 39, column 93 of the 100x40 window
FILL = ("for i in $(seq 1 40); do printf '%%03d%s' $i; "
        "[ $i -lt 40 ] && printf '\\n'; done; exec sleep 1000" % LETTERS)


def line(n):
    return "%03d%s" % (n, LETTERS)


class ClientFlags(screen.ScreenTestCase):

    def client(self, session, *flags, rows, cols):
        """An attached client (attach-session with flags) and its name."""
        pm = self.pm
        n = int(pm.display(session, "#{session_attached}"))
        c = screen.ScreenClient(pm, "attach-session", "-t", session, *flags,
                                rows=rows, cols=cols)
        screen.wait_attached(pm, session, n + 1)
        c.wait_screen(lambda ls: any(x.strip() for x in ls), "something drawn")
        return c

    def flags(self, c):
        out = self.pm.run("list-clients", "-F", "#{client_name} #{client_flags}")
        for row in out.splitlines():
            name, _, fl = row.partition(" ")
            if name == c.tty:
                return fl
        self.fail("client %s not in list-clients:\n%s" % (c.tty, out))

    def big_window(self):
        pm = self.pm
        pm.new_session("S", "sh", "-c", FILL, x=100, y=40)
        pm.run("set-option", "-g", "status", "off")
        pm.run("set-option", "-g", "window-size", "manual")
        wait_for(lambda: line(40) in pm.capture("S"), msg="the pane filled")

    def wait_top(self, c, text, why):
        c.wait_screen(lambda ls: ls[0] == text, "%s: first row %r" % (why, text))

    # ---- panning

    def test_view_follows_cursor_and_pans(self):
        pm = self.pm
        self.big_window()
        a = self.client("S", rows=10, cols=30)
        b = self.client("S", rows=20, cols=50)
        self.assertEqual(self.window_size("S"), (100, 40))
        # the cursor is at column 93 of row 39: A shows columns 70-99 of
        # rows 30-39, B columns 50-99 of rows 20-39
        self.wait_top(a, line(31)[70:], "A follows the cursor")
        a.wait_screen(lambda ls: ls[9] == line(40)[70:], "A's last row")
        self.wait_top(b, line(21)[50:], "B follows the cursor")
        # -L with an adjustment bigger than the offset: column 0
        pm.run("refresh-client", "-t", a.tty, "-L", "100")
        self.wait_top(a, line(31)[:30], "A panned left")
        # -U without an adjustment: one row
        pm.run("refresh-client", "-t", a.tty, "-U")
        self.wait_top(a, line(30)[:30], "A panned up 1")
        pm.run("refresh-client", "-t", a.tty, "-U", "3")
        self.wait_top(a, line(27)[:30], "A panned up 3")
        pm.run("refresh-client", "-t", a.tty, "-R", "5")
        self.wait_top(a, line(27)[5:35], "A panned right 5")
        # clamped at the window's far edges
        pm.run("refresh-client", "-t", a.tty, "-D", "100")
        pm.run("refresh-client", "-t", a.tty, "-R", "100")
        self.wait_top(a, line(31)[70:], "A panned to the bottom right")
        pm.run("refresh-client", "-t", a.tty, "-U", "100")
        self.wait_top(a, line(1)[70:], "A panned to the top")
        # B did not move
        self.assertEqual(b.lines()[0], line(21)[50:])
        # -c: following the cursor again
        pm.run("refresh-client", "-t", a.tty, "-c")
        self.wait_top(a, line(31)[70:], "A follows the cursor again")

    def test_pan_keys(self):
        pm = self.pm
        self.big_window()
        a = self.client("S", rows=10, cols=30)
        self.wait_top(a, line(31)[70:], "A follows the cursor")
        # C-b S-Left, C-b S-Up: 10 cells each
        a.write(b"\x02\x1b[1;2D")
        self.wait_top(a, line(31)[60:90], "C-b S-Left")
        a.write(b"\x02\x1b[1;2A")
        self.wait_top(a, line(21)[60:90], "C-b S-Up")
        a.write(b"\x02\x1b[1;2B")
        self.wait_top(a, line(31)[60:90], "C-b S-Down")
        a.write(b"\x02\x1b[1;2D")
        a.write(b"\x02\x1b[1;2C")
        self.wait_top(a, line(31)[60:90], "C-b S-Left, S-Right")
        a.write(b"\x02\x1b[3~")
        self.wait_top(a, line(31)[70:], "C-b DC")

    def test_mouse_over_panned_view(self):
        """A click lands on the window cell the client shows there."""
        pm = self.pm
        pm.new_session("S", "sh", "-c", "echo L; exec sleep 1000", x=100, y=40)
        pm.run("split-window", "-h", "-l", "49", "-t", "S", "sh", "-c",
               "echo R; exec sleep 1000")
        left, right = pm.run("list-panes", "-t", "S", "-F", "#{pane_id}").split()
        for opt in (("status", "off"), ("window-size", "manual"), ("mouse", "on")):
            pm.run("set-option", "-g", *opt)
        pm.run("select-pane", "-t", left)
        a = self.client("S", rows=10, cols=30)
        pm.run("refresh-client", "-t", a.tty, "-R", "40")
        # the border (window column 50) at screen column 10
        a.wait_screen(lambda ls: all(x[10:11] == "\u2502" for x in ls),
                      "the border at column 10")
        a.write(pmuxtest.click(15, 2))
        wait_for(lambda: pm.display(right, "#{pane_active}") == "1",
                 msg="the click at column 15 selected the right pane")
        a.write(pmuxtest.click(5, 2))
        wait_for(lambda: pm.display(left, "#{pane_active}") == "1",
                 msg="the click at column 5 selected the left pane")

    def test_default_bindings(self):
        pm = self.pm
        pm.new_session("S")
        for key, cmd in (("DC", "refresh-client -c"), ("S-Up", "refresh-client -U 10"),
                         ("S-Down", "refresh-client -D 10"),
                         ("S-Left", "refresh-client -L 10"),
                         ("S-Right", "refresh-client -R 10")):
            out = pm.run("list-keys", "-T", "prefix", key).split()
            self.assertEqual(out, ["bind-key", "-r", "-T", "prefix", key] + cmd.split())

    def test_adjustment_errors(self):
        pm = self.pm
        pm.new_session("S")
        a = self.client("S", rows=10, cols=30)
        for adj, msg in (("abc", "adjustment invalid"), ("0", "adjustment too small")):
            r = pm.cmd("refresh-client", "-t", a.tty, "-U", adj)
            self.assertEqual(r.rc, 1, r)
            self.assertEqual(r.err.strip(), msg)
        r = pm.cmd("refresh-client", "-t", "/nonesuch", "-U")
        self.assertEqual(r.rc, 1, r)
        self.assertIn("can't find client", r.err)

    # ---- flags

    def test_flags_format(self):
        pm = self.pm
        pm.new_session("S")
        a = self.client("S", rows=10, cols=30)
        r = self.client("S", "-r", rows=10, cols=30)
        self.assertEqual(self.flags(a), "attached,focused,UTF-8")
        self.assertEqual(self.flags(r), "attached,focused,ignore-size,read-only,UTF-8")
        ro = pm.run("list-clients", "-F", "#{client_name} #{client_readonly}").split("\n")
        self.assertIn("%s 0" % a.tty, ro)
        self.assertIn("%s 1" % r.tty, ro)
        # read-only cannot be taken back; control-mode flags and unknown
        # names are ignored for a terminal client; -F is -f
        pm.run("refresh-client", "-t", a.tty, "-f",
               "active-pane,no-output,wait-exit,pause-after=3,bogus")
        self.assertEqual(self.flags(a), "attached,focused,active-pane,UTF-8")
        pm.run("refresh-client", "-t", a.tty, "-F", "!active-pane,ignore-size")
        self.assertEqual(self.flags(a), "attached,focused,ignore-size,UTF-8")
        pm.run("refresh-client", "-t", a.tty, "-f", "read-only")
        self.assertEqual(self.flags(a), "attached,focused,ignore-size,read-only,UTF-8")
        pm.run("refresh-client", "-t", r.tty, "-f", "!read-only,!ignore-size")
        self.assertEqual(self.flags(r), "attached,focused,read-only,UTF-8")
        out = pm.run("list-clients")
        self.assertIn("%s: S [30x10 xterm-256color] (attached,focused,read-only,UTF-8)"
                      % r.tty, out)
        # switch-client -r toggles read-only and ignore-size together
        pm.run("switch-client", "-c", r.tty, "-r")
        self.assertEqual(self.flags(r), "attached,focused,UTF-8")
        pm.run("switch-client", "-c", r.tty, "-r")
        self.assertEqual(self.flags(r), "attached,focused,ignore-size,read-only,UTF-8")

    def test_ignore_size(self):
        pm = self.pm
        pm.new_session("S")
        pm.run("set-option", "-g", "window-size", "largest")
        self.client("S", rows=12, cols=40)
        b = self.client("S", "-f", "ignore-size", rows=24, cols=80)

        def size(w, h, why):
            wait_for(lambda: self.window_size("S") == (w, h), msg="%dx%d: %s" % (w, h, why),
                     describe=lambda: "window %r, clients %s" % (
                         self.window_size("S"), pm.run("list-clients")))

        size(40, 11, "B ignores its size")
        self.assertEqual(self.flags(b), "attached,focused,ignore-size,UTF-8")
        pm.run("refresh-client", "-t", b.tty, "-f", "!ignore-size")
        size(80, 23, "B sizes the window again")
        pm.run("refresh-client", "-t", b.tty, "-f", "ignore-size")
        size(40, 11, "B ignores its size again")

    def test_ignore_size_alone(self):
        """When every client ignores its size, they size the window."""
        pm = self.pm
        pm.new_session("S")
        pm.run("set-option", "-g", "window-size", "largest")
        a = self.client("S", rows=12, cols=40)
        self.client("S", "-f", "ignore-size", rows=24, cols=80)
        wait_for(lambda: self.window_size("S") == (40, 11), msg="40x11")
        a.close()
        wait_for(lambda: self.window_size("S") == (80, 23), msg="80x23 after A left",
                 describe=lambda: repr(self.window_size("S")))

    def test_active_pane(self):
        pm = self.pm
        pm.shell_session("S", x=60, y=10)
        pm.run("split-window", "-h", "-t", "S", *pmuxtest.SHELL_CMD)
        left, right = pm.run("list-panes", "-t", "S", "-F", "#{pane_id}").split()
        pm.wait_prompt(right)
        c = self.client("S", rows=11, cols=60)
        e = self.client("S", "-f", "active-pane", rows=11, cols=60)
        self.assertEqual(self.flags(e), "attached,focused,active-pane,UTF-8")

        def active():
            return pm.run("list-panes", "-t", "S", "-F",
                          "#{pane_id}#{?pane_active,*,}").split()

        self.assertEqual(active(), [left, right + "*"])
        # C-b o in E: E's own active pane is the left one; the window's
        # stays the right one
        e.write(b"\x02o")
        e.wait_screen(lambda ls: e.cursor()["col"] < 30, "E's cursor in the left pane")
        self.assertEqual(active(), [left, right + "*"])
        e.write(b"echo from-E\r")
        pm.wait_line(left, "from-E")
        c.write(b"echo from-C\r")
        pm.wait_line(right, "from-C")
        self.assertNotIn("from-E", pm.capture(right))
        self.assertTrue(c.cursor()["col"] > 30, c.describe())
        # select-pane from outside any client changes the window's
        pm.run("select-pane", "-t", left)
        self.assertEqual(active(), [left + "*", right])
        pm.run("select-pane", "-t", right)
        # without the flag, E shows the window's active pane again
        pm.run("refresh-client", "-t", e.tty, "-f", "!active-pane")
        e.write(b"echo again-E\r")
        pm.wait_line(right, "again-E")

    def test_clipboard_query(self):
        pm = self.pm
        pm.new_session("S")
        a = self.client("S", rows=10, cols=30)
        before = pm.run("list-buffers", "-F", "#{buffer_name}").split()
        pm.run("refresh-client", "-t", a.tty, "-l")
        # the terminal's answer (vtscreen does not answer OSC 52 itself)
        a.write(b"\x1b]52;c;aGVsbG8gY2xpcA==\x07")
        wait_for(lambda: "hello clip" in pm.run("show-buffer"),
                 msg="the clipboard in a paste buffer",
                 describe=lambda: pm.run("list-buffers"))
        after = pm.run("list-buffers", "-F", "#{buffer_name}").split()
        self.assertEqual(len(after), len(before) + 1)
        # an answer in two reads, ended by ST; keys after it are keys
        pm.run("refresh-client", "-t", a.tty, "-l")
        a.write(b"\x1b]52;c;d29y")
        time.sleep(0.2)
        a.write(b"bGQ=\x1b\\")
        wait_for(lambda: pm.run("show-buffer") == "world",
                 msg="the second answer in a paste buffer",
                 describe=lambda: pm.run("list-buffers"))


if __name__ == "__main__":
    pmuxtest.main()
