# Dicts and sets use a class's own __hash__ and __eq__ for their keys.

class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return f"K({self.v})"


d = {K(1): "a", K(2): "b"}
print(d[K(1)], K(2) in d, K(3) in d, len(d))
d[K(1)] = "z"
print(d)
del d[K(2)]
print(d)
print(d.get(K(1)), d.get(K(9), "dflt"), d.setdefault(K(5), "new"), d.pop(K(5)))
try:
    d[K(7)]
except KeyError as e:
    print("KeyError", e)

# Sets: construction, algebra, comparisons.
print({K(1), K(1), K(2)} == {K(2), K(1)}, len({K(1), K(1)}))
s = {K(i % 3) for i in range(10)}
print(sorted(s, key=lambda k: k.v))
print(K(1) in s, K(5) in s)
s.discard(K(0))
s.add(K(1))
print(len(s))
print(sorted({K(1), K(2)} & {K(2), K(3)}, key=lambda k: k.v))
print({K(1), K(2)} - {K(2)}, sorted({K(1)} | {K(1), K(4)}, key=lambda k: k.v))
print(sorted({K(1), K(2)} ^ {K(2), K(3)}, key=lambda k: k.v))
print({K(1)} <= {K(1), K(2)}, {K(1)}.isdisjoint([K(1)]), {K(2)}.issuperset([K(2)]))
u = {K(1)}
u |= {K(1), K(2)}
u -= {K(1)}
u.difference_update([K(9)])
u ^= {K(2), K(3)}
print(u, frozenset([K(4), K(4)]))
print(set([K(1), K(1)]) == frozenset({K(1)}))


# Equal across types: the stored key's __eq__ answers for a plain int.
class One:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        return other == 1


print({1: "int"}[One()], One() in {1}, {One(): "x"}.get(1))

# Tuples of instances hash and compare by their items.
t = {(K(1), 2): "tup"}
print(t[(K(1), 2)], (K(1), 2) in t, (K(1), 3) in t)

# Subclasses of str keep str's hash and equality.
class S(str):
    pass


print({S("a"): 1}["a"], {"a": 1}[S("a")])


# __eq__ is called only on a hash match, stored key first.
calls = []


class Loud:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 7

    def __eq__(self, other):
        calls.append((self.name, getattr(other, "name", other)))
        return self is other or getattr(other, "name", None) == self.name


x = {Loud("a"): 1}
x[Loud("b")] = 2
print(len(x), calls)
print(x[Loud("b")], calls[-1])

# Failure paths.
class NoHash:
    def __eq__(self, other):
        return True


for bad in (lambda: {NoHash(): 1}, lambda: {NoHash()}, lambda: hash(NoHash()), lambda: NoHash() in {1: 2}):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class BadHash:
    def __hash__(self):
        return "x"


try:
    {BadHash(): 1}
except TypeError as e:
    print("TypeError", e)


class Boom:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("no comparing")


b = {Boom(): 1}
try:
    b[Boom()]
except ValueError as e:
    print("ValueError", e)


class Big:
    def __hash__(self):
        return 2**100


print(hash(Big()) == hash(2**100), hash(Big()) == (2**100) % (2**61 - 1))


class MinusOne:
    def __hash__(self):
        return -1


print(hash(MinusOne()))


# An __eq__ that changes the dict: the look-up starts over.
class Mutating:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 3

    def __eq__(self, other):
        self.d.pop("x", None)
        return False


m = {}
m[Mutating(m)] = 1
m["x"] = 2
print(Mutating(m) in m, len(m))

# Argument counts of the key-and-optional dict methods.
for call in (lambda: {}.pop(), lambda: {}.setdefault(), lambda: {}.get(1, 2, 3), lambda: dict.fromkeys()):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
