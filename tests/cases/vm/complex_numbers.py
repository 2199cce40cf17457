# The complex type: literals, the constructor, arithmetic with int/float,
# comparisons, hash, repr/str, attributes and format().


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


print("-- repr, str, hash, truth, parts")
for v in [1j, 2 + 3j, -1j, -(0j), 0j, -0j, complex(float("inf"), 0), 1e16j,
          1.5e-7 + 2j, complex(-0.0, 1), complex(1, -0.0), complex(-0.0, -0.0),
          complex(float("nan"), float("inf")), complex(1, float("nan"))]:
    print(repr(v), str(v), bool(v), v.real, v.imag, v.conjugate())
for v in [1j, 2 + 3j, complex(1.5, 0), complex(-1, 0), complex(2**60, 3), 0j]:
    print(repr(v), hash(v))
print(hash(complex(7, 0)) == hash(7), hash(complex(1.5, 0)) == hash(1.5))

print("-- arithmetic")
pairs = [(1 + 2j, 3 - 4j), (2, 1j), (1j, 2.5), (True, 1j), (0j, 1), (1e308 + 1e308j, 2)]
binops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b),
          ("*", lambda a, b: a * b), ("/", lambda a, b: a / b),
          ("**", lambda a, b: a ** b)]
for a, b in pairs:
    for name, f in binops:
        show(f"{a!r} {name} {b!r}", lambda: f(a, b))
show("1j/0", lambda: 1j / 0)
show("1/0j", lambda: 1 / 0j)
show("0j/0j", lambda: complex(1, 0) / complex(0, 0))
show("0j**-1", lambda: 0j ** -1)
show("0j**1j", lambda: 0j ** 1j)
show("(1e200+1e200j)**2", lambda: (1e200 + 1e200j) ** 2)
show("complex(inf)**1", lambda: complex(float("inf"), 0) ** 1)
show("1j**2", lambda: 1j ** 2)
show("(2+3j)**-2", lambda: (2 + 3j) ** -2)
show("1j**1000", lambda: 1j ** 1000)
show("1j**(2**70)", lambda: 1j ** (2 ** 70))
show("2**-0.5j", lambda: 2 ** -0.5j)
show("(-8)**0.5", lambda: (-8) ** 0.5)
show("(-8.0)**(1/3)", lambda: (-8.0) ** (1 / 3))
show("pow(1j, 2)", lambda: pow(1j, 2))
show("pow(1j, 2, 3)", lambda: pow(1j, 2, 3))
show("0j-0", lambda: 0j - 0)
show("-(1+2j)", lambda: -(1 + 2j))
show("+(1+2j)", lambda: +(1 + 2j))
show("sum", lambda: sum([1j, 2, 3.5]))
x = 1 + 1j
x += 2
x *= 1j
show("augmented", lambda: x)
show("abs(3+4j)", lambda: abs(3 + 4j))
show("abs(big)", lambda: abs(complex(1e308, 1e308)))
show("abs(inf, nan)", lambda: abs(complex(float("inf"), float("nan"))))
show("1j + 2**1100", lambda: 1j + 2 ** 1100)

print("-- unsupported operations")
show("(1+2j)//2", lambda: (1 + 2j) // 2)
show("(1+2j)%2", lambda: (1 + 2j) % 2)
show("divmod(1j, 2)", lambda: divmod(1j, 2))
show("~1j", lambda: ~1j)
show("1j & 1", lambda: 1j & 1)
show("1j + 'a'", lambda: 1j + "a")
show("round(1j)", lambda: round(1j))
show("int(1j)", lambda: int(1j))
show("float(1j)", lambda: float(1j))

print("-- comparisons")
show("1j<1j", lambda: 1j < 1j)
show("1j<2", lambda: 1j < 2)
show("2>=1j", lambda: 2 >= 1j)
show("(1+0j)==1", lambda: (1 + 0j) == 1)
show("(1+0j)==True", lambda: (1 + 0j) == True)
show("1.5==complex(1.5)", lambda: 1.5 == complex(1.5))
show("complex(2**53+1)==2**53+1", lambda: complex(2 ** 53 + 1) == 2 ** 53 + 1)
show("1j==1j", lambda: 1j == 1j)
show("1j!=1j", lambda: 1j != 1j)
show("1j=='a'", lambda: 1j == "a")
show("nan", lambda: complex(float("nan"), 0) == complex(float("nan"), 0))
show("{1:2}[1+0j]", lambda: {1: 2}[1 + 0j])
show("{1.5:3}[complex(1.5,0)]", lambda: {1.5: 3}[complex(1.5, 0)])
show("{1j: 'a'}[1j]", lambda: {1j: "a"}[1j])
show("[1j, 2j] == [1j, 2j]", lambda: [1j, 2j] == [1j, 2j])
show("1j in [0, 1j]", lambda: 1j in [0, 1j])

print("-- the constructor")
show("complex()", lambda: complex())
show("complex(True)", lambda: complex(True))
show("complex(imag=2)", lambda: complex(imag=2))
show("complex(real=1.5)", lambda: complex(real=1.5))
show("complex(1j, 1j)", lambda: complex(1j, 1j))
show("complex(1+2j, 3+4j)", lambda: complex(1 + 2j, 3 + 4j))
show("complex(1, -0.0)", lambda: complex(1, -0.0))
show("complex(-0.0, 1j)", lambda: complex(-0.0, 1j))
show("complex(2**1100)", lambda: complex(2 ** 1100))
show("complex(1, 2**1100)", lambda: complex(1, 2 ** 1100))
show("complex('1+2j', 1)", lambda: complex("1+2j", 1))
show("complex(1, '2')", lambda: complex(1, "2"))
show("complex([])", lambda: complex([]))
show("complex(1, [])", lambda: complex(1, []))
show("complex(1, 2, 3)", lambda: complex(1, 2, 3))
show("complex(foo=1)", lambda: complex(foo=1))
show("complex(1, real=2)", lambda: complex(1, real=2))
for s in ["1+2j", "  ( 1_0+2j ) ", "j", "-j", "+J", "1-j", "infj", "-nan+infj", "1e5j",
          "3", "-2.5e-3", ".5j", "1.", "١+٢j", "1__0", "_1", "1_", "x", "1e",
          "(1+2j", "1+2j)", "", "1+2", "j1", "1+2jx", "( )"]:
    show(f"complex({s!r})", lambda: complex(s))


class F:
    def __float__(self):
        return 2.5


class C:
    def __complex__(self):
        return 3j


class Bad:
    def __complex__(self):
        return 3


class I:
    def __index__(self):
        return 7


show("complex(F())", lambda: complex(F()))
show("complex(C())", lambda: complex(C()))
show("complex(Bad())", lambda: complex(Bad()))
show("complex(I())", lambda: complex(I()))
show("complex(1, F())", lambda: complex(1, F()))
show("complex(F(), I())", lambda: complex(F(), I()))

print("-- the type and its methods")
show("type(1j)", lambda: type(1j))
show("isinstance", lambda: isinstance(1j, complex))
show("complex.conjugate(2j)", lambda: complex.conjugate(2j))
show("(1j).conjugate(1)", lambda: (1j).conjugate(1))
show("(1j).foo", lambda: (1j).foo)
show("type(complex(1, 2).real)", lambda: type(complex(1, 2).real))

print("-- format")
for spec in ["", "10", "<12", "^14", "*>15", ".2f", "+.3e", "g", "G", ".0f", "#.0f",
             "08", "=10", "d", "%", ",.2f", " ", "+", "-", "n", ".3", "z.1f", "E", "F",
             "0<10", "#g", "_.1f"]:
    for v in [1 + 2j, -1.5j, complex(-0.0, 0.0), complex(1234567.891, -0.000012),
              complex(float("inf"), float("nan")), 0j]:
        show(f"format({v!r}, {spec!r})", lambda: format(v, spec))
print(f"{1+2j!r:>12}|{3j}|{2-1j:.1f}")
