"""Timeout: raise an exception in the current greenlet after some seconds."""

from greenlet import getcurrent
from gevent.hub import get_hub

__all__ = ["Timeout", "with_timeout"]


class _Silent:
    pass


class Timeout(BaseException):
    """Once started, raises itself (or `exception`) in the greenlet that
    started it after `seconds`. With `exception=False` as a context
    manager, the block just ends silently."""

    def __init__(self, seconds=None, exception=None, ref=True, priority=-1):
        BaseException.__init__(self)
        self.seconds = seconds
        self.exception = exception
        self.timer = None

    def start(self):
        if self.pending:
            raise AssertionError("%r is already started; to restart it, cancel it first" % self)
        if self.seconds is None:
            return
        target = getcurrent()
        exc = self if self.exception is None or self.exception is False else self.exception
        self.timer = get_hub().loop.timer(self.seconds, target.throw, exc)

    @classmethod
    def start_new(cls, timeout=None, exception=None, ref=True):
        if isinstance(timeout, Timeout):
            if not timeout.pending:
                timeout.start()
            return timeout
        t = cls(timeout, exception, ref=ref)
        t.start()
        return t

    @staticmethod
    def _start_new_or_dummy(timeout, exception=None):
        if timeout is None:
            return _DUMMY
        return Timeout.start_new(timeout, exception)

    @property
    def pending(self):
        return self.timer is not None and self.timer.active

    def cancel(self):
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    close = cancel

    def __repr__(self):
        classname = type(self).__name__
        pending = " pending" if self.pending else ""
        exception = "" if self.exception is None else " exception=%r" % (self.exception,)
        return "<%s at 0x%x seconds=%s%s%s>" % (classname, id(self), self.seconds, exception, pending)

    def __str__(self):
        if self.seconds is None:
            return ""
        suffix = "" if self.seconds == 1 else "s"
        if self.exception is None:
            return "%s second%s" % (self.seconds, suffix)
        if self.exception is False:
            return "%s second%s (silent)" % (self.seconds, suffix)
        return "%s second%s: %s" % (self.seconds, suffix, self.exception)

    def __enter__(self):
        if not self.pending:
            self.start()
        return self

    def __exit__(self, typ, value, tb):
        self.cancel()
        if value is self and self.exception is False:
            return True
        return None


class _Dummy:
    pending = False

    def cancel(self):
        pass

    close = cancel


_DUMMY = _Dummy()


def with_timeout(seconds, function, *args, **kwds):
    """`function(*args)`, or `timeout_value` if given and it takes longer
    than `seconds` (else the Timeout propagates)."""
    timeout_value = kwds.pop("timeout_value", _NONE)
    timeout = Timeout.start_new(seconds)
    try:
        try:
            return function(*args, **kwds)
        except Timeout as ex:
            if ex is timeout and timeout_value is not _NONE:
                return timeout_value
            raise
    finally:
        timeout.cancel()


_NONE = object()
