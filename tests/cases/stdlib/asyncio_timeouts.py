# wait_for, asyncio.timeout / timeout_at and their cancellation semantics.
import asyncio


async def slow(x, delay):
    await asyncio.sleep(delay)
    return x


async def main():
    print(await asyncio.wait_for(slow(1, 0.001), timeout=1))
    print(await asyncio.wait_for(slow(2, 0.001), timeout=None))
    try:
        await asyncio.wait_for(slow(3, 1), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e) is TimeoutError, repr(e.__cause__)[:14])
    try:
        await asyncio.wait_for(slow(4, 1), timeout=0)
    except TimeoutError:
        print("TimeoutError at 0")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print(await asyncio.wait_for(fut, 0))

    # the inner task sees CancelledError
    seen = []

    async def watcher():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            seen.append("inner cancelled")
            raise

    try:
        await asyncio.wait_for(watcher(), 0.01)
    except TimeoutError:
        print("timed out", seen)

    # asyncio.timeout
    try:
        async with asyncio.timeout(0.01) as cm:
            print(repr(cm)[:16])
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout expired", cm.expired(), repr(cm))
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.001)
    print("no timeout", cm.expired(), repr(cm))
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 1)
        print(cm.when() is not None)
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError", e)
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at expired")
    # a timeout already in the past fires at once
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("past deadline")
    # nested: the inner one fires
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner fired")
            await asyncio.sleep(0.001)
            print("outer still fine")
    except TimeoutError:
        print("outer fired")
    # cancellation from outside is not turned into TimeoutError
    async def guarded():
        async with asyncio.timeout(1):
            await asyncio.sleep(1)

    t = asyncio.create_task(guarded())
    await asyncio.sleep(0.001)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled, not timed out")
    print(asyncio.current_task().cancelling())


asyncio.run(main())
