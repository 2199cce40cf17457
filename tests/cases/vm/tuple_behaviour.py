# Tuples: immutability, packing, comparison, methods.
t = 1, 2, 3
print(t, type(t).__name__, (), (1,), tuple("ab"), tuple(range(3)), len(t))
print(t + (4,), t * 2, t[1:], t[::-1], 2 in t, t.count(2), t.index(3))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
m = ([1], [2])
m[0].append(99)
print(m)
try:
    m[0] += [5]
except TypeError as e:
    print(type(e).__name__, e, m)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"), () < (0,))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
a, b = b, a = 1, 2
print(a, b)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[1, 2])
print(tuple(x * x for x in range(4)), (*"ab", *[1]), tuple(t) is t)
nested = ((1, 2), (3, (4, 5)))
(p, q), (r, (s, u)) = nested
print(p, q, r, s, u, nested[1][1][0])
print(repr((1,)), repr(()), str(("a", 1)), repr(((),)))
try:
    (1, 2) < (1, "a")
except TypeError as e:
    print(type(e).__name__, e)
x = (1, 2, 3)
y = x
x += (4,)
print(x, y, x is y)
print(tuple.__name__, isinstance((), tuple), (1, 2).__len__(), (0,) * 3)
