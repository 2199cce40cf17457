# dict.keys(), .values(), .items(): live views with len, iteration, `in`,
# reversed(), reprs, and set operations on keys and items views.

d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print({}.keys(), {}.values(), {}.items(), {1: [2]}.items())
print(type(k).__name__, type(v).__name__, type(i).__name__, type(k) is type({}.keys()))
print(len(k), len(v), len(i), bool(k), bool({}.values()), bool({}.items()))

# Views see later changes.
d["c"] = 3
print(k, v, i, len(k))
del d["a"]
d["b"] = 20
print(k, v, i)
d.clear()
print(k, v, i, len(i))
d.update(x=1, y=2, z=3)

# Iteration, in insertion order, forwards and backwards.
print(list(k), list(v), list(i), tuple(d), [key for key in d])
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(sorted(v, reverse=True), sum(v), max(k), min(i), dict(i) == d, dict(zip(k, v)))
for key, value in d.items():
    print(key, value, end="; ")
print()
it = iter(i)
print(next(it), list(it), list(it))

# Membership.
print("x" in k, "q" in k, 2 in v, 5 in v, ("y", 2) in i, ("y", 3) in i)
print(("y",) in i, ("y", 2, 3) in i, ["y", 2] in i, "y" in i, 1.0 in {1: 0}.keys())

# Set operations on keys and items views give sets.
d1 = {1: "one", 2: "two", 3: "three"}
d2 = {2: "two", 3: "THREE", 4: "four"}
print(d1.keys() & d2.keys(), d1.keys() | d2.keys(), d1.keys() - d2.keys(), d1.keys() ^ d2.keys())
print(d1.items() & d2.items(), d1.items() - d2.items())
print(sorted(d1.items() ^ d2.items()), sorted(d1.items() | {(9, "nine")}))
print(d1.keys() & [1, 5], d1.keys() | (7,), d1.keys() - range(2), d1.keys() ^ {3, 8})
print({1, 8} & d1.keys(), [0] | d1.keys(), {1, 2, 9} - d1.keys(), {3} ^ d1.keys())
print(type(d1.keys() & d2.keys()).__name__, type(frozenset() | d1.keys()).__name__)
s = {0}
t = s
s |= d1.keys()
print(s, t, s is t)

# Comparisons with sets and other views.
print(d1.keys() == {1, 2, 3}, {1, 2, 3} == d1.keys(), d1.keys() == d1.keys(), d1.keys() != d2.keys())
print(d1.keys() < {1, 2, 3, 4}, d1.keys() <= {1, 2, 3}, d1.keys() > {1}, {1} < d1.keys(), d1.keys() >= d2.keys())
print(d1.items() == {(1, "one"), (2, "two"), (3, "three")}, d1.items() > {(1, "one")})
print(d1.keys() == [1, 2, 3], d1.values() == d1.values(), d1.items() == d1.items())
print(d1.keys().isdisjoint([4, 5]), d1.keys().isdisjoint({3}), d1.items().isdisjoint(d2.items()))
print(d1.keys().isdisjoint(d1.keys()), {}.keys().isdisjoint({}.keys()), k.isdisjoint(d))

# Nested views print as CPython prints them.
n = {}
n["self"] = n.values()
print(n.values(), n)
print({1: {2: 3}.items()}, [d1.keys()], (d2.values(),))
vs = d1.values()
print(hash(vs) == hash(vs), len({vs: 1}), str(d1.keys()))
