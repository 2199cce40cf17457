#!/usr/bin/env bash
# Time parsing CPython's whole stdlib: `gilt --parse-only FILES` against CPython's
# ast.parse over the same files. Each side runs 5 times (after one warm-up run);
# the medians and the ratio gilt/python3 are printed (below 1 means gilt is faster).
#
#   benches/parse_corpus.sh [--runs N] [--gilt PATH]
#
# CPython: /usr/bin/python3.11 when it is Debian's (built with PGO and LTO, the
# fastest here), else python3's sys.executable; PYTHON=... overrides.
# Both sides start one process per batch of files, so both pay their start-up.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=5
gilt=target/release/gilt
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --gilt) gilt=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "parse_corpus: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$gilt" ] || { echo "parse_corpus: no $gilt; run cargo build --release" >&2; exit 2; }

if [ -n "${PYTHON:-}" ]; then
    PY=$PYTHON
elif [ -x /usr/bin/python3.11 ] && command -v dpkg >/dev/null && dpkg -S /usr/bin/python3.11 >/dev/null 2>&1; then
    PY=/usr/bin/python3.11
else
    PY=$(python3 -c 'import sys; print(sys.executable)')
fi
stdlib=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")

work=$(mktemp -d "${TMPDIR:-/tmp}/parse_corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
find "$stdlib" -name site-packages -prune -o -name '*.py' -type f -print | LC_ALL=C sort >"$work/files"
cat >"$work/parse.py" <<'PARSE'
import ast, sys, warnings
warnings.simplefilter("ignore")
ok = failed = 0
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            ast.parse(f.read())
        ok += 1
    except (SyntaxError, ValueError, RecursionError, OSError):
        failed += 1
print(f"parsed: {ok} ok, {failed} failed")
PARSE

# run_side NAME COMMAND...: files go through xargs (never over ARG_MAX); the
# per-batch "parsed: N ok, M failed" lines are summed.
run_side() {
    xargs -d '\n' -a "$work/files" "$@" |
        awk '{ ok += $2; failed += $4 } END { printf "%d ok, %d failed", ok, failed }'
}

# time_side OUTVAR COMMAND...: the median wall time of $runs runs, in seconds.
time_side() {
    local var=$1 times=() t0 t1 i
    shift
    run_side "$@" >"$work/tally"   # warm-up: page cache, dynamic loader
    for ((i = 0; i < runs; i++)); do
        t0=$EPOCHREALTIME
        run_side "$@" >/dev/null
        t1=$EPOCHREALTIME
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')")
    done
    printf -v "$var" '%s' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
}

echo "parse_corpus: $(wc -l <"$work/files") files under $stdlib; median of $runs runs"
time_side gilt_time "$gilt" --parse-only
echo "  gilt    $(printf '%8.3f' "$gilt_time") s   ($(cat "$work/tally"))   $gilt"
time_side py_time "$PY" "$work/parse.py"
echo "  python3 $(printf '%8.3f' "$py_time") s   ($(cat "$work/tally"))   $PY ($("$PY" -V 2>&1))"
echo "  ratio gilt/python3: $(awk -v g="$gilt_time" -v p="$py_time" 'BEGIN { printf "%.2f", g / p }')"
