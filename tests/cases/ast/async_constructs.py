import asyncio


async def fetch(session, url):
    async with session.get(url) as response, lock:
        return await response.text()


async def gen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)


async def consume():
    async for item in gen():
        print(item)
    else:
        pass
    results = [x async for x in gen()]
    evens = {x async for x in gen() if x % 2 == 0}
    mapping = {x: await f(x) async for x in gen()}
    lazy = (x * 2 async for x in gen())
    nested = [await y for y in [f(1), f(2)]]
    await asyncio.gather(*[fetch(None, u) for u in urls])
    return results, evens, mapping, lazy, nested


async def ctx():
    async with a as (b, c), d:
        pass
    async with (
        open_a() as a,
        open_b() as b,
    ):
        pass

await_ = 1
async_ = 2
