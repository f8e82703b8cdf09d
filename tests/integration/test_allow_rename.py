#!/usr/bin/env python3
"""Window names from programs: ESC k name ESC \\ renames the window only with
allow-rename on (and then turns automatic-rename off for it), never shows as
text; OSC 2 sets the pane title (#T) either way; automatic-rename follows
the running command."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

NAME_SEQ = r"printf '\033k%s\033\\'"
TITLE_SEQ = r"printf '\033]2;%s\007'"


class AllowRename(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("r")

    def assertNotShown(self, text):
        shown = [l for l in self.pm.capture("r").splitlines() if text in l and "printf" not in l]
        self.assertEqual(shown, [], "the name is not printed")

    def name(self):
        return self.pm.display("r", "#{window_name}")

    def emit(self, *cmds):
        self.pm.type("r", "; ".join(cmds) + "; echo mark-$((6*7))")
        self.pm.wait_line("r", "mark-42")

    def test_default_title_and_select_pane_T(self):
        # a new pane's title is the host name (tmux); select-pane -T sets it,
        # expanding formats, without selecting the pane
        import socket
        self.assertEqual(self.pm.display("r", "#{pane_title}"), socket.gethostname())
        self.pm.run("split-window", "-d", "-t", "r", "sleep", "1000")
        self.pm.run("select-pane", "-t", "r.1", "-T", "ti-#{pane_index}")
        self.assertEqual(self.pm.display("r.1", "#T"), "ti-1")
        self.assertEqual(self.pm.display("r", "#{pane_index}"), "0")
        self.emit(TITLE_SEQ % "from-osc")
        self.assertEqual(self.pm.display("r.0", "#T"), "from-osc")

    def test_off_by_default(self):
        pm = self.pm
        self.assertEqual(pm.run("show", "-gv", "allow-rename"), "off\n")
        self.emit(NAME_SEQ % "from-program", TITLE_SEQ % "the-title")
        self.assertEqual(self.name(), "bash")
        self.assertEqual(pm.display("r", "#T|#{pane_title}"), "the-title|the-title")
        self.assertNotShown("from-program")
        self.assertEqual(pm.display("r", "#{automatic-rename}"), "1")

    def test_on_renames_and_stops_automatic_rename(self):
        pm = self.pm
        pm.run("set", "-g", "allow-rename", "on")
        self.emit(NAME_SEQ % "from-program")
        wait_for(lambda: self.name() == "from-program", msg="the window renamed",
                 describe=self.name)
        self.assertNotShown("from-program")
        self.assertEqual(pm.run("showw", "-v", "-t", "r", "automatic-rename"), "off\n")
        # a new command no longer renames it
        pm.type("r", "sleep 1000")
        pm.wait_foreground("r", ["sleep", "1000"])
        self.assertEqual(self.name(), "from-program")
        pm.send("r", "C-c")
        pm.wait_prompt("r")
        # OSC 2 is the title, not the name
        self.emit(TITLE_SEQ % "just-a-title")
        self.assertEqual(pm.display("r", "#T"), "just-a-title")
        self.assertEqual(self.name(), "from-program")

    def test_pane_option_only_for_that_pane(self):
        pm = self.pm
        other = pm.shell_window("r")
        pm.run("set", "-p", "-t", other, "allow-rename", "on")
        self.emit(NAME_SEQ % "not-this")
        self.assertEqual(self.name(), "bash")
        pm.type(other, NAME_SEQ % "this-one" + "; echo done-$((1+2))")
        pm.wait_line(other, "done-3")
        wait_for(lambda: pm.display(other, "#{window_name}") == "this-one",
                 msg="the other window renamed")

    def test_automatic_rename_follows_the_command(self):
        pm = self.pm
        self.assertEqual(self.name(), "bash")
        pm.type("r", "sleep 1000")
        pm.wait_foreground("r", ["sleep", "1000"])
        wait_for(lambda: self.name() == "sleep", msg="named after sleep", describe=self.name)
        pm.send("r", "C-c")
        pm.wait_prompt("r")
        wait_for(lambda: self.name() == "bash", msg="named after bash again",
                 describe=self.name)
        pm.run("setw", "-t", "r", "automatic-rename-format", "<#{pane_current_command}>")
        self.assertEqual(self.name(), "<bash>")


if __name__ == "__main__":
    pmuxtest.main()
