# Binary, reflected and in-place operators; __index__; NotImplemented fallbacks.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return V(self.x * k, self.y * k)
        return NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __bool__(self):
        return bool(self.x or self.y)

a, b = V(1, 2), V(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, +a is a, abs(b), a @ b, a == V(1, 2), a != b)
c = a
c += b
print(c, a, c is a, bool(V(0, 0)))
try:
    a + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" * a
except TypeError as e:
    print(type(e).__name__, e)

class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
i = Idx(2)
class R:
    def __radd__(self, o):
        return "radd with %r" % (o,)
    def __rsub__(self, o):
        return "rsub with %r" % (o,)
print(1 + R(), [1] + R(), 5 - R(), sum([R()], 0) if False else sum([1, 2], 0))
class Sub(V):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
    def __add__(self, o):
        return "Sub.__add__"
class Cmp:
    def __lt__(self, o):
        return NotImplemented
try:
    Cmp() < Cmp()
except TypeError as e:
    print(type(e).__name__, e)
class Pow:
    def __pow__(self, e, mod=None):
        return ("pow", e, mod)
    def __rpow__(self, b):
        return ("rpow", b)
print(Pow() ** 2, 2 ** Pow())
