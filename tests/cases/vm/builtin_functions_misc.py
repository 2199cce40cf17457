# Assorted builtins with edge cases.
print(any([]), all([]), any([0, "", None]), all([1, "x"]), any(x > 2 for x in range(4)), all(iter([])))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.5, 0.25]), sum(range(101)), sum((), 7))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
print(abs(-3), abs(2.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(pow(2, 10), pow(2, 10, 1000), pow(-2, 3), pow(2, -2), pow(7, 2, -5))
print(chr(65), chr(0x4e2d), ord("a"), ord("\u00e9"), hex(255), hex(-1), bin(5), bin(-5), oct(8), oct(-8))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""), lambda: hex(1.5), lambda: abs("x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(callable(len), callable(lambda: 0), callable(5), callable(int), callable("s".upper))
print(isinstance(1, (str, int)), isinstance("s", (list, (dict, str))), isinstance(True, int), isinstance(None, type(None)))
print(issubclass(bool, (str, int)), issubclass(int, object), issubclass(type, object), isinstance(int, type))
try:
    isinstance(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
print(len("abc"), len([1, 2]), len({}), len(range(0, 10, 3)), len(b"xy"))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
print(repr("a'b"), ascii("é"), format(42, "08b"), format("x", "^5"), str(b"x"), int("  12 "), int("-0b101", 0))
print(divmod(17, 5), round(17 / 5, 2), max("apple", "pear", key=len), min(4, 2, 8))
print(list(range(10, 0, -3)), range(5)[2], 3 in range(5))
print(type(None).__name__, type(type).__name__, type(len).__name__, type(print).__name__)
print(bool(isinstance), id(1) == id(1), hash("x") == hash("x"))
