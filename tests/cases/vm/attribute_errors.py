# AttributeError messages: str(e) never includes "Did you mean".
class Point:
    def __init__(self):
        self.x = 1
    def method(self):
        return "m"
p = Point()
tests = [
    lambda: p.y,
    lambda: p.methd,
    lambda: Point.nothing,
    lambda: (1).foo,
    lambda: "s".uper,
    lambda: [].push,
    lambda: None.attr,
    lambda: {}.has_key,
    lambda: (1, 2).append,
    lambda: len.x,
]
for t in tests:
    try:
        t()
    except AttributeError as e:
        print(type(e).__name__, e)
for stmt in ["(1).x = 2"]:
    try:
        exec(stmt)
    except AttributeError as e:
        print(stmt, "->", e)
class Slots:
    __slots__ = ("a",)
s = Slots()
try:
    s.b = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.a
except AttributeError as e:
    print(type(e).__name__, e)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("ok"):
            return name.upper()
        raise AttributeError("Dyn has no " + name)
d = Dyn()
print(d.ok_1, getattr(d, "ok2"))
print(issubclass(AttributeError, Exception), getattr(p, "zzz", "default"))
try:
    import sys
    sys.nope
except AttributeError as e:
    print(type(e).__name__, e)
