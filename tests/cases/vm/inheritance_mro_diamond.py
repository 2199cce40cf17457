# C3 linearisation in diamonds and the errors for inconsistent orders.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print([k.__name__ for k in D.__mro__], D().who())
class E(C, B):
    pass
print([k.__name__ for k in E.__mro__], E().who())
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
print(isinstance(D(), A), issubclass(D, (C,)), issubclass(A, D), D.__bases__ == (B, C), A.__bases__ == (object,))
class Attr1:
    x = "from Attr1"
class Attr2:
    x = "from Attr2"
    y = "only Attr2"
class Both(Attr1, Attr2):
    pass
print(Both.x, Both.y, Both().x)
class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Child(Init1, Init2):
    def __init__(self):
        print("Child")
        super().__init__()
Child()
