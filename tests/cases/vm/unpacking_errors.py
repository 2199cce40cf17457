# Unpacking mismatches and their messages.
cases = [
    "a, b = [1, 2, 3]",
    "a, b = [1]",
    "a, b, c = 'xy'",
    "a, b = 5",
    "a, b = None",
    "a, *b, c = [1]",
    "a, b = {'k': 1}",
    "(a, b), c = [1, 2], 3",
    "a, b = iter(range(10))",
    "[a] = []",
    "a, = 1, 2",
]
for src in cases:
    try:
        exec(src)
        print("ok", src)
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__, e)

a, b = "xy"
print(a, b)
(a, b), c = "pq", 3
print(a, b, c)
a, *b = range(5)
print(a, b)
for k, v in {"x": 1}.items():
    print(k, v)
try:
    for k, v in [(1, 2), (3,)]:
        print(k, v)
except ValueError as e:
    print(type(e).__name__, e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    p, q = gen()
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y = (i for i in range(1))
except ValueError as e:
    print(type(e).__name__, e)
d = {}
d["a"], d["b"] = 1, 2
print(d)
l = [0, 0, 0]
l[0], l[2] = "f", "l"
print(l)
x, y = y, x = 1, 2
print(x, y)
