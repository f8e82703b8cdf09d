/* options_help: one line about each option, for customize mode's preview
 * (server/choose_customize.c). Sorted by name. */
#include <stdlib.h>
#include <string.h>

#include "cmd/options.h"

struct help {
	const char *name, *text;
};

static const struct help helps[] = {
	{"activity-action", "Which windows' activity alerts are acted on."},
	{"aggressive-resize", "Size a window by the clients showing it rather than all attached "
			      "to its session."},
	{"allow-passthrough", "Whether programs may pass sequences to the terminal with the tmux "
			      "passthrough sequence (all: also from panes not shown)."},
	{"allow-rename", "Whether programs may rename the window with an escape sequence."},
	{"alternate-screen",
	 "Whether programs may use the alternate screen (modes 47, 1047, 1049)."},
	{"assume-paste-time", "Keys arriving faster than this are taken as pasted text, not "
			      "bindings."},
	{"automatic-rename", "Whether the window is named after its active pane's command."},
	{"automatic-rename-format", "The format for automatic window names."},
	{"backspace", "The key the Backspace key is sent as."},
	{"base-index", "The index of a session's first window."},
	{"bell-action", "Which windows' bells are acted on."},
	{"buffer-limit", "How many automatic paste buffers are kept; the oldest goes first."},
	{"clock-mode-colour", "The colour of clock mode's clock."},
	{"clock-mode-style", "Clock mode's clock: 12 or 24 hour."},
	{"command-alias", "Command aliases, each alias=command."},
	{"copy-command", "The command copy-pipe pipes to when given none."},
	{"copy-mode-current-match-style", "The style of the current search match in copy mode."},
	{"copy-mode-mark-style", "The style of the line with the mark in copy mode."},
	{"copy-mode-match-style", "The style of search matches in copy mode."},
	{"cursor-colour", "The colour of the cursor (none: the terminal's)."},
	{"cursor-style", "The shape of the cursor (default: the terminal's)."},
	{"default-command", "The command new windows run (empty: the shell)."},
	{"default-shell", "The shell new windows run."},
	{"default-size", "The size of new windows when no client gives one (WIDTHxHEIGHT)."},
	{"default-terminal", "TERM in new panes."},
	{"destroy-unattached", "Whether a session is destroyed when its last client detaches."},
	{"detach-on-destroy", "Whether a client detaches when its session is destroyed, rather "
			      "than switching to another."},
	{"display-panes-active-colour", "display-panes' colour for the active pane."},
	{"display-panes-colour", "display-panes' colour for the other panes."},
	{"display-panes-time", "How long display-panes shows its numbers."},
	{"display-time", "How long messages stay on the status line (0: until a key)."},
	{"editor", "The editor buffer mode's e runs."},
	{"escape-time", "How long to wait after an Escape for the rest of a key sequence."},
	{"exit-empty", "Whether the server exits when no session is left."},
	{"exit-unattached", "Whether the server exits when no client is attached."},
	{"extended-keys", "Whether keys with modifiers are sent to programs as extended keys."},
	{"extended-keys-format", "How extended keys are encoded for programs."},
	{"fill-character", "The character that fills the parts of a window no pane covers."},
	{"focus-events", "Whether focus changes are passed to programs that ask for them."},
	{"history-file", "The file the command prompt's history is kept in (empty: none)."},
	{"history-limit", "How many lines of history new panes keep."},
	{"key-table", "The key table keys start in (by default root)."},
	{"lock-after-time", "Lock the session after this many seconds idle (0: never)."},
	{"lock-command", "The command that locks a client."},
	{"main-pane-height", "The height of the main pane in the main-horizontal layouts."},
	{"main-pane-width", "The width of the main pane in the main-vertical layouts."},
	{"menu-border-lines", "The lines of menus' borders."},
	{"menu-border-style", "The style of menus' borders."},
	{"menu-selected-style", "The style of the chosen menu item."},
	{"menu-style", "The style of menus."},
	{"message-command-style", "The style of the status line in vi command mode."},
	{"message-limit", "How many messages are kept for show-messages."},
	{"message-style", "The style of messages and the command prompt."},
	{"mode-keys", "Key bindings of copy mode: emacs or vi."},
	{"mode-style", "The style of the current line in modes and the selection."},
	{"monitor-activity", "Whether activity in the window is an alert."},
	{"monitor-bell", "Whether a bell in the window is an alert."},
	{"monitor-silence", "Seconds of silence after which the window alerts (0: never)."},
	{"mouse", "Whether the mouse selects, resizes and scrolls."},
	{"other-pane-height", "The height of the other panes in the main-horizontal layouts."},
	{"other-pane-width", "The width of the other panes in the main-vertical layouts."},
	{"pane-active-border-style", "The style of the active pane's border."},
	{"pane-base-index", "The index of a window's first pane."},
	{"pane-border-format", "The text in pane borders when pane-border-status is on."},
	{"pane-border-indicators",
	 "How the active pane's border is marked (colour, arrows, both)."},
	{"pane-border-lines", "The lines pane borders are drawn with."},
	{"pane-border-status", "Whether pane borders show a status line, at the top or bottom."},
	{"pane-border-style", "The style of pane borders."},
	{"pane-colours", "Colours for palette indexes in this pane's output, index by index."},
	{"popup-border-lines", "The lines of popups' borders."},
	{"popup-border-style", "The style of popups' borders."},
	{"popup-style", "The style of popups."},
	{"prefix", "The prefix key."},
	{"prefix2", "A second prefix key."},
	{"prompt-history-limit", "How many entries each command prompt history keeps."},
	{"remain-on-exit", "Whether a pane stays when its program exits (failed: only when it "
			   "failed)."},
	{"remain-on-exit-format", "The text shown at the bottom of a pane kept after its program "
				  "exited."},
	{"renumber-windows", "Whether windows are renumbered when one closes."},
	{"repeat-time", "How long a key bound with -r may be repeated without the prefix."},
	{"scroll-on-clear", "Whether clearing the screen keeps its lines in the history."},
	{"set-clipboard", "Whether copying sets the terminal's clipboard and programs may."},
	{"set-titles", "Whether the terminal's title is set."},
	{"set-titles-string", "The format of the terminal's title."},
	{"silence-action", "Which windows' silence alerts are acted on."},
	{"status", "Whether the status line is shown, and how many lines it has."},
	{"status-bg", "The status line's background colour."},
	{"status-fg", "The status line's foreground colour."},
	{"status-format", "The format of each status line."},
	{"status-interval", "Seconds between status line updates."},
	{"status-justify", "Where the window list goes on the status line."},
	{"status-keys", "Key bindings of the command prompt: emacs or vi."},
	{"status-left", "The text left of the window list."},
	{"status-left-length", "The most cells status-left takes."},
	{"status-left-style", "The style of status-left."},
	{"status-position", "Whether the status line is at the top or bottom."},
	{"status-right", "The text right of the window list."},
	{"status-right-length", "The most cells status-right takes."},
	{"status-right-style", "The style of status-right."},
	{"status-style", "The style of the status line."},
	{"synchronize-panes", "Whether keys typed to one pane go to every pane of the window."},
	{"terminal-features", "Features of terminals, by TERM pattern."},
	{"terminal-overrides", "terminfo entries to override, by TERM pattern."},
	{"update-environment", "Variables copied from the client's environment when a session is "
			       "made or attached to."},
	{"user-keys", "Terminal sequences that become the keys User0, User1 and so on."},
	{"visual-activity", "Whether activity alerts show a message, ring the bell, or both."},
	{"visual-bell", "Whether bell alerts show a message, ring the bell, or both."},
	{"visual-silence", "Whether silence alerts show a message, ring the bell, or both."},
	{"window-active-style", "The default style of the active pane."},
	{"window-size", "How a window's size follows its clients (largest, smallest, manual, "
			"latest)."},
	{"window-status-activity-style", "The style of windows with an activity alert in the "
					 "window list."},
	{"window-status-bell-style", "The style of windows with a bell alert in the window list."},
	{"window-status-current-format", "The format of the current window in the window list."},
	{"window-status-current-style", "The style of the current window in the window list."},
	{"window-status-format", "The format of windows in the window list."},
	{"window-status-last-style", "The style of the last window in the window list."},
	{"window-status-separator", "The text between windows in the window list."},
	{"window-status-style", "The style of windows in the window list."},
	{"window-style", "The default style of panes."},
	{"word-separators", "Characters that end words in copy mode."},
	{"wrap-search", "Whether copy mode searches wrap around."},
	{"xterm-keys", "Whether keys with modifiers are sent to programs in xterm's form."},
};

static int compare(const void *key, const void *elem)
{
	return strcmp(key, ((const struct help *)elem)->name);
}

const char *options_help(const char *name)
{
	const struct help *h =
		bsearch(name, helps, sizeof helps / sizeof helps[0], sizeof helps[0], compare);

	return h != NULL ? h->text : NULL;
}
