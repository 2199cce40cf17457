# FOR_ITER over Python iterators: __next__ runs as a frame; StopIteration from it (or from what it calls) ends the loop.
class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), [x * 2 for x in Count(4)], sum(Count(10)))
for x in Count(2):
    print("x", x)
else:
    print("else ran")
class Deep:
    def __init__(self): self.k = 0
    def __iter__(self): return self
    def helper(self):
        raise StopIteration("done")
    def __next__(self):
        self.k += 1
        if self.k > 2: self.helper()
        return self.k
print([v for v in Deep()])
class Bad:
    def __iter__(self): return self
    def __next__(self): raise ValueError("broken")
try:
    for v in Bad(): pass
except ValueError as e:
    print("ValueError", e)
class Catches:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        try:
            raise StopIteration
        except StopIteration:
            pass
        self.n += 1
        if self.n == 3: raise StopIteration
        return self.n
print(list(Catches()))
def gen():
    for v in Count(3):
        yield v
print(list(gen()))
try:
    for i in Count(2):
        for j in Bad():
            pass
except ValueError:
    print("inner broke")
import sys
print(sys.getrecursionlimit() > 0)
