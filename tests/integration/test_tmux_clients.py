#!/usr/bin/env python3
"""libtmux and tmuxp (Debian's python3-libtmux and tmuxp) drive pmux
unchanged through a `tmux` on PATH that runs pmux (answering -V itself, as
libtmux parses it): sessions, windows, panes, send_keys, capture_pane,
split, rename, kill; tmuxp load and freeze."""

import os
import subprocess
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

DEBIAN_PYTHON = "/usr/bin/python3"


def have(module):
    if not os.path.exists(DEBIAN_PYTHON):
        return False
    return subprocess.run([DEBIAN_PYTHON, "-c", "import " + module],
                          capture_output=True).returncode == 0


class TmuxClients(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        bindir = os.path.join(self.pm.tmp, "bin")
        os.makedirs(bindir)
        wrapper = os.path.join(bindir, "tmux")
        with open(wrapper, "w") as f:
            f.write('#!/bin/sh\n[ "$1" = "-V" ] && { echo "tmux 3.3a"; exit 0; }\n'
                    'exec %s "$@"\n' % self.pm.bin)
        os.chmod(wrapper, 0o755)
        self.env = dict(self.pm.env, PATH=bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin"))

    def python(self, code):
        r = subprocess.run([DEBIAN_PYTHON, "-c", textwrap.dedent(code), self.pm.sock],
                           capture_output=True, text=True, env=self.env, cwd=self.pm.tmp,
                           timeout=120)
        self.assertEqual(r.returncode, 0, "libtmux script failed:\n%s\n%s" % (r.stdout, r.stderr))
        return r.stdout

    @unittest.skipUnless(have("libtmux"), "Debian's python3-libtmux is not installed")
    def test_libtmux_api(self):
        out = self.python("""
            import sys, time, libtmux
            srv = libtmux.Server(socket_path=sys.argv[1], config_file="/dev/null")
            s = srv.new_session(session_name="lt", x=120, y=40)
            w = s.new_window(window_name="second")
            p = w.split_window(attach=False)
            p.send_keys("echo hello-$((6*7))", enter=True)
            for _ in range(400):
                if "hello-42" in p.capture_pane():
                    break
                time.sleep(0.05)
            print("captured", "hello-42" in p.capture_pane())
            w.rename_window("renamed")
            print("windows", [x.window_name for x in s.windows][1:])
            print("panes", len(w.panes))
            w.select_layout("even-horizontal")
            p.cmd("kill-pane")
            print("after-kill", len(w.panes))
            print("found", srv.has_session("lt"), [x.session_name for x in srv.sessions])
            s.kill_session()
            print("gone", srv.has_session("lt"))
        """)
        self.assertEqual(out.split("\n")[:7], [
            "captured True", "windows ['renamed']", "panes 2", "after-kill 1",
            "found True ['lt']", "gone False", ""])

    @unittest.skipUnless(have("tmuxp"), "Debian's tmuxp is not installed")
    def test_tmuxp_load_and_freeze(self):
        pm = self.pm
        ws = os.path.join(pm.tmp, "ws.yaml")
        with open(ws, "w") as f:
            f.write(textwrap.dedent("""\
                session_name: tp
                windows:
                  - window_name: editor
                    layout: main-vertical
                    panes:
                      - echo pane-one-$((1+1))
                      - echo pane-two
                  - window_name: logs
                    panes:
                      - echo logs-pane-$((2+2))
                """))
        r = subprocess.run(["tmuxp", "load", "-d", "-S", pm.sock, ws], capture_output=True,
                           text=True, env=self.env, cwd=pm.tmp, timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        wins = pm.run("list-windows", "-t", "tp", "-F", "#{window_name} #{window_panes}")
        self.assertEqual(wins, "editor 2\nlogs 1\n")
        pm.note_panes()
        pm.wait_line("tp:editor.0", "pane-one-2")
        pm.wait_line("tp:logs", "logs-pane-4")
        left, right = pm.run("list-panes", "-t", "tp:editor",
                             "-F", "#{pane_left} #{pane_width}").split("\n")[:2]
        self.assertEqual(left.split()[0], "0")
        self.assertEqual(left.split()[1], "80", "main-vertical: main pane 80 columns")
        frozen = os.path.join(pm.tmp, "frozen.yaml")
        r = subprocess.run(["tmuxp", "freeze", "-S", pm.sock, "-o", frozen, "--yes", "tp"],
                           capture_output=True, text=True, env=self.env, cwd=pm.tmp, timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(frozen) as f:
            text = f.read()
        self.assertIn("session_name: tp", text)
        self.assertIn("window_name: editor", text)
        self.assertIn("window_name: logs", text)
        self.assertIn("layout:", text)
        # the frozen workspace loads again as another session
        text = text.replace("session_name: tp", "session_name: tp2")
        with open(frozen, "w") as f:
            f.write(text)
        r = subprocess.run(["tmuxp", "load", "-d", "-S", pm.sock, frozen], capture_output=True,
                           text=True, env=self.env, cwd=pm.tmp, timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        wait_for(lambda: pm.cmd("has-session", "-t", "tp2").rc == 0, msg="tp2 loaded")
        self.assertEqual(pm.run("list-windows", "-t", "tp2", "-F", "#{window_name} #{window_panes}"),
                         "editor 2\nlogs 1\n")
        pm.note_panes()


if __name__ == "__main__":
    pmuxtest.main()
