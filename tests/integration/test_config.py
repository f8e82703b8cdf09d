#!/usr/bin/env python3
"""Config files and source-file: tmux's syntax (quotes, escapes, $VAR, ~,
comments, continuation, ';', { } blocks, %if, %hidden, NAME=value), the
config file lookup, errors reported as file:line with the rest applied."""

import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402

PMUX = pmuxtest.flavor() == "pmux"
NAME = pmuxtest.flavor()

ALL_CONSTRUCTS = r"""# a comment line
set -g history-limit 5000   # a trailing comment
set -g \
    base-index 1
%hidden IDX=2
set -g pane-base-index $IDX
PMUXT_VISIBLE=vis
set -g status-left "left-${PMUXT_VISIBLE}-$IDX"
set -g status-right 'single $IDX ; # kept'
set -g status-interval 3 ; set -g display-time 1234
%if "#{session_name}"
set -g escape-time 11
%elif "#{pid}"
set -g escape-time 22
%else
set -g escape-time 33
%endif
%if 0
  %if 1
  set -g repeat-time 1
  %endif
%else
  set -g repeat-time 777
%endif
set -g set-titles-string "tab\there \u00e9 \$HOME"
set -g word-separators ~/words
set -g automatic-rename-format {
    display hi
    kill-pane
}
set -g message-style "#{?pane_active,bg=red x,fg=blue}"
"""


class Constructs(pmuxtest.PmuxTestCase):
    config_text = ALL_CONSTRUCTS

    def show(self, option):
        return self.pm.run("show-options", "-g", "-v", option).rstrip("\n")

    def test_every_construct_applies(self):
        self.pm.new_session("s", "sleep", "1000")
        home = self.pm.tmp
        self.assertEqual(self.show("history-limit"), "5000")
        self.assertEqual(self.show("base-index"), "1")
        self.assertEqual(self.show("pane-base-index"), "2")
        self.assertEqual(self.show("status-left"), "left-vis-2")
        self.assertEqual(self.show("status-right"), "single $IDX ; # kept")
        self.assertEqual(self.show("status-interval"), "3")
        self.assertEqual(self.show("display-time"), "1234")
        # no session while the config runs: #{session_name} is empty
        self.assertEqual(self.show("escape-time"), "22")
        self.assertEqual(self.show("repeat-time"), "777")
        self.assertEqual(self.show("set-titles-string"), "tab\there \u00e9 $HOME")
        self.assertEqual(self.show("word-separators"), home + "/words")
        if PMUX:
            self.assertEqual(self.show("automatic-rename-format"), "display hi; kill-pane")
        self.assertEqual(self.show("message-style"), "#{?pane_active,bg=red x,fg=blue}")

    def test_assignments_reach_the_global_environment(self):
        self.pm.new_session("s", "sleep", "1000")
        self.assertEqual(self.pm.run("show-environment", "-g", "PMUXT_VISIBLE"),
                         "PMUXT_VISIBLE=vis\n")
        env = pmuxtest.proc_environ(self.pm.pane_pid("s"))
        self.assertEqual(env.get("PMUXT_VISIBLE"), "vis")
        # %hidden: in the global environment, but hidden
        self.assertNotIn("IDX=", self.pm.run("show-environment", "-g"))

    def test_new_windows_follow_the_config(self):
        self.pm.new_session("s", "sleep", "1000")
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F",
                                     "#{window_index}").split(), ["1"])
        self.pm.run("new-window", "-d", "-t", "s", "sleep", "1000")
        self.pm.note_panes()
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F",
                                     "#{window_index}").split(), ["1", "2"])
        self.assertEqual(self.pm.display("s:1", "#{pane_index}"), "2")


ERROR_ON_LINE_3 = """set -g history-limit 4000
set -g base-index 2
set -g no-such-option 1
set -g status-interval 9
set -g display-time 999
"""

PARSE_ERROR_ON_LINE_3 = """set -g history-limit 4100
set -g base-index 3
set -g status-left oops }
set -g status-interval 8
%endif
set -g display-time 998
"""


def start_verbose(pm, config):
    """Start the server with -v (its log in pm.tmp) and config; return the log."""
    argv = [pm.bin, "-v", "-S", pm.sock, "-f", config, "new-session", "-d", "-s", "s",
            "sleep", "1000"]
    r = subprocess.run(argv, env=pm.env, cwd=pm.tmp, capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=pmuxtest.TIMEOUT)
    if r.returncode != 0:
        raise AssertionError("new-session failed: %r" % (r,))
    pm.note_panes()

    def log():
        text = ""
        for path in glob.glob(os.path.join(pm.tmp, NAME + "-server-*.log")):
            with open(path, errors="replace") as f:
                text += f.read()
        return text
    return log


class Errors(pmuxtest.PmuxTestCase):

    def write(self, name, text):
        path = os.path.join(self.pm.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def show(self, option):
        return self.pm.run("show-options", "-g", "-v", option).rstrip("\n")

    def test_command_error_on_line_3_keeps_the_rest(self):
        conf = self.write("err.conf", ERROR_ON_LINE_3)
        log = start_verbose(self.pm, conf)
        self.assertEqual(self.show("history-limit"), "4000")
        self.assertEqual(self.show("base-index"), "2")
        self.assertEqual(self.show("status-interval"), "9")
        self.assertEqual(self.show("display-time"), "999")
        if PMUX:
            pmuxtest.wait_for(lambda: "%s:3: " % conf in log(), msg="the error in the log",
                              describe=log)
            self.assertIn("no-such-option", log())

    def test_parse_error_on_line_3_keeps_the_rest(self):
        if not PMUX:
            self.skipTest("tmux drops a file with a syntax error")
        conf = self.write("perr.conf", PARSE_ERROR_ON_LINE_3)
        log = start_verbose(self.pm, conf)
        self.assertEqual(self.show("history-limit"), "4100")
        self.assertEqual(self.show("base-index"), "3")
        self.assertEqual(self.show("status-interval"), "8")
        self.assertEqual(self.show("display-time"), "998")
        pmuxtest.wait_for(lambda: "%s:5: %%endif without %%if" % conf in log(),
                          msg="both errors in the log", describe=log)
        self.assertIn("%s:3: unmatched }" % conf, log())

    def test_missing_config_file(self):
        if not PMUX:
            self.skipTest("tmux refuses to start")
        log = start_verbose(self.pm, os.path.join(self.pm.tmp, "nosuch.conf"))
        self.pm.run("has-session", "-t", "s")
        pmuxtest.wait_for(lambda: "nosuch.conf: No such file" in log(), msg="the error",
                          describe=log)


class SourceFile(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("s", "sleep", "1000")

    write = Errors.write
    show = Errors.show

    def test_source_at_runtime(self):
        self.write("a.conf", "set -g history-limit 1234\n"
                   "%if '#{session_name}'\nset -g status-interval 4\n%endif\n")
        self.pm.run("source-file", "a.conf")          # relative to the client's cwd
        self.assertEqual(self.show("history-limit"), "1234")
        self.assertEqual(self.show("status-interval"), "4")
        self.pm.run("source", os.path.join(self.pm.tmp, "a.conf"))
        # $VAR is the server's global environment, set-environment included
        self.pm.run("set-environment", "-g", "PMUXT_SRC", "from-env")
        self.write("b.conf", 'set -g status-left "[$PMUXT_SRC]"\n')
        self.pm.run("source-file", "b.conf")
        self.assertEqual(self.show("status-left"), "[from-env]")

    def test_globs_in_order(self):
        self.write("conf.d/10-a.conf", "set -g display-time 10\nset -g base-index 5\n")
        self.write("conf.d/20-b.conf", "set -g display-time 20\n")
        self.pm.run("source-file", os.path.join(self.pm.tmp, "conf.d", "*.conf"))
        self.assertEqual(self.show("display-time"), "20")
        self.assertEqual(self.show("base-index"), "5")

    def test_missing_and_quiet(self):
        r = self.pm.cmd("source-file", "nosuch.conf")
        self.assertEqual(r.rc, 1, r)
        self.assertIn("nosuch.conf", r.err)
        r = self.pm.cmd("source-file", "-q", "nosuch.conf", "nosuch-*.conf")
        self.assertEqual(r.rc, 0, r)
        self.assertEqual(r.err, "")

    def test_errors_name_file_and_line(self):
        path = self.write("bad.conf", "set -g display-time 55\nset -g bogus-option 1\n"
                          "set -g base-index 6\n")
        r = self.pm.cmd("source-file", path)
        self.assertEqual(r.rc, 1, r)
        self.assertIn("bogus-option", r.err)
        if PMUX:  # tmux names the file only for syntax errors
            self.assertIn("%s:2: " % path, r.err)
        self.assertEqual(self.show("display-time"), "55")
        self.assertEqual(self.show("base-index"), "6")

    def test_parse_only(self):
        path = self.write("n.conf", "set -g display-time 66\n")
        self.pm.run("source-file", "-n", path)
        self.assertNotEqual(self.show("display-time"), "66")
        bad = self.write("nbad.conf", "set -g display-time 67\nset -g x 'open\n")
        r = self.pm.cmd("source-file", "-n", bad)
        if PMUX:
            self.assertEqual(r.rc, 1, r)
            self.assertIn("%s:2: unterminated quote" % bad, r.err)
        self.assertNotEqual(self.show("display-time"), "67")

    def test_nested_files(self):
        inner = self.write("inner.conf", "set -g display-time 77\nset -g bogus-option 1\n")
        outer = self.write("outer.conf", "source-file %s\nset -g base-index 7\n" % inner)
        r = self.pm.cmd("source-file", outer)
        if PMUX:
            self.assertEqual(r.rc, 1, r)
            self.assertIn("%s:2: invalid option: bogus-option" % inner, r.err)
        self.assertEqual(self.show("display-time"), "77")
        self.assertEqual(self.show("base-index"), "7")

    def test_format_path_and_verbose(self):
        self.write("s.conf", "set -g display-time 88 ; set -g status-left 'a b'\n")
        self.pm.run("source-file", "-F", os.path.join(self.pm.tmp, "#{session_name}.conf"))
        self.assertEqual(self.show("display-time"), "88")
        if PMUX:  # -t arrived in tmux 3.4
            self.pm.run("set", "-g", "display-time", "1")
            self.pm.run("source-file", "-Ft", "s", os.path.join(self.pm.tmp, "#{session_name}.conf"))
            self.assertEqual(self.show("display-time"), "88")
            r = self.pm.cmd("source-file", "-F", "-t", "nosuch", "#{session_name}.conf")
            self.assertEqual(r.rc, 1, r)
            path = os.path.join(self.pm.tmp, "s.conf")
            out = self.pm.run("source-file", "-v", path)
            self.assertEqual(out, "%s:1: set -g display-time 88\n%s:1: set -g status-left \"a b\"\n"
                             % (path, path))

    def test_self_sourcing_stops(self):
        if not PMUX:
            self.skipTest("tmux's message differs")
        loop = self.write("loop.conf", "set -ga status-left x\n")
        with open(loop, "a") as f:
            f.write("source-file %s\n" % loop)
        r = self.pm.cmd("source-file", loop)
        self.assertEqual(r.rc, 1, r)
        self.assertIn("too many nested files", r.err)
        self.pm.run("has-session", "-t", "s")


class Bindings(pmuxtest.PmuxTestCase):
    """bind-key bodies from a file: "\\;" and { } belong to the binding and
    run nothing while the file is read."""

    def test_bodies_are_not_run(self):
        self.pm.new_session("s", "sleep", "1000")
        if self.pm.cmd("list-keys", "-T", "prefix").rc != 0:
            self.skipTest("no bind-key/list-keys yet")
        path = Errors.write(self, "keys.conf",
                            "bind x display hi \\; kill-pane\n"
                            "bind -r y {\n  display 'a b'\n  kill-pane\n}\n"
                            "set -g display-time 101\n")
        r = self.pm.cmd("source-file", path)
        self.assertEqual(r.rc, 0, r)
        self.assertEqual(self.pm.run("list-panes", "-t", "s", "-F", "#{pane_id}").count("%"), 1)
        self.assertEqual(self.pm.run("show-options", "-g", "-v", "display-time").strip(), "101")
        keys = self.pm.run("list-keys", "-T", "prefix")
        for key in ("x", "y"):
            line = binding(keys, key)
            self.assertTrue(line, "no binding for %s in %r" % (key, keys))
            self.assertIn("display", line)
            self.assertIn("kill-pane", line)
        self.assertIn("a b", binding(keys, "y"))

    def test_semicolon_argument_is_not_a_separator(self):
        # "bind \\; kill-pane" binds the ';' key (or, until cmd.c can run a
        # command holding ";" words, is refused): kill-pane must not run.
        self.pm.new_session("s", "sleep", "1000")
        path = Errors.write(self, "semi.conf", "bind \\; kill-pane\nset -g display-time 102\n")
        r = self.pm.cmd("source-file", path)
        self.assertEqual(self.pm.run("list-panes", "-t", "s", "-F", "#{pane_id}").count("%"), 1, r)
        self.assertEqual(self.pm.run("show-options", "-g", "-v", "display-time").strip(), "102")


def binding(keys, key):
    """The list-keys line of key in the prefix table, or None."""
    for line in keys.splitlines():
        w = line.split()
        if "-T" in w:
            i = w.index("-T")
            if w[i + 1:i + 3] == ["prefix", key]:
                return line
    return None


class Lookup(pmuxtest.PmuxTestCase):
    """Without -f: $XDG_CONFIG_HOME/pmux/pmux.conf, else ~/.pmux.conf."""

    def start(self, env):
        argv = [self.pm.bin, "-S", self.pm.sock, "new-session", "-d", "-s", "s",
                "sleep", "1000"]
        r = subprocess.run(argv, env=env, cwd=self.pm.tmp, capture_output=True,
                           stdin=subprocess.DEVNULL, timeout=pmuxtest.TIMEOUT)
        self.assertEqual(r.returncode, 0, r)
        self.pm.note_panes()
        return self.pm.run("show-options", "-g", "-v", "display-time").strip()

    def setUp(self):
        super().setUp()
        if not PMUX:
            self.skipTest("tmux looks for its own files")
        home = self.pm.tmp
        with open(os.path.join(home, ".pmux.conf"), "w") as f:
            f.write("set -g display-time 301\n")
        os.makedirs(os.path.join(home, "xdg", "pmux"))
        with open(os.path.join(home, "xdg", "pmux", "pmux.conf"), "w") as f:
            f.write("set -g display-time 302\n")
        os.makedirs(os.path.join(home, ".config", "pmux"))
        with open(os.path.join(home, ".config", "pmux", "pmux.conf"), "w") as f:
            f.write("set -g display-time 303\n")

    def test_xdg_config_home(self):
        env = dict(self.pm.env, XDG_CONFIG_HOME=os.path.join(self.pm.tmp, "xdg"))
        self.assertEqual(self.start(env), "302")

    def test_xdg_default_is_dot_config(self):
        env = dict(self.pm.env)
        env.pop("XDG_CONFIG_HOME", None)
        self.assertEqual(self.start(env), "303")

    def test_home_file_last(self):
        env = dict(self.pm.env, XDG_CONFIG_HOME=os.path.join(self.pm.tmp, "empty"))
        self.assertEqual(self.start(env), "301")


class BlockingShell(pmuxtest.PmuxTestCase):
    """run-shell and if-shell without -b make a config file wait: its next
    lines run once the shell command is done, and the server goes on
    serving meanwhile."""

    write = Errors.write
    show = Errors.show

    def test_config_at_start_waits_for_run_shell(self):
        flag = os.path.join(self.pm.tmp, "flag")
        conf = self.write("block.conf",
                          "run-shell 'sleep 0.3; echo x > %s'\n"
                          "if-shell 'test -f %s' 'set -g @ok yes' 'set -g @ok no'\n"
                          "set -g @after done\n" % (flag, flag))
        self.pm.config = conf
        # the client's command runs once the config is done
        self.pm.run("new-session", "-d", "-s", "s", "sleep", "1000")
        self.assertEqual(self.show("@ok"), "yes")
        self.assertEqual(self.show("@after"), "done")

    def test_nested_files_keep_their_order(self):
        log = os.path.join(self.pm.tmp, "order.log")
        inner = self.write("inner.conf",
                           "run-shell 'sleep 0.2; echo 2 >> %s'\n"
                           "run-shell 'echo 3 >> %s'\n" % (log, log))
        outer = self.write("outer.conf",
                           "run-shell 'echo 1 >> %s'\n"
                           "source-file %s\n"
                           "run-shell 'echo 4 >> %s' ; run-shell 'echo 5 >> %s'\n"
                           % (log, inner, log, log))
        self.pm.new_session("s", "sleep", "1000")
        self.pm.run("source-file", outer)
        with open(log) as f:
            self.assertEqual(f.read().split(), ["1", "2", "3", "4", "5"])

    def test_failing_shell_does_not_stop_the_file(self):
        conf = self.write("fail.conf",
                          "run-shell 'exit 3' ; set -g @same-line yes\n"
                          "set -g @next-line yes\n")
        self.pm.new_session("s", "sleep", "1000")
        r = self.pm.cmd("source-file", conf)
        self.assertEqual(r.rc, 3, r)
        self.assertIn("'exit 3' returned 3", r.out)
        # as in tmux, the commands after it run, on its line and the next
        self.assertEqual(self.show("@same-line"), "yes")
        self.assertEqual(self.show("@next-line"), "yes")

    def test_config_at_start_output_in_messages(self):
        # no client to print to: run-shell's output and failure are kept for
        # show-messages with the config errors
        conf = self.write("start.conf", "run-shell 'echo start-out; exit 4'\nset -g @x y\n")
        self.pm.config = conf
        self.pm.new_session("s", "sleep", "1000")
        msgs = self.pm.run("show-messages")
        self.assertIn("start-out\n", msgs)
        self.assertIn("'echo start-out; exit 4' returned 4\n", msgs)
        self.assertEqual(self.show("@x"), "y")

    def test_server_serves_while_a_file_waits(self):
        go = os.path.join(self.pm.tmp, "go")
        started = os.path.join(self.pm.tmp, "started")
        conf = self.write("wait.conf",
                          "run-shell 'touch %s; while [ ! -f %s ]; do sleep 0.05; done'\n"
                          "set -g @finished yes\n" % (started, go))
        self.pm.new_session("s", "sleep", "1000")
        src = subprocess.Popen(self.pm.argv("source-file", conf), env=self.pm.env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
        try:
            pmuxtest.wait_for(lambda: os.path.exists(started), msg="the shell command started")
            self.assertEqual(self.pm.run("display-message", "-p", "-t", "s", "#S"), "s\n")
            self.assertEqual(self.pm.cmd("show", "-gv", "@finished").out, "")
            self.assertIsNone(src.poll(), "source-file returned before its file was done")
            open(go, "w").close()
            self.assertEqual(src.wait(timeout=pmuxtest.TIMEOUT), 0)
        finally:
            if src.poll() is None:
                src.kill()
            src.communicate()
        self.assertEqual(self.show("@finished"), "yes")


# What common tmux configs set (mouse bindings, passthrough, extended keys,
# pane styles and border lines, a second status line, popups and menus):
# every line must load without an error.
COMMON_CONFIG = r"""
set -g mouse on
bind -T copy-mode-vi MouseDragEnd1Pane send -X copy-pipe-and-cancel "cat > /dev/null"
bind -n WheelUpPane if -F "#{mouse_any_flag}" "send -M" "copy-mode -e"
unbind -n MouseDown3Pane
set -g allow-passthrough on
setw -g xterm-keys on
set -g assume-paste-time 0
set -s extended-keys on
set -g window-style 'fg=colour247,bg=colour236'
set -g window-active-style 'fg=default,bg=colour234'
set -g pane-border-status top
set -g pane-border-format "#{pane_index} #{pane_current_command}"
set -g pane-border-lines heavy
set -g status 2
set -g status-format[1] "#[align=centre]#{session_name}"
set -g status-bg colour235
set -as terminal-features ',xterm*:RGB'
set -g focus-events on
set -g set-clipboard on
set -g popup-border-lines rounded
set -g history-file ~/.pmux_history
set -g copy-mode-match-style bg=blue
set -g cursor-style bar
set -s user-keys[0] "\e[5;30012~"
bind -n User0 display hello
bind g display-popup -E "htop"
bind m display-menu -T "menu" "New" n "new-window" "" "Kill" k "kill-pane"
bind C customize-mode -Z
"""


class CommonConfig(pmuxtest.PmuxTestCase):
    config_text = COMMON_CONFIG

    def test_loads_without_errors(self):
        pm = self.pm
        pm.run("new-session", "-d", "-s", "c")
        if pmuxtest.flavor() == "pmux":  # (tmux's show-messages needs a client)
            self.assertEqual(pm.run("show-messages").strip(), "")
        self.assertEqual(pm.run("show-options", "-gv", "pane-border-status").strip(), "top")
        self.assertIn("MouseDragEnd1Pane", pm.run("list-keys", "-T", "copy-mode-vi"))


if __name__ == "__main__":
    pmuxtest.main()
