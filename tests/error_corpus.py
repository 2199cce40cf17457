#!/usr/bin/env python3
"""Measure how often gilt reports the same SyntaxError as CPython.

Takes a fixed, seeded sample of CPython's own stdlib files, damages one line of
each (deletes or inserts a character, cuts a few characters, indents the line),
keeps the damaged files CPython rejects, and compares what `gilt --dump-ast`
reports with what `ast.parse` raises: class, message and line. Prints the tally
`error-identical: N/M` and the most common disagreements.

usage: tests/error_corpus.py [--count N] [--seed S] [--gilt PATH] [--show K]
Run it with CPython 3.11 (the reference); it needs target/release/gilt.
"""
import argparse
import ast
import collections
import os
import random
import re
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stdlib_files():
    base = sysconfig.get_paths()["stdlib"]
    found = []
    for d, _, names in os.walk(base):
        if "site-packages" in d:
            continue
        found.extend(os.path.join(d, n) for n in names if n.endswith(".py"))
    return sorted(found)


def damage(rng, data):
    lines = data.split(b"\n")
    k = rng.randrange(len(lines))
    line = lines[k]
    op = rng.randrange(4)
    if op == 0 and line:
        i = rng.randrange(len(line))
        line = line[:i] + line[i + 1:]
    elif op == 1:
        i = rng.randrange(len(line) + 1)
        line = line[:i] + rng.choice(b"()[]{}:'\"\\\n\t #@=*,.-+!<>;").to_bytes(1, "big") + line[i:]
    elif op == 2 and line:
        i = rng.randrange(len(line))
        line = line[:i] + line[min(len(line), i + rng.randrange(1, 6)):]
    else:
        line = b"  " + line
    lines[k] = line
    return b"\n".join(lines)


def cpython_error(data):
    try:
        ast.parse(data)
    except SyntaxError as e:
        return (type(e).__name__, e.msg, e.lineno)
    except (ValueError, RecursionError, MemoryError):
        return None
    return None


def gilt_error(gilt, path):
    p = subprocess.run([gilt, "--dump-ast", path], capture_output=True, timeout=10)
    err = p.stderr.decode("utf-8", "replace").strip().split("\n")
    m = re.search(r"line (\d+)", err[0]) if err else None
    cls, _, msg = (err[-1] if err else "").partition(": ")
    return (cls, msg, int(m.group(1)) if m else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--gilt", default=os.path.join(ROOT, "target", "release", "gilt"))
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = [f for f in stdlib_files() if os.path.getsize(f) > 0]
    same = 0
    total = 0
    diffs = collections.Counter()
    example = {}
    with tempfile.TemporaryDirectory() as tmp:
        while total < args.count:
            path = rng.choice(files)
            data = open(path, "rb").read()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if data.count(b"\n") < 5:
                continue
            damaged = damage(rng, data)
            expected = cpython_error(damaged)
            if expected is None:
                continue
            case = os.path.join(tmp, f"case{total}.py")
            with open(case, "wb") as f:
                f.write(damaged)
            got = gilt_error(args.gilt, case)
            total += 1
            if got == expected:
                same += 1
                continue
            key = f"{expected[0]}: {expected[1]}"[:70]
            key += "  <>  " + (f"{got[0]}: {got[1]}"[:70] if got[:2] != expected[:2] else f"line {got[2]} vs {expected[2]}")
            diffs[key] += 1
            example.setdefault(key, os.path.relpath(path, sysconfig.get_paths()["stdlib"]))
    print(f"error-identical: {same}/{total}")
    for key, n in diffs.most_common(args.show):
        print(f"  {n:3}  {key}   (from {example[key]})")


if __name__ == "__main__":
    sys.exit(main())
