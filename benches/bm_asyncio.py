# asyncio: 100,000 tasks each doing `await asyncio.sleep(0)` a few times, then
# pairs of tasks ping-ponging messages through asyncio.Queue, and a Lock and an
# Event passed around. Stresses task steps, the ready queue, futures and their
# done callbacks.
import asyncio


async def sleeper(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def pinger(inbox, outbox, rounds):
    for i in range(rounds):
        await outbox.put(i)
        await inbox.get()
    return rounds


async def ponger(inbox, outbox, rounds):
    total = 0
    for _ in range(rounds):
        total += await inbox.get()
        await outbox.put(None)
    return total


async def locked_counter(lock, counter, n):
    for _ in range(n):
        async with lock:
            counter[0] += 1
            await asyncio.sleep(0)


async def main():
    results = await asyncio.gather(*(sleeper(3) for _ in range(100_000)))
    slept = sum(results)

    pairs = []
    for _ in range(50):
        a, b = asyncio.Queue(), asyncio.Queue()
        pairs.append(pinger(a, b, 400))
        pairs.append(ponger(b, a, 400))
    pings = await asyncio.gather(*pairs)

    lock = asyncio.Lock()
    counter = [0]
    await asyncio.gather(*(locked_counter(lock, counter, 200) for _ in range(50)))

    event = asyncio.Event()
    waiters = [asyncio.create_task(event.wait()) for _ in range(10_000)]
    await asyncio.sleep(0)
    event.set()
    woke = sum(await asyncio.gather(*waiters))
    print("asyncio", slept, sum(pings), counter[0], woke)


asyncio.run(main())
