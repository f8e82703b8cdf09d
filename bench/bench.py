#!/usr/bin/env python3
"""pmux against tmux, every figure of the performance bars, in one run.

Each repetition runs every selected figure for pmux and for tmux (the order
alternates between repetitions) and, for attached throughput, for a bare pty.
Each figure starts a fresh server and kills it afterwards. The summary gives
medians, the ratios pmux/tmux and whether each bar is met; --results writes
the same as Markdown with the raw numbers. See bench/README.md.
"""

import argparse
import math
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import COLS, ROWS, Client, Mux, make_data, make_history  # noqa: E402

FIGURES = ["attached", "detached", "four", "onefour", "latency", "memory", "scale", "spawn"]

# Markers are capitals the data never holds. Typed into a shell as
# ZQXJ""KWVY, they are printed as ZQXJKWVY: only the output matches, never
# the echo of the command line.
MARK = "ZQXJKWVY"
# Seconds between one key's echo and the next key in the fast series of figure 4.
FAST_GAP = 0.002


def typed(marker):
    return marker[:4] + '""' + marker[4:]


def p99(xs):
    s = sorted(xs)
    return s[max(0, math.ceil(0.99 * len(s)) - 1)]


class Bench:
    def __init__(self, a, tmp):
        self.a = a
        self.tmp = tmp
        self.muxes = [Mux("pmux", a.pmux, tmp), Mux("tmux", a.tmux, tmp)]
        self.clients = []
        self.raw = {}  # (figure, metric, kind) -> [values per repetition]
        self.data = os.path.join(tmp, "data.txt")
        make_data(self.data, int(a.mb * 1024 * 1024))
        self.size_mb = os.path.getsize(self.data) / (1024 * 1024)
        self.quarter = os.path.join(tmp, "quarter.txt")
        make_data(self.quarter, int(a.mb * 1024 * 1024 / 4))
        self.quarter_mb = os.path.getsize(self.quarter) / (1024 * 1024)
        self.history = os.path.join(tmp, "history.txt")
        # Lines, marker and the cursor line fill the screen and exactly 10,000
        # lines of history: tmux drops a tenth of its history when it overflows.
        make_history(self.history, 10000 + ROWS - 2)
        self.rawpty = os.path.join(tmp, "rawpty")
        src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rawpty.c")
        subprocess.run(["cc", "-O2", "-o", self.rawpty, src], check=True)

    def add(self, figure, metric, kind, value):
        self.raw.setdefault((figure, metric, kind), []).append(value)

    def attach(self, mux, session):
        c = Client(mux, session)
        self.clients.append(c)
        c.drain(1.0)  # the first full frame and the terminal queries
        return c

    def detach(self, c):
        self.clients.remove(c)
        c.close()

    def cleanup(self):
        for c in list(self.clients):
            try:
                self.detach(c)
            except OSError:
                pass
        for m in self.muxes:
            m.stop()

    # 1. Attached throughput: cat of the data in a 200x50 pane, client attached.
    def attached(self, m):
        m.start("b")
        c = self.attach(m, "b")
        start = time.monotonic()
        m.run("send-keys", "-t", "b", "cat %s; echo %s" % (self.data, typed(MARK)), "Enter")
        t = c.wait_for([MARK]) - start
        self.add("attached", "time", m.kind, t)
        self.add("attached", "client bytes", m.kind, c.received)
        self.detach(c)
        m.stop()

    def attached_raw(self):
        r = subprocess.run([self.rawpty, self.data, MARK], capture_output=True, text=True,
                           timeout=300)
        if r.returncode != 0:
            raise RuntimeError("rawpty: %s" % r.stderr.strip())
        self.add("attached", "time", "raw", float(r.stdout))

    # 2. Detached throughput: no client, until capture-pane shows the marker.
    def detached(self, m):
        m.start("b")
        time.sleep(0.3)  # the shell's prompt
        start = time.monotonic()
        m.run("send-keys", "-t", "b", "cat %s; echo %s" % (self.data, typed(MARK)), "Enter")
        self.add("detached", "time", m.kind, m.wait_capture("b", MARK) - start)
        m.stop()

    # 3. Four panes of one window flood at once, a client attached to the window.
    def four_panes(self, m):
        m.start("b")
        for args in (("split-window", "-h", "-t", "b"), ("split-window", "-v", "-t", "b:0.0"),
                     ("split-window", "-v", "-t", "b:0.2"), ("select-layout", "-t", "b", "tiled")):
            m.run(*args)
        return self.attach(m, "b")

    def four(self, m):
        c = self.four_panes(m)
        marks = [MARK + x for x in "QJXK"]
        argv = []
        for i, mk in enumerate(marks):
            argv += ["send-keys", "-t", "b:0.%d" % i,
                     "cat %s; echo %s" % (self.quarter, typed(mk)), "Enter", ";"]
        start = time.monotonic()
        m.run(*argv[:-1])
        t = c.wait_for(marks) - start
        self.add("four", "time", m.kind, t)
        self.add("four", "client bytes", m.kind, c.received)
        self.detach(c)
        m.stop()

    # The interactive-client issue's figure: one pane of a four-pane window
    # cats a quarter of the data (8 MB by default) while a client is attached:
    # time until the client shows the end, and the bytes it received.
    def onefour(self, m):
        c = self.four_panes(m)
        start = time.monotonic()
        m.run("send-keys", "-t", "b:0.0", "cat %s; echo %s" % (self.quarter, typed(MARK)), "Enter")
        self.add("onefour", "time", m.kind, c.wait_for([MARK]) - start)
        self.add("onefour", "client bytes", m.kind, c.received)
        self.detach(c)
        m.stop()

    # 4. Keystroke echo latency, server idle and while another session floods.
    # Also with the server idle but the keys in a burst, each 2 ms after the
    # last one's echo (the idle series leaves 20 ms, which hid a frame pacing
    # that held such echoes for up to 10 ms).
    def latency(self, m):
        m.start("lat", "cat")
        c = self.attach(m, "lat")
        self.add("latency", "idle", m.kind, c.echo_latencies(self.a.keys))
        self.add("latency", "fast", m.kind, c.echo_latencies(self.a.keys, gap=FAST_GAP))
        m.run("new-session", "-d", "-s", "flood", "-x", str(COLS), "-y", str(ROWS),
              "while :; do cat %s; done" % self.data)
        c.drain(1.0)
        self.add("latency", "load", m.kind, c.echo_latencies(self.a.keys))
        self.detach(c)
        m.stop()

    # 5. Memory: idle server with one pane; growth per pane of 10,000 lines of history.
    def memory(self, m):
        m.start("mem")
        time.sleep(0.5)
        before = m.rss()
        self.add("memory", "idle kB", m.kind, before)
        n = self.a.mem_panes
        for i in range(n):
            m.run("new-window", "-d", "-t", "mem:%d" % (i + 1),
                  "cat %s; echo %s; exec cat" % (self.history, MARK))
        for i in range(n):
            m.wait_capture("mem:%d" % (i + 1), MARK)
            size = m.run("display", "-p", "-t", "mem:%d" % (i + 1), "#{history_size}").strip()
            if size != "10000":
                raise RuntimeError("%s: history of %s lines, not 10000" % (m.kind, size))
        time.sleep(0.5)
        self.add("memory", "kB per pane", m.kind, (m.rss() - before) / n)
        m.stop()

    # 6. Scale: windows x 5 panes from the CLI, list-panes -a, RSS, echo latency.
    def scale(self, m):
        w = self.a.scale_windows
        start = time.monotonic()
        m.start("s", "cat")
        for i in range(w):
            if i:
                m.run("new-window", "-d", "-t", "s:%d" % i)
            for _ in range(4):
                m.run("split-window", "-d", "-t", "s:%d" % i)
        self.add("scale", "create s", m.kind, time.monotonic() - start)
        times = []
        for _ in range(5):
            t0 = time.monotonic()
            out = m.run("list-panes", "-a")
            times.append(time.monotonic() - t0)
        if len(out.splitlines()) != 5 * w:
            raise RuntimeError("%s: %d panes, not %d" % (m.kind, len(out.splitlines()), 5 * w))
        self.add("scale", "list-panes s", m.kind, statistics.median(times))
        time.sleep(0.5)
        self.add("scale", "RSS kB", m.kind, m.rss())
        m.run("select-pane", "-t", "s:0.0")
        c = self.attach(m, "s")
        self.add("scale", "echo", m.kind, c.echo_latencies(self.a.keys))
        self.detach(c)
        m.stop()

    # 7. Spawn: new-window commands from the CLI.
    def spawn(self, m):
        m.start("w")
        start = time.monotonic()
        for _ in range(self.a.spawn):
            m.run("new-window", "-t", "w")
        self.add("spawn", "time", m.kind, time.monotonic() - start)
        m.stop()

    def run(self):
        for rep in range(self.a.runs):
            order = self.muxes if rep % 2 == 0 else self.muxes[::-1]
            for fig in self.a.only:
                for m in order:
                    print("run %d/%d: %s %s" % (rep + 1, self.a.runs, fig, m.kind),
                          file=sys.stderr, flush=True)
                    getattr(self, fig)(m)
                if fig == "attached":
                    self.attached_raw()


def med(xs):
    return statistics.median(xs)


def summarise(b):
    """Rows of (figure, measure, pmux, tmux, raw-or-None, ratio text, bar, pass)."""
    raw, rows = b.raw, []

    def get(fig, metric, kind):
        vals = raw.get((fig, metric, kind))
        if vals and isinstance(vals[0], list):  # latency series: pool the repetitions
            return [x for series in vals for x in series]
        return vals

    def row(fig, measure, p, t, ratio, bar, ok, r=None):
        rows.append((fig, measure, p, t, r, ratio, bar, ok))

    if get("attached", "time", "pmux"):
        tp, tt = med(get("attached", "time", "pmux")), med(get("attached", "time", "tmux"))
        tr = med(get("attached", "time", "raw"))
        mb = b.size_mb
        row("1 attached", "time s (MB/s)", "%.3f (%.1f)" % (tp, mb / tp),
            "%.3f (%.1f)" % (tt, mb / tt), "throughput %.2fx tmux" % (tt / tp),
            ">= 2.5x tmux", tt / tp >= 2.5, "%.3f (%.1f)" % (tr, mb / tr))
        row("1 attached", "vs raw pty", "", "", "throughput %.2fx raw" % (tr / tp),
            ">= 0.8x raw", tr / tp >= 0.8)
        bp = med(get("attached", "client bytes", "pmux"))
        bt = med(get("attached", "client bytes", "tmux"))
        row("1 attached", "bytes to client", "%d" % bp, "%d" % bt, "%.3f" % (bp / bt), "", None)
    if get("detached", "time", "pmux"):
        tp, tt = med(get("detached", "time", "pmux")), med(get("detached", "time", "tmux"))
        row("2 detached", "time s (MB/s)", "%.3f (%.1f)" % (tp, b.size_mb / tp),
            "%.3f (%.1f)" % (tt, b.size_mb / tt), "throughput %.2fx tmux" % (tt / tp),
            ">= 2.5x tmux", tt / tp >= 2.5)
    if get("four", "time", "pmux"):
        tp, tt = med(get("four", "time", "pmux")), med(get("four", "time", "tmux"))
        mb = 4 * b.quarter_mb
        row("3 four panes", "time s (MB/s)", "%.3f (%.1f)" % (tp, mb / tp),
            "%.3f (%.1f)" % (tt, mb / tt), "throughput %.2fx tmux" % (tt / tp),
            ">= 2x tmux", tt / tp >= 2)
    if get("onefour", "time", "pmux"):
        tp, tt = med(get("onefour", "time", "pmux")), med(get("onefour", "time", "tmux"))
        mb = b.quarter_mb
        row("3a one of four", "time s (MB/s)", "%.3f (%.1f)" % (tp, mb / tp),
            "%.3f (%.1f)" % (tt, mb / tt), "throughput %.2fx tmux" % (tt / tp), "", None)
        bp = med(get("onefour", "client bytes", "pmux"))
        bt = med(get("onefour", "client bytes", "tmux"))
        row("3a one of four", "bytes to client", "%d" % bp, "%d" % bt, "%.3f" % (bp / bt), "",
            None)
    for cond in ("idle", "fast", "load"):
        lp, lt = get("latency", cond, "pmux"), get("latency", cond, "tmux")
        if lp:
            row("4 echo " + cond, "median ms", "%.2f" % (1e3 * med(lp)), "%.2f" % (1e3 * med(lt)),
                "%.2f" % (med(lp) / med(lt)), "<= 1x tmux", med(lp) <= med(lt))
            row("4 echo " + cond, "p99 ms", "%.2f" % (1e3 * p99(lp)), "%.2f" % (1e3 * p99(lt)),
                "%.2f" % (p99(lp) / p99(lt)), "<= 1.25x tmux", p99(lp) <= 1.25 * p99(lt))
    if get("memory", "idle kB", "pmux"):
        for metric, bar, limit in (("kB per pane", "<= 0.25x tmux", 0.25),
                                   ("idle kB", "<= 1x tmux", 1.0)):
            p, t = med(get("memory", metric, "pmux")), med(get("memory", metric, "tmux"))
            row("5 memory", metric, "%.0f" % p, "%.0f" % t, "%.2f" % (p / t), bar, p <= limit * t)
    if get("scale", "create s", "pmux"):
        for metric, fmt in (("create s", "%.2f"), ("list-panes s", "%.4f"), ("RSS kB", "%.0f")):
            p, t = med(get("scale", metric, "pmux")), med(get("scale", metric, "tmux"))
            row("6 scale", metric, fmt % p, fmt % t, "%.2f" % (p / t), "<= 1x tmux", p <= t)
        lp, lt = get("scale", "echo", "pmux"), get("scale", "echo", "tmux")
        row("6 scale", "echo median ms", "%.2f" % (1e3 * med(lp)), "%.2f" % (1e3 * med(lt)),
            "%.2f" % (med(lp) / med(lt)), "", None)
        row("6 scale", "echo p99 ms", "%.2f" % (1e3 * p99(lp)), "%.2f" % (1e3 * p99(lt)),
            "%.2f" % (p99(lp) / p99(lt)), "<= tmux p99", p99(lp) <= p99(lt))
    if get("spawn", "time", "pmux"):
        p, t = med(get("spawn", "time", "pmux")), med(get("spawn", "time", "tmux"))
        row("7 spawn", "time s", "%.3f" % p, "%.3f" % t, "%.2f" % (p / t), "<= 1x tmux", p <= t)
    return rows


def verdict(ok):
    return "" if ok is None else ("pass" if ok else "FAIL")


def text_table(rows):
    head = ("figure", "measure", "pmux", "tmux", "raw pty", "pmux/tmux", "bar", "")
    cells = [head] + [(f, m, p, t, r or "", ra, bar, verdict(ok))
                      for f, m, p, t, r, ra, bar, ok in rows]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(head))]
    return "\n".join("  ".join(str(c[i]).ljust(widths[i]) for i in range(len(head))).rstrip()
                     for c in cells)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def version(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    return (r.stdout or r.stderr).strip()


def markdown(b, rows, command, note, elapsed):
    a = b.a
    out = ["# Benchmark results", "",
           "- Date: %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
           "- Machine: `nproc` = %d, %s" % (os.cpu_count() or 0, cpu_model()),
           "- Load average at the end: %s" % " ".join(open("/proc/loadavg").read().split()[:3]),
           "- pmux: %s; tmux: %s" % (version([a.pmux, "-V"]), version([a.tmux, "-V"])),
           "- Command: `%s`" % command,
           "- Sizes: %.1f MB of data (four panes: 4 x %.2f MB), %d keystrokes per latency "
           "series, %d history panes, %d windows x 5 panes, %d new-window; %d repetition(s); "
           "%.0f s in all" % (b.size_mb, b.quarter_mb, a.keys, a.mem_panes, a.scale_windows,
                              a.spawn, a.runs, elapsed)]
    if note:
        out += ["", "**Note:** " + note]
    out += ["", "## Medians and bars", "",
            "| figure | measure | pmux | tmux | raw pty | pmux/tmux | bar | |",
            "|---|---|---|---|---|---|---|---|"]
    for f, m, p, t, r, ra, bar, ok in rows:
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s |"
                   % (f, m, p, t, r or "", ra, bar, verdict(ok)))
    out += ["", "Latency rows pool the keystrokes of every repetition.", "",
            "## Raw numbers", "",
            "One value per repetition, in order (latency series: median/p99 in ms).", ""]
    for (fig, metric, kind), vals in sorted(b.raw.items()):
        if vals and isinstance(vals[0], list):
            text = " ".join("%.2f/%.2f" % (1e3 * med(v), 1e3 * p99(v)) for v in vals)
        else:
            text = " ".join("%.4g" % v for v in vals)
        out.append("- %s / %s / %s: %s" % (fig, metric, kind, text))
    return "\n".join(out) + "\n"


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--only", default=",".join(FIGURES),
                    help="comma-separated figures: " + ",".join(FIGURES))
    ap.add_argument("--runs", type=int, default=5, help="repetitions (default 5)")
    ap.add_argument("--mb", type=float, default=32, help="MB of data for throughput (32)")
    ap.add_argument("--keys", type=int, default=300, help="keystrokes per latency series (300)")
    ap.add_argument("--mem-panes", type=int, default=20, help="panes of history (20)")
    ap.add_argument("--scale-windows", type=int, default=200, help="windows of 5 panes (200)")
    ap.add_argument("--spawn", type=int, default=100, help="new-window commands (100)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: 1 MB, 1 run, 30 keys, 2 history panes, 4 windows, 10 spawns")
    ap.add_argument("--results", help="write the results as Markdown to this file")
    ap.add_argument("--note", default="", help="a remark for the results file")
    ap.add_argument("--pmux", default=os.path.join(here, "..", "build", "pmux"))
    ap.add_argument("--tmux", default=shutil.which("tmux") or "tmux")
    a = ap.parse_args()
    if a.quick:
        a.mb, a.runs, a.keys, a.mem_panes, a.scale_windows, a.spawn = 1, 1, 30, 2, 4, 10
    a.only = [f.strip() for f in a.only.split(",") if f.strip()]
    for f in a.only:
        if f not in FIGURES:
            ap.error("unknown figure %r (choose from %s)" % (f, ",".join(FIGURES)))
    a.pmux = os.path.abspath(a.pmux)
    if not os.access(a.pmux, os.X_OK):
        ap.error("no pmux binary at %s (build first, or use bench/run.sh)" % a.pmux)
    if shutil.which(a.tmux) is None:
        ap.error("no tmux (bench/run.sh installs Debian's tmux)")
    return a


def main():
    a = parse_args()
    # run.sh names itself, so the report shows the command a reader types.
    command = " ".join([os.environ.get("BENCH_COMMAND") or sys.argv[0]] +
                       [shlex.quote(x) for x in sys.argv[1:]])

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    tmp = tempfile.mkdtemp(prefix="pmux-bench-")
    b = None
    started = time.monotonic()
    try:
        b = Bench(a, tmp)
        b.run()
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 1
    except (RuntimeError, subprocess.SubprocessError, OSError) as e:
        print("bench: %s" % e, file=sys.stderr)
        return 1
    finally:
        if b is not None:
            b.cleanup()
        else:
            for m in (Mux("pmux", a.pmux, tmp), Mux("tmux", a.tmux, tmp)):
                m.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    rows = summarise(b)
    print(text_table(rows))
    if a.results:
        with open(a.results, "w") as f:
            f.write(markdown(b, rows, command, a.note, time.monotonic() - started))
        print("bench: wrote %s" % a.results, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
