# Binary operators whose dunder is a Python method run it as a frame of the
# loop; NotImplemented falls back to the reflected method as CPython does.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        return NotImplemented
    def __radd__(self, o): return ('radd', o)
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return 'rsub'
    def __mul__(self, o, extra=1): return 'mul-default-arg'
    def __repr__(self): return f"V({self.x})"
class W(V):
    def __radd__(self, o): return 'W radd first'
print(V(1) + V(2), 1 + V(2), V(1) + W(2))
try: V(1) + 5
except TypeError as e: print(e)
try: V(1) - V(2)
except TypeError as e: print(e)
print(V(1) * 3)
class Boom:
    def __add__(self, o): raise ValueError("boom")
try: Boom() + 1
except ValueError as e: print("ValueError", e)
def deep(n):
    class R:
        def __add__(self, o): return deep(n - 1) if n else 0
    return R() + 1
print(deep(50))
class Gen:
    def __add__(self, o):
        yield 1
print(type(Gen() + 1).__name__)
class Closure:
    def __add__(self, o):
        def inner(): return o
        return inner()
print(Closure() + 7)
import sys
class Rec:
    def __add__(self, o): return self + o
try: Rec() + 1
except RecursionError as e: print("RecursionError")
