# re: re.error messages and positions for bad patterns, as CPython's.
import re

BAD = [
    "(", "(a", "a)", ")", "*", "+a", "?", "{1}", "a**", "a*+*", "x++*", "a{2}{3}",
    "^*", r"\b+", "a{3,2}", "[a", "[]", "[^]", "[a-", r"[z-a]", r"[\d-z]", r"[a-\d]",
    r"[\x41-\x40]", "\\", "a\\", r"\q", r"[\q]", r"\x4", r"\x", r"\u12", r"\U1234",
    r"\U00110000", r"\N{foo}", r"\N", r"\1", r"(a)\2", r"(a\1)", r"\400", r"[\400]",
    r"[\8]", r"\777", "(?", "(?P", "(?P<", "(?P<>a)", "(?P<a", "(?P<a>", "(?P<1a>x)",
    "(?P<a b>x)", "(?P<a>x)(?P<a>y)", "(?P=", "(?P=a", "(?P=a)", "(?P<a>x(?P=a))",
    "(?Px)", "(?<", "(?<x)", "(?<=a*)b", "(?<!a|bc)d", "(?<=a+)", "(?z)", "(?i",
    "(?i-", "(?i-i:a)", "(?-z:a)", "(?iz)", "(?i-:a)", "(?-a:x)", "(?au)x", "(?L)x",
    "a(?i)", "(?i)(?m)a|(?s)b", "(?x", "(?#abc", "(?#abc)x", "(?(1)a|b|c)", "(?(2)a)(b)",
    "(?(a)a)", "(?(0)a)", "(?(1a)x)", "(?(-1)a)", "(?(", "(?(1", "(?:a", "(?=a",
    "(?>a", "(a|b", "a|b)", "((a)", "a{1,2", "a{,", "x{99999999999}",
    "(?<=(?P<a>x)(?P=a))", "(?<=x(?P<a>y))", "(?(1)a)(b)", "(?i:(?-i:a)", "\na(",
    "ab\ncd)", "(?P<é>x)",
]

for pattern in BAD:
    try:
        re.compile(pattern)
        print(repr(pattern), "ok")
    except re.error as e:
        print(repr(pattern), "error:", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == pattern)
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)

for pattern in [b"(", b"\\q", b"\\u1234", b"[\xff-\x01]", b"(?u)x"]:
    try:
        re.compile(pattern)
        print(pattern, "ok")
    except re.error as e:
        print(pattern, "error:", e, e.pos)
    except Exception as e:
        print(pattern, type(e).__name__, e)

# flag conflicts
for pattern, flags in [("a", re.LOCALE), ("a", re.ASCII | re.UNICODE), (b"a", re.UNICODE),
                       (b"a", re.ASCII | re.LOCALE), ("(?a)a", re.UNICODE)]:
    try:
        re.compile(pattern, flags)
        print(pattern, int(flags), "ok")
    except Exception as e:
        print(pattern, int(flags), type(e).__name__, e)

e = re.error("plain")
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno)
e = re.error("msg", "ab\ncd", 4)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
try:
    re.compile("a{1,2}{3}")
except re.error as e:
    print("caught", e)
