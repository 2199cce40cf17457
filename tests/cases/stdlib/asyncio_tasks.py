# Tasks: names, reprs, cancellation, done callbacks, wait, as_completed, shield, ensure_future.
import asyncio


async def slow(x, delay=0.01):
    await asyncio.sleep(delay)
    return x


async def fail(msg, delay=0.0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    me = asyncio.current_task()
    print(me.get_name(), type(me).__name__)
    t = asyncio.create_task(slow(1), name="slowpoke")
    print(t.get_name(), t.done())
    print(repr(t))
    t.set_name("renamed")
    print(t.get_name())
    print(t.get_coro().__name__)
    calls = []
    t.add_done_callback(lambda task: calls.append(task.result()))
    print(await t, t.done(), t.result(), t.exception(), calls)
    await asyncio.sleep(0)
    print(calls)

    # cancel with a message
    t2 = asyncio.create_task(slow(2, 1.0))
    await asyncio.sleep(0)
    print(t2.cancel("stop it"), t2.cancelling())
    try:
        await t2
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print(t2.cancelled(), t2.done(), t2.cancel())
    try:
        t2.result()
    except asyncio.CancelledError as e:
        print("result CancelledError", e.args)
    print(repr(t2))

    # cancel before the first step
    t3 = asyncio.create_task(slow(3))
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print("t3 cancelled", t3.cancelled())

    # a task catching its cancellation and returning
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "caught"

    t4 = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t4.cancel()
    print(await t4, t4.cancelled())

    # exceptions
    t5 = asyncio.create_task(fail("boom"))
    try:
        await t5
    except ValueError as e:
        print("ValueError", e)
    print(repr(t5.exception()))
    print(repr(t5))

    # gather with return_exceptions
    res = await asyncio.gather(slow(1), fail("x"), slow(3), return_exceptions=True)
    print([repr(r) for r in res])
    try:
        await asyncio.gather(slow(1), fail("first"), fail("second", 0.005))
    except ValueError as e:
        print("gather raised", e)
    print(await asyncio.gather())
    # gather of the same coroutine object twice
    c = slow(7)
    print(await asyncio.gather(c, c))
    # gather cancelled
    g = asyncio.gather(slow(1, 1.0), slow(2, 1.0))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    res = await asyncio.gather(asyncio.sleep(0.01, "ok"), return_exceptions=True)
    print(res)

    # wait
    # Deadlines far apart, so that a stalled machine cannot finish two at once.
    ts = [asyncio.create_task(slow(i, (0, 0.001, 0.1, 0.15)[i]), name=f"w{i}")
          for i in range(1, 4)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(ts)
    print(sorted(t.result() for t in done), len(pending))
    ts = [asyncio.create_task(slow(1, 0.2)), asyncio.create_task(fail("e", 0.001))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [repr(t.exception()) for t in done])
    ts2 = [asyncio.create_task(slow(9, 0.5))]
    done, pending = await asyncio.wait(ts2, timeout=0.01)
    print(len(done), len(pending))
    for t in ts + ts2:
        t.cancel()
    for bad in ([], slow(1)):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
        if asyncio.iscoroutine(bad):
            bad.close()
    c = asyncio.sleep(0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError", e)
    c.close()
    try:
        await asyncio.wait(ts, return_when="bogus")
    except ValueError as e:
        print("ValueError", e)

    # as_completed
    out = []
    for coro in asyncio.as_completed([slow("c", 0.03), slow("a", 0.01), slow("b", 0.02)]):
        out.append(await coro)
    print(out)
    try:
        for coro in asyncio.as_completed([slow("z", 0.5)], timeout=0.01):
            await coro
    except asyncio.TimeoutError:
        print("as_completed timed out")

    # shield
    inner = asyncio.create_task(slow("shielded", 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    print(await inner, inner.cancelled())

    # ensure_future
    f = asyncio.ensure_future(slow(5))
    print(type(f).__name__, await f)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    fut.cancel()

    class Awaitable:
        def __await__(self):
            yield
            return "awaited"

    print(await asyncio.ensure_future(Awaitable()))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError", e)

    # all_tasks
    bg = asyncio.create_task(slow(0, 0.01), name="bg")
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await bg
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError", e)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
