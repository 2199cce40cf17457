# bytes: literals, constructors, indexing, slicing, operators, reprs, methods, codecs.
b = b"hello world"
print(b, repr(b), str(b), len(b), b[0], b[-1], b[1:4], b[::-1], b[::2], b[100:])
print(b"\x00abc'\"", b"it's", b'say "hi"', b"both ' and \"", b"\t\n\r\x7f\x80\xff\\")
print(type(b).__name__, type(b[1:2]).__name__, isinstance(b, bytes))
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((1, 2)), bytes(range(5)))
print(bytes("héllo", "utf-8"), bytes("abc", "ascii"), bytes("é", "latin-1"), bytes(b"xy"))
print(bytes(bytearray(b"ab")), bytes(encoding="utf-8", source="x"), bytes(iter([1, 2, 3])))
print(b + b"!", b * 2, 2 * b"ab", b"ab" * 0, b"ab" * -1, b + bytearray(b"?"))
print(b"ab" == b"ab", b"ab" != b"ac", b"ab" < b"abc", b"b" > b"abc", b"" <= b"", b"a" >= b"b")
print(b"ab" == "ab", b"ab" == bytearray(b"ab"), b"ab" < bytearray(b"b"))
print(104 in b, b"wor" in b, b"" in b, 0 in b, bytearray(b"lo") in b)
print(list(b"abc"), [x for x in b"\x00\xff"], tuple(b"hi"), sum(b"abc"), max(b"abc"))
print(hash(b"abc") == hash(b"abc"), hash(b"") == hash(b""), {b"k": 1}[b"k"], list({b"a": 1, b"a": 2, b"b": 3}))
d = {b"x": 1, b"y": 2}
d[b"x"] += 10
print(d, sorted([b"b", b"a", b"ab", b""]), bool(b""), bool(b"\x00"))
x, y, *rest = b"xyzw"
print(x, y, rest)
print(b"%s" % b"x" if False else "skip", b"a" if b else "empty")

# searching
s = b"abcabcab"
print(s.count(b"ab"), s.count(b"ab", 1), s.count(b"ab", 1, -1), s.count(97), s.count(b""))
print(s.find(b"ca"), s.find(b"zz"), s.find(99), s.rfind(b"ab"), s.rfind(b"ab", 0, 5), s.find(b"", 3))
print(s.index(b"b"), s.rindex(b"b"), s.index(98, 2))
print(s.startswith(b"abc"), s.startswith((b"x", b"ab")), s.endswith(b"ab"), s.endswith(b"b", 0, 2))
print(s.startswith(bytearray(b"a")), s.endswith(b"ca", 0, 4))

# splitting and joining
print(b"a b  c ".split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"  x y ".rsplit(None, 1))
print(b"a,b,c".rsplit(b",", 1), b"one\ntwo\r\nthree\rfour".splitlines(), b"x\ny\n".splitlines(True))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), b", ".join((b"x",)))
print(b"key=value=x".partition(b"="), b"key".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".rpartition(b"x"))

# stripping, padding, replacing
print(b"  hi  ".strip(), b"xxhixx".strip(b"x"), b"  hi".lstrip(), b"hi \t\n".rstrip(), b"abcba".strip(b"ab"))
print(b"hi".center(6), b"hi".center(7, b"*"), b"hi".ljust(5, b"-"), b"hi".rjust(5), b"hi".ljust(1))
print(b"42".zfill(5), b"-42".zfill(5), b"+7".zfill(3), b"".zfill(2))
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), b"x\ny\tz".expandtabs(2))
print(b"aaa".replace(b"a", b"bb"), b"aaa".replace(b"a", b"", 2), b"abc".replace(b"", b"-"), b"abc".replace(b"x", b"y"))
print(b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".txt"), b"abc".removeprefix(b"x"))

# case and predicates
print(b"Hello World".upper(), b"Hello World".lower(), b"hello world".capitalize(), b"hello wORLD".title())
print(b"Hello".swapcase(), b"\xe9abc".upper(), b"they're bill's".title())
print(b"123".isdigit(), b"12a".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t\n".isspace(), b"".isspace())
print(b"ABC".isupper(), b"AbC".isupper(), b"abc1".islower(), b"Hello World".istitle(), b"hello".istitle(), b"".isalpha())
print(b"abc".isascii(), b"\x80".isascii())

# translate / maketrans
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97], b"aabbcc".translate(table), b"hello".translate(None, b"l"), b"abc".translate(table, b"b"))

# hex / fromhex
print(b"\x01\xab\xff".hex(), b"\x01\xab\xff".hex(":"), b"\x01\x02\x03\x04".hex("-", 2), b"\x01\x02\x03".hex(":", -2), b"".hex())
print(bytes.fromhex("01ab ff"), bytes.fromhex(""), bytes.fromhex(" 0A0b "), b"x".fromhex("41"))

# codecs
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "replace"), b"a\x80".decode("ascii", "replace"))
print(b"\xe2\x82".decode("utf-8", "replace"), b"\xf0\x9f\x98\x80".decode("utf-8"), b"x".decode(encoding="UTF8"))
print("café".encode(), "café".encode("utf-8"), "café".encode("latin-1"), "café".encode("ascii", "ignore"))
print("café€".encode("latin-1", "replace"), "naïve".encode("ascii", "replace"), "ok".encode("ascii"), "x".encode(encoding="utf_8"))
print(b"abc".decode("latin1"), "é".encode("iso-8859-1"), "é".encode("L1"), b"\x41".decode("us-ascii"))

# int.from_bytes / to_bytes
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"", "big"), int.from_bytes([1, 2], byteorder="big"), int.from_bytes(b"\x01" * 10, "little"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
print((0).to_bytes(0, "big"), (2**70).to_bytes(9, "big"), (-129).to_bytes(2, "little", signed=True))
print(int.from_bytes((2**70).to_bytes(9, "big"), "big") == 2**70, (5).to_bytes(length=1, byteorder="little"))

# formatting bytes with format()
print(format(b"ab"), f"{b'ab'}", f"{b'ab'!r}", "%s" % b"ab", str(b"\n"))
