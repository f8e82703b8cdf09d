#!/usr/bin/env python3
"""Side-by-side benchmark: pmux and tmux in the same run, interleaved.

One client is attached in a pty (200x50, TERM=xterm-256color) to a window
of four panes (tiled). One pane cats N MB of log-like text (SGR colours,
UTF-8 with CJK, lines that wrap at 200 columns, tabs), then prints an end
marker. Measured per run: the time from the keystroke that starts cat until
the attached client has drawn the marker, and the bytes the client received
meanwhile. The client drains its pty as fast as it can, as a terminal would.

Usage: bench/flood.py [--mb 8] [--runs 5] [--pmux build/pmux] [--tmux tmux]
Prints medians and the pmux/tmux ratios. Times on shared machines are noisy:
compare the ratios, not the absolute numbers.
"""

import argparse
import fcntl
import os
import random
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

# Typed as "FLOOD-END-$((6*7))", printed as FLOOD-END-42: only the output
# matches, never the echo of the command line.
MARK = "FLOOD-END-42"
MARK_CMD = "FLOOD-END-$((6*7))"
ROWS, COLS = 50, 200


def make_data(path, mb):
    """Deterministic log-like text."""
    rnd = random.Random(42)
    words = ["request", "served", "in", "ms", "user", "cache", "miss", "hit", "GET", "POST",
             "/api/v1/items", "status", "200", "404", "服务器", "日志", "数据库", "émigré",
             "naïve", "\tfield", "tab\there"]
    colours = ["\033[31m", "\033[32m", "\033[33m", "\033[34m", "\033[1;35m", "\033[38;5;208m",
               "\033[38;2;10;200;120m"]
    size = mb * 1024 * 1024
    out = []
    total = 0
    n = 0
    while total < size:
        n += 1
        length = rnd.choice([8, 12, 20, 40, 70])  # some lines wrap at 200 columns
        text = " ".join(rnd.choice(words) for _ in range(length))
        line = "%s%08d\033[0m %s %s\033[0m\n" % (rnd.choice(colours), n, rnd.choice(colours),
                                                 text)
        b = line.encode()
        out.append(b)
        total += len(b)
    with open(path, "wb") as f:
        f.write(b"".join(out)[:size])


class Mux:
    def __init__(self, kind, binary, tmp):
        self.kind = kind
        self.bin = binary
        self.sock = os.path.join(tmp, kind + ".sock")
        self.env = dict(os.environ, TERM="xterm-256color", HOME=tmp, PMUX_TMPDIR=tmp,
                        TMUX_TMPDIR=tmp)
        for k in ("TMUX", "PMUX", "PMUX_PANE", "TMUX_PANE"):
            self.env.pop(k, None)

    def cmd(self, *args):
        return subprocess.run([self.bin, "-S", self.sock, "-f", "/dev/null"] + list(args),
                              env=self.env, capture_output=True, text=True, timeout=120)

    def run(self, *args):
        r = self.cmd(*args)
        if r.returncode != 0:
            raise RuntimeError("%s %s: %s" % (self.kind, args, r.stderr))
        return r.stdout


def attach(mux):
    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def preexec():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    p = subprocess.Popen([mux.bin, "-S", mux.sock, "attach", "-t", "b"], stdin=slave,
                         stdout=slave, stderr=slave, env=dict(mux.env, COLORTERM="truecolor"),
                         start_new_session=True, preexec_fn=preexec)
    os.close(slave)
    os.set_blocking(master, False)
    return p, master


def drain(fd, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                os.read(fd, 1 << 20)
            except OSError:
                return


def strip(b):
    """The text of terminal output without CSI, OSC and charset sequences."""
    out = bytearray()
    i = 0
    while i < len(b):
        if b[i] == 0x1b:
            i += 1
            if i < len(b) and b[i] == ord("["):
                i += 1
                while i < len(b) and not (0x40 <= b[i] <= 0x7e):
                    i += 1
            elif i < len(b) and b[i] == ord("]"):
                while i < len(b) and b[i] not in (0x07, 0x5c):
                    i += 1
            elif i < len(b) and b[i] in b"()*+":
                i += 1
            i += 1
            continue
        out.append(b[i])
        i += 1
    return bytes(out)


def one_run(mux, data):
    mux.cmd("kill-server")
    mux.run("new-session", "-d", "-s", "b", "-x", str(COLS), "-y", str(ROWS - 1),
            "env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i")
    for args in (("split-window", "-h", "-t", "b"), ("split-window", "-v", "-t", "b:0.0"),
                 ("split-window", "-v", "-t", "b:0.2"), ("select-layout", "-t", "b", "tiled"),
                 ("select-pane", "-t", "b:0.0")):
        mux.run(*args)
    client, fd = attach(mux)
    drain(fd, 1.0)  # the first full frame and terminal queries
    got = bytearray()
    tail = b""
    start = time.monotonic()
    mux.run("send-keys", "-t", "b:0.0", "cat %s; echo %s" % (data, MARK_CMD), "Enter")
    deadline = start + 300
    done = None
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:
            break
        got += chunk
        tail = (tail + chunk)[-4096:]
        if MARK.encode() in strip(tail):
            done = time.monotonic()
            break
    client.kill()
    client.wait()
    os.close(fd)
    mux.cmd("kill-server")
    if done is None:
        raise RuntimeError("%s: the end marker never reached the client" % mux.kind)
    return done - start, len(got)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=8)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pmux", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                   "pmux"))
    ap.add_argument("--tmux", default=shutil.which("tmux") or "tmux")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="pmux-bench-")
    data = os.path.join(tmp, "data.txt")
    make_data(data, a.mb)
    muxes = [Mux("pmux", os.path.abspath(a.pmux), tmp), Mux("tmux", a.tmux, tmp)]
    results = {m.kind: [] for m in muxes}
    for i in range(a.runs):
        for m in (muxes if i % 2 == 0 else muxes[::-1]):  # interleaved
            results[m.kind].append(one_run(m, data))
    print("flood: %d MB into one pane of four, client 200x50, %d runs each" % (a.mb, a.runs))
    med = {}
    for kind, rs in results.items():
        t = statistics.median(r[0] for r in rs)
        b = statistics.median(r[1] for r in rs)
        med[kind] = (t, b)
        print("  %-5s time %.3f s (%.1f MB/s)  bytes to client %d" % (kind, t, a.mb / t, b))
    print("  ratio pmux/tmux: time %.2f, bytes %.2f  (throughput %.2fx tmux)"
          % (med["pmux"][0] / med["tmux"][0], med["pmux"][1] / med["tmux"][1],
             med["tmux"][0] / med["pmux"][0]))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
