#!/usr/bin/env python3
"""Who may talk to the server: another user is refused even through a
world-writable socket; unsafe socket folders are refused; garbage, oversized,
truncated and silent peers are dropped (or ignored) without affecting anyone."""

import os
import pwd
import random
import shutil
import socket
import stat
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
from pmuxtest import alive, wait_for  # noqa: E402

REFUSAL_WORDS = ("refus", "denied", "permission", "not allowed", "access", "owner",
                 "unsafe", "user", "uid")

# include/pmux/proto.h: u32 length, u16 type, u16 version, little-endian
PROTO_VERSION = 1
MSG_IDENTIFY = 1
MSG_COMMAND = 2


def header(length, mtype, version=PROTO_VERSION):
    return struct.pack("<IHH", length, mtype, version)


class OtherUser(pmuxtest.PmuxTestCase):

    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to run a client as another user (nobody)")
        try:
            self.nobody = pwd.getpwnam("nobody")
        except KeyError:
            self.skipTest("no user 'nobody'")
        super().setUp()
        pm = self.pm
        os.chmod(pm.tmp, 0o777)
        # a copy of the binary that nobody can surely execute
        bindir = os.path.join(pm.tmp, "bin")
        os.mkdir(bindir)
        os.chmod(bindir, 0o755)
        self.nbin = os.path.join(bindir, os.path.basename(pm.bin))
        shutil.copy2(pm.bin, self.nbin)
        os.chmod(self.nbin, 0o755)
        pm.shell_session("mine")
        os.chmod(pm.sock, 0o777)
        self.server = pm.server_pid()

    def as_nobody(self, *args):
        uid, gid = self.nobody.pw_uid, self.nobody.pw_gid
        home = os.path.join(self.pm.tmp, "nobody-home")
        os.makedirs(home, exist_ok=True)
        os.chown(home, uid, gid)
        env = dict(self.pm.env, HOME=home)
        env[pmuxtest.ENV_TMPDIR] = home

        def drop():
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)

        argv = [self.nbin, "-S", self.pm.sock, "-f", "/dev/null"] + list(args)
        r = subprocess.run(argv, capture_output=True, timeout=pmuxtest.TIMEOUT, env=env,
                           cwd=home, preexec_fn=drop, stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")

    def check_server_unharmed(self):
        pm = self.pm
        self.assertTrue(os.path.exists(pm.sock), "the socket was removed")
        self.assertTrue(alive(self.server), "the server died")
        self.assertEqual(pm.server_pid(), self.server)
        self.assertIn("mine", pm.run("list-sessions", "-F", "#{session_name}").split())
        pm.type("mine", "echo ok-$((1+1))")
        pm.wait_line("mine", "ok-2")

    def test_other_user_is_refused(self):
        for args in (("list-sessions",), ("new-session", "-d", "-s", "theirs"),
                     ("send-keys", "-t", "mine", "echo pwned", "Enter"),
                     ("kill-server",)):
            rc, out, err = self.as_nobody(*args)
            self.assertNotEqual(rc, 0, "nobody's %r succeeded: out=%r err=%r" % (args, out, err))
            self.assertTrue(err.strip(), "no message on stderr for nobody's %r" % (args,))
            self.assertTrue(any(w in err.lower() for w in REFUSAL_WORDS),
                            "stderr does not say why: %r" % err)
            self.assertNotIn("mine", out, "nobody saw the session list")
        self.check_server_unharmed()
        names = self.pm.run("list-sessions", "-F", "#{session_name}").split()
        self.assertEqual(names, ["mine"])
        self.assertNotIn("pwned", self.pm.capture("mine"))

    def test_other_user_attach_is_refused(self):
        # attach needs a terminal; whatever the client does, it must not get in
        rc, out, err = self.as_nobody("attach-session", "-t", "mine")
        self.assertNotEqual(rc, 0)
        self.check_server_unharmed()
        self.assertEqual(self.pm.display("mine", "#{session_attached}"), "0")


class SocketFolder(pmuxtest.PmuxTestCase):

    def run_L(self, tmpdir, *args):
        env = dict(self.pm.env)
        env[pmuxtest.ENV_TMPDIR] = tmpdir
        r = subprocess.run([self.pm.bin, "-L", "itest", "-f", "/dev/null"] + list(args),
                           capture_output=True, timeout=pmuxtest.TIMEOUT, env=env,
                           cwd=self.pm.tmp, stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")

    def folder(self, base):
        return os.path.join(base, "%s%d" % (pmuxtest.SOCK_DIR_PREFIX, os.getuid()))

    def check_refused(self, base, why):
        d = self.folder(base)
        rc, out, err = self.run_L(base, "new-session", "-d", "-s", "x", "sleep", "1000")
        sock = os.path.join(d, "itest")
        if rc == 0:   # make sure we clean up what should not exist
            self.pm.sock = sock         # so that cleanup finds and kills that server

        self.assertEqual(rc, 1, "%s: exit status %r (stderr %r)" % (why, rc, err))
        self.assertTrue(err.strip(), "%s: no message on stderr" % why)
        if pmuxtest.flavor() == "pmux":
            self.assertIn(d, err, "%s: the message should name the folder: %r" % (why, err))
        self.assertFalse(os.path.exists(sock), "%s: a socket was created" % why)

    def test_world_writable_folder_refused(self):
        base = os.path.join(self.pm.tmp, "ww")
        os.mkdir(base)
        os.mkdir(self.folder(base))
        os.chmod(self.folder(base), 0o777)
        self.check_refused(base, "a 0777 socket folder")
        self.assertEqual(stat.S_IMODE(os.stat(self.folder(base)).st_mode), 0o777,
                         "pmux must refuse, not silently chmod")

    def test_group_accessible_folder_refused(self):
        base = os.path.join(self.pm.tmp, "grp")
        os.mkdir(base)
        os.mkdir(self.folder(base))
        os.chmod(self.folder(base), 0o750)
        self.check_refused(base, "a 0750 socket folder")

    def test_folder_owned_by_other_user_refused(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to chown the folder")
        nobody = pwd.getpwnam("nobody")
        base = os.path.join(self.pm.tmp, "other")
        os.mkdir(base)
        os.mkdir(self.folder(base), 0o700)
        os.chown(self.folder(base), nobody.pw_uid, nobody.pw_gid)
        self.check_refused(base, "a socket folder owned by nobody")

    def test_folder_that_is_not_a_directory_refused(self):
        base = os.path.join(self.pm.tmp, "notdir")
        os.mkdir(base)
        with open(self.folder(base), "w") as f:
            f.write("x")
        os.chmod(self.folder(base), 0o600)
        rc, out, err = self.run_L(base, "new-session", "-d", "-s", "x", "sleep", "1000")
        self.assertEqual(rc, 1, err)
        self.assertTrue(err.strip())

    def test_folder_is_created_0700_and_socket_is_default(self):
        base = os.path.join(self.pm.tmp, "fresh")
        os.mkdir(base)
        env = dict(self.pm.env)
        env[pmuxtest.ENV_TMPDIR] = base
        d = self.folder(base)
        # no -L, no -S: the socket is <folder>/default
        self.pm.sock = os.path.join(d, "default")     # so cleanup kills this server
        r = subprocess.run([self.pm.bin, "-f", "/dev/null", "new-session", "-d", "-s", "x"],
                           capture_output=True, timeout=pmuxtest.TIMEOUT, env=env,
                           cwd=self.pm.tmp, stdin=subprocess.DEVNULL)
        self.pm.note_panes()
        self.assertEqual(r.returncode, 0, r.stderr)
        st = os.stat(d)
        self.assertTrue(stat.S_ISDIR(st.st_mode))
        self.assertEqual(stat.S_IMODE(st.st_mode), 0o700, oct(st.st_mode))
        self.assertEqual(st.st_uid, os.getuid())
        self.assertTrue(stat.S_ISSOCK(os.stat(self.pm.sock).st_mode))
        self.assertEqual(self.pm.display("x", "#{socket_path}"), self.pm.sock)


class GarbagePeers(pmuxtest.PmuxTestCase):

    def setUp(self):
        super().setUp()
        self.pm.shell_session("g")
        self.server = self.pm.server_pid()
        self.socks = []
        self.addCleanup(self.close_all)

    def close_all(self):
        for s in self.socks:
            try:
                s.close()
            except OSError:
                pass

    def connect(self):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(self.pm.sock)
        self.socks.append(s)
        return s

    def still_works(self, tag):
        pm = self.pm
        self.assertTrue(alive(self.server), "server died (%s)" % tag)
        self.assertEqual(pm.server_pid(), self.server)
        self.assertIn("g", pm.run("ls", "-F", "#{session_name}").split())
        pm.type("g", "echo %s-$((3*5))" % tag)
        pm.wait_line("g", "%s-15" % tag)

    def wait_dropped(self, s, what):
        """The server closes the connection (we may get an error message first)."""
        s.settimeout(0.05)
        got = b""

        def cond():
            nonlocal got
            try:
                data = s.recv(65536)
            except socket.timeout:
                return False
            except ConnectionResetError:
                return True
            if not data:
                return True
            got += data
            return False
        wait_for(cond, msg="the server to drop the %s peer" % what)
        return got

    def test_silent_peers_do_not_block_anyone(self):
        silent = [self.connect() for _ in range(20)]
        partial = self.connect()
        partial.sendall(header(100, MSG_COMMAND)[:3])      # 3 bytes of a header, then nothing
        half = self.connect()
        half.sendall(header(1000, MSG_COMMAND) + b"x" * 10)  # a message that never ends
        self.still_works("silent")
        self.pm.run("new-session", "-d", "-s", "g2", "sleep", "1000")
        self.pm.note_panes()
        self.assertEqual(self.pm.cmd("has-session", "-t", "g2").rc, 0)
        for s in silent:
            s.close()
        self.still_works("closed")

    def test_garbage_peers_are_dropped(self):
        rnd = random.Random(7)
        # random bytes, with a version field that is certainly wrong
        junk = bytearray(rnd.getrandbits(8) for _ in range(4096))
        junk[6:8] = struct.pack("<H", 0xBEEF)
        g1 = self.connect()
        g1.sendall(bytes(junk))
        # an oversized message header (4 GB)
        g2 = self.connect()
        g2.sendall(header(0xFFFFFFF0, MSG_COMMAND) + b"ls\0")
        # an unknown message type
        g3 = self.connect()
        g3.sendall(header(4, 0x7777) + b"abcd")
        # a truncated message, then close
        g4 = self.connect()
        g4.sendall(header(100, MSG_COMMAND) + b"list-sess")
        g4.close()
        # an abrupt reset
        g5 = self.connect()
        g5.sendall(b"\0" * 3)
        g5.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        g5.close()
        self.still_works("garbage")
        if pmuxtest.flavor() == "pmux":
            self.wait_dropped(g1, "random-bytes")
            self.wait_dropped(g2, "oversized")
            self.wait_dropped(g3, "unknown-type")
        self.still_works("after")

    def test_version_mismatch_gets_a_message(self):
        if pmuxtest.flavor() != "pmux":
            self.skipTest("pmux's own protocol")
        s = self.connect()
        s.sendall(header(0, MSG_IDENTIFY, version=PROTO_VERSION + 41))
        got = self.wait_dropped(s, "wrong-version")
        self.assertIn(b"version", got.lower(),
                      "a version mismatch must be answered with a message saying so: %r" % got)
        self.still_works("version")

    def test_many_garbage_connections(self):
        rnd = random.Random(11)
        for i in range(100):
            s = self.connect()
            try:
                s.sendall(bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(1, 64))))
            except (BrokenPipeError, ConnectionResetError):
                pass
            if i % 2:
                s.close()
        self.still_works("many")


class HostileOutput(pmuxtest.PmuxTestCase):
    """What a program prints never takes the server down: sequences that
    crash or overrun libvterm 0.3.3 are kept from it."""

    def setUp(self):
        super().setUp()
        self.pm.shell_session("h", x=40, y=10)
        self.server = self.pm.server_pid()

    def still_works(self, tag):
        pm = self.pm
        self.assertTrue(alive(self.server), "server died (%s)" % tag)
        pm.type("h", "echo %s-$((6*7))" % tag)
        pm.wait_line("h", "%s-42" % tag)

    def test_csi_with_too_many_parameters(self):
        params = ";".join(str(i) for i in range(1, 41))
        self.pm.type("h", "printf '\\033[%sm\\033[%s:1h'; echo" % (params, params))
        self.still_works("params")

    def test_cursor_restored_off_a_smaller_screen(self):
        pm = self.pm
        # save the cursor on the last row of the alternate screen, shrink
        # the window, restore it and write: libvterm would write past its
        # arrays
        pm.type("h", "printf '\\033[?1049h\\033[10;30H\\0337'; sleep 1; "
                     "printf '\\0338%s\\033[?1049l'" % ("x" * 50))
        pm.run("resize-window", "-t", "h", "-x", "20", "-y", "4")
        self.still_works("restore")


if __name__ == "__main__":
    pmuxtest.main()
