# Strings: building with join and f-strings, splitting, replace, case changes,
# searching and slicing.

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
        parts.append(w)
        if k % 11 == 0:
            parts.append("\n")
    return " ".join(parts)


def transform(text):
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        line = line.replace("eta", "ETA").replace("  ", " ")
        words = line.split(" ")
        rev = " ".join(words[::-1])
        out.append(f"{len(words)}:{rev.lower()}|{line[:10].upper()}")
    return "\n".join(out)


def score(s):
    h = 0
    for ch in s[::7]:
        h = (h * 131 + ord(ch)) & 0xFFFFFFF
    return h


total = 0
checks = 0
for round_ in range(150):
    text = make_text(4000 + round_)
    t = transform(text)
    checks += t.count("ETA") + t.find("omicron") + len(t.splitlines())
    if t.startswith("1") or t.endswith("a"):
        checks += 1
    padded = [w.rjust(8, ".") + w.center(10) for w in t.split(" ")[:300]]
    total = (total + score(t) + len("".join(padded))) % 1000000007
    s = ""
    for i in range(500):
        s += str(i)
    checks += len(s) + s.index("499")
print("strings", total, checks)
