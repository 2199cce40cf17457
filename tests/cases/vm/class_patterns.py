# Everyday class patterns: registries, mixins, abstract checks, __repr__/__eq__ pairs, class counters.
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        if bases:
            mcs.classes.append(name)
        return cls
class Plugin(metaclass=Registry):
    def run(self):
        raise NotImplementedError(type(self).__name__ + ".run")
class Hello(Plugin):
    def run(self):
        return "hello"
class Broken(Plugin):
    pass
print(Registry.classes, Hello().run())
try:
    Broken().run()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class JsonMixin:
    def to_pairs(self):
        return sorted(vars(self).items())
class Point(JsonMixin):
    count = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    __hash__ = None
pts = [Point(2, 1), Point(1, 2), Point(2, 1)]
print(pts, pts[0] == pts[2], pts[0] == pts[1], pts[0] != (2, 1), Point.count)
print(pts[0].to_pairs(), [p.x for p in sorted(pts, key=lambda p: (p.x, p.y))])
try:
    hash(pts[0])
except TypeError as e:
    print("TypeError:", e)
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
