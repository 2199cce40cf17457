# Coroutines driven by a tiny event loop written here (no asyncio).

def run(coro):
    """Send None until the coroutine returns; print what it yields."""
    try:
        while True:
            got = coro.send(None)
            print("  loop got", got)
    except StopIteration as e:
        return e.value


class Sleep:
    """An awaitable whose __await__ is a generator: it yields to the loop."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        value = yield ("sleep", self.tag)
        return "woke " + str(self.tag)


async def add(a, b):
    return a + b


async def main():
    x = await add(1, 2)
    print("add gave", x)
    w = await Sleep(1)
    print(w)
    y = await nested(3)
    return x + y


async def nested(n):
    total = 0
    for i in range(n):
        total += await add(i, i)
        await Sleep("n%d" % i)
    return total


c = main()
print(type(c).__name__, repr(c).startswith("<coroutine object main at 0x"))
print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running, c.cr_await)
print(c.cr_frame.f_lineno, c.cr_suspended)
print("result", run(c))
print(c.cr_frame, c.cr_await)

# the protocol by hand
c = main()
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_suspended)
try:
    c.send(5)
except TypeError as e:
    print(type(e).__name__, e)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

# a finished coroutine cannot be reused
c = add(1, 1)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    run(c)
except RuntimeError as e:
    print(type(e).__name__, e)


# throw into a coroutine reaches the awaited generator first
class Catching:
    def __await__(self):
        try:
            yield "waiting"
        except ValueError as e:
            print("awaitable caught", e)
            return "recovered"


async def thrower():
    r = await Catching()
    print("thrower got", r)
    return r


c = thrower()
print(c.send(None))
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("finished with", e.value)

c = thrower()
c.send(None)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)


# coroutine objects are not iterators
async def simple():
    return 1


c = simple()
for op in (lambda: iter(c), lambda: next(c), lambda: list(c)):
    try:
        op()
    except TypeError as e:
        print(type(e).__name__, e)
c.close()


# __await__ of a coroutine
c = simple()
w = c.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper done", e.value)

# await errors
async def await_it(x):
    return await x


for bad in (1, "s", None, [1]):
    try:
        run(await_it(bad))
    except TypeError as e:
        print(type(e).__name__, e)


def plain_gen():
    yield 1


try:
    run(await_it(plain_gen()))
except TypeError as e:
    print(type(e).__name__, e)


class BadAwait:
    def __await__(self):
        return 5


class CoroAwait:
    def __await__(self):
        return simple()


class IterAwait:
    def __await__(self):
        return iter([1, 2])


for obj in (BadAwait(), CoroAwait(), IterAwait()):
    try:
        print(run(await_it(obj)))
    except TypeError as e:
        print(type(e).__name__, e)


# awaiting a coroutine twice
async def awaiter(c):
    return await c


inner = thrower()
outer1 = awaiter(inner)
outer1.send(None)
try:
    awaiter(inner).send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
outer1.close()
inner.close()


# yield from a coroutine in a plain generator
def yf():
    yield from simple()


try:
    next(yf())
except TypeError as e:
    print(type(e).__name__, e)


# already executing
async def self_await():
    await me


me = self_await()
try:
    me.send(None)
except (ValueError, RuntimeError) as e:
    print(type(e).__name__, e)


# StopIteration inside a coroutine
async def stops():
    raise StopIteration("x")


try:
    run(stops())
except RuntimeError as e:
    print(type(e).__name__, e)


# exceptions flow through awaits
async def fails():
    await Sleep("f")
    raise KeyError("deep")


async def handles():
    try:
        await fails()
    except KeyError as e:
        print("handled", e)
        return "ok"
    finally:
        print("finally in handles")


print(run(handles()))


# async def methods, lambdas returning coroutines, closures
class Service:
    def __init__(self, base):
        self.base = base

    async def compute(self, n):
        return self.base + await add(n, n)


print(run(Service(10).compute(4)))
make = lambda: add(5, 6)
print(run(make()))


def outer_fn(k):
    async def inner_fn():
        return k * 2
    return inner_fn


print(run(outer_fn(21)()))
print(outer_fn(1)().__qualname__)
import sys
c = simple()
c.close()
print("closed unstarted without warning")


# never awaited: a RuntimeWarning on stderr
async def forgotten():
    print("never printed")


forgotten()
x = forgotten()
del x
for i in range(3):
    forgotten()
print("end")
