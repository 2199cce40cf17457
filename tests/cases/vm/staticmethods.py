# staticmethod: no implicit first argument, from class or instance.
class MathUtil:
    @staticmethod
    def add(a, b):
        return a + b
    @staticmethod
    def nothing():
        return "nothing"
    def use(self):
        return self.add(1, 2) + MathUtil.add(3, 4)

print(MathUtil.add(1, 2), MathUtil().add(5, 5), MathUtil.nothing(), MathUtil().use())
print(MathUtil.add is MathUtil().add, type(MathUtil.add).__name__)
try:
    MathUtil.add(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    MathUtil().nothing(1)
except TypeError as e:
    print(type(e).__name__, e)

class Sub(MathUtil):
    @staticmethod
    def add(a, b):
        return 100 * (a + b)
print(Sub.add(1, 1), Sub().use())

def plain(x):
    return x * 2
class Holder:
    s = staticmethod(plain)
    f = plain
print(Holder.s(4), Holder().s(4), Holder.f(4))
try:
    Holder().f(4)
except TypeError as e:
    print(type(e).__name__, e)

class Validators:
    @staticmethod
    def positive(v):
        return v > 0
    checks = [positive]
print(Validators.positive(3))
class Factory:
    @staticmethod
    def make(kind):
        return {"a": list, "b": dict}[kind]()
print(Factory.make("a"), Factory.make("b"))
try:
    Factory.make("c")
except KeyError as e:
    print(type(e).__name__, e)
