#!/usr/bin/env python3
"""Layouts and pane/window arrangement: select-layout presets and strings,
next/previous-layout, resize-pane (with zoom), swap-pane, break-pane,
join-pane, move-window, swap-window, renumbering. Every expected string and
geometry was measured with tmux 3.3a; the suite passes against tmux too
(PMUX_BIN=/usr/bin/tmux)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402

GEOM = "#{pane_id} #{pane_left} #{pane_top} #{pane_width} #{pane_height}"

# (width, height, panes, preset, #{window_layout}) from tmux 3.3a: new -d -x W
# -y H, then n-1 times "split-window; select-layout tiled", then the preset.
PRESETS = [
    (120, 40, 2, "even-horizontal",
     "010e,120x40,0,0{59x40,0,0,0,60x40,60,0,1}"),
    (120, 40, 2, "even-vertical",
     "d62a,120x40,0,0[120x19,0,0,0,120x20,0,20,1]"),
    (120, 40, 2, "main-horizontal",
     "56ab,120x40,0,0[120x24,0,0,0,120x15,0,25,1]"),
    (120, 40, 2, "main-vertical",
     "02fe,120x40,0,0{80x40,0,0,0,39x40,81,0,1}"),
    (120, 40, 2, "tiled",
     "d62a,120x40,0,0[120x19,0,0,0,120x20,0,20,1]"),
    (120, 40, 3, "even-horizontal",
     "a754,120x40,0,0{39x40,0,0,0,39x40,40,0,1,40x40,80,0,2}"),
    (120, 40, 3, "even-vertical",
     "8b9d,120x40,0,0[120x12,0,0,0,120x12,0,13,1,120x14,0,26,2]"),
    (120, 40, 3, "main-horizontal",
     "c8e9,120x40,0,0[120x24,0,0,0,120x15,0,25{59x15,0,25,1,60x15,60,25,2}]"),
    (120, 40, 3, "main-vertical",
     "1e7f,120x40,0,0{80x40,0,0,0,39x40,81,0[39x19,81,0,1,39x20,81,20,2]}"),
    (120, 40, 3, "tiled",
     "56f7,120x40,0,0[120x19,0,0{59x19,0,0,0,60x19,60,0,1},120x20,0,20,2]"),
    (120, 40, 4, "even-horizontal",
     "29f9,120x40,0,0{29x40,0,0,0,29x40,30,0,1,29x40,60,0,2,30x40,90,0,3}"),
    (120, 40, 4, "even-vertical",
     "1a3a,120x40,0,0[120x9,0,0,0,120x9,0,10,1,120x9,0,20,2,120x10,0,30,3]"),
    (120, 40, 4, "main-horizontal",
     "3565,120x40,0,0[120x24,0,0,0,120x15,0,25{39x15,0,25,1,39x15,40,25,2,40x15,80,25,3}]"),
    (120, 40, 4, "main-vertical",
     "0f1f,120x40,0,0{80x40,0,0,0,39x40,81,0[39x12,81,0,1,39x12,81,13,2,39x14,81,26,3]}"),
    (120, 40, 4, "tiled",
     "81a9,120x40,0,0[120x19,0,0{59x19,0,0,0,60x19,60,0,1},120x20,0,20{59x20,0,20,2,60x20,60,20,3}]"),
    (120, 40, 5, "even-horizontal",
     "fe3b,120x40,0,0{23x40,0,0,0,23x40,24,0,1,23x40,48,0,2,23x40,72,0,3,24x40,96,0,4}"),
    (120, 40, 5, "even-vertical",
     "a731,120x40,0,0[120x7,0,0,0,120x7,0,8,1,120x7,0,16,2,120x7,0,24,3,120x8,0,32,4]"),
    (120, 40, 5, "main-horizontal",
     "171f,120x40,0,0[120x24,0,0,0,120x15,0,25{29x15,0,25,1,29x15,30,25,2,29x15,60,25,3,30x15,90,25,4}]"),
    (120, 40, 5, "main-vertical",
     "3826,120x40,0,0{80x40,0,0,0,39x40,81,0[39x9,81,0,1,39x9,81,10,2,39x9,81,20,3,39x10,81,30,4]}"),
    (120, 40, 5, "tiled",
     "487f,120x40,0,0[120x12,0,0{59x12,0,0,0,60x12,60,0,1},120x12,0,13{59x12,0,13,2,60x12,60,13,3},120x14,0,26,4]"),
    (120, 40, 6, "even-horizontal",
     "3645,120x40,0,0{19x40,0,0,0,19x40,20,0,1,19x40,40,0,2,19x40,60,0,3,19x40,80,0,4,20x40,100,0,5}"),
    (120, 40, 6, "even-vertical",
     "a525,120x40,0,0[120x5,0,0,0,120x5,0,6,1,120x5,0,12,2,120x5,0,18,3,120x5,0,24,4,120x10,0,30,5]"),
    (120, 40, 6, "main-horizontal",
     "3cb5,120x40,0,0[120x24,0,0,0,120x15,0,25{23x15,0,25,1,23x15,24,25,2,23x15,48,25,3,23x15,72,25,4,24x15,96,25,5}]"),
    (120, 40, 6, "main-vertical",
     "50a6,120x40,0,0{80x40,0,0,0,39x40,81,0[39x7,81,0,1,39x7,81,8,2,39x7,81,16,3,39x7,81,24,4,39x8,81,32,5]}"),
    (120, 40, 6, "tiled",
     "4b4a,120x40,0,0[120x12,0,0{59x12,0,0,0,60x12,60,0,1},120x12,0,13{59x12,0,13,2,60x12,60,13,3},120x14,0,26{59x14,0,26,4,60x14,60,26,5}]"),
    (80, 24, 2, "even-horizontal",
     "89f5,80x24,0,0{39x24,0,0,0,40x24,40,0,1}"),
    (80, 24, 2, "even-vertical",
     "9295,80x24,0,0[80x11,0,0,0,80x12,0,12,1]"),
    (80, 24, 2, "main-horizontal",
     "d89e,80x24,0,0[80x22,0,0,0,80x1,0,23,1]"),
    (80, 24, 2, "main-vertical",
     "0bdf,80x24,0,0{78x24,0,0,0,1x24,79,0,1}"),
    (80, 24, 2, "tiled",
     "9295,80x24,0,0[80x11,0,0,0,80x12,0,12,1]"),
    (80, 24, 3, "even-horizontal",
     "9bb2,80x24,0,0{26x24,0,0,0,26x24,27,0,1,26x24,54,0,2}"),
    (80, 24, 3, "even-vertical",
     "e470,80x24,0,0[80x7,0,0,0,80x7,0,8,1,80x8,0,16,2]"),
    (80, 24, 3, "main-horizontal",
     "df9b,80x24,0,0[80x22,0,0,0,80x1,0,23{39x1,0,23,1,40x1,40,23,2}]"),
    (80, 24, 3, "main-vertical",
     "b0a5,80x24,0,0{78x24,0,0,0,1x24,79,0[1x11,79,0,1,1x12,79,12,2]}"),
    (80, 24, 3, "tiled",
     "a7cf,80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12,2]"),
    (80, 24, 4, "even-horizontal",
     "764c,80x24,0,0{19x24,0,0,0,19x24,20,0,1,19x24,40,0,2,20x24,60,0,3}"),
    (80, 24, 4, "even-vertical",
     "a0c0,80x24,0,0[80x5,0,0,0,80x5,0,6,1,80x5,0,12,2,80x6,0,18,3]"),
    (80, 24, 4, "main-horizontal",
     "4317,80x24,0,0[80x22,0,0,0,80x1,0,23{26x1,0,23,1,26x1,27,23,2,26x1,54,23,3}]"),
    (80, 24, 4, "main-vertical",
     "5624,80x24,0,0{78x24,0,0,0,1x24,79,0[1x7,79,0,1,1x7,79,8,2,1x8,79,16,3]}"),
    (80, 24, 4, "tiled",
     "30d6,80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12{39x12,0,12,2,40x12,40,12,3}]"),
    (80, 24, 5, "even-horizontal",
     "5a25,80x24,0,0{15x24,0,0,0,15x24,16,0,1,15x24,32,0,2,15x24,48,0,3,16x24,64,0,4}"),
    (80, 24, 5, "even-vertical",
     "fe20,80x24,0,0[80x4,0,0,0,80x4,0,5,1,80x4,0,10,2,80x4,0,15,3,80x4,0,20,4]"),
    (80, 24, 5, "main-horizontal",
     "344f,80x24,0,0[80x22,0,0,0,80x1,0,23{19x1,0,23,1,19x1,20,23,2,19x1,40,23,3,20x1,60,23,4}]"),
    (80, 24, 5, "main-vertical",
     "e3fc,80x24,0,0{78x24,0,0,0,1x24,79,0[1x5,79,0,1,1x5,79,6,2,1x5,79,12,3,1x6,79,18,4]}"),
    (80, 24, 5, "tiled",
     "8bcd,80x24,0,0[80x7,0,0{39x7,0,0,0,40x7,40,0,1},80x7,0,8{39x7,0,8,2,40x7,40,8,3},80x8,0,16,4]"),
    (80, 24, 6, "even-horizontal",
     "de52,80x24,0,0{12x24,0,0,0,12x24,13,0,1,12x24,26,0,2,12x24,39,0,3,12x24,52,0,4,15x24,65,0,5}"),
    (80, 24, 6, "even-vertical",
     "c014,80x24,0,0[80x3,0,0,0,80x3,0,4,1,80x3,0,8,2,80x3,0,12,3,80x3,0,16,4,80x4,0,20,5]"),
    (80, 24, 6, "main-horizontal",
     "c578,80x24,0,0[80x22,0,0,0,80x1,0,23{15x1,0,23,1,15x1,16,23,2,15x1,32,23,3,15x1,48,23,4,16x1,64,23,5}]"),
    (80, 24, 6, "main-vertical",
     "4b1f,80x24,0,0{78x24,0,0,0,1x24,79,0[1x4,79,0,1,1x4,79,5,2,1x4,79,10,3,1x4,79,15,4,1x4,79,20,5]}"),
    (80, 24, 6, "tiled",
     "5297,80x24,0,0[80x7,0,0{39x7,0,0,0,40x7,40,0,1},80x7,0,8{39x7,0,8,2,40x7,40,8,3},80x8,0,16{39x8,0,16,4,40x8,40,16,5}]"),
]


class Layouts(pmuxtest.PmuxTestCase):

    def window(self, x=120, y=40, panes=1):
        """A session "s" of panes running sleep, split as the tmux figures were."""
        self.pm.new_session("s", "sleep", "1000", x=x, y=y)
        for _ in range(panes - 1):
            self.pm.run("split-window", "-t", "s", "sleep", "1000")
            self.pm.run("select-layout", "-t", "s", "tiled")
        self.pm.note_panes()

    def layout(self, target="s"):
        return self.pm.display(target, "#{window_layout}")

    def geometry(self, target="s"):
        out = self.pm.run("list-panes", "-t", target, "-F", GEOM)
        return out.splitlines()

    def test_presets_like_tmux(self):
        servers = {}
        for x, y, n, name, want in PRESETS:
            key = (x, y, n)
            if key not in servers:
                if servers:
                    self.pm.cleanup()
                    self.pm = pmuxtest.Pmux()
                    self.addCleanup(self.pm.cleanup)
                servers[key] = True
                self.window(x, y, n)
            self.pm.run("select-layout", "-t", "s", name)
            self.assertEqual(self.layout(), want, "%dx%d, %d panes, %s" % (x, y, n, name))

    def test_other_pane_sizes(self):
        # other-pane-height/-width: the other panes' size in the main
        # layouts, the main pane growing to make room (cells, or % of the
        # window); sizes as tmux 3.3a gives them
        self.window(x=80, y=40, panes=3)
        sizes = lambda: self.pm.run("list-panes", "-t", "s", "-F",
                                    "#{pane_width}x#{pane_height}").split()
        self.pm.run("set-option", "-w", "-t", "s", "other-pane-height", "5")
        self.pm.run("select-layout", "-t", "s", "main-horizontal")
        self.assertEqual(sizes(), ["80x34", "39x5", "40x5"])
        self.pm.run("set-option", "-w", "-t", "s", "other-pane-height", "25%")
        self.pm.run("select-layout", "-t", "s", "main-horizontal")
        self.assertEqual(sizes(), ["80x30", "39x9", "40x9"])
        self.pm.run("set-option", "-w", "-t", "s", "main-pane-width", "20")
        self.pm.run("set-option", "-w", "-t", "s", "other-pane-width", "30")
        self.pm.run("select-layout", "-t", "s", "main-vertical")
        self.assertEqual(sizes(), ["49x40", "30x19", "30x20"])

    def test_alias_and_prefix(self):
        self.window(panes=3)
        self.pm.run("selectl", "-t", "s", "even-h")
        self.assertEqual(self.layout(), "a754,120x40,0,0{39x40,0,0,0,39x40,40,0,1,40x40,80,0,2}")
        r = self.pm.cmd("select-layout", "-t", "s", "main")   # ambiguous
        self.assertEqual(r.rc, 1, r)

    def test_next_and_previous_layout(self):
        self.window(panes=4)
        self.pm.run("select-layout", "-t", "s", "tiled")
        self.pm.run("next-layout", "-t", "s")         # wraps to the first
        self.assertEqual(self.layout(),
                         "29f9,120x40,0,0{29x40,0,0,0,29x40,30,0,1,29x40,60,0,2,30x40,90,0,3}")
        self.pm.run("previous-layout", "-t", "s")
        self.pm.run("prevl", "-t", "s")
        self.assertEqual(self.layout(),
                         "0f1f,120x40,0,0{80x40,0,0,0,39x40,81,0[39x12,81,0,1,39x12,81,13,2,"
                         "39x14,81,26,3]}")
        self.pm.run("select-layout", "-n", "-t", "s")
        self.assertEqual(self.layout(),
                         "81a9,120x40,0,0[120x19,0,0{59x19,0,0,0,60x19,60,0,1},120x20,0,20"
                         "{59x20,0,20,2,60x20,60,20,3}]")

    def test_main_pane_options(self):
        self.window(panes=3)
        self.pm.run("set-option", "-g", "main-pane-width", "50%")
        self.pm.run("select-layout", "-t", "s", "main-vertical")
        self.assertEqual(self.geometry()[0], "%0 0 0 59 40")
        self.pm.run("set-option", "-g", "main-pane-height", "10")
        self.pm.run("select-layout", "-t", "s", "main-horizontal")
        self.assertEqual(self.geometry()[0], "%0 0 0 120 10")

    def test_layout_string_round_trip(self):
        self.window(panes=4)
        nested = ("d099,120x40,0,0{60x40,0,0,0,59x40,61,0[59x20,61,0,1,59x19,61,21"
                  "{29x19,61,21,2,29x19,91,21,3}]}")
        self.pm.run("select-layout", "-t", "s", nested)
        self.assertEqual(self.layout(), nested)
        self.assertEqual(self.geometry(), ["%0 0 0 60 40", "%1 61 0 59 20",
                                           "%2 61 21 29 19", "%3 91 21 29 19"])
        # What the window had before, through tmuxp's path: read, change, apply.
        self.pm.run("select-layout", "-t", "s", "tiled")
        tiled = self.layout()
        self.pm.run("select-layout", "-t", "s", nested)
        self.pm.run("select-layout", "-t", "s", tiled)
        self.assertEqual(self.layout(), tiled)

    def test_bad_layout_strings_change_nothing(self):
        self.window(panes=2)
        before = self.layout()
        for bad in ["f91e,120x40,0,0{60x40,0,0,0,59x40,61,0,1}",      # checksum
                    "f141,120x40,0,0{60x40,0,0,0,59x40,61,0,1",       # syntax
                    "019e,120x40,0,0{60x40,0,0,0,59x39,61,0,1}"] + (  # sizes
                        ["nonsense", "f91d", ""] if pmuxtest.flavor() == "pmux" else []):
            # (tmux 3.3a's server dies on "nonsense": pmux only.)
            r = self.pm.cmd("select-layout", "-t", "s", bad)
            self.assertEqual(r.rc, 1, r)
            if bad:
                self.assertIn(bad, r.err)
            self.assertEqual(self.layout(), before, bad)
        # One cell for two panes.
        r = self.pm.cmd("select-layout", "-t", "s", "aafd,120x40,0,0,0")
        self.assertEqual(r.rc, 1, r)
        self.assertIn("have 2 panes but need 1", r.err)
        # Three cells for two panes: tmux closes the bottom-right one.
        self.pm.run("select-layout", "-t", "s",
                    "bbd4,120x40,0,0{60x40,0,0,0,29x40,61,0,1,29x40,91,0,2}")
        self.assertEqual(self.layout(), "f91d,120x40,0,0{60x40,0,0,0,59x40,61,0,1}")

    def test_resize_pane(self):
        self.window(panes=4)
        steps = [
            ("resizep -t %0 -x 30", "219e,120x40,0,0[120x19,0,0{30x19,0,0,0,89x19,31,0,1},"
             "120x20,0,20{59x20,0,20,2,60x20,60,20,3}]"),
            ("resizep -t %3 -U 5", "4ada,120x40,0,0[120x14,0,0{30x14,0,0,0,89x14,31,0,1},"
             "120x25,0,15{59x25,0,15,2,60x25,60,15,3}]"),
            ("resizep -t %1 -L 7", "a2e6,120x40,0,0[120x14,0,0{23x14,0,0,0,96x14,24,0,1},"
             "120x25,0,15{59x25,0,15,2,60x25,60,15,3}]"),
            ("resizep -t %2 -y 10", "c192,120x40,0,0[120x29,0,0{23x29,0,0,0,96x29,24,0,1},"
             "120x10,0,30{59x10,0,30,2,60x10,60,30,3}]"),
            ("resizep -t %2 -R 200", "70d7,120x40,0,0[120x29,0,0{23x29,0,0,0,96x29,24,0,1},"
             "120x10,0,30{118x10,0,30,2,1x10,119,30,3}]"),
            ("resizep -t %0 -D 3", "087b,120x40,0,0[120x32,0,0{23x32,0,0,0,96x32,24,0,1},"
             "120x7,0,33{118x7,0,33,2,1x7,119,33,3}]"),
            ("resizep -t %3 -x 50%", "a56f,120x40,0,0[120x32,0,0{23x32,0,0,0,96x32,24,0,1},"
             "120x7,0,33{59x7,0,33,2,60x7,60,33,3}]"),
        ]
        self.pm.run("select-layout", "-t", "s", "tiled")
        for cmd, want in steps:
            self.pm.run(*cmd.split())
            self.assertEqual(self.layout(), want, cmd)
        r = self.pm.cmd("resize-pane", "-t", "%0", "-L", "x")
        self.assertEqual(r.rc, 1, r)

    def test_zoom(self):
        self.window(panes=3)
        before, geom = self.layout(), self.geometry()
        self.pm.run("resize-pane", "-Z", "-t", "%1")
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%1")
        self.assertIn("%1 0 0 120 40", self.geometry())
        self.assertEqual(self.layout(), before, "window_layout is the layout under the zoom")
        self.pm.run("resize-pane", "-Z", "-t", "s")
        self.assertEqual(self.geometry(), geom)
        # Selecting another pane unzooms, as does a split.
        self.pm.run("resize-pane", "-Z", "-t", "%1")
        self.pm.run("select-pane", "-t", "%0")
        self.assertEqual(self.geometry(), geom)
        self.pm.run("resize-pane", "-Z", "-t", "%0")
        self.pm.run("split-window", "-t", "%0", "sleep", "1000")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag}"), "0")
        self.assertNotIn("%0 0 0 120 40", self.geometry())
        # A single pane cannot zoom.
        self.pm.run("kill-pane", "-a", "-t", "%0")
        self.pm.run("resize-pane", "-Z", "-t", "%0")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag}"), "0")

    def test_zoomed_flag(self):
        self.window(panes=2)
        self.pm.run("resize-pane", "-Z", "-t", "%0")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag}"), "1")
        self.assertIn("Z", self.pm.display("s", "#{window_flags}"))
        self.assertEqual(self.pm.display("s", "#{window_visible_layout}"), "aafd,120x40,0,0,0")
        self.pm.run("resize-pane", "-Z", "-t", "%0")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag}"), "0")

    def test_swap_pane(self):
        self.window(panes=4)
        self.pm.run("select-layout", "-t", "s", "tiled")
        self.pm.run("select-pane", "-t", "%3")
        self.pm.run("swap-pane", "-s", "%0", "-t", "%3")
        self.assertEqual(self.geometry(), ["%3 0 0 59 19", "%1 60 0 60 19",
                                           "%2 0 20 59 20", "%0 60 20 60 20"])
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%3")
        self.pm.run("swap-pane", "-D", "-t", "%3")
        self.assertEqual(self.geometry(), ["%1 0 0 59 19", "%3 60 0 60 19",
                                           "%2 0 20 59 20", "%0 60 20 60 20"])
        self.pm.run("swap-pane", "-U", "-d", "-t", "%1")   # wraps to the last
        self.assertEqual(self.geometry(), ["%0 0 0 59 19", "%3 60 0 60 19",
                                           "%2 0 20 59 20", "%1 60 20 60 20"])
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%3")

    def test_break_and_join_pane(self):
        self.window(panes=3)
        self.pm.run("select-layout", "-t", "s", "even-horizontal")
        out = self.pm.run("break-pane", "-s", "%1", "-P", "-F", "#{window_index} #{pane_id}")
        self.assertEqual(out, "1 %1\n")
        self.assertEqual(self.geometry("s:0"), ["%0 0 0 79 40", "%2 80 0 40 40"])
        self.assertEqual(self.geometry("s:1"), ["%1 0 0 120 40"])
        self.assertEqual(self.pm.display("s", "#{window_index}"), "1")
        self.pm.run("join-pane", "-h", "-s", "%1", "-t", "%0")
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F", "#{window_index}"), "0\n")
        self.assertEqual(self.geometry(), ["%0 0 0 39 40", "%1 40 0 39 40", "%2 80 0 40 40"])
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%1")
        self.pm.run("join-pane", "-v", "-b", "-d", "-l", "10", "-s", "%2", "-t", "%1")
        self.assertEqual(self.geometry(), ["%0 0 0 39 40", "%2 40 0 80 10", "%1 40 11 80 29"])
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%1")
        r = self.pm.cmd("join-pane", "-s", "%1", "-t", "%1")
        self.assertEqual(r.rc, 1, r)
        self.pm.run("break-pane", "-d", "-s", "%2", "-t", "s:5", "-n", "five")
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F",
                                     "#{window_index} #{window_name} #{window_active}"),
                         "0 sleep 1\n5 five 0\n")

    def test_move_and_swap_window(self):
        self.pm.new_session("s", "sleep", "1000")
        for _ in range(2):
            self.pm.run("new-window", "-d", "-t", "s:", "sleep", "1000")
        fmt = "#{window_index} #{window_id} #{window_active}"

        def windows():
            return self.pm.run("list-windows", "-t", "s", "-F", fmt).splitlines()
        self.pm.run("move-window", "-s", "s:1", "-t", "s:7")
        self.assertEqual(windows(), ["0 @0 0", "2 @2 0", "7 @1 1"])
        r = self.pm.cmd("move-window", "-s", "s:0", "-t", "s:2")
        self.assertEqual(r.rc, 1, r)
        self.assertIn("index in use", r.err)
        self.pm.run("swap-window", "-s", "s:0", "-t", "s:2")
        self.assertEqual(windows(), ["0 @2 0", "2 @0 0", "7 @1 1"])
        self.pm.run("swap-window", "-d", "-s", "s:7", "-t", "s:0")
        self.assertEqual(windows(), ["0 @1 1", "2 @0 0", "7 @2 0"])
        self.pm.run("move-window", "-r", "-t", "s")
        self.assertEqual(windows(), ["0 @1 1", "1 @0 0", "2 @2 0"])
        self.pm.run("move-window", "-k", "-s", "s:2", "-t", "s:1")
        self.assertEqual(windows(), ["0 @1 0", "1 @2 1"])

    def test_renumber_windows(self):
        self.pm.new_session("s", "sleep", "1000")
        for _ in range(3):
            self.pm.run("new-window", "-d", "-t", "s:", "sleep", "1000")
        self.pm.run("set-option", "-g", "renumber-windows", "on")
        self.pm.run("kill-window", "-t", "s:1")
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F", "#{window_index}"),
                         "0\n1\n2\n")

    def test_full_size_split_like_tmux(self):
        # -f -l N% is a percentage of the window; the full-size pane goes
        # last (or first with -b) in the pane order (tmux 3.3a figures).
        self.window(panes=1)
        for args in (["-h"], ["-v"], ["-fh", "-l", "30%"], ["-bv", "-l", "7"]):
            self.pm.run("split-window", "-t", "s", *args, "sleep", "1000")
        self.assertEqual(
            self.layout(),
            "50b4,120x40,0,0{41x40,0,0,0,41x40,42,0[41x20,42,0,1,41x19,42,21,2],"
            "36x40,84,0[36x7,84,0,4,36x32,84,8,3]}")
        self.pm.run("select-pane", "-t", "%0")
        self.pm.run("split-window", "-t", "s", "-fvb", "-l", "25%", "sleep", "1000")
        self.assertEqual(self.pm.run("list-panes", "-t", "s", "-F", "#{pane_id}").split(),
                         ["%5", "%0", "%1", "%2", "%4", "%3"])
        self.assertEqual(self.pm.display("s:.0", "#{pane_height}"), "10")

    def test_move_window_after_and_before(self):
        # -a/-b move up only the run of windows up to the first free index
        self.pm.new_session("s", "sleep", "1000", flags=("-n", "w0"))
        for name in ("a", "b"):
            self.pm.run("new-window", "-t", "s:", "-n", name, "sleep", "1000")
        fmt = "#{window_index}#{window_name}#{window_flags}"

        def windows():
            return " ".join(self.pm.run("list-windows", "-t", "s", "-F", fmt).split())
        self.pm.run("move-window", "-s", "s:1", "-t", "s:4")
        self.pm.run("move-window", "-a", "-s", "s:0", "-t", "s:4")
        self.assertEqual(windows(), "2b 4a- 5w0*")
        self.pm.run("move-window", "-a", "-s", "s:2", "-t", "s:4")
        self.assertEqual(windows(), "4a 5b* 6w0-")
        self.pm.run("move-window", "-b", "-s", "s:4", "-t", "s:5")
        self.assertEqual(windows(), "5a* 6b- 7w0")
        self.pm.run("new-window", "-b", "-t", "s:0", "-n", "bb", "sleep", "1000")
        self.pm.run("new-window", "-a", "-t", "s:", "-n", "aa", "sleep", "1000")
        self.pm.run("new-window", "-a", "-t", "s:1", "-n", "ab", "sleep", "1000")
        self.assertEqual(windows(), "0bb 1aa- 2ab* 5a 6b 7w0")

    def test_last_window_is_a_stack(self):
        # killing the last window makes the one before it the last (tmux)
        self.pm.new_session("s", "sleep", "1000")
        for _ in range(3):
            self.pm.run("new-window", "-t", "s:", "sleep", "1000")
        fmt = "#{window_index}#{window_flags}"

        def windows():
            return " ".join(self.pm.run("list-windows", "-t", "s", "-F", fmt).split())
        self.assertEqual(windows(), "0 1 2- 3*")
        self.pm.run("kill-window", "-t", "s:2")
        self.assertEqual(windows(), "0 1- 3*")
        self.pm.run("last-window", "-t", "s")
        self.assertEqual(windows(), "0 1* 3-")
        self.pm.run("kill-window", "-t", "s:3")
        self.assertEqual(windows(), "0- 1*")

    def test_break_pane_after_and_before(self):
        self.window(panes=3)
        self.pm.run("new-window", "-d", "-t", "s:1", "sleep", "1000")
        self.pm.run("break-pane", "-b", "-s", "%0", "-t", "s:0")
        fmt = "#{window_index}:#{window_panes}#{window_flags}"
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F", fmt).split(),
                         ["0:1*", "1:2-", "2:1"])
        # the index of the pane's own window is in use unless it is alone
        r = self.pm.cmd("break-pane", "-s", "%1", "-t", "s:1")
        self.assertEqual((r.rc, r.err.strip()), (1, "index in use: 1"))
        self.pm.run("break-pane", "-a", "-d", "-s", "%1", "-t", "s:0")
        self.assertEqual(self.pm.run("list-windows", "-t", "s", "-F", fmt).split(),
                         ["0:1*", "1:1", "2:1-", "3:1"])

    def test_select_pane_l_after_kill(self):
        # the last pane killed: with two panes left, the other is the last
        self.window(panes=3)
        self.pm.run("select-pane", "-t", "%0")
        self.pm.run("kill-pane", "-t", "%2")
        self.pm.run("select-pane", "-l", "-t", "s")
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%1")

    def test_rotate_window(self):
        # the panes move round the cells, the active cell keeps the focus
        self.window(panes=1)
        self.pm.run("split-window", "-h", "-t", "s", "sleep", "1000")
        self.pm.run("split-window", "-v", "-t", "s", "sleep", "1000")
        self.pm.run("select-pane", "-t", "%0")
        fmt = "#{pane_id}:#{pane_left},#{pane_top}:#{pane_active}"

        def panes():
            return self.pm.run("list-panes", "-t", "s", "-F", fmt).split()
        self.assertEqual(panes(), ["%0:0,0:1", "%1:61,0:0", "%2:61,21:0"])
        self.pm.run("rotate-window", "-t", "s")
        self.assertEqual(panes(), ["%1:0,0:1", "%2:61,0:0", "%0:61,21:0"])
        self.pm.run("rotatew", "-D", "-t", "s")
        self.pm.run("rotatew", "-D", "-t", "s")
        self.assertEqual(panes(), ["%2:0,0:1", "%0:61,0:0", "%1:61,21:0"])
        self.pm.run("resize-pane", "-Z", "-t", "s")
        self.pm.run("rotatew", "-Z", "-t", "s")
        self.assertEqual(self.pm.display("s", "#{pane_id} #{window_zoomed_flag}"), "%0 1")

    def test_split_window_Z(self):
        # -Z: the window is zoomed on the active pane after the split
        self.window(panes=1)
        self.pm.run("split-window", "-Z", "-t", "s", "sleep", "1000")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag} #P"), "1 1")
        self.pm.run("split-window", "-dZ", "-t", "s", "sleep", "1000")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag} #P"), "1 1")
        self.pm.run("split-window", "-t", "s", "sleep", "1000")
        self.assertEqual(self.pm.display("s", "#{window_zoomed_flag} #P"), "0 2")

    def test_marked_pane(self):
        # select-pane -m/-M, the ~ target, the M flag, and the marked pane
        # as swap-pane's and join-pane's default source (tmux 3.3a)
        self.window(panes=1)
        self.pm.run("split-window", "-t", "s", "sleep", "1000")
        self.pm.run("split-window", "-t", "s", "sleep", "1000")
        self.pm.run("select-pane", "-m", "-t", "%0")
        self.assertEqual(self.pm.display("s", "#{pane_marked}#{pane_marked_set} #{window_flags} "
                                              "#{window_marked_flag}"), "01 *M 1")
        self.assertEqual(self.pm.display("~", "#{pane_id} #{pane_marked}"), "%0 1")
        self.pm.run("swap-pane", "-t", "s")
        self.assertEqual(self.pm.run("list-panes", "-t", "s", "-F", "#{pane_id}").split(),
                         ["%2", "%1", "%0"])
        self.pm.run("select-pane", "-m", "-t", "%0")   # toggles it off
        self.assertEqual(self.pm.display("s", "#{pane_marked_set}"), "0")
        r = self.pm.cmd("select-pane", "-t", "{marked}")
        self.assertEqual((r.rc, r.err.strip()), (1, "no marked target"))
        self.pm.run("select-pane", "-m", "-t", "%1")
        self.pm.run("new-window", "-t", "s:", "sleep", "1000")
        self.pm.run("join-pane", "-h", "-t", "s:1")
        self.assertIn("%1", self.pm.run("list-panes", "-t", "s:1", "-F", "#{pane_id}"))
        self.assertEqual(self.pm.display("s", "#{pane_marked_set}"), "0")
        self.pm.run("select-pane", "-m", "-t", "%0")
        self.pm.run("select-pane", "-M")
        self.assertEqual(self.pm.display("s", "#{pane_marked_set}"), "0")

    def test_zoom_kept_with_Z(self):
        # swap-pane -Z and select-pane -Z keep a zoomed window zoomed; a
        # direction is taken in the window as laid out (tmux 3.3a)
        self.window(panes=1)
        self.pm.run("split-window", "-h", "-t", "s", "sleep", "1000")
        self.pm.run("split-window", "-v", "-t", "s", "sleep", "1000")
        fmt = "#{pane_id} #{window_zoomed_flag}"
        self.pm.run("resize-pane", "-Z", "-t", "s")
        self.pm.run("swap-pane", "-Z", "-U", "-t", "s")
        self.assertEqual(self.pm.display("s", fmt), "%2 1")
        self.pm.run("select-pane", "-Z", "-L", "-t", "s")
        self.assertEqual(self.pm.display("s", fmt), "%0 1")
        self.pm.run("select-pane", "-R", "-t", "s")
        self.assertEqual(self.pm.display("s", fmt), "%2 0")

    def test_last_pane(self):
        self.window(panes=2)
        self.pm.run("select-pane", "-t", "%0")
        self.pm.run("last-pane", "-t", "s")
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%1")
        self.pm.run("lastp")
        self.assertEqual(self.pm.display("s", "#{pane_id}"), "%0")


class ZoomOnScreen(screen.ScreenTestCase):
    """What an attached client shows of a zoomed window, read back from an
    independent terminal emulator."""

    def test_zoom_draws_only_the_zoomed_pane(self):
        pm = self.pm
        pm.new_session("s", "sh", "-c", "echo left-pane-text; exec sleep 1000", x=120, y=40)
        pm.run("split-window", "-h", "-t", "s", "sh", "-c",
               "echo right-pane-text; exec sleep 1000")
        pm.note_panes()
        cl = self.attach("s", rows=41, cols=120)

        def shows(left, right):
            def pred(lines):
                text = "\n".join(lines)
                return (("left-pane-text" in text) == left and
                        ("right-pane-text" in text) == right)
            return pred
        cl.wait_screen(shows(True, True), "both panes")
        pm.run("resize-pane", "-Z", "-t", "%0")
        cl.wait_screen(shows(True, False), "only the zoomed left pane")
        cl.wait_screen(lambda ls: "│" not in ls[10], "no border down the middle")
        pm.run("resize-pane", "-Z", "-t", "s")
        cl.wait_screen(shows(True, True), "both panes again after unzoom")
        pm.run("resize-pane", "-Z", "-t", "%1")
        cl.wait_screen(shows(False, True), "only the zoomed right pane")
        pm.run("kill-pane", "-t", "%1")
        cl.wait_screen(shows(True, False), "the left pane alone after the kill")


if __name__ == "__main__":
    pmuxtest.main()
