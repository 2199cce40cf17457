# bytearray: constructors, mutation, slice assignment, shared methods returning bytearray.
a = bytearray(b"hello")
print(a, repr(a), str(a), len(a), a[0], a[-1], a[1:3], type(a[1:3]).__name__)
print(bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray("é", "utf-8"), bytearray(range(3)))
print(bytearray(b"\x00'\""), bytearray(b"it's"), bytearray(a) is a, bytearray(a) == a)
a.append(33)
a.extend(b" ok")
a.extend([32, 65])
a.extend(bytearray(b"!"))
print(a)
a.insert(0, 62)
a.insert(-1, 60)
a.insert(100, 46)
print(a, a.pop(), a.pop(0), a)
a.remove(ord("l"))
print(a)
a.reverse()
print(a)
c = a.copy()
c.clear()
print(a, c, len(c))

# item and slice assignment and deletion
m = bytearray(b"abcdef")
m[0] = 65
m[-1] = 70
print(m)
m[1:3] = b"XYZ"
print(m)
m[1:4] = b""
print(m)
m[::2] = b"12"
print(m)
m[2:2] = [48, 49]
print(m)
del m[0]
print(m)
del m[1:3]
print(m)
del m[::2]
print(m)
m[:] = bytearray(b"reset")
print(m)
m[1:3] = m
print(m)
m[len(m):] = b"++"
print(m)

# += and *= mutate in place
n = bytearray(b"ab")
alias = n
n += b"cd"
n += bytearray(b"e")
print(n, alias, n is alias)
n *= 2
print(n, alias is n)
print(n + b"!", b"!" + n, type(b"!" + n).__name__, n * 0, 3 * bytearray(b"x"))

# shared methods return bytearray
s = bytearray(b"  Hello World  ")
print(s.strip(), s.upper(), s.lower(), s.split(), s.replace(b"l", b"L"), s.center(20, b"*"))
print(s.find(b"World"), s.count(b"l"), s.startswith(b"  H"), s.partition(b"o"), s.hex())
print(bytearray(b"a,b").split(b","), bytearray(b"-").join([b"a", b"b"]), bytearray.fromhex("6869"))
print(bytearray(b"abc").decode(), bytearray(b"abc").title(), bytearray(b"x").zfill(3), bytearray(b"ab").swapcase())
print(bytearray(b"abc") == b"abc", bytearray(b"abc") < b"abd", 98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"))
print(list(bytearray(b"hi")), bool(bytearray()), bytes(bytearray(b"q")), bytearray(b"ab").translate(bytes.maketrans(b"a", b"z")))
for x in bytearray(b"xyz"):
    print(x, end=" ")
print()
print(bytearray(b"abc").removeprefix(b"a"), bytearray(b"abc").rstrip(b"c"), bytearray(b"a\nb").splitlines())
print(bytearray(b"abc").isalpha(), bytearray(b"ABC").isupper(), bytearray(b"Hi There").istitle())
