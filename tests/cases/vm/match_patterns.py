# Class, mapping, sequence and or-patterns in depth, with guards.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class NoArgs:
    def __init__(self):
        self.a = 1


class Lazy:
    __match_args__ = ("value",)

    @property
    def value(self):
        print("  (reading value)")
        return 10

    def __getattr__(self, name):
        if name == "dynamic":
            return "from __getattr__"
        raise AttributeError(name)


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=0):
            return f"3d on the floor at {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point(x=x) if x < 0:
            return "left half"
        case Point():
            return "somewhere"
        case NoArgs(a=1):
            return "NoArgs with a=1"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(-1, 7), Point(1, 2),
          Point3(0, 0, 0), Point3(1, 2, 0), Point3(1, 2, 3), NoArgs(), 5]:
    print(where(p))

print("-- attributes are read only as far as needed")
match Lazy():
    case Lazy(10, dynamic=d):
        print("lazy matched", d)
match Lazy():
    case Lazy(missing=1):
        print("no")
    case Lazy(dynamic="other"):
        print("no")
    case Lazy():
        print("a missing attribute fails the match")

print("-- builtin types match their subject with one positional pattern")


def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(0 | 1 as i):
            return f"int zero or one: {i}"
        case int(i) | float(i):
            return f"number {i}"
        case str("") | list([]) | tuple(()) | dict({}):
            return "an empty builtin"
        case str(s):
            return f"str {s!r}"
        case list([a, b]):
            return f"list of two: {a} {b}"
        case tuple((a, *b)):
            return f"tuple {a} {b}"
        case dict({"x": x}):
            return f"dict with x={x}"
        case complex():
            return "complex"
        case object():
            return f"object of type {type(v).__name__}"


for v in [True, False, 0, 1, 7, 2.5, "", [], (), {}, "s", [1, 2], [1, 2, 3], (1, 2, 3),
          {"x": 9}, {"y": 1}, 3j, None, range(2)]:
    print(repr(v), "->", builtin(v))

print("-- mappings")


def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest} if rest:
            return f"circle {r} with extras {rest}"
        case {"type": "circle", "r": r}:
            return f"plain circle {r}"
        case {"k": [1, *more]}:
            return f"list under k: {more}"
        case {**rest} if len(rest) > 3:
            return f"many keys: {sorted(rest)}"
        case {}:
            return f"some mapping of {len(m)}"
        case _:
            return "not a mapping"


for m in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5},
          {"type": "circle", "r": 5, "color": "red"},
          {"k": [1, 2, 3]}, {"k": [2]}, {1: 1, 2: 2, 3: 3, 4: 4}, {}, {"a": None},
          [("type", "point")], "type", 5]:
    print(m, "->", mapping(m))

match {"a": 1, "b": 2, "c": 3}:
    case {"b": b, **others}:
        print("b =", b, "others =", others, type(others).__name__)
config = {"x": 1}
match config:
    case {**everything}:
        print("a copy:", everything, everything is config)
match {"present": None}:
    case {"present": None}:
        print("a None value is present")
match {"absent": 1}:
    case {"missing": None}:
        print("no")
    case _:
        print("a missing key is not None")


class Keys:
    A = "a"
    B = "b"


match {"a": 1, "b": 2}:
    case {Keys.A: 1, Keys.B: b}:
        print("value-pattern keys:", b)
match {1: "int key"}:
    case {1.0: v}:
        print("1.0 finds the key 1:", v)
match {-1: "minus", 2j: "imag"}:
    case {-1: a, 2j: b}:
        print("negative and complex keys:", a, b)

print("-- sequences are not strings, dicts or iterators")


def kind(v):
    match v:
        case [*items]:
            return f"sequence of {len(items)}"
        case {**items}:
            return f"mapping of {len(items)}"
        case _:
            return "neither"


for label, v in [("list", [1]), ("tuple", (1, 2)), ("range", range(3)), ("str", "abc"),
                 ("dict", {"a": 1}), ("iterator", iter([1])),
                 ("generator", (x for x in [1])), ("int", 42)]:
    print(label, "->", kind(v))

print("-- or-patterns and nesting")


def shape(v):
    match v:
        case (Point(x=0) | Point(y=0)) as p:
            return f"on an axis: {p.x},{p.y}"
        case [Point(x1, y1), Point(x2, y2)] | (Point(x1, y1), Point(x2, y2)):
            return f"segment {x1},{y1} to {x2},{y2}"
        case {"points": [Point() as first, *_]}:
            return f"first of many: {first.x}"
        case [("a" | "b") as letter, *rest]:
            return f"letter {letter} then {rest}"
    return "no shape"


for v in [Point(0, 3), Point(2, 0), [Point(1, 2), Point(3, 4)], (Point(5, 6), Point(7, 8)),
          {"points": [Point(9, 9), 1]}, ["a", 1, 2], ["c"], Point(1, 1)]:
    print(shape(v))

print("-- deep or-patterns reorder their captures")


def order(v):
    match v:
        case (a, b, c, "abc") | (c, b, a, "cba") | (b, c, a, "bca"):
            return (a, b, c)
        case [x, [y, z]] | [[z, y], x] | {"x": x, "y": y, "z": z}:
            return (x, y, z)


for v in [(1, 2, 3, "abc"), (1, 2, 3, "cba"), (1, 2, 3, "bca"), [1, [2, 3]], [[3, 2], 1],
          {"x": 1, "y": 2, "z": 3}, []]:
    print(v, "->", order(v))

print("-- guards see the captures and can have side effects")
seen = []
for v in [Point(1, 2), Point(3, 3), [1, 2], {"n": 4}]:
    match v:
        case Point(x, y) if (seen.append((x, y)) or x == y):
            print("equal coordinates", x)
        case Point(x, y):
            print("point", x, y)
        case [a, b] if a < b < 10:
            print("ascending", a, b)
        case {"n": n} if n % 2 == 0:
            print("even n", n)
print(seen)
