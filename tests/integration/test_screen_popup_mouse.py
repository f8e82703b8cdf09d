#!/usr/bin/env python3
"""display-popup and display-menu with the mouse, as in tmux 3.3.

A popup is moved by dragging its border with the left button (or anywhere
inside with Meta held) and stays on the client's screen; the right button
on its right or bottom border (or with Meta anywhere) resizes it, its
bottom-right corner going to the pointer, and its program is told the new
size. tmux decides on the first motion with the button held, so the drags
here start along the border. The right button on the left or top border, or
outside, shows the popup's menu. Other events inside go to the program if it
asked for the mouse, relative to its screen wherever the popup is.

A menu chooses the item a button is released on and closes when one is
released elsewhere; with -O a release elsewhere leaves it open."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import click, sgr, wait_for  # noqa: E402
import screen  # noqa: E402

ROWS, COLS = 24, 80
META, DRAG = 8, 32
# -x 10 -y 15 -w 30 -h 8: the box's top-left corner at (10, 7), its bottom
# row 14, its right column 39
BOX = ("-x", "10", "-y", "15", "-w", "30", "-h", "8")
SIZER = "trap 'echo size $(stty size)' WINCH; echo ready; while :; do sleep 0.1; done"
MENU = ["Set A", "a", "set -g @choice A", "", "-Off", "o", "set -g @choice off",
        "Set B", "b", "set -g @choice B"]


class PopupMouse(screen.PopupTestCase):

    ROWS, COLS = ROWS, COLS
    MOUSE = True

    def popup(self, *args, ready="ready"):
        p = self.background("display-popup", "-c", self.tty, *args)
        self.c.wait_text(ready)
        return p

    def box(self, ls=None):
        """The popup's box (left, top, width, height) from its corners."""
        ls = self.c.lines() if ls is None else ls
        for top, line in enumerate(ls):
            if "┌" not in line or "┐" not in line:
                continue
            left, right = line.index("┌"), line.index("┐")
            for bottom in range(top + 1, len(ls)):
                if ls[bottom][left:left + 1] == "└":
                    return (left, top, right - left + 1, bottom - top + 1)
        return None

    def wait_box(self, want, msg):
        return self.c.wait_screen(lambda ls: self.box(ls) == want, "%s: box %r" % (msg, want))

    def drag(self, button, points):
        """Press at the first point, move through the others, release at
        the last."""
        c = self.c
        c.write(sgr(button, *points[0]))
        for x, y in points[1:]:
            c.write(sgr(button + DRAG, x, y))
        c.write(sgr(button, *points[-1], release=True))

    def inside(self, text):
        return lambda ls: any(text in l and l.strip().startswith("│") for l in ls)

    def program_text(self, ls):
        """The program's screen inside the box, its rows joined."""
        x, y, w, h = self.box(ls)
        return "".join(ls[r][x + 1:x + w - 1].ljust(w - 2) for r in range(y + 1, y + h - 1))

    # -- moving

    def test_dragging_the_border_moves_the_popup(self):
        c = self.c
        self.popup(*BOX, SIZER)
        self.assertEqual(self.box(), (10, 7, 30, 8), c.describe())
        # the top border, taken 5 cells from the corner
        self.drag(0, [(15, 7), (16, 7), (20, 9)])
        ls = self.wait_box((15, 9, 30, 8), "moved by the top border")
        self.assertTrue(ls[10].startswith(" " * 15 + "│ready"), c.describe())
        # each border moves it; it stays on the screen, over the status line
        self.drag(0, [(44, 12), (44, 13), (79, 23)])  # the right border
        self.wait_box((50, 16, 30, 8), "kept in the bottom-right corner")
        self.drag(0, [(55, 23), (56, 23), (0, 0)])  # the bottom border
        self.wait_box((0, 0, 30, 8), "kept in the top-left corner")
        self.drag(0, [(0, 3), (0, 4), (30, 6)])  # the left border
        self.wait_box((30, 3, 30, 8), "moved by the left border")
        # moved, not resized: the program was not told anything
        self.assertFalse(any("size" in l for l in c.lines()), c.describe())
        # a plain drag inside does nothing
        self.drag(0, [(40, 5), (41, 5), (45, 8)])
        c.write(click(0, 20))
        self.assertEqual(self.box(), (30, 3, 30, 8), c.describe())

    def test_meta_drag_moves_from_anywhere(self):
        self.popup(*BOX, SIZER)
        self.drag(META, [(15, 10), (16, 11), (18, 13)])
        self.wait_box((13, 10, 30, 8), "moved by a Meta drag inside")
        # the middle button does not drag
        self.drag(1, [(13, 12), (14, 12), (20, 15)])
        self.drag(0, [(20, 0), (21, 0), (22, 1)])  # (outside: nothing)
        self.drag(0, [(13, 14), (13, 15), (14, 15)])  # the left border again
        self.wait_box((14, 11, 30, 8), "moved by the left border")

    # -- resizing

    def test_right_drag_on_the_border_resizes_and_tells_the_program(self):
        c = self.c
        self.popup(*BOX, SIZER)
        # the bottom border: the corner goes just before the pointer
        self.drag(2, [(15, 14), (16, 14), (50, 20)])
        ls = self.wait_box((10, 7, 40, 13), "resized by the bottom border")
        c.wait_screen(self.inside("size 11 38"), "the program told its new size")
        self.assertEqual(ls[19][10:50], "└" + "─" * 38 + "┘", c.describe())
        # the right border
        self.drag(2, [(49, 10), (49, 11), (30, 12)])
        self.wait_box((10, 7, 20, 5), "resized by the right border")
        c.wait_screen(self.inside("size 3 18"), "the program told its new size")
        # too small to leave the program a cell: refused
        self.drag(2, [(20, 11), (21, 11), (12, 9)])
        self.drag(2, [(20, 11), (21, 11), (25, 13), (12, 8)])
        self.wait_box((10, 7, 15, 6), "only the drag's last allowed size")
        c.wait_screen(self.inside("size 4 13"), "the program told its new size")

    def test_meta_right_drag_resizes_a_popup_without_border(self):
        c = self.c
        self.popup("-B", *BOX, SIZER)
        self.assertTrue(c.lines()[7].startswith(" " * 10 + "ready"), c.describe())
        # no border to take: a plain drag at its edge does nothing
        self.drag(0, [(10, 7), (11, 7), (20, 9)])
        self.drag(META + 2, [(12, 9), (13, 9), (30, 12)])
        c.wait_screen(lambda ls: any(l.startswith(" " * 10 + "size 5 20") for l in ls),
                      "the program told its new size (the whole box)")
        self.drag(META, [(12, 9), (13, 9), (20, 12)])
        c.wait_screen(lambda ls: ls[11].startswith(" " * 18 + "size 5 20"),
                      "moved by a Meta drag")

    # -- the program's mouse

    def test_events_reach_the_program_relative_to_where_the_popup_is(self):
        c = self.c
        self.popup("-E", *BOX,
                   "printf '\\033[?1000h\\033[?1006h'; stty -echo -icanon; echo ready; cat -v")
        c.write(click(15, 10))  # (4, 2) in the program's screen
        c.wait_screen(lambda ls: "^[[<0;5;3M^[[<0;5;3m" in self.program_text(ls),
                      "the click reported")
        # the border is not the program's
        self.drag(0, [(15, 7), (16, 7), (25, 9)])
        self.wait_box((20, 9, 30, 8), "moved by the top border")
        c.write(click(25, 12))  # (4, 2) again
        c.wait_screen(lambda ls: self.program_text(ls).count("^[[<0;5;3M^[[<0;5;3m") == 2,
                      "the second click at the same place in the moved popup")
        self.assertNotIn("^[[<32", self.program_text(c.lines()), "no drag reported")
        c.write(sgr(META, 25, 12))  # the popup's (tmux lets its release through)
        c.write(click(26, 12, 2))
        c.wait_screen(lambda ls: "^[[<2;6;3M^[[<2;6;3m" in self.program_text(ls),
                      "the right click reported")
        self.assertNotIn("^[[<8;5;3M", self.program_text(c.lines()), "no Meta press reported")

    def test_a_program_that_asks_gets_the_mouse_with_the_option_off(self):
        pm, c = self.pm, self.c
        pm.run("set", "-g", "mouse", "off")
        wait_for(lambda: c.cursor()["mouse"] == 0, msg="the terminal's mouse off",
                 describe=c.describe)
        self.popup(*BOX, "printf '\\033[?1000h\\033[?1006h'; stty -echo -icanon; "
                   "echo ready; cat -v")
        wait_for(lambda: c.cursor()["mouse"] != 0, msg="the terminal's mouse on for it",
                 describe=c.describe)
        c.write(click(15, 10))
        c.wait_screen(lambda ls: "^[[<0;5;3M^[[<0;5;3m" in self.program_text(ls),
                      "the click reported")
        pm.run("display-popup", "-C", "-c", self.tty)
        wait_for(lambda: c.cursor()["mouse"] == 0, msg="the terminal's mouse off again",
                 describe=c.describe)

    # -- its menu

    def test_right_button_on_the_left_border_shows_the_popup_menu(self):
        pm, c = self.pm, self.c
        pm.run("set-buffer", "-b", "mybuf", "pasted")
        self.popup(*BOX, "echo ready; cat")
        c.write(sgr(2, 10, 10))
        ls = c.wait_text("Fill Space")
        self.assertTrue(any("Close" in l and "(q)" in l for l in ls), c.describe())
        self.assertTrue(any("Paste mybuf" in l and "(p)" in l for l in ls), c.describe())
        self.assertTrue(any("Centre" in l and "(C)" in l for l in ls), c.describe())
        # released on "Paste", two rows down: the buffer goes to the program
        c.write(sgr(2 + DRAG, 11, 11) + sgr(2 + DRAG, 11, 12) + sgr(2, 11, 12, release=True))
        c.wait_screen(self.inside("pasted"), "the buffer pasted into the popup")
        c.wait_screen(lambda ls: not any("Fill Space" in l for l in ls), "the menu gone")
        # outside the popup, and its keys: fill the screen, centre, close
        c.write(sgr(2, 60, 3))
        c.wait_text("Fill Space")
        c.write(sgr(2, 60, 3, release=True))  # on its top border: closes it
        c.wait_screen(lambda ls: not any("Fill Space" in l for l in ls), "the menu gone")
        c.write(sgr(2, 60, 3))
        c.wait_text("Fill Space")
        c.keys(b"F")
        self.wait_box((0, 0, COLS, ROWS), "the popup fills the screen")
        self.drag(2, [(79, 10), (79, 11), (40, 12)])
        self.wait_box((0, 0, 40, 12), "resized")
        c.write(sgr(2, 5, 0))
        c.wait_text("Fill Space")
        c.keys(b"C")
        self.wait_box((20, 6, 40, 12), "centred")
        c.write(sgr(2, 5, 0))
        c.wait_text("Fill Space")
        c.keys(b"q")
        c.wait_screen(lambda ls: self.box(ls) is None, "the popup closed")

    def test_popup_menu_turns_the_popup_into_a_pane(self):
        pm, c = self.pm, self.c
        for key, flag in ((b"h", "-h"), (b"v", "-v")):
            p = self.popup(*BOX, SIZER)
            c.write(sgr(2, 10, 10))
            c.wait_text("To Vertical Pane")
            c.keys(key)
            # the command that opened it is done, the program is not
            self.assertEqual(p.wait(timeout=pmuxtest.TIMEOUT), 129)
            wait_for(lambda: pm.display("S", "#{window_panes}") == "2",
                     msg="a new pane (%s)" % flag, describe=c.describe)
            new = pm.display("S", "#{pane_id}")  # the active pane
            self.assertNotEqual(new, self.pane)
            w, h = (int(v) for v in pm.display(new, "#{pane_width} #{pane_height}").split())
            if flag == "-h":
                self.assertEqual(w, COLS - 1 - int(pm.display(self.pane, "#{pane_width}")))
            else:
                self.assertEqual(h, ROWS - 2 - int(pm.display(self.pane, "#{pane_height}")))
            # its screen came with it, and the program was told its size
            pm.wait_text(new, "ready")
            pm.wait_text(new, "size %d %d" % (h, w))
            c.wait_screen(lambda ls: self.box(ls) is None, "the popup gone")
            pm.run("kill-pane", "-t", new)
            wait_for(lambda: pm.display("S", "#{window_panes}") == "1", msg="one pane again")

    # -- menus

    def choice(self):
        r = self.pm.cmd("show-options", "-gv", "@choice")
        return r.out.strip() if r.rc == 0 and r.out.strip() else None

    def menu_shown(self, ls):
        return any("Set B (b)" in l for l in ls)

    def open_menu(self, x, y, release=False):
        """Press the right button to show the menu (a press soon after one at
        the same place would be a SecondClick, not a MouseDown: wait)."""
        time.sleep(0.4)
        self.c.write(sgr(2, x, y) + (sgr(2, x, y, release=True) if release else b""))
        self.c.wait_screen(self.menu_shown, "the menu")

    def test_menu_from_a_mouse_binding(self):
        pm, c = self.pm, self.c
        pm.run("bind-key", "-n", "MouseDown3Pane", "display-menu", "-x", "0", "-y", "0", *MENU)
        # held from the press that showed it to a release on an item
        self.open_menu(20, 10)
        c.write(sgr(2 + DRAG, 19, 10) + sgr(2 + DRAG, 3, 4) + sgr(2, 3, 4, release=True))
        wait_for(lambda: self.choice() == "B", msg="Set B chosen", describe=c.describe)
        c.wait_screen(lambda ls: not self.menu_shown(ls), "the menu gone")
        # released elsewhere (on the separator too): closed, nothing run
        for x, y in ((20, 10), (3, 2), (3, 3)):
            pm.run("set", "-gu", "@choice")
            self.open_menu(20, 10)
            c.write(sgr(2 + DRAG, x, y) + sgr(2, x, y, release=True))
            c.wait_screen(lambda ls: not self.menu_shown(ls), "the menu closed by a release "
                          "at (%d, %d)" % (x, y))
            self.assertIsNone(self.choice())

    def test_menu_O_stays_open_after_the_release(self):
        pm, c = self.pm, self.c
        pm.run("bind-key", "-n", "MouseDown3Pane", "display-menu", "-O", "-x", "0", "-y", "0",
               *MENU)
        self.open_menu(20, 10, release=True)
        # (tmux 3.3 chooses on a press only an item selected before)
        c.write(sgr(2 + DRAG, 3, 1) + sgr(2, 3, 1, release=True))
        wait_for(lambda: self.choice() == "A", msg="Set A chosen", describe=c.describe)
        c.wait_screen(lambda ls: not self.menu_shown(ls), "the menu gone")
        self.open_menu(20, 10, release=True)
        c.write(sgr(0, 40, 12))  # a press outside closes it
        c.wait_screen(lambda ls: not self.menu_shown(ls), "the menu closed")
        c.write(sgr(0, 40, 12, release=True))
        self.assertEqual(self.choice(), "A")


if __name__ == "__main__":
    pmuxtest.main()
