#!/usr/bin/env bash
# The benchmark: every figure of pmux's performance bars, pmux against tmux in
# the same run. Builds pmux (scripts/setup.sh build, which also installs
# Debian's tmux when it is missing), then runs bench/bench.py with the
# arguments given, e.g.
#   bench/run.sh --results bench/RESULTS.md   full run (about 10-15 minutes)
#   bench/run.sh --only latency,memory --runs 3
#   bench/run.sh --quick                      CI smoke test (about a minute)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh build >/dev/null
BENCH_COMMAND=bench/run.sh exec python3 bench/bench.py "$@"
