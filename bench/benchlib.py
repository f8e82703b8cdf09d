"""Shared pieces of the benchmark: test data, multiplexer servers, pty clients.

Every multiplexer gets the same setup: its own socket in the run's temp dir,
the same config file (bench.conf below), HOME and TMPDIR in the temp dir,
panes running /bin/sh with TERM=tmux-256color, clients with
TERM=xterm-256color.
"""

import fcntl
import os
import random
import re
import select
import struct
import subprocess
import termios
import time

ROWS, COLS = 50, 200  # every pane that is measured is 200x50

CONF = """set -g default-shell /bin/sh
set -g default-terminal tmux-256color
set -g history-limit 10000
set -g status on
"""

WORDS = ["request", "served", "in", "ms", "user", "cache", "miss", "hit", "GET", "POST",
         "/api/v1/items", "status", "200", "404", "服务器", "日志", "数据库", "émigré",
         "naïve", "\tfield", "tab\there"]
COLOURS = ["\033[31m", "\033[32m", "\033[33m", "\033[34m", "\033[1;35m", "\033[38;5;208m",
           "\033[38;2;10;200;120m"]


def log_line(rnd, n, length):
    """One log-like line: a coloured sequence number, then coloured words."""
    text = " ".join(rnd.choice(WORDS) for _ in range(length))
    return "%s%08d\033[0m %s %s\033[0m\n" % (rnd.choice(COLOURS), n, rnd.choice(COLOURS), text)


def make_data(path, size):
    """size bytes of deterministic log-like text; some lines wrap at 200 columns.

    The text holds no upper-case letter other than those of GET and POST, and
    no '-': end markers made of other capitals cannot appear in it by chance.
    """
    rnd = random.Random(42)
    out, total, n = [], 0, 0
    while total < size:
        n += 1
        b = log_line(rnd, n, rnd.choice([8, 12, 20, 40, 70])).encode()
        out.append(b)
        total += len(b)
    data = b"".join(out)[:size]
    cut = data.rfind(b"\n") + 1  # end on a whole line so no escape sequence is cut
    with open(path, "wb") as f:
        f.write(data[:cut] if cut > 0 else data)


def make_history(path, lines):
    """lines coloured log lines of exactly 80 columns each."""
    rnd = random.Random(7)
    out = []
    for n in range(1, lines + 1):
        words = []
        width = 9  # "%08d "
        while True:
            w = rnd.choice(["request", "served", "user", "cache", "miss", "hit", "status",
                            "200", "404", "GET", "POST", "in", "ms"])
            if width + len(w) + 1 > 80:
                break
            words.append(w)
            width += len(w) + 1
        text = " ".join(words)
        text += "." * (80 - 9 - len(text))
        out.append("%s%08d\033[0m %s%s\033[0m\n" % (rnd.choice(COLOURS), n,
                                                   rnd.choice(COLOURS), text))
    with open(path, "w") as f:
        f.write("".join(out))


# CSI; OSC, DCS and APC up to BEL or ST; charset designations; other escapes.
ESCAPE = re.compile(rb"\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
                    rb"|[\]P_][^\x07\x1b]*(?:\x07|\x1b\\)?|[()*+].|.)", re.S)


def strip(b):
    """The text of terminal output without its escape sequences."""
    return ESCAPE.sub(b"", b)


def rss_kb(pid):
    """VmRSS of process pid in kB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for pid %d" % pid)


class Mux:
    """One multiplexer server (pmux or tmux) with its own socket."""

    def __init__(self, kind, binary, tmp):
        self.kind = kind
        self.bin = binary
        self.sock = os.path.join(tmp, kind + ".sock")
        self.conf = os.path.join(tmp, "bench.conf")
        if not os.path.exists(self.conf):
            with open(self.conf, "w") as f:
                f.write(CONF)
        self.env = dict(os.environ, TERM="xterm-256color", HOME=tmp, TMPDIR=tmp,
                        PMUX_TMPDIR=tmp, TMUX_TMPDIR=tmp, SHELL="/bin/sh", LANG="C.UTF-8",
                        LC_ALL="C.UTF-8")
        for k in ("TMUX", "PMUX", "PMUX_PANE", "TMUX_PANE"):
            self.env.pop(k, None)
        self.pid = None

    def argv(self, *args):
        return [self.bin, "-S", self.sock, "-f", self.conf] + list(args)

    def cmd(self, *args, timeout=120):
        return subprocess.run(self.argv(*args), env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def run(self, *args):
        r = self.cmd(*args)
        if r.returncode != 0:
            raise RuntimeError("%s %s: %s" % (self.kind, " ".join(args), r.stderr.strip()))
        return r.stdout

    def start(self, session, *command):
        """A fresh server with one detached 200x50 session."""
        self.stop()
        self.run("new-session", "-d", "-s", session, "-x", str(COLS), "-y", str(ROWS), *command)
        self.pid = int(self.run("display", "-p", "-t", session, "#{pid}").strip())

    def rss(self):
        return rss_kb(self.pid)

    def stop(self):
        """Kill the server, by its pid if kill-server fails."""
        try:
            self.cmd("kill-server", timeout=30)
        except subprocess.TimeoutExpired:
            pass
        if self.pid is not None:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and os.path.exists("/proc/%d" % self.pid):
                time.sleep(0.05)
            try:
                os.kill(self.pid, 9)
            except OSError:
                pass
            self.pid = None

    def wait_capture(self, target, marker, timeout=300, interval=0.05):
        """Poll capture-pane until target's screen shows marker."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if marker in self.run("capture-pane", "-p", "-t", target):
                return time.monotonic()
            time.sleep(interval)
        raise RuntimeError("%s: %s never showed %s" % (self.kind, target, marker))


class Client:
    """A client attached in a pty that drains its output as a terminal would."""

    def __init__(self, mux, session, rows=ROWS + 1, cols=COLS):
        self.mux = mux
        master, slave = os.openpty()
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def preexec():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(mux.argv("attach", "-t", session), stdin=slave,
                                     stdout=slave, stderr=slave,
                                     env=dict(mux.env, COLORTERM="truecolor"),
                                     start_new_session=True, preexec_fn=preexec)
        os.close(slave)
        os.set_blocking(master, False)
        self.fd = master
        self.received = 0

    def read(self, timeout):
        """Whatever output arrives within timeout (b"" if none)."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return b""
        try:
            chunk = os.read(self.fd, 1 << 20)
        except BlockingIOError:
            return b""
        except OSError:
            raise RuntimeError("%s: the client went away" % self.mux.kind)
        if not chunk:
            raise RuntimeError("%s: the client went away" % self.mux.kind)
        self.received += len(chunk)
        return chunk

    def drain(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.read(min(0.05, max(0.0, end - time.monotonic())))

    def settle(self, quiet=0.3, limit=10):
        """Drain until no output came for quiet seconds."""
        end = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < end and time.monotonic() - last < quiet:
            if self.read(0.05):
                last = time.monotonic()

    def wait_for(self, markers, timeout=300):
        """Drain until every marker has been drawn; the time the last one was."""
        pending = [m.encode() for m in markers]
        tail = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            chunk = self.read(0.5)
            if not chunk:
                continue
            tail = (tail + chunk)[-8192:]
            text = strip(tail)
            pending = [m for m in pending if m not in text]
            if not pending:
                return time.monotonic()
        raise RuntimeError("%s: the client never showed %s" % (self.mux.kind, pending))

    def echo_latencies(self, keys, gap=0.02, enter_every=40, mark=None):
        """Seconds from writing each key to the client's terminal until its echo is drawn.

        The pane runs cat in cooked mode, so the pane's line discipline echoes
        each key. Keys are printable characters that neither the status line
        nor the data hold; every enter_every keys an Enter ends the line and
        the output settles before the next key. mark, if given, is called
        with (key number, "start") just before a key and (number, "end")
        just after its echo (echo_trace.py marks the kernel's trace).
        """
        alphabet = "!%&+=?@^_~{}|<>"
        out = []
        for i in range(keys):
            if i and i % enter_every == 0:
                os.write(self.fd, b"\r")
                self.settle(0.2)
            key = alphabet[i % len(alphabet)].encode()
            got = b""
            if mark:
                mark(i, "start")
            start = time.monotonic()
            os.write(self.fd, key)
            while True:
                chunk = self.read(30)
                if not chunk:
                    if time.monotonic() - start > 30:
                        raise RuntimeError("%s: key %r was never echoed" % (self.mux.kind, key))
                    continue
                got += chunk
                if key in strip(got):
                    out.append(time.monotonic() - start)
                    if mark:
                        mark(i, "end")
                    break
            self.drain(gap)
        return out

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        os.close(self.fd)
