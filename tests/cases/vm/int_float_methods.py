# Number-protocol attributes and methods of int, bool and float.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, 255, -256, 2**70, -(2**70), True, False]:
    print(n, n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator,
          n.conjugate(), n.as_integer_ratio(), type(n.real).__name__)

show("bit_length arg", lambda: (5).bit_length(1))
show("conjugate arg", lambda: (5).conjugate(1))
show("unbound", lambda: int.bit_length(7))
show("unbound wrong", lambda: int.bit_length(1.5))
show("class", lambda: (True.__class__, (1).__class__, (1.5).__class__, None.__class__))

for x in [0.0, -0.0, 1.5, -2.0, 0.1, 1e300, 5e-324, 2.0**-1022, 3.0]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x,
          x.real, x.imag, x.conjugate())
for x in [float("inf"), float("-inf"), float("nan")]:
    print(x.hex(), x.is_integer())
    show("ratio", lambda: x.as_integer_ratio())

for s in ["0x1.8p1", " -0X.8P-1 ", "1p4", "0x1.", "inf", "-Infinity", "nan", "0x1.fffffffffffffp1023",
          "0x1p-1074", "0x1p-1080", "1e5", "0x1p99999", "0x1.fffffffffffff8p1023", "", "0x", "0x1p",
          "0xg", "1.2.3", "0x1p+"]:
    show(repr(s), lambda: float.fromhex(s))
show("fromhex int", lambda: float.fromhex(1))
show("fromhex none", lambda: float.fromhex())
show("via instance", lambda: (2.0).fromhex("0x1p3"))
show("is_integer arg", lambda: (1.5).is_integer(1))
show("hex arg", lambda: (1.5).hex(2))

show("set real", lambda: setattr(1, "real", 5))
show("set float imag", lambda: setattr(1.5, "imag", 5))
show("set method", lambda: setattr("abc", "upper", None))
show("set missing", lambda: setattr(5, "zzz", None))
show("round obj", lambda: round(1.25, 1))


class R:
    def __round__(self, n=None):
        return ("round", n)


print(round(R()), round(R(), 2), round(R(), None), round(R(), "x"))
show("round missing", lambda: round())
show("round nothing", lambda: round(object()))


class D:
    def __divmod__(self, o):
        return ("divmod", o)

    def __rdivmod__(self, o):
        return ("rdivmod", o)


print(divmod(D(), 3), divmod(3, D()), divmod(7, 2), divmod(-7.5, 2))
show("divmod one", lambda: divmod(1))
show("divmod types", lambda: divmod("a", 1))


class P:
    def __pow__(self, e, m=None):
        return ("pow", e, m)


print(pow(P(), 3, 5), pow(P(), 2), P() ** 4, pow(3, 4, 5))
show("pow one", lambda: pow(1))
show("pow none", lambda: pow())
