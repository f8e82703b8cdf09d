#!/usr/bin/env python3
"""Keystroke echo latency of several builds side by side, interleaved.

The figure bench.py measures (bar 4, idle) for two or more multiplexers at
once: each gets its own server with one 200x50 session running cat and one
attached client in a pty, and the rounds alternate between them (the order
reversed every other round), so that load from elsewhere on the machine
falls on all of them alike. Prints each round's medians, then the pooled
median and tail per multiplexer. Example:

  bench/echo_ab.py old=pmux:/tmp/old/build/pmux new=pmux:build/pmux \\
      tmux=tmux:/usr/bin/tmux --keys 300 --rounds 6
"""

import argparse
import math
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client, Mux  # noqa: E402


def spec(text):
    """name=kind:binary, kind pmux or tmux."""
    try:
        name, rest = text.split("=", 1)
        kind, binary = rest.split(":", 1)
    except ValueError:
        raise argparse.ArgumentTypeError("expected name=kind:binary, got %r" % text)
    if kind not in ("pmux", "tmux"):
        raise argparse.ArgumentTypeError("kind must be pmux or tmux: %r" % text)
    if shutil.which(binary) is None:
        raise argparse.ArgumentTypeError("no executable %r" % binary)
    return name, kind, os.path.abspath(shutil.which(binary))


def pct(sorted_ms, q):
    return sorted_ms[max(0, math.ceil(q * len(sorted_ms)) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("muxes", nargs="+", type=spec, help="name=kind:binary")
    ap.add_argument("--keys", type=int, default=300, help="keystrokes per round (300)")
    ap.add_argument("--rounds", type=int, default=6, help="rounds (6)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="echo-ab-")
    muxes, clients, res = {}, {}, {}
    try:
        for name, kind, binary in a.muxes:
            m = Mux(kind, binary, tmp)
            m.sock = os.path.join(tmp, name + ".sock")
            muxes[name] = m
            m.start("lat", "cat")
            clients[name] = Client(m, "lat")
            clients[name].settle(0.5)
            res[name] = []
        names = [n for n, _, _ in a.muxes]
        for r in range(a.rounds):
            line = []
            for n in (names if r % 2 == 0 else names[::-1]):
                got = clients[n].echo_latencies(a.keys)
                res[n] += got
                line.append("%s %.3f" % (n, statistics.median(got) * 1000))
            print("round %d: %s (median ms)" % (r + 1, "  ".join(line)), flush=True)
        for n in names:
            s = sorted(x * 1000 for x in res[n])
            print("%-10s median %.3f  p90 %.3f  p99 %.3f  max %.3f ms" %
                  (n, statistics.median(s), pct(s, 0.9), pct(s, 0.99), s[-1]))
    except (RuntimeError, OSError) as e:
        print("echo_ab: %s" % e, file=sys.stderr)
        return 1
    finally:
        for c in clients.values():
            c.close()
        for m in muxes.values():
            m.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
