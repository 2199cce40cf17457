# asyncio.Barrier (3.11): meeting, reuse, reset and abort.
import asyncio


async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    log = []

    async def party(i):
        log.append(f"arrive{i}")
        await asyncio.sleep(0.001 * i)
        idx = await barrier.wait()
        log.append(f"leave{i}")
        return idx

    print(sorted(await asyncio.gather(*(party(i) for i in range(3)))))
    print(log[:3], sorted(log[3:]))
    # reusable
    print(sorted(await asyncio.gather(*(party(i) for i in range(3)))))
    one = asyncio.Barrier(1)
    async with one as index:
        print("async with", index)
    print("n_waiting", barrier.n_waiting)

    async def waiter():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            return f"broken: {e}"

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.001)
    print(barrier.n_waiting)
    await barrier.reset()
    print(await t)
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.001)
    await barrier.abort()
    print(await t, barrier.broken)
    print(await waiter())
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError", e)


asyncio.run(main())
