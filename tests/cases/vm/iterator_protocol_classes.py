# Classes implementing __iter__/__next__; iterables vs iterators.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), sum(r), 2 in r, 5 in r, sorted(r, reverse=True))
a, b, c = Range2(3)
print(a, b, c, [x * 10 for x in Range2(2)])
print(max(Range2(4)), tuple(Range2(2)), set(Range2(3)) == {0, 1, 2}, "-".join(map(str, Range2(3))))

class Pairs:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data.items())
for k, v in Pairs({"x": 1, "y": 2}):
    print(k, v)

class BadIter:
    def __iter__(self):
        return 5
class NoNext:
    pass
try:
    next(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Contains:
    def __contains__(self, x):
        return x == "magic"
print("magic" in Contains(), "other" in Contains(), "magic" not in Contains())
class Fib:
    def __init__(self):
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
out = []
for v in Fib():
    if v > 50:
        break
    out.append(v)
print(out)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print(list(zip(Countdown(3), Range2(5))), list(enumerate(Countdown(2))))
