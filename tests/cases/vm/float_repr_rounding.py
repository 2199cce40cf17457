# Float reprs (shortest round-trip) and rounding.
for v in [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 1e-4, 123456789.0, 1e22, 1.5e300, 5e-324]:
    print(repr(v), str(v))
print(1e16, 1e15, 12345678901234567.0, 0.000001, 0.0000001)
print(float("inf"), float("-inf"), float("nan"), -0.0, 0.0 == -0.0)
print(float("1_000.5"), float(" 3.25 "), float("1e3"), float("-.5"), float("INF"), float("infinity"))
print(round(3.14159, 2), round(2.675, 2), round(-1.5), round(1234.5678, -2), round(7.0), type(round(7.0)))
print(round(1e300, 2), round(0.5), round(1.5), round(2.5), round(-0.5))
print(7.0 // 2, 7.5 % 2, -7.5 % 2, divmod(-7.5, 2))
print(1.0 * 3, 10 / 4, 10 / 5, 2 ** 0.5, 2 ** -1, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(int(3.99), int(-3.99), float(True), 1e308 * 10, -1e308 * 10)
print(str(1.0), str(100.0), str(1e100), repr(-1.25e-10), 1.0e-310)
print(format(1.0, ""), format(0.1, ".20f"), format(1e21, "f"), format(12.5, "g"), format(1e-7, "g"))
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    float([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
nan = float("nan")
print(nan == nan, nan != nan, nan is nan, [nan] == [nan], sorted([3.0, 1.0, 2.0]))
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, 0.1 * 3)
