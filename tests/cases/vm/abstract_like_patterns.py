# Abstract-method patterns without abc: NotImplementedError and NotImplemented.
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Blob(Shape):
    pass
print(Square(3).describe())
try:
    Blob().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(issubclass(NotImplementedError, RuntimeError), repr(NotImplemented), type(NotImplemented).__name__)
try:
    raise NotImplementedError
except NotImplementedError as e:
    print(repr(e), e.args)
class Template:
    def run(self):
        return [self.step1(), self.step2()]
    def step1(self):
        return "default step1"
    def step2(self):
        raise NotImplementedError(type(self).__name__ + ".step2")
class Impl(Template):
    def step2(self):
        return "impl step2"
print(Impl().run())
try:
    Template().run()
except NotImplementedError as e:
    print(e)
class Money:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if not isinstance(o, Money):
            return NotImplemented
        return self.v == o.v
    def __add__(self, o):
        if not isinstance(o, Money):
            return NotImplemented
        return Money(self.v + o.v)
print(Money(1) == Money(1), Money(1) == 1, Money(1) != "x", (Money(1) + Money(2)).v)
try:
    Money(1) + 1
except TypeError as e:
    print(type(e).__name__, e)
registry = {}
class Plugin:
    name = None
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        registry[cls.name] = cls
class P1(Plugin):
    name = "one"
class P2(Plugin):
    name = "two"
print(sorted(registry))
