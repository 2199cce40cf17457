"""Semaphores and locks for greenlets."""

from greenlet import getcurrent
from gevent.hub import get_hub, _park

__all__ = ["Semaphore", "BoundedSemaphore", "DummySemaphore", "RLock"]


class Semaphore:
    """A counter greenlets take from and give back, waiting at zero."""

    def __init__(self, value=1, hub=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self.counter = value
        self._waiters = []

    def __repr__(self):
        return "<%s at 0x%x counter=%s _links[%s]>" % (
            type(self).__name__, id(self), self.counter, len(self._waiters))

    def locked(self):
        return self.counter <= 0

    def ready(self):
        return self.counter > 0

    def release(self):
        self.counter += 1
        if self._waiters:
            get_hub().loop.run_callback(self._wake)
        return self.counter

    def _wake(self):
        while self._waiters and self.counter > 0:
            self._waiters.pop(0)(True)

    def wait(self, timeout=None):
        if self.counter > 0:
            return self.counter
        self._block(timeout)
        return self.counter

    def _block(self, timeout):
        return _park(self._waiters, timeout)

    def acquire(self, blocking=True, timeout=None):
        if self.counter > 0:
            self.counter -= 1
            return True
        if not blocking:
            return False
        while self.counter <= 0:
            if not self._block(timeout):
                return False
        self.counter -= 1
        return True

    def __enter__(self):
        self.acquire()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that may not be released more times than acquired."""

    def __init__(self, *args, **kwargs):
        Semaphore.__init__(self, *args, **kwargs)
        self._initial_value = self.counter

    def release(self):
        if self.counter >= self._initial_value:
            raise ValueError("Semaphore released too many times")
        return Semaphore.release(self)


class DummySemaphore:
    def __init__(self, value=None):
        pass

    def locked(self):
        return False

    def ready(self):
        return True

    def release(self):
        pass

    def wait(self, timeout=None):
        return 1

    def acquire(self, blocking=True, timeout=None):
        return True

    def __enter__(self):
        pass

    def __exit__(self, typ, val, tb):
        pass


class RLock:
    """A lock the greenlet holding it may take again."""

    def __init__(self, hub=None):
        self._block = Semaphore(1)
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=None):
        me = getcurrent()
        if self._owner is me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._owner is not getcurrent():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, typ, value, tb):
        self.release()

    def locked(self):
        return self._block.locked()

    def _is_owned(self):
        return self._owner is getcurrent()
