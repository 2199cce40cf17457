# Subclasses of builtin types: list, dict (with __missing__), str, int, float, tuple, set.
class MyList(list):
    def push(self, x):
        self.append(x)
        return len(self)
l = MyList([3, 1, 2])
print(l, len(l), l[0], l.push(9), sorted(l), type(l).__name__, isinstance(l, list))
l.sort()
print(l, l[1:3], 2 in l, list(l), [x * 2 for x in l], l == [1, 2, 3, 9], bool(MyList()))
l[0] = 100
del l[1]
print(l, repr(l), str(l))
class Stack(list):
    def __init__(self, name):
        super().__init__()
        self.name = name
s = Stack("s")
s.append(1); s.extend([2, 3])
print(s.name, s, s.pop(), len(s))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in "a b a c a b".split():
    c[w] = c[w] + 1
print(sorted(c.items()), c["zzz"], len(c), "a" in c, dict(c) == {"a": 3, "b": 2, "c": 1})
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
d = AttrDict(x=1)
d.y = 2
print(d.x, d.y, sorted(d.keys()), d)
class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32
t = Celsius(100)
print(t, t.fahrenheit(), t + 1, round(t), isinstance(t, float), f"{t:.1f}")
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n + "by", n == "bob", {n: 1}["bob"], n.startswith("b"), repr(n))
class Even(int):
    def __new__(cls, value):
        return super().__new__(cls, value - value % 2)
    def half(self):
        return self // 2
e = Even(7)
print(e, e.half(), e + 1, type(e + 1).__name__, e * 2, hex(e), [0, 1, 2, 3, 4, 5, 6][e])
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
x, y = p
print(p, p.first, x, y, len(p), p == (1, 2), hash(p) == hash((1, 2)))
class Tags(set):
    pass
tg = Tags([1, 2])
tg.add(3)
print(sorted(tg), len(tg), 2 in tg)
class Stamp(str):
    def __new__(cls, text, n):
        obj = super().__new__(cls, text)
        obj.n = n
        return obj
    def __repr__(self):
        return f"Stamp({str.__repr__(self)}, {self.n})"
st = Stamp("hi", 3)
print(st, repr(st), st.n, st.upper(), [st])
class Loud(list):
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item" + str(list.__getitem__(self, i)) if False else f"item{i}"
ld = Loud([1, 2])
print(len(ld), ld[5], bool(ld))
try:
    class NoBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
class D2(dict):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.extra = True
d2 = D2({"a": 1}, b=2)
print(sorted(d2.items()), d2.extra, d2.get("a"), d2.setdefault("c", 3), len(d2))
print(int(Even(9)), float(Celsius(2)), str(Name("x")), list(MyList([1])), tuple(Pair(5, 6)))
