#!/usr/bin/env python3
"""display-menu and display-popup through an attached client.

A menu is a box of items over the client's screen: an item's key or Enter
on the selected item runs its command, Escape closes it without running
anything. A popup is a box with a program of its own on its own pty: its
output shows inside the border, typed keys reach it, -E closes it when the
program exits, and closing it (-C, detach, kill-server) leaves none of its
processes behind."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import click  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

ROWS, COLS = 21, 60
SELECTED_BG = "idx:3"  # bg=yellow: mode-style in tmux 3.3, menu-selected-style in pmux

MENU = ["Set A", "a", "set -g @choice A",
        "",
        "-Off", "o", "set -g @choice off",
        "Set B", "b", "set -g @choice B"]


class MenuPopup(screen.PopupTestCase):

    ROWS, COLS = ROWS, COLS

    def choice(self):
        r = self.pm.cmd("show-options", "-gv", "@choice")
        return r.out.strip() if r.rc == 0 and r.out.strip() else None

    def row_of(self, text):
        for i, line in enumerate(self.c.lines()):
            if text in line:
                return i
        return None

    def no_box(self, ls):
        return not any(ch in l for l in ls for ch in "┌└╔╭")

    def selected_text(self):
        out = []
        for row in self.c.screen.cells():
            out.append("".join(cell["ch"] or " " for cell in row if cell["bg"] == SELECTED_BG))
        return [t.strip() for t in out if t.strip()]

    # -- menus

    def test_menu_shows_items_and_a_key_runs_its_command(self):
        pm, c = self.pm, self.c
        pm.run("bind-key", "m", "display-menu", "-T", "Pick", *MENU)
        c.keys(b"\x02m")
        ls = c.wait_text("Set A (a)")
        # centred, tmux's layout: title on the top edge, keys right-aligned,
        # a separator joined to the sides, a disabled item without its key
        top = self.row_of("Pick")
        self.assertIsNotNone(top, c.describe())
        box = [l.strip() for l in ls[top:top + 6]]
        self.assertEqual(box, ["┌─Pick" + "─" * 6 + "┐",
                               "│ Set A (a) │",
                               "├" + "─" * 11 + "┤",
                               "│ Off       │",
                               "│ Set B (b) │",
                               "└───────────┘"], c.describe())
        self.assertEqual(self.selected_text(), ["Set A (a)"], c.describe())
        c.keys(b"b")
        wait_for(lambda: self.choice() == "B", msg="@choice set by the menu's b item",
                 describe=c.describe)
        c.wait_screen(self.no_box, "the menu gone")

    def test_arrows_and_enter_skip_separators_and_disabled_items(self):
        pm, c = self.pm, self.c
        pm.run("bind-key", "m", "display-menu", *MENU)
        c.keys(b"\x02m")
        c.wait_text("Set A (a)")
        c.write(b"\x1b[B")  # Down: over the separator and "Off"
        c.wait_screen(lambda ls: self.selected_text() == ["Set B (b)"], "Set B selected")
        c.keys(b"j")  # wraps round to the first
        c.wait_screen(lambda ls: self.selected_text() == ["Set A (a)"], "Set A selected")
        c.keys(b"k")
        c.wait_screen(lambda ls: self.selected_text() == ["Set B (b)"], "Set B selected")
        c.keys(b"o")  # a disabled item's key does nothing
        c.keys(b"\r")
        wait_for(lambda: self.choice() == "B", msg="Enter chose Set B", describe=c.describe)
        c.wait_screen(self.no_box, "the menu gone")

    def test_escape_closes_without_running(self):
        pm, c = self.pm, self.c
        pm.run("bind-key", "m", "display-menu", *MENU)
        for key in (b"\x1b", b"q", b"\x03"):
            c.keys(b"\x02m")
            c.wait_text("Set B (b)")
            c.keys(key)
            c.wait_screen(self.no_box, "the menu closed by %r" % key)
        self.assertIsNone(self.choice())
        # keys reach the pane again
        pm.type(self.pane, "echo after-$((6*7))\n")
        c.wait_text("after-42")

    def test_command_line_menu_waits_and_runs_for_its_target(self):
        pm, c = self.pm, self.c
        other = pm.run("new-window", "-d", "-t", "S", "-P", "-F", "#{pane_id}").strip()
        p = self.background("display-menu", "-c", self.tty, "-t", other, "-x", "0", "-y", "0",
                            "Rename", "r", "rename-window picked")
        c.wait_text("Rename (r)")
        # the box at the top left corner
        self.assertTrue(c.lines()[0].startswith("┌"), c.describe())
        self.assertIsNone(p.poll(), "the command waits while the menu shows")
        c.keys(b"r")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 0)
        wait_for(lambda: pm.display(other, "#{window_name}") == "picked",
                 msg="the target pane's window renamed", describe=c.describe)
        self.assertNotEqual(pm.display(self.pane, "#{window_name}"), "picked")

    def test_menu_positions(self):
        pm, c = self.pm, self.c
        items = ["Item", "i", "set -g @choice i"]  # a box 12 wide, 3 high
        cases = [(("-x", "R", "-y", "S"), ROWS - 1 - 3, COLS - 12),  # above the status line
                 (("-x", "3", "-y", "8"), 8 - 3, 3),  # -y is the row below the box
                 (("-x", "100", "-y", "100"), ROWS - 3, COLS - 12),  # kept on the screen
                 (("-x", "P", "-y", "P"), ROWS - 1 - 3, 0)]  # the pane's bottom left
        for flags, top, left in cases:
            p = self.background("display-menu", "-c", self.tty, *flags, *items)
            c.wait_text("Item (i)")
            ls = c.lines()
            self.assertEqual(ls[top][left:left + 12], "┌" + "─" * 10 + "┐", "%r\n%s"
                             % (flags, c.describe()))
            self.assertEqual(ls[top + 1][left:left + 12], "│ Item (i) │", c.describe())
            c.keys(b"q")
            self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 0)
            c.wait_screen(lambda ls: "Item (i)" not in "\n".join(ls), "the menu gone")

    def test_default_window_and_pane_menus(self):
        pm, c = self.pm, self.c
        c.keys(b"\x02<")  # tmux's window menu, at the window's place on the status line
        ls = c.wait_text("New At End (W)")
        self.assertIn("0:bash", "\n".join(ls), c.describe())
        self.assertTrue(any("Swap Left" in l and "(l)" not in l for l in ls),
                        "Swap Left is disabled with one window\n" + c.describe())
        c.keys(b"q")
        c.wait_screen(self.no_box, "the window menu gone")
        c.keys(b"\x02>")  # tmux's pane menu
        c.wait_text("Horizontal Split (h)")
        c.keys(b"h")
        wait_for(lambda: pm.display("S", "#{window_panes}") == "2",
                 msg="the pane menu split the window", describe=c.describe)

    def test_menu_styles_and_starting_choice(self):
        if pmuxtest.flavor() == "tmux":
            self.skipTest("-C, -H, -s, -S, -b and the menu-* options are tmux 3.4's")
        pm, c = self.pm, self.c
        pm.run("set", "-g", "menu-border-lines", "double")
        p = self.background("display-menu", "-c", self.tty, "-x", "0", "-y", "0", "-C", "3",
                            "-H", "bg=red", "-s", "fg=green", *MENU)
        c.wait_text("Set B (b)")
        cells = c.screen.cells()
        self.assertEqual(c.lines()[0][:3], "╔══", c.describe())
        self.assertEqual([cells[4][x]["bg"] for x in (2, 10)], ["idx:1", "idx:1"],
                         "item 3 selected in -H's style\n" + c.describe())
        self.assertEqual(cells[1][2]["fg"], "idx:2", "the items in -s's style")
        c.keys(b"\r")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 0)
        self.assertEqual(self.choice(), "B")
        r = pm.cmd("display-menu", "-c", self.tty, "-C", "x", *MENU)
        self.assertEqual((r.rc, r.err), (1, "invalid starting choice: x\n"))

    def test_menu_mouse(self):
        if pmuxtest.flavor() == "tmux":
            # tmux 3.3 ignores a press in a menu opened from the keyboard and
            # closes it on the release, wherever it is
            self.skipTest("pmux: a click chooses an item in any menu")
        pm, c = self.pm, self.c
        pm.run("set", "-g", "mouse", "on")
        pm.run("bind-key", "m", "display-menu", "-x", "0", "-y", "0", *MENU)
        c.keys(b"\x02m")
        c.wait_text("Set B (b)")
        c.write(click(3, 4))  # "Set B", the fourth item
        wait_for(lambda: self.choice() == "B", msg="a click chose Set B", describe=c.describe)
        c.wait_screen(self.no_box, "the menu gone")
        c.keys(b"\x02m")
        c.wait_text("Set A (a)")
        c.write(click(40, 10))  # elsewhere: closed, nothing run
        c.wait_screen(self.no_box, "the menu closed by a click elsewhere")
        self.assertEqual(self.choice(), "B")

    # -- popups

    def inside(self, ls, text):
        """text on a row between the popup's side borders."""
        return any(text in l and l.strip().startswith("│") for l in ls)

    def test_popup_shows_output_in_a_box(self):
        pm, c = self.pm, self.c
        p = self.background("display-popup", "-c", self.tty, "-T", "Title",
                            "echo popup-$((6*7)); exec sleep 100")
        ls = c.wait_screen(lambda ls: self.inside(ls, "popup-42"), "the popup's output")
        # half the client's size, centred, as tmux: 30x10 at (14, 5)
        self.assertEqual(ls[5][14:17], "┌─T", c.describe())
        self.assertEqual(ls[6][14:23], "│popup-42", c.describe())
        self.assertEqual(ls[14][14:44], "└" + "─" * 28 + "┘", c.describe())
        self.assertIsNone(p.poll(), "the command waits while the popup shows")
        pm.run("display-popup", "-C", "-c", self.tty)
        c.wait_screen(self.no_box, "the popup closed by -C")
        # as tmux: the program was hung up (128 + SIGHUP)
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 129)

    def test_popup_environment_directory_and_shell(self):
        pm, c = self.pm, self.c
        d = os.path.join(pm.tmp, "popdir")
        os.mkdir(d)
        self.background("display-popup", "-c", self.tty, "-e", "PTEST=val-42", "-d", d,
                        "-w", "50", "echo $PTEST; pwd")
        c.wait_screen(lambda ls: self.inside(ls, "val-42") and self.inside(ls, "popdir"),
                      "-e's variable and -d's directory")
        c.keys(b"\x1b")
        c.wait_screen(self.no_box, "the popup closed")
        # no command: the shell, interactive
        p = self.background("display-popup", "-E", "-c", self.tty, "-w", "50")
        c.wait_screen(lambda ls: any(l.strip().startswith("┌") for l in ls), "the popup")
        c.keys(b"echo shell-$((40+2))\r")
        c.wait_screen(lambda ls: self.inside(ls, "shell-42"), "the shell's answer")
        c.keys(b"exit\r")
        c.wait_screen(self.no_box, "the popup closed with its shell")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 0)

    def test_typing_reaches_the_program_and_E_closes_on_exit(self):
        pm, c = self.pm, self.c
        p = self.background("display-popup", "-E", "-c", self.tty, "cat")
        c.wait_screen(lambda ls: any(l.strip().startswith("┌") for l in ls), "the popup")
        c.keys(b"hello\r")
        # the pty echoes the line and cat writes it back
        c.wait_screen(lambda ls: sum(self.inside([l], "hello") for l in ls) == 2,
                      "hello twice in the popup")
        pm.wait_text(self.pane, pmuxtest.PROMPT.strip())
        self.assertNotIn("hello", pm.capture(self.pane), "keys went to the popup only")
        c.keys(b"\x04")  # EOF: cat exits, -E closes the popup
        c.wait_screen(self.no_box, "the popup closed when cat exited")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 0)

    def test_ctrl_c_reaches_the_foreground_group(self):
        c = self.c
        p = self.background("display-popup", "-E", "-c", self.tty,
                            "trap 'echo trapped-INT; sleep 100' INT; echo ready; "
                            "while :; do sleep 1; done")
        c.wait_screen(lambda ls: self.inside(ls, "ready"), "the popup's shell ready")
        c.keys(b"\x03")  # through the line discipline: SIGINT to the group
        c.wait_screen(lambda ls: self.inside(ls, "trapped-INT"), "the trap ran")
        self.assertIsNone(p.poll())
        self.pm.run("display-popup", "-C", "-c", self.tty)
        c.wait_screen(self.no_box, "the popup closed")

    def test_exit_status_and_EE(self):
        pm, c = self.pm, self.c
        p = self.background("display-popup", "-E", "-c", self.tty, "exit 3")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 3, "-E gives the program's status")
        # -EE stays open on failure, until Escape
        p = self.background("display-popup", "-EE", "-c", self.tty, "echo failing; exit 3")
        c.wait_screen(lambda ls: self.inside(ls, "failing"), "the failed program's output")
        self.assertIsNone(p.poll(), "a failed program leaves an -EE popup open")
        c.keys(b"\x1b")
        c.wait_screen(self.no_box, "Escape closed the popup")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 3, "the program's status")
        # without -E it stays after the program exits; other keys do nothing
        p = self.background("display-popup", "-c", self.tty, "echo done-here")
        c.wait_screen(lambda ls: self.inside(ls, "done-here"), "the output")
        c.keys(b"z")
        self.assertIsNone(p.poll())
        c.keys(b"\x1b")
        c.wait_screen(self.no_box, "Escape closed the popup")
        self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 0)
        self.assertNotIn("z", pm.capture(self.pane).replace(pmuxtest.PROMPT, ""))

    def test_popup_follows_a_smaller_client(self):
        c = self.c
        self.background("display-popup", "-c", self.tty, "-w", "40", "-h", "12",
                        "trap 'echo size $(stty size)' WINCH; echo ready; "
                        "while :; do sleep 0.1; done")
        c.wait_screen(lambda ls: self.inside(ls, "ready"), "the popup's program")
        c.resize(10, 30)
        # the popup moves into the screen and shrinks to it: its program is
        # told its new size (the box less its border)
        ls = c.wait_screen(lambda ls: self.inside(ls, "size 8 28"), "the program resized")
        self.assertEqual(ls[0], "┌" + "─" * 28 + "┐", c.describe())
        self.assertEqual(ls[9], "└" + "─" * 28 + "┘", c.describe())
        self.pm.run("display-popup", "-C", "-c", self.tty)

    def test_popup_mouse_reaches_a_program_that_asked(self):
        pm, c = self.pm, self.c
        pm.run("set", "-g", "mouse", "on")
        self.background("display-popup", "-E", "-c", self.tty, "-x", "10", "-y", "12",
                        "-w", "30", "-h", "10",
                        "printf '\\033[?1000h\\033[?1006h'; stty -echo -icanon; echo ready; cat -v")
        c.wait_screen(lambda ls: self.inside(ls, "ready"), "the popup's program")
        # the box's inside starts at (11, 3): a click at (15, 5) is (4, 2) in it
        c.write(click(15, 5))
        c.wait_screen(lambda ls: self.inside(ls, "^[[<0;5;3M^[[<0;5;3m"),
                      "the click reported to the program, relative to the popup")
        c.write(click(50, 18))  # outside: neither the popup nor the pane gets it
        pm.run("display-popup", "-C", "-c", self.tty)
        c.wait_screen(self.no_box, "the popup closed")

    def popup_sleepers(self):
        """A popup whose shell has a background job and a foreground one."""
        c = self.c
        self.background("display-popup", "-c", self.tty,
                        "sleep 424201 & sleep 424202; echo never")
        c.wait_screen(lambda ls: any(l.strip().startswith("┌") for l in ls), "the popup")
        jobs = []
        wait_for(lambda: jobs.extend(self.pm.find_own(["sleep", "424201"]) +
                                     self.pm.find_own(["sleep", "424202"])) or len(jobs) >= 2,
                 msg="the popup's two sleeps")
        return jobs

    def test_close_leaves_no_process(self):
        for how in ("-C", "detach"):
            jobs = self.popup_sleepers()
            if how == "-C":
                self.pm.run("display-popup", "-C", "-c", self.tty)
            else:
                self.pm.run("detach-client", "-t", self.tty)
            for j in jobs:
                self.pm.wait_gone(j.pid, "popup process (%s)" % how)
            if how == "-C":
                self.c.wait_screen(self.no_box, "the popup closed")

    def test_program_exit_hangs_up_its_session(self):
        if pmuxtest.flavor() == "tmux":
            self.skipTest("tmux leaves a popup's background jobs until it closes")
        c = self.c
        go = os.path.join(self.pm.tmp, "go")
        self.background("display-popup", "-c", self.tty,
                        "sleep 424203 & while [ ! -e %s ]; do sleep 0.05; done; echo bye-bye"
                        % go)
        wait_for(lambda: self.pm.find_own(["sleep", "424203"]), msg="the background job")
        open(go, "w").close()
        c.wait_screen(lambda ls: self.inside(ls, "bye-bye"), "the popup's output")
        wait_for(lambda: not self.pm.find_own(["sleep", "424203"]),
                 msg="the background job hung up when the shell exited")
        self.assertTrue(self.inside(c.lines(), "bye-bye"), "the popup stays open")
        c.keys(b"\x1b")
        c.wait_screen(self.no_box, "the popup closed")

    def test_kill_server_leaves_no_process(self):
        jobs = self.popup_sleepers()
        self.pm.run("kill-server")
        for j in jobs:
            self.pm.wait_gone(j.pid, "popup process")

    def test_popup_options(self):
        pm, c = self.pm, self.c
        pm.run("set", "-g", "popup-border-lines", "double")
        pm.run("set", "-g", "popup-border-style", "fg=red")
        self.background("display-popup", "-c", self.tty, "-w", "20", "-h", "5", "-x", "0",
                        "-y", "5", "echo opt; exec sleep 100")
        c.wait_text("╔══")
        ls = c.lines()
        self.assertEqual(ls[0][:20], "╔" + "═" * 18 + "╗", c.describe())
        self.assertEqual(ls[1][:4], "║opt", c.describe())
        self.assertEqual(c.screen.cells(0)[0]["fg"], "idx:1", c.describe())
        r = pm.cmd("set", "-g", "popup-border-lines", "wavy")
        self.assertNotEqual(r.rc, 0)
        pm.run("display-popup", "-C", "-c", self.tty)

    def test_errors(self):
        pm = self.pm
        for args, msg in [(("display-menu", "-c", self.tty, "a", "b"), "not enough arguments"),
                          (("display-popup", "-c", self.tty, "-w", "abc"), "width invalid"),
                          (("display-popup", "-c", self.tty, "-h", "0"), "height too small"),
                          (("display-popup", "-c", self.tty, "-w", "500"), "width too large"),
                          (("display-popup", "-c", self.tty, "-b", "wavy"), "wavy"),
                          (("display-popup", "-c", "nosuchtty", "true"), "can't find client"),
                          (("display-menu", "-c", "nosuchtty", "a", "b", "c"),
                           "can't find client"),
                          (("display-popup", "-Z"), "")]:
            r = pm.cmd(*args)
            self.assertEqual(r.rc, 1, r)
            self.assertIn(msg, r.err, r)
            self.assertEqual(r.err.count("\n"), 1, r)
        # without an attached client
        self.c.close()
        screen.wait_attached(pm, "S", 0)
        for args in (("display-menu", "a", "b", "c"), ("display-popup", "true")):
            r = pm.cmd(*args)
            self.assertEqual(r.rc, 1, r)
            self.assertIn("no current client", r.err)


if __name__ == "__main__":
    import unittest
    unittest.main()
