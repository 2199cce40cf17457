# set: displays, comprehensions, the constructor, methods, operators,
# comparisons, iteration. Sets of small ints print in CPython's table order;
# sets of strings are printed sorted (str hashes differ between interpreters).

# Displays and comprehensions.
print({3, 1, 2}, {10, 20, 30, 40, 50}, {100, 5, 37, 8}, {-1, -2, -3})
x = 10
print({x, 20, 30, 40, 50}, {x})
print({n * n for n in range(-4, 5)}, {n % 3 for n in range(100)})
a, b = [1, 2], (2, 3)
print({*a, *b}, {0, *a, 9}, {*range(3)})
print({(1, 2), (0, 1), (1, 2)}, {1.5, 2.5, 1.5}, {True, 1, 1.0}, {0, False})
print(set(), set([]), set(range(20, 0, -1)), set("aab") == {"a", "b"})
print(sorted({"pear", "apple", "fig"}), sorted({c for c in "mississippi"}))
big = {i * 7 for i in range(40)}
print(len(big), sorted(big)[:5], big == set(range(0, 280, 7)))

# Adding and removing.
s = set()
for i in (10, 20, 30, 40, 50):
    s.add(i)
print(s, len(s))
s.add(20)
s.discard(30)
s.discard(999)
s.remove(40)
print(s, 20 in s, 30 in s, 30 not in s)
s = set(range(10))
s.discard(3)
s.add(100)
print(s)
print(s.pop(), s.pop(), s)
s.clear()
print(s, len(s), bool(s), bool({0}))

# update and friends take many iterables of any kind.
s = {1, 2}
s.update([3, 4], (5,), {6: "six"}, range(7, 9), "")
print(s)
s.intersection_update(range(10), [2, 4, 6, 8, 10])
print(s)
s.difference_update([2], {8})
print(s)
s.symmetric_difference_update([6, 7, 8])
print(s)
s.update()
s.intersection_update()
print(s)

# New sets from old: any iterables, many arguments.
s = {1, 2, 3, 4}
print(s.union([5], (6, 7)), s.union(), s.intersection([2, 3, 9], {3, 2}))
print(s.difference([1], {2}), s.difference(), s.symmetric_difference([4, 5]))
print(s.intersection(x for x in (1, 4, 8)), s.union(d for d in {9: 0}))
print(s.issubset(range(10)), s.issubset([1, 2]), s.issuperset([1, 2]), s.issuperset({0}))
print(s.isdisjoint([7, 8]), s.isdisjoint({4}), set().isdisjoint(set()), s.isdisjoint(s))
c = s.copy()
c.add(99)
print(c, s, c is s)

# Operators.
p, q = {1, 2, 3}, {2, 3, 4}
print(p | q, p & q, p - q, q - p, p ^ q)
print(p | set(), p & set(), set() - p, p ^ p, p - p)
r = p
r |= {10}
print(r is p, p)
r &= {1, 2, 10}
print(r is p, p)
r -= {1}
print(r is p, p)
r ^= {2, 3}
print(r is p, p)
r |= r
print(p)

# Comparisons are subset tests.
print({1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {3} >= {1})
print({1, 2} == {2, 1}, {1} != {1}, {1} == [1], {1} != (1,), set() == frozenset())
print(sorted([{3}, {1, 2}, {1}], key=len), {1} in [{1}], [{1}].index({1}))

# Iteration goes through the iterator protocol.
s = {5, 3, 9, 1}
print(list(s), tuple(s), sorted(s), sorted(s, reverse=True))
print(min(s), max(s), sum(s), any(s), all(s), any(set()), all(set()))
print([x * 2 for x in s], list(enumerate({7, 8})), list(zip({1, 2}, "ab")))
print(list(map(str, {4, 6})), list(filter(lambda v: v > 3, s)))
it = iter(s)
print(next(it), next(it), list(it), list(it))
first, *rest = {1, 2, 3}
print(first, rest)
print({k: k * k for k in {3, 4}})
print(type(s).__name__, type(s) is set, isinstance(s, set), isinstance(s, frozenset))
print(set, repr(set()), str({1, 2}), f"{ {1, 2} }", f"{set()!r}")

# Nested and mixed elements.
fs = frozenset({1, 2})
s = {fs, (1, 2), 3.5, -7}
print(fs in s, frozenset([2, 1]) in s, {1, 2} in s, (1, 2) in s, 3.5 in s)
s.remove({1, 2})
s.discard({3, 4})
print(len(s), sorted(map(repr, s)))
