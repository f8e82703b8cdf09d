#!/usr/bin/env python3
"""Where a keystroke's echo spends its time, from the kernel's own trace.

Runs the echo figure of bench.py (bar 4, idle: a client in a pty, its pane
running cat) for one multiplexer while tracefs records the scheduler's
wakeups, switches and migrations, the tty work queued to kernel workers, the
IPIs sent to wake the other CPU, idle exits, and the server's read, write,
poll and sched_yield calls. The harness writes a marker into the trace just
before each key and just after its echo, so every key's events are known
exactly. Nothing but the kernel's ring buffer runs while the keys are typed
(perf sched record, by contrast, slowed the echo three-fold here).

Every key is then sorted by what happened to it:

  - typist moved: the typing process was woken with the echo on another CPU
    than it typed on;
  - server moved: the server was migrated during the key (its caches are
    then cold: 40-80 us of work instead of 5 on this VM);
  - IPIs: how many times a CPU had to interrupt the other one to wake
    something there (each costs the sender 15-20 us on this VM, and a halted
    vCPU 100-300 us to wake);
  - waker: the state of the kernel worker that woke the server with the key
    when the server first ran: R+ (the server preempted it at once), I (it
    had finished), R (the server ran elsewhere).

Needs root and tracefs (/sys/kernel/tracing). Examples:

  sudo bench/echo_trace.py pmux build/pmux --keys 300
  sudo bench/echo_trace.py tmux /usr/bin/tmux --keys 300 --show 5
"""

import argparse
import collections
import os
import re
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Client, Mux  # noqa: E402

TRACEFS = "/sys/kernel/tracing/"
EVENTS = ["sched/sched_waking", "sched/sched_migrate_task", "sched/sched_switch",
          "power/cpu_idle", "workqueue/workqueue_queue_work", "ipi/ipi_send_cpu"]
SYSCALLS = ["read", "write", "readv", "writev", "epoll_wait", "epoll_pwait", "poll", "ioctl",
            "sched_yield"]
LINE = re.compile(r"^\s*(\S.*?)-(\d+)\s+\[(\d+)\]\s+\S+\s+([\d.]+): (\w+)(?::|\(| ->) ?(.*)$")


def tracefs(path, value):
    with open(TRACEFS + path, "w") as f:
        f.write(value)


def syscall_events():
    """The tracefs folders of the server's system calls this kernel has."""
    for call in SYSCALLS:
        for side in ("enter", "exit"):
            ev = "events/syscalls/sys_%s_%s/" % (side, call)
            if os.path.exists(TRACEFS + ev):
                yield ev


def trace_setup(server_pid):
    """Turns the events on; returns the settings to put back."""
    saved = {}
    for name in ("buffer_size_kb", "tracing_on"):
        with open(TRACEFS + name) as f:
            saved[name] = f.read().split()[0]
    tracefs("tracing_on", "0")
    tracefs("events/enable", "0")
    tracefs("buffer_size_kb", "32768")
    for ev in EVENTS:
        tracefs("events/%s/enable" % ev, "1")
    for ev in syscall_events():
        tracefs(ev + "filter", "common_pid == %d" % server_pid)
        tracefs(ev + "enable", "1")
    return saved


def trace_stop(saved):
    """Turns the events off and puts the system's settings back; returns the trace."""
    tracefs("tracing_on", "0")
    tracefs("events/enable", "0")
    for ev in syscall_events():
        tracefs(ev + "filter", "0")
    with open(TRACEFS + "trace") as f:
        text = f.read()
    tracefs("trace", "")
    for name, value in saved.items():
        tracefs(name, value)
    return text


def record(kind, binary, keys):
    """The trace text and the harness's latencies (seconds) of keys keystrokes."""
    tmp = tempfile.mkdtemp(prefix="echo-trace-")
    m = Mux(kind, binary, tmp)
    m.start("lat", "cat")
    c = Client(m, "lat")
    marker = os.open(TRACEFS + "trace_marker", os.O_WRONLY)
    saved = None
    try:
        c.settle(0.5)
        c.echo_latencies(20)
        saved = trace_setup(m.pid)
        tracefs("trace", "")
        tracefs("tracing_on", "1")
        got = c.echo_latencies(keys, mark=lambda i, what: os.write(
            marker, b"%s %d\n" % (what.encode(), i)))
        text, saved = trace_stop(saved), None
        return text, got
    finally:
        if saved is not None:  # (a failure on the way: leave the system as it was)
            trace_stop(saved)
        os.close(marker)
        c.close()
        m.stop()


def split_keys(text):
    """One dict per key: its start and end (time, CPU) and the events between."""
    out, cur = [], None
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        comm, cpu, t, ev, rest = m.group(1), int(m.group(3)), float(m.group(4)), m.group(5), \
            m.group(6)
        if ev == "tracing_mark_write":
            if rest.startswith("start"):
                cur = {"t0": t, "cpu0": cpu, "ev": [], "lines": []}
            elif rest.startswith("end") and cur is not None:
                cur["t1"], cur["cpu1"] = t, cpu
                out.append(cur)
                cur = None
            continue
        if cur is not None:
            cur["ev"].append((t, cpu, comm, ev, rest))
            cur["lines"].append(line.strip())
    return out


def classify(k, server):
    ev = k["ev"]
    ipis = sum(1 for e in ev if e[3] == "ipi_send_cpu")
    moved = any(e[3] == "sched_migrate_task" and ("comm=" + server) in e[4] for e in ev)
    first = next((e for e in ev if e[3] == "sched_switch" and ("next_comm=" + server) in e[4]),
                 None)
    waker = "-"
    if first is not None and first[4].startswith("prev_comm=kworker"):
        waker = re.search(r"prev_state=(\S+)", first[4]).group(1)
    elif first is not None:
        waker = "other"
    return {"typist moved": k["cpu0"] != k["cpu1"], "server moved": moved,
            "ipis": ipis, "waker": waker}


def report(keys, server):
    groups = collections.defaultdict(list)
    totals = collections.Counter()
    for k in keys:
        c = classify(k, server)
        lat = (k["t1"] - k["t0"]) * 1e6
        name = "typist %s, server %s, %d IPI%s" % (
            "moved" if c["typist moved"] else "stayed",
            "moved" if c["server moved"] else "stayed", min(c["ipis"], 3),
            "+" if c["ipis"] > 3 else "")
        groups[name].append(lat)
        totals["IPIs"] += c["ipis"]
        totals["server moved"] += c["server moved"]
        totals["typist moved"] += c["typist moved"]
        totals["waker " + c["waker"]] += 1
    for name, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print("  %-45s n=%4d  median %5.0f us" % (name, len(v), statistics.median(v)))
    n = len(keys)
    print("  per key: %.2f IPIs, server moved %.0f%%, typist moved %.0f%%" % (
        totals["IPIs"] / n, 100 * totals["server moved"] / n, 100 * totals["typist moved"] / n))
    print("  the kernel worker that woke the server: " + ", ".join(
        "%s %d" % (k[6:], v) for k, v in sorted(totals.items()) if k.startswith("waker ")))


def show(k):
    for line in k["lines"]:
        line = re.sub(r"prio=\d+ |work struct=\S+ |req_cpu=\S+ |callsite=\S+ callback=\S+", "",
                      line)
        print("    " + line[:160])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kind", choices=["pmux", "tmux"])
    ap.add_argument("binary")
    ap.add_argument("--keys", type=int, default=300)
    ap.add_argument("--show", type=int, action="append", default=[],
                    help="print the trace of this key (repeatable)")
    ap.add_argument("--keep", help="write the raw trace to this file")
    a = ap.parse_args()
    if not os.access(TRACEFS + "trace_marker", os.W_OK):
        sys.exit("echo_trace: needs root and tracefs at " + TRACEFS)
    text, got = record(a.kind, os.path.abspath(a.binary), a.keys)
    if a.keep:
        with open(a.keep, "w") as f:
            f.write(text)
    keys = split_keys(text)
    if not keys:
        sys.exit("echo_trace: the trace holds no marked keys")
    server = "tmux: server" if a.kind == "tmux" else "pmux"
    print("%s: echo median %.0f us as the harness measured it (traced), %d keys" % (
        a.kind, statistics.median(got) * 1e6, len(keys)))
    report(keys, server)
    for i in a.show:
        if 0 <= i < len(keys):
            print("key %d (%.0f us):" % (i, (keys[i]["t1"] - keys[i]["t0"]) * 1e6))
            show(keys[i])


if __name__ == "__main__":
    main()
