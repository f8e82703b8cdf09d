#!/usr/bin/env python3
"""History: 100,000 lines of output are all kept, in order, with
history-limit 200000; the limit trims the oldest lines; the default limit; clear-history."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402


def consecutive_run(lines, first, last):
    """Index where the lines str(first)..str(last) appear consecutively, or a
    description of what went wrong."""
    want = [str(i) for i in range(first, last + 1)]
    try:
        start = lines.index(str(first))
    except ValueError:
        return None, "line %r not found" % str(first)
    got = lines[start:start + len(want)]
    if got == want:
        return start, None
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return None, "after %r expected %r, got %r (context %r)" % (
                want[i - 1] if i else None, w, g, got[max(0, i - 3):i + 3])
    return None, "only %d of %d lines" % (len(got), len(want))


class BigHistory(pmuxtest.PmuxTestCase):

    config_text = "set -g history-limit 200000\n"

    def test_100000_lines_in_order(self):
        pm = self.pm
        pm.shell_session("h")
        self.assertEqual(pm.display("h", "#{history_limit}"), "200000")
        pm.type("h", "seq 1 100000; echo EN''D")
        pm.wait_line("h", "END", timeout=120)
        pm.wait_prompt("h")
        wait_for(lambda: int(pm.display("h", "#{history_size}")) >= 100000 - 40,
                 msg="history_size >= 99960")
        text = pm.run("capture-pane", "-p", "-S", "-", "-E", "-", "-t", "h")
        lines = [l.rstrip() for l in text.split("\n")]
        start, err = consecutive_run(lines, 1, 100000)
        self.assertIsNone(err, "capture-pane -S - -E -: " + str(err))
        self.assertEqual(lines[start + 100000], "END")
        # the command line is just above
        self.assertTrue(lines[start - 1].endswith("seq 1 100000; echo EN''D"), lines[start - 1])
        # -S - alone (history start to the visible bottom) gives the same
        text2 = pm.run("capture-pane", "-p", "-S", "-", "-t", "h")
        lines2 = [l.rstrip() for l in text2.split("\n")]
        self.assertIsNone(consecutive_run(lines2, 1, 100000)[1])


class HistoryLimit(pmuxtest.PmuxTestCase):

    config_text = "set -g history-limit 500\n"

    def test_limit_trims_oldest(self):
        pm = self.pm
        pm.shell_session("h", y=40)
        self.assertEqual(pm.display("h", "#{history_limit}"), "500")
        pm.type("h", "seq 1 5000; echo EN''D")
        pm.wait_line("h", "END")
        pm.wait_prompt("h")
        hs = int(pm.display("h", "#{history_size}"))
        self.assertLessEqual(hs, 500)
        self.assertGreaterEqual(hs, 400, "history should be (nearly) full")
        text = pm.run("capture-pane", "-p", "-S", "-", "-E", "-", "-t", "h")
        lines = [l.rstrip() for l in text.split("\n")]
        self.assertNotIn("1", lines)
        self.assertNotIn("4000", lines)
        first = int(lines[0])
        self.assertGreater(first, 4400)
        start, err = consecutive_run(lines, first, 5000)
        self.assertIsNone(err, err)
        self.assertEqual(start, 0)
        self.assertLessEqual(len([l for l in lines if l]), 500 + 40)


class DefaultHistory(pmuxtest.PmuxTestCase):

    def test_default_limit_and_capture_ranges(self):
        pm = self.pm
        pm.shell_session("h", y=20)
        self.assertEqual(pm.display("h", "#{history_limit}"), str(pmuxtest.DEFAULT_HISTORY_LIMIT))
        self.assertEqual(pm.display("h", "#{history_size}"), "0")
        pm.type("h", "seq 1 100; echo EN''D")
        pm.wait_line("h", "END")
        pm.wait_prompt("h")
        hs = int(pm.display("h", "#{history_size}"))
        self.assertGreater(hs, 80)
        # list-panes' default line, as tmux's: size, history and its bytes
        hb = int(pm.display("h", "#{history_bytes}"))
        self.assertGreater(hb, hs * 3)  # at least "NN\n"-sized lines
        self.assertIn("[history %d/%d, %d bytes]" % (hs, pmuxtest.DEFAULT_HISTORY_LIMIT, hb),
                      pm.run("list-panes", "-t", "h"))
        # the visible screen: the last 20 lines
        vis = [l.rstrip() for l in pm.capture("h").split("\n")]
        self.assertIn("END", vis)
        self.assertNotIn("50", vis)
        # -S -N: N lines of history above the screen
        part = [l.rstrip() for l in pm.capture("h", "-S", "-10").split("\n")]
        self.assertNotIn("50", part)
        self.assertIn("99", part)
        # -S 0 -E 0: only the first visible line
        one = pm.capture("h", "-S", "0", "-E", "0").rstrip("\n").split("\n")
        self.assertEqual(len(one), 1, one)
        self.assertEqual(one[0].rstrip(), vis[0])

    def test_clear_history(self):
        pm = self.pm
        pm.shell_session("h", y=20)
        pm.type("h", "seq 1 100; echo EN''D")
        pm.wait_line("h", "END")
        pm.wait_prompt("h")
        vis = pm.capture("h")
        self.assertGreater(int(pm.display("h", "#{history_size}")), 80)
        pm.run("copy-mode", "-t", "h")
        self.assertEqual(pm.display("h", "#{pane_in_mode}"), "1")
        pm.run("clearhist", "-t", "h")
        # the history is gone, the screen is not; copy mode was left, as tmux
        self.assertEqual(pm.display("h", "#{history_size}"), "0")
        self.assertEqual(pm.display("h", "#{pane_in_mode}"), "0")
        self.assertEqual(pm.capture("h"), vis)
        self.assertNotIn("50", pm.capture("h", "-S", "-100").split())
        r = pm.cmd("clear-history", "-t", "nosuch")
        self.assertEqual(r.rc, 1)
        self.assertIn("nosuch", r.err)


class ScrollOnClear(pmuxtest.PmuxTestCase):
    """ED 2 (bash's C-l) puts the screen into the history first, as tmux's
    scroll-on-clear; never from the alternate screen."""

    def run_clear(self, name, prelude="", then=()):
        pm = self.pm
        pm.run("new-session", "-d", "-s", name, "-x", "40", "-y", "10",
               "printf '%sl1\\nl2\\nl3\\n'; sleep 0.5; printf '\\033[2J\\033[Hdone'; "
               "sleep 100" % prelude, *then)
        wait_for(lambda: "done" in pm.capture(name), msg="the clear and the text after it",
                 describe=lambda: pm.capture(name))
        return pm.display(name, "#{history_size}")

    def test_lines_go_to_history(self):
        self.assertEqual(self.run_clear("on"), "3")
        lines = [l for l in self.pm.run("capture-pane", "-p", "-S", "-", "-t", "on").split("\n")
                 if l.strip()]
        self.assertEqual(lines, ["l1", "l2", "l3", "done"])

    def test_off(self):
        self.assertEqual(self.run_clear("off", then=(";", "set-option", "-g", "scroll-on-clear",
                                                     "off")), "0")

    def test_not_from_alternate_screen(self):
        self.assertEqual(self.run_clear("alt", prelude="\\033[?1049h"), "0")


class AlternateScreenOff(pmuxtest.PmuxTestCase):
    """alternate-screen off: 1049 and the like are ignored, the rest of
    their sequence applies, and the program's screen stays in the pane."""

    def test_off(self):
        pm = self.pm
        pm.run("new-session", "-d", "-s", "A", "-x", "40", "-y", "10",
               "sleep 0.5; printf 'before\\n\\033[?1049;25hon-alt\\n\\033[?25l\\033[?1049lafter'; "
               "sleep 100", ";", "set-option", "-g", "alternate-screen", "off")
        wait_for(lambda: "after" in pm.capture("A"), msg="the program's output",
                 describe=lambda: pm.capture("A"))
        self.assertEqual([l for l in pm.capture("A").split("\n") if l.strip()],
                         ["before", "on-alt", "after"])
        self.assertEqual(pm.display("A", "#{alternate_on}"), "0")
        # the other mode in the sequence still applied (25: cursor hidden)
        self.assertEqual(pm.display("A", "#{cursor_flag}"), "0")

    def test_on(self):
        pm = self.pm
        pm.run("new-session", "-d", "-s", "B", "-x", "40", "-y", "10",
               "printf 'before\\n\\033[?1049hon-alt'; sleep 100")
        wait_for(lambda: "on-alt" in pm.capture("B"), msg="the alternate screen",
                 describe=lambda: pm.capture("B"))
        self.assertNotIn("before", pm.capture("B"))
        self.assertEqual(pm.display("B", "#{alternate_on}"), "1")


if __name__ == "__main__":
    pmuxtest.main()
