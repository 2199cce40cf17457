"""Event and AsyncResult: greenlets waiting for something to happen."""

from gevent.hub import get_hub, _park
from gevent.timeout import Timeout

__all__ = ["Event", "AsyncResult"]


class _Notifier:
    """Waiting greenlets, woken in order from a hub callback."""

    def __init__(self):
        self._waiters = []
        self._notifying = None

    def _schedule(self):
        if self._waiters and self._notifying is None:
            self._notifying = get_hub().loop.run_callback(self._notify)

    def _notify(self):
        self._notifying = None
        while self._waiters and self.ready():
            self._waiters.pop(0)(self)

    def rawlink(self, callback):
        self._waiters.append(callback)
        if self.ready():
            self._schedule()

    def unlink(self, callback):
        try:
            self._waiters.remove(callback)
        except ValueError:
            pass

    def _wait(self, timeout):
        if self.ready():
            return True
        return _park(self._waiters, timeout)


class Event(_Notifier):
    """A flag greenlets wait for: `set` wakes them all."""

    def __init__(self):
        _Notifier.__init__(self)
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set
    ready = is_set

    def set(self):
        self._flag = True
        self._schedule()

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return self._wait(timeout)

    def __repr__(self):
        return "<%s %s _links[%s]>" % (type(self).__name__, "set" if self._flag else "clear",
                                       len(self._waiters))


class AsyncResult(_Notifier):
    """A value or exception that arrives later: `get` waits for it."""

    def __init__(self):
        _Notifier.__init__(self)
        self._value = _NONE
        self._exc_info = ()

    def ready(self):
        return self._value is not _NONE or bool(self._exc_info)

    def successful(self):
        return self._value is not _NONE

    @property
    def value(self):
        return None if self._value is _NONE else self._value

    @property
    def exception(self):
        return self._exc_info[1] if self._exc_info else None

    def set(self, value=None):
        self._value = value
        self._schedule()

    def set_exception(self, exception, exc_info=None):
        self._exc_info = (type(exception), exception, None)
        self._schedule()

    def get(self, block=True, timeout=None):
        if not self.ready():
            if not block:
                raise Timeout()
            if not self._wait(timeout):
                raise Timeout(timeout)
        if self._exc_info:
            raise self._exc_info[1]
        return self._value

    def get_nowait(self):
        return self.get(block=False)

    def wait(self, timeout=None):
        self._wait(timeout)
        return self.value

    def __call__(self, source):
        if source.successful():
            self.set(source.value)
        else:
            self.set_exception(source.exception)


_NONE = object()
