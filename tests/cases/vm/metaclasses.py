# Metaclasses: __new__/__init__/__call__/__prepare__ on a type subclass,
# inheritance of the metaclass, conflicts, and methods found on the metaclass.

log = []


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        log.append(("new", mcs.__name__, name, sorted(k for k in ns if not k.startswith("__")), kw))
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = mcs.__name__
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        log.append(("call", cls.__name__, args))
        return super().__call__(*args, **kwargs)

    def describe(cls):
        return "class " + cls.__name__

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Base(metaclass=Meta, flag=True):
    def __init__(self, x=0):
        self.x = x

    def method(self):
        return self.x * 2


class Child(Base):
    y = 5


b = Base(3)
c = Child(x=4)
for entry in log:
    print(entry)
print(type(Base).__name__, type(Child).__name__, type(b).__name__)
print(Base.created_by, Child.created_by)
print(b.method(), c.method(), c.y)
print(Base.describe(), Child.describe(), Child.upper_name)
print(isinstance(Base, Meta), isinstance(Base, type), isinstance(b, Base))
print(hasattr(b, "describe"))


class Singleton(type):
    instances = {}

    def __call__(cls, *args):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args)
        return Singleton.instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, name):
        self.name = name


a1 = Config("first")
a2 = Config("second")
print(a1 is a2, a1.name, a2.name)


class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases])
        return {"injected": 42}


class WithPrepare(metaclass=Ordered):
    z = 1


print(WithPrepare.injected, WithPrepare.z)

Dynamic = type("Dynamic", (Base,), {"d": 7, "triple": lambda self: self.x * 3})
dyn = Dynamic(2)
print(type(Dynamic).__name__, Dynamic.__name__, dyn.d, dyn.triple(), dyn.method())
print([k.__name__ for k in Dynamic.__mro__])


class OtherMeta(type):
    pass


try:
    class Conflict(Base, metaclass=OtherMeta):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    type("Bad", (1,), {})
except TypeError as e:
    print("TypeError:", e)

try:
    class NotBase(bool):
        pass
except TypeError as e:
    print("TypeError:", e)


def func_meta(name, bases, ns):
    return name + "!"


class Weird(metaclass=func_meta):
    pass


print(Weird)
