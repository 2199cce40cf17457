# re: matching with many patterns (search/match/fullmatch, spans, groups).
import re

def show(pattern, text, flags=0):
    try:
        p = re.compile(pattern, flags)
    except re.error as e:
        print("error", repr(pattern), e)
        return
    for name in ("match", "search", "fullmatch"):
        m = getattr(p, name)(text)
        if m is None:
            print(name, repr(pattern), repr(text), None)
        else:
            print(name, repr(pattern), repr(text), m.span(), m.groups())

CASES = [
    ("abc", "abc"), ("abc", "xabcy"), ("abc", "ab"), ("a.c", "abc"), ("a.c", "a\nc"),
    ("a*", ""), ("a*", "aaa"), ("a+", "baaa"), ("a?b", "ab"), ("a?b", "b"),
    ("a{2}", "aaa"), ("a{2,}", "aaaa"), ("a{,2}", "aaa"), ("a{1,3}", "aaaaa"),
    ("a{,}", "aa"), ("a{", "a{"), ("a{}", "a{}"), ("a{1", "a{1"), ("a{x}", "a{x}"),
    ("x{3,5}?", "xxxxxx"), ("x*?y", "xxy"), ("x+?", "xxx"), ("x??", "x"),
    ("[abc]+", "xxcabz"), ("[^abc]+", "abxyzc"), ("[a-z0-9_]+", "Hello_42!"),
    ("[]a]", "]"), ("[a-]", "-"), ("[-a]+", "a-a"), (r"[\]]", "]"), (r"[\d]+", "ab12"),
    (r"[\w.]+", "foo.bar baz"), (r"[^\W\d]+", "12abc3"), (r"[\x41-\x43]+", "ABCD"),
    ("(a|b)*c", "ababc"), ("(a|ab)(c|bcd)(d*)", "abcd"), ("(a*)*", "b"), ("(a*)+", "b"),
    ("(a|b)*?c", "abc"), ("(?:ab)+", "ababab"), ("(a)(b)(c)", "abc"),
    ("((a)|b)+", "ab"), ("(a)|b", "b"), ("(?:(a)|b)*", "ab"), ("(a*)b\\1", "aabaa"),
    (r"(\w+)\s+\1", "hello hello world"), (r"(?P<w>\w)(?P=w)", "abccd"),
    (r"^abc$", "abc"), (r"^abc$", "abc\n"), (r"^abc$", "abc\n\n"), (r"abc\Z", "abc\n"),
    (r"\Aabc", "abc"), (r"\bfoo\b", "a foo b"), (r"\bfoo\b", "afoo"), (r"\Bfoo", "afoo"),
    (r"\b", ""), (r"\B", ""), (r"\B", "a"), (r"$", "abc"), (r"^", ""),
    (r"\d+", "abc 123 def"), (r"\D+", "123abc456"), (r"\s+", "a \t\nb"), (r"\S+", "  ab  "),
    (r"\w+", "héllo wörld"), (r"\d", "\u0663"), (r"\s", "\u2003"), (r"\w", "\u00b2"),
    ("a(?=b)", "ab"), ("a(?=b)", "ac"), ("a(?!b)", "ab"), ("a(?!b)", "ac"),
    ("(?<=a)b", "ab"), ("(?<!a)b", "ab"), ("(?<!a)b", "cb"), ("(?<=ab|cd)x", "cdx"),
    ("(?<=(a))b", "ab"), ("(?=(a+))a*b\\1", "baaabac"), ("(?!(a)b)a", "ac"),
    ("(?>a+)b", "aaab"), ("(?>a+)a", "aaa"), ("a*+a", "aaa"), ("a++b", "aab"),
    ("a?+a", "a"), ("(?:ab)*+ab", "abab"), ("a{1,2}+a", "aaa"), ("(?>ab|a)c", "ac"),
    ("(a)?(?(1)b|c)", "ab"), ("(a)?(?(1)b|c)", "c"), ("(a)?(?(1)b|c)", "b"),
    ("(?P<q>')?x(?(q)')", "'x'"), ("(?P<q>')?x(?(q)')", "x"), ("(?(1)a|b)(x)?", "b"),
    ("x|", "y"), ("|x", "x"), ("", "abc"), ("()", "a"), ("(|a)+", "aa"),
    ("(a|)*b", "aab"), ("(?:a|b|)+c", "abc"), ("(a+|b+)*c", "aabbc"),
    (r"\(\)\[\]\{\}\.\*\+\?\^\$\|\\", "()[]{}.*+?^$|\\"), (r"\n\t\x41\101\0", "\n\tAA\x00"),
    (r"\u00e9\U0001F600", "é\U0001F600"), (r"[\u00e0-\u00ff]+", "aéèü"),
    ("é+", "ééé"), ("[é-ü]+", "ñö"), (".", "\U0001F600"), ("(?s).+", "a\nb"),
    ("(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)\\11", "abcdefghijkk"), (r"(a)\10", "a\x08"),
]

for case in CASES:
    show(*case)

# Positions, pos and endpos.
p = re.compile(r"\w+")
print(p.search("ab cd ef", 3), p.search("ab cd ef", 3, 4), p.match("ab cd", 3))
print(p.search("abc", 5), p.search("abc", -5), p.search("abc", 1, 100), p.search("abc", 2, 1))
print(re.compile("^a").search("ba", 1), re.compile("$").search("ab", 0, 1).span())
print(re.compile(r"(?<=a)b").search("ab", 1), re.compile(r"\bb").search("ab", 1))
m = re.compile(r"b+").search("abbbc", 1, 3)
print(m, m.pos, m.endpos, m.string, m.re)

# Long inputs: no stack overflow, linear-ish work.
big = "a" * 200000
print(len(re.match("a*", big).group()), len(re.match("(?:a)*", big).group()))
print(len(re.match("(a|b)*", big).group()), re.match("(a|b)*c", big + "c").span())
print(re.search("x", big), len(re.findall("a", big)))
print(len(re.match("(?:a|b)*?$", big).group()), re.fullmatch("(?:aa)+", big) is not None)
print(re.search(r"(\w+)\s(\w+)$", "word " * 1000 + "end").groups()[1])
