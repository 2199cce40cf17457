# asyncio basics: run, create_task, sleep ordering, gather, Future, loop callbacks.
import asyncio


async def worker(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} end")
    return name.upper()


async def main():
    log = []
    results = await asyncio.gather(worker("a", 0.03, log), worker("b", 0.01, log),
                                   worker("c", 0.02, log))
    print(results)
    print(log)

    # sleep(0) interleaving: round robin
    order = []

    async def spin(tag, n):
        for i in range(n):
            order.append(f"{tag}{i}")
            await asyncio.sleep(0)

    await asyncio.gather(spin("x", 3), spin("y", 2), spin("z", 3))
    print(order)

    # sleep returns its result argument
    print(await asyncio.sleep(0, "r0"), await asyncio.sleep(0.001, result="r1"))

    # Futures
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut, fut.done(), fut.cancelled())
    loop.call_soon(fut.set_result, 42)
    print(await fut, fut)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f2 = loop.create_future()
    try:
        f2.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        f2.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f2.set_exception(ValueError("bad"))
    print(f2)
    try:
        await f2
    except ValueError as e:
        print("ValueError", e)
    print(repr(f2.exception()))
    f3 = loop.create_future()
    try:
        f3.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError", e)
    f3.set_exception(KeyError)
    print(repr(f3.exception()))
    f4 = loop.create_future()
    seen = []
    f4.add_done_callback(lambda f: seen.append(("cb1", f.result())))
    f4.add_done_callback(lambda f: seen.append(("cb2", f.result())))
    f4.set_result("v")
    print(seen)
    await asyncio.sleep(0)
    print(seen)
    f5 = loop.create_future()

    def cb(f):
        seen.append("removed")

    f5.add_done_callback(cb)
    f5.add_done_callback(cb)
    print(f5.remove_done_callback(cb), f5.remove_done_callback(cb))

    # call_soon / call_later / call_at ordering
    events = []
    loop.call_later(0.02, events.append, "later-0.02")
    loop.call_at(loop.time() + 0.01, events.append, "at-0.01")
    loop.call_soon(events.append, "soon-1")
    loop.call_soon(events.append, "soon-2")
    h = loop.call_later(0.005, events.append, "cancelled")
    h.cancel()
    print(h.cancelled())
    await asyncio.sleep(0.04)
    print(events)
    print(loop.is_running(), loop.is_closed())
    t0 = loop.time()
    await asyncio.sleep(0.02)
    print(0.015 < loop.time() - t0 < 0.5)
    return "main-done"


print(asyncio.run(main()))

# iscoroutine / iscoroutinefunction
async def co():
    return 1

c = co()
print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(co),
      asyncio.iscoroutinefunction(print), asyncio.iscoroutine(1))
c.close()

# run_until_complete / run_forever / stop on a loop of our own
loop = asyncio.new_event_loop()
print(loop.run_until_complete(co()))
loop.call_later(0.01, loop.stop)
loop.run_forever()
print("stopped", loop.is_running())
loop.close()
print(loop.is_closed())
c = co()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError", e)
c.close()
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)


async def nested():
    c = co()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    c.close()

asyncio.run(nested())
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError", e)
