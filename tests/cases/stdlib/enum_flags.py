# enum: Flag/IntFlag combination, iteration, boundaries, plus _missing_,
# _generate_next_value_, methods, tuple values and comparisons.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(list(Perm), len(Perm), Perm.RWX, repr(Perm.RWX), list(Perm.RWX), len(Perm.RWX))
print(Perm.R | Perm.W, Perm(6), Perm(5) == Perm.R | Perm.X, Perm.R & Perm.W, bool(Perm.R & Perm.W))
print(repr(Perm.R ^ Perm.RWX), repr(~Perm.W), repr(~Perm.RWX), Perm.W in Perm.RWX, Perm.R in Perm.W)
print(Perm.RWX.name, Perm(3).name, Perm(0).name, Perm(0).value, Perm.R.value)
for bad in [lambda: Perm(8), lambda: Perm("r"), lambda: Perm.R | 1, lambda: 1 in Perm.R]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


white = Color.RED | Color.GREEN | Color.BLUE
print(Color.RED.value, Color.BLUE.value, white, repr(white), [c.name for c in white])
print(sorted(m.name for m in Color), Color.RED | Color.RED, dict.fromkeys([Color.RED, Color.RED | Color.BLUE]))


class Mode(IntFlag):
    READ = 1
    WRITE = 2
    EXEC = 4


m = Mode.READ | Mode.WRITE
print(m, repr(m), m == 3, m + 1, isinstance(m, int), Mode(7), repr(Mode(16)), repr(Mode.READ | 8))
print(repr(~Mode.READ), Mode.WRITE & 3, repr(Mode.WRITE & 3), 2 | Mode.READ, repr(Mode(0)), f"{Mode.EXEC:>4}|{m}")


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, round(Planet.EARTH.gravity, 3), Planet((3.303e+23, 2.4397e6)))


class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None

    def describe(self):
        return f"{self.name.lower()} with {self.value}"


print(Shape("square"), Shape(3).describe(), Shape.SQUARE < Shape.CIRCLE if False else "no-order")
try:
    Shape(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Shape.SQUARE < Shape.CIRCLE
except TypeError as e:
    print(type(e).__name__, e)


class Bad(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


try:
    Bad(2)
except TypeError as e:
    print(type(e).__name__, e)


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return f"{count}:{name}"

    ONE = auto()
    TWO = auto()


print(list(Ordinal), Ordinal.TWO.value)


class Level(IntEnum):
    LOW = 10
    HIGH = 20


print(Level.LOW < Level.HIGH, sorted([Level.HIGH, Level.LOW]), Level(20), Level.LOW * 2, max(Level), int(Level.HIGH))
print({Level.LOW: "x"}[10], Level.HIGH == 20, hash(Level.LOW) == hash(10), list(reversed(Level)))


class Dir(StrEnum):
    NORTH = auto()
    SOUTH = "s"


print(Dir.NORTH, Dir.NORTH.upper(), Dir("s"), "-".join(Dir), Dir.SOUTH == "s", repr(Dir.SOUTH))
print(Level.__members__["LOW"], "LOW" in Level.__members__, len(Level.__members__), Color.RED in Color)
print([m for m in Perm.__members__], Perm.__members__["RWX"] is Perm.RWX, type(Perm.R).__name__)
try:
    class Dup(Enum):
        A = 1
        B = 2

        @property
        def A(self):
            return 1
except TypeError as e:
    print(type(e).__name__, e)
