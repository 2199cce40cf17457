# __new__, __init__, __init_subclass__, __set_name__, __class_getitem__,
# class decorators and their error messages.


class Point:
    def __new__(cls, x, y):
        obj = super().__new__(cls)
        obj.made_by_new = True
        return obj

    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
print(p.made_by_new, p.x, p.y)


class Cached:
    cache = {}

    def __new__(cls, key):
        if key in cls.cache:
            return cls.cache[key]
        obj = super().__new__(cls)
        cls.cache[key] = obj
        return obj

    def __init__(self, key):
        self.inits = getattr(self, "inits", 0) + 1


a = Cached("a")
b = Cached("a")
print(a is b, a.inits)


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(NotMine())


class Registry:
    plugins = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins.append((cls.__name__, name))


class PluginA(Registry, name="a"):
    pass


class PluginB(Registry):
    pass


class PluginC(PluginA, name="c"):
    pass


print(Registry.plugins)


class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict_store.get(self.name, "unset") if False else f"<{self.name} of {self.owner}>"


class Model:
    title = Field()
    body = Field()


m = Model()
print(m.title, m.body, Model.title.name)


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{getattr(item, '__name__', item)}]"


print(Box[int], Box["x"])


def add_greeting(cls):
    cls.greet = lambda self: "hello from " + type(self).__name__
    return cls


@add_greeting
class Greeter:
    pass


print(Greeter().greet())

try:
    class Plain:
        pass
    Plain(1)
except TypeError as e:
    print("TypeError:", e)


class ReturnsValue:
    def __init__(self):
        return 5


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)


class NewWithArgs:
    def __new__(cls, *args):
        return super().__new__(cls, *args)


try:
    NewWithArgs(1)
except TypeError as e:
    print("TypeError:", e)


class InitWithArgs:
    def __init__(self, *args):
        super().__init__(*args)


try:
    InitWithArgs(1)
except TypeError as e:
    print("TypeError:", e)

try:
    class BadKw(flavour="x"):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
print(object.__new__(Point).__class__.__name__)
