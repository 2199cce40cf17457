# Set algebra with operators and methods, frozensets, comprehensions.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union([9], (8,))), sorted(a.intersection(range(3))), sorted(a.difference({1}, {2})))
print(sorted(a.symmetric_difference([4, 5, 6])), a.isdisjoint({7}), {1, 2} <= a, {1, 2} < a, a >= {1}, a > a)
print({1, 2}.issubset([1, 2, 3]), a.issuperset(range(1, 3)), {1} == frozenset({1}))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
c ^= {1, 7}
print(sorted(c))
c.update([20], "ab")
c.discard("a")
c.discard("zzz")
print(sorted(c, key=str))
fa = frozenset("hello")
print(sorted(fa), type(fa | {"z"}).__name__, type({"z"} | fa).__name__, len(fa))
print({x % 3 for x in range(10)}, set(), frozenset(), {frozenset({1}): "ok"}[frozenset([1])])
for bad in [
    lambda: {1} | [2],
    lambda: {1} + {2},
    lambda: {[1]},
    lambda: {1}.remove(5),
    lambda: set().pop(),
    lambda: fa.add("x"),
    lambda: {1} < [1],
]:
    try:
        bad()
    except (TypeError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
words = "the quick the lazy quick dog".split()
print(sorted(set(words)), len(set(words)), sorted(set(words) - {"the"}))
s = {3, 1, 2}
print(sorted(s), min(s), max(s), sum(s), 2 in s, 5 not in s)
x = {1, 2}
y = x
x |= {3}
print(x is y, sorted(y))
print(set("aab") == {"a", "b"}, {1, 2} != {2, 1}, sorted({True, 1, 1.0, 0, False}))
