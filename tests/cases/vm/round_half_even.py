# Banker's rounding for ints and floats, ndigits edge cases.
print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5)])
print([round(x / 10, 0) for x in range(-15, 16, 5)])
print(round(0.125, 2), round(0.375, 2), round(2.5, 0), round(-2.5, 0))
print(round(15, -1), round(25, -1), round(35, -1), round(-25, -1), round(150, -2), round(250, -2))
print(round(12345, -10), round(5, 0), round(5, 3), type(round(5, 1)), type(round(5.0, 1)))
print(round(1.23456, 3), round(1.0, 100), round(123.456, -1), round(-0.0), round(0.49999999999999994))
print(round(True), round(10 ** 20 + 5, -1), round(2 ** 70, -21))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(object())
except TypeError as e:
    print(type(e).__name__, e)
print(format(2.5, ".0f"), format(3.5, ".0f"), "%.0f" % 0.5, "%.1f" % 0.25, f"{1.5:.0f}")
