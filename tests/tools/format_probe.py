#!/usr/bin/env python3
"""Compare every variable of tmux's FORMATS table between tmux and pmux.

    python3 tests/tools/format_probe.py [--pmux build/pmux] [--tmux /usr/bin/tmux] [state ...]

For each state (a program printing escape sequences, copy mode, a second
window, clients, a buffer) both get a fresh server with the same session;
display-message (list-buffers for buffer_*) expands every variable and the
values that differ are printed, apart from those that cannot be equal
(pids, ttys, times, socket and temporary paths: see INHERENT) and those
known and kept (KNOWN, printed at the end; -a shows everything).
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
import pmuxtest  # noqa: E402

VARS = """
active_window_index alternate_on alternate_saved_x alternate_saved_y buffer_created buffer_name
buffer_sample buffer_size client_activity client_cell_height client_cell_width client_control_mode
client_created client_discarded client_flags client_height client_key_table client_last_session
client_name client_pid client_prefix client_readonly client_session client_termfeatures
client_termname client_termtype client_tty client_uid client_user client_utf8 client_width
client_written command command_list_alias command_list_name command_list_usage config_files
copy_cursor_line copy_cursor_word copy_cursor_x copy_cursor_y current_file cursor_character
cursor_flag cursor_x cursor_y history_bytes history_limit history_size hook hook_client hook_pane
hook_session hook_session_name hook_window hook_window_name host host_short insert_flag
keypad_cursor_flag keypad_flag last_window_index line mouse_all_flag mouse_any_flag
mouse_button_flag mouse_line mouse_sgr_flag mouse_standard_flag mouse_utf8_flag mouse_word
mouse_x mouse_y next_session_id origin_flag pane_active pane_at_bottom pane_at_left
pane_at_right pane_at_top pane_bg pane_bottom pane_current_command pane_current_path pane_dead
pane_dead_signal pane_dead_status pane_dead_time pane_fg pane_format pane_height pane_id
pane_in_mode pane_index pane_input_off pane_last pane_left pane_marked pane_marked_set pane_mode
pane_path pane_pid pane_pipe pane_right pane_search_string pane_start_command pane_start_path
pane_synchronized pane_tabs pane_title pane_top pane_tty pane_width pid rectangle_toggle
scroll_position scroll_region_lower scroll_region_upper search_match search_present
selection_active selection_end_x selection_end_y selection_present selection_start_x
selection_start_y session_activity session_alerts session_attached session_attached_list
session_created session_format session_group session_group_attached
session_group_attached_list session_group_list session_group_many_attached session_group_size
session_grouped session_id session_last_attached session_many_attached session_marked
session_name session_path session_stack session_windows socket_path start_time uid user version
window_active window_active_clients window_active_clients_list window_active_sessions
window_active_sessions_list window_activity window_activity_flag window_bell_flag window_bigger
window_cell_height window_cell_width window_end_flag window_flags window_format window_height
window_id window_index window_last_flag window_layout window_linked window_linked_sessions
window_linked_sessions_list window_marked_flag window_name window_offset_x window_offset_y
window_panes window_raw_flags window_silence_flag window_stack_index window_start_flag
window_visible_layout window_width window_zoomed_flag wrap_flag
""".split()

# Values that differ by nature between two servers: processes, terminals,
# clocks, memory, versions; and what another helper owns (pane_fg/pane_bg).
INHERENT = {
    "pid", "pane_pid", "client_pid", "pane_tty", "client_tty", "client_name",
    "session_attached_list", "window_active_clients_list", "client_activity",
    "client_created", "session_activity", "session_created", "session_last_attached",
    "window_activity", "start_time", "buffer_created", "pane_dead_time",
    "history_bytes", "version", "client_written", "client_discarded",
    "pane_fg", "pane_bg",
}

# Differences known and kept, with why (state or "*": variable).
KNOWN = {
    ("*", "history_limit"): "pmux's default history-limit is 10000 (tmux 2000)",
    ("second_window", "window_name"): "tmux renames on a timer: still 'sh' after exec",
    ("resized_tabs", "cursor_x"): "tmux's reflow puts a cursor past a line's text at "
                                  "its end; pmux keeps it",
    ("contexts", "set-hook"): "after- hooks: pmux gives hook_pane/window/session, "
                              "tmux 3.3a nothing",
    ("decstr", "*"): "pmux (libvterm) does DECSTR, xterm's soft reset of the modes, tab "
                     "stops and region; tmux 3.3a ignores it",
}

PROGRAM = "printf '%s\\033]2;ready\\007'; exec sleep 100000"

# name: (what the pane's program prints, then commands run or "clients")
LINES = "seq 1 30 | sed 's/^/word /'; printf 'foo bar-baz qux'"
COPY = [["copy-mode", "-t", "s"]]
STATES = {
    "fresh": ("", []),
    "alternate": ("\\033[3;5H\\033[?1049h\\033[7;9H", []),
    "alternate_1047": ("\\033[3;5H\\033[?1047h", []),
    "alternate_left": ("\\033[3;5H\\033[?1049h\\033[7;9H\\033[?1049l", []),
    "cursor": ("\\033[5;10Hab", []),
    "region": ("\\033[5;10r", []),
    "region_past": ("\\033[5;100r", []),
    "region_reset": ("\\033[5;10r\\033[r", []),
    "insert": ("\\033[4h", []),
    "keypad": ("\\033=", []),
    "keypad_off": ("\\033=\\033>", []),
    "appcursor": ("\\033[?1h", []),
    "mouse1000": ("\\033[?1000h", []),
    "mouse1002": ("\\033[?1002h", []),
    "mouse1003": ("\\033[?1003h", []),
    "mouse1005": ("\\033[?1000h\\033[?1005h", []),
    "mouse1006": ("\\033[?1000h\\033[?1006h", []),
    "mouse_both": ("\\033[?1000h\\033[?1005h\\033[?1006h", []),
    "mouse_off": ("\\033[?1000h\\033[?1006h\\033[?1000l", []),
    "origin": ("\\033[?6h", []),
    "nowrap": ("\\033[?7l", []),
    "tabs": ("\\033[3g\\033[1;6H\\033H\\033[1;21H\\033H\\033[1;1H", []),
    "tabs_clear_one": ("\\033[1;17H\\033[g\\033[1;1H", []),
    "ris": ("\\033[4h\\033=\\033[3g\\033[5;10r\\033c", []),
    "ris_alt": ("\\033[3;5H\\033[?1049h\\033c", []),
    "decstr": ("\\033[4h\\033=\\033[?1;6h\\033[3g\\033[5;10r\\033[?1006h\\033[!p", []),
    "region_invalid": ("\\033[3;7r\\033[10;5r\\033[5;5r", []),
    "hts_col0": ("\\033[3g\\033[1;1H\\033H", []),
    "deccolm_like": ("\\033[?5h\\033[?12h\\033[?25l", []),
    "copy_mode": ("", COPY),
    "copy_text": (LINES, COPY + [["send", "-t", "s", "-X", "cursor-left"]] * 5),
    "copy_select": (LINES, COPY + [["send", "-t", "s", "-X", c] for c in
                                   ("cursor-left", "cursor-left", "begin-selection",
                                    "cursor-up", "cursor-up", "rectangle-toggle")]),
    "copy_search": (LINES, COPY + [["send", "-t", "s", "-X", "search-backward", "word 2"]]),
    "second_window": ("", [["new-window", "-d", "-t", "s", "sh", "-c", "exec sleep 100000"]]),
    "window_stack": ("", [["new-window", "-t", "s"], ["new-window", "-t", "s"],
                          ["new-window", "-t", "s"], ["select-window", "-t", "s:1"],
                          ["select-window", "-t", "s:3"], ["select-window", "-t", "s:0"]]),
    "zoomed_marked": ("", [["split-window", "-d", "-t", "s", "sleep", "100000"],
                           ["resize-pane", "-Z", "-t", "s"], ["select-pane", "-m", "-t", "s"],
                           ["set-window-option", "-t", "s", "synchronize-panes", "on"]]),
    "osc7_title": ("\\033]7;file://h/tmp/d\\007\\033]2;x\\007", []),
    "dead": ("", [["set-option", "-w", "-t", "s", "remain-on-exit", "on"],
                  ["run-shell", "-t", "s", "kill #{pane_pid}; sleep 0.5"]]),
    "alerts": ("", [["new-window", "-d", "-t", "s:", "sh", "-c", "printf '\\a'; exec sleep 1000"],
                    ["new-window", "-d", "-t", "s:", "sh", "-c", "sleep 0.1; echo x; exec sleep 1000"],
                    ["set", "-g", "monitor-activity", "on"], ["run-shell", "sleep 0.5"]]),
    "clock": ("", [["clock-mode", "-t", "s"]]),
    "pipe_input_title": ("", [["pipe-pane", "-t", "s", "cat > /dev/null"],
                              ["select-pane", "-d", "-t", "s"],
                              ["select-pane", "-T", "my title", "-t", "s"]]),
    "tree_mode": ("", [["choose-tree", "-t", "s"]]),
    "buffer_mode": ("", [["set-buffer", "abc"], ["choose-buffer", "-t", "s"]]),
    "copy_mode_vi": ("", [["set", "-g", "mode-keys", "vi"], ["copy-mode", "-t", "s"]]),
    "clients": ("", ["clients"]),
    "buffer": ("", [["set-buffer", "-b", "buf", "hello\\nworld"]]),
    "resized_tabs": ("\\033[3g\\033[1;6H\\033H", [["resize-window", "-t", "s", "-x", "100"]]),
}


def start(binary, state):
    os.environ["PMUX_BIN"] = binary
    pm = pmuxtest.Pmux()
    pm.bin = binary
    seq, steps = STATES[state]
    prog = PROGRAM % seq if not seq.startswith("seq") else (
        seq + "; printf '\\033]2;ready\\007'; exec sleep 100000")
    pm.run("new-session", "-d", "-s", "s", "-x", "80", "-y", "24", "-n", "w",
           "sh", "-c", prog)
    pm.note_panes()
    pmuxtest.wait_for(lambda: pm.display("s", "#{pane_title}") == "ready",
                      msg="the program's sequences read (%s)" % binary)
    client = None
    for step in steps:
        if step == "clients":
            client = pmuxtest.AttachedClient(pm, "attach", "-t", "s", rows=24, cols=80)
            other = pmuxtest.AttachedClient(pm, "attach", "-r", "-t", "s", rows=24, cols=80)
            for c in (client, other):
                pmuxtest.wait_for(lambda: c.tty in pm.run("list-clients", "-F", "#{client_tty}"),
                                  msg="client attached")
        else:
            pm.run(*step)
    pm.note_panes()
    time.sleep(0.2)
    return pm, client


def values(pm, client, state):
    sep = "\x1f"
    fmt = sep.join("#{%s}" % v for v in VARS)
    args = ["display-message", "-p", "-t", "s"]
    if client is not None:
        args += ["-c", client.tty]
    out = pm.run(*(args + [fmt])).rstrip("\n").split(sep)
    vals = dict(zip(VARS, out))
    if state == "buffer":
        out = pm.run("list-buffers", "-F", fmt).rstrip("\n").split(sep)
        for v, x in zip(VARS, out):
            if v.startswith("buffer_") or v == "command":
                vals[v] = x
    # every pane, window, session and client of the server too
    for cmd in (["list-panes", "-a"], ["list-windows", "-a"], ["list-sessions"],
                ["list-clients"]):
        out = pm.run(*(cmd + ["-F", fmt])).rstrip("\n")
        for i, line in enumerate(out.split("\n") if out else []):
            for v, x in zip(VARS, line.split(sep)):
                vals["%s@%s%d" % (v, cmd[0][5], i)] = x
    for k in vals:
        vals[k] = vals[k].replace(pm.tmp, "<tmp>")
    return vals


# #{command} and #{config_files} where tmux expands formats for a command.
CONTEXTS = [
    ["list-panes", "-F", "#{command}"],
    ["list-windows", "-F", "#{command}"],
    ["list-sessions", "-F", "#{command}"],
    ["list-buffers", "-F", "#{command}"],
    ["list-commands", "-F", "#{command}|#{command_list_name}", "display-message"],
    ["if-shell", "-F", "#{==:#{command},if-shell}", "display -p yes", "display -p no"],
    ["set-hook", "-g", "after-new-window", "set -Fg @x '#{command}|#{hook}'"],
    ["new-window", "-d", "-P", "-F", "#{command}"],
    ["split-window", "-d", "-P", "-F", "#{command}"],
    ["show-options", "-gv", "@x"],
    ["set", "-Fg", "@y", "#{command}"],
    ["show-options", "-gv", "@y"],
    ["display-message", "-p", "#{config_files}|#{command}"],
    ["display-message", "-p", "#{E:@y}"],
    ["set-hook", "-g", "after-split-window",
     "set -Fg @h '#{hook}|#{hook_pane}|#{hook_window}|#{hook_session}|#{hook_session_name}'"],
    ["split-window", "-d"],
    ["show-options", "-gv", "@h"],
    ["source-file", "<tmp>/cf.conf"],
    ["show-options", "-gv", "@cf"],
    ["new-window", "-d", "sh", "-c", "printf '\\033]7;file://h/tmp/x\\007'; exec sleep 1000"],
    ["list-panes", "-a", "-F", "#{pane_path}"],
]


def contexts(binary):
    os.environ["PMUX_BIN"] = binary
    pm = pmuxtest.Pmux()
    pm.bin = binary
    out = []
    try:
        pm.run("new-session", "-d", "-s", "s", "-x", "80", "-y", "24")
        pm.note_panes()
        pm.run("set-buffer", "x")
        with open(os.path.join(pm.tmp, "cf.conf"), "w") as f:
            f.write("set -Fg @cf '#{current_file}|#{command}'\n")
        for args in CONTEXTS:
            r = pm.cmd(*[a.replace("<tmp>", pm.tmp) for a in args])
            time.sleep(0.1)
            out.append((r.out + r.err).replace(pm.tmp, "<tmp>").strip())
    finally:
        pm.cleanup()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pmux", default=os.path.join(pmuxtest.REPO, "build", "pmux"))
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    ap.add_argument("-a", "--all", action="store_true", help="show inherent differences too")
    ap.add_argument("states", nargs="*")
    a = ap.parse_args()
    total = 0
    if not a.states or "contexts" in a.states:
        got = [contexts(a.tmux), contexts(os.path.abspath(a.pmux))]
        diff = [(c, t, p) for c, t, p in zip(CONTEXTS, *got)
                if t != p and (a.all or not (c[0] == "show-options" and c[-1] == "@h"))]
        total += len(diff)
        print("== contexts: %d differ" % len(diff))
        for c, t, p in diff:
            print("   %-40s tmux=%r pmux=%r" % (" ".join(c)[:40], t, p))
    for state in [s for s in a.states if s != "contexts"] or ([] if a.states else STATES):
        got = {}
        for name, binary in (("tmux", a.tmux), ("pmux", os.path.abspath(a.pmux))):
            pm, client = start(binary, state)
            try:
                got[name] = values(pm, client, state)
            finally:
                pm.cleanup()
        keys = sorted(set(got["tmux"]) | set(got["pmux"]))
        diff = [k for k in keys if got["tmux"].get(k) != got["pmux"].get(k)
                and (a.all or (k.split("@")[0] not in INHERENT
                               and ("*", k.split("@")[0]) not in KNOWN
                               and (state, "*") not in KNOWN
                               and (state, k.split("@")[0]) not in KNOWN))]
        total += len(diff)
        print("== %s: %d differ" % (state, len(diff)))
        for v in diff:
            print("   %-30s tmux=%-24r pmux=%r" % (v, got["tmux"].get(v), got["pmux"].get(v)))
    print("known and kept:")
    for (state, v), why in KNOWN.items():
        print("   %-14s %-22s %s" % (state, v, why))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
