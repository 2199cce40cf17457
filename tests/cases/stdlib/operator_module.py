# The operator module: every function, the getter classes with their reprs,
# and the error paths.
import operator as op


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))

    def __iadd__(self, o):
        self.x += 100
        return self

    def __lt__(self, o):
        return self.x < o.x

    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x

    def __index__(self):
        return self.x

    def __neg__(self):
        return V(-self.x)

    def __repr__(self):
        return f"V({self.x})"

    def scale(self, k, *, plus=0):
        return self.x * k + plus


class Hinted:
    def __init__(self, n):
        self.n = n

    def __length_hint__(self):
        return self.n


print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 2), op.neg(5), op.pos(-5),
      op.inv(5), op.invert(0), op.abs(-3.5), op.not_(0), op.truth([]), op.truth([0]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2), op.lt((1, 2), (1, 3)),
      op.lt(V(1), V(2)), op.eq(V(1), V(1)))
print(op.is_(None, None), op.is_not(1, None), op.index(7), op.index(V(9)), op.index(True))
print(op.concat([1], [2]), op.concat("a", "b"), op.concat((1,), (2,)), op.contains([1, 2], 2), op.contains("abc", "d"))
print(op.countOf([1, 2, 1, 1], 1), op.indexOf([5, 6, 7], 7), op.countOf("banana", "a"))
lst = [1, 2, 3]
op.setitem(lst, 0, 10)
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.getitem({"a": 1}, "a"), op.getitem("hello", slice(1, 3)))
a = [1]
b = op.iadd(a, [2])
print(a, b is a, op.iadd(1, 2), op.isub(5, 1), op.imul("ab", 2), op.itruediv(1, 4), op.ifloordiv(9, 2),
      op.imod(9, 4), op.ipow(3, 3), op.ilshift(1, 3), op.irshift(8, 1), op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))
v = V(1)
print(op.iadd(v, 1), op.add(v, 1), op.neg(V(3)), op.iconcat([1], (2,)))
print(op.__add__(1, 2), op.__lt__(1, 2), op.__not__(1), op.__getitem__([4], 0), op.__inv__(1), op.__abs__(-2))
print(op.add.__name__, op.__add__ is op.add)
print(op.length_hint([1, 2, 3]), op.length_hint(Hinted(4)), op.length_hint(5, 7), op.length_hint({1: 2}))
print(op.call(max, 3, 9, 4), op.call(sorted, [3, 1, 2], reverse=True), op.call(V, 5))

g = op.itemgetter(1)
g2 = op.itemgetter(0, -1, "k") if False else op.itemgetter(0, -1)
print(g, g2, op.itemgetter("a", 1), g([5, 6]), g2("xyz"), g({1: "one"}))
ag = op.attrgetter("x")
ag2 = op.attrgetter("x", "x.x")
print(ag, ag2, ag(V(3)), ag2(V(V(4))))
mc = op.methodcaller("scale", 3, plus=1)
print(mc, mc(V(2)), op.methodcaller("upper")("abc"), op.methodcaller("split", ",")("a,b"))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=op.itemgetter(1)), sorted([V(3), V(1)], key=op.attrgetter("x")))
print(list(map(op.itemgetter(0), pairs)), max(pairs, key=op.itemgetter(0)))
print(type(g).__name__, isinstance(g, op.itemgetter), callable(mc))

errors = [
    "op.add(1)", "op.add(a=1, b=2)", "op.neg()", "op.neg(a=1)", "op.neg('a')", "op.inv('a')", "op.pos('x')",
    "op.abs('x')", "op.lt(1, 'a')", "op.iadd(1, 'a')", "op.ipow(2, 'a')", "op.mod(1, 0)", "op.truediv(1, 0)",
    "op.index(1.5)", "op.concat(1, 2)", "op.concat([1], (2,))", "op.contains(1, 1)", "op.countOf(1, 1)",
    "op.indexOf([1], 2)", "op.getitem([1])", "op.setitem([1], 0)", "op.is_(1)", "op.not_(1, 2)", "op.truth()",
    "op.length_hint()", "op.length_hint(1, 'x')", "op.length_hint([], default=3)", "op.call()",
    "op.itemgetter()", "op.itemgetter(1, a=2)", "op.itemgetter(1)([])", "op.itemgetter(1)(1)",
    "op.attrgetter()", "op.attrgetter(1)", "op.attrgetter('a', x=1)", "op.attrgetter('x')(1)",
    "op.methodcaller()", "op.methodcaller(1)", "op.methodcaller('nope')(1)", "op.getitem({}, 'k')",
]
for src in errors:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
