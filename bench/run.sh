#!/usr/bin/env bash
# Side-by-side benchmarks, pmux and tmux in the same run (tmux comes from
# Debian's package, installed by the setup script). Arguments go to flood.py,
# e.g. bench/run.sh --mb 8 --runs 5
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh build >/dev/null
exec python3 bench/flood.py --pmux build/pmux "$@"
