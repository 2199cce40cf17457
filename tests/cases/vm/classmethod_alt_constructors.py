# classmethods as alternative constructors; they follow subclasses.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.epoch(), MyDate.epoch(), type(MyDate.epoch()) is MyDate)
print(Date(1, 2, 3).from_string("5-6-7"))

class Registry:
    items = []
    @classmethod
    def add(cls, v):
        cls.items = cls.items + [v]
        return cls
class Sub(Registry):
    pass
Registry.add(1)
Sub.add(2).add(3)
print(Registry.items, Sub.items)

print(Date.from_string.__self__ is Date, MyDate.epoch.__self__.__name__)
print(type(Date.from_string).__name__)

class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    @classmethod
    def origin(cls):
        return cls()
    @classmethod
    def from_tuple(cls, t):
        return cls(*t)
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
print(Point.origin(), Point.from_tuple((3, 4)))
try:
    Point.from_tuple((1, 2, 3))
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point.origin(1)
except TypeError as e:
    print(type(e).__name__, e)
class Counter:
    n = 0
    def __init__(self):
        type(self).bump()
    @classmethod
    def bump(cls):
        cls.n += 1
Counter(); Counter()
print(Counter.n)
f = classmethod(lambda cls: cls.__name__)
class K:
    name = f
print(K.name(), K().name())
