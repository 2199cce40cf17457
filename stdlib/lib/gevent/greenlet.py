"""gevent.Greenlet: a greenlet scheduled by the hub, with a result, links
and kill."""

import sys

from greenlet import greenlet, getcurrent, GreenletExit
from gevent.hub import get_hub, Waiter
from gevent.timeout import Timeout

__all__ = ["Greenlet", "joinall", "killall"]

_ids = iter(range(1, 1 << 62))


class Greenlet(greenlet):
    """Runs `run(*args, **kwargs)` (or the subclass's `_run`) once started;
    keeps its return value or exception and tells its links when done."""

    def __init__(self, run=None, *args, **kwargs):
        greenlet.__init__(self, None, get_hub())
        if run is not None:
            self._run = run
        if not callable(self._run):
            raise TypeError("The run argument or self._run must be callable")
        self.args = args
        self.kwargs = kwargs
        self.value = None
        self._exc_info = ()
        self._links = []
        self._start_event = None
        self._started = False
        self._notifier = None
        self.minimal_ident = next(_ids)
        self._name = None

    @property
    def name(self):
        if self._name is None:
            self._name = "Greenlet-%d" % (self.minimal_ident - 1)
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    def _run(self):
        return None

    # -- state

    @property
    def started(self):
        return self._started or bool(self)

    def ready(self):
        return self.dead or bool(self._exc_info)

    def successful(self):
        return bool(self._exc_info) and self._exc_info[1] is None

    @property
    def exception(self):
        return self._exc_info[1] if self._exc_info else None

    @property
    def exc_info(self):
        if self._exc_info and self._exc_info[0] is not None:
            return self._exc_info
        return None

    @property
    def loop(self):
        return get_hub().loop

    def __repr__(self):
        func = getattr(self._run, "__name__", None) or repr(self._run)
        args = [repr(a) for a in self.args] + ["%s=%r" % kv for kv in self.kwargs.items()]
        call = "%s(%s)" % (func, ", ".join(args)) if args else func
        return "<%s at 0x%x: %s>" % (type(self).__name__, id(self), call)

    __str__ = __repr__

    # -- starting

    def start(self):
        if self._start_event is None:
            self._start_event = get_hub().loop.run_callback(self.switch)

    def start_later(self, seconds):
        if self._start_event is None:
            self._start_event = get_hub().loop.timer(seconds, self.switch)

    @classmethod
    def spawn(cls, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start()
        return g

    @classmethod
    def spawn_later(cls, seconds, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start_later(seconds)
        return g

    def run(self):
        self._started = True
        try:
            if self._start_event is not None:
                self._start_event.stop()
            try:
                result = self._run(*self.args, **self.kwargs)
            except BaseException:
                self._report_error(sys.exc_info())
                return None
            self._report_result(result)
        finally:
            self.args = ()
            self.kwargs = {}

    def _report_result(self, result):
        self._exc_info = (None, None, None)
        self.value = result
        if self._links and self._notifier is None:
            self._notifier = get_hub().loop.run_callback(self._notify_links)

    def _report_error(self, exc_info):
        if isinstance(exc_info[1], GreenletExit):
            self._report_result(exc_info[1])
            return
        self._exc_info = exc_info
        if self._links and self._notifier is None:
            self._notifier = get_hub().loop.run_callback(self._notify_links)
        get_hub().handle_error(self, *exc_info)

    # -- results

    def get(self, block=True, timeout=None):
        """The return value, or raise the exception, waiting if asked."""
        if self.ready():
            if self.successful():
                return self.value
            raise self._exc_info[1]
        if not block:
            raise Timeout()
        self.join(timeout)
        if not self.ready():
            raise Timeout(timeout)
        if self.successful():
            return self.value
        raise self._exc_info[1]

    def join(self, timeout=None):
        """Wait until it is done (or `timeout` passes)."""
        if self.ready():
            return
        switch = getcurrent().switch
        self.rawlink(switch)
        try:
            t = Timeout._start_new_or_dummy(timeout)
            try:
                result = get_hub().switch()
                if result is not self:
                    raise AssertionError("Invalid switch into Greenlet.join(): %r" % (result,))
            finally:
                t.cancel()
        except Timeout as ex:
            self.unlink(switch)
            if ex is not t:
                raise
        except BaseException:
            self.unlink(switch)
            raise

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        """Raise `exception` in it (or never start it); wait for it if `block`."""
        if self._start_event is not None and not self._started:
            self._start_event.stop()
        if self.dead:
            return
        if not self:
            # Not started: it never will.
            self._started = True
            try:
                raise exception if isinstance(exception, BaseException) else exception()
            except BaseException:
                ei = sys.exc_info()
            self._dead_unstarted(ei)
            return
        waiter = Waiter() if block else None
        get_hub().loop.run_callback(_kill, self, exception, waiter)
        if block:
            waiter.get()
            self.join(timeout)

    def _dead_unstarted(self, exc_info):
        self._dead = True
        if isinstance(exc_info[1], GreenletExit):
            self._report_result(exc_info[1])
        else:
            self._exc_info = exc_info
            if self._links and self._notifier is None:
                self._notifier = get_hub().loop.run_callback(self._notify_links)

    # -- links

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError("Expected callable: %r" % (callback,))
        self._links.append(callback)
        if self.ready() and self._links and self._notifier is None:
            self._notifier = get_hub().loop.run_callback(self._notify_links)

    def link(self, callback, SpawnedLink=None):
        self.rawlink(callback)

    def unlink(self, callback):
        try:
            self._links.remove(callback)
        except ValueError:
            pass

    def unlink_all(self):
        del self._links[:]

    def link_value(self, callback, SpawnedLink=None):
        self.link(lambda g: callback(g) if g.successful() else None)

    def link_exception(self, callback, SpawnedLink=None):
        self.link(lambda g: callback(g) if not g.successful() else None)

    def _notify_links(self):
        while self._links:
            link = self._links.pop(0)
            try:
                link(self)
            except BaseException:
                get_hub().handle_error((link, self), *sys.exc_info())
        self._notifier = None


def _kill(glet, exception, waiter):
    try:
        glet.throw(exception)
    except BaseException:
        get_hub().handle_error(glet, *sys.exc_info())
    if waiter is not None:
        waiter.switch(None)


def joinall(greenlets, timeout=None, raise_error=False, count=None):
    """Wait for the greenlets to finish; returns those that did."""
    from gevent import wait
    if not raise_error:
        return wait(greenlets, timeout=timeout, count=count)
    done = []
    for obj in _iwait(greenlets, timeout=timeout, count=count):
        if getattr(obj, "exception", None) is not None:
            if hasattr(obj, "_raise_exception"):
                obj._raise_exception()
            raise obj.exception
        done.append(obj)
    return done


def _iwait(objects, timeout=None, count=None):
    from gevent import iwait
    return iwait(objects, timeout, count)


def killall(greenlets, exception=GreenletExit, block=True, timeout=None):
    greenlets = list(greenlets)
    if not greenlets:
        return
    for g in greenlets:
        if not g.dead:
            g.kill(exception, block=False)
    if block:
        joinall(greenlets, timeout=timeout)
