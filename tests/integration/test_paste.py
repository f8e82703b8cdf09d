#!/usr/bin/env python3
"""Input to a pane is never dropped: 1 MB of send-keys -l, in several
commands, reaches `cat > file` byte for byte; send-keys -H sends raw bytes;
key names are encoded as a terminal would."""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import wait_for  # noqa: E402

SIZE = 1 << 20
# tmux (used to check these tests) refuses commands over 16 KB
CHUNK = 64 * 1024 if pmuxtest.flavor() == "pmux" else 8 * 1024


def file_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return -1


class Paste(pmuxtest.PmuxTestCase):

    def start_cat(self, out, stty="raw -echo"):
        pm = self.pm
        pm.shell_session("p")
        pm.type("p", "stty %s; cat > %s; stty sane" % (stty, out))
        return pm.wait_foreground("p", ["cat"])

    def test_one_megabyte_send_keys_literal(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "paste.out")
        self.start_cat(out)
        rnd = random.Random(20240501)
        # printable ASCII without newlines (a leading "-" would look like a flag,
        # a trailing ";" separates commands in tmux's syntax,
        # so every chunk starts and ends with a letter)
        alphabet = "".join(chr(c) for c in range(0x20, 0x7f))
        data = "".join(rnd.choice(alphabet) for _ in range(SIZE))
        chunks = ["x" + data[i + 1:i + CHUNK - 1] + "x" for i in range(0, SIZE, CHUNK)]
        data = "".join(chunks)
        self.assertEqual(len(data), SIZE)
        for c in chunks:
            pm.run("send-keys", "-t", "p", "-l", c)
        wait_for(lambda: file_size(out) >= SIZE, timeout=60,
                 msg="%d bytes in %s" % (SIZE, out),
                 describe=lambda: "file has %d bytes" % file_size(out))
        with open(out, "rb") as f:
            got = f.read()
        want = data.encode("ascii")
        if got != want:
            i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                     min(len(got), len(want)))
            self.fail("pasted data differs at byte %d of %d (got %d bytes): got %r want %r"
                      % (i, len(want), len(got), got[i:i + 40], want[i:i + 40]))
        self.assertGreaterEqual(len(chunks), 16)

    def test_send_keys_hex_and_key_names(self):
        pm = self.pm
        out = os.path.join(pm.tmp, "keys.out")
        self.start_cat(out)
        expect = b""
        pm.run("send-keys", "-t", "p", "-H", "00", "ff", "41", "0a")
        expect += b"\x00\xff\x41\x0a"
        pm.run("send-keys", "-t", "p", "Enter", "Tab", "Escape", "BSpace", "Space", "C-a", "C-c")
        expect += b"\r\t\x1b\x7f \x01\x03"
        pm.run("send-keys", "-t", "p", "M-x")
        expect += b"\x1bx"
        pm.run("send-keys", "-t", "p", "hello", "world")   # not key names: text
        expect += b"helloworld"
        pm.run("send-keys", "-t", "p", "-l", "Enter")      # -l: literally
        expect += b"Enter"
        pm.run("send-keys", "-t", "p", "Up", "F1")
        expect_cursor = (b"\x1b[A", b"\x1bOA")
        expect_f1 = b"\x1bOP"
        wait_for(lambda: file_size(out) >= len(expect) + 3 + 3, msg="bytes in %s" % out,
                 describe=lambda: repr(open(out, "rb").read()))
        with open(out, "rb") as f:
            got = f.read()
        self.assertEqual(got[:len(expect)], expect)
        rest = got[len(expect):]
        self.assertIn(rest[:3], expect_cursor, got)
        self.assertEqual(rest[3:], expect_f1, got)

    def test_long_line_in_cooked_mode(self):
        # lines shorter than the line discipline's limit pass through a shell read
        pm = self.pm
        pm.shell_session("p")
        out = os.path.join(pm.tmp, "line.out")
        pm.type("p", "head -n1 > " + out)
        pm.wait_foreground("p", ["head", "-n1"])
        line = "".join(chr(ord("a") + i % 26) for i in range(3000))
        pm.run("send-keys", "-t", "p", "-l", line)
        pm.send("p", "Enter")
        wait_for(lambda: file_size(out) == len(line) + 1, msg="the line in %s" % out,
                 describe=lambda: "%d bytes" % file_size(out))
        with open(out) as f:
            self.assertEqual(f.read(), line + "\n")

    def test_input_to_a_pane_that_does_not_read(self):
        # A pane whose program never reads: its pty's input buffer fills up.
        # The server queues the rest and stays responsive for everyone else.
        pm = self.pm
        pm.new_session("stuck", "sleep", "1000")
        pm.shell_session("p")
        chunk = "y" * CHUNK
        for _ in range(8):
            pm.run("send-keys", "-t", "stuck", "-l", chunk)
        self.assertEqual(sorted(pm.run("ls", "-F", "#{session_name}").split()), ["p", "stuck"])
        pm.type("p", "echo fine-$((4*4))")
        pm.wait_line("p", "fine-16")
        # and the stuck pane can still be closed
        pid = pm.pane_pid("stuck")
        pm.run("kill-session", "-t", "stuck")
        pm.wait_gone(pid, "the stuck pane's program after kill-session")
        self.assertEqual(pm.run("ls", "-F", "#{session_name}").split(), ["p"])


if __name__ == "__main__":
    pmuxtest.main()
