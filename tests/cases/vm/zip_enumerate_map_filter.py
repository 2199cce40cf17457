# zip, enumerate, map, filter, reversed: laziness and arguments.
print(list(zip("abc", range(10))), list(zip()), list(zip([1])))
print(list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], "xy", strict=True)))
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
e = enumerate("xy", -1)
print(next(e), next(e), next(e, "end"))
print(list(map(str.upper, "ab")), list(map(pow, [2, 3], [3, 2])), list(map(max, [1, 9], [5, 2], [3, 3])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(str.isdigit, "a1b2")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(dict(zip("ab", "xy")), dict(enumerate("pq")))
try:
    map(1, [1])
    list(map(1, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(str)
except TypeError as e:
    print(type(e).__name__, e)
z = zip([1, 2, 3], [4, 5, 6])
print(next(z), list(z), list(z))
m = map(abs, [-1, -2])
print(iter(m) is m, list(m))
