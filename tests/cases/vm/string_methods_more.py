# Less common str methods.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines(), "x\ny\n".splitlines(True))
print("hello".partition("l"), "hello".rpartition("l"), "hello".partition("z"))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print("Hello World".swapcase(), "hello world".title(), "hELLO".capitalize(), "ß".casefold())
print("abcabc".count("b"), "abcabc".find("c", 3), "abcabc".rfind("a"), "abc".find("z"))
print("abcabc".index("c"), "abcabc".rindex("b"))
try:
    "abc".index("z")
except ValueError as e:
    print(type(e).__name__, e)
print("aaa".replace("a", "b", 2), "abc".startswith(("x", "a")), "abc".endswith("bc", 1))
print("123".isdigit(), "abc".isalpha(), "ab1".isalnum(), " \t".isspace(), "Ab".isupper(), "ab".islower())
print("Hello World".istitle(), "x1".isidentifier(), "1x".isidentifier(), "".isalpha())
print("-".join(["a", "b", "c"]), "".join(reversed("abc")))
try:
    "-".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print("a\tb\tc".expandtabs(4), "prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print("{} {}".format("a", "b"), "%s-%s" % ("x", "y"))
print("abc" * 2, 2 * "ab", "b" in "abc", "" in "abc", "abc"[::-1])
print("ABC".lower(), "straße".upper(), "x".isascii(), "é".isascii())
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("a-b_c".split("-"), "  x  y ".split(None, 1), "1,2,3".split(",", maxsplit=-1))
