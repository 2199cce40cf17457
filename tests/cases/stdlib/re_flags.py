# re: flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII), inline and scoped.
import re

def show(pattern, text, flags=0):
    try:
        print(repr(pattern), int(flags), re.findall(pattern, text, flags))
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)

print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)
print(int(re.I | re.M), re.compile("a").flags, re.compile(b"a").flags, re.compile("(?ims)a").flags)
print(re.compile("a", re.A).flags, re.compile("(?x) a").flags, re.compile("(?a)a").flags)

show("abc", "ABC abc AbC", re.I)
show("(?i)abc", "ABC abc AbC")
show("[a-c]+", "ABCabcXYZ", re.I)
show("[^a-c]+", "ABCabcXYZ", re.I)
show(r"\w+", "ÀÉÎ õü", re.I)
show("straße", "STRASSE strasse STRAßE", re.I)
show("σ", "Σσς", re.I)
show("[σ]", "Σσς", re.I)
show("k", "kK\u212a", re.I)
show("s", "sSſ", re.I)
show("é", "éÉ", re.I)
show("é", "éÉ", re.I | re.A)
show(r"(?i)(\w)\1", "aA bb Cc dE")
show(b"abc", b"ABC abc", re.I)
show(b"\xe9", b"\xe9\xc9", re.I)
show("(?i:a)b", "ab Ab AB aB")
show("a(?-i:b)", "ab Ab AB aB", re.I)
show("(?i:a(?-i:b)c)", "abc ABC AbC aBc")

show("^\\w+$", "one\ntwo\nthree")
show("^\\w+$", "one\ntwo\nthree", re.M)
show("(?m)^\\w+$", "one\ntwo\nthree\n")
show("\\w+$", "one\ntwo\n")
show("\\w+\\Z", "one\ntwo\n")
show("^", "a\nb\n", re.M)
show("$", "a\nb\n", re.M)
show("$", "a\nb\n")
show("(?m:^b)", "a\nb")

show("a.b", "a\nb")
show("a.b", "a\nb", re.S)
show("(?s)a.b", "a\nb")
show("(?s:a.)b|c.", "a\nb c\n")
show(".+", "ab\ncd")

show(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+) # word
""", "12 ab 3cd", re.X)
show(r"(?x) a b c  # comment", "abc")
show(r"(?x) a\ b", "a b")
show(r"(?x) [ a] b", " b ab")
show(r"(?x: a b )c d", "abc d")
show("a b(?x: c d)", "a bcd")
show(r"(?x)a # c" + "\n" + "|b", "ab")

show(r"\w+", "héllo wörld", re.A)
show(r"(?a)\w+", "héllo wörld")
show(r"(?a:\w+)\w", "héllo")
show(r"\d+", "12\u0663\u0664", re.A)
show(r"\d+", "12\u0663\u0664")
show(r"\s+", "a\u2003b\x1cc")
show(r"\s+", "a\u2003b\x1cc", re.A)
show(r"\bé", "é aé", 0)
show(r"\bé", "é aé", re.A)
show(r"\w+", b"h\xe9llo".decode("latin-1"))
show(rb"\w+", b"h\xe9llo")
show(rb"\s+", b"a\x1cb \x85c")

show("(?i)(?m)^a", "A\na")
show("(?im)^a", "A\na")
show("a(?i)b", "ab")
show("(?u)a", "a")
show("(?iu)a", "A")
show("(?ia:é)", "É")
show("(?ai)é", "É")
show("x(?#comment)y", "xy")

print(re.compile("(?i)a").match("A").group(), re.compile("a", re.I).search("bA").span())
print(re.sub("(?i)hello", "bye", "Hello HELLO hello"))
print(re.split("(?m)^", "a\nb\nc"))
print(re.compile(r"(?x) \#", re.X).match("#"))
