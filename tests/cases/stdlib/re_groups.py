# re: Match and Pattern objects: groups, names, spans, attributes, reprs.
import re

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?")
print(p, p.pattern, p.flags, p.groups, sorted(p.groupindex.items()))
m = p.search("on 2024-05 and")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("month"), m.group(1, "month", 3))
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("month"), m.span(3), m.start("day"))
print(m[0], m[1], m["year"], m[3])
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re is p, m.regs)
attempt(m.group, 4)
attempt(m.group, -1)
attempt(m.group, "nope")
attempt(m.group, 1.5)
attempt(m.start, 9)
attempt(lambda: m[7])
attempt(m.group, True)

m = re.match(r"(a)(b)?", "a")
print(m.lastindex, m.lastgroup, m.groups())
m = re.match(r"((a)b)", "ab")
print(m.lastindex, m.groups())
m = re.match(r"(?P<outer>(?P<inner>a)b)c", "abc")
print(m.lastindex, m.lastgroup)
m = re.match(r"(a)|(b)", "b")
print(m.lastindex, m.groups(), m.span(1), m.span(2))
m = re.match(r"x", "x")
print(m.lastindex, m.lastgroup, m.groups(), m.groupdict())
m = re.match(r"(?:(a)|b)+", "ab")
print(m.groups(), m.span(1))
m = re.match(r"(a|b)*", "abab")
print(m.groups(), m.span(1))
m = re.match(r"(a)+(b)?", "aaa")
print(m.groups(), m.regs)

# reprs
print(re.compile("a+"))
print(re.compile(r"\d+\.\d*"))
print(re.compile("a", re.IGNORECASE))
print(re.compile("a", re.I | re.M | re.S | re.X))
print(re.compile("a", re.ASCII))
print(re.compile("(?i)a"))
print(re.compile(b"a+"), re.compile(b"a", re.I), re.compile(b"a", re.L))
print(re.compile("it's"), re.compile('say "hi"'))
print(re.compile("x" * 300))
print(re.match("a+", "caaa"), re.search("a+", "caaab"))
print(re.search(b"a+", b"caaab"), re.search("é+", "ééx"))
print(re.search("\n", "a\nb"), re.search("'", "'"))

# Pattern attributes and equality
p1 = re.compile("a+", re.I)
p2 = re.compile("a+", re.I)
print(p1 == p2, p1 != p2, p1 == re.compile("a+"), p1 == "a+", hash(p1) == hash(p2))
print(re.compile(p1) is p1, re.compile("abc") is re.compile("abc"))
attempt(re.compile, p1, re.I)
attempt(re.compile, 5)
print(type(p1).__name__, type(m).__name__, isinstance(p1, re.Pattern), isinstance(m, re.Match))
print(re.compile(r"(?P<a>x)(?P<b>y)|(?P<c>z)").groupindex == {"a": 1, "b": 2, "c": 3})
print(re.compile("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)").groups)

# bytes matches give bytes
m = re.match(rb"(\w+) (\w+)", b"hello world")
print(m.groups(), m.group(2), m.span(2), m.string)
m = re.search(r"(é+)(ü)?", "xéé")
print(m.groups(), m.span(1), m.groups(""))

# type errors
attempt(re.match, "a", b"a")
attempt(re.match, b"a", "a")
attempt(re.match, "a", 5)
attempt(re.search, "a", None)
attempt(re.compile("a").match)
attempt(re.compile("a").match, "a", "x")
attempt(re.sub, "a", b"b", "a")
attempt(re.findall, b"a", "a")
print(re.match(b"a", bytearray(b"abc")).group(), re.search(b"b", memoryview(b"abc")) if False else None)
