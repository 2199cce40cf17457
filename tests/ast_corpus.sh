#!/usr/bin/env bash
# Compare `gilt --dump-ast` with CPython's ast.dump over every .py in CPython's stdlib.
#
#   tests/ast_corpus.sh [--include-attributes] [--sample N] [--jobs J] [--min-ratio R]
#                       [--gilt PATH] [--keep]
#
#   --include-attributes  compare positions too: ast.dump(tree, include_attributes=True)
#                  against `gilt --dump-ast --include-attributes`
#   --sample N     only N files: every k-th file of the sorted list (fixed, repeatable)
#   --jobs J       gilt processes at a time (default: number of CPUs)
#   --min-ratio R  fail if ast-identical/accepted is below R (default 0.995)
#   --gilt PATH    the binary (default target/release/gilt; build it first)
#   --keep         keep the work directory (both dumps of every file) for inspection
#
# CPython's side is one python3 process that parses every file and writes its dump
# (or, for a file CPython rejects, its SyntaxError's last line) into a temp dir.
# Gilt's side runs `timeout 2 gilt --dump-ast FILE` per file. Reported: the tally
# `ast-identical: N/M` over files CPython accepts, `rejected-by-both: K/L` over files
# it rejects, then the differing files, gilt errors on valid files, panics (an exit
# code other than 0/1, or "panicked" on stderr) and timeouts.
# Exit status: 1 if any panic or timeout, or the identical ratio is below --min-ratio.
set -euo pipefail

cd "$(dirname "$0")/.."
sample=0
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
min_ratio=0.995
gilt=target/release/gilt
keep=0
attrs=0
while [ $# -gt 0 ]; do
    case $1 in
        --sample) sample=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --min-ratio) min_ratio=$2; shift 2 ;;
        --gilt) gilt=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        --include-attributes) attrs=1; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "ast_corpus: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$gilt" ] || { echo "ast_corpus: no $gilt; run cargo build --release" >&2; exit 2; }
gilt=$(cd "$(dirname "$gilt")" && pwd)/$(basename "$gilt")

PY=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
stdlib=$("$PY" -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
work=$(mktemp -d "${TMPDIR:-/tmp}/ast_corpus.XXXXXX")
if [ "$keep" = 1 ]; then
    echo "ast_corpus: keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi

# The file list: sorted, site-packages skipped, then every k-th for --sample.
find "$stdlib" -name site-packages -prune -o -name '*.py' -type f -print |
    LC_ALL=C sort >"$work/all"
total=$(wc -l <"$work/all")
if [ "$sample" -gt 0 ] && [ "$sample" -lt "$total" ]; then
    awk -v n="$total" -v s="$sample" 'BEGIN { k = n / s } NR - 1 >= taken * k && taken < s { print; taken++ }' \
        "$work/all" >"$work/files"
else
    cp "$work/all" "$work/files"
fi
# Number the files: entry i is dumped to $work/{py,gilt}/i.*
nl -ba -w1 -s' ' "$work/files" >"$work/numbered"
mkdir -p "$work/py" "$work/gilt"

# CPython: one process for every file. <i>.ast holds the dump, <i>.err the error.
"$PY" - "$work" "$attrs" <<'DRIVER'
import ast, sys, warnings
work = sys.argv[1]
attrs = sys.argv[2] == "1"
warnings.simplefilter("ignore")
with open(f"{work}/numbered", encoding="utf-8", errors="surrogateescape") as f:
    for line in f:
        i, path = line.rstrip("\n").split(" ", 1)
        with open(path, "rb") as src:
            data = src.read()
        try:
            text = ast.dump(ast.parse(data, filename=path), include_attributes=attrs) + "\n"
            out = f"{work}/py/{i}.ast"
        except (SyntaxError, ValueError) as e:
            text = f"{type(e).__name__}: {e.msg if isinstance(e, SyntaxError) else e}\n"
            out = f"{work}/py/{i}.err"
        except RecursionError:
            text, out = "RecursionError\n", f"{work}/py/{i}.err"
        with open(out, "w", encoding="utf-8", errors="surrogateescape") as o:
            o.write(text)
DRIVER

# Gilt: one process per file, J at a time. Each writes a status line to <i>.status:
# "code" (124 = timeout).
dump_flags=--dump-ast
[ "$attrs" = 1 ] && dump_flags="--dump-ast --include-attributes"
export gilt work dump_flags
xargs -d '\n' -P "$jobs" -n 1 -a "$work/numbered" bash -c '
    i=${1%% *} path=${1#* } code=0
    timeout 2 "$gilt" $dump_flags "$path" >"$work/gilt/$i.out" 2>"$work/gilt/$i.err" || code=$?
    echo "$code" >"$work/gilt/$i.status"
' _

# Tally.
identical=0 accepted=0 rejected=0 both=0 same_msg=0
: >"$work/differ"; : >"$work/gilt_rejects"; : >"$work/panics"; : >"$work/timeouts"
: >"$work/gilt_accepts_invalid"; : >"$work/other_msg"
while read -r i path; do
    code=$(cat "$work/gilt/$i.status")
    if [ "$code" = 124 ]; then
        echo "$path" >>"$work/timeouts"
    elif { [ "$code" != 0 ] && [ "$code" != 1 ]; } || grep -q panicked "$work/gilt/$i.err"; then
        echo "$path (exit $code) $(grep -m1 panicked "$work/gilt/$i.err" || true)" >>"$work/panics"
    fi
    if [ -e "$work/py/$i.ast" ]; then
        accepted=$((accepted + 1))
        if [ "$code" = 0 ] && cmp -s "$work/py/$i.ast" "$work/gilt/$i.out"; then
            identical=$((identical + 1))
        elif [ "$code" = 1 ]; then
            echo "$path: $(grep -v '^\s*$' "$work/gilt/$i.err" | tail -n1)" >>"$work/gilt_rejects"
        elif [ "$code" = 0 ]; then
            echo "$i $path" >>"$work/differ"
        fi
    else
        rejected=$((rejected + 1))
        if [ "$code" = 1 ]; then
            both=$((both + 1))
            # Same message? Compare CPython's "SyntaxError: msg" with gilt's last line.
            gilt_msg=$(grep -v '^\s*$' "$work/gilt/$i.err" | tail -n1)
            if [ "$(cat "$work/py/$i.err")" = "$gilt_msg" ]; then
                same_msg=$((same_msg + 1))
            else
                echo "$path: CPython: $(cat "$work/py/$i.err") | gilt: $gilt_msg" >>"$work/other_msg"
            fi
        else
            echo "$path: CPython: $(cat "$work/py/$i.err")" >>"$work/gilt_accepts_invalid"
        fi
    fi
done <"$work/numbered"

list() { # title file [lines-per-entry]
    local n per=${3:-1}
    n=$(($(wc -l <"$2") / per))
    [ "$n" = 0 ] && return 0
    echo
    echo "$1 ($n):"
    head -n $((50 * per)) "$2" | sed 's/^/  /'
    [ "$n" -le 50 ] || echo "  ... and $((n - 50)) more"
}

echo "ast_corpus: $(wc -l <"$work/files") of $total files under $stdlib ($("$PY" -V 2>&1))"
echo "ast-identical$([ "$attrs" = 1 ] && echo " (with attributes)"): $identical/$accepted"
echo "rejected-by-both: $both/$rejected (same message: $same_msg/$both)"
# Each differing dump with an excerpt of both sides from just before the first difference.
"$PY" - "$work" >"$work/differ_shown" <<'SHOW'
import sys
work = sys.argv[1]
for line in open(f"{work}/differ", encoding="utf-8", errors="surrogateescape"):
    i, path = line.rstrip("\n").split(" ", 1)
    a = open(f"{work}/py/{i}.ast", encoding="utf-8", errors="replace").read()
    b = open(f"{work}/gilt/{i}.out", encoding="utf-8", errors="replace").read()
    n = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, n - 40)
    print(f"{path} (char {n}):\n      CPython: ...{a[start:n + 60]!r}\n      gilt:    ...{b[start:n + 60]!r}")
SHOW
list "differing dumps" "$work/differ_shown" 3
list "gilt errors on files CPython accepts" "$work/gilt_rejects"
list "files CPython rejects that gilt accepts" "$work/gilt_accepts_invalid"
list "files both reject, with different messages" "$work/other_msg"
list "PANICS" "$work/panics"
list "TIMEOUTS (2 s)" "$work/timeouts"
[ "$keep" = 1 ] && echo "(dumps in $work/py and $work/gilt, numbered as in $work/numbered)"

status=0
if [ -s "$work/panics" ] || [ -s "$work/timeouts" ]; then
    echo "ast_corpus: FAIL: panics or timeouts"
    status=1
fi
if ! awk -v a="$identical" -v m="$accepted" -v r="$min_ratio" 'BEGIN { exit !(m == 0 || a / m >= r) }'; then
    echo "ast_corpus: FAIL: identical ratio $(awk -v a="$identical" -v m="$accepted" 'BEGIN { printf "%.4f", a / m }') is below $min_ratio"
    status=1
fi
exit $status
