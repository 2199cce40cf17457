# frozenset: construction, hashing (CPython's algorithm, so the values agree),
# use as dict keys and set elements, the non-mutating methods, mixed
# operations with set (the left operand decides the result's type).

f = frozenset([3, 1, 2, 3])
print(f, frozenset(), frozenset(range(5)), frozenset("aba") == frozenset("ab"))
print(len(f), 2 in f, 7 in f, bool(frozenset()), bool(f), repr(frozenset({9})))
print(type(f).__name__, isinstance(f, frozenset), isinstance(f, set), type(f) is frozenset)
print(frozenset(f) is f, f.copy() is f, frozenset({1: "a", 2: "b"}), frozenset(iter([4, 4])))
print(set(f), set(f) == f, f == {1, 2, 3}, f != {1, 2}, frozenset() == set())

# Hashes: equal frozensets hash equal whatever order they were built in.
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset([2, 1])))
print(hash(frozenset({(1, 2), 3.5})), hash(frozenset(range(100))))
print(hash(frozenset({frozenset({1}), frozenset()})), hash(frozenset([-1, -2])))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash((frozenset({1}), 2)))
print(hash(frozenset([True, 2.0, 3])) == hash(frozenset([1, 2, 3])))

# As keys and elements.
d = {frozenset({1, 2}): "one-two", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()], frozenset({1, 2}) in d, {frozenset({1})} )
nested = frozenset({frozenset({1, 2}), frozenset({3})})
print(frozenset({2, 1}) in nested, {3} in nested, frozenset({4}) in nested, len(nested))
print(sorted(len(x) for x in nested), {frozenset({1}): 1} == {frozenset([1]): 1})
print(frozenset({(0, 0), (0, 1), (1, 0)}), frozenset({1.5, -2.5}))

# Methods return frozensets.
f = frozenset({1, 2, 3, 4})
print(f.union([5]), f.union(), f.intersection({2, 3, 9}), f.intersection([1], (1, 2)))
print(f.difference([1, 2]), f.difference(), f.symmetric_difference({4, 5}))
print(f.issubset(range(5)), f.issuperset([1, 4]), f.isdisjoint((8, 9)), f.isdisjoint(f))
print(type(f.union()).__name__, type(f.copy()).__name__, frozenset.union(f, [0]))

# Operators: the left operand decides the type.
s = {3, 4, 5}
print(f | s, s | f, f & s, s & f, f - s, s - f, f ^ s, s ^ f)
print(type(f | s).__name__, type(s | f).__name__, type(s - f).__name__, type(f ^ s).__name__)
print(f <= frozenset(range(10)), f < f, f >= {1}, f > frozenset(), f == frozenset([4, 3, 2, 1]))
g = f
g |= {9}
print(g, f, g is f, type(g).__name__)
g -= {1}
g &= {2, 3, 9}
g ^= {3}
print(g, type(g).__name__)

# Iteration.
print(list(frozenset({8, 3, 5})), sorted(frozenset({"b", "a"})), sum(frozenset({1, 2})))
print(max(frozenset([3, 7])), [x for x in frozenset({2, 1})], tuple(frozenset()))
