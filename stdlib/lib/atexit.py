"""Functions to run when the interpreter exits normally, last registered
first. The interpreter calls `_run_exitfuncs` after waiting for threads."""

import sys

_callbacks = []


def register(func, /, *args, **kwargs):
    """Run `func(*args, **kwargs)` at exit; returns `func` (a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Forget every registration of `func`."""
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    del _callbacks[:]


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    """Run and forget the callbacks; an exception in one is reported and the
    rest still run."""
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            print(f"Exception ignored in atexit callback: {func!r}", file=sys.stderr)
            import traceback
            # The report starts in the callback, as if no Python code ran it.
            traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next,
                                      file=sys.stderr)
