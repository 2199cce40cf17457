# re: sub, subn, split, findall, finditer, escape, templates.
import re

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

# sub with templates
attempt(re.sub, r"(\w+) (\w+)", r"\2 \1", "hello world, big apple")
attempt(re.sub, r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "john smith")
attempt(re.sub, r"(\w+)", r"<\g<0>>", "a bc def")
attempt(re.sub, r"(\w+)", r"\g<1>0", "ab")
attempt(re.sub, r"a", r"\n\t\\", "xax")
attempt(re.sub, r"a", r"\-\.", "a")
attempt(re.sub, r"a", r"\0", "a")
attempt(re.sub, r"a", r"\101\0101", "a")
attempt(re.sub, r"(a)|b", r"[\1]", "ab")
attempt(re.sub, "x*", "-", "abxd")
attempt(re.sub, "", "-", "abc")
attempt(re.sub, "a", "b", "aaaa", 2)
attempt(re.sub, "a", "b", "aaaa", count=1)
attempt(re.subn, "a", "b", "banana")
attempt(re.subn, "z", "b", "banana")
attempt(re.sub, r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333")
attempt(re.sub, r"\w", lambda m: None, "a-b")
attempt(re.sub, r"\w", lambda m: 5, "a-b")
attempt(re.sub, "(?i)B", "x", "abcB")
attempt(re.sub, "^", "> ", "line1\nline2", flags=re.M)
attempt(re.sub, b"a+", b"<\\g<0>>", b"caaandy")
attempt(re.sub, "a", "\\", "a")
attempt(re.sub, "a", r"\q", "a")
attempt(re.sub, "a", r"\2", "a")
attempt(re.sub, "(a)", r"\g<2>", "a")
attempt(re.sub, "(a)", r"\g<x>", "a")
attempt(re.sub, "(a)", r"\g<1x>", "a")
attempt(re.sub, "(a)", r"\g<", "a")
attempt(re.sub, "(a)", r"\g<1", "a")
attempt(re.sub, "(a)", r"\g", "a")
attempt(re.sub, "(a)", r"\g<>", "a")
attempt(re.sub, "(a)", r"\777", "a")
attempt(re.sub, "x", r"\9", "abc")

# split
attempt(re.split, r"\W+", "Words, words, words.")
attempt(re.split, r"(\W+)", "Words, words, words.")
attempt(re.split, r"\W+", "Words, words, words.", 1)
attempt(re.split, r"\W+", "Words, words, words.", maxsplit=-1)
attempt(re.split, "[a-f]+", "0a3B9", flags=re.IGNORECASE)
attempt(re.split, r"(\W+)?", "a, b")
attempt(re.split, r"x*", "axbc")
attempt(re.split, r"\b", "a bc")
attempt(re.split, "", "abc")
attempt(re.split, "(a)|(b)", "xaybz")
attempt(re.split, b",", b"a,b,,c")

# findall / finditer
attempt(re.findall, r"\d+", "12 drummers, 11 pipers, 10 lords")
attempt(re.findall, r"(\w)(\d)", "a1 b2 c")
attempt(re.findall, r"(\w)(\d)?", "a1 b c3")
attempt(re.findall, r"(a)|b", "ab")
attempt(re.findall, "", "ab")
attempt(re.findall, r"\b\w", "hi there you")
attempt(re.findall, r"a|(b)", "ab")
attempt(re.findall, rb"\w+", b"one two")
attempt(re.findall, r"\w+", "ab cd", 0)
print([m.group() for m in re.finditer(r"\w+", "one two  three")])
print([(m.start(), m.end()) for m in re.finditer(r"\b|x", "a xb")])
it = re.compile(r"\d").finditer("a1b2c3", 2, 5)
print([(m.group(), m.pos, m.endpos) for m in it])
it = re.finditer("a", "aa")
print(next(it).span(), next(it).span())
try:
    next(it)
except StopIteration:
    print("stop")
print(iter(it) is it)

# escape
attempt(re.escape, "a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o p#q&r~s-t\tu\nv")
attempt(re.escape, "hello_world123")
attempt(re.escape, b"a.b\x00\xff")
attempt(re.escape, "é.ü")
print(re.match(re.escape("1+1=2?"), "1+1=2?").group())

# expand
m = re.match(r"(?P<a>\w)(\w)?", "x")
attempt(m.expand, r"[\1|\2|\g<a>]")
attempt(m.expand, r"\3")
m = re.match(rb"(\w)", b"x")
attempt(m.expand, rb"<\1>")
