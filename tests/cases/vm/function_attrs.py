# Attributes of functions, methods, cells, properties and classes.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def f(a, b=2, *, c=3):
    "the doc"
    return a, b, c


lam = lambda: 0
print(f.__doc__, lam.__doc__, f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)
f.__name__ = "g"
f.__qualname__ = "Outer.g"
print(f.__name__, f.__qualname__, repr(f).startswith("<function Outer.g at"))
f.__defaults__ = (10, 20)
print(f(), f(1))
f.__defaults__ = None
show("no defaults", lambda: f())
f.__defaults__ = (5,)
f.__kwdefaults__ = {"c": 30}
print(f(1), f.__defaults__, f.__kwdefaults__)
del f.__kwdefaults__
show("kw missing", lambda: f(1))
f.__doc__ = "new"
print(f.__doc__)
for name, value in [("__name__", 5), ("__qualname__", None), ("__defaults__", [1]),
                    ("__kwdefaults__", 3), ("__code__", 1), ("__globals__", {}), ("__closure__", ())]:
    show("set " + name, lambda: setattr(f, name, value))
show("del name", lambda: delattr(f, "__name__"))


def outer():
    x = 1

    def inner():
        return x
    return inner


cell = outer().__closure__[0]
print(cell.cell_contents)


def empty():
    def inner():
        return y
    return inner
    y = 1


show("empty cell", lambda: empty().__closure__[0].cell_contents)

p = property(len, print)
print(p.fget, p.fset, p.fdel, property().fget)
show("set fget", lambda: setattr(p, "fget", 1))


class C:
    x = 1

    def m(self):
        "method doc"

    @staticmethod
    def s():
        return "static"


print("x" in C.__dict__, C.__dict__["x"], C.mro(), [k.__name__ for k in C.__mro__])
print(C().m.__name__, C().m.__doc__, C().m.__qualname__, C.s(), C().s())
show("method missing", lambda: C().m.missing)
print(callable(staticmethod(len)), staticmethod(len)([1, 2]), callable(classmethod(len)))


class D(C):
    pass


print(D.mro(), type.mro(D))
show("mro args", lambda: D.mro(1))
print(vars(C()), True.__class__, [].__class__, len.__class__.__name__)
show("object attr", lambda: setattr(object(), "a", 1))


class Point:
    pass


pt = Point()
show("del missing", lambda: delattr(pt, "zz"))
show("del class attr", lambda: delattr(Point, "zz"))


class Lazy:
    def __getattr__(self, name):
        raise AttributeError(name)


class Broken:
    def __getattr__(self, name):
        raise KeyError(name)


print(hasattr(Lazy(), "x"), getattr(Lazy(), "y", 7))
show("hasattr other error", lambda: hasattr(Broken(), "x"))


class V:
    def __add__(self, o):
        return "V.add"

    def __radd__(self, o):
        return "V.radd"


class S(V):
    def __radd__(self, o):
        return "S.radd"


class T(V):
    pass


class MyInt(int):
    def __radd__(self, o):
        return "MyInt.radd"


print(V() + S(), S() + V(), V() + T(), 1 + MyInt(2), MyInt(2) + 1)
x = ...
print(x, type(x), x is Ellipsis, ... is ..., repr(...), __debug__, hash(...) == hash(Ellipsis))
