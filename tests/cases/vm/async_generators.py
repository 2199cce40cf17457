# Async generators: asend/athrow/aclose, async for over them, async comprehensions.

def run(coro):
    try:
        while True:
            got = coro.send(None)
            print("  loop got", got)
    except StopIteration as e:
        return e.value


class Tick:
    def __await__(self):
        yield "tick"


async def ticker(n):
    for i in range(n):
        await Tick()
        yield i
    print("ticker exhausted")


async def consume():
    out = []
    async for v in ticker(3):
        out.append(v)
    else:
        out.append("else")
    return out


print(run(consume()))

ag = ticker(2)
print(type(ag).__name__, repr(ag).startswith("<async_generator object ticker at 0x"))
print(ag.__name__, ag.__qualname__, ag.ag_code.co_name, ag.ag_running, ag.ag_await)
print(ag.__aiter__() is ag)
a = ag.__anext__()
print(type(a).__name__)
print(a.send(None))
try:
    a.send(None)
except StopIteration as e:
    print("asend result", e.value, e.args)
try:
    a.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


# asend passes values in
async def accumulate():
    total = 0
    while True:
        got = yield total
        if got is None:
            return
        total += got


ag = accumulate()
def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("expected a value")


print(step(ag.asend(None)))
print(step(ag.asend(5)))
print(step(ag.asend(7)))
try:
    step(ag.asend(None))
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
try:
    step(ag.asend(1))
except StopAsyncIteration:
    print("still StopAsyncIteration")


# athrow and aclose
async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("agen caught", e)
        yield "recovered"
    finally:
        print("agen finally")


ag = guarded()
print(step(ag.asend(None)))
print(step(ag.athrow(ValueError("v"))))
print(step(ag.aclose()) if False else "skip")
try:
    step(ag.aclose())
except AssertionError:
    pass
print("after aclose")
try:
    step(ag.asend(None))
except StopAsyncIteration:
    print("closed agen stops")

ag = guarded()
print(step(ag.asend(None)))
try:
    step(ag.athrow(KeyError("k")))
except KeyError as e:
    print("athrow propagated", e)

# aclose of a never started async generator
ag = guarded()
try:
    step(ag.aclose())
except AssertionError:
    pass
print("aclose unstarted ok")


async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ag = ignores()
step(ag.asend(None))
try:
    step(ag.aclose())
except RuntimeError as e:
    print(type(e).__name__, e)


# StopAsyncIteration / StopIteration raised inside
async def bad_stop():
    yield 1
    raise StopAsyncIteration


ag = bad_stop()
step(ag.asend(None))
try:
    step(ag.asend(None))
except RuntimeError as e:
    print(type(e).__name__, e)


async def bad_stop2():
    yield 1
    raise StopIteration


ag = bad_stop2()
step(ag.asend(None))
try:
    step(ag.asend(None))
except RuntimeError as e:
    print(type(e).__name__, e)


# async comprehensions
async def comps():
    a = [x async for x in ticker(3)]
    b = {x: x * x async for x in ticker(2)}
    c = {x async for x in ticker(2) if x}
    d = [await_val async for await_val in ticker(2)]
    e = [await one(x) for x in range(3)]
    g = (x * 10 async for x in ticker(3))
    f = [v async for v in g]
    return a, b, c, d, e, f, type(g).__name__


async def one(x):
    return x + 100


print(run(comps()))


# async for errors
async def loop_over(obj):
    async for x in obj:
        print(x)


for obj in (1, [1, 2], ticker):
    try:
        run(loop_over(obj))
    except TypeError as e:
        print(type(e).__name__, e)


class NoAnext:
    def __aiter__(self):
        return self


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


for obj in (NoAnext(), BadAnext()):
    try:
        run(loop_over(obj))
    except TypeError as e:
        print(type(e).__name__, e)


# a hand-written async iterator
class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Tick()
        return self.n


async def count():
    async for v in Countdown(3):
        if v == 0:
            break
        print("countdown", v)
    async for v in Countdown(2):
        continue
    return "counted"


print(run(count()))


# async generator methods and repeated use of an asend
class Holder:
    async def gen(self):
        yield self


ag = Holder().gen()
print(ag.__qualname__)
try:
    ag.asend()
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(ag)
except TypeError as e:
    print(type(e).__name__, e)
