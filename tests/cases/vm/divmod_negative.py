# Floor division and modulo follow the divisor's sign.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3)]:
    print(a, b, a // b, a % b, divmod(a, b), a == (a // b) * b + a % b)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.0, 1), (5, 0.5)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 10, -11 % 10, 11 % -10, 2 ** 70 % -3, (-(2 ** 70)) // 3)
print(-7 / 2, int(-7 / 2), -(7 // 2), 1 % float("inf"), -1 % float("inf"))
print(divmod(True, 2), divmod(10, True), 3 % True)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    5 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
