"""Future: a result that arrives later, as CPython's asyncio.futures.
Callbacks run through the loop's call_soon, never inline; `await fut`
yields the future itself to the task driving the coroutine."""

import contextvars

from . import events
from . import exceptions
from .format_helpers import _format_callback_source

__all__ = ("Future", "wrap_future", "isfuture")

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def isfuture(obj):
    """True for an asyncio-compatible future (it sets _asyncio_future_blocking)."""
    return (hasattr(obj.__class__, "_asyncio_future_blocking")
            and obj._asyncio_future_blocking is not None)


def _callbacks_repr(callbacks):
    names = [_format_callback_source(cb, ()) for cb, _ in callbacks]
    if len(names) > 2:
        names = [names[0], f"<{len(names) - 2} more>", names[-1]]
    return "cb=[{}]".format(", ".join(names))


class Future:
    """A pending result with done callbacks, bound to one loop."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _exception_tb = None
    __log_traceback = False

    def __init__(self, *, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop
        self._callbacks = []

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f"exception={self._exception!r}")
            else:
                info.append(f"result={self._result!r}")
        if self._callbacks:
            info.append(_callbacks_repr(self._callbacks))
        return info

    def __repr__(self):
        return "<{} {}>".format(self.__class__.__name__, " ".join(self._repr_info()))

    def _report_unretrieved(self):
        """Called when the loop closes with this future's exception never
        looked at (CPython reports it when the future is collected)."""
        if not self.__log_traceback:
            return
        self.__log_traceback = False
        self._loop.call_exception_handler({
            "message": f"{self.__class__.__name__} exception was never retrieved",
            "exception": self._exception,
            "future": self,
        })

    @property
    def _log_traceback(self):
        return self.__log_traceback

    @_log_traceback.setter
    def _log_traceback(self, val):
        if val:
            raise ValueError("_log_traceback can only be set to False")
        self.__retrieved()

    def __retrieved(self):
        if self.__log_traceback:
            self.__log_traceback = False
            self._loop._unretrieved.discard(self)

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        """Cancel the future and schedule its callbacks; False if already done."""
        self.__retrieved()
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True

    def __schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback, ctx in callbacks:
            self._loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        """The result; raises the exception, CancelledError, or
        InvalidStateError when not done."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Result is not set.")
        self.__retrieved()
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception_tb)
        return self._result

    def exception(self):
        """The exception set, or None."""
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Exception is not set.")
        self.__retrieved()
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """Run fn(self) soon after the future is done (at once scheduled if
        it already is)."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            if context is None:
                context = contextvars.copy_context()
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Remove every registration of fn; return how many there were."""
        kept = [(f, ctx) for (f, ctx) in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self.__schedule_callbacks()
        self.__log_traceback = True
        self._loop._unretrieved.add(self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_state_from(future, source):
    """Copy the outcome of concurrent future `source` into asyncio `future`."""
    if future.cancelled():
        return
    if source.cancelled():
        future.cancel()
        return
    exc = source.exception()
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(source.result())


def wrap_future(future, *, loop=None):
    """An asyncio Future following concurrent.futures.Future `future`."""
    if isfuture(future):
        return future
    if loop is None:
        loop = events.get_event_loop()
    new = loop.create_future()

    def on_source_done(source):
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(_set_state_from, new, source)

    def on_new_done(fut):
        if fut.cancelled():
            future.cancel()

    new.add_done_callback(on_new_done)
    future.add_done_callback(on_source_done)
    return new


def _copy_to_concurrent(source, dest):
    """Copy asyncio future `source`'s outcome into concurrent future `dest`."""
    if source.cancelled():
        dest.cancel()
        return
    if not dest.set_running_or_notify_cancel():
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(exc)
    else:
        dest.set_result(source.result())
