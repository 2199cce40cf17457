# __slots__ and the attribute hooks: __getattribute__, __getattr__,
# __setattr__, __delattr__, and object.__setattr__ & co. called by name.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
p.y = 2
print(p.x + p.y)


class Q(P):
    __slots__ = ("z",)


q = Q(5)
q.z = 6
print(q.x, q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)


class R(P):
    pass


r = R(1)
r.anything = "ok"
print(r.anything)

try:
    class Clash:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)


class Logged:
    def __init__(self):
        self.seen = []

    def __getattribute__(self, name):
        if name != "seen":
            object.__getattribute__(self, "seen").append(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "default-" + name

    def value(self):
        return 10


lg = Logged()
print(lg.value(), lg.missing, lg.seen)


class Guarded:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private {name}")
        super().__setattr__(name, value * 2)

    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)


g = Guarded()
g.a = 21
print(g.a)
try:
    g._hidden = 1
except AttributeError as e:
    print("AttributeError:", e)
del g.a
print(hasattr(g, "a"))


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)


class Target:
    pass


t = Target()
px = Proxy(t)
px.color = "red"
print(t.color, px.color)


class Counter:
    count = 0

    def bump(self):
        type(self).count += 1
        return self.count


c1, c2 = Counter(), Counter()
c1.bump()
c2.bump()
print(Counter.count, c1.count)
Counter.bump = lambda self: "patched"
print(c1.bump())
del Counter.bump
try:
    c1.bump()
except AttributeError as e:
    print("AttributeError:", e)
