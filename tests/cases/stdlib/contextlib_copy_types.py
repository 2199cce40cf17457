# contextlib, copy and types, with their failure paths.
import contextlib
import copy
import io
import types
from contextlib import ExitStack, closing, contextmanager, nullcontext, redirect_stdout, suppress

log = []


@contextmanager
def tag(name):
    log.append("enter " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + str(e))
    finally:
        log.append("exit " + name)


with tag("a") as t:
    log.append("body " + t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    log.append("propagated " + str(e))
print(log)


@tag("deco")
def decorated():
    return "result"


log.clear()
print(decorated(), log)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError passes through")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("r1")) as r:
    print("using", r.name)
with nullcontext(42) as v:
    print(v)
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))

order = []
with ExitStack() as stack:
    for i in range(3):
        stack.callback(order.append, i)
    stack.enter_context(tag("inner"))
print(order, log[-1])
try:
    with ExitStack() as stack:
        stack.enter_context(5)
except TypeError as e:
    print("TypeError", e)

# copy
original = {"a": [1, 2, {"b": (3, [4])}], "c": {5, 6}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
print(shallow["a"] is original["a"], deep["a"] is original["a"], deep == original)
deep["a"][2]["b"][1].append(7)
print(original["a"][2]["b"][1], deep["a"][2]["b"][1])
cyclic = [1]
cyclic.append(cyclic)
dc = copy.deepcopy(cyclic)
print(dc[1] is dc, dc is not cyclic)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point([1], 2)
print(copy.copy(p), copy.copy(p).x is p.x, copy.deepcopy(p).x is p.x)


class Custom:
    def __init__(self):
        self.calls = []

    def __copy__(self):
        return "custom copy"

    def __deepcopy__(self, memo):
        return "custom deepcopy"


print(copy.copy(Custom()), copy.deepcopy(Custom()))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a, self.b = 1, [2]


s2 = copy.deepcopy(Slotted())
print(s2.a, s2.b)
t = (1, 2, (3, 4))
print(copy.deepcopy(t) is t, copy.copy([1, 2]) == [1, 2])

# types
ns = types.SimpleNamespace(x=1, y="two")
ns.z = [3]
print(ns, ns == types.SimpleNamespace(x=1, y="two", z=[3]), ns.x)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType))


def gen():
    yield 1


print(isinstance(gen(), types.GeneratorType), isinstance(types, types.ModuleType))
print(type(Point(1, 2).__repr__) is types.MethodType, types.NoneType is type(None))
Made = types.new_class("Made", (Point,), {}, lambda ns: ns.update(kind="made"))
print(Made.__name__, Made.kind, Made(1, 2))
try:
    types.SimpleNamespace({"a": 1})
except TypeError as e:
    print("TypeError", e)


# generator.throw's forms, which contextmanager relies on.
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)


g = catcher()
next(g)
g.throw(ValueError)
g.throw(ValueError, "msg")
g.throw(ValueError, ("a", "b"))
g.throw(ValueError, ValueError("same"))
g.throw(ValueError("instance"))
try:
    g.throw(ValueError("x"), "extra")
except TypeError as e:
    print("TypeError", e)
