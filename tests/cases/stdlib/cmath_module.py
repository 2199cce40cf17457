# cmath on finite arguments: values must equal CPython's bit for bit; and
# the error paths.
import cmath

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
zs = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 2 + 3j, -2.5 + 0.5j, 0.3 - 0.7j, -4 - 4j, 1e-310 + 1e-310j, 1e300 + 1e300j,
      0.6 + 0.8j, 3, -2.0, 1e-5j, 700 + 1j, -0.0 - 0.0j]
for name in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
             "asin", "acos", "atan", "asinh", "acosh", "atanh"]:
    f = getattr(cmath, name)
    out = []
    for z in zs:
        try:
            out.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))
s = 1
for i in range(60):
    s = (s * 1103515245 + 12345) % 2**31
    z = complex((s % 2000 - 1000) / 37.0, (s // 2000 % 2000 - 1000) / 53.0)
    print(i, cmath.sqrt(z), cmath.log(z), cmath.asinh(z), cmath.acos(z), cmath.atanh(z), cmath.tanh(z), cmath.exp(z / 10))
print(cmath.phase(1j), cmath.phase(-1), cmath.phase(-1 - 0j), cmath.phase(complex(-1, -0.0)), cmath.polar(3 + 4j),
      cmath.polar(-2), cmath.rect(2, cmath.pi / 3), cmath.rect(1, 0), cmath.rect(1, -0.0), cmath.rect(-1, 0))
print(cmath.log(8, 2), cmath.log(1j, 10), cmath.log(-1, 1j), cmath.log(100))
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(1, cmath.inf)), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj),
      cmath.isnan(1), cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.sqrt(-4), cmath.sqrt(4), cmath.exp(0), cmath.cos(0), cmath.sqrt(cmath.inf))


class C:
    def __complex__(self):
        return 3 + 4j


print(cmath.sqrt(C()), cmath.phase(C()))
errors = ["cmath.log(0)", "cmath.log(0j)", "cmath.log(1, 1)", "cmath.atanh(1)", "cmath.atanh(-1)", "cmath.atan(1j)",
          "cmath.exp(1000)", "cmath.cosh(1000)", "cmath.sqrt('x')", "cmath.sqrt()", "cmath.sqrt(1, 2)",
          "cmath.log()", "cmath.log(1, 2, 3)", "cmath.rect(1)", "cmath.rect(1, cmath.inf)", "cmath.polar(1e308 + 1e308j)",
          "cmath.isclose(1, 2, rel_tol=-1)", "cmath.phase('a')", "cmath.sqrt(x=1)"]
for src in errors:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
