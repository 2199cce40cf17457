"""The hub: a greenlet running the event loop (callbacks, timers and IO
readiness over `selectors`), to which every blocking gevent call switches."""

import heapq
import itertools
import selectors
import sys
import time
import traceback as _traceback
from time import sleep as _os_sleep  # the real one, before monkey-patching

from greenlet import greenlet, getcurrent, GreenletExit
from gevent.exceptions import LoopExit, BlockingSwitchOutError

__all__ = ["get_hub", "Hub", "Waiter", "sleep", "idle", "kill", "spawn_raw"]


class _Timer:
    """A callback due at a time; cancelled ones stay in the heap, skipped."""

    __slots__ = ("when", "seq", "callback", "args", "active")

    def __init__(self, when, seq, callback, args):
        self.when = when
        self.seq = seq
        self.callback = callback
        self.args = args
        self.active = True

    def __lt__(self, other):
        return (self.when, self.seq) < (other.when, other.seq)

    def stop(self):
        self.active = False

    cancel = close = stop


class _Callback:
    __slots__ = ("callback", "args", "pending")

    def __init__(self, callback, args):
        self.callback = callback
        self.args = args
        self.pending = True

    def stop(self):
        self.pending = False

    cancel = close = stop


def _mask(waiters):
    mask = 0
    for events in waiters:
        mask |= events
    return mask


class Loop:
    """Callbacks first in first out, then due timers, then ready IO."""

    def __init__(self):
        self._callbacks = []
        self._timers = []
        self._seq = itertools.count()
        self._selector = None
        self._io = {}

    def now(self):
        return time.monotonic()

    def run_callback(self, callback, *args):
        cb = _Callback(callback, args)
        self._callbacks.append(cb)
        return cb

    def timer(self, seconds, callback, *args):
        t = _Timer(time.monotonic() + max(seconds, 0), next(self._seq), callback, args)
        heapq.heappush(self._timers, t)
        return t

    def io_wait(self, fileobj, events, callback):
        """Call `callback()` once when `fileobj` is ready for `events`."""
        if self._selector is None:
            self._selector = selectors.DefaultSelector()
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        waiters = self._io.setdefault(fd, {})
        if events in waiters:
            raise ConcurrentObjectUseError(
                "This socket is already used by another greenlet")
        # A descriptor is registered while it has waiters (io_cancel drops it).
        first = not waiters
        waiters[events] = callback
        if first:
            self._selector.register(fd, _mask(waiters))
        else:
            self._selector.modify(fd, _mask(waiters))
        return (fd, events)

    def io_cancel(self, handle):
        fd, events = handle
        waiters = self._io.get(fd)
        if not waiters or events not in waiters:
            return
        del waiters[events]
        if waiters:
            self._selector.modify(fd, _mask(waiters))
        else:
            del self._io[fd]
            self._selector.unregister(fd)

    def _pending_work(self):
        return bool(self._callbacks or self._io or any(t.active for t in self._timers))

    def run_once(self):
        """One turn: callbacks, then wait for the first timer or IO."""
        if self._callbacks:
            todo, self._callbacks = self._callbacks, []
            for cb in todo:
                if cb.pending:
                    cb.pending = False
                    cb.callback(*cb.args)
        while self._timers and not self._timers[0].active:
            heapq.heappop(self._timers)
        if self._callbacks:
            timeout = 0
        elif self._timers:
            timeout = max(0.0, self._timers[0].when - time.monotonic())
        else:
            timeout = None
        if self._io:
            for key, mask in self._selector.select(timeout):
                waiters = self._io.get(key.fd, {})
                for ev in list(waiters):
                    if ev & mask:
                        callback = waiters[ev]
                        self.io_cancel((key.fd, ev))
                        callback()
        elif timeout:
            _os_sleep(timeout)
        now = time.monotonic()
        while self._timers and self._timers[0].when <= now:
            t = heapq.heappop(self._timers)
            if t.active:
                t.active = False
                t.callback(*t.args)


from gevent.exceptions import ConcurrentObjectUseError  # noqa: E402


class Hub(greenlet):
    """The greenlet running the loop. Its parent is the thread's main greenlet,
    which it switches back to (raising LoopExit there) when nothing is left."""

    SYSTEM_ERROR = (KeyboardInterrupt, SystemExit, SystemError)
    NOT_ERROR = (GreenletExit, SystemExit)

    def __init__(self):
        greenlet.__init__(self)
        self.loop = Loop()
        self.exception_stream = sys.stderr

    def run(self):
        while True:
            loop = self.loop
            while loop._pending_work():
                loop.run_once()
            # Nothing left to wait for: whoever waits on the hub would wait forever.
            self.parent.throw(LoopExit("This operation would block forever", self))

    def switch(self):
        if getcurrent() is self:
            raise BlockingSwitchOutError("Impossible to call blocking function in the event loop callback")
        return greenlet.switch(self)

    def wait(self, watcher):
        waiter = Waiter(self)
        watcher.start(waiter.switch, waiter)
        try:
            return waiter.get()
        finally:
            watcher.stop()

    def handle_error(self, context, type, value, tb):
        if issubclass(type, self.NOT_ERROR):
            return
        self.print_exception(context, type, value, tb)
        if issubclass(type, self.SYSTEM_ERROR):
            main = self.parent
            self.loop.run_callback(main.throw, value)

    def print_exception(self, context, type, value, tb):
        stream = self.exception_stream
        if stream is None:
            return
        _traceback.print_exception(type, value, tb, file=stream)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        stream.write("%s %s failed with %s\n\n" % (stamp, context, getattr(type, "__name__", "exception")))


_hub = None


def get_hub():
    """The hub of this thread (made on first use)."""
    global _hub
    if _hub is None or _hub.dead:
        _hub = Hub()
        _hub.parent = getcurrent()
    return _hub


class Waiter:
    """One switch from the hub back to a waiting greenlet, with a value or an
    exception, that may come before or after the greenlet starts waiting."""

    __slots__ = ("hub", "greenlet", "value", "_exception")

    def __init__(self, hub=None):
        self.hub = get_hub() if hub is None else hub
        self.greenlet = None
        self.value = None
        self._exception = _NONE

    def ready(self):
        return self._exception is not _NONE

    def successful(self):
        return self.ready() and self._exception is None

    @property
    def exception(self):
        return None if self._exception is _NONE else self._exception

    def switch(self, value=None):
        if self.greenlet is None:
            self.value = value
            self._exception = None
        else:
            if getcurrent() is not self.hub:
                raise AssertionError("Can only use Waiter.switch method from the Hub greenlet")
            self.greenlet.switch(value)

    def switch_args(self, *args):
        return self.switch(args)

    def throw(self, *throw_args):
        if self.greenlet is None:
            self._exception = throw_args
        else:
            self.greenlet.throw(*throw_args)

    def get(self):
        if self._exception is not _NONE:
            if self._exception is None:
                return self.value
            getcurrent().throw(*self._exception)
        if self.greenlet is not None:
            raise ConcurrentObjectUseError("This Waiter is already used by %r" % (self.greenlet,))
        self.greenlet = getcurrent()
        try:
            return self.hub.switch()
        finally:
            self.greenlet = None

    def __call__(self, source):
        if source.exception is None:
            self.switch(source.value)
        else:
            self.throw(source.exception)


_NONE = object()


class _Watcher:
    """Something the hub can start and stop for `Hub.wait`."""

    def __init__(self, start, stop):
        self._start = start
        self._stop = stop
        self._handle = None

    def start(self, callback, *args):
        self._handle = self._start(callback, *args)

    def stop(self):
        if self._handle is not None:
            self._stop(self._handle)
            self._handle = None


def _park(waiters, timeout=None):
    """Put this greenlet's switch in `waiters` and wait in the hub until
    someone calls it (True) or `timeout` seconds pass (False)."""
    from gevent.timeout import Timeout
    switch = getcurrent().switch
    waiters.append(switch)
    t = Timeout._start_new_or_dummy(timeout)
    try:
        get_hub().switch()
        return True
    except Timeout as ex:
        if ex is not t:
            raise
        return False
    finally:
        t.cancel()
        try:
            waiters.remove(switch)
        except ValueError:
            pass


def sleep(seconds=0, ref=True):
    """Let other greenlets run: at once with 0, else for `seconds`."""
    hub = get_hub()
    loop = hub.loop
    if seconds <= 0:
        waiter = Waiter(hub)
        loop.run_callback(waiter.switch, None)
        waiter.get()
    else:
        hub.wait(_Watcher(lambda cb, *a: loop.timer(seconds, cb, *a), lambda t: t.stop()))


def idle(priority=0):
    sleep(0)


def kill(greenlet, exception=GreenletExit):
    if not greenlet.dead:
        if hasattr(greenlet, "kill"):
            greenlet.kill(exception=exception, block=False)
        else:
            get_hub().loop.run_callback(greenlet.throw, exception)


def spawn_raw(function, *args, **kwargs):
    hub = get_hub()
    g = greenlet(function, hub)
    hub.loop.run_callback(lambda: g.switch(*args, **kwargs))
    return g


def wait_read(fileno, timeout=None, timeout_exc=None):
    _wait_io(fileno, selectors.EVENT_READ, timeout, timeout_exc)


def wait_write(fileno, timeout=None, timeout_exc=None, event=None):
    _wait_io(fileno, selectors.EVENT_WRITE, timeout, timeout_exc)


def _wait_io(fileno, events, timeout, timeout_exc):
    from gevent.timeout import Timeout
    hub = get_hub()
    loop = hub.loop
    watcher = _Watcher(lambda cb, *a: loop.io_wait(fileno, events, lambda: cb(*a)), loop.io_cancel)
    t = Timeout._start_new_or_dummy(timeout, timeout_exc)
    try:
        hub.wait(watcher)
    finally:
        t.cancel()
