# Regular expressions: tokenizing source text with a named-group pattern,
# findall of words, numbers and addresses over a text, sub with a template
# and with a callable, split, and a backtracking-heavy search.
import re

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
         "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi"]


def make_text(n):
    parts = []
    k = 7
    for i in range(n):
        k = (k * 75 + 74) % 65537
        w = WORDS[k % len(WORDS)]
        if k % 5 == 0:
            w = w.capitalize()
        if k % 7 == 0:
            w = f"{w}{k % 1000}"
        if k % 13 == 0:
            w = f"{w}@{WORDS[(k >> 3) % len(WORDS)]}.org"
        parts.append(w)
        if k % 11 == 0:
            parts.append("\n")
    return " ".join(parts)


def make_source(n):
    lines = []
    for i in range(n):
        lines.append(f"x{i} = (y{i % 7} + {i * 3}) * 2.5 - f(a, b[{i % 10}])  # note {i}")
        lines.append(f"if x{i} >= {i}: print('v', x{i})")
    return "\n".join(lines)


TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(?:\.\d*)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<STRING>'[^'\\]*(?:\\.[^'\\]*)*')
  | (?P<OP>>=|<=|==|[-+*/()\[\]=:,<>])
  | (?P<COMMENT>\#[^\n]*)
  | (?P<NEWLINE>\n)
  | (?P<SKIP>[ \t]+)
""", re.VERBOSE)


def tokenize(src):
    counts = {}
    for m in TOKEN.finditer(src):
        kind = m.lastgroup
        counts[kind] = counts.get(kind, 0) + 1
    return sorted(counts.items())


def main():
    text = make_text(60000)
    src = make_source(4000)
    print(tokenize(src))
    words = re.findall(r"\b[a-z]+\b", text)
    print(len(words), words[:5])
    caps = re.findall(r"\b[A-Z][a-z]+\d*", text)
    print(len(caps), caps[:5])
    nums = re.findall(r"\d+", text)
    print(len(nums), sum(int(n) for n in nums))
    mails = re.findall(r"([a-zA-Z]+\d*)@(\w+)\.org", text)
    print(len(mails), mails[:3])
    swapped = re.sub(r"(\w+)@(\w+)\.org", r"\2 at \1", text)
    print(len(swapped), swapped.count(" at "))
    doubled = re.sub(r"\d+", lambda m: str(int(m.group()) * 2), text)
    print(len(doubled), doubled[:60])
    upper = re.sub(r"\b(eta|mu|pi)\b", lambda m: m.group(1).upper(), text, flags=re.I)
    print(upper.count("ETA"), upper.count("MU"), upper.count("PI"))
    lines = re.split(r"\s*\n\s*", text)
    print(len(lines), max(len(l) for l in lines))
    total = 0
    for line in lines[:2000]:
        m = re.search(r"(\w+)\s+(\w+)\s*$", line)
        if m:
            total += len(m.group(1)) + m.end()
        if re.match(r"(?i)(?:alpha|beta|gamma)\b", line):
            total += 1
    print(total)
    pat = re.compile(r"\b(\w+) (?:\w+ )*?\1\b")
    print(sum(1 for line in lines if pat.search(line)))


main()
