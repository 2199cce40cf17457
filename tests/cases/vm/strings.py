# str operations and methods, f-strings with format specs.
s = "Hello, World"
print(s.upper(), s.lower(), s.replace("World", "Gilt"), len(s))
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1])
print(s.split(", "), "-".join(["a", "b", "c"]), "  pad  ".strip() + "|")
print(s.startswith("Hell"), s.endswith("x"), s.find("o"), s.count("l"), "lo" in s)
print("abc" < "abd", "a" * 3, "x" + "y", repr("it's"), repr('say "hi"'))
name, n, pi = "gilt", 42, 3.14159
print(f"{name!r} has {n:5d} and {pi:.2f} and {n:#x} {n:>6} {name:^10}|")
print(f"{n=} {pi * 2:.3} {1e10:,.0f} {0.25:%} {-3:+d}")
words = "the quick brown fox".split()
print(sorted(words), sorted(words, key=len), [w.capitalize() for w in words])
print("a,b,,c".split(","), "line1\nline2".splitlines(), "x".zfill(4), "Ab".swapcase())
