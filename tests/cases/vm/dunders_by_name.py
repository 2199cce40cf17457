# object's and the builtin types' dunder methods called by name and through super().
class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "P(" + super().__repr__()[:3] + ")"
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)
print(P(1), P(1) == P(1), P(1) != P(2), P(1) == 3, object.__eq__(P(1), 1))
class Q:
    pass
q = Q()
print(object.__repr__(q)[:10], str(q)[:10], q == q, q != q, format(q, "")[:10], hash(q) == object.__hash__(q))
print("abc".__len__(), [1, 2].__getitem__(1), {"a": 1}.__contains__("a"), (5).__repr__() if False else "x", "x".__eq__("x"))
class E(Exception):
    def __repr__(self):
        return "E!" + super().__repr__()
print(repr(E(1, 2)), str(E("m")))
