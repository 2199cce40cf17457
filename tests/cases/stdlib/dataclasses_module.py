# dataclasses: generated __init__/__repr__/__eq__/order/hash, field options,
# frozen, kw_only, slots, InitVar/ClassVar, __post_init__, asdict/astuple/replace.
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, InitVar, FrozenInstanceError, KW_ONLY
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__init__.__qualname__, Point.__match_args__, Point.__hash__)
print([f.name for f in fields(Point)], [f.default is dataclasses.MISSING for f in fields(p)])
print(asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default="", compare=False)


v1, v2 = Version(1, 2), Version(1, 10, "rc")
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2, "x")))
try:
    v1.major = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v1.minor
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    v1 < Point(1, 2)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: int = field(default=0, init=False)
    unit: ClassVar[str] = "kg"

    def __post_init__(self):
        self.total = len(self.items)


a, b = Inventory(), Inventory(["x", "y"])
a.items.append("z")
print(a, b, b.total, Inventory.unit, [f.name for f in fields(Inventory)])
print(Inventory(["q"]) == Inventory(["q"]))


@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.a *= scale


print(WithInit(3), WithInit(3, 10), [f.name for f in fields(WithInit)])


@dataclass(kw_only=True)
class Opts:
    name: str
    level: int = 1


print(Opts(name="n"), Opts(level=3, name="m"))
try:
    Opts("n")
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = field(default=3, kw_only=True)


print(Mixed(1, b=5), Mixed.__match_args__)


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "s"


s = Slotted(1)
print(s, Slotted.__slots__)


@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: int = field(hash=False, default=0)


print(hash(Hashed(1, 2)) == hash(Hashed(1, 3)), Hashed(1) in {Hashed(1, 5)})


@dataclass(eq=False)
class NoEq:
    a: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: float = 1.5
    a: int = 10


print(Child(), Child(1, "x", 2.5), [f.name for f in fields(Child)])


@dataclass
class Tree:
    name: str
    kids: list = field(default_factory=list)


t = Tree("root", [Tree("a"), Tree("b", [Tree("c")])])
print(asdict(t))
print(astuple(t))
print(asdict(p, dict_factory=lambda kv: sorted(kv, reverse=True)))

for make in [
    lambda: dataclass(type("Bad", (), {"__annotations__": {"x": list}, "x": []})),
    lambda: field(default=1, default_factory=list),
    lambda: dataclass(order=True, eq=False)(type("O", (), {"__annotations__": {}})),
    lambda: dataclass(type("NonDef", (), {"__annotations__": {"x": int, "y": int}, "x": 1})),
    lambda: fields(1),
    lambda: asdict(Point),
    lambda: replace(p, z=1),
    lambda: replace(b, total=3),
    lambda: Point(),
    lambda: Point(1, 2, 3),
]:
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    @dataclass(order=True)
    class Clash:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print(type(e).__name__, e)

try:
    @dataclass
    class Thaw(Version):
        z: int = 0
except TypeError as e:
    print(type(e).__name__, e)

C = dataclasses.make_dataclass("C", [("x", int), ("y", int, field(default=5))], namespace={"total": lambda self: self.x + self.y})
print(C(1), C(1).total(), fields(C)[1].default)
print(Point.__doc__)


@dataclass(repr=False)
class Quiet:
    a: int


print(repr(Quiet(1)).startswith("<__main__.Quiet object"))
