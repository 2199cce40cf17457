"""gevent, built into Gilt: greenlets scheduled by a hub that runs callbacks,
timers and IO readiness, with the tools tutorials use (spawn, joinall,
sleep, Timeout, events, queues, locks, pools, cooperative sockets and
monkey-patching)."""

from greenlet import getcurrent, GreenletExit
from gevent.exceptions import LoopExit
from gevent.hub import get_hub, sleep, idle, kill, spawn_raw, Waiter
from gevent.timeout import Timeout, with_timeout
from gevent.greenlet import Greenlet, joinall, killall

__all__ = [
    "Greenlet", "GreenletExit", "Timeout", "LoopExit", "get_hub", "getcurrent",
    "idle", "iwait", "joinall", "kill", "killall", "sleep", "spawn", "spawn_later",
    "spawn_raw", "wait", "with_timeout",
]

__version__ = "26.9.0"
version_info = (26, 9, 0)

spawn = Greenlet.spawn
spawn_later = Greenlet.spawn_later


def iwait(objects, timeout=None, count=None):
    """Yield each object (greenlet, event, result) as it becomes ready."""
    from gevent.queue import Queue
    objects = list(objects)
    if count is None:
        count = len(objects)
    ready = Queue()
    for obj in objects:
        obj.rawlink(ready.put)
    t = Timeout._start_new_or_dummy(timeout)
    try:
        for _ in range(min(count, len(objects))):
            try:
                item = ready.get()
            except Timeout as ex:
                if ex is not t:
                    raise
                return
            yield item
    finally:
        t.cancel()
        for obj in objects:
            unlink = getattr(obj, "unlink", None)
            if unlink is not None:
                unlink(ready.put)


def wait(objects=None, timeout=None, count=None):
    """Wait for `objects` to be ready (all, or `count` of them), or with no
    objects until the loop has nothing left to do; returns those ready."""
    if objects is None:
        hub = get_hub()
        t = Timeout._start_new_or_dummy(timeout)
        try:
            hub.switch()
        except LoopExit:
            return True
        except Timeout as ex:
            if ex is not t:
                raise
            return False
        finally:
            t.cancel()
        return True
    return list(iwait(objects, timeout, count))
