#!/usr/bin/env bash
# Run benches/threads/*.py under gilt and CPython, side by side: figures each
# program measures itself (latencies, ratios), as the GIL shapes them.
#
#   benches/threads.sh [--gilt PATH]
#
# CPython: /usr/bin/python3.11 if present, else python3's sys.executable.
set -uo pipefail
cd "$(dirname "$0")/.."
gilt=target/release/gilt
[ "${1:-}" = --gilt ] && gilt=$2
[ -x "$gilt" ] || { echo "threads.sh: no $gilt; run cargo build --release" >&2; exit 2; }
if [ -x /usr/bin/python3.11 ]; then PY=/usr/bin/python3.11
else PY=$(python3 -c 'import sys; print(sys.executable)'); fi
for prog in benches/threads/*.py; do
    echo "== $prog"
    paste -d'|' <("$gilt" "$prog" | sed 's/^/gilt:   /') <("$PY" "$prog" | sed 's/^/python: /') |
        tr '|' '\t'
done
