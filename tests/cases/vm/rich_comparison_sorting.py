# sorted/min/max/bisect-like code use __lt__; reflection of comparisons.
class Card:
    order = "23456789TJQKA"
    def __init__(self, s):
        self.s = s
    def __lt__(self, o):
        return Card.order.index(self.s) < Card.order.index(o.s)
    def __eq__(self, o):
        return isinstance(o, Card) and self.s == o.s
    def __repr__(self):
        return self.s
hand = [Card(c) for c in "K2A9T"]
print(sorted(hand), sorted(hand, reverse=True), min(hand), max(hand))
print(Card("2") < Card("3"), Card("A") > Card("K"), Card("5") == Card("5"), Card("5") != Card("6"))
try:
    Card("2") <= Card("3")
except TypeError as e:
    print(type(e).__name__, e)

class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __repr__(self):
        return ".".join(map(str, self.parts))
vs = [Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), Version("1.2") <= Version("1.2"), Version("2.0") >= Version("10.0"))
print(sorted(vs, key=lambda v: v.parts[-1]))

class Gt:
    def __init__(self, n):
        self.n = n
    def __gt__(self, o):
        print("Gt.__gt__", self.n, o.n)
        return self.n > o.n
class Plain:
    def __init__(self, n):
        self.n = n
print(Plain(1) < Gt(5))
class Eq:
    def __eq__(self, o):
        return "custom"
print(Eq() == 1, 1 == Eq(), Eq() != 1, [Eq()] == [1])
class Log:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        calls.append((self.n, o.n))
        return self.n < o.n
calls = []
sorted([Log(2), Log(1)])
print(calls)
class Rec:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def __lt__(self, o):
        return (self.age, self.name) < (o.age, o.name)
    def __repr__(self):
        return "%s:%d" % (self.name, self.age)
print(sorted([Rec("b", 3), Rec("a", 3), Rec("c", 1)]))
