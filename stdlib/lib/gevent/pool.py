"""Groups of greenlets, and pools that limit how many run at once."""

from gevent.greenlet import Greenlet, joinall, killall
from gevent.lock import Semaphore, DummySemaphore
from gevent.queue import Queue
from gevent.timeout import Timeout

__all__ = ["Group", "Pool"]


class Group:
    """A set of greenlets, each leaving it when done."""

    greenlet_class = Greenlet

    def __init__(self, *args):
        self.greenlets = set()
        self.dying = set()
        for g in (args[0] if args else ()):
            self.add(g)

    def __repr__(self):
        return "<%s at 0x%x %s>" % (type(self).__name__, id(self), self.greenlets)

    def __len__(self):
        return len(self.greenlets)

    def __contains__(self, item):
        return item in self.greenlets

    def __iter__(self):
        return iter(self.greenlets)

    def add(self, greenlet):
        greenlet.rawlink(self._discard_link)
        self.greenlets.add(greenlet)

    def _discard_link(self, greenlet):
        self.discard(greenlet)

    def discard(self, greenlet):
        self.greenlets.discard(greenlet)
        self.dying.discard(greenlet)
        greenlet.unlink(self._discard_link)

    def start(self, greenlet):
        self.add(greenlet)
        greenlet.start()

    def spawn(self, *args, **kwargs):
        g = self.greenlet_class(*args, **kwargs)
        self.start(g)
        return g

    def join(self, timeout=None, raise_error=False):
        while self.greenlets:
            done = joinall(list(self.greenlets), timeout=timeout, raise_error=raise_error)
            if timeout is not None:
                return not self.greenlets
            for g in done:
                self.discard(g)
        return True

    def kill(self, exception=None, block=True, timeout=None):
        from greenlet import GreenletExit
        killall(list(self.greenlets), exception or GreenletExit, block=block, timeout=timeout)

    def apply(self, func, args=None, kwds=None):
        return self.spawn(func, *(args or ()), **(kwds or {})).get()

    def apply_async(self, func, args=None, kwds=None, callback=None):
        g = self.spawn(func, *(args or ()), **(kwds or {}))
        if callback is not None:
            g.link_value(lambda g: callback(g.value))
        return g

    def map(self, func, iterable):
        return list(self.imap(func, iterable))

    def map_async(self, func, iterable, callback=None):
        return Greenlet.spawn(self.map, func, iterable)

    def imap(self, func, *iterables, maxsize=None):
        greenlets = [self.spawn(func, *args) for args in zip(*iterables)]
        for g in greenlets:
            yield g.get()

    def imap_unordered(self, func, *iterables, maxsize=None):
        results = Queue()
        count = 0
        for args in zip(*iterables):
            g = self.spawn(func, *args)
            g.rawlink(results.put)
            count += 1
        for _ in range(count):
            g = results.get()
            yield g.get()

    def full(self):
        return False

    def wait_available(self, timeout=None):
        pass


class Pool(Group):
    """A group of at most `size` greenlets: spawning waits for room."""

    def __init__(self, size=None, greenlet_class=None):
        if size is not None and size < 0:
            raise ValueError("size must not be negative: %r" % (size,))
        Group.__init__(self)
        self.size = size
        if greenlet_class is not None:
            self.greenlet_class = greenlet_class
        self._semaphore = DummySemaphore() if size is None else Semaphore(size)

    def wait_available(self, timeout=None):
        return self._semaphore.wait(timeout=timeout)

    def full(self):
        return self.free_count() <= 0

    def free_count(self):
        if self.size is None:
            return 1
        return max(0, self.size - len(self))

    def start(self, greenlet, *args, **kwargs):
        self.add(greenlet)
        greenlet.start()

    def add(self, greenlet, blocking=True, timeout=None):
        if not self._semaphore.acquire(blocking=blocking, timeout=timeout):
            raise Timeout(timeout)
        try:
            Group.add(self, greenlet)
        except BaseException:
            self._semaphore.release()
            raise

    def discard(self, greenlet):
        was_member = greenlet in self.greenlets
        Group.discard(self, greenlet)
        if was_member:
            self._semaphore.release()
