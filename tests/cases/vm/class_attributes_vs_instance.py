# Class attributes are shared until an instance shadows them.
class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.own = []
a, b = Counter(), Counter()
print(Counter.count, a.count, b.count)
a.count = 100
print(Counter.count, a.count, b.count)
del a.count
print(a.count)
a.shared.append("via a")
print(b.shared, Counter.shared is a.shared)
a.own.append(1)
print(a.own, b.own)
Counter.count = 0
print(a.count, b.count)
Counter.new_attr = "added later"
print(a.new_attr)
print(hasattr(a, "count"))
class Sub(Counter):
    count = -1
s = Sub()
print(Sub.count, Counter.count, s.count)
class Const:
    PI = 3
    def area(self, r):
        return self.PI * r * r
c = Const()
c.PI = 4
print(Const().area(1), c.area(1))
class Meth:
    def m(self):
        return "method"
mm = Meth()
mm.m = lambda: "instance override"
print(mm.m(), Meth().m())
print(type(a).__name__, a.__class__.__name__, type(a) is Counter)
