#!/usr/bin/env python3
"""Where the time of a keystroke's echo goes, from the scheduler's view.

Runs the echo figure of bench.py (a client in a pty, its pane running cat)
for one multiplexer under `perf sched record -a` (root, perf installed) and
classifies every keystroke by what the scheduler did with it:

  - the CPU the typing process wrote on, and the CPU of the kernel worker
    that woke it with the echo;
  - "typist moved": the scheduler woke the typing process on the other CPU
    (PYMIG below);
  - "server moved N": the server was moved between CPUs N times;
  - window: from the server waking the kernel worker that carries the key
    into the pane, to the worker that wakes the typing process with the
    echo. On a VM whose idle vCPUs halt, the shorter this is, the more often
    everything stays on one CPU (a halted vCPU takes 100-300 us to wake).

Example:

  sudo bench/echo_sched.py pmux build/pmux --keys 150
  sudo bench/echo_sched.py tmux /usr/bin/tmux --keys 150
"""

import argparse
import collections
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client, Mux  # noqa: E402

LINE = re.compile(r"\s*([\d.]+)\s+\[(\d+)\]\s+(\S.*?)\s{2,}(awakened|migrated): (.*?)"
                  r"(?:\s+cpu (\d+) => (\d+))?\s*$")


def record(kind, binary, keys, out):
    tmp = tempfile.mkdtemp(prefix="echo-sched-")
    m = Mux(kind, binary, tmp)
    m.start("lat", "cat")
    c = Client(m, "lat")
    try:
        c.settle(0.5)
        c.echo_latencies(20)
        perf = subprocess.Popen(["perf", "sched", "record", "-o", out, "-a"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        got = c.echo_latencies(keys)
        time.sleep(0.1)
        perf.send_signal(2)
        perf.wait()
    finally:
        c.close()
        m.stop()
    return statistics.median(got) * 1000


def events(data):
    out = subprocess.run(["perf", "sched", "timehist", "-i", data, "-w", "-M"],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            yield (float(m.group(1)), int(m.group(2)), m.group(3), m.group(4), m.group(5))


def cycles(data, typer):
    """One per keystroke: from the typing process waking a kernel worker
    (its write) to the first worker that wakes it again (the echo)."""
    out, cur = [], None
    for t, cpu, who, kind, whom in events(data):
        if who.startswith(typer) and kind == "awakened" and whom.startswith("kworker"):
            cur = {"t0": t, "cpu0": cpu, "ev": []}
            out.append(cur)
        if cur is None or ("t1" in cur and t > cur["t1"] + 5e-6):
            continue  # (the typing process's move is recorded just after its wakeup)
        cur["ev"].append((t, cpu, who, kind, whom))
        if "t1" in cur:
            continue
        if kind == "awakened" and whom.startswith(typer) and who.startswith("kworker"):
            cur["t1"], cur["cpu1"] = t, cpu
    return [c for c in out if "t1" in c]


def report(cs, server, typer):
    kinds, lat, window = collections.Counter(), collections.defaultdict(list), \
        collections.defaultdict(list)
    for c in cs:
        moved = any(k == "migrated" and w.startswith(typer) for _, _, _, k, w in c["ev"])
        srvmig = sum(1 for _, _, _, k, w in c["ev"] if k == "migrated" and server in w)
        key = "typed on %d, echo from cpu %d%s, server moved %d" % (
            c["cpu0"], c["cpu1"], ", typist moved" if moved else "", srvmig)
        kinds[key] += 1
        lat[key].append((c["t1"] - c["t0"]) * 1e6)
        pw = [t for t, _, who, k, w in c["ev"]
              if server in who and k == "awakened" and w.startswith("kworker")]
        if pw:
            window["PYMIG" if moved else "stay"].append((c["t1"] - pw[0]) * 1e6)
    for key, n in kinds.most_common():
        print("%-58s n=%4d  echo median %4.0f us" % (key, n, statistics.median(lat[key])))
    for key, v in sorted(window.items()):
        print("window (%s): n=%d median %.0f us" % (key, len(v), statistics.median(v)))
    allv = [(c["t1"] - c["t0"]) * 1e6 for c in cs]
    print("all: n=%d echo median %.0f us" % (len(allv), statistics.median(allv)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kind", choices=["pmux", "tmux"])
    ap.add_argument("binary")
    ap.add_argument("--keys", type=int, default=150)
    a = ap.parse_args()
    data = tempfile.mktemp(prefix="echo-sched-", suffix=".data")
    try:
        med = record(a.kind, os.path.abspath(a.binary), a.keys, data)
        print("%s: echo median %.3f ms as the harness measured it" % (a.kind, med))
        server = "tmux: server" if a.kind == "tmux" else "pmux"
        report(cycles(data, "python3"), server, "python3")
    finally:
        if os.path.exists(data):
            os.unlink(data)


if __name__ == "__main__":
    main()
