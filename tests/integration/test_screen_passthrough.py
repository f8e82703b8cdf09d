#!/usr/bin/env python3
"""What passes between the client's terminal and a pane's program beyond
keys and text: escape-time for a lone Escape, focus events, OSC 52
clipboard, synchronized output, OSC 8 hyperlinks and mouse hover."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

# A program that turns on the DEC private modes given as its arguments, puts
# its terminal in raw mode and appends every byte it reads to a file.
class Passthrough(screen.ScreenTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("S", x=100, y=29)
        self.pane = self.pm.display("S", "#{pane_id}")

    def wait_recorded(self, path, want):
        return wait_for(lambda: pmuxtest.recorded(path) if pmuxtest.recorded(path) == want else None,
                        msg="the program to have received exactly %r" % want,
                        describe=lambda: "it received %r" % pmuxtest.recorded(path))

    def counter(self, name):
        path = os.path.join(self.pm.tmp, name)

        def count():
            try:
                with open(path) as f:
                    return len(f.readlines())
            except FileNotFoundError:
                return 0
        return path, count

    # -- escape-time

    def test_escape_time(self):
        pm = self.pm
        path, hits = self.counter("meta-x")
        pm.run("bind-key", "-n", "M-x", "run-shell", "echo x >> %s" % path)
        out = self.pm.start_recorder(self.pane)
        c = self.attach("S")
        # escape-time 0: a lone Escape is a key at once, x another one
        pm.run("set-option", "-s", "escape-time", "0")
        c.write(b"\x1b")
        self.wait_recorded(out, b"\x1b")
        c.write(b"x")
        self.wait_recorded(out, b"\x1bx")
        self.assertEqual(hits(), 0)
        # Escape and x together are M-x, whatever escape-time is
        c.write(b"\x1bx")
        wait_for(lambda: hits() == 1, msg="the M-x binding")
        # escape-time 10 (the default): a lone Escape still reaches the pane
        pm.run("set-option", "-s", "escape-time", "10")
        c.write(b"\x1b")
        self.wait_recorded(out, b"\x1bx\x1b")
        # a long escape-time joins an Escape and a key typed after it
        pm.run("set-option", "-s", "escape-time", "5000")
        c.write(b"\x1b")
        time.sleep(0.05)  # paces the input only: two reads, not one
        c.write(b"x")
        wait_for(lambda: hits() == 2, msg="the M-x binding from two reads")
        # unbound, M-x reaches the pane as Escape x
        pm.run("unbind-key", "-n", "M-x")
        c.write(b"\x1bx")
        self.wait_recorded(out, b"\x1bx\x1b\x1bx")
        self.assertEqual(hits(), 2)

    # -- OSC 52

    def osc52(self, text):
        """A shell command printing OSC 52 for text, split in two writes."""
        import base64
        enc = base64.b64encode(text.encode()).decode()
        return ("printf '\\033]52;c;%s'; sleep 0.2; printf '%s\\a'; echo"
                % (enc[:3], enc[3:]))

    def test_osc52_from_a_program(self):
        pm = self.pm
        c = self.attach("S")
        other = self.attach("S", term="screen-256color")
        pm.run("set-option", "-s", "set-clipboard", "on")
        pm.type(self.pane, self.osc52("hello clip") + "; echo one-$((6*7))")
        pm.wait_line(self.pane, "one-42")
        wait_for(lambda: pm.run("show-buffer") == "hello clip", msg="the paste buffer")
        wait_for(lambda: b";aGVsbG8gY2xpcA==\x07" in c.tail, msg="OSC 52 on the xterm client",
                 describe=lambda: repr(c.tail[-500:]))
        self.assertNotIn(b"\x1b]52;", other.tail)
        # external and off: programs cannot set it
        nbuf = len(pm.run("list-buffers").splitlines())
        for mode in ("external", "off"):
            pm.run("set-option", "-s", "set-clipboard", mode)
            pm.type(self.pane, self.osc52("not " + mode) + "; echo two-$((6*7))")
            pm.wait_text(self.pane, "two-42")
            pm.run("send-keys", "-t", self.pane, "clear", "Enter")
            pm.wait_screen(self.pane, lambda s: "two-42" not in s, "cleared")
        self.assertEqual(len(pm.run("list-buffers").splitlines()), nbuf)
        self.assertEqual(pm.run("show-buffer"), "hello clip")
        self.assertEqual(c.tail.count(b"\x1b]52;"), 1)

    # -- focus events

    def test_focus_events(self):
        pm = self.pm
        out = self.pm.start_recorder(self.pane, "1004")
        plain = self.attach("S")
        self.assertNotIn(b"\x1b[?1004h", plain.tail)
        plain.write(b"\x1b[O\x1b[Iy")    # not keys: never reach the pane
        self.wait_recorded(out, b"y")
        pm.run("set-option", "-s", "focus-events", "on")
        wait_for(lambda: b"\x1b[?1004h" in plain.tail, msg="focus reports turned on")
        pm.run("detach-client", "-s", "S")
        plain.wait_exit()
        c = self.attach("S")
        self.assertIn(b"\x1b[?1004h", c.tail)
        # the pane was told of each client coming and going, nothing else
        wait_for(lambda: pmuxtest.recorded(out) == b"y\x1b[I\x1b[O\x1b[I",
                 msg="focus in, out (detached) and in (attached)",
                 describe=lambda: repr(pmuxtest.recorded(out)))
        base = pmuxtest.recorded(out)
        c.write(b"\x1b[O")
        self.wait_recorded(out, base + b"\x1b[O")
        c.write(b"\x1b[Ix")
        self.wait_recorded(out, base + b"\x1b[O\x1b[Ix")
        base = pmuxtest.recorded(out)
        # another pane or window becoming active takes the focus away
        other = pm.run("split-window", "-t", self.pane, "-P", "-F", "#{pane_id}", "cat").strip()
        self.wait_recorded(out, base + b"\x1b[O")
        pm.run("select-pane", "-t", self.pane)
        self.wait_recorded(out, base + b"\x1b[O\x1b[I")
        pm.run("kill-pane", "-t", other)
        pm.run("new-window", "-t", "S:1", "cat")
        self.wait_recorded(out, base + b"\x1b[O\x1b[I\x1b[O")
        pm.run("select-window", "-t", "S:0")
        self.wait_recorded(out, base + b"\x1b[O\x1b[I\x1b[O\x1b[I")
        # detaching gives the terminal back without focus reports
        pm.run("detach-client", "-s", "S")
        c.wait_exit()
        wait_for(lambda: b"\x1b[?1004l" in c.tail, msg="focus reports turned off")
        self.wait_recorded(out, base + b"\x1b[O\x1b[I\x1b[O\x1b[I\x1b[O")
    # -- synchronized output

    def test_sync_from_a_program_holds_its_frame(self):
        pm = self.pm
        c = self.attach("S")
        flag = os.path.join(pm.tmp, "go")
        pm.type(self.pane, "clear; printf '\\033[?2026h\\101AA-held'; "
                "while [ ! -e %s ]; do sleep 0.05; done; "
                "printf ' \\102BB-done\\033[?2026l\\n'" % flag)
        pm.wait_text(self.pane, "AAA-held")
        # a message drawn after the pane had half a frame: the pane's part
        # of the client's screen has not changed
        pm.run("display-message", "-c", c.tty, "-d", "0", "marker-xyz")
        ls = c.wait_text("marker-xyz")
        self.assertFalse(any("AAA-held" in l for l in ls), "\n".join(ls))
        open(flag, "w").close()
        c.wait_text("AAA-held BBB-done")
        # a frame that never ends is shown after a second
        pm.type(self.pane, "clear; printf '\\033[?2026h\\103CC-stuck'; sleep 100")
        c.wait_text("CCC-stuck")

    def test_sync_frames_to_terminals_with_the_feature(self):
        pm = self.pm
        pm.run("set-option", "-s", "terminal-features", "xterm*:clipboard:sync")
        c = self.attach("S")
        other = self.attach("S", term="screen-256color")
        pm.type(self.pane, "echo hello-$((6*7))")
        c.wait_text("hello-42")
        other.wait_text("hello-42")
        tail = c.tail
        at = tail.rfind(b"hello-42")
        self.assertGreater(tail.rfind(b"\x1b[?2026h", 0, at), tail.rfind(b"\x1b[?2026l", 0, at))
        wait_for(lambda: c.tail.count(b"\x1b[?2026h") == c.tail.count(b"\x1b[?2026l"),
                 msg="every frame ended")
        self.assertNotIn(b"\x1b[?2026", other.tail)

    # -- OSC 8 hyperlinks

    @staticmethod
    def linked(c, start, after):
        """start (a link and its text) is in the client's output, and the
        link ends before the text after it."""
        wait_for(lambda: start in c.tail, msg="%r in the output" % start,
                 describe=lambda: repr(c.tail[-800:]))
        rest = c.tail[c.tail.rindex(start) + len(start):]
        end = rest.find(b"\x1b]8;;\x1b\\")
        assert 0 <= end < rest.find(after), repr(rest)

    def test_hyperlinks(self):
        pm = self.pm
        pm.run("set-option", "-s", "terminal-features", "xterm*:clipboard:hyperlinks")
        c = self.attach("S")
        other = self.attach("S", term="screen-256color")
        # \114 is L, \131 is Y: the command line does not show the text
        pm.type(self.pane, "printf '\\033]8;;http://example.com/x\\033\\\\\\114INK-text"
                "\\033]8;;\\033\\\\ plain\\n'")
        pm.type(self.pane, "printf '\\033]8;id=7;http://exa'; sleep 0.2; "
                "printf 'mple.com/y\\033\\\\\\131-link\\033]8;;\\033\\\\ done\\n'")
        c.wait_text("Y-link done")
        other.wait_text("Y-link done")
        self.linked(c, b"\x1b]8;;http://example.com/x\x1b\\LINK-text", b"plain")
        self.linked(c, b"\x1b]8;id=7;http://example.com/y\x1b\\Y-link", b"done")
        self.assertNotIn(b"\x1b]8;", other.tail)
        self.assertNotIn("\x1b]8;", pm.capture(self.pane, "-e"))
        self.assertEqual(c.compare_panes("S", attrs=True), [])
        # a redraw (another window and back) sends the links again
        n = c.tail.count(b"LINK-text")
        pm.run("new-window", "-t", "S:1")
        pm.run("select-window", "-t", "S:0")
        wait_for(lambda: c.tail.count(b"\x1b]8;;http://example.com/x\x1b\\LINK-text") > n - 1
                 and c.tail.count(b"LINK-text") > n, msg="the link drawn again")

    # -- mouse hover (any-motion tracking)

    def test_hover_reaches_programs_that_asked(self):
        pm = self.pm
        pm.run("set-option", "-g", "mouse", "on")
        right = pm.run("split-window", "-h", "-t", self.pane, "-P", "-F", "#{pane_id}",
                       "-e", "PS1=" + pmuxtest.PROMPT, *pmuxtest.SHELL_CMD).strip()
        pm.note_panes()
        pm.wait_prompt(right)
        c = self.attach("S")
        self.assertNotIn(b"\x1b[?1003h", c.tail)
        out = self.pm.start_recorder(right, "1003", "1006", name="hover")
        wait_for(lambda: b"\x1b[?1003h" in c.tail, msg="all motion asked of the terminal")
        left, top = (int(v) for v in pm.display(right, "#{pane_left} #{pane_top}").split())

        def hover(col, row, code=35):
            return b"\x1b[<%d;%d;%dM" % (code, col + 1, row + 1)

        c.write(hover(left + 3, top + 2))
        self.wait_recorded(out, b"\x1b[<35;4;3M")
        # over the other pane, whose shell did not ask: nothing
        c.write(hover(2, 2) + hover(left, top, code=35 + 16))
        self.wait_recorded(out, b"\x1b[<35;4;3M\x1b[<51;1;1M")
        # the program stops asking: the terminal goes back to drags only
        for p in pmuxtest.all_procs():
            if out in p.cmdline:
                pmuxtest.kill_quietly(p.pid)
        pm.wait_prompt(right)  # typed earlier, the keys could reach the dying recorder
        pm.type(right, "printf '\\033[?1003l\\033[?1006l'")
        wait_for(lambda: c.tail.rfind(b"\x1b[?1002h") > c.tail.rfind(b"\x1b[?1003h"),
                 msg="drag tracking again", describe=lambda: repr(c.tail[-300:]))


if __name__ == "__main__":
    pmuxtest.main()
