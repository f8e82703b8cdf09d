"""An independent terminal for pmux's integration tests.

ScreenClient runs `pmux attach` in a fresh pty, as pmuxtest.AttachedClient
does, and feeds every byte the client writes to its terminal into vtscreen
(tests/tools/vtscreen.c: libvterm's VTermScreen, not pmux's own grid code).
Replies the emulated terminal produces (device attributes, cursor position
reports, mode reports ...) are written back into the pty, as a real terminal
does. A background thread pumps continuously, so the client never blocks on
its terminal unless the test stops it (stop(): SIGSTOP, and the pump stops
reading too, since the server may write to the terminal itself).

The emulated screen is then compared with what the server says each pane
holds (`capture-pane`), pane by pane at the positions `list-panes` reports.

Conventions of vtscreen's text dumps: one string per row, a wide character
appears once, trailing spaces are trimmed. Cells (`cells()`) keep columns:
a wide character's second cell has width 0 and ch "".

VTSCREEN_BIN names the vtscreen binary (ctest sets it); else the first of
<repo>/build/tests/vtscreen and <repo>/build-screen/tests/vtscreen. Without
it the tests are skipped.

Tests written with this module (tests/integration/test_screen_*.py) can be
run against tmux to check the tests themselves:
    PMUX_BIN=/usr/bin/tmux VTSCREEN_BIN=build/tests/vtscreen \
        python3 tests/integration/test_screen_layout.py
Tests that need a feature pmux does not have yet are marked with
pmux_lacks(reason); PMUX_TEST_RUN_MISSING=1 runs them anyway.
"""

import binascii
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import termios
import threading
import time
import unittest

import pmuxtest
from pmuxtest import wait_for

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def vtscreen_bin():
    b = os.environ.get("VTSCREEN_BIN")
    if not b:
        for d in ("build", "build-screen"):
            cand = os.path.join(REPO, d, "tests", "vtscreen")
            if os.path.isfile(cand):
                b = cand
                break
    return os.path.abspath(b) if b else None


def require_vtscreen():
    b = vtscreen_bin()
    if not (b and os.path.isfile(b) and os.access(b, os.X_OK)):
        raise unittest.SkipTest("vtscreen not found (build the tests/vtscreen target, "
                                "or set VTSCREEN_BIN)")


def pmux_lacks(reason):
    """Decorator: skip a test on pmux because pmux does not have a feature
    yet (reason says precisely what). The test still runs against tmux
    (PMUX_BIN=/usr/bin/tmux), and PMUX_TEST_RUN_MISSING=1 runs it on pmux,
    to see whether the feature has landed."""
    if pmuxtest.flavor() == "pmux" and not os.environ.get("PMUX_TEST_RUN_MISSING"):
        return unittest.skip("pmux: " + reason)
    return lambda f: f


# ---------------------------------------------------------------- the emulator


class VTScreen:
    """One vtscreen process: a terminal of rows x cols."""

    def __init__(self, rows=24, cols=80):
        self.rows, self.cols = rows, cols
        self.proc = subprocess.Popen([vtscreen_bin(), str(rows), str(cols)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     close_fds=True)
        self.lock = threading.Lock()

    def _cmd(self, line, payload=b""):
        with self.lock:
            if self.proc.poll() is not None:
                raise RuntimeError("vtscreen exited with %r" % self.proc.returncode)
            self.proc.stdin.write(line.encode() + b"\n" + payload)
            self.proc.stdin.flush()
            reply = self.proc.stdout.readline()
        if not reply:
            raise RuntimeError("vtscreen died (command %r)" % line)
        reply = reply.decode("utf-8", "replace").rstrip("\n")
        if reply.startswith("error:"):
            raise RuntimeError("vtscreen: %s (command %r)" % (reply, line))
        return reply

    def feed(self, data):
        if data:
            self._cmd("F %d" % len(data), data)

    def resize(self, rows, cols):
        self._cmd("R %d %d" % (rows, cols))
        self.rows, self.cols = rows, cols

    def lines(self):
        """The text of every row (trailing spaces trimmed)."""
        return json.loads(self._cmd("D"))["lines"]

    def rect(self, top, left, height, width):
        """The text of a rectangle, one string per row, trimmed."""
        return json.loads(self._cmd("T %d %d %d %d" % (top, left, height, width)))

    def cells(self, row=None):
        """Cells of one row (a list of dicts) or of every row (list of lists)."""
        if row is None:
            return json.loads(self._cmd("A"))
        return json.loads(self._cmd("A %d" % row))

    def cursor(self):
        return json.loads(self._cmd("C"))

    def replies(self):
        """Bytes the terminal wants to send back (answers to queries)."""
        return binascii.unhexlify(self._cmd("O"))

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(b"Q\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=5)
            except Exception:
                self.proc.kill()
                self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except Exception:
                pass


def screen_of_capture(text, rows, cols):
    """A VTScreen showing what `capture-pane -p -e` printed (escape
    sequences included), for comparing cells with the attached view."""
    vs = VTScreen(rows, cols)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # lines end with CR LF, the last one with nothing (no scroll)
    vs.feed("\r\n".join(lines[:rows]).encode("utf-8"))
    return vs


# ---------------------------------------------------------------- an attached client


class ScreenClient:
    """`pmux <args>` (normally attach-session) in its own pty and session,
    drawn into a VTScreen by a pump thread."""

    def __init__(self, pm, *args, rows=30, cols=100, env=None, term="xterm-256color",
                 colorterm="truecolor", argv=None):
        """args: pmux's arguments (after -S and -f). argv: run this
        command line instead (e.g. a shell that prints something first and
        then execs pmux)."""
        require_vtscreen()
        self.pm = pm
        self.rows, self.cols = rows, cols
        self.screen = VTScreen(rows, cols)
        e = dict(pm.env)
        e["TERM"] = term
        if colorterm:
            e["COLORTERM"] = colorterm
        else:
            e.pop("COLORTERM", None)
        if env:
            e.update(env)

        pmuxtest.spawn_in_pty(self, pm, argv or pm.argv(*args), e, rows, cols)
        self.nbytes = 0              # everything the client wrote
        self.tail = b""              # its last 64 KiB
        self.hung_up = False
        self.error = None
        self._stop = threading.Event()
        self._paused = threading.Event()   # the terminal does not read
        self._wlock = threading.Lock()
        self.thread = threading.Thread(target=self._pump_loop, daemon=True)
        self.thread.start()

    # -- the pump

    def _pump_loop(self):
        fd = self.master
        try:
            while not self._stop.is_set():
                if self._paused.is_set():
                    time.sleep(0.05)
                    continue
                try:
                    r, _, _ = select.select([fd], [], [], 0.05)
                except (OSError, ValueError):
                    break
                if not r:
                    continue
                try:
                    data = os.read(fd, 65536)
                except BlockingIOError:
                    continue
                except OSError:      # EIO: the client and its children are gone
                    break
                if not data:
                    break
                self.nbytes += len(data)
                self.tail = (self.tail + data)[-65536:]
                self.screen.feed(data)
                rep = self.screen.replies()
                if rep:
                    self.write(rep)
        except Exception as e:   # reported by the waits
            self.error = e
        self.hung_up = True

    def write(self, data):
        """Type bytes on the client's terminal."""
        with self._wlock:
            fd = self.master
            if fd is None:
                return
            while data:
                try:
                    n = os.write(fd, data)
                    data = data[n:]
                except BlockingIOError:
                    select.select([], [fd], [], 0.1)

    def keys(self, data, gap=0.05):
        """Type single-byte keys one at a time, as a person does: a terminal
        multiplexer may take a fast burst of keys for a paste (tmux's
        assume-paste-time) and not look up key bindings in it. The gap only
        paces the input; nothing is measured."""
        for i in range(len(data)):
            self.write(data[i:i + 1])
            time.sleep(gap)

    # -- looking at the screen

    def lines(self):
        return self.screen.lines()

    def text(self):
        return "\n".join(self.lines())

    def cursor(self):
        return self.screen.cursor()

    def describe(self):
        try:
            ls = self.lines()
        except Exception as e:
            return "(vtscreen failed: %r)" % (e,)
        cur = ""
        try:
            cur = " cursor %r" % (self.cursor(),)
        except Exception:
            pass
        body = "\n".join("%3d|%s" % (i, l) for i, l in enumerate(ls))
        return ("--- emulated screen of client pid %d (%dx%d)%s%s ---\n%s\n---"
                % (self.pid, self.cols, self.rows, cur,
                   " [pump error %r]" % (self.error,) if self.error else "", body))

    def wait_screen(self, pred, msg="the screen", timeout=None):
        """Poll until pred(lines) is true; return the lines."""
        def cond():
            if self.error:
                raise AssertionError("pump failed: %r" % (self.error,))
            ls = self.lines()
            return ls if pred(ls) else None
        return wait_for(cond, timeout, msg + " on the emulated screen of client %d" % self.pid,
                        describe=self.describe, interval=0.05)

    def wait_text(self, text, timeout=None):
        return self.wait_screen(lambda ls: any(text in l for l in ls),
                                "%r" % text, timeout)

    # -- resizing, signals

    def resize(self, rows, cols):
        """Change the terminal's size (the emulator first, then the pty) and
        send SIGWINCH to the client."""
        self.rows, self.cols = rows, cols
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        pmuxtest.kill_quietly(self.pid, signal.SIGWINCH)

    def stop(self):
        """Stop the client and its terminal: with the terminal handed to
        the server, a stopped client alone would not stop the output."""
        self._paused.set()
        pmuxtest.kill_quietly(self.pid, signal.SIGSTOP)

    def cont(self):
        pmuxtest.kill_quietly(self.pid, signal.SIGCONT)
        self._paused.clear()

    # -- the end

    def wait_exit(self, timeout=None):
        wait_for(lambda: self.proc.poll() is not None, timeout,
                 "client %d to exit" % self.pid, describe=self.describe)
        return self.proc.returncode

    def close(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGCONT)
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pmuxtest.kill_quietly(self.pid)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self._stop.set()
        if self.thread.is_alive() and self.thread is not threading.current_thread():
            self.thread.join(timeout=5)
        with self._wlock:
            if self.master is not None:
                os.close(self.master)
                self.master = None
        self.screen.close()

    # -- comparing with the server's idea of the panes

    def status_rows(self):
        """Rows the status line takes at the top and at the bottom of the
        client's screen (global `status` and `status-position`)."""
        pm = self.pm
        r = pm.cmd("show-options", "-gv", "status")
        st = r.out.strip() if r.rc == 0 and r.out.strip() else "on"
        r = pm.cmd("show-options", "-gv", "status-position")
        pos = r.out.strip() if r.rc == 0 and r.out.strip() else "bottom"
        n = 0 if st == "off" else (1 if st == "on" else int(st))
        return (n, 0) if pos == "top" else (0, n)

    def pane_geometry(self, target):
        """[(pane_id, left, top, width, height)] of the window target, with
        top in screen rows (status line at the top accounted for)."""
        out = self.pm.run("list-panes", "-t", target, "-F",
                          "#{pane_id} #{pane_left} #{pane_top} #{pane_width} #{pane_height}")
        top_off, _ = self.status_rows()
        panes = []
        for line in out.split("\n"):
            if line.strip():
                pid, left, top, width, height = line.split()
                panes.append((pid, int(left), int(top) + top_off, int(width), int(height)))
        return panes

    def compare_panes(self, target, attrs=False):
        """Compare each pane of window target (e.g. "S" for session S's
        current window) with its region of the emulated screen: text, and
        with attrs=True each cell's character, width, colours and attributes
        against `capture-pane -e`. Returns a list of differences (empty when
        they agree). The window must fit in the client's screen."""
        pm = self.pm
        diffs = []
        for pid, left, top, width, height in self.pane_geometry(target):
            cap = pm.capture(pid)
            want = [l.rstrip() for l in cap.split("\n")][:height]
            want += [""] * (height - len(want))
            got = [l.rstrip() for l in self.screen.rect(top, left, height, width)]
            got += [""] * (height - len(got))
            for r in range(height):
                if got[r] != want[r]:
                    diffs.append("pane %s row %d (screen row %d, col %d): emulated %r, "
                                 "capture-pane %r" % (pid, r, top + r, left, got[r], want[r]))
            if attrs and not diffs:
                diffs += self._compare_attrs(pid, top, left, height, width)
        return diffs

    def _compare_attrs(self, pid, top, left, height, width):
        capture = self.pm.capture(pid, "-e")
        ref = screen_of_capture(capture, height, width)
        diffs = []
        try:
            ref_cells = ref.cells()
        finally:
            ref.close()
        mine = self.screen.cells()
        for r in range(height):
            rowref = ref_cells[r]
            rowgot = mine[top + r] if top + r < len(mine) else []
            for c in range(width):
                a = rowref[c]
                if left + c >= len(rowgot):
                    diffs.append("pane %s cell (%d,%d) outside the screen" % (pid, r, c))
                    continue
                b = rowgot[left + c]
                if a["width"] == 0 or b["width"] == 0:
                    if a["width"] != b["width"]:
                        diffs.append("pane %s cell (%d,%d): width emulated %r capture %r"
                                     % (pid, r, c, b, a))
                    continue
                cha, chb = a["ch"] or " ", b["ch"] or " "
                if cha != chb or a["width"] != b["width"]:
                    diffs.append("pane %s cell (%d,%d): emulated %r/%d, capture-pane %r/%d"
                                 % (pid, r, c, chb, b["width"], cha, a["width"]))
                    continue
                keys = ("fg", "bg", "bold", "italic", "underline", "reverse") \
                    if cha != " " else ("bg", "reverse")
                for k in keys:
                    if a[k] != b[k]:
                        diffs.append("pane %s cell (%d,%d) %r: %s emulated %r, capture-pane -e %r"
                                     % (pid, r, c, cha, k, b[k], a[k]))
        return diffs

    def wait_left(self, message):
        """Wait for the client to exit with message on its terminal, which
        it must leave off the alternate screen with the cursor shown;
        returns the cursor state."""
        self.wait_exit()
        self.wait_screen(lambda ls: any(message in l for l in ls), repr(message))
        cur = self.cursor()
        if cur["altscreen"] != 0:
            raise AssertionError("left on the alternate screen: %r" % cur)
        if cur["visible"] != 1:
            raise AssertionError("cursor left invisible: %r" % cur)
        return cur

    def wait_panes_match(self, target, attrs=False, timeout=None):
        """Wait until every pane's region of the emulated screen equals its
        capture-pane."""
        last = []

        def cond():
            last[:] = self.compare_panes(target, attrs)
            return not last
        try:
            wait_for(cond, timeout, "the emulated screen to match capture-pane",
                     interval=0.1)
        except AssertionError as e:
            raise AssertionError("%s\ndifferences:\n%s\n%s"
                                 % (e, "\n".join(last[:40]), self.describe())) from None


def tty_size(path):
    """(rows, cols) of a terminal as TIOCGWINSZ reports it: what a program
    on it sees."""
    fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
    try:
        rows, cols, _, _ = struct.unpack("HHHH", fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8))
    finally:
        os.close(fd)
    return rows, cols


def wait_attached(pm, session, n, timeout=None):
    """Wait until session has n clients attached."""
    return wait_for(lambda: pm.display(session, "#{session_attached}") == str(n),
                    timeout, "%d client(s) attached to %s" % (n, session),
                    describe=lambda: pm.cmd("list-clients").out)


class ScreenTestCase(pmuxtest.PmuxTestCase):
    """A PmuxTestCase whose attached clients are drawn into vtscreen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_vtscreen()

    def attach(self, session, rows=30, cols=100, wait=True, **kw):
        """Attach a ScreenClient to session; with wait, wait until the
        server counts it and its screen shows the status line."""
        pm = self.pm
        before = None
        if wait:
            r = pm.cmd("display-message", "-p", "-t", session, "#{session_attached}")
            before = int(r.out.strip()) if r.rc == 0 and r.out.strip().isdigit() else 0
        c = ScreenClient(pm, "attach-session", "-t", session, rows=rows, cols=cols, **kw)
        if wait:
            wait_attached(pm, session, before + 1)
            c.wait_screen(lambda ls: any(l.strip() for l in ls), "something drawn")
        return c

    def window_size(self, target):
        w, h = self.pm.display(target, "#{window_width} #{window_height}").split()
        return int(w), int(h)


class PopupTestCase(ScreenTestCase):
    """A shell session with one client attached (ROWS x COLS), for menus and
    popups; background() runs a command that waits for what it shows."""

    ROWS, COLS = 24, 80
    MOUSE = False

    def setUp(self):
        super().setUp()
        pm = self.pm
        pm.shell_session("S", x=self.COLS, y=self.ROWS - 1)
        pm.run("set", "-s", "escape-time", "0")
        if self.MOUSE:
            pm.run("set", "-g", "mouse", "on")
        self.pane = pm.display("S", "#{pane_id}")
        self.c = self.attach("S", rows=self.ROWS, cols=self.COLS)
        self.tty = pm.run("list-clients", "-F", "#{client_tty}").strip()
        self.bg = []

    def tearDown(self):
        for p in self.bg:
            if p.poll() is None:
                p.kill()
            p.wait()
        super().tearDown()

    def background(self, *args):
        """A command that waits for the menu or popup it shows to close."""
        p = subprocess.Popen(self.pm.argv(*args), env=self.pm.env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.bg.append(p)
        return p
