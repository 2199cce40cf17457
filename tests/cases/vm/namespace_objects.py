# Plain objects as attribute bags: records without dataclasses.
class Record:
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)
    def __repr__(self):
        items = ", ".join("%s=%r" % (k, getattr(self, k)) for k in self._fields())
        return "Record(%s)" % items
    def _fields(self):
        return sorted(k for k in dir(self) if not k.startswith("_"))
    def __eq__(self, o):
        return isinstance(o, Record) and self._fields() == o._fields() and all(
            getattr(self, k) == getattr(o, k) for k in self._fields())
r = Record(name="ann", age=30)
print(r, r.name, r.age)
r.age += 1
r.city = "Oslo"
print(r)
print(r == Record(name="ann", age=31, city="Oslo"), r == Record(name="ann"))
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return "Point(x=%r, y=%r)" % (self.x, self.y)
p = Point(1, 2)
x, y = p
print(p, x, y, list(p), tuple(p))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
pts = sorted([Point(3, 1), Point(1, 2), Point(2, 0)], key=lambda q: (q.x, q.y))
print(pts)
def make_record_type(*names):
    class R:
        __slots__ = names
        def __init__(self, *vals):
            if len(vals) != len(names):
                raise TypeError("expected %d values, got %d" % (len(names), len(vals)))
            for n, v in zip(names, vals):
                setattr(self, n, v)
        def astuple(self):
            return tuple(getattr(self, n) for n in names)
    return R
Pair = make_record_type("first", "second")
pr = Pair("a", "b")
print(pr.first, pr.second, pr.astuple())
try:
    Pair(1)
except TypeError as e:
    print(type(e).__name__, e)
