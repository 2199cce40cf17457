"""asyncio.to_thread: run a blocking function in the loop's default
executor, in a copy of the caller's context."""

import contextvars
import functools

from . import events

__all__ = ("to_thread",)


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a worker thread and await its result."""
    loop = events.get_running_loop()
    ctx = contextvars.copy_context()
    call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, call)
