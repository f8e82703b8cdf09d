#!/usr/bin/env python3
"""Format variables of a pane's terminal modes (insert_flag, keypad_flag,
scroll_region_*, pane_tabs, alternate_saved_*…) set by the pane's program
printing the sequences; #{command}, #{config_files}, copy mode's, the window
stack's and the client's variables. Each value is tmux 3.3a's: the test
passes against tmux too (PMUX_BIN=/usr/bin/tmux)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import AttachedClient  # noqa: E402

MODES = ("insert_flag keypad_flag keypad_cursor_flag origin_flag wrap_flag mouse_utf8_flag "
         "mouse_sgr_flag scroll_region_upper scroll_region_lower alternate_saved_x "
         "alternate_saved_y").split()
DEFAULTS = {"insert_flag": "0", "keypad_flag": "0", "keypad_cursor_flag": "0",
            "origin_flag": "0", "wrap_flag": "1", "mouse_utf8_flag": "0",
            "mouse_sgr_flag": "0", "scroll_region_upper": "0", "scroll_region_lower": "23",
            "alternate_saved_x": "4294967295", "alternate_saved_y": "4294967295"}
TABS = "8,16,24,32,40,48,56,64,72"
NONE = "4294967295"


class FormatModes(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("s", "sleep", "100000", x=80, y=24)
        self.n = 0

    def pane(self, script):
        """A new window whose program runs script (sh), then sets its title
        to tell that all of its output was read; returns its pane id."""
        self.n += 1
        mark = "ready%d" % self.n
        pane = self.pm.run("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "s:",
                           "sh", "-c", "%s; printf '\\033]2;%s\\007'; exec sleep 100000"
                           % (script, mark)).strip()
        self.pm.note_panes()
        pmuxtest.wait_for(lambda: self.pm.display(pane, "#{pane_title}") == mark,
                          msg="the pane's program to finish its output",
                          describe=lambda: self.pm.display(pane, "#{pane_title}"))
        return pane

    def printed(self, seq):
        return self.pane("printf '%s'" % seq)

    def values(self, pane, names):
        out = self.pm.display(pane, "|".join("#{%s}" % n for n in names))
        return dict(zip(names, out.split("|")))

    def check(self, seq, **want):
        pane = self.printed(seq)
        expect = dict(DEFAULTS)
        expect.update(want)
        self.assertEqual(self.values(pane, MODES), expect, "after %r" % seq)
        return pane

    def test_fresh_pane(self):
        got = self.values("s", MODES + ["pane_tabs"])
        want = dict(DEFAULTS, pane_tabs=TABS)
        self.assertEqual(got, want)

    def test_modes_set_and_reset(self):
        self.check("\\033[4h", insert_flag="1")
        self.check("\\033[4h\\033[4l")
        self.check("\\033=", keypad_flag="1")
        self.check("\\033=\\033>")
        self.check("\\033[?1h", keypad_cursor_flag="1")
        self.check("\\033[?1h\\033[?1l")
        self.check("\\033[?6h", origin_flag="1")
        self.check("\\033[?7l", wrap_flag="0")
        self.check("\\033[?7l\\033[?7h")
        # several in one sequence, and a reset of the terminal (RIS)
        self.check("\\033[?1;6h\\033[4h\\033=", keypad_cursor_flag="1", origin_flag="1",
                   insert_flag="1", keypad_flag="1")
        self.check("\\033[?1;6h\\033[4h\\033=\\033[5;10r\\033c")

    def test_mouse_encodings(self):
        pane = self.check("\\033[?1000h\\033[?1005h", mouse_utf8_flag="1")
        self.assertEqual(self.values(pane, ["mouse_standard_flag", "mouse_any_flag"]),
                         {"mouse_standard_flag": "1", "mouse_any_flag": "1"})
        self.check("\\033[?1002h\\033[?1006h", mouse_sgr_flag="1")
        # each is its own flag, as in tmux; turning the mouse off keeps them
        self.check("\\033[?1000;1005;1006h", mouse_utf8_flag="1", mouse_sgr_flag="1")
        pane = self.check("\\033[?1003h\\033[?1006h\\033[?1003l", mouse_sgr_flag="1")
        self.assertEqual(self.values(pane, ["mouse_all_flag", "mouse_any_flag"]),
                         {"mouse_all_flag": "0", "mouse_any_flag": "0"})
        self.check("\\033[?1005;1006h\\033[?1005l", mouse_sgr_flag="1")

    def test_scroll_region(self):
        self.check("\\033[5;10r", scroll_region_upper="4", scroll_region_lower="9")
        self.check("\\033[5;10r\\033[r")
        self.check("\\033[5;100r", scroll_region_upper="4")
        self.check("\\033[;12r", scroll_region_lower="11")
        # one of less than two rows is ignored, the cursor left where it was
        pane = self.check("\\033[3;7r\\033[10;5r\\033[9;9H\\033[5;5r\\033[30;40r",
                          scroll_region_upper="2", scroll_region_lower="6")
        self.assertEqual(self.pm.display(pane, "#{cursor_x},#{cursor_y}"), "8,8")
        # a resize puts it back to the whole pane, as tmux does
        pane = self.check("\\033[3;7r", scroll_region_upper="2", scroll_region_lower="6")
        self.pm.run("resize-window", "-t", pane, "-y", "30")
        pmuxtest.wait_for(lambda: self.pm.display(pane, "#{pane_height}") == "30",
                          msg="the pane resized")
        self.assertEqual(self.values(pane, ["scroll_region_upper", "scroll_region_lower"]),
                         {"scroll_region_upper": "0", "scroll_region_lower": "29"})

    def test_alternate_saved_cursor(self):
        # DECSET 1049 saves the cursor (0-based); 47 and 1047 do not
        self.check("\\033[3;5H\\033[?1049h\\033[7;9H", alternate_saved_x="4",
                   alternate_saved_y="2")
        self.check("\\033[3;5H\\033[?1047h")
        # tmux keeps it after the program leaves the alternate screen
        pane = self.check("\\033[6;11H\\033[?1049h\\033[?1049l", alternate_saved_x="10",
                          alternate_saved_y="5")
        self.assertEqual(self.values(pane, ["alternate_on", "cursor_x", "cursor_y"]),
                         {"alternate_on": "0", "cursor_x": "10", "cursor_y": "5"})

    def test_tab_stops(self):
        # cleared, then set with HTS where the cursor is
        pane = self.printed("\\033[3g\\033[1;6H\\033H\\033[1;21H\\033H\\033[1;1H")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs}"), "5,20")
        # and a tab goes to them
        pane = self.printed("\\033[3g\\033[1;6H\\033H\\033[1;21H\\033H\\r\\t\\t")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs} #{cursor_x}"), "5,20 20")
        # HTS after text written where the cursor is (plain text first)
        pane = self.printed("\\033[3gabc\\033Hdefghij\\033H\\r\\n")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs}"), "3,10")
        # TBC 0 clears the one at the cursor
        pane = self.printed("\\033[1;17H\\033[g\\033[0g\\033[1;1H")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs}"), TABS.replace("16,", ""))
        pane = self.printed("\\033[3g")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs}"), "")
        # RIS puts them back
        pane = self.printed("\\033[3g\\033[1;6H\\033H\\033c")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs}"), TABS)
        # so does a new width: every 8 columns of it, as in tmux
        pane = self.printed("\\033[3g\\033[1;6H\\033H")
        self.pm.run("resize-window", "-t", pane, "-x", "100")
        pmuxtest.wait_for(lambda: self.pm.display(pane, "#{pane_width}") == "100",
                          msg="the pane resized")
        self.assertEqual(self.pm.display(pane, "#{pane_tabs}"), TABS + ",80,88,96")

    def test_sequences_split_across_reads(self):
        pane = self.pane("printf '\\033'; sleep 0.2; printf '[4'; sleep 0.2; printf 'h\\033'; "
                         "sleep 0.2; printf '='; printf '\\033[5;'; sleep 0.2; printf '9r'")
        self.assertEqual(self.values(pane, MODES),
                         dict(DEFAULTS, insert_flag="1", keypad_flag="1",
                              scroll_region_upper="4", scroll_region_lower="8"))

    def test_command_and_config_files(self):
        pm = self.pm
        self.assertEqual(pm.display("s", "#{command}|#{config_files}"),
                         "display-message|" + pm.config)
        self.assertEqual(pm.run("list-panes", "-t", "s:0", "-F", "#{command}").strip(),
                         "list-panes")
        self.assertEqual(pm.run("list-sessions", "-F", "#{command}").strip(), "list-sessions")
        self.assertEqual(pm.run("new-window", "-d", "-P", "-F", "#{command}", "-t", "s:",
                                "sleep", "100000").strip(), "new-window")
        pm.note_panes()
        self.assertEqual(pm.run("if-shell", "-F", "#{==:#{command},if-shell}",
                                "display -p yes", "display -p no").strip(), "yes")
        # in a hook, the command the hook runs
        pm.run("set-hook", "-g", "after-new-window", "set -Fg @x '#{command}|#{hook}'")
        pm.run("new-window", "-d", "-t", "s:", "sleep", "100000")
        pm.note_panes()
        pmuxtest.wait_for(lambda: pm.run("show-options", "-gqv", "@x").strip() != "",
                          msg="the hook ran")
        self.assertEqual(pm.run("show-options", "-gv", "@x").strip(),
                         "set-option|after-new-window")
        # nothing outside a command: a format stored and expanded later
        pm.run("set", "-g", "@y", "[#{command}]")
        self.assertEqual(pm.display("s", "#{E:@y}"), "[display-message]")
        # the file being run (tmux has none yet when a %if is parsed)
        conf = os.path.join(pm.tmp, "more.conf")
        with open(conf, "w") as f:
            f.write("set -Fg @cf '#{current_file}|#{command}'\n"
                    "%if #{current_file}\nset -g @in yes\n%endif\n")
        pm.run("source-file", conf)
        self.assertEqual(pm.run("show-options", "-gv", "@cf").strip(), conf + "|set-option")
        self.assertEqual(pm.cmd("show-options", "-gv", "@in").rc, 1)
        self.assertEqual(pm.display("s", "[#{current_file}]"), "[]")

    def test_dead_pane_and_respawn(self):
        pm = self.pm
        pm.run("set", "-g", "remain-on-exit", "on")
        pane = pm.run("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "s:", "sh", "-c",
                      "printf '\\033[4h\\033=\\033[?1000;1006h\\033[3g\\033[2;4rbye'; "
                      "exit 3").strip()
        pm.note_panes()
        pmuxtest.wait_for(lambda: pm.display(pane, "#{pane_dead}") == "1", msg="a dead pane")
        # the note on the last row, after a line feed, the cursor hidden
        self.assertEqual(pm.display(pane, "#{cursor_x},#{cursor_y} #{cursor_flag} "
                                    "#{cursor_character} #{pane_dead_status}"), "0,23 0 P 3")
        # a new program gets a terminal as new
        pm.run("respawn-pane", "-t", pane, "sleep", "100000")
        pm.note_panes()
        want = dict(DEFAULTS, mouse_any_flag="0", cursor_flag="1", pane_tabs=TABS)
        self.assertEqual(self.values(pane, list(want)), want)

    def test_line_and_newest_buffer(self):
        pm = self.pm
        pm.run("split-window", "-d", "-t", "s", "sleep", "100000")
        pm.new_session("t", "sleep", "100000", x=80, y=24)
        pm.note_panes()
        # line: the item's place among its window's panes, session's windows
        self.assertEqual(pm.run("list-panes", "-a", "-F", "#{line}").split(), ["0", "1", "0"])
        self.assertEqual(pm.run("list-sessions", "-F", "#{line}").split(), ["0", "1"])
        self.assertEqual(pm.display("s", "[#{line}]"), "[]")
        # outside list-buffers, the buffer variables are the newest buffer's
        self.assertEqual(pm.display("s", "[#{buffer_name}]"), "[]")
        pm.run("set-buffer", "-b", "one", "first")
        pm.run("set-buffer", "-b", "two", "2nd")
        self.assertEqual(pm.display("s", "#{buffer_name}:#{buffer_size}"), "two:3")
        self.assertEqual(pm.run("list-windows", "-t", "t", "-F", "#{buffer_sample}").strip(),
                         "2nd")
        self.assertEqual(pm.run("list-buffers", "-F", "#{buffer_name}|#{line}").split(),
                         ["two|", "one|"])

    def test_pane_path(self):
        pane = self.printed("\\033]7;file://host/tmp/somewhere\\007")
        self.assertEqual(self.pm.display(pane, "#{pane_path}"), "file://host/tmp/somewhere")
        self.assertEqual(self.pm.display("s", "[#{pane_path}]"), "[]")

    def test_copy_mode_variables(self):
        pm = self.pm
        pane = self.pane("seq 1 30 | sed 's/^/word /'; printf 'foo bar-baz qux'")
        names = ("selection_present selection_active rectangle_toggle search_present "
                 "copy_cursor_x copy_cursor_y copy_cursor_word copy_cursor_line").split()
        self.assertEqual(self.values(pane, names + ["search_match"])["copy_cursor_x"], "")
        pm.run("copy-mode", "-t", pane)
        for _ in range(5):
            pm.run("send-keys", "-t", pane, "-X", "cursor-left")
        self.assertEqual(self.values(pane, names), dict(zip(names, (
            "0", "0", "0", "0", "10", "23", "baz", "foo bar-baz qux"))))
        pm.run("send-keys", "-t", pane, "-X", "begin-selection")
        pm.run("send-keys", "-t", pane, "-X", "cursor-right")
        pm.run("send-keys", "-t", pane, "-X", "rectangle-toggle")
        sel = ("selection_start_x selection_start_y selection_end_x selection_end_y").split()
        # lines counted from the oldest line of the history (7 lines of it)
        self.assertEqual(self.values(pane, names[:4] + sel), dict(zip(names[:4] + sel, (
            "1", "1", "1", "0", "10", "30", "11", "30"))))
        pm.run("send-keys", "-t", pane, "-X", "clear-selection")
        pm.run("send-keys", "-t", pane, "-X", "search-backward", "word 2")
        got = self.values(pane, names + ["search_match"])
        self.assertEqual((got["search_present"], got["search_match"], got["copy_cursor_line"],
                          got["copy_cursor_word"]), ("1", "word 2", "word 29", "word"))
        # the top row of the view ends in the position indicator, as in tmux
        pm.run("send-keys", "-t", pane, "-X", "top-line")
        self.assertEqual(pm.display(pane, "#{copy_cursor_line}"), "word 8".ljust(75) + "[0/7]")

    def test_window_stack(self):
        pm = self.pm
        for _ in range(3):
            pm.run("new-window", "-t", "s:", "sleep", "100000")
        pm.note_panes()
        for w in ("1", "3", "0"):
            pm.run("select-window", "-t", "s:" + w)
        self.assertEqual(pm.run("list-windows", "-t", "s", "-F",
                                "#{window_index}:#{window_stack_index}").split(),
                         ["0:0", "1:2", "2:3", "3:1"])
        self.assertEqual(pm.display("s", "#{session_stack}"), "0,3,1,2")
        self.assertEqual(pm.display("s", "#{window_cell_width}x#{window_cell_height}"), "16x32")

    def test_display_client_variables(self):
        pm = self.pm
        names = ["client_session", "client_width", "client_height", "client_cell_width",
                 "client_readonly"]
        fmt = "|".join("#{%s}" % n for n in names)
        # no client attached: none
        self.assertEqual(pm.display("s", fmt), "||||")
        c = AttachedClient(pm, "attach", "-t", "s", rows=24, cols=80)
        pmuxtest.wait_for(lambda: pm.run("list-clients", "-F", "#{client_tty}").strip()
                          == c.tty, msg="the client attached")
        pm.new_session("t", "sleep", "100000", x=80, y=24)
        # a command from outside: the attached client, whatever the target
        self.assertEqual(pm.display("t", fmt), "s|80|24|0|0")
        self.assertEqual(pm.run("display-message", "-p", "-c", c.tty, "-t", "t",
                                "#{client_tty}|#{session_name}").strip(), c.tty + "|t")
        # a second client: listed after the first, as tmux
        c2 = AttachedClient(pm, "attach", "-r", "-t", "s", rows=24, cols=80)
        pmuxtest.wait_for(lambda: c2.tty in pm.run("list-clients", "-F", "#{client_tty}"),
                          msg="the second client attached")
        self.assertEqual(pm.display("s", "#{session_attached_list}"), c.tty + "," + c2.tty)
        self.assertEqual(pm.run("display-message", "-p", "-c", c2.tty,
                                "#{client_readonly}|#{client_discarded}").strip(), "1|0")


if __name__ == "__main__":
    pmuxtest.main()
