# ** unpacking in calls and dict displays, and its errors.
def f(a, b, c=3, **rest):
    return a, b, c, sorted(rest.items())

d = {"a": 1, "b": 2}
print(f(**d))
print(f(**d, c=9, z=0))
print(f(1, **{"b": 5, "x": 6}))
print({**d, "c": 3, **{"a": 100}})
print(dict(d, b=20, e=5))

try:
    f(1, **{"a": 2, "b": 3})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)

def only_kw(*, x, y=2):
    return x, y
print(only_kw(**{"x": 1}))
try:
    only_kw(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    only_kw()
except TypeError as e:
    print(type(e).__name__, e)

def collect(**kw):
    return list(kw)
print(collect(z=1, a=2, m=3))

