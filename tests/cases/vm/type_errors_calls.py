# Argument-binding errors with CPython's exact messages.
def f(a, b, c=3):
    pass
def g(*, k):
    pass
def h(a, /, b):
    pass
def v(a, *args, kw=1, **kwargs):
    pass
class C:
    def m(self, x):
        pass
    def none(self):
        pass
five, s, nothing = 5, "s", None
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: f(1, b=2, c=3, e=5),
    lambda: g(1),
    lambda: g(),
    lambda: g(k=1, j=2),
    lambda: h(a=1, b=2),
    lambda: h(1),
    lambda: v(),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: C().none(1),
    lambda: C(1),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y: 0)(1),
    lambda: "x".join(),
    lambda: [].append(),
    lambda: five(),
    lambda: s(),
    lambda: nothing(),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(e)
def many(a, b, c, d):
    pass
try:
    many(1)
except TypeError as e:
    print(e)
def kwo(*, x, y, z):
    pass
try:
    kwo()
except TypeError as e:
    print(e)
