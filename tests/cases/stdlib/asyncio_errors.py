# Error reporting: loop.call_exception_handler, custom handlers, callbacks that
# raise, exceptions never retrieved, CancelledError details, InvalidStateError.
import asyncio


def handler(loop, context):
    exc = context.get("exception")
    keys = sorted(k for k in context if k not in ("message", "exception"))
    print("handler:", context["message"].split(" at ")[0], repr(exc), keys)


def bad_callback(x):
    raise ZeroDivisionError(f"cb {x}")


async def failing():
    raise ValueError("never retrieved")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0)
    loop.call_later(0.001, bad_callback, "late")
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "custom report"})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError", e)

    # a handler that itself raises falls back to the default one
    # (which writes to stderr), so keep it quiet here: swap in a second handler
    def second(loop, context):
        print("second:", context["message"])

    loop.set_exception_handler(second)
    loop.call_soon(bad_callback, 2)
    await asyncio.sleep(0)
    loop.set_exception_handler(handler)

    # CancelledError is a BaseException, not an Exception
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))
    print(asyncio.TimeoutError is TimeoutError)
    e = asyncio.IncompleteReadError(b"ab", 5)
    print(e, e.partial, e.expected, isinstance(e, EOFError))
    e = asyncio.IncompleteReadError(b"ab", None)
    print(e)
    e = asyncio.LimitOverrunError("too long", 7)
    print(e, e.consumed)

    # a task awaiting itself
    async def self_await():
        await me_task

    me_task = asyncio.create_task(self_await())
    try:
        await me_task
    except RuntimeError as e:
        print("RuntimeError", str(e).split(":")[0])

    # bad yield
    class BadAwaitable:
        def __await__(self):
            yield "nonsense"

    async def bad_yield():
        await BadAwaitable()

    try:
        await asyncio.create_task(bad_yield())
    except RuntimeError as e:
        print("RuntimeError", e)

    # an exception stored and never looked at is reported
    print("main almost done")
    asyncio.create_task(failing())
    await asyncio.sleep(0.01)


asyncio.run(main())
print("after run")

# default handler: the report goes to stderr, the program continues
async def quiet():
    t = asyncio.create_task(failing())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    del t

asyncio.run(quiet())
print("after quiet")
