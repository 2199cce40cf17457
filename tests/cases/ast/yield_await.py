def gen():
    yield
    yield 1
    x = yield
    y = yield 2
    z = yield from other()
    w = (yield)
    yield 1, 2
    f((yield))
    await_ = [(yield) for _ in ()] if False else None
    return x, y, z, w


async def coro():
    await thing()
    x = await thing()
    y = await a + await b
    return await (await c)


async def agen():
    yield 1
    await other()
    yield
