# Rich comparisons whose dunder is a Python method run it as a frame; NotImplemented
# falls back to the reflected method, a subclass overriding it goes first.
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o):
        if isinstance(o, P): return self.x == o.x
        return NotImplemented
    def __lt__(self, o):
        if isinstance(o, P): return self.x < o.x
        return NotImplemented
    def __repr__(self): return f"P({self.x})"
class Q(P):
    def __gt__(self, o): return "Q.__gt__ first"
    def __eq__(self, o): return "Q.__eq__ first"
print(P(1) == P(1), P(1) == P(2), P(1) != P(1), P(1) < P(2), P(3) > P(2))
print(P(1) == 1, P(1) != 1, 1 == P(1))
print(P(1) < Q(2), P(1) == Q(1))
try: P(1) < 5
except TypeError as e: print(e)
try: P(1) <= P(2)
except TypeError as e: print(e)
print(sorted([P(3), P(1), P(2)]))
class R:
    def __eq__(self, o): return "R.eq"
class S:
    def __eq__(self, o): return NotImplemented
print(S() == R(), R() == S())
s = S(); print(s == s, s != s, S() == S())
class T:
    def __lt__(self, o): raise ValueError("no order")
try: T() < T()
except ValueError as e: print("ValueError", e)
class Gt:
    def __gt__(self, o): return "reflected gt"
class Plain: pass
print(Plain() < Gt())
