# * unpacking in calls, displays, assignment targets and for loops.
def f(*args):
    return args
print(f(*[1, 2], *(3,), *"ab", *range(2)))
print([*range(3), *"xy"], (*[1], 2), {*[1, 1, 2]} == {1, 2})

a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(2)
print(a, b, c)
first, *_, last = (10, 20, 30, 40)
print(first, last)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
(p, q), *r = [(1, 2), 3, 4]
print(p, q, r)
[x, [y, *z]] = [1, [2, 3, 4]]
print(x, y, z)

def g(a, b, *args, **kw):
    return a, b, args, sorted(kw)
print(g(*"ab"))
print(g(1, *[2, 3], 4, *[5], k=1))
try:
    g(*[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)

def gen():
    yield from (1, 2)
print(f(*gen()), max(*[3, 9, 2]))
print(*[1, 2, 3], sep="-")
print(*[])
t = 1, *[2, 3]
print(t)
