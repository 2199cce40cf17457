"""Telling coroutines and coroutine functions apart, as CPython's
asyncio.coroutines."""

import collections.abc

__all__ = ("iscoroutinefunction", "iscoroutine")

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100
_is_coroutine = object()


async def _probe():
    pass


_probe_coro = _probe()
CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro


def iscoroutinefunction(func):
    """True for an `async def` function (or a bound method of one)."""
    if getattr(func, "_is_coroutine", None) is _is_coroutine:
        return True
    func = getattr(func, "__func__", func)
    while hasattr(func, "__wrapped__") and not hasattr(func, "__code__"):
        func = func.__wrapped__
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)


def iscoroutine(obj):
    """True for a coroutine object (native, or any collections.abc.Coroutine)."""
    if type(obj) is CoroutineType:
        return True
    return isinstance(obj, (CoroutineType, collections.abc.Coroutine))


def _format_coroutine(coro):
    """`name() running at FILE:LINE`, or `done, defined at` once finished,
    as Task reprs show a coroutine."""
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None) \
        or type(coro).__name__
    name = f"{name}()"
    frame = getattr(coro, "cr_frame", None)
    if frame is None:
        frame = getattr(coro, "gi_frame", None)
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    if code is None:
        return name
    filename = code.co_filename
    if frame is not None:
        return f"{name} running at {filename}:{frame.f_lineno}"
    return f"{name} done, defined at {filename}:{code.co_firstlineno}"
