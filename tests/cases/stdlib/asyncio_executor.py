# run_in_executor, to_thread, call_soon_threadsafe, run_coroutine_threadsafe, wrap_future.
import asyncio
import concurrent.futures
import contextvars
import threading
import time

request_id = contextvars.ContextVar("request_id", default="none")


def blocking(x, delay=0.01):
    time.sleep(delay)
    return x * 10


def blocking_fail():
    raise ValueError("in thread")


def read_var():
    return request_id.get(), threading.current_thread() is not threading.main_thread()


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 4))
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(5)))
    print(results)
    try:
        await loop.run_in_executor(None, blocking_fail)
    except ValueError as e:
        print("ValueError", e)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, blocking, 7))

    # to_thread copies the context
    request_id.set("req-1")
    print(await asyncio.to_thread(read_var))
    print(await asyncio.to_thread(blocking, 3, delay=0.001))

    # the loop keeps running while a thread blocks
    ticks = []

    async def ticker():
        for i in range(3):
            ticks.append(i)
            await asyncio.sleep(0.005)

    await asyncio.gather(asyncio.to_thread(time.sleep, 0.05), ticker())
    print(ticks)

    # call_soon_threadsafe wakes a loop blocked in select
    fut = loop.create_future()

    def from_thread():
        time.sleep(0.02)
        loop.call_soon_threadsafe(fut.set_result, "from thread")

    th = threading.Thread(target=from_thread)
    th.start()
    print(await fut)
    th.join()

    # wrap_future
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        cf = pool.submit(blocking, 9)
        print(await asyncio.wrap_future(cf))

    # wait_for around an executor call
    try:
        await asyncio.wait_for(loop.run_in_executor(None, time.sleep, 0.2), 0.01)
    except TimeoutError:
        print("executor call timed out")


asyncio.run(main())

# run_coroutine_threadsafe: a loop in a thread, coroutines submitted from here
loop = asyncio.new_event_loop()
thread = threading.Thread(target=loop.run_forever)
thread.start()


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b


async def broken():
    raise KeyError("remote")


cf = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
print(cf.result(timeout=5))
cf = asyncio.run_coroutine_threadsafe(broken(), loop)
try:
    cf.result(timeout=5)
except KeyError as e:
    print("KeyError", e)
try:
    asyncio.run_coroutine_threadsafe(42, loop)
except TypeError as e:
    print("TypeError", e)
loop.call_soon_threadsafe(loop.stop)
thread.join(5)
print(thread.is_alive(), loop.is_running())
loop.close()
