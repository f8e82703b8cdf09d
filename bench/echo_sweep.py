#!/usr/bin/env python3
"""Keystroke echo latency of pmux and tmux in settings beyond figure 4's.

Figure 4 (bench.py) types into cat, one client, keys 20 ms apart (and 2 ms
in its fast series). This runs the same measurement, pmux then tmux for each
setting, where a user's typing often happens:

  cat         figure 4's pane, for reference
  bash        the pane runs bash, which echoes each key itself (readline)
  split       a second pane in the window prints the date every 50 ms
  clock       the status line shows the time, redrawn every second
  twoclients  a second client is attached to the same session

each with keys 20 ms and 3 ms after the last echo. Prints the median and p99
of each, and the pmux/tmux ratio of the medians. Example:

  bench/echo_sweep.py --keys 300
  bench/echo_sweep.py bash twoclients --pmux build/pmux --tmux /usr/bin/tmux
"""

import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client, Mux  # noqa: E402

SETTINGS = ["cat", "bash", "split", "clock", "twoclients"]


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def measure(kind, binary, setting, gap, keys):
    """Echo latencies (seconds) of keys typed into a fresh server set up for setting."""
    tmp = tempfile.mkdtemp(prefix="echo-sweep-")
    m = Mux(kind, binary, tmp)
    clients = []
    try:
        m.start("lat", "bash --norc --noprofile" if setting == "bash" else "cat")
        if setting == "split":
            m.run("split-window", "-d", "-t", "lat", "while :; do date; sleep 0.05; done")
        if setting == "clock":
            m.run("set", "-g", "status-right", "%H:%M:%S")
            m.run("set", "-g", "status-interval", "1")
        clients.append(Client(m, "lat"))
        if setting == "twoclients":
            clients.append(Client(m, "lat"))
        for c in clients:
            c.settle(0.5)
        c = clients[0]
        if setting == "bash":
            os.write(c.fd, b"PS1='$ '\r")
            c.settle(0.5)
        # No Enter between keys: bash would run the line as a command.
        return c.echo_latencies(keys, gap=gap, enter_every=keys + 1)
    finally:
        for c in clients:
            c.close()
        m.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("settings", nargs="*", help="some of: " + " ".join(SETTINGS) + " (all)")
    ap.add_argument("--keys", type=int, default=300, help="keystrokes per series (300)")
    ap.add_argument("--pmux", default="build/pmux")
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    a = ap.parse_args()
    for setting in a.settings:
        if setting not in SETTINGS:
            sys.exit("echo_sweep: unknown setting %s (%s)" % (setting, " ".join(SETTINGS)))
    for binary in (a.pmux, a.tmux):
        if shutil.which(binary) is None:
            sys.exit("echo_sweep: no executable %s" % binary)
    print("setting     gap    pmux median / p99 ms   tmux median / p99 ms   pmux/tmux")
    for setting in a.settings or SETTINGS:
        for gap in (0.02, 0.003):
            p = measure("pmux", os.path.abspath(shutil.which(a.pmux)), setting, gap, a.keys)
            t = measure("tmux", os.path.abspath(shutil.which(a.tmux)), setting, gap, a.keys)
            print("%-11s %2.0f ms  %6.3f / %6.3f        %6.3f / %6.3f        %.2f" % (
                setting, gap * 1e3, 1e3 * pct(p, 0.5), 1e3 * pct(p, 0.99), 1e3 * pct(t, 0.5),
                1e3 * pct(t, 0.99), pct(p, 0.5) / pct(t, 0.5)), flush=True)


if __name__ == "__main__":
    main()
