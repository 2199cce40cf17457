# dict methods, ordering and errors.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("d", 4), d.setdefault("a", 100))
print(d.pop("d"), d.pop("z", "none"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
e = d.copy()
e["a"] = "changed"
print(d["a"], e["a"])
print(d | {"new": 0}, {"a": 0} | {"a": 1})
d |= {"q": 9}
print(d)
print(sorted(d), len(d), "a" in d, 1 in d, list(reversed(d)))
del d["a"]
d["a"] = 1
print(list(d))
print(dict(a=1), dict([("k", "v")]), dict({"x": 1}, y=2), dict(), dict(zip("ab", [1, 2])))
for bad in [
    lambda: d["missing"],
    lambda: d.pop("missing"),
    lambda: dict([(1, 2, 3)]),
    lambda: d.update(5),
    lambda: d | [1],
    lambda: {}.popitem(),
    lambda: {[]: 1},
]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print({1: "a"} == {1: "a"}, {1: "a"} == {1: "b"}, {1: 2, 3: 4} == {3: 4, 1: 2})
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, {k: v for k, v in sorted({"b": 1, "a": 2}.items())})
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
