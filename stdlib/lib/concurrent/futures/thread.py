"""ThreadPoolExecutor: calls run on a pool of worker threads."""

import os
import queue
import threading
from concurrent.futures import _base

_shutdown = False
_global_shutdown_lock = threading.Lock()
_executors = []


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    for executor in list(_executors):
        executor._work_queue.put(None)
    for executor in list(_executors):
        for t in list(executor._threads):
            t.join()


threading._register_atexit(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            import sys
            print("Exception in initializer:", file=sys.stderr)
            exc = sys.exc_info()[1]
            sys.excepthook(type(exc), exc, exc.__traceback__)
            executor._initializer_failed()
            return
    work_queue = executor._work_queue
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        # None: shut down; pass the word on to the next worker.
        work_queue.put(None)
        return


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed."""


class ThreadPoolExecutor(_base.Executor):
    """An executor whose calls run on up to max_workers threads."""

    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix="",
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or (
            "ThreadPoolExecutor-%d" % ThreadPoolExecutor._next())
        self._initializer = initializer
        self._initargs = initargs

    @classmethod
    def _next(cls):
        n = cls._counter
        cls._counter += 1
        return n

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _shutdown:
                raise RuntimeError("cannot schedule new futures after "
                                   "interpreter shutdown")
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            name = "%s_%d" % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=name, target=_worker,
                                 args=(self, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            if self not in _executors:
                _executors.append(self)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ("A thread initializer failed, the thread pool "
                            "is not usable anymore")
            for work_item in self._drain_queue():
                work_item.future.set_exception(BrokenThreadPool(self._broken))

    def _drain_queue(self):
        """Take every work item still queued (a None is passed over)."""
        while True:
            try:
                work_item = self._work_queue.get_nowait()
            except queue.Empty:
                return
            if work_item is not None:
                yield work_item

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for work_item in self._drain_queue():
                    work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
        if self in _executors and not any(t.is_alive() for t in self._threads):
            _executors.remove(self)
