# The math module: values printed with repr must equal CPython's bit for bit
# (erf/erfc are compared to 12 digits), and every failure path's message.
import math


class Floaty:
    def __float__(self):
        return 2.5


class Indexy:
    def __index__(self):
        return 7


class Rounder:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
xs = [0.0, -0.0, 0.5, 1.0, 2.0, 3.7, -2.25, 10.0, 1e-10, 123.456, 1e300]
for name in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
             "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "cbrt", "fabs", "degrees", "radians", "gamma", "lgamma"]:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for name in ["erf", "erfc"]:
    f = getattr(math, name)
    print(name, ["%.12g" % f(x) for x in [0.0, 0.1, -0.5, 1.0, 1.4, 1.6, 2.5, -3.0, 6.0, 30.0]])

for x in [0.5, 1.5, 2.5, 5.5, 10.25, 24.0, 100.5, 170.5, -0.5, -1.5, -10.3, -150.7, -200.5, 1e-21]:
    print("gamma", x, math.gamma(x), math.lgamma(x))
for x in [3.0, 7.0, 23.0, 30.0, 1e-300, -1e-300]:
    print("gamma2", x, math.gamma(x), math.lgamma(x))

for x in [2.5, -2.5, 3, True, 10**30, -0.5, Floaty(), Indexy()]:
    print("round", repr(x) if not isinstance(x, (Floaty, Indexy)) else type(x).__name__,
          math.floor(x), math.ceil(x), math.trunc(x) if not isinstance(x, (Floaty, Indexy)) else "-")
r = Rounder()
print(math.floor(r), math.ceil(r), math.trunc(r))
print(type(math.floor(2.0)).__name__, math.floor(-1e20), math.ceil(1e20))

print(math.log(8, 2), math.log(100, 10), math.log(2**2000), math.log(2**2000, 2), math.log(10**400, 10))
print(math.log2(2**1500), math.log10(10**500), math.log(3**1000), math.log2(1024), math.log10(1000))
print(math.log(Floaty()), math.log(Indexy()), math.sqrt(Indexy()), math.sqrt(True))

print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0.0, 0), math.pow(math.inf, -1),
      math.pow(-math.inf, 3), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(0.5, math.inf),
      math.pow(2, -math.inf), math.pow(-1, math.inf))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -0.0), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, -2), math.fmod(5, math.inf), math.fmod(-0.0, 1))
print(math.remainder(7, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(-5, 2),
      math.remainder(4.5, 1), math.remainder(3, math.inf), math.remainder(1e300, 3.3))
print(math.frexp(0.0), math.frexp(8), math.frexp(-0.1), math.frexp(5e-324), math.frexp(math.inf), math.frexp(1e308))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1.5, -1074), math.ldexp(3, -1080), math.ldexp(1, -10**30),
      math.ldexp(-1, -10**30), math.ldexp(math.inf, 5), math.ldexp(1e-310, 1000), math.ldexp(0.75, 1024))
print(math.modf(3.25), math.modf(-3.25), math.modf(-3.0), math.modf(math.inf), math.modf(-math.inf), math.modf(7))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, -1), math.nextafter(-0.0, 1), math.nextafter(5, 5),
      math.nextafter(math.inf, 0), math.nextafter(1e308, math.inf))
print(math.ulp(1), math.ulp(-1e300), math.ulp(0), math.ulp(5e-324), math.ulp(math.inf), math.ulp(1.7976931348623157e308))
print(math.isfinite(1), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12),
      math.isclose(0, 1e-12, abs_tol=1e-11), math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308),
      math.isclose(a=1, b=1), math.isclose(math.nan, math.nan))

print([math.factorial(n) for n in range(8)], math.factorial(30), math.factorial(True))
print(len(str(math.factorial(1000))), math.factorial(1000) % (10**9 + 7))
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 11), math.comb(100, 50), math.comb(10**20, 3), math.comb(60, 30))
print(math.perm(10, 3), math.perm(5), math.perm(5, None), math.perm(5, 6), math.perm(10**20, 2), math.perm(0, 0))
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18, 30), math.gcd(0, 0), math.gcd(2**100, 6**50),
      math.gcd(Indexy(), 21))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6), math.lcm(-4, 6, 10), math.lcm(0, 5), math.lcm(2**64, 3**40))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**30), math.isqrt(2**127 - 1), math.isqrt(True))

print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
      math.fsum([]), math.fsum([1, 2, 3]), math.fsum(iter([0.3, 0.3, 0.3])), math.fsum([1e308, -1e308, 1.0]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -math.inf]), math.fsum([math.nan, 1.0]),
      math.fsum([1.0, 2.0**53, -(2.0**53), 1e-16]), math.fsum([2.0**53, 1.0, 2.0**-100]))
vals = [((i * 7919) % 1000 - 500) * 10.0 ** ((i * 31) % 40 - 20) for i in range(200)]
print(math.fsum(vals), math.fsum(v * 1.1 for v in vals))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod([1, 2], start=10), math.prod(range(1, 25)),
      math.prod(["ab"], start=3), math.prod([[1], 2]))

print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1e308, 1e308),
      math.hypot(1e-320, 1e-320), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.1, 0.2, 0.3))
pts = [(0.1 * i, 1.7 * i - 3.3, 1e-5 * i * i) for i in range(1, 40)]
print([math.hypot(*p) for p in pts[::5]])
print([math.dist(p, q) for p, q in zip(pts, pts[1:])][::6])
print(math.dist((1, 2), (4, 6)), math.dist([0], [5]), math.dist(iter([1, 1]), (2, 2)), math.dist((), ()))

errors = [
    "math.sqrt(-1)", "math.sqrt('x')", "math.sqrt()", "math.sqrt(1, 2)", "math.sqrt(x=1)", "math.exp(1000)",
    "math.log(0)", "math.log(-1)", "math.log(0.0)", "math.log(-2**2000)", "math.log(1, 1)", "math.log()",
    "math.log(1, 2, 3)", "math.log(x=1)", "math.log('x')", "math.log(1, 'x')", "math.log2(0)", "math.log10(-1)",
    "math.log1p(-1)", "math.acos(2)", "math.atanh(1)", "math.cosh(1000)", "math.asin(math.inf)", "math.sin(math.inf)",
    "math.pow(0, -1)", "math.pow(-1, 0.5)", "math.pow(10, 400)", "math.pow(1)", "math.fmod(1, 0)", "math.fmod(math.inf, 1)",
    "math.remainder(1, 0)", "math.remainder(math.inf, 1)", "math.ldexp(1, 10000)", "math.ldexp(1.0, 2.0)",
    "math.ldexp(1, 10**30)", "math.ldexp(1)", "math.frexp('a')", "math.floor('a')", "math.floor(math.inf)",
    "math.ceil(math.nan)", "math.trunc('a')", "math.ceil(None)", "math.floor()", "math.trunc(1, 2)",
    "math.hypot('a')", "math.hypot(x=1)", "math.dist((1, 2), (1,))", "math.dist(1, 2)", "math.dist([1], ['a'])",
    "math.dist((1,))", "math.prod()", "math.prod(1)", "math.prod([1], begin=2)", "math.fsum([1e308, 1e308])",
    "math.fsum([math.inf, -math.inf])", "math.fsum(1)", "math.fsum(['a'])", "math.factorial(-1)", "math.factorial(2.0)",
    "math.factorial(10**20)", "math.factorial()", "math.comb(5, -1)", "math.comb(-5, 1)", "math.comb('a', 1)",
    "math.comb(1)", "math.comb(10**40, 10**20)", "math.perm(5, -1)", "math.perm()", "math.perm(1, 2, 3)",
    "math.perm(2.0)", "math.isqrt(-1)", "math.isqrt(2.0)", "math.gcd(2.0)", "math.gcd(a=1)", "math.lcm(2.5)",
    "math.nextafter(1)", "math.nextafter(1, 2, 3)", "math.ulp('x')", "math.copysign(1)", "math.atan2('a', 1)",
    "math.isclose(1)", "math.isclose(1, 2, 3)", "math.isclose(1, 2, rel_tol=-1)", "math.isclose(1, 2, abs_tol='x')",
    "math.isclose(1, 2, tol=3)", "math.gamma(0)", "math.gamma(-1)", "math.gamma(-math.inf)", "math.gamma(200)",
    "math.gamma(1e-320)", "math.lgamma(-2)", "math.lgamma(0)", "math.lgamma(1e308)", "math.erf('x')",
    "math.isfinite('x')", "math.degrees('x')", "math.modf('a')", "math.exp2(2000)", "math.sqrt(10**400)",
]
for src in errors:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
