# TaskGroup: waiting for children, failure cancels siblings, ExceptionGroup.
import asyncio


async def slow(x, delay):
    await asyncio.sleep(delay)
    return x


async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(slow(1, 0.01))
        t2 = tg.create_task(slow(2, 0.005), name="second")
        print(repr(tg))
    print(t1.result(), t2.result(), t2.get_name(), repr(tg))

    cancelled = []

    async def victim():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            cancelled.append("victim")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            tg.create_task(fail("one", 0))
            tg.create_task(fail("two", 0))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions))
        print(sorted(str(e) for e in eg.exceptions))
    print(cancelled)

    # except*
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("star", 0))
    except* ValueError as eg:
        print("except* caught", [str(e) for e in eg.exceptions])

    # an error in the body cancels the children
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            await asyncio.sleep(0)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print([repr(e) for e in eg.exceptions])
    print(cancelled)

    tg = asyncio.TaskGroup()
    c = slow(0, 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    c.close()
    async with tg:
        pass
    c = slow(0, 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    c.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError", e)

    # children may spawn more children
    results = []

    async def spawner(tg, depth):
        results.append(depth)
        if depth < 3:
            tg.create_task(spawner(tg, depth + 1))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 0))
    print(results)

    # the parent being cancelled cancels the group
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            await asyncio.sleep(1)

    cancelled.clear()
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.001)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled", cancelled)


asyncio.run(main())
