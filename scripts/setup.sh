#!/usr/bin/env bash
# Set up, build, start and test pmux on Debian.
#
#   scripts/setup.sh deps           install every build and test dependency (Debian packages)
#   scripts/setup.sh build          deps, then configure and build in build/
#   scripts/setup.sh start          build, then attach to (or create) the session "main"
#   scripts/setup.sh test           build, then run every test (ctest)
#   scripts/setup.sh test-sanitize  deps, then build in build-asan with ASan+UBSan and run every test
#
# Idempotent: when everything is installed, "deps" only runs dpkg-query and returns.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build and test dependencies, all from Debian's archive. tmux is used by tests and benchmarks
# to compare against; tmuxp, python3-libtmux and jq by later compatibility tests.
PACKAGES=(
	build-essential cmake pkg-config
	libuv1-dev libtickit-dev libvterm-dev
	ncurses-term ncurses-bin
	python3 procps util-linux
	tmux tmuxp python3-libtmux jq
)
VTERM_MIN=0.3.3
TRIXIE_SOURCES=/etc/apt/sources.list.d/pmux-trixie.sources
TRIXIE_PREFS=/etc/apt/preferences.d/pmux-trixie

log() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root to run '$*' (run as root or install sudo)"
	fi
}

# True when package $1 is installed (and, with $2, at version >= $2).
pkg_installed() {
	local status version
	status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null) || return 1
	[ "${status:0:2}" = "ii" ] || return 1
	[ $# -lt 2 ] && return 0
	version=$(dpkg-query -W -f='${Version}' "$1" 2>/dev/null) || return 1
	dpkg --compare-versions "$version" ge "$2"
}

# Write $2 to file $1 as root unless it already has exactly that content.
write_file() {
	if [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; then
		return 0
	fi
	log "writing $1"
	printf '%s\n' "$2" | as_root tee "$1" >/dev/null
}

# Debian bookworm ships libvterm 0.1.4. Take libvterm0/libvterm-dev (and nothing else) from
# trixie: the source is pinned at priority 1 for every package, so nothing is installed or
# upgraded from it unless asked for, and at 990 for exactly those two packages.
add_trixie_libvterm() {
	[ -r /usr/share/keyrings/debian-archive-keyring.gpg ] ||
		die "/usr/share/keyrings/debian-archive-keyring.gpg is missing (apt-get install debian-archive-keyring)"
	write_file "$TRIXIE_SOURCES" "Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
	write_file "$TRIXIE_PREFS" "Package: *
Pin: release n=trixie
Pin-Priority: 1

Package: libvterm0 libvterm-dev
Pin: release n=trixie
Pin-Priority: 990"
}

cmd_deps() {
	if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
		die "this script installs Debian packages (apt-get, dpkg-query not found); install by hand: ${PACKAGES[*]} (libvterm >= $VTERM_MIN)"
	fi

	local codename="" missing=() p
	if [ -r /etc/os-release ]; then
		# shellcheck source=/dev/null
		codename=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")
	fi

	for p in "${PACKAGES[@]}"; do
		[ "$p" = libvterm-dev ] && continue
		pkg_installed "$p" || missing+=("$p")
	done
	if ! pkg_installed libvterm-dev "$VTERM_MIN" || ! pkg_installed libvterm0 "$VTERM_MIN"; then
		missing+=(libvterm0 libvterm-dev)
		if [ "$codename" = bookworm ]; then
			add_trixie_libvterm
		fi
	fi

	if [ ${#missing[@]} -gt 0 ]; then
		log "installing: ${missing[*]}"
		# apt-get update once: the package lists may be stale, or the trixie source new.
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update
		as_root env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y --no-install-recommends "${missing[@]}"
	fi

	if ! pkg-config --atleast-version="$VTERM_MIN" vterm; then
		die "libvterm >= $VTERM_MIN is required, pkg-config finds $(pkg-config --modversion vterm 2>/dev/null || echo none).
On Debian bookworm this script installs libvterm0/libvterm-dev from trixie; on trixie or newer, apt-get install libvterm-dev.
Check with: apt-cache policy libvterm-dev"
	fi
	[ ${#missing[@]} -gt 0 ] || log "all dependencies installed (libvterm $(pkg-config --modversion vterm))"
}

cmd_build() {
	cmd_deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build -j"$(nproc)"
}

cmd_start() {
	cmd_build
	if [ -t 0 ]; then
		if build/pmux has-session -t main 2>/dev/null; then
			exec build/pmux attach -t main
		fi
		exec build/pmux new-session -s main
	fi
	build/pmux has-session -t main 2>/dev/null || build/pmux new-session -d -s main
	echo "pmux is running a session named main (no terminal here to attach it to)."
	echo "Attach from a terminal with:  $(pwd)/build/pmux attach -t main   (C-b d detaches)"
}

cmd_test() {
	cmd_build
	exec ctest --test-dir build --output-on-failure -j2
}

cmd_test_sanitize() {
	cmd_deps
	cmake -S . -B build-asan -DPMUX_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-asan -j"$(nproc)"
	# The server is a daemon with stderr on /dev/null: sanitizer reports from
	# every pmux process go to files, and any report fails the run.
	local reports rc=0
	reports=$(mktemp -d)
	export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$reports/asan"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
	ctest --test-dir build-asan --output-on-failure -j2 || rc=$?
	if compgen -G "$reports/*" >/dev/null; then
		log "sanitizer reports:"
		# the names carry the pid: an empty report still says whose it was
		ls -l "$reports" >&2
		cat "$reports"/* >&2
		rc=1
	fi
	rm -rf "$reports"
	return "$rc"
}

usage() {
	echo "usage: $0 {deps|build|start|test|test-sanitize}" >&2
	exit 2
}

[ $# -eq 1 ] || usage
case "$1" in
deps) cmd_deps ;;
build) cmd_build ;;
start) cmd_start ;;
test) cmd_test ;;
test-sanitize) cmd_test_sanitize ;;
*) usage ;;
esac
