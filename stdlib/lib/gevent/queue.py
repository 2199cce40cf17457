"""Queues for greenlets: put and get wait (cooperatively) when full or empty."""

import collections
import heapq
from queue import Empty, Full

from gevent.hub import get_hub, _park

__all__ = ["Queue", "PriorityQueue", "LifoQueue", "SimpleQueue", "JoinableQueue",
           "Channel", "Empty", "Full", "ShutDown"]


class ShutDown(Exception):
    pass


class Queue:
    """First in, first out; `maxsize` None or 0 means unbounded."""

    def __init__(self, maxsize=None, items=(), _warn_depth=2):
        if maxsize is not None and maxsize <= 0:
            maxsize = None
        self._maxsize = maxsize
        self._init(maxsize, items)
        self.getters = collections.deque()
        self.putters = collections.deque()

    def _init(self, maxsize, items=()):
        self.queue = collections.deque(items)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def _peek(self):
        return self.queue[0]

    @property
    def maxsize(self):
        return self._maxsize

    def copy(self):
        return type(self)(self._maxsize, self.queue)

    def __repr__(self):
        return "<%s at 0x%x queue=%r>" % (type(self).__name__, id(self), list(self.queue))

    def qsize(self):
        return len(self.queue)

    def __len__(self):
        return self.qsize()

    def __bool__(self):
        return True

    def empty(self):
        return not self.qsize()

    def full(self):
        return self._maxsize is not None and self.qsize() >= self._maxsize

    def _wait(self, waiters, timeout, error):
        if not _park(waiters, timeout):
            raise error()

    def _wake(self, waiters):
        if waiters:
            get_hub().loop.run_callback(self._wake_one, waiters)

    def _wake_one(self, waiters):
        if waiters:
            waiters.popleft()(None)

    def put(self, item, block=True, timeout=None):
        while self.full():
            if not block or timeout is not None and timeout <= 0:
                raise Full
            self._wait(self.putters, timeout, Full)
        self._put(item)
        self._wake(self.getters)

    def put_nowait(self, item):
        self.put(item, False)

    def get(self, block=True, timeout=None):
        while not self.qsize():
            if not block or timeout is not None and timeout <= 0:
                raise Empty
            self._wait(self.getters, timeout, Empty)
        item = self._get()
        self._wake(self.putters)
        return item

    def get_nowait(self):
        return self.get(False)

    def peek(self, block=True, timeout=None):
        while not self.qsize():
            if not block:
                raise Empty
            self._wait(self.getters, timeout, Empty)
        return self._peek()

    def peek_nowait(self):
        return self.peek(False)

    def __iter__(self):
        return self

    def __next__(self):
        result = self.get()
        if result is StopIteration:
            raise result
        return result

    next = __next__


SimpleQueue = Queue


class PriorityQueue(Queue):
    def _init(self, maxsize, items=()):
        self.queue = list(items)
        heapq.heapify(self.queue)

    def _put(self, item):
        heapq.heappush(self.queue, item)

    def _get(self):
        return heapq.heappop(self.queue)


class LifoQueue(Queue):
    def _init(self, maxsize, items=()):
        self.queue = list(items)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()

    def _peek(self):
        return self.queue[-1]


class JoinableQueue(Queue):
    """A queue whose `join` waits until every item put was `task_done`."""

    def __init__(self, maxsize=None, items=(), unfinished_tasks=None):
        from gevent.event import Event
        Queue.__init__(self, maxsize, items)
        self._cond = Event()
        self._cond.set()
        self.unfinished_tasks = unfinished_tasks if unfinished_tasks is not None else len(self.queue)
        if self.unfinished_tasks:
            self._cond.clear()

    def _put(self, item):
        Queue._put(self, item)
        self.unfinished_tasks += 1
        self._cond.clear()

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks -= 1
        if self.unfinished_tasks == 0:
            self._cond.set()

    def join(self, timeout=None):
        return self._cond.wait(timeout=timeout)


class Channel(Queue):
    """A queue of size zero: put waits for a getter."""

    def __init__(self, maxsize=1):
        Queue.__init__(self, 1)
