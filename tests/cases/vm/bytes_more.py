# bytes and bytearray: building, searching, splitting, converting, errors.
data = "naïve café".encode("utf-8")
print(data, len(data), data.decode("utf-8"), data.decode("latin-1"))
print(data.decode("ascii", "replace"), data.decode("ascii", "ignore"))
print(b"a,b,,c".split(b","), b"  pad  ".strip(), b"x".join([b"1", b"2", b"3"]))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".count(b"l"), b"hello".replace(b"l", b"L", 1))
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"\x01\x02\x03".hex(":"))
print(list(b"AB"), bytes([65, 66]), bytes(3), b"ab" * 3, b"ab" + b"cd", b"b" in b"abc", 98 in b"abc")
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
del ba[1]
ba[1:3] = b"XYZ"
print(ba, len(ba), ba.upper(), bytes(ba), ba.pop(), ba)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True))
print(b"abc" < b"abd", b"abc" == bytearray(b"abc"), sorted([b"b", b"a"]), b"%d-%s" % (5, b"x"))
for bad in [lambda: b"\xff".decode("utf-8"), lambda: "é".encode("ascii"), lambda: bytes([256]), lambda: b"a" + "b", lambda: bytearray(b"a").pop(5), lambda: hash(bytearray())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
