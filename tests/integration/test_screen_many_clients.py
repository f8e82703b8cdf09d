#!/usr/bin/env python3
"""60 clients attached to one session all see the same output."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pmuxtest  # noqa: E402
import screen  # noqa: E402

NCLIENTS = 60


class ManyClients(screen.ScreenTestCase):

    def test_sixty_clients_see_the_same_output(self):
        pm = self.pm
        pm.shell_session("S", x=80, y=23)
        p = pm.display("S", "#{pane_id}")
        clients = []
        for i in range(NCLIENTS):
            clients.append(screen.ScreenClient(pm, "attach-session", "-t", "S",
                                               rows=24, cols=80))
        screen.wait_attached(pm, "S", NCLIENTS, timeout=120)
        self.assertEqual(self.window_size("S"), (80, 23))
        pm.type(p, "printf 'all-clients-%s\\n' $((6*7))")
        pm.wait_line(p, "all-clients-42")
        pm.wait_prompt(p)
        for c in clients:
            c.wait_screen(lambda ls: "all-clients-42" in [l.rstrip() for l in ls],
                          "the line 'all-clients-42'", timeout=60)
        for c in clients:
            c.wait_panes_match("S", timeout=60)
        # every client shows the very same screen
        first = clients[0].lines()
        for c in clients[1:]:
            self.assertEqual(c.lines()[:23], first[:23], c.describe())
        # typing in one of them reaches the pane and all the others
        clients[NCLIENTS // 2].write(b"echo typed-$((9*9))\r")
        pm.wait_line(p, "typed-81")
        for c in clients:
            c.wait_screen(lambda ls: "typed-81" in [l.rstrip() for l in ls],
                          "the line 'typed-81'", timeout=60)
        # all of them detach cleanly
        pm.run("detach-client", "-s", "S")
        for c in clients:
            c.wait_exit(timeout=60)
        screen.wait_attached(pm, "S", 0)


if __name__ == "__main__":
    pmuxtest.main()
