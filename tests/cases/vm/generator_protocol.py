# The generator protocol: send, throw, close, return values, states.

def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
            if x == "stop":
                return received
    finally:
        print("echo finally")


g = echo()
print(next(g))
print(g.send("a"))
print(g.send(1))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
try:
    g.send(None)
except StopIteration as e:
    print("again", e.value)

# send to a just-started generator
g = echo()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)
print(next(g))
g.close()
print("closed")


# throw: class, instance, class + value, 3-argument form
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", type(e).__name__, e.args)
        except KeyError as e:
            print("caught key", e.args)
            yield "after key"


g = catcher()
next(g)
print(g.throw(ValueError))
print(g.throw(ValueError("inst")))
print(g.throw(ValueError, "val"))
print(g.throw(ValueError, ("a", "b")))
print(g.throw(ValueError, ValueError("same")))
print(g.throw(ValueError, None, None))
print(g.throw(KeyError, "k"))
print(next(g))
try:
    g.throw(TypeError("boom"))
except TypeError as e:
    print("propagated", e)
try:
    next(g)
except StopIteration:
    print("finished after throw")

for bad in [(1,), (ValueError("x"), 1), ("abc",), (ValueError, 1, 2)]:
    g = catcher()
    next(g)
    try:
        g.throw(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
g = catcher()
try:
    g.throw()
except TypeError as e:
    print(type(e).__name__, e)

# throw into a just-started generator raises at once
def never():
    print("never runs")
    yield 1


g = never()
try:
    g.throw(RuntimeError("early"))
except RuntimeError as e:
    print("early", e)
print(list(g))


# close and GeneratorExit
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise


g = closer()
next(g)
print(g.close())
print(g.close())


def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ret"


g = returns_on_close()
next(g)
print("close returns", g.close())


def raises_on_close():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


g = raises_on_close()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", e)

# closing an unstarted generator runs nothing
g = never()
g.close()
print(list(g))


# return value and StopIteration
def ret():
    yield 1
    return (1, 2)


g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
print(next(ret()), next(iter(ret())))


# PEP 479
def leaks():
    yield 1
    raise StopIteration("inner")


g = leaks()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)


def leaks_next():
    it = iter([])
    yield next(it)


try:
    list(leaks_next())
except RuntimeError as e:
    print(type(e).__name__, e)


# already executing
def self_ref():
    yield g2.send(None)


g2 = self_ref()
try:
    next(g2)
except ValueError as e:
    print(type(e).__name__, e)


# attributes and states
def states():
    print("running", s.gi_running, s.gi_suspended)
    yield 1
    yield 2


def state_of(gen):
    if gen.gi_running:
        return "GEN_RUNNING"
    if gen.gi_frame is None:
        return "GEN_CLOSED"
    if gen.gi_suspended:
        return "GEN_SUSPENDED"
    return "GEN_CREATED"


s = states()
print(s.__name__, s.__qualname__, s.gi_code.co_name, s.gi_yieldfrom)
print(state_of(s), s.gi_running, s.gi_suspended, s.gi_frame.f_lineno)
next(s)
print(state_of(s), s.gi_frame.f_lineno, s.gi_frame.f_code.co_name)
list(s)
print(state_of(s), s.gi_frame, s.gi_running)
print(type(s).__name__, repr(s).startswith("<generator object states at 0x"))


class C:
    def meth(self):
        yield self


print(C().meth().__qualname__)

# generator expressions
ge = (x * x for x in range(4) if x != 2)
print(ge.__name__, ge.__qualname__, list(ge), list(ge))
ge = (x for x in range(3))
print(next(ge), ge.send(None))
try:
    ge.send(1)
    ge.send(1)
except StopIteration:
    print("genexp done")
print(sum(x for x in range(10)), max((y for y in "abc"), key=ord))
try:
    (x for x in 1)
except TypeError as e:
    print(type(e).__name__, e)
nested = ((i, j) for i in range(2) for j in (yield_ for yield_ in "ab"))
print(list(nested))

# wrong receivers
try:
    type(s).send(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.send()
except TypeError as e:
    print(type(e).__name__, e)
