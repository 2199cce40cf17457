# min/max with key, default, ties and errors.
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words), max(words))
print(min(words, key=len), max(words, key=len))
print(max(["ab", "cd", "ef"], key=len), min(["ab", "cd"], key=len))
print(min(3, 1, 2), max(3, 1, 2), max(1, 2, key=lambda v: -v))
print(min([], default="empty"), max((), default=None))
print(min([7], default=0), max("hello"), min(range(5, 10)))
print(max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
print(max([(1, "b"), (1, "a"), (0, "z")]))
print(min([1.5, 1, True]), max([False, 0, 0.0]))
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(())
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)

class P:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __gt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return "P(%d)" % self.v
ps = [P(3), P(1), P(2)]
print(min(ps), max(ps))
print(max(iter([4, 8, 2])), min((x * x for x in range(-3, 3))))
