#!/usr/bin/env bash
# Time benches/greenlet_switch.py under gilt and under CPython with the greenlet
# package (tests/.venv-greenlet, which tests/regen_goldens.sh makes, or
# $GREENLET_PYTHON): median of N runs (default 5) each, and the ratio.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
py=${GREENLET_PYTHON:-tests/.venv-greenlet/bin/python}
[ -x "$py" ] || { echo "greenlet.sh: no $py (run tests/regen_goldens.sh tests/cases/greenlet/*.py first)" >&2; exit 2; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null || exit 1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
g=$(for _ in $(seq "$runs"); do time_of target/release/gilt benches/greenlet_switch.py; done | median)
c=$(for _ in $(seq "$runs"); do time_of "$py" benches/greenlet_switch.py; done | median)
[ "$(target/release/gilt benches/greenlet_switch.py)" = "$("$py" benches/greenlet_switch.py)" ] || echo "OUTPUTS DIFFER"
printf 'greenlet_switch  gilt %.3f s  python %.3f s  ratio %.2f\n' "$g" "$c" "$(echo "$g / $c" | bc -l)"
