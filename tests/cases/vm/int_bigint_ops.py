# Arbitrary-precision integers.
big = 2 ** 100
print(big, big - 1, -big, big * big)
print(big // 3, big % 7, divmod(big, 10 ** 9), (-big) // 7, (-big) % 7)
print(big >> 50, 1 << 70, big & (2 ** 64 - 1), big | 1, big ^ big, ~big)
print(10 ** 30 == int("1" + "0" * 30), int("-123456789012345678901234567890"))
print(str(3 ** 50), hex(2 ** 70), bin(2 ** 65), oct(8 ** 23))
print(int("ff" * 10, 16), int("0x" + "f" * 20, 0), int("1" * 70, 2))
print(pow(3, 200, 10 ** 9 + 7), pow(2, -1, 7), pow(123456789, 0))
print(abs(-(10 ** 25)), -(10 ** 25) < 10 ** 24, max(2 ** 64, 2 ** 63), sorted([2 ** 65, -(2 ** 65), 0]))
f = 1
for i in range(1, 31):
    f *= i
print(f, len(str(f)), f % 1000003)
print((10 ** 20).to_bytes(9, "big").hex(), int.from_bytes(b"\x01" * 12, "little"))
print(float(2 ** 60), 2 ** 60 / 2 ** 58, 2 ** 1000 // 2 ** 999, round(2 ** 70, -20))
print(hash(2 ** 61 - 1) == hash(0), (2 ** 64) == 2.0 ** 64, 2 ** 53 + 1 > 2.0 ** 53)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (10 ** 400) / 1
except OverflowError as e:
    print(type(e).__name__, e)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (2 ** 70).to_bytes(2, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print(int(1e20), int(-2.5e15), 7 ** 77 % 13, (-7) ** 3, 0 ** 0)
print(sum(range(10 ** 6)), (10 ** 18 + 1) * (10 ** 18 - 1))
