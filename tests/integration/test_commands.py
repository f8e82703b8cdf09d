#!/usr/bin/env python3
"""The command line: error paths, listing with formats, targets, pane
environment, working directories, current command and path."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import proc, wait_for  # noqa: E402

PMUX = pmuxtest.flavor() == "pmux"


def environ_of(pid):
    with open("/proc/%d/environ" % pid, "rb") as f:
        items = f.read().split(b"\0")
    env = {}
    for it in items:
        if b"=" in it:
            k, v = it.split(b"=", 1)
            env[k.decode()] = v.decode(errors="replace")
    return env


class Errors(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("s", "sleep", "1000")

    def assertError(self, *args):
        r = self.pm.cmd(*args)
        self.assertEqual(r.rc, 1, "expected exit status 1: %r" % r)
        self.assertTrue(r.err.strip(), "expected a message on stderr: %r" % r)
        self.assertEqual(r.out, "", "nothing on stdout for an error: %r" % r)
        return r

    def test_unknown_command(self):
        r = self.assertError("no-such-command")
        self.assertIn("no-such-command", r.err)
        self.assertError("no-such-command", "-t", "s")

    def test_ambiguous_command(self):
        # as tmux: the candidates, sorted; a unique prefix runs
        r = self.assertError("lis")
        self.assertEqual(r.err, "ambiguous command: lis, could be: list-buffers, list-clients, "
                         "list-commands, list-keys, list-panes, list-sessions, list-windows\n")
        self.assertEqual(self.pm.run("list-se", "-F", "#S"), "s\n")

    def test_unknown_flag(self):
        self.assertError("list-sessions", "-Z")
        self.assertError("new-session", "-d", "-Q", "-s", "x")
        self.assertEqual(self.pm.cmd("has-session", "-t", "x").rc, 1,
                         "a command with an unknown flag must not run")
        self.assertError("send-keys", "-t", "s", "-W", "x")

    def test_missing_argument(self):
        self.assertError("new-session", "-d", "-s")          # flag without its value
        self.assertError("send-keys", "-t")
        self.assertError("rename-session", "-t", "s")        # no new name
        self.assertError("display-message", "-p", "-t")

    def test_unknown_targets(self):
        self.assertError("has-session", "-t", "nosuch")
        self.assertError("send-keys", "-t", "nosuch", "x")
        self.assertError("kill-session", "-t", "nosuch")
        self.assertError("list-windows", "-t", "nosuch")
        self.assertError("kill-window", "-t", "s:7")           # no such window
        self.assertError("kill-window", "-t", "s:nosuchname")
        self.assertError("list-panes", "-t", "s:9")
        self.assertError("kill-pane", "-t", "s:0.5")           # no such pane
        self.assertError("display-message", "-p", "-t", "%99999", "x")
        self.assertError("display-message", "-p", "-t", "@99999", "x")
        self.assertError("has-session", "-t", "$99999")
        self.assertError("capture-pane", "-p", "-t", "nosuch")
        # and nothing was harmed
        self.assertEqual(self.pm.cmd("has-session", "-t", "s").rc, 0)

    def test_window_target_with_pane(self):
        # tmux takes session:window.pane where a window is wanted (tree
        # mode's targets end in "."), and still says when the pane is not there
        pm = self.pm
        pm.run("new-window", "-d", "-t", "s:1")
        pm.run("rename-window", "-t", "=s:1.", "dotted")
        self.assertEqual(pm.display("s:1", "#{window_name}"), "dotted")
        pane = pm.display("s:1", "#{pane_id}")
        pm.run("rename-window", "-t", "s:1." + pane, "by-pane")
        self.assertEqual(pm.display("s:1", "#{window_name}"), "by-pane")
        self.assertError("rename-window", "-t", "s:1.7", "x")
        self.assertEqual(pm.display("s:1", "#{window_name}"), "by-pane")

    def test_duplicate_session_name(self):
        self.assertError("new-session", "-d", "-s", "s")

    def test_format_errors(self):
        if not PMUX:
            self.skipTest("tmux accepts an unterminated #{")
        # pmux.1: a malformed format (an unterminated #{) is an error.
        for args in (("display-message", "-p", "-t", "s", "#{pane_id"),
                     ("list-sessions", "-F", "#{session_name"),
                     ("list-panes", "-F", "#{pane_id} #{?pane_active,x"),
                     ("new-window", "-d", "-P", "-F", "#{pane_id", "-t", "s")):
            with self.subTest(args=args):
                self.assertError(*args)

    def test_unknown_variable_expands_to_nothing(self):
        # As in tmux, so that scripts written for newer versions keep working.
        r = self.pm.cmd("display-message", "-p", "-t", "s", "[#{no_such_variable}]")
        self.assertEqual((r.rc, r.out, r.err), (0, "[]\n", ""))

    def test_display_verbose_trace(self):
        # display-message -v: a trace of the expansion, tmux's style, then the result
        self.pm.run("set-option", "-g", "@who", "me")
        lines = self.pm.run("display-message", "-p", "-v", "-t", "s",
                            "[#S] #{?#{==:#{@who},me},yes,no} #{=2:session_name}").splitlines()
        self.assertEqual(lines[-1], "[s] yes s")
        trace = lines[:-1]
        self.assertTrue(all(l.startswith("# ") or l.startswith("#  ") for l in trace), trace)
        for want in ("# expanding format: [#S] #{?#{==:#{@who},me},yes,no} #{=2:session_name}",
                     "# found #S: session_name",
                     "# format 'session_name' found: s",
                     "# found #{}: ?#{==:#{@who},me},yes,no",
                     "# condition is: #{==:#{@who},me}",
                     "#   format '@who' found: me",
                     "#  compare == left is: me",
                     "#  compare == right is: me",
                     "# condition '#{==:#{@who},me}' is true",
                     "# modifier 0 is =",
                     "# modifier 0 argument 0: 2",
                     "# replaced '=2:session_name' with 's'",
                     "# result is: [s] yes s"):
            self.assertIn(want, trace)
        self.assertEqual(trace[-1], "# result is: [s] yes s")
        # without -v, only the result
        self.assertEqual(self.pm.run("display-message", "-p", "-t", "s", "#S"), "s\n")

    def test_pane_title_starts_as_host_name(self):
        import socket
        self.assertEqual(self.pm.display("s", "#T|#{pane_title}"),
                         "%s|%s" % (socket.gethostname(), socket.gethostname()))

    def test_pane_start_command(self):
        # tmux's quoting of the words the pane was created with
        pm = self.pm
        self.assertEqual(pm.display("s", "#{pane_start_command}"), "sleep 1000")
        words = ["sh", "-c", "sleep 1000", "a\\b", 'say "x"', "~/bin", "'", "tab\tx", "",
                 "a$b", "plain"]
        pane = pm.run("new-window", "-d", "-t", "s:", "-P", "-F", "#{pane_id}", *words).strip()
        self.assertEqual(pm.display(pane, "#{pane_start_command}"),
                         'sh -c "sleep 1000" a\\\\b "say \\"x\\"" \\~/bin \\\' tab\\tx \'\' '
                         '"a\\$b" plain')
        shell = pm.run("new-window", "-d", "-t", "s:", "-P", "-F", "#{pane_id}").strip()
        self.assertEqual(pm.display(shell, "[#{pane_start_command}]"), "[]")

    def test_has_session_status(self):
        self.assertEqual(self.pm.cmd("has-session", "-t", "s").rc, 0)
        r = self.pm.cmd("has-session", "-t", "t")
        self.assertEqual(r.rc, 1)
        self.pm.run("kill-session", "-t", "s")
        wait_for(lambda: self.pm.cmd("has-session", "-t", "s").rc == 1,
                 msg="has-session to fail after kill-session")


class Listing(pmuxtest.PmuxTestCase):

    def test_lists_and_ids(self):
        pm = self.pm
        out = pm.run("new-session", "-d", "-s", "alpha", "-n", "first", "-x", "100", "-y", "30",
                     "-P", "-F", "#{session_name} #{session_id} #{window_id} #{pane_id}",
                     "sleep", "1000")
        m = re.fullmatch(r"alpha (\$\d+) (@\d+) (%\d+)\n", out)
        self.assertTrue(m, "new-session -P -F output %r" % out)
        sid, wid, pid0 = m.groups()
        pm.note_panes()
        pm.run("new", "-d", "-s", "beta", "sleep", "1001")
        p1 = pm.run("neww", "-d", "-t", "alpha", "-n", "second", "-P", "-F", "#{pane_id}",
                    "sleep", "1002").strip()
        self.assertRegex(p1, r"^%\d+$")
        p2 = pm.run("splitw", "-d", "-t", p1, "-P", "-F", "#{pane_id}", "sleep", "1003").strip()
        self.assertRegex(p2, r"^%\d+$")
        self.assertEqual(len({pid0, p1, p2}), 3)
        pm.note_panes()

        ls = pm.run("ls", "-F", "#{session_name}:#{session_windows}:#{session_attached}")
        self.assertEqual(sorted(ls.split()), ["alpha:2:0", "beta:1:0"])
        ls2 = pm.run("list-sessions", "-F", "#{session_id}")
        self.assertIn(sid, ls2.split())

        lw = pm.run("list-windows", "-a", "-F", "#{session_name}:#{window_index}:#{window_name}")
        self.assertEqual(len(lw.split()), 3, lw)
        names = {l.split(":")[0] + ":" + l.split(":")[2] for l in lw.split()}
        self.assertIn("alpha:first", names)
        self.assertIn("alpha:second", names)
        lw_alpha = pm.run("lsw", "-t", "alpha", "-F", "#{window_name} #{window_panes}")
        self.assertEqual(sorted(lw_alpha.splitlines()), ["first 1", "second 2"])

        lp = pm.run("list-panes", "-a", "-F",
                    "#{session_name}:#{window_name}.#{pane_index} #{pane_id} #{pane_pid}")
        rows = [l.split() for l in lp.splitlines()]
        self.assertEqual(len(rows), 4, lp)
        by_id = {r[1]: r for r in rows}
        self.assertEqual(set(by_id), {pid0, p1, p2, pm.display("beta", "#{pane_id}")})
        for r in rows:
            self.assertEqual(proc(int(r[2])).session, int(r[2]))
        self.assertTrue(by_id[p1][0].startswith("alpha:second."))
        self.assertTrue(by_id[p2][0].startswith("alpha:second."))
        self.assertEqual(proc(int(by_id[p2][2])).cmdline, ["sleep", "1003"])

        lps = pm.run("lsp", "-s", "-t", "alpha", "-F", "#{pane_id}").split()
        self.assertEqual(sorted(lps), sorted([pid0, p1, p2]))
        lpw = pm.run("list-panes", "-t", "alpha:second", "-F", "#{pane_id}").split()
        self.assertEqual(sorted(lpw), sorted([p1, p2]))

        # targets by id and by session:window.pane
        self.assertEqual(pm.display(sid, "#{session_name}"), "alpha")
        self.assertEqual(pm.display(wid, "#{window_name}"), "first")
        self.assertEqual(pm.display(p2, "#{window_name}"), "second")
        idx = pm.display(p2, "#{window_index}.#{pane_index}")
        self.assertEqual(pm.display("alpha:" + idx, "#{pane_id}"), p2)
        self.assertEqual(pm.display("alpha:second", "#{window_id}"), pm.display(p1, "#{window_id}"))
        self.assertEqual(pm.display("alpha:first.0", "#{pane_id}"), pid0)
        self.assertEqual(pm.display("alpha:0", "#{window_name}"), "first")
        self.assertEqual(pm.display("alpha", "#{window_width}x#{window_height}").split("x")[0], "100")

        # kill-pane, kill-window, rename-session, kill-session
        pm.run("kill-pane", "-t", p2)
        wait_for(lambda: pm.run("list-panes", "-t", "alpha:second", "-F", "#{pane_id}").split()
                 == [p1], msg="one pane left after kill-pane")
        pm.run("kill-window", "-t", "alpha:second")
        wait_for(lambda: pm.run("lsw", "-t", "alpha", "-F", "#{window_name}").split()
                 == ["first"], msg="one window left after kill-window")
        pm.run("rename-session", "-t", "alpha", "gamma")
        self.assertEqual(pm.cmd("has-session", "-t", "alpha").rc, 1)
        self.assertEqual(pm.display(sid, "#{session_name}"), "gamma")
        pm.run("kill-session", "-t", "gamma")
        self.assertEqual(pm.cmd("has-session", "-t", "gamma").rc, 1)
        self.assertEqual(pm.cmd("has-session", "-t", "beta").rc, 0)
        pm.run("kill-server")
        wait_for(lambda: not os.path.exists(pm.sock), msg="socket removed after kill-server")
        self.assertEqual(pm.cmd("has-session", "-t", "beta").rc, 1)

    def test_split_sizes(self):
        pm = self.pm
        pm.new_session("s", "sleep", "1000", x=120, y=40)
        ww = int(pm.display("s", "#{window_width}"))
        wh = int(pm.display("s", "#{window_height}"))
        self.assertEqual(ww, 120)
        self.assertIn(wh, (39, 40))        # with or without a status line
        right = pm.run("split-window", "-h", "-d", "-t", "s", "-P", "-F", "#{pane_id}",
                       "sleep", "1001").strip()
        left = pm.display("s:0.0", "#{pane_id}")
        lw, rw = int(pm.display(left, "#{pane_width}")), int(pm.display(right, "#{pane_width}"))
        self.assertEqual(lw + 1 + rw, ww, "side by side widths %d + %d" % (lw, rw))
        self.assertEqual(int(pm.display(right, "#{pane_height}")), wh)
        below = pm.run("split-window", "-v", "-d", "-t", right, "-l", "10", "-P", "-F",
                       "#{pane_id}", "sleep", "1002").strip()
        self.assertEqual(int(pm.display(below, "#{pane_height}")), 10)
        self.assertEqual(int(pm.display(right, "#{pane_height}")) + 1 + 10, wh)
        self.assertEqual(int(pm.display(below, "#{pane_width}")), rw)
        self.assertEqual(pm.display("s", "#{window_panes}"), "3")
        # the pty follows the pane size
        pid = pm.pane_pid(below)
        self.assertEqual(proc(pid).cmdline, ["sleep", "1002"])
        pm.note_panes()


class PaneEnvironment(pmuxtest.PmuxTestCase):

    def test_environment(self):
        pm = self.pm
        pm.new_session("e", "sleep", "1000", flags=["-e", "PMUXIT_VAR=hello world"])
        pane = pm.display("e", "#{pane_id}")
        env = environ_of(pm.pane_pid("e"))
        self.assertEqual(env.get("PMUXIT_VAR"), "hello world")
        self.assertEqual(env.get(pmuxtest.ENV_PANE), pane)
        self.assertIn(pmuxtest.ENV_NAME, env)
        self.assertTrue(env[pmuxtest.ENV_NAME].startswith(pm.sock),
                        "%s=%r should name the socket" % (pmuxtest.ENV_NAME, env[pmuxtest.ENV_NAME]))
        if os.path.exists("/usr/share/terminfo/t/tmux-256color") or \
                os.path.exists("/lib/terminfo/t/tmux-256color"):
            self.assertEqual(env.get("TERM"), "tmux-256color")
        else:
            self.assertEqual(env.get("TERM"), "screen-256color")
        if PMUX:
            self.assertEqual(env.get("COLORTERM"), "truecolor")
        # -e on new-window and split-window, PMUX_PANE of each
        p1 = pm.run("new-window", "-d", "-t", "e", "-e", "A1=one", "-P", "-F", "#{pane_id}",
                    "sleep", "1001").strip()
        p2 = pm.run("split-window", "-d", "-t", p1, "-e", "A2=two", "-P", "-F", "#{pane_id}",
                    "sleep", "1002").strip()
        e1, e2 = environ_of(pm.pane_pid(p1)), environ_of(pm.pane_pid(p2))
        self.assertEqual((e1.get("A1"), e1.get(pmuxtest.ENV_PANE)), ("one", p1))
        self.assertEqual((e2.get("A2"), e2.get(pmuxtest.ENV_PANE)), ("two", p2))
        self.assertNotIn("A1", e2)

    def test_default_terminal_option(self):
        conf = os.path.join(self.pm.tmp, "term.conf")
        with open(conf, "w") as f:
            f.write("set -g default-terminal screen-256color\n")
        self.pm.config = conf
        self.pm.new_session("e", "sleep", "1000")
        self.assertEqual(environ_of(self.pm.pane_pid("e")).get("TERM"), "screen-256color")

    def test_default_shell_and_command(self):
        pm = self.pm
        pm.new_session("e", "sleep", "1000")
        # a shell script standing in for the user's shell: it says it ran
        shell = os.path.join(pm.tmp, "myshell")
        with open(shell, "w") as f:
            f.write('#!/bin/sh\necho "myshell:$*"\nexec /bin/sh "$@"\n')
        os.chmod(shell, 0o755)
        pm.run("set-option", "-g", "default-shell", shell)
        # as tmux: a one-word command runs with default-shell -c
        pane = pm.run("new-window", "-d", "-t", "e:", "-P", "-F", "#{pane_id}",
                      "echo one-$((2+3)); sleep 1000").strip()
        pm.wait_line(pane, "myshell:-c echo one-$((2+3)); sleep 1000")
        pm.wait_line(pane, "one-5")
        # no command: default-command, with the shell too; else a login shell
        pm.run("set-option", "-g", "default-command", "echo dc-$((3+4)); sleep 1000")
        pane = pm.run("new-window", "-d", "-t", "e:", "-P", "-F", "#{pane_id}").strip()
        pm.wait_line(pane, "dc-7")
        pm.run("set-option", "-gu", "default-command")
        pane = pm.run("new-window", "-d", "-t", "e:", "-P", "-F", "#{pane_id}").strip()
        pm.wait_line(pane, "myshell:")

    def test_command_forms(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "sh-c.out")
        # one argument: sh -c
        pm.new_session("one", "echo $((20+22)) > %s; exec sleep 1000" % out)
        pm.wait_proc("one", ["sleep", "1000"])
        with open(out) as f:
            self.assertEqual(f.read(), "42\n")
        # several: exec'd directly
        pm.new_session("many", "sleep", "1001")
        self.assertEqual(proc(pm.pane_pid("many")).cmdline, ["sleep", "1001"])
        # none: the user's shell ($SHELL) as a login shell
        pm.new_session("none")
        p = proc(pm.pane_pid("none"))
        self.assertEqual(p.comm, "bash")
        self.assertEqual(p.cmdline[0], "-bash", "not started as a login shell: %r" % p.cmdline)

    def test_commands_inside_a_pane_default_to_that_pane(self):
        pm = self.pm
        pm.shell_session("in")
        pane = pm.shell_window("in")          # not the current window
        out = os.path.join(pm.tmp, "inside.out")
        pm.type(pane, "%s -S %s display-message -p '#{pane_id} #{session_name}' > %s"
                % (pm.bin, pm.sock, out))
        wait_for(lambda: os.path.exists(out) and os.path.getsize(out) > 0,
                 msg="display-message run inside the pane", describe=pm.describe(pane))
        with open(out) as f:
            self.assertEqual(f.read().strip(), "%s in" % pane)


class CurrentCommandAndPath(pmuxtest.PmuxTestCase):

    def test_capture_after_echo(self):
        pm = self.pm
        pm.shell_session("c")
        pm.send("c", "echo hello", "Enter")
        lines = [l.rstrip() for l in pm.wait_line("c", "hello").split("\n")]
        self.assertIn(pmuxtest.PROMPT + "echo hello", lines)
        # capturep alias and -J/-e accepted
        self.assertIn("hello", pm.run("capturep", "-p", "-J", "-t", "c").split("\n"))
        self.assertIn("hello", pm.run("capture-pane", "-p", "-e", "-t", "c"))
        # the cursor sits after the prompt on the next line
        wait_for(lambda: pm.display("c", "#{cursor_x} #{cursor_y}") == "%d %d" % (
            len(pmuxtest.PROMPT), lines.index("hello") + 1), msg="cursor position",
            describe=lambda: pm.display("c", "#{cursor_x} #{cursor_y}"))

    def test_pane_current_command(self):
        pm = self.pm
        pm.shell_session("c")
        wait_for(lambda: pm.display("c", "#{pane_current_command}") == "bash",
                 msg="pane_current_command == bash at the prompt")
        pm.type("c", "sleep 1008")
        pm.wait_foreground("c", ["sleep", "1008"])
        wait_for(lambda: pm.display("c", "#{pane_current_command}") == "sleep",
                 msg="pane_current_command == sleep",
                 describe=lambda: pm.display("c", "#{pane_current_command}"))
        pm.send("c", "C-c")
        wait_for(lambda: pm.display("c", "#{pane_current_command}") == "bash",
                 msg="pane_current_command back to bash")

    def test_pane_current_path(self):
        pm = self.pm
        start = os.path.join(pm.tmp, "start dir")
        os.mkdir(start)
        other = os.path.realpath(os.path.join(pm.tmp, "other"))
        os.mkdir(other)
        pm.shell_session("c", flags=["-c", start])
        self.assertEqual(pm.display("c", "#{pane_current_path}"), os.path.realpath(start))
        self.assertEqual(os.readlink("/proc/%d/cwd" % pm.pane_pid("c")), os.path.realpath(start))
        pm.type("c", "cd /tmp")
        wait_for(lambda: pm.display("c", "#{pane_current_path}") == "/tmp",
                 msg="pane_current_path == /tmp after cd /tmp")
        # the foreground job's directory, not the shell's
        pm.type("c", "(cd %s && exec sleep 1009)" % other)
        pm.wait_foreground("c", ["sleep", "1009"])
        wait_for(lambda: pm.display("c", "#{pane_current_path}") == other,
                 msg="pane_current_path of the foreground job",
                 describe=lambda: pm.display("c", "#{pane_current_path}"))

    def test_start_directory(self):
        pm = self.pm
        d1 = os.path.realpath(os.path.join(pm.tmp, "d1"))
        d2 = os.path.realpath(os.path.join(pm.tmp, "d2"))
        d3 = os.path.realpath(os.path.join(pm.tmp, "d3"))
        for d in (d1, d2, d3):
            os.mkdir(d)
        # default: the client's current directory
        r = pm.cmd("new-session", "-d", "-s", "c", "sleep", "1000", cwd=d1)
        self.assertEqual(r.rc, 0, r)
        pm.note_panes()
        self.assertEqual(os.readlink("/proc/%d/cwd" % pm.pane_pid("c")), d1)
        w = pm.run("new-window", "-d", "-t", "c", "-c", d2, "-P", "-F", "#{pane_id}",
                   "sleep", "1001").strip()
        self.assertEqual(os.readlink("/proc/%d/cwd" % pm.pane_pid(w)), d2)
        s = pm.run("split-window", "-d", "-t", w, "-c", d3, "-P", "-F", "#{pane_id}",
                   "sleep", "1002").strip()
        self.assertEqual(os.readlink("/proc/%d/cwd" % pm.pane_pid(s)), d3)
        self.assertEqual(pm.display(s, "#{pane_current_path}"), d3)

    def test_all_formats(self):
        pm = self.pm
        pm.shell_session("f")
        names = ("pid version socket_path session_name session_id session_windows "
                 "session_attached window_index window_name window_id window_panes "
                 "window_active window_width window_height pane_index pane_id pane_pid "
                 "pane_tty pane_width pane_height pane_active pane_dead pane_current_command "
                 "pane_current_path history_size history_limit cursor_x cursor_y").split()
        out = pm.display("f", "\t".join("#{%s}" % n for n in names))
        vals = dict(zip(names, out.split("\t")))
        self.assertEqual(len(vals), len(names), out)
        self.assertEqual(int(vals["pid"]), pm.server_pid())
        self.assertTrue(vals["version"])
        self.assertEqual(vals["socket_path"], pm.sock)
        self.assertEqual(vals["session_name"], "f")
        self.assertRegex(vals["session_id"], r"^\$\d+$")
        self.assertRegex(vals["window_id"], r"^@\d+$")
        self.assertRegex(vals["pane_id"], r"^%\d+$")
        self.assertEqual(vals["session_windows"], "1")
        self.assertEqual(vals["session_attached"], "0")
        self.assertEqual(vals["window_panes"], "1")
        self.assertEqual(vals["window_active"], "1")
        self.assertEqual(vals["pane_active"], "1")
        self.assertEqual(vals["pane_dead"], "0")
        self.assertEqual(vals["window_width"], "120")
        self.assertEqual(vals["pane_width"], "120")
        self.assertEqual(vals["pane_height"], vals["window_height"])
        self.assertEqual(int(vals["pane_pid"]), pm.pane_pid("f"))
        self.assertTrue(os.path.exists(vals["pane_tty"]))
        self.assertEqual(vals["pane_current_command"], "bash")
        self.assertEqual(vals["pane_current_path"], os.path.realpath(pm.tmp))
        self.assertEqual(vals["history_size"], "0")
        self.assertEqual(vals["history_limit"], str(pmuxtest.DEFAULT_HISTORY_LIMIT))
        self.assertEqual((vals["cursor_x"], vals["cursor_y"]), (str(len(pmuxtest.PROMPT)), "0"))
        self.assertRegex(vals["window_index"], r"^\d+$")
        self.assertRegex(vals["pane_index"], r"^\d+$")
        # literal text around formats, and several in one -F
        self.assertEqual(pm.display("f", "x#{session_name}y#{window_panes}z"), "xfy1z")


if __name__ == "__main__":
    pmuxtest.main()
