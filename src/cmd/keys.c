/* keys: key tables, bindings, tmux's defaults, list-keys and prompt templates. */
#include "cmd/keys.h"
#include "cmd/parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tmux 3.3's prefix table, for the commands pmux has (or is getting).
 * Command text in config syntax, as bind-key would store it. */
static const struct {
	const char *key;
	int repeat;
	const char *cmd;
	const char *note; /* tmux's, shown by list-keys -N (C-b ?) */
} keys_defaults[] = {
	{"C-b", 0, "send-prefix", "Send the prefix key"},
	{"Space", 0, "next-layout", "Select next layout"},
	{"!", 0, "break-pane", "Break pane to a new window"},
	{"\"", 0, "split-window", "Split window vertically"},
	{"#", 0, "list-buffers", "List all paste buffers"},
	{"$", 0, "command-prompt -I \"#S\" \"rename-session -- '%%'\"", "Rename current session"},
	{"%", 0, "split-window -h", "Split window horizontally"},
	{"&", 0, "confirm-before -p \"kill-window #W? (y/n)\" kill-window", "Kill current window"},
	{"'", 0, "command-prompt -T window-target -p index \"select-window -t ':%%'\"",
	 "Prompt for window index to select"},
	{"(", 0, "switch-client -p", "Switch to previous client"},
	{")", 0, "switch-client -n", "Switch to next client"},
	{",", 0, "command-prompt -I \"#W\" \"rename-window -- '%%'\"", "Rename current window"},
	{"-", 0, "delete-buffer", "Delete the most recent paste buffer"},
	{".", 0, "command-prompt -T target \"move-window -t '%%'\"", "Move the current window"},
	{"0", 0, "select-window -t :=0", "Select window 0"},
	{"1", 0, "select-window -t :=1", "Select window 1"},
	{"2", 0, "select-window -t :=2", "Select window 2"},
	{"3", 0, "select-window -t :=3", "Select window 3"},
	{"4", 0, "select-window -t :=4", "Select window 4"},
	{"5", 0, "select-window -t :=5", "Select window 5"},
	{"6", 0, "select-window -t :=6", "Select window 6"},
	{"7", 0, "select-window -t :=7", "Select window 7"},
	{"8", 0, "select-window -t :=8", "Select window 8"},
	{"9", 0, "select-window -t :=9", "Select window 9"},
	{":", 0, "command-prompt", "Prompt for a command"},
	{";", 0, "last-pane", "Move to the previously active pane"},
	{"<", 0,
	 "display-menu -T \"#[align=centre]#{window_index}:#{window_name}\" -x W -y W \"#{"
	 "?#{>:#{session_windows},1},,-}Swap Left\" l { swap-window -t :-1 } \"#{?#{>:#{se"
	 "ssion_windows},1},,-}Swap Right\" r { swap-window -t :+1 } \"#{?pane_marked_set,"
	 ",-}Swap Marked\" s { swap-window } '' Kill X { kill-window } Respawn R { respawn"
	 "-window -k } \"#{?pane_marked,Unmark,Mark}\" m { select-pane -m } Rename n { com"
	 "mand-prompt -F -I \"#W\" { rename-window -t \"#{window_id}\" \"%%\" } } '' \"New"
	 " After\" w { new-window -a } \"New At End\" W { new-window }",
	 NULL},
	{">", 0,
	 "display-menu -T \"#[align=centre]#{pane_index} (#{pane_id})\" -x P -y P \"#{?#{m"
	 "/r:(copy|view)-mode,#{pane_mode}},Go To Top,}\" < { send-keys -X history-top } "
	 "\"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}\" > { send-keys -X hist"
	 "ory-bottom } '' \"#{?mouse_word,Search For #[underscore]#{=/9/...:mouse_word},}"
	 "\" C-r { if-shell -F \"#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}\" \"copy-mod"
	 "e -t=\" ; send-keys -X -t = search-backward \"#{q:mouse_word}\" } \"#{?mouse_wor"
	 "d,Type #[underscore]#{=/9/...:mouse_word},}\" C-y { copy-mode -q ; send-keys -l "
	 "\"#{q:mouse_word}\" } \"#{?mouse_word,Copy #[underscore]#{=/9/...:mouse_word},}"
	 "\" c { copy-mode -q ; set-buffer \"#{q:mouse_word}\" } \"#{?mouse_line,Copy Line"
	 ",}\" l { copy-mode -q ; set-buffer \"#{q:mouse_line}\" } '' \"Horizontal Split\""
	 " h { split-window -h } \"Vertical Split\" v { split-window -v } '' \"#{?#{>:#{wi"
	 "ndow_panes},1},,-}Swap Up\" u { swap-pane -U } \"#{?#{>:#{window_panes},1},,-}Sw"
	 "ap Down\" d { swap-pane -D } \"#{?pane_marked_set,,-}Swap Marked\" s { swap-pane"
	 " } '' Kill X { kill-pane } Respawn R { respawn-pane -k } \"#{?pane_marked,Unmark"
	 ",Mark}\" m { select-pane -m } \"#{?#{>:#{window_panes},1},,-}#{?window_zoomed_fl"
	 "ag,Unzoom,Zoom}\" z { resize-pane -Z }",
	 NULL},
	{"=", 0, "choose-buffer -Z", "Choose a paste buffer from a list"},
	{"/", 0, "command-prompt -k -p key \"list-keys -1N '%%'\"", "Describe key binding"},
	{"?", 0, "list-keys -N", "List key bindings"},
	{"C-o", 0, "rotate-window", "Rotate through the panes"},
	{"C-z", 0, "suspend-client", "Suspend the current client"},
	{"C", 0, "customize-mode -Z", "Customize options"},
	{"D", 0, "choose-client -Z", "Choose a client from a list"},
	{"E", 0, "select-layout -E", "Spread panes out evenly"},
	{"L", 0, "switch-client -l", "Switch to the last client"},
	{"M", 0, "select-pane -M", "Clear the marked pane"},
	{"[", 0, "copy-mode", "Enter copy mode"},
	{"]", 0, "paste-buffer -p", "Paste the most recent paste buffer"},
	{"c", 0, "new-window", "Create a new window"},
	{"d", 0, "detach-client", "Detach the current client"},
	{"f", 0, "command-prompt \"find-window -Z '%%'\"", "Search for a pane"},
	{"i", 0, "display-message", "Display window information"},
	{"l", 0, "last-window", "Select the previously current window"},
	{"m", 0, "select-pane -m", "Toggle the marked pane"},
	{"n", 0, "next-window", "Select the next window"},
	{"o", 0, "select-pane -t :.+", "Select the next pane"},
	{"p", 0, "previous-window", "Select the previous window"},
	{"q", 0, "display-panes", "Display pane numbers"},
	{"r", 0, "refresh-client", "Redraw the current client"},
	{"s", 0, "choose-tree -Zs", "Choose a session from a list"},
	{"t", 0, "clock-mode", "Show a clock"},
	{"w", 0, "choose-tree -Zw", "Choose a window from a list"},
	{"x", 0, "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane", "Kill the active pane"},
	{"z", 0, "resize-pane -Z", "Zoom the active pane"},
	{"{", 0, "swap-pane -U", "Swap the active pane with the pane above"},
	{"}", 0, "swap-pane -D", "Swap the active pane with the pane below"},
	{"~", 0, "show-messages", "Show messages"},
	{"PPage", 0, "copy-mode -u", "Enter copy mode and scroll up"},
	{"Up", 1, "select-pane -U", "Select the pane above the active pane"},
	{"Down", 1, "select-pane -D", "Select the pane below the active pane"},
	{"Left", 1, "select-pane -L", "Select the pane to the left of the active pane"},
	{"Right", 1, "select-pane -R", "Select the pane to the right of the active pane"},
	{"M-1", 0, "select-layout even-horizontal", "Set the even-horizontal layout"},
	{"M-2", 0, "select-layout even-vertical", "Set the even-vertical layout"},
	{"M-3", 0, "select-layout main-horizontal", "Set the main-horizontal layout"},
	{"M-4", 0, "select-layout main-vertical", "Set the main-vertical layout"},
	{"M-5", 0, "select-layout tiled", "Select the tiled layout"},
	{"M-o", 0, "rotate-window -D", "Rotate through the panes in reverse"},
	{"M-n", 0, "next-window -a", "Select the next window with an alert"},
	{"M-p", 0, "previous-window -a", "Select the previous window with an alert"},
	{"M-Up", 1, "resize-pane -U 5", "Resize the pane up by 5"},
	{"M-Down", 1, "resize-pane -D 5", "Resize the pane down by 5"},
	{"M-Left", 1, "resize-pane -L 5", "Resize the pane left by 5"},
	{"M-Right", 1, "resize-pane -R 5", "Resize the pane right by 5"},
	{"C-Up", 1, "resize-pane -U", "Resize the pane up"},
	{"C-Down", 1, "resize-pane -D", "Resize the pane down"},
	{"C-Left", 1, "resize-pane -L", "Resize the pane left"},
	{"C-Right", 1, "resize-pane -R", "Resize the pane right"},
	{"S-Up", 1, "refresh-client -U 10", "Move the visible part of the window up"},
	{"S-Down", 1, "refresh-client -D 10", "Move the visible part of the window down"},
	{"S-Left", 1, "refresh-client -L 10", "Move the visible part of the window left"},
	{"S-Right", 1, "refresh-client -R 10", "Move the visible part of the window right"},
	{"DC", 1, "refresh-client -c",
	 "Reset so the visible part of the window follows the cursor"},
};

/* tmux 3.3's copy-mode (emacs) and copy-mode-vi tables, for the copy-mode
 * commands pmux has (server/copy.c). */
static const struct {
	const char *table, *key, *cmd;
} keys_copy_defaults[] = {
	{"copy-mode", "C-Space", "send-keys -X begin-selection"},
	{"copy-mode", "C-a", "send-keys -X start-of-line"},
	{"copy-mode", "C-b", "send-keys -X cursor-left"},
	{"copy-mode", "C-c", "send-keys -X cancel"},
	{"copy-mode", "C-e", "send-keys -X end-of-line"},
	{"copy-mode", "C-f", "send-keys -X cursor-right"},
	{"copy-mode", "C-g", "send-keys -X clear-selection"},
	{"copy-mode", "C-k", "send-keys -X copy-pipe-end-of-line-and-cancel"},
	{"copy-mode", "C-n", "send-keys -X cursor-down"},
	{"copy-mode", "C-p", "send-keys -X cursor-up"},
	{"copy-mode", "C-r",
	 "command-prompt -i -I \"#{pane_search_string}\" -T search -p \"(search up)\" "
	 "\"send-keys -X search-backward-incremental '%%'\""},
	{"copy-mode", "C-s",
	 "command-prompt -i -I \"#{pane_search_string}\" -T search -p \"(search down)\" "
	 "\"send-keys -X search-forward-incremental '%%'\""},
	{"copy-mode", "C-v", "send-keys -X page-down"},
	{"copy-mode", "C-w", "send-keys -X copy-pipe-and-cancel"},
	{"copy-mode", "Escape", "send-keys -X cancel"},
	{"copy-mode", "Space", "send-keys -X page-down"},
	{"copy-mode", "N", "send-keys -X search-reverse"},
	{"copy-mode", "R", "send-keys -X rectangle-toggle"},
	{"copy-mode", "n", "send-keys -X search-again"},
	{"copy-mode", "q", "send-keys -X cancel"},
	{"copy-mode", "Home", "send-keys -X start-of-line"},
	{"copy-mode", "End", "send-keys -X end-of-line"},
	{"copy-mode", "NPage", "send-keys -X page-down"},
	{"copy-mode", "PPage", "send-keys -X page-up"},
	{"copy-mode", "Up", "send-keys -X cursor-up"},
	{"copy-mode", "Down", "send-keys -X cursor-down"},
	{"copy-mode", "Left", "send-keys -X cursor-left"},
	{"copy-mode", "Right", "send-keys -X cursor-right"},
	{"copy-mode", "M-<", "send-keys -X history-top"},
	{"copy-mode", "M->", "send-keys -X history-bottom"},
	{"copy-mode", "M-R", "send-keys -X top-line"},
	{"copy-mode", "M-r", "send-keys -X middle-line"},
	{"copy-mode", "M-b", "send-keys -X previous-word"},
	{"copy-mode", "M-f", "send-keys -X next-word-end"},
	{"copy-mode", "M-m", "send-keys -X back-to-indentation"},
	{"copy-mode", "M-v", "send-keys -X page-up"},
	{"copy-mode", "M-w", "send-keys -X copy-pipe-and-cancel"},
	{"copy-mode", "C-Up", "send-keys -X scroll-up"},
	{"copy-mode", "C-Down", "send-keys -X scroll-down"},
	{"copy-mode", "F",
	 "command-prompt -1 -p \"(jump backward)\" \"send-keys -X jump-backward '%%'\""},
	{"copy-mode", "T",
	 "command-prompt -1 -p \"(jump to backward)\" \"send-keys -X jump-to-backward '%%'\""},
	{"copy-mode", "f",
	 "command-prompt -1 -p \"(jump forward)\" \"send-keys -X jump-forward '%%'\""},
	{"copy-mode", "t",
	 "command-prompt -1 -p \"(jump to forward)\" \"send-keys -X jump-to-forward '%%'\""},
	{"copy-mode", ";", "send-keys -X jump-again"},
	{"copy-mode", ",", "send-keys -X jump-reverse"},
	{"copy-mode", "g", "command-prompt -p \"(goto line)\" \"send-keys -X goto-line '%%'\""},
	{"copy-mode", "M-{", "send-keys -X previous-paragraph"},
	{"copy-mode", "M-}", "send-keys -X next-paragraph"},
	{"copy-mode", "X", "send-keys -X set-mark"},
	{"copy-mode", "M-x", "send-keys -X jump-to-mark"},
	{"copy-mode", "P", "send-keys -X toggle-position"},
	{"copy-mode", "r", "send-keys -X refresh-from-pane"},
	{"copy-mode", "M-C-b", "send-keys -X previous-matching-bracket"},
	{"copy-mode", "M-C-f", "send-keys -X next-matching-bracket"},
	{"copy-mode", "M-Up", "send-keys -X halfpage-up"},
	{"copy-mode", "M-Down", "send-keys -X halfpage-down"},
	{"copy-mode", "M-1", "command-prompt -N -I 1 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-2", "command-prompt -N -I 2 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-3", "command-prompt -N -I 3 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-4", "command-prompt -N -I 4 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-5", "command-prompt -N -I 5 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-6", "command-prompt -N -I 6 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-7", "command-prompt -N -I 7 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-8", "command-prompt -N -I 8 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode", "M-9", "command-prompt -N -I 9 -p (repeat) \"send-keys -N '%%'\""},

	{"copy-mode-vi", "C-b", "send-keys -X page-up"},
	{"copy-mode-vi", "C-c", "send-keys -X cancel"},
	{"copy-mode-vi", "C-d", "send-keys -X halfpage-down"},
	{"copy-mode-vi", "C-e", "send-keys -X scroll-down"},
	{"copy-mode-vi", "C-f", "send-keys -X page-down"},
	{"copy-mode-vi", "C-h", "send-keys -X cursor-left"},
	{"copy-mode-vi", "C-j", "send-keys -X copy-pipe-and-cancel"},
	{"copy-mode-vi", "Enter", "send-keys -X copy-pipe-and-cancel"},
	{"copy-mode-vi", "C-u", "send-keys -X halfpage-up"},
	{"copy-mode-vi", "C-v", "send-keys -X rectangle-toggle"},
	{"copy-mode-vi", "C-y", "send-keys -X scroll-up"},
	{"copy-mode-vi", "Escape", "send-keys -X clear-selection"},
	{"copy-mode-vi", "Space", "send-keys -X begin-selection"},
	{"copy-mode-vi", "$", "send-keys -X end-of-line"},
	{"copy-mode-vi", "/",
	 "command-prompt -T search -p \"(search down)\" \"send-keys -X search-forward '%%'\""},
	{"copy-mode-vi", "0", "send-keys -X start-of-line"},
	{"copy-mode-vi", "?",
	 "command-prompt -T search -p \"(search up)\" \"send-keys -X search-backward '%%'\""},
	{"copy-mode-vi", "A", "send-keys -X append-selection-and-cancel"},
	{"copy-mode-vi", "D", "send-keys -X copy-pipe-end-of-line-and-cancel"},
	{"copy-mode-vi", "G", "send-keys -X history-bottom"},
	{"copy-mode-vi", "H", "send-keys -X top-line"},
	{"copy-mode-vi", "J", "send-keys -X scroll-down"},
	{"copy-mode-vi", "K", "send-keys -X scroll-up"},
	{"copy-mode-vi", "L", "send-keys -X bottom-line"},
	{"copy-mode-vi", "M", "send-keys -X middle-line"},
	{"copy-mode-vi", "N", "send-keys -X search-reverse"},
	{"copy-mode-vi", "V", "send-keys -X select-line"},
	{"copy-mode-vi", "^", "send-keys -X back-to-indentation"},
	{"copy-mode-vi", "b", "send-keys -X previous-word"},
	{"copy-mode-vi", "e", "send-keys -X next-word-end"},
	{"copy-mode-vi", "g", "send-keys -X history-top"},
	{"copy-mode-vi", "h", "send-keys -X cursor-left"},
	{"copy-mode-vi", "j", "send-keys -X cursor-down"},
	{"copy-mode-vi", "k", "send-keys -X cursor-up"},
	{"copy-mode-vi", "l", "send-keys -X cursor-right"},
	{"copy-mode-vi", "n", "send-keys -X search-again"},
	{"copy-mode-vi", "o", "send-keys -X other-end"},
	{"copy-mode-vi", "q", "send-keys -X cancel"},
	{"copy-mode-vi", "v", "send-keys -X rectangle-toggle"},
	{"copy-mode-vi", "w", "send-keys -X next-word"},
	{"copy-mode-vi", "#", "send-keys -FX search-backward \"#{copy_cursor_word}\""},
	{"copy-mode-vi", "*", "send-keys -FX search-forward \"#{copy_cursor_word}\""},
	{"copy-mode-vi", "%", "send-keys -X next-matching-bracket"},
	{"copy-mode-vi", "B", "send-keys -X previous-space"},
	{"copy-mode-vi", "E", "send-keys -X next-space-end"},
	{"copy-mode-vi", "W", "send-keys -X next-space"},
	{"copy-mode-vi", "P", "send-keys -X toggle-position"},
	{"copy-mode-vi", "r", "send-keys -X refresh-from-pane"},
	{"copy-mode-vi", "1", "command-prompt -N -I 1 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "2", "command-prompt -N -I 2 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "3", "command-prompt -N -I 3 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "4", "command-prompt -N -I 4 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "5", "command-prompt -N -I 5 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "6", "command-prompt -N -I 6 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "7", "command-prompt -N -I 7 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "8", "command-prompt -N -I 8 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "9", "command-prompt -N -I 9 -p (repeat) \"send-keys -N '%%'\""},
	{"copy-mode-vi", "BSpace", "send-keys -X cursor-left"},
	{"copy-mode-vi", "NPage", "send-keys -X page-down"},
	{"copy-mode-vi", "PPage", "send-keys -X page-up"},
	{"copy-mode-vi", "Up", "send-keys -X cursor-up"},
	{"copy-mode-vi", "Down", "send-keys -X cursor-down"},
	{"copy-mode-vi", "Left", "send-keys -X cursor-left"},
	{"copy-mode-vi", "Right", "send-keys -X cursor-right"},
	{"copy-mode-vi", "C-Up", "send-keys -X scroll-up"},
	{"copy-mode-vi", "C-Down", "send-keys -X scroll-down"},
	{"copy-mode-vi", "F",
	 "command-prompt -1 -p \"(jump backward)\" \"send-keys -X jump-backward '%%'\""},
	{"copy-mode-vi", "T",
	 "command-prompt -1 -p \"(jump to backward)\" \"send-keys -X jump-to-backward '%%'\""},
	{"copy-mode-vi", "f",
	 "command-prompt -1 -p \"(jump forward)\" \"send-keys -X jump-forward '%%'\""},
	{"copy-mode-vi", "t",
	 "command-prompt -1 -p \"(jump to forward)\" \"send-keys -X jump-to-forward '%%'\""},
	{"copy-mode-vi", ";", "send-keys -X jump-again"},
	{"copy-mode-vi", ",", "send-keys -X jump-reverse"},
	{"copy-mode-vi", ":", "command-prompt -p \"(goto line)\" \"send-keys -X goto-line '%%'\""},
	{"copy-mode-vi", "{", "send-keys -X previous-paragraph"},
	{"copy-mode-vi", "}", "send-keys -X next-paragraph"},
	{"copy-mode-vi", "X", "send-keys -X set-mark"},
	{"copy-mode-vi", "M-x", "send-keys -X jump-to-mark"},
};

/* The "pass the mouse to the pane, else" test of tmux's root mouse bindings. */
#define KEYS_MOUSE_IF "if-shell -F \"#{||:#{pane_in_mode},#{mouse_any_flag}}\" "

/*
 * tmux 3.3's mouse bindings (MOUSE SUPPORT in the manual), in its words,
 * the right button's menus included. pmux's WheelUpPane
 * differs in two ways: it passes the wheel to a program on the alternate
 * screen (less, man), which gets it as Up keys as terminals do, rather than
 * entering copy mode; and the step that enters copy mode scrolls too.
 */
static const struct {
	const char *table, *key, *cmd;
} keys_mouse_defaults[] = {
	{"root", "MouseDown1Pane", "select-pane -t = \\; send-keys -M"},
	{"root", "MouseDown1Status", "select-window -t ="},
	{"root", "MouseDown2Pane",
	 "select-pane -t = \\; " KEYS_MOUSE_IF "{ send-keys -M } { paste-buffer -p }"},
	{"root", "MouseDrag1Pane", KEYS_MOUSE_IF "{ send-keys -M } { copy-mode -M }"},
	{"root", "MouseDrag1Border", "resize-pane -M"},
	{"root", "WheelUpPane",
	 "if-shell -F \"#{||:#{pane_in_mode},#{||:#{mouse_any_flag},#{alternate_on}}}\" "
	 "{ send-keys -M } { copy-mode -e ; send-keys -X -N 5 scroll-up }"},
	{"root", "WheelUpStatus", "previous-window"},
	{"root", "WheelDownStatus", "next-window"},
	{"root", "DoubleClick1Pane",
	 "select-pane -t = \\; " KEYS_MOUSE_IF "{ send-keys -M } { copy-mode -H ; send-keys -X "
	 "select-word ; run-shell -d 0.3 ; send-keys -X copy-pipe-and-cancel }"},
	{"root", "TripleClick1Pane",
	 "select-pane -t = \\; " KEYS_MOUSE_IF "{ send-keys -M } { copy-mode -H ; send-keys -X "
	 "select-line ; run-shell -d 0.3 ; send-keys -X copy-pipe-and-cancel }"},
	{"root", "MouseDown3Pane",
	 "if-shell -F -t = \"#{||:#{mouse_any_flag},#{&&:#{pane_in_mode},#{?#{m/r:(copy|vi"
	 "ew)-mode,#{pane_mode}},0,1}}}\" { select-pane -t = ; send-keys -M } { display-me"
	 "nu -T \"#[align=centre]#{pane_index} (#{pane_id})\" -t = -x M -y M \"#{?#{m/r:(c"
	 "opy|view)-mode,#{pane_mode}},Go To Top,}\" < { send-keys -X history-top } \"#{?#"
	 "{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}\" > { send-keys -X history-bo"
	 "ttom } '' \"#{?mouse_word,Search For #[underscore]#{=/9/...:mouse_word},}\" C-r "
	 "{ if-shell -F \"#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}\" \"copy-mode -t=\""
	 " ; send-keys -X -t = search-backward \"#{q:mouse_word}\" } \"#{?mouse_word,Type "
	 "#[underscore]#{=/9/...:mouse_word},}\" C-y { copy-mode -q ; send-keys -l \"#{q:m"
	 "ouse_word}\" } \"#{?mouse_word,Copy #[underscore]#{=/9/...:mouse_word},}\" c { c"
	 "opy-mode -q ; set-buffer \"#{q:mouse_word}\" } \"#{?mouse_line,Copy Line,}\" l {"
	 " copy-mode -q ; set-buffer \"#{q:mouse_line}\" } '' \"Horizontal Split\" h { spl"
	 "it-window -h } \"Vertical Split\" v { split-window -v } '' \"#{?#{>:#{window_pan"
	 "es},1},,-}Swap Up\" u { swap-pane -U } \"#{?#{>:#{window_panes},1},,-}Swap Down"
	 "\" d { swap-pane -D } \"#{?pane_marked_set,,-}Swap Marked\" s { swap-pane } '' Ki"
	 "ll X { kill-pane } Respawn R { respawn-pane -k } \"#{?pane_marked,Unmark,Mark}\""
	 " m { select-pane -m } \"#{?#{>:#{window_panes},1},,-}#{?window_zoomed_flag,Unzoo"
	 "m,Zoom}\" z { resize-pane -Z } }"},
	{"root", "MouseDown3Status",
	 "display-menu -T \"#[align=centre]#{window_index}:#{window_name}\" -t = -x W -y W"
	 " \"#{?#{>:#{session_windows},1},,-}Swap Left\" l { swap-window -t :-1 } \"#{?#{>"
	 ":#{session_windows},1},,-}Swap Right\" r { swap-window -t :+1 } \"#{?pane_marked"
	 "_set,,-}Swap Marked\" s { swap-window } '' Kill X { kill-window } Respawn R { re"
	 "spawn-window -k } \"#{?pane_marked,Unmark,Mark}\" m { select-pane -m } Rename n "
	 "{ command-prompt -F -I \"#W\" { rename-window -t \"#{window_id}\" \"%%\" } } '' "
	 "\"New After\" w { new-window -a } \"New At End\" W { new-window }"},
	{"root", "MouseDown3StatusLeft",
	 "display-menu -T \"#[align=centre]#{session_name}\" -t = -x M -y W Next n { switc"
	 "h-client -n } Previous p { switch-client -p } '' Renumber N { move-window -r } R"
	 "ename n { command-prompt -I \"#S\" { rename-session \"%%\" } } '' \"New Session"
	 "\" s { new-session } \"New Window\" w { new-window }"},
	{"root", "M-MouseDown3Pane",
	 "display-menu -T \"#[align=centre]#{pane_index} (#{pane_id})\" -t = -x M -y M \"#"
	 "{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Top,}\" < { send-keys -X history-to"
	 "p } \"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}\" > { send-keys -X "
	 "history-bottom } '' \"#{?mouse_word,Search For #[underscore]#{=/9/...:mouse_word"
	 "},}\" C-r { if-shell -F \"#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}\" \"copy-"
	 "mode -t=\" ; send-keys -X -t = search-backward \"#{q:mouse_word}\" } \"#{?mouse_"
	 "word,Type #[underscore]#{=/9/...:mouse_word},}\" C-y { copy-mode -q ; send-keys "
	 "-l \"#{q:mouse_word}\" } \"#{?mouse_word,Copy #[underscore]#{=/9/...:mouse_word}"
	 ",}\" c { copy-mode -q ; set-buffer \"#{q:mouse_word}\" } \"#{?mouse_line,Copy Li"
	 "ne,}\" l { copy-mode -q ; set-buffer \"#{q:mouse_line}\" } '' \"Horizontal Split"
	 "\" h { split-window -h } \"Vertical Split\" v { split-window -v } '' \"#{?#{>:#{"
	 "window_panes},1},,-}Swap Up\" u { swap-pane -U } \"#{?#{>:#{window_panes},1},,-}"
	 "Swap Down\" d { swap-pane -D } \"#{?pane_marked_set,,-}Swap Marked\" s { swap-pa"
	 "ne } '' Kill X { kill-pane } Respawn R { respawn-pane -k } \"#{?pane_marked,Unma"
	 "rk,Mark}\" m { select-pane -m } \"#{?#{>:#{window_panes},1},,-}#{?window_zoomed_"
	 "flag,Unzoom,Zoom}\" z { resize-pane -Z }"},
#define KEYS_COPY_MOUSE(table)                                                                     \
	{table, "MouseDown1Pane", "select-pane"},                                                  \
		{table, "MouseDrag1Pane", "select-pane \\; send-keys -X begin-selection"},         \
		{table, "MouseDragEnd1Pane", "send-keys -X copy-pipe-and-cancel"},                 \
		{table, "WheelUpPane", "select-pane \\; send-keys -X -N 5 scroll-up"},             \
		{table, "WheelDownPane", "select-pane \\; send-keys -X -N 5 scroll-down"},         \
		{table, "DoubleClick1Pane",                                                        \
		 "select-pane \\; send-keys -X select-word \\; run-shell -d 0.3 \\; send-keys -X " \
		 "copy-pipe-and-cancel"},                                                          \
	{                                                                                          \
		table, "TripleClick1Pane",                                                         \
			"select-pane \\; send-keys -X select-line \\; run-shell -d 0.3 \\; "       \
			"send-keys -X "                                                            \
			"copy-pipe-and-cancel"                                                     \
	}
	KEYS_COPY_MOUSE("copy-mode"),
	KEYS_COPY_MOUSE("copy-mode-vi"),
#undef KEYS_COPY_MOUSE
};

struct key_tables *keys_new(void)
{
	return xcalloc(1, sizeof(struct key_tables));
}

static void binding_free(struct key_binding *b)
{
	free(b->cmd);
	free(b->note);
	free(b);
}

static void table_clear(struct key_table *t)
{
	struct key_binding *b, *next;

	for (b = t->bindings; b != NULL; b = next) {
		next = b->next;
		binding_free(b);
	}
	t->bindings = NULL;
}

void keys_free(struct key_tables *kt)
{
	struct key_table *t, *next;

	if (kt == NULL)
		return;
	for (t = kt->tables; t != NULL; t = next) {
		next = t->next;
		table_clear(t);
		free(t->name);
		free(t);
	}
	free(kt);
}

void keys_add_defaults(struct key_tables *kt)
{
	struct key k;

	for (size_t i = 0; i < sizeof keys_defaults / sizeof keys_defaults[0]; i++) {
		if (key_parse(keys_defaults[i].key, &k) == 0)
			keys_bind(kt, "prefix", &k, keys_defaults[i].cmd, keys_defaults[i].repeat,
				  keys_defaults[i].note);
	}
	for (size_t i = 0; i < sizeof keys_copy_defaults / sizeof keys_copy_defaults[0]; i++) {
		if (key_parse(keys_copy_defaults[i].key, &k) == 0)
			keys_bind(kt, keys_copy_defaults[i].table, &k, keys_copy_defaults[i].cmd, 0,
				  NULL);
	}
	for (size_t i = 0; i < sizeof keys_mouse_defaults / sizeof keys_mouse_defaults[0]; i++) {
		if (key_parse(keys_mouse_defaults[i].key, &k) == 0)
			keys_bind(kt, keys_mouse_defaults[i].table, &k, keys_mouse_defaults[i].cmd,
				  0, NULL);
	}
}

struct key_table *keys_table(struct key_tables *kt, const char *name, int create)
{
	struct key_table **tp, *t;

	for (tp = &kt->tables; *tp != NULL; tp = &(*tp)->next) {
		int cmp = strcmp((*tp)->name, name);

		if (cmp == 0)
			return *tp;
		if (cmp > 0)
			break;
	}
	if (!create)
		return NULL;
	t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->next = *tp;
	*tp = t;
	return t;
}

/* Where a special key sorts after the characters, in tmux's order. */
static uint32_t sym_rank(VTermKey sym)
{
	static const VTermKey order[] = {
		VTERM_KEY_INS,	    VTERM_KEY_DEL,    VTERM_KEY_HOME,  VTERM_KEY_END,
		VTERM_KEY_PAGEDOWN, VTERM_KEY_PAGEUP, VTERM_KEY_TAB,   VTERM_KEY_UP,
		VTERM_KEY_DOWN,	    VTERM_KEY_LEFT,   VTERM_KEY_RIGHT,
	};

	if (sym > VTERM_KEY_FUNCTION_0 && sym <= VTERM_KEY_FUNCTION_MAX)
		return sym - VTERM_KEY_FUNCTION_0;
	for (uint32_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (order[i] == sym)
			return 0x100 + i;
	}
	return 0x200 + sym;
}

/*
 * tmux's list order, which follows its key codes: Enter, Tab, Escape, BSpace
 * and C-<letter> are their control characters, so they sort among the
 * characters; then the special keys; then Meta, Ctrl and Shift variants.
 */
static uint64_t key_order(const struct key *k)
{
	uint64_t m = ((k->mod & VTERM_MOD_ALT) ? 1 : 0) | ((k->mod & VTERM_MOD_CTRL) ? 2 : 0) |
		     ((k->mod & VTERM_MOD_SHIFT) ? 4 : 0);
	uint64_t base;

	if (k->kind == KEY_CHAR && (m & 2) && k->cp >= 'a' && k->cp <= 'z') {
		base = k->cp - 'a' + 1;
		m &= ~2u;
	} else if (k->kind == KEY_CHAR) {
		base = k->cp;
	} else if (k->kind == KEY_MOUSE) {
		base = 0x110000 + k->cp; /* after the characters, before F1 */
	} else if (k->kind == KEY_USER) {
		base = 0x11f000 + k->cp; /* after the mouse keys */
	} else if (k->sym == VTERM_KEY_ENTER) {
		base = 0x0d;
	} else if (k->sym == VTERM_KEY_ESCAPE) {
		base = 0x1b;
	} else if (k->sym == VTERM_KEY_BACKSPACE) {
		base = 0x7f;
	} else if (k->sym == VTERM_KEY_TAB && !(m & 4)) {
		base = 0x09;
	} else {
		base = 0x120000 + sym_rank(k->sym);
		if (k->sym == VTERM_KEY_TAB)
			m &= ~4u; /* BTab is a key of its own */
	}
	return (m << 32) | base;
}

static int keys_compare(const struct key *a, const struct key *b)
{
	uint64_t x = key_order(a), y = key_order(b);

	return x < y ? -1 : x > y;
}

/* Canonical form, so that comparisons of stored keys are plain. */
static struct key key_canonical(const struct key *k)
{
	char name[64];
	struct key n = *k;

	key_name(k, name, sizeof name);
	if (key_parse(name, &n) != 0)
		n = *k;
	return n;
}

/* The same key for bindings: C-m is Enter, C-i Tab, as on a terminal. */
static int same_key(const struct key *stored, const struct key *k)
{
	struct key n = key_canonical(k);

	return keys_compare(stored, &n) == 0;
}

void keys_bind(struct key_tables *kt, const char *table, const struct key *k, const char *cmd,
	       int repeat, const char *note)
{
	struct key_table *t = keys_table(kt, table, 1);
	struct key n = key_canonical(k);
	struct key_binding **bp, *b;
	/* copied first: cmd or note may be the binding's own (bind -N) */
	char *new_cmd = xstrdup(cmd), *new_note = note != NULL ? xstrdup(note) : NULL;
	int cmp = 1;

	for (bp = &t->bindings; *bp != NULL; bp = &(*bp)->next) {
		cmp = keys_compare(&(*bp)->key, &n);
		if (cmp >= 0)
			break;
	}
	if (*bp != NULL && cmp == 0) {
		b = *bp;
		b->key = n; /* C-m replaces Enter: the name given last is shown */
		free(b->cmd);
		free(b->note);
	} else {
		b = xcalloc(1, sizeof *b);
		b->key = n;
		b->next = *bp;
		*bp = b;
	}
	b->cmd = new_cmd;
	b->note = new_note;
	b->repeat = repeat;
}

/* tmux drops a table once its last binding goes. */
static void table_remove_if_empty(struct key_tables *kt, struct key_table *t)
{
	struct key_table **tp;

	if (t->bindings != NULL)
		return;
	for (tp = &kt->tables; *tp != NULL && *tp != t; tp = &(*tp)->next)
		;
	if (*tp == NULL)
		return;
	*tp = t->next;
	free(t->name);
	free(t);
}

int keys_unbind(struct key_tables *kt, const char *table, const struct key *k)
{
	struct key_table *t = keys_table(kt, table, 0);
	struct key_binding **bp, *b;

	if (t == NULL)
		return -1;
	for (bp = &t->bindings; *bp != NULL; bp = &(*bp)->next) {
		if (same_key(&(*bp)->key, k)) {
			b = *bp;
			*bp = b->next;
			binding_free(b);
			table_remove_if_empty(kt, t);
			return 0;
		}
	}
	return -1;
}

void keys_unbind_all(struct key_tables *kt, const char *table)
{
	struct key_table *t = keys_table(kt, table, 0);

	if (t != NULL) {
		table_clear(t);
		table_remove_if_empty(kt, t);
	}
}

const struct key_binding *keys_lookup(struct key_tables *kt, const char *table, const struct key *k)
{
	struct key_table *t = keys_table(kt, table, 0);
	struct key_binding *b;
	struct key n;

	if (t == NULL)
		return NULL;
	/* once, not per binding: every key typed comes here, and the root
	 * table holds tmux's forty mouse bindings */
	n = key_canonical(k);
	for (b = t->bindings; b != NULL; b = b->next) {
		int cmp = keys_compare(&b->key, &n);

		if (cmp >= 0) /* (kept in order: keys_bind) */
			return cmp == 0 ? b : NULL;
	}
	return NULL;
}

/* A key name as a word bind-key accepts back, as tmux prints it (\#, "M-$"). */
static void key_word(const struct key *k, char *buf, size_t size)
{
	char name[64];
	struct buf b;

	key_name(k, name, sizeof name);
	buf_init(&b);
	parse_quote(&b, name);
	snprintf(buf, size, "%s", buf_cstr(&b));
	buf_free(&b);
}

/* Columns lined up like tmux's list-keys: the widths of the table names
 * and keys listed, and whether any has -r (else there is no such column). */
struct list_layout {
	int tw, kw, repeat;
};

static int listed(const struct key_table *t, const char *table)
{
	return table == NULL || strcmp(t->name, table) == 0;
}

static void list_layout(struct key_tables *kt, const char *table, const struct key *only,
			struct list_layout *l)
{
	struct key_table *t;
	struct key_binding *b;
	char word[80];

	memset(l, 0, sizeof *l);
	for (t = kt->tables; t != NULL; t = t->next) {
		for (b = listed(t, table) ? t->bindings : NULL; b != NULL; b = b->next) {
			if (only != NULL && !same_key(&b->key, only))
				continue;
			key_word(&b->key, word, sizeof word);
			if ((int)strlen(word) > l->kw)
				l->kw = (int)strlen(word);
			if ((int)strlen(t->name) > l->tw)
				l->tw = (int)strlen(t->name);
			l->repeat |= b->repeat;
		}
	}
}

static void list_table(const struct key_table *t, const struct key *only, int notes,
		       const struct list_layout *l, struct buf *out)
{
	const struct key_binding *b;
	char word[80];

	for (b = t->bindings; b != NULL; b = b->next) {
		if (only != NULL && !same_key(&b->key, only))
			continue;
		key_word(&b->key, word, sizeof word);
		if (notes) {
			if (b->note != NULL)
				buf_printf(out, "%-*s %s\n", l->kw, word, b->note);
			continue;
		}
		buf_adds(out, "bind-key ");
		if (l->repeat)
			buf_adds(out, b->repeat ? "-r " : "   ");
		buf_printf(out, "-T %-*s %-*s %s\n", l->tw, t->name, l->kw, word, b->cmd);
	}
}

int keys_list(struct key_tables *kt, const char *table, const struct key *only, int notes,
	      struct buf *out)
{
	struct key_table *t;
	struct list_layout l;

	if (table != NULL && keys_table(kt, table, 0) == NULL)
		return -1;
	list_layout(kt, table, only, &l);
	for (t = kt->tables; t != NULL; t = t->next) {
		if (listed(t, table))
			list_table(t, only, notes, &l, out);
	}
	return 0;
}

char *keys_join_words(int argc, char **argv)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		parse_quote(&b, argv[i]); /* a separator ; stays one: \; */
	}
	return buf_detach(&b);
}

/* A response inserted where the template has quote ('\'' or '"'); outside
 * quotes it goes in as text to parse (the default template "%1" runs what
 * was typed). */
static void add_response(struct buf *b, const char *r, char quote)
{
	for (; *r != '\0'; r++) {
		if (quote == '\'' && *r == '\'')
			buf_adds(b, "'\\''"); /* close, a literal quote, reopen */
		else if (quote == '"' && strchr("\"\\$", *r) != NULL)
			buf_addc(b, '\\'), buf_addc(b, *r);
		else
			buf_addc(b, *r);
	}
}

char *keys_template(const char *tmpl, char **responses, int n)
{
	struct buf b;
	char quote = 0;

	buf_init(&b);
	for (const char *p = tmpl; *p != '\0'; p++) {
		if (*p == '%' && (p[1] == '%' || (p[1] >= '1' && p[1] <= '9'))) {
			int i = p[1] == '%' ? 0 : p[1] - '1';

			if (i < n)
				add_response(&b, responses[i], quote);
			p++;
			continue;
		}
		if (quote == 0 && (*p == '\'' || *p == '"'))
			quote = *p;
		else if (quote != 0 && *p == quote)
			quote = 0;
		else if (*p == '\\' && quote != '\'' && p[1] != '\0')
			buf_addc(&b, *p++);
		buf_addc(&b, *p);
	}
	return buf_detach(&b);
}

struct key_tables *keys_server(void)
{
	/* One server per process: its tables live as long as it does. */
	static struct key_tables *server_keys;

	if (server_keys == NULL) {
		server_keys = keys_new();
		keys_add_defaults(server_keys);
	}
	return server_keys;
}
