"""Callback handles and the running-loop registry, as CPython's
asyncio.events: which loop runs on this thread, and the policy functions
get_event_loop / set_event_loop / new_event_loop."""

import contextvars
import threading

__all__ = ("Handle", "TimerHandle", "get_running_loop", "get_event_loop",
           "set_event_loop", "new_event_loop", "AbstractEventLoop",
           "_get_running_loop", "_set_running_loop")


from .format_helpers import _format_callback_source


class Handle:
    """A callback scheduled on a loop; cancel() keeps it from running."""

    __slots__ = ("_callback", "_args", "_cancelled", "_loop", "_context")

    def __init__(self, callback, args, loop, context=None):
        if context is None:
            context = contextvars.copy_context()
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        return "<{}>".format(" ".join(self._repr_info()))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            if self._args:
                self._context.run(self._callback, *self._args)
            else:
                self._context.run(self._callback)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Exception in callback "
                           + _format_callback_source(self._callback, self._args),
                "exception": exc,
                "handle": self,
            })
        self = None  # break the cycle through the frame, as CPython does


class TimerHandle(Handle):
    """A Handle due at loop time `when`; ordered by that time in the heap."""

    __slots__ = ("_when", "_scheduled")

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f"when={self._when}")
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when <= other._when

    def __gt__(self, other):
        return self._when > other._when

    def __ge__(self, other):
        return self._when >= other._when

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback
                    and self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class AbstractEventLoop:
    """The event loop interface; BaseEventLoop implements it."""


class _RunningLoop(threading.local):
    loop = None
    pid = None


_running = _RunningLoop()
_set_loops = {}  # thread ident -> the loop set_event_loop chose


def _get_running_loop():
    """The loop running on this thread, or None."""
    return _running.loop


def _set_running_loop(loop):
    _running.loop = loop


def get_running_loop():
    """The loop running on this thread; RuntimeError when there is none."""
    loop = _running.loop
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    """The running loop, else this thread's loop (made on first use on the
    main thread)."""
    loop = _running.loop
    if loop is not None:
        return loop
    ident = threading.get_ident()
    loop = _set_loops.get(ident)
    if loop is None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("There is no current event loop in thread %r."
                               % threading.current_thread().name)
        loop = new_event_loop()
        _set_loops[ident] = loop
    return loop


def set_event_loop(loop):
    """Make `loop` this thread's current loop."""
    if loop is not None and not isinstance(loop, AbstractEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, "
                        f"not '{type(loop).__name__}'")
    _set_loops[threading.get_ident()] = loop


def new_event_loop():
    """A new selector event loop."""
    from . import base_events
    return base_events.BaseEventLoop()
