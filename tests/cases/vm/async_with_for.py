# async with and async for in coroutines, driven by a hand-written loop.

def run(coro):
    try:
        while True:
            got = coro.send(None)
            print("  loop got", got)
    except StopIteration as e:
        return e.value


class Tick:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag


class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        await Tick("enter " + self.name)
        print("enter", self.name)
        return self

    async def __aexit__(self, typ, val, tb):
        await Tick("exit " + self.name)
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow


async def basic():
    async with Resource("a") as r:
        print("body with", r.name)
    async with Resource("b"), Resource("c") as c:
        print("two managers", c.name)
    return "basic done"


print(run(basic()))


async def suppressing():
    async with Resource("s", swallow=True):
        raise ValueError("swallowed")
    print("after suppressed")
    try:
        async with Resource("p"):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", e)


run(suppressing())


async def early_exit():
    for i in range(3):
        async with Resource("loop%d" % i):
            if i == 0:
                continue
            if i == 1:
                break
    async with Resource("ret"):
        return "returned from inside"


print(run(early_exit()))


async def nested_finally():
    try:
        async with Resource("outer"):
            async with Resource("inner"):
                return "nested"
    finally:
        print("finally after both exits")


print(run(nested_finally()))


# protocol errors
class OnlyEnter:
    async def __aenter__(self):
        return self


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class EnterNotAwaitable:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        return False


class ExitNotAwaitable:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):
        return None


async def use(mgr):
    async with mgr:
        print("inside", type(mgr).__name__)


for mgr in (1, OnlyEnter(), SyncOnly(), EnterNotAwaitable(), ExitNotAwaitable()):
    try:
        run(use(mgr))
    except TypeError as e:
        print(type(e).__name__, e)


# async for with else, break, and exceptions from __anext__
class Source:
    def __init__(self, items, fail_at=None):
        self.items = list(items)
        self.fail_at = fail_at

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick("next")
        if not self.items:
            raise StopAsyncIteration
        v = self.items.pop(0)
        if v == self.fail_at:
            raise RuntimeError("source failed at %r" % v)
        return v


async def loops():
    async for x in Source([1, 2]):
        print("item", x)
    else:
        print("else ran")
    async for x in Source([1, 2, 3]):
        if x == 2:
            break
    else:
        print("not printed")
    try:
        async for x in Source([1, 2, 3], fail_at=2):
            print("item", x)
    except RuntimeError as e:
        print("caught", e)
    async for a, b in Source([(1, 2), (3, 4)]):
        print("pair", a + b)
    return "loops done"


print(run(loops()))


# async for inside an async generator, with async with
async def agen():
    async with Resource("g"):
        async for x in Source(["p", "q"]):
            yield x


async def drive():
    return [x async for x in agen()]


print(run(drive()))


# the comprehensions of a coroutine may await
async def comp_await():
    return [await Coro(i) for i in range(2)], {k: await Coro(k) async for k in Source("xy")}


async def Coro(v):
    await Tick("c%s" % v)
    return v


print(run(comp_await()))
