#!/usr/bin/env bash
# Regenerate every golden file under tests/cases/ from CPython (python3).
#
#   tests/regen_goldens.sh                 # every case
#   tests/regen_goldens.sh tests/cases/syntax/tab_error.py ...   # only these cases
#   PYTHON=/path/to/python3.11 tests/regen_goldens.sh            # another CPython
#
# Goldens are never edited by hand: change the .py, run this, review `git diff`.
#
# For tests/cases/ast/<case>.py it writes <case>.ast: python3's
#   ast.dump(ast.parse(open(FILE, 'rb').read()))
# and for tests/cases/ast_positions/<case>.py the same with positions:
#   ast.dump(ast.parse(open(FILE, 'rb').read()), include_attributes=True)
# For every other area it runs `python3 tests/cases/<area>/<case>.py` from the repo
# root (stdin /dev/null, 10 s timeout) and writes
#   <case>.stdout  the whole stdout
#   <case>.code    the exit code
#   <case>.stderr  the whole stderr, or only its last non-empty line when the stderr
#                  contains "Traceback (most recent call last):"
# Only .py files directly in an area folder are cases: subfolders (such as
# tests/cases/imports/pkgs/) hold modules the cases import, and are skipped.
# In all three the absolute repo root (CPython prints absolute script paths) is
# replaced by the literal text `$ROOT`. tests/cases.rs applies the same rules to gilt.
#
# Cases in tests/cases/greenlet/ use the greenlet and gevent packages, which are
# not part of CPython: they run under the Python of a virtual environment,
# tests/.venv-greenlet (made here with pip on first use, pinned versions), or
# $GREENLET_PYTHON.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)

PY=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
if ! "$PY" -c 'import sys; assert sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)' 2>/dev/null; then
    echo "regen_goldens: $PY is not CPython 3.11; goldens must come from CPython 3.11" >&2
    exit 2
fi

GREENLET_PY=${GREENLET_PYTHON:-tests/.venv-greenlet/bin/python}
needs_greenlet() {
    for c in "$@"; do case "$c" in *cases/greenlet/*) return 0;; esac; done
    [ $# -eq 0 ]
}
if needs_greenlet "$@" && [ ! -x "$GREENLET_PY" ]; then
    echo "regen_goldens: making tests/.venv-greenlet (greenlet 3.5.6, gevent 26.9.0)" >&2
    "$PY" -m venv tests/.venv-greenlet
    tests/.venv-greenlet/bin/pip install -q greenlet==3.5.6 gevent==26.9.0
    GREENLET_PY=tests/.venv-greenlet/bin/python
fi
export GREENLET_PY

# Each case runs in this environment; tests/cases.rs sets the same for gilt.
export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 LANG=C.UTF-8
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONINSPECT PYTHONOPTIMIZE PYTHONUTF8 \
      PYTHONIOENCODING PYTHONSAFEPATH PYTHONDEVMODE

if [ $# -eq 0 ]; then
    # Drop goldens whose .py is gone.
    find tests/cases -mindepth 2 -maxdepth 2 \
        \( -name '*.ast' -o -name '*.stdout' -o -name '*.stderr' -o -name '*.code' \) |
    while read -r golden; do
        [ -e "${golden%.*}.py" ] || { echo "removing stale $golden"; rm -f "$golden"; }
    done
    set -- $(find tests/cases -mindepth 2 -maxdepth 2 -name '*.py' | LC_ALL=C sort)
fi

# One driver process; each case is its own `python3 CASE` child, as gilt will run it.
exec "$PY" - "$ROOT" "$@" <<'DRIVER'
import ast, os, subprocess, sys

root = sys.argv[1].encode()
failed = 0

def normalize(data, is_stderr):
    data = data.replace(root + b"/", b"$ROOT/")
    if is_stderr and b"Traceback (most recent call last):" in data:
        lines = [l for l in data.split(b"\n") if l.strip()]
        data = lines[-1] + b"\n"
    return data

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)

for case in sys.argv[2:]:
    case = os.path.normpath(case)
    base = case[:-3]
    area = os.path.basename(os.path.dirname(case))
    if area in ("ast", "ast_positions"):
        with open(case, "rb") as f:
            source = f.read()
        try:
            tree = ast.parse(source)
        except SyntaxError as e:
            print(f"regen_goldens: {case} is an ast case but CPython rejects it: {e}", file=sys.stderr)
            failed += 1
            continue
        dumped = ast.dump(tree, include_attributes=(area == "ast_positions"))
        write(base + ".ast", (dumped + "\n").encode())
        continue
    python = os.environ["GREENLET_PY"] if area == "greenlet" else sys.executable
    try:
        p = subprocess.run([python, case], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        print(f"regen_goldens: {case} timed out under CPython", file=sys.stderr)
        failed += 1
        continue
    write(base + ".stdout", normalize(p.stdout, False))
    write(base + ".stderr", normalize(p.stderr, True))
    # A signal death is reported as 128+N, as a shell would.
    write(base + ".code", b"%d\n" % (p.returncode if p.returncode >= 0 else 128 - p.returncode))

print(f"regen_goldens: {len(sys.argv) - 2 - failed} cases regenerated with {sys.executable} (Python {sys.version.split()[0]})")
sys.exit(1 if failed else 0)
DRIVER
