# Decorators without functools: plain wrappers, arguments, stacking, classes.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, sorted(kwargs.items()))
        r = fn(*args, **kwargs)
        print("ret", r)
        return r
    return wrapper

@trace
def add(a, b=2):
    "adds"
    return a + b
add(1)
add(1, b=5)
print(add.__name__, add(0, 0))

def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco

@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))

def tag(name):
    def deco(fn):
        def w():
            return "<%s>%s</%s>" % (name, fn(), name)
        return w
    return deco

@tag("b")
@tag("i")
def text():
    return "t"
print(text())

registry = {}
def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls

@register
class A:
    pass
@register
class B:
    pass
print(sorted(registry), A.registered)

def singleton(cls):
    inst = {}
    def get(*a):
        if cls not in inst:
            inst[cls] = cls(*a)
        return inst[cls]
    return get

@singleton
class Conf:
    def __init__(self, v):
        self.v = v
print(Conf(1).v, Conf(2).v, Conf(1) is Conf(3))

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)

@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)

deco_order = []
def d1(f):
    deco_order.append("d1")
    return f
def d2(f):
    deco_order.append("d2")
    return f
@d1
@d2
def z():
    pass
print(deco_order)
