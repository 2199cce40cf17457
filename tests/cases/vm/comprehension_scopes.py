# Comprehensions run in their own scope; the first iterable is evaluated outside.
x = "outer"
r = [x for x in range(3)]
print(r, x)

class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * factor for v in vals for factor in [1]]
    except NameError as e:
        msg = str(e)
    factor = 10
    try:
        scaled = [v * factor for v in vals]
    except NameError as e:
        err = str(e)
print(C.doubled, C.bad, C.err)

print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print(sorted({c.upper() for c in "hello"}))
g = (n * n for n in range(4))
print(next(g), list(g))

def f():
    y = 5
    return [y + i for i in range(3)]
print(f())

funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])

total = 0
print([total := total + n for n in range(5)], total)

try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)

nested = [[1, 2], [3], []]
print([y for xs in nested for y in xs if y % 2])
it = iter(range(3))
print([a for a in it], list(it))
