#!/usr/bin/env bash
# Time every benches/bm_*.py under gilt and under CPython, and check they print the same.
#
#   benches/run.sh [--runs N] [--gilt PATH] [NAME...]
#
# Each program runs N times (default 5) on each side, alternating gilt and CPython so
# that load from other work hits both alike; the median wall time of each side is
# shown with the ratio gilt/python (below 1 means gilt is faster), the peak RSS of each
# side (the largest over the runs; needs /usr/bin/time), and at the end the geometric
# mean of the ratios. NAME... picks programs (e.g. `fib sort`); the default is all.
# The output of every run is compared with CPython's: a difference is reported loudly,
# that program is left out of the mean, and the script exits with status 1.
# Start-up is timed too: `-c pass` if gilt has -c, else running an empty file.
#
# CPython: /usr/bin/python3.11 if it exists (Debian's is built with PGO and LTO, the
# fastest here), else python3's sys.executable; PYTHON=... overrides.
# Builds nothing: run `cargo build --release` first.
set -uo pipefail

cd "$(dirname "$0")/.."
runs=5
gilt=target/release/gilt
picks=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --gilt) gilt=$2; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) picks+=("$1"); shift ;;
    esac
done
case $runs in ''|*[!0-9]*|0) echo "run.sh: --runs needs a positive integer" >&2; exit 2 ;; esac
[ -x "$gilt" ] || { echo "run.sh: no $gilt; run cargo build --release" >&2; exit 2; }

if [ -n "${PYTHON:-}" ]; then
    PY=$PYTHON
elif [ -x /usr/bin/python3.11 ]; then
    PY=/usr/bin/python3.11
else
    PY=$(python3 -c 'import sys; print(sys.executable)')
fi

TIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    TIME=/usr/bin/time
fi

progs=()
if [ ${#picks[@]} -eq 0 ]; then
    progs=(benches/bm_*.py)
else
    for p in "${picks[@]}"; do
        p=${p%.py}; p=${p#bm_}; p=${p##*/bm_}
        [ -f "benches/bm_$p.py" ] || { echo "run.sh: no benches/bm_$p.py" >&2; exit 2; }
        progs+=("benches/bm_$p.py")
    done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gilt_bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { echo "${EPOCHREALTIME/[,]/.}"; }

# run_once OUT ERR CMD... : runs CMD with stdout to OUT and stderr to ERR; sets
# secs (wall time), rss (peak KB, or empty) and rc.
run_once() {
    local out=$1 err=$2; shift 2
    local t0 t1
    rss=
    if [ -n "$TIME" ]; then
        t0=$(now)
        "$TIME" -f %M -o "$work/rss" "$@" >"$out" 2>"$err"
        rc=$?
        t1=$(now)
        rss=$(tail -n 1 "$work/rss")
        case $rss in ''|*[!0-9]*) rss= ;; esac
    else
        t0=$(now)
        "$@" >"$out" 2>"$err"
        rc=$?
        t1=$(now)
    fi
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -n 1; }

echo "gilt:    $gilt ($("$gilt" --version 2>&1 | head -n 1))"
echo "python:  $PY ($("$PY" --version 2>&1))"
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "runs:    $runs per side, median wall time; peak RSS $([ -n "$TIME" ] && echo "from $TIME" || echo "not measured (no /usr/bin/time)")"
echo

fmt_rss() { if [ -n "$1" ]; then awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; else echo -; fi; }

printf '%-22s %9s %9s %8s %10s %10s\n' program "gilt s" "python s" ratio "gilt MB" "python MB"
printf '%-22s %9s %9s %8s %10s %10s\n' ---------------------- --------- --------- -------- ---------- ----------

bad=0
ratios=()
for prog in "${progs[@]}"; do
    name=$(basename "$prog" .py)
    : >"$work/g.times"; : >"$work/p.times"; : >"$work/g.rss"; : >"$work/p.rss"
    status=ok
    for ((i = 0; i < runs; i++)); do
        run_once "$work/p.out" "$work/p.err" "$PY" "$prog"
        if [ "$rc" -ne 0 ]; then
            status="python exited with $rc"; sed 's/^/    /' "$work/p.err" | tail -n 5 >"$work/why"; break
        fi
        echo "$secs" >>"$work/p.times"; [ -n "$rss" ] && echo "$rss" >>"$work/p.rss"
        [ "$i" -eq 0 ] && cp "$work/p.out" "$work/expected"
        run_once "$work/g.out" "$work/g.err" "$gilt" "$prog"
        if [ "$rc" -ne 0 ]; then
            status="gilt exited with $rc"; sed 's/^/    /' "$work/g.err" | tail -n 5 >"$work/why"; break
        fi
        echo "$secs" >>"$work/g.times"; [ -n "$rss" ] && echo "$rss" >>"$work/g.rss"
        if ! cmp -s "$work/expected" "$work/g.out"; then
            status="OUTPUT DIFFERS"; diff "$work/g.out" "$work/expected" | head -n 10 | sed 's/^/    /' >"$work/why"; break
        fi
        if ! cmp -s "$work/expected" "$work/p.out"; then
            status="python's output changes between runs"; : >"$work/why"; break
        fi
    done
    if [ "$status" != ok ]; then
        bad=1
        printf '%-22s  *** MISMATCH: %s ***\n' "$name" "$status"
        [ "$status" = "OUTPUT DIFFERS" ] && echo "    (diff: < gilt, > python)"
        cat "$work/why"
        continue
    fi
    g=$(median <"$work/g.times"); p=$(median <"$work/p.times")
    ratio=$(awk -v g="$g" -v p="$p" 'BEGIN { printf "%.2f", g / p }')
    ratios+=("$(awk -v g="$g" -v p="$p" 'BEGIN { printf "%.9f", g / p }')")
    printf '%-22s %9.3f %9.3f %8s %10s %10s\n' "$name" "$g" "$p" "$ratio" \
        "$(fmt_rss "$(maximum <"$work/g.rss")")" "$(fmt_rss "$(maximum <"$work/p.rss")")"
done

if [ ${#ratios[@]} -gt 0 ]; then
    geo=$(printf '%s\n' "${ratios[@]}" | awk '{ s += log($1) } END { printf "%.2f", exp(s / NR) }')
    printf '%-22s %9s %9s %8s   (%d programs)\n' "geometric mean" "" "" "$geo" "${#ratios[@]}"
fi

# Start-up: a batch of launches per sample so the clock's resolution does not matter.
echo
batch=10
if "$gilt" -h 2>&1 | grep -qE '(^|[[:space:]])-c([[:space:],]|$)'; then
    what="-c pass"; gargs=(-c pass)
else
    what="an empty file"; : >"$work/empty.py"; gargs=("$work/empty.py")
fi
: >"$work/g.start"; : >"$work/p.start"
for ((i = 0; i < runs; i++)); do
    for side in p g; do
        if [ $side = p ]; then cmd=("$PY" "${gargs[@]}"); else cmd=("$gilt" "${gargs[@]}"); fi
        t0=$(now)
        for ((j = 0; j < batch; j++)); do "${cmd[@]}" >/dev/null 2>&1; done
        t1=$(now)
        awk -v a="$t0" -v b="$t1" -v n=$batch 'BEGIN { printf "%.6f\n", (b - a) / n * 1000 }' >>"$work/$side.start"
    done
done
gs=$(median <"$work/g.start"); ps=$(median <"$work/p.start")
printf 'start-up (%s): gilt %.1f ms, python %.1f ms, ratio %.2f\n' "$what" "$gs" "$ps" \
    "$(awk -v g="$gs" -v p="$ps" 'BEGIN { printf "%.4f", g / p }')"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

if [ $bad -ne 0 ]; then
    echo
    echo "*** SOME PROGRAMS FAILED OR PRINTED DIFFERENT OUTPUT (see above) ***"
    exit 1
fi
