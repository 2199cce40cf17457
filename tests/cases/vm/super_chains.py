# super() in methods, classmethods, properties and with explicit arguments.
class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base.__init__"]
    def greet(self):
        return "hello from Base (%s)" % self.name
    @classmethod
    def create(cls):
        return "Base.create for " + cls.__name__
    def __repr__(self):
        return "Base(%r)" % self.name
class Mid(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
        self.log.append("Mid.__init__")
    def greet(self):
        return super().greet() + " via Mid"
    @classmethod
    def create(cls):
        return super().create() + " via Mid"
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__("leaf", 42)
        self.log.append("Leaf.__init__")
    def greet(self):
        return super().greet() + " via Leaf"
    def skip(self):
        return super(Mid, self).greet()
l = Leaf()
print(l.log, l.extra)
print(l.greet())
print(l.skip())
print(Leaf.create())
print(repr(l), super(Leaf, l).__repr__())
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)
class Str(str):
    def upper(self):
        return "[" + super().upper() + "]"
print(Str("abc").upper())
class L(list):
    def append(self, v):
        super().append(v * 2)
x = L()
x.append(1)
x.append(5)
print(x)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
d = D()
d["KEY"] = 1
print(d)
