#!/usr/bin/env python3
"""Array options (name[N]) and what uses them: several status lines from
status-format (status 2 to 5) and command aliases (command-alias)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


class ArrayOptions(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.run("new-session", "-d", "-s", "S")

    def show(self, *args):
        return self.pm.run("show-options", *args).splitlines()

    def test_defaults_show_as_items(self):
        lines = self.show("-g", "update-environment")
        self.assertEqual(lines[0], "update-environment[0] DISPLAY")
        self.assertEqual(lines[7], "update-environment[7] XAUTHORITY")
        self.assertEqual(self.show("-s", "terminal-features")[1], "terminal-features[1] screen*:title")
        self.assertEqual(self.show("-gv", "status-format[1]"),
                         ["#[align=centre]#{P:#{?pane_active,#[reverse],}#{pane_index}"
                          "[#{pane_width}x#{pane_height}]#[default] }"])

    def test_set_append_and_unset_items(self):
        pm = self.pm
        pm.run("set-option", "-g", "update-environment", "FOO BAR")
        self.assertEqual(self.show("-g", "update-environment"),
                         ["update-environment[0] FOO", "update-environment[1] BAR"])
        pm.run("set-option", "-g", "update-environment[5]", "FIVE")
        pm.run("set-option", "-ga", "update-environment", "BAZ")
        pm.run("set-option", "-gu", "update-environment[0]")
        self.assertEqual(self.show("-g", "update-environment"),
                         ["update-environment[1] BAR", "update-environment[2] BAZ",
                          "update-environment[5] FIVE"])
        self.assertEqual(self.show("-gv", "update-environment[5]"), ["FIVE"])
        # the whole array back to its default
        pm.run("set-option", "-gu", "update-environment")
        self.assertEqual(len(self.show("-g", "update-environment")), 8)

    def test_session_array_is_its_own(self):
        pm = self.pm
        pm.run("set-option", "-t", "S", "update-environment[1]", "X")
        self.assertEqual(self.show("-t", "S", "update-environment"), ["update-environment[1] X"])
        self.assertEqual(len(self.show("-g", "update-environment")), 8)

    def test_errors(self):
        r = self.pm.cmd("set-option", "-g", "status-left[1]", "x")
        self.assertNotEqual(r.rc, 0)
        self.assertIn("not an array: status-left[1]", r.err)
        r = self.pm.cmd("set-option", "-g", "update-environment[x]", "y")
        self.assertNotEqual(r.rc, 0)
        self.assertEqual(len(r.err.strip().splitlines()), 1, r.err)
        # as tmux: an index on another option shows the option
        self.assertEqual(self.show("-g", "status-left[1]"), ['status-left[1] "[#{session_name}] "']
                         if pmuxtest.flavor() == "pmux" else
                         ['status-left[1] "[#{session_name}] "'])

    def test_command_alias(self):
        pm = self.pm
        # tmux's defaults: choose-window and split-pane are aliases
        self.assertIn("command-alias[0] split-pane=split-window", self.show("-s", "command-alias"))
        pm.run("split-pane", "-d", "-t", "S")
        wait_for(lambda: len(pm.run("list-panes", "-t", "S").splitlines()) == 2,
                 msg="split-pane made a pane")
        pm.run("set-option", "-sa", "command-alias", "nw=new-window -d -n fromalias")
        pm.run("nw", "-t", "S:")
        self.assertIn("fromalias", pm.run("list-windows", "-t", "S", "-F", "#W"))
        # an alias's own name inside it is the command, not the alias again
        pm.run("set-option", "-s", "command-alias[10]", "display-message=display-message -p ALIASED")
        self.assertEqual(pm.run("display-message").strip(), "ALIASED")
        # an alias with two commands, the arguments going to the last
        pm.run("set-option", "-s", "command-alias[11]",
               "two=display-message -p one ; display-message -p")
        self.assertEqual(pm.run("two", "#{session_name}").split(), ["one", "S"])


class StatusLines(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=80, y=23)

    def test_three_lines_from_status_format(self):
        pm = self.pm
        c = self.attach("S", rows=24, cols=80)
        c.wait_screen(lambda ls: ls[23].startswith("[S] 0:"), "the status line")
        pm.run("set-option", "-g", "status", "3")
        pm.run("set-option", "-g", "status-format[2]",
               "#[align=right]RIGHT#[align=left]LEFT #{session_name}#[align=centre]MID")
        ls = c.wait_screen(lambda ls: ls[23].startswith("LEFT S") and ls[21].startswith("[S] 0:"),
                           "three status lines")
        self.assertEqual(ls[23].rstrip()[-5:], "RIGHT", ls[23])
        mid = ls[23].index("MID")
        self.assertTrue(30 <= mid <= 46, ls[23])
        # the default second line: the panes and their sizes
        self.assertEqual(ls[22].strip(), "0[80x21]", ls[22])
        wait_for(lambda: self.window_size("S") == (80, 21),
                 msg="the window is three rows shorter",
                 describe=lambda: "window %r" % (self.window_size("S"),))
        # a message takes the last line; the others stay
        pm.run("display-message", "-d", "0", "HELLO-MSG")
        ls = c.wait_screen(lambda ls: ls[23].startswith("HELLO-MSG"), "the message")
        self.assertTrue(ls[21].startswith("[S] 0:"), ls[21])

    def test_lines_at_the_top(self):
        pm = self.pm
        c = self.attach("S", rows=24, cols=80)
        pm.run("set-option", "-g", "status-position", "top")
        pm.run("set-option", "-g", "status", "2")
        pm.run("set-option", "-g", "status-format[1]", "SECOND-LINE")
        pm.type("S", "echo text-$((6*7))")
        ls = c.wait_screen(lambda ls: ls[0].startswith("[S] 0:") and
                           ls[1].startswith("SECOND-LINE") and
                           any(l.startswith("text-42") for l in ls[2:]),
                           "two status lines above the pane")
        self.assertFalse(any(l.startswith("[S]") for l in ls[2:]), ls)
        c.wait_panes_match("S")


class MoreOptions(screen.ScreenTestCase):
    """status-bg/-fg, checked styles and colours, remain-on-exit-format,
    message-limit."""

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=80, y=23)

    def test_status_bg_fg_over_status_style(self):
        pm = self.pm
        c = self.attach("S", rows=24, cols=80)
        c.wait_screen(lambda ls: ls[23].startswith("[S] 0:"), "the status line")
        pm.run("set-option", "-g", "status-bg", "red")
        wait_for(lambda: {cl["bg"] for cl in c.screen.cells(23)} == {"idx:1"},
                 msg="status-bg red over status-style's green",
                 describe=lambda: c.screen.cells(23)[:2])
        pm.run("set-option", "-g", "status-style", "bg=blue,fg=green")
        pm.run("set-option", "-g", "status-fg", "white")
        wait_for(lambda: {(cl["fg"], cl["bg"]) for cl in c.screen.cells(23)} == {("idx:7", "idx:1")},
                 msg="status-fg white and status-bg red over the style",
                 describe=lambda: c.screen.cells(23)[:2])
        pm.run("set-option", "-g", "status-bg", "default")
        wait_for(lambda: {cl["bg"] for cl in c.screen.cells(23)} == {"idx:4"},
                 msg="status-style's blue once status-bg is default",
                 describe=lambda: c.screen.cells(23)[:2])

    def test_bad_styles_and_colours_are_refused(self):
        pm = self.pm
        for name, value, words in (("status-style", "bogus", "invalid style: bogus"),
                                   ("mode-style", "fg=nosuch", "invalid style: fg=nosuch"),
                                   ("status-bg", "nocolour", "bad colour: nocolour"),
                                   ("clock-mode-colour", "x1", "bad colour: x1")):
            r = pm.cmd("set-option", "-g", name, value)
            self.assertNotEqual(r.rc, 0, r)
            self.assertEqual(r.err.strip(), words)
        self.assertEqual(pm.run("show-options", "-gv", "status-style").strip(), "bg=green,fg=black")

    def test_remain_on_exit_format(self):
        pm = self.pm
        pm.run("set-option", "-g", "remain-on-exit", "on")
        pm.run("new-window", "-d", "-t", "S:1", "exit 3")
        wait_for(lambda: "Pane is dead (status 3, " in pm.capture("S:1"),
                 msg="tmux's default dead-pane line", describe=lambda: pm.capture("S:1"))
        pm.run("set-option", "-g", "remain-on-exit-format", "gone #{pane_dead_status}!")
        pm.run("new-window", "-d", "-t", "S:2", "exit 4")
        wait_for(lambda: "gone 4!" in pm.capture("S:2"), msg="the format's line",
                 describe=lambda: pm.capture("S:2"))

    def test_message_limit(self):
        pm = self.pm
        c = self.attach("S", rows=24, cols=80)
        c.wait_screen(lambda ls: ls[23].startswith("[S] 0:"), "the status line")
        pm.run("set-option", "-s", "message-limit", "2")
        for i in range(4):
            pm.run("display-message", "-c", c.tty, "note-%d" % i)
        log = pm.run("show-messages")
        # (tmux also logs the show-messages command itself)
        self.assertNotIn("note-0", log)
        self.assertNotIn("note-1", log)
        self.assertIn("note-3", log)


if __name__ == "__main__":
    pmuxtest.main()
