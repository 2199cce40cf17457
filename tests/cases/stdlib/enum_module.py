# enum: Enum/IntEnum/StrEnum/Flag/IntFlag members, reprs, lookups, aliases, unique, functional API.
from enum import *
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color, repr(Color), Color.RED, repr(Color.RED), format(Color.RED), f"{Color.RED:>12}|", Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color(1), Color['GREEN'], Color.RED.name, Color.RED.value, Color.__members__)
print(Color.RED in Color)
try: Color(7)
except ValueError as e: print(e)
try: Color['x']
except KeyError as e: print(repr(e))
try: Color.RED = 5
except AttributeError as e: print(e)
try:
    class C2(Color): pass
except TypeError as e: print(e)
try:
    class D(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
try:
    @unique
    class U(Enum):
        A = 1; B = 1; C = 2; D = 2
except ValueError as e: print(e)
class I(IntEnum):
    X = 1
    Y = 2
print(I.X, repr(I.X), format(I.X), f"{I.X:03d}", I.X + 1, I.X == 1, I.X < I.Y, str(I.Y))
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, repr(S.A), S.B + "!", format(S.B), S.A == "a")
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
print(P.R | P.W, repr(P.R | P.W), repr(P(0)), str(P(0)), list(P.R | P.X), len(P.R|P.W), P.R in (P.R|P.W), repr(~P.R), bool(P(0)))
try: P(8)
except ValueError as e: print(e)
class IF(IntFlag):
    A = 1
    B = 2
print(IF.A | IF.B, repr(IF.A | IF.B), repr(IF(8)), IF.A | 4, repr(IF.A|4), str(IF.A))
class M(int, Enum):
    A = 1
print(M.A, repr(M.A), format(M.A), f"{M.A}")
print(type(Color), EnumMeta is EnumType)
class W(Enum):
    A = auto()
    B = auto()
    def describe(self): return self.name.lower()
    @classmethod
    def _missing_(cls, v): return cls.A if v == 0 else None
print(W.A.value, W.B.value, W.B.describe(), W(0), dir(W.A)[:3])
print(Color.RED.__class__, isinstance(Color.RED, Color), Color.RED == 1, sorted(Color.__members__))
A = Enum('A', 'x y z')
print(list(A), repr(A.y))
B = Enum('B', [('p', 5), ('q', 6)])
print(list(B))
print(P.R.value, P.X.value, (P.R|P.W).name, P(3), P(7))
