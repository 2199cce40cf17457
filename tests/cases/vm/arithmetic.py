# Integer and float arithmetic, promotion to big integers, and CPython's
# rounding and sign rules.
print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10)
print(2 ** 100, -(2 ** 63), 2 ** 63 - 1 + 1, 9223372036854775807 + 1)
print(10 ** 20 // 7, 10 ** 20 % 7, -(10 ** 20) // 7)
print(0.1 + 0.2, 1e16, 1.5e-7, 1 / 3, 2.0 ** 0.5, 10 / 4)
print(7.5 // 2, 7.5 % 2, -7.5 % 2, 3 * 1.5, True + True, True * 3)
print(1 << 70, (1 << 70) >> 68, 0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0x0F, ~5)
print(divmod(17, 5), divmod(-17, 5), abs(-4), abs(-2.5), round(2.5), round(3.5), round(2.675, 2))
print(max(3, 9, 1), min([4, 2, 8]), sum(range(101)), pow(2, 10), pow(3, 4, 5))
print(int("42"), int("-0x1f", 16), int(3.99), float("1.5"), int("1_000"), str(12345678901234567890))
print(1 == 1.0, 2 < 2.5, 3 >= 3, 1 != 2, 10 ** 20 == 10.0 ** 20, (2 ** 53 + 1) == float(2 ** 53 + 1))
x = 10
x += 5
x *= 2
x //= 4
x **= 3
print(x)
