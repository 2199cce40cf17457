# `yield from`: delegation of send, throw and close; the subgenerator's value.

def inner():
    try:
        x = yield "i1"
        print("inner got", x)
        y = yield "i2"
        print("inner got", y)
    except KeyError as e:
        print("inner caught", e)
        yield "i-recovered"
    finally:
        print("inner finally")
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got result", r)
    z = yield "o1"
    return z


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("outer returned", e.value)

# throw is delegated; the subgenerator handles it
g = outer()
next(g)
print(g.throw(KeyError("k")))
print(g.send(None))
print(g.gi_yieldfrom)

# throw the subgenerator does not handle reaches the outer frame
def guarded():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", e)
        yield "outer-recovered"


g = guarded()
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
print(g.throw(ValueError("v")))
print(g.gi_yieldfrom)

# close is delegated: GeneratorExit reaches the innermost frame first
def level(n):
    try:
        if n:
            yield from level(n - 1)
        else:
            yield "bottom"
    finally:
        print("closing level", n)


g = level(3)
print(next(g))
g.close()
print("all closed")


# a subgenerator that returns a value when thrown into
def returner():
    try:
        yield 1
    except ValueError:
        return "handled"


def wrap():
    v = yield from returner()
    print("wrap got", v)
    yield "next"


g = wrap()
next(g)
print(g.throw(ValueError))

# yield from plain iterables and iterators
def flat():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
    r = yield from iter("ab")
    print("iterator value", r)


print(list(flat()))


# delegating to an object with send/throw methods
class Echo:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("echo-done")
        return self.n

    def send(self, v):
        print("Echo.send", v)
        return self.__next__()

    def throw(self, *args):
        print("Echo.throw", args[0].__name__ if isinstance(args[0], type) else type(args[0]).__name__)
        raise StopIteration("thrown-away")

    def close(self):
        print("Echo.close")


def uses_echo():
    r = yield from Echo()
    print("uses_echo got", r)
    return r


g = uses_echo()
print(next(g), g.send("x"), g.send("y"))
try:
    g.send("z")
except StopIteration as e:
    print("done", e.value)
g = uses_echo()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("throw ended it", e.value)
g = uses_echo()
next(g)
g.close()


class NoSend:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def uses_nosend():
    yield from NoSend()


g = uses_nosend()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print(type(e).__name__, e)
g = uses_nosend()
next(g)
try:
    g.throw(KeyError("no throw method"))
except KeyError as e:
    print("raised in outer", e)

# errors
def bad():
    yield from 5


try:
    next(bad())
except TypeError as e:
    print(type(e).__name__, e)


def reenter():
    yield from me


me = reenter()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)


# StopIteration escaping through yield from becomes RuntimeError
def stops():
    yield from inner_stop()


def inner_stop():
    yield 1
    raise StopIteration


g = stops()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)


# a chain of yield from passes the return value up each level
def depth(n):
    if n == 0:
        yield "leaf"
        return 0
    v = yield from depth(n - 1)
    return v + 1


g = depth(5)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)
