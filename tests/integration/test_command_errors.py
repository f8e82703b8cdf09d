#!/usr/bin/env python3
"""Every command's error paths, driven by list-commands itself: an unknown
flag, a flag missing its value, each target flag given an object that does
not exist, and missing required arguments each give exit status 1 and one
line on stderr, and the server survives all of it."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402

# Target values that name nothing, per kind of target.
BAD_TARGETS = {
    "session": ["nosuch", "$999"],
    "window": ["nosuch:1", ":99", "@999"],
    "pane": ["%999", ":99", ":.99", "nosuch:0.0"],
    "client": ["/dev/nosuch"],
}
# Where -t names a window index that may be free (new-window -t :99 makes it).
FREE_INDEX = {"new-window": "t", "break-pane": "t", "move-window": "t"}
# Commands that end the server or a client, or wait: not run with good values.
SKIP = {"kill-server"}
# Arguments that make the rest of a command valid, so that the target is what
# fails (tmux checks an option name before the target, for instance).
VALID = {
    "set-option": ["status", "on"],
    "set-window-option": ["mode-keys", "vi"],
    "set-hook": ["after-new-window", "display x"],
    "wait-pane": ["-x"],
    "if-shell": ["true", "display x"],
    "source-file": ["/dev/null"],
}
# tmux accepts these without their "required" words.
NO_REQUIRED = {"send-keys"}


def parse_usage(line):
    """(name, flags, target flags {flag: kind}, required word count)."""
    m = re.match(r"(\S+)(?: \(\S+\))?\s*(.*)$", line)
    name, usage = m.group(1), m.group(2)
    flags = set()
    for group in re.findall(r"\[-([A-Za-z0-9]+)\]", usage):
        flags.update(group)
    for group in re.findall(r"\[-([A-Za-z0-9]) [^\]]*\]", usage):
        flags.update(group)
    for alts in re.findall(r"\[(-[A-Za-z]( \| -[A-Za-z])+)\]", usage):
        flags.update(c for c in alts[0] if c.isalpha())
    targets = {}
    for f, kind in re.findall(r"\[-([A-Za-z]) (?:target|src|dst)-([a-z]+)\]", usage):
        targets[f] = kind
    # What is left once every [...] (nested once) is removed is required.
    required = re.sub(r"\[[^\[\]]*(\[[^\]]*\][^\[\]]*)*\]", "", usage).split()
    return name, flags, targets, len(required)


class CommandErrors(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.new_session("s", "sleep", "1000")
        out = self.pm.run("list-commands")
        self.commands = [parse_usage(line) for line in out.splitlines() if line.strip()]
        self.assertGreater(len(self.commands), 50)

    def assertOneLineError(self, name, *args):
        r = self.pm.cmd(name, *args)
        self.assertEqual(r.rc, 1, "expected exit status 1: %r" % r)
        self.assertTrue(r.err.strip(), "expected a message: %r" % r)
        self.assertEqual(r.err.count("\n"), 1, "expected one line: %r" % r)
        self.assertNotIn("\n", r.err.rstrip("\n"))
        self.assertEqual(self.pm.cmd("has-session", "-t", "s").rc, 0,
                         "server gone after %r" % r)
        return r

    def test_unknown_flag(self):
        for name, flags, _, _ in self.commands:
            bad = next(c for c in "QXYZKW" if c not in flags)
            with self.subTest(command=name):
                r = self.assertOneLineError(name, "-" + bad)
                if pmuxtest.flavor() == "pmux":
                    self.assertIn("-" + bad, r.err)

    def test_flag_without_value(self):
        for name, _, targets, _ in self.commands:
            for f in targets:
                with self.subTest(command=name, flag=f):
                    self.assertOneLineError(name, "-" + f)

    def test_nonexistent_targets(self):
        for name, _, targets, nreq in self.commands:
            if name in SKIP:
                continue
            # Required words come after the target, so the target is what fails.
            words = ["x"] if nreq else []
            if name in VALID:
                words = VALID[name]
            if name == "wait-for":
                continue  # no target flag
            for f, kind in targets.items():
                for spec in BAD_TARGETS[kind]:
                    if FREE_INDEX.get(name) == f and spec == ":99":
                        continue
                    with self.subTest(command=name, flag=f, target=spec):
                        flags = [w for w in words if w.startswith("-")]
                        rest = [w for w in words if not w.startswith("-")]
                        r = self.assertOneLineError(name, *flags, "-" + f, spec, *rest)
                        if pmuxtest.flavor() == "pmux":
                            self.assertRegex(r.err, r"can't find|not found|no such|no current client",
                                             "the message names the target problem")
                        if name == "switch-client" and f == "t":
                            # as in tmux, with no client there is nothing to switch
                            self.assertIn(r.err, ("no current client\n",) + tuple(
                                "can't find session: %s\n" % spec for _ in [0]))

    def test_missing_arguments(self):
        n = 0
        for name, _, _, nreq in self.commands:
            if nreq == 0 or name in NO_REQUIRED:
                continue
            n += 1
            with self.subTest(command=name):
                self.assertOneLineError(name)
        self.assertGreater(n, 15)

    def test_server_survives(self):
        self.test_unknown_flag()
        self.test_nonexistent_targets()
        self.assertEqual(self.pm.run("list-sessions", "-F", "#{session_name}"), "s\n")


if __name__ == "__main__":
    pmuxtest.main()
