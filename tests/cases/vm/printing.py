# print(): sep, end, file, flush and how objects are converted.
import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print("no newline", end="")
print(" <- continued")
print()
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, sep=" | ")
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print(*range(5), sep="-")
print("x", sep=None, end=None)
class S:
    def __str__(self):
        return "S.__str__"
    def __repr__(self):
        return "S.__repr__"
print(S(), [S()], (S(),), {"k": S()})
print("tab\there", "nl\\n literal", repr("quote's"), "uni: \u00e9\u4e2d")
for bad in [
    lambda: print("x", sep=5),
    lambda: print("x", end=[]),
    lambda: print("x", bogus=1),
]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("hello", "world", file=w, sep="+", end="$")
print(w.parts)
print("done", file=None)
