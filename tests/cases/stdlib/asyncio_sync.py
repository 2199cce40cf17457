# asyncio Lock, Event, Condition, Semaphore, BoundedSemaphore and queues.
import asyncio


async def main():
    # Lock: FIFO hand-over
    lock = asyncio.Lock()
    log = []

    async def locked_worker(i):
        async with lock:
            log.append(f"in{i}")
            await asyncio.sleep(0.001)
            log.append(f"out{i}")

    await asyncio.gather(*(locked_worker(i) for i in range(4)))
    print(log)
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(await lock.acquire(), lock.locked())
    lock.release()
    # a cancelled waiter does not keep the lock
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    lock.release()
    print(waiter.cancelled(), lock.locked())

    # Event
    ev = asyncio.Event()
    woke = []

    async def waiter_task(i):
        await ev.wait()
        woke.append(i)

    ts = [asyncio.create_task(waiter_task(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), woke)
    ev.set()
    await asyncio.gather(*ts)
    print(ev.is_set(), woke, await ev.wait())
    ev.clear()
    print(ev.is_set())

    # Condition
    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            items.pop()
            log2.append(f"c{i}")

    log2 = []
    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        items.extend([1, 2])
        cond.notify(2)
    for _ in range(10):
        await asyncio.sleep(0)
    print(log2)
    async with cond:
        items.append(3)
        cond.notify_all()
    await asyncio.gather(*cs)
    print(log2)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", e)

    # Semaphore
    sem = asyncio.Semaphore(2)
    active = [0]
    peak = [0]

    async def limited(i):
        async with sem:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1
        return i

    print(await asyncio.gather(*(limited(i) for i in range(6))), peak[0])
    print(sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError", e)

    # Queue producer/consumer with task_done/join
    q = asyncio.Queue(maxsize=2)
    got = []

    async def producer():
        for i in range(6):
            await q.put(i)
        await q.put(None)

    async def consume():
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            got.append(item)

    await asyncio.gather(producer(), consume())
    await q.join()
    print(got, q.qsize(), q.empty(), q.full(), q.maxsize)
    q2 = asyncio.Queue(1)
    q2.put_nowait("a")
    try:
        q2.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q2.task_done()
        q2.task_done()
    except ValueError as e:
        print("ValueError", e)
    print(str(asyncio.Queue()))
    # a blocked get wakes on put
    q3 = asyncio.Queue()
    getter = asyncio.create_task(q3.get())
    await asyncio.sleep(0)
    q3.put_nowait("late")
    print(await getter)
    # a get cancelled by wait_for
    try:
        await asyncio.wait_for(q3.get(), 0.01)
    except asyncio.TimeoutError:
        print("get timed out")

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])

    # join waits for task_done
    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)
    done = []

    async def slow_worker():
        while not jq.empty():
            done.append(await jq.get())
            await asyncio.sleep(0.001)
            jq.task_done()

    w = asyncio.create_task(slow_worker())
    await jq.join()
    print("joined", done)
    await w


asyncio.run(main())
