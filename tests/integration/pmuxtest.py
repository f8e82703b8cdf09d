"""Shared helpers for pmux's integration tests.

Every test drives the real pmux binary (PMUX_BIN, else <repo>/build/pmux)
against a private server: its own temporary directory, its own socket
(-S <tmp>/sock), a config of one line (-f <tmp>/base.conf: assume-paste-time 0), HOME and PMUX_TMPDIR in the
temporary directory. Cleanup kills the server and every process that ever
lived in one of its panes' sessions, even when the test failed.

Nothing here measures time: conditions are polled with a generous timeout
and a timeout is reported with what was last seen.

Running the suite against tmux (PMUX_BIN=/usr/bin/tmux) is supported for
checking the tests themselves: the environment variable and socket folder
names follow the binary's name.
"""

import atexit
import errno
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

TIMEOUT = float(os.environ.get("PMUX_TEST_TIMEOUT", "20"))
INTERVAL = 0.02
PROMPT = "pmt$ "
SHELL_CMD = ["bash", "--norc", "--noprofile", "-i"]


def pmux_bin():
    b = os.environ.get("PMUX_BIN")
    if not b:
        b = os.path.join(REPO, "build", "pmux")
    return os.path.abspath(b)


def flavor():
    """'tmux' when the suite is pointed at tmux (to check the tests)."""
    return "tmux" if os.path.basename(pmux_bin()).startswith("tmux") else "pmux"


ENV_NAME = "TMUX" if flavor() == "tmux" else "PMUX"
ENV_PANE = ENV_NAME + "_PANE"
ENV_TMPDIR = ENV_NAME + "_TMPDIR"
SOCK_DIR_PREFIX = flavor() + "-"
DEFAULT_HISTORY_LIMIT = 2000 if flavor() == "tmux" else 10000


def require_binary(testcase_cls=None):
    b = pmux_bin()
    if not (os.path.isfile(b) and os.access(b, os.X_OK)):
        raise unittest.SkipTest("pmux binary not found at %s (set PMUX_BIN)" % b)


# ---------------------------------------------------------------- /proc


class Proc:
    """A snapshot of /proc/PID/stat (and cmdline)."""

    __slots__ = ("pid", "comm", "state", "ppid", "pgrp", "session", "tty_nr",
                 "tpgid", "cmdline")

    def __repr__(self):
        return ("<pid %d %r state %s ppid %d pgrp %d sid %d tty %d tpgid %d>"
                % (self.pid, " ".join(self.cmdline) or self.comm, self.state,
                   self.ppid, self.pgrp, self.session, self.tty_nr, self.tpgid))


def proc(pid):
    """Proc for pid, or None when there is no such process (zombies count
    as gone: nobody may reap them in a container)."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            data = f.read().decode("utf-8", "replace")
    except (FileNotFoundError, ProcessLookupError):
        return None
    except OSError as e:
        if e.errno in (errno.ESRCH, errno.ENOENT):
            return None
        raise
    lp, rp = data.index("("), data.rindex(")")
    rest = data[rp + 2:].split()
    p = Proc()
    p.pid = int(data[:lp])
    p.comm = data[lp + 1:rp]
    p.state = rest[0]
    p.ppid, p.pgrp, p.session, p.tty_nr, p.tpgid = (int(x) for x in rest[1:6])
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            raw = f.read()
        p.cmdline = [a.decode("utf-8", "replace") for a in raw.split(b"\0")[:-1]]
    except OSError:
        p.cmdline = []
    if p.state in ("Z", "X"):
        return None
    return p


def alive(pid):
    return proc(pid) is not None


def all_procs():
    out = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            p = proc(int(name))
            if p is not None:
                out.append(p)
    return out


def procs_in_session(sid):
    return [p for p in all_procs() if p.session == sid]


def find_procs(argv, session=None):
    """Live processes whose cmdline is exactly argv (a list)."""
    return [p for p in all_procs()
            if p.cmdline == list(argv) and (session is None or p.session == session)]


def proc_status(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return line.split(":", 1)[1].strip()
    return None


def proc_environ(pid):
    """The environment a process started with ({} when unreadable)."""
    try:
        with open("/proc/%d/environ" % pid, "rb") as f:
            items = f.read().split(b"\0")
    except OSError:
        return {}
    env = {}
    for it in items:
        if b"=" in it:
            k, v = it.split(b"=", 1)
            env[k.decode("utf-8", "replace")] = v.decode("utf-8", "replace")
    return env


def fds_of(pid):
    return sorted(int(x) for x in os.listdir("/proc/%d/fd" % pid))


def kill_quietly(pid, sig=signal.SIGKILL):
    # 0 and -1 would signal our own group or everything; 1 is init
    if pid <= 1:
        return
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


# ---------------------------------------------------------------- waiting


def wait_for(cond, timeout=None, msg="condition", describe=None, interval=INTERVAL):
    """Poll cond() until it returns a true value; return that value.

    On timeout raise AssertionError with msg, the last value of cond() and,
    if given, describe() (e.g. the pane's screen)."""
    timeout = TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    last = None
    last_exc = None
    while True:
        try:
            last = cond()
            last_exc = None
            if last:
                return last
        except AssertionError:
            raise
        except Exception as e:  # keep polling; report at the end
            last_exc = e
        if time.monotonic() >= deadline:
            break
        time.sleep(interval)
    parts = ["timed out after %gs waiting for %s" % (timeout, msg),
             "last result: %r" % (last,)]
    if last_exc is not None:
        parts.append("last exception: %r" % (last_exc,))
    if describe is not None:
        try:
            parts.append(describe())
        except Exception as e:
            parts.append("(describe failed: %r)" % (e,))
    raise AssertionError("\n".join(parts))


# ---------------------------------------------------------------- the server


class CmdResult:
    def __init__(self, argv, rc, out, err):
        self.argv, self.rc, self.out, self.err = argv, rc, out, err

    def __repr__(self):
        args = " ".join(a if len(a) < 200 else a[:60] + "...(%d chars)" % len(a)
                        for a in self.argv)
        return "pmux %s -> exit %r\nstdout: %r\nstderr: %r" % (
            args, self.rc, self.out[-2000:], self.err[-2000:])


_LIVE = []   # Pmux objects not cleaned up yet


def _cleanup_all(*_):
    for pm in list(_LIVE):
        try:
            pm.cleanup()
        except Exception:
            pass


def _on_term(signum, frame):
    # ctest's timeout (or a user's kill) must not leave servers and panes behind
    _cleanup_all()
    os._exit(128 + signum)


atexit.register(_cleanup_all)
for _sig in (signal.SIGTERM, signal.SIGHUP):
    try:
        signal.signal(_sig, _on_term)
    except (ValueError, OSError):
        pass


# A program for a pane that turns on the DEC modes given as arguments (and
# off again when it ends on a "q"), then appends every byte it reads, in raw
# mode, to the file given first: what a program is sent.
RECORDER = """\
import os, sys, termios, tty
out = sys.argv[1]
fd = sys.stdin.fileno()
old = termios.tcgetattr(fd)
tty.setraw(fd)
modes = "".join("\\x1b[?%sh" % m for m in sys.argv[2:])
os.write(1, (modes + "recording").encode())
try:
    while True:
        data = os.read(fd, 1024)
        with open(out, "ab") as f:
            f.write(data)
        if not data or b"q" in data:
            break
finally:
    os.write(1, "".join("\\x1b[?%sl" % m for m in reversed(sys.argv[2:])).encode())
    termios.tcsetattr(fd, termios.TCSADRAIN, old)
"""


def recorded(path):
    """What a RECORDER has received so far."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""



class Pmux:
    """One private pmux server and the processes around it."""

    def __init__(self, config=None, tmpdir=None):
        self.bin = pmux_bin()
        self.tmp = tmpdir or tempfile.mkdtemp(prefix="pmuxit-")
        self.sock = os.path.join(self.tmp, "sock")
        if config is None:
            # The only setting: the harness types at machine speed, and
            # under load several of its writes reach the server in one read,
            # which assume-paste-time (1 ms) would take for a paste. Tests of
            # it set it themselves.
            config = os.path.join(self.tmp, "base.conf")
            with open(config, "w") as f:
                f.write("set -g assume-paste-time 0\n")
        self.config = config
        self.env = base_env(self.tmp)
        self.pane_pids = set()      # every pane pid ever seen: their sessions are swept
        self.extra_pids = set()     # other processes to kill at cleanup
        self.server_pids = set()
        self.clients = []           # AttachedClient objects
        self.closed = False
        _LIVE.append(self)

    # -- running commands

    def argv(self, *args):
        return [self.bin, "-S", self.sock, "-f", self.config] + list(args)

    def cmd(self, *args, timeout=None, env=None, input=None, **kw):
        """Run pmux with args; return a CmdResult (never raises on status)."""
        argv = self.argv(*args)
        try:
            r = subprocess.run(argv, stdin=subprocess.DEVNULL if input is None else None,
                               input=input, capture_output=True,
                               timeout=timeout or TIMEOUT, env=env or self.env,
                               cwd=kw.pop("cwd", self.tmp), **kw)
        except subprocess.TimeoutExpired as e:
            raise AssertionError("%r did not finish within %gs (a daemon still holding "
                                 "the command's stdout/stderr?) stdout=%r stderr=%r"
                                 % (CmdResult(list(args), None, "", ""), timeout or TIMEOUT,
                                    e.stdout, e.stderr))
        return CmdResult(list(args), r.returncode,
                         r.stdout.decode("utf-8", "replace"),
                         r.stderr.decode("utf-8", "replace"))

    def run(self, *args, **kw):
        """Run pmux with args, assert exit status 0, return stdout."""
        r = self.cmd(*args, **kw)
        if r.rc != 0:
            raise AssertionError("command failed: %r" % (r,))
        self._note_server()
        return r.out

    def _note_server(self):
        if not self.server_pids:
            try:
                r = self.cmd("display-message", "-p", "#{pid}")
                if r.rc == 0 and r.out.strip().isdigit():
                    self.server_pids.add(int(r.out.strip()))
            except AssertionError:
                pass

    def server_pid(self):
        out = self.run("display-message", "-p", "#{pid}").strip()
        if not out.isdigit():
            raise AssertionError("#{pid} expanded to %r" % out)
        pid = int(out)
        self.server_pids.add(pid)
        return pid

    # -- sessions and panes

    def new_session(self, name, *command, x=120, y=40, flags=()):
        args = ["new-session", "-d", "-s", name, "-x", str(x), "-y", str(y)]
        args += list(flags)
        args += list(command)
        self.run(*args)
        self.note_panes()
        return name

    def shell_session(self, name, x=120, y=40, flags=()):
        """A session whose pane runs bash with the prompt PROMPT; waits for it."""
        self.new_session(name, *SHELL_CMD, x=x, y=y,
                         flags=list(flags) + ["-e", "PS1=" + PROMPT,
                                              "-e", "HISTFILE=/dev/null"])
        self.wait_prompt(name)
        return name

    def shell_window(self, target, name=None):
        """A new window running bash with PROMPT; returns its pane id."""
        args = ["new-window", "-d", "-P", "-F", "#{pane_id}", "-t", target,
                "-e", "PS1=" + PROMPT, "-e", "HISTFILE=/dev/null"]
        if name:
            args += ["-n", name]
        pane = self.run(*(args + SHELL_CMD)).strip()
        self.note_panes()
        self.wait_prompt(pane)
        return pane

    def display(self, target, fmt):
        out = self.run("display-message", "-p", "-t", target, fmt)
        return out[:-1] if out.endswith("\n") else out

    def pane_pid(self, target):
        pid = int(self.display(target, "#{pane_pid}"))
        self.pane_pids.add(pid)
        return pid

    def pane_tty(self, target):
        return self.display(target, "#{pane_tty}")

    def note_panes(self):
        """Remember every pane pid the server knows (for cleanup)."""
        r = self.cmd("list-panes", "-a", "-F", "#{pane_pid}")
        if r.rc == 0:
            for line in r.out.split():
                # an empty pane (split-window '') has no process: pid 0
                if line.isdigit() and int(line) > 1:
                    self.pane_pids.add(int(line))
        self._note_server()

    def send(self, target, *keys):
        self.run("send-keys", "-t", target, *keys)

    def type(self, target, text):
        """Type a line of text and Enter."""
        self.run("send-keys", "-t", target, "-l", text)
        self.run("send-keys", "-t", target, "Enter")

    def capture(self, target, *flags):
        return self.run("capture-pane", "-p", "-t", target, *flags)

    def screen_lines(self, target):
        return [l.rstrip() for l in self.capture(target).split("\n")]

    def describe(self, target):
        def d():
            try:
                scr = self.capture(target)
            except AssertionError as e:
                scr = "(capture-pane failed: %s)" % e
            return "--- capture-pane -t %s ---\n%s\n---" % (target, scr.rstrip("\n"))
        return d

    def wait_screen(self, target, pred, msg, timeout=None):
        def cond():
            scr = self.capture(target)
            return scr if pred(scr) else None
        return wait_for(cond, timeout, msg, describe=self.describe(target))

    def wait_line(self, target, line, timeout=None):
        """Wait until a line of the pane's screen is exactly `line`."""
        return self.wait_screen(
            target, lambda s: line in [l.rstrip() for l in s.split("\n")],
            "a screen line equal to %r in pane %s" % (line, target), timeout)

    def start_recorder(self, pane, *modes, name="rec"):
        """Run RECORDER in the pane (its shell at a prompt) with the DEC modes
        given; returns the path of the file it appends its input to."""
        out = os.path.join(self.tmp, "%s-%s.bin" % (name, pane.strip("%")))
        script = os.path.join(self.tmp, "recorder.py")
        with open(script, "w") as f:
            f.write(RECORDER)
        self.type(pane, "clear; python3 %s %s %s" % (script, out, " ".join(modes)))
        self.wait_text(pane, "recording")
        return out

    def wait_text(self, target, text, timeout=None):
        return self.wait_screen(target, lambda s: text in s,
                                "%r on the screen of pane %s" % (text, target), timeout)

    def wait_prompt(self, target, timeout=None):
        """Wait until the last non-empty line of the screen ends with the bare
        prompt (something echoed in raw mode may precede it)."""
        def pred(s):
            lines = [l.rstrip() for l in s.split("\n") if l.strip()]
            return bool(lines) and lines[-1].endswith(PROMPT.rstrip())
        return self.wait_screen(target, pred, "the shell prompt %r in pane %s"
                                % (PROMPT, target), timeout)

    def wait_foreground(self, target, argv, timeout=None):
        """Wait until a process with cmdline argv runs in the pane's session as
        the terminal's foreground process group. Returns its Proc."""
        sid = self.pane_pid(target)

        def cond():
            for p in find_procs(argv, session=sid):
                if p.tpgid == p.pgrp:
                    return p
            return None
        return wait_for(cond, timeout, "%r in the foreground of pane %s (session %d)"
                        % (argv, target, sid),
                        describe=self.session_describer(target, sid))

    def wait_proc(self, target, argv, timeout=None):
        """Wait until a process with cmdline argv exists in the pane's session."""
        sid = self.pane_pid(target)

        def cond():
            ps = find_procs(argv, session=sid)
            return ps[0] if ps else None
        return wait_for(cond, timeout, "process %r in the session of pane %s (%d)"
                        % (argv, target, sid),
                        describe=self.session_describer(target, sid))

    def session_describer(self, target, sid):
        def d():
            ps = "\n".join(repr(p) for p in procs_in_session(sid))
            return "processes in session %d:\n%s\n%s" % (sid, ps, self.describe(target)())
        return d

    def wait_gone(self, pid, what="process", timeout=None, describe=None):
        return wait_for(lambda: not alive(pid), timeout, "%s %d to end (%r)"
                        % (what, pid, proc(pid)), describe=describe)

    def started_here(self, pid):
        """True if pid runs in (or descends from) one of this server's panes:
        every pane gets PMUX=<socket path>,..."""
        v = proc_environ(pid).get(ENV_NAME, "")
        return v.startswith(self.sock + ",") or v == self.sock

    def find_own(self, argv):
        """Live processes with cmdline argv started from this server's panes."""
        return [p for p in find_procs(argv) if self.started_here(p.pid)]

    # -- cleanup

    def cleanup(self):
        if self.closed:
            return
        self.closed = True
        if self in _LIVE:
            _LIVE.remove(self)
        for c in self.clients:
            c.close()
        try:
            self.note_panes()
        except Exception:
            pass
        try:
            subprocess.run(self.argv("kill-server"), capture_output=True,
                           timeout=10, env=self.env, cwd=self.tmp,
                           stdin=subprocess.DEVNULL)
        except Exception:
            pass
        # Any process whose command line names our temporary directory is
        # ours: the server (-S <tmp>/sock) and test programs stored there.
        for p in all_procs():
            if p.pid != os.getpid() and any(self.tmp in a for a in p.cmdline):
                kill_quietly(p.pid)
        for pid in self.server_pids:
            kill_quietly(pid)
        for pid in self.extra_pids:
            kill_quietly(pid)
        # session 0 holds the kernel's threads and whatever a container
        # runtime started: never ours
        sessions = set(pid for pid in self.pane_pids if pid > 1)
        for _ in range(3):
            for p in all_procs():
                if p.pid == os.getpid():
                    continue
                if p.session in sessions or self.started_here(p.pid):
                    kill_quietly(p.pid)
            time.sleep(0.01)
        shutil.rmtree(self.tmp, ignore_errors=True)


def sgr(button, col, row, release=False):
    """A mouse report (SGR, 1006) at 0-based (col, row) on a client's terminal."""
    return b"\x1b[<%d;%d;%d%s" % (button, col + 1, row + 1, b"m" if release else b"M")


def click(col, row, button=0):
    """A press and release at 0-based (col, row)."""
    return sgr(button, col, row) + sgr(button, col, row, release=True)


def base_env(tmp):
    env = dict(os.environ)
    for k in ("PMUX", "PMUX_PANE", "TMUX", "TMUX_PANE", "PMUX_TMPDIR", "TMUX_TMPDIR"):
        env.pop(k, None)
    env["HOME"] = tmp
    env[ENV_TMPDIR] = tmp
    env["SHELL"] = "/bin/bash"
    env["TERM"] = "xterm-256color"
    env["LC_ALL"] = "C.UTF-8"
    env.pop("PROMPT_COMMAND", None)
    # (an editor with "vi" in its name would make vi keys the default)
    env.pop("EDITOR", None)
    env.pop("VISUAL", None)
    return env


class PmuxTestCase(unittest.TestCase):
    """Gives each test its own server in self.pm (cleaned up afterwards)."""

    config_text = None   # a config file's contents for -f (else /dev/null)

    @classmethod
    def setUpClass(cls):
        require_binary()

    def setUp(self):
        self.pm = Pmux()
        self.addCleanup(self.pm.cleanup)
        if self.config_text is not None:
            self.pm.config = os.path.join(self.pm.tmp, "pmux.conf")
            with open(self.pm.config, "w") as f:
                f.write(self.config_text)


# ---------------------------------------------------------------- attached clients


CSI_RE = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMNOcZ])")


def strip_escapes(data):
    return CSI_RE.sub(b"", data)


def spawn_in_pty(client, pm, argv, env, rows, cols):
    """Run argv in a fresh pty of rows x cols, in its own session with the pty
    as its controlling terminal; sets client.master/tty/proc/pid and registers
    the client with pm for cleanup."""
    client.master, slave = os.openpty()
    client.tty = os.ttyname(slave)
    fcntl.ioctl(client.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def preexec():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    client.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                   cwd=pm.tmp, start_new_session=True, preexec_fn=preexec,
                                   close_fds=True)
    os.close(slave)
    client.pid = client.proc.pid
    pm.extra_pids.add(client.pid)
    pm.clients.append(client)
    os.set_blocking(client.master, False)


class AttachedClient:
    """`pmux attach` running in a fresh pty, in its own session with the pty
    as its controlling terminal."""

    def __init__(self, pm, *args, rows=40, cols=120, env=None):
        self.pm = pm
        spawn_in_pty(self, pm, pm.argv(*args), dict(env if env is not None else pm.env), rows,
                     cols)
        self.output = b""

    def pump(self, wait=0.05):
        """Read whatever the client wrote; False once the pty is hung up."""
        if self.master is None:
            return False
        try:
            r, _, _ = select.select([self.master], [], [], wait)
        except (OSError, ValueError):
            return False
        if not r:
            return True
        try:
            data = os.read(self.master, 65536)
        except BlockingIOError:
            return True
        except OSError:  # EIO: every slave fd closed
            return False
        if not data:
            return False
        self.output += data
        return True

    def text(self):
        return strip_escapes(self.output)

    def wait_output(self, needle, timeout=None, since=0):
        """Wait until needle (bytes) appears in what the client drew."""
        def cond():
            self.pump()
            return needle in self.output[since:] or needle in strip_escapes(self.output[since:])
        return wait_for(cond, timeout, "%r in the attached client's output" % (needle,),
                        describe=lambda: "client output (escapes removed, last 3000 bytes): %r"
                        % strip_escapes(self.output[since:])[-3000:],
                        interval=0)

    def write(self, data):
        os.write(self.master, data)

    def wait_exit(self, timeout=None):
        def cond():
            self.pump(0.02)
            return self.proc.poll() is not None
        wait_for(cond, timeout, "the attached client (pid %d) to exit" % self.pid,
                 describe=lambda: "client output: %r" % strip_escapes(self.output)[-2000:],
                 interval=0)
        # collect what is left
        for _ in range(20):
            if not self.pump(0.01):
                break
        return self.proc.returncode

    def hangup(self):
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def close(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                kill_quietly(self.pid)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.hangup()


def main():
    """unittest.main, verbose by default (ctest logs show each test)."""
    if "-v" in sys.argv or "-q" in sys.argv:
        unittest.main()
    else:
        unittest.main(verbosity=2)
