import a.b.c as d, e
from . import x
from ..a import (b as c,
  d)
from a import *
def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass
def h(a: int = 1, *b: str, c: "x" = 2, **d: float) -> None: pass
def k(*args: *Ts): pass
g = lambda a, *b, c=1, **d: a
f(a=1, *b, **c)
f(a = 1, ** c)
class A(b=1, **c): pass
