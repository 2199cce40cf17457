"""A cooperative `select.select`: waits in the hub for any of the
descriptors to be ready."""

import select as _select
import selectors as _selectors

from gevent.hub import get_hub, Waiter
from gevent.timeout import Timeout

error = _select.error
__all__ = ["select", "error"]

_original_select = _select.__dict__.get("select")


def _fd(obj):
    return obj if isinstance(obj, int) else obj.fileno()


def select(rlist, wlist, xlist, timeout=None):
    """Like select.select, but other greenlets run while it waits."""
    ready = _original_select(rlist, wlist, xlist, 0)
    if any(ready) or timeout == 0:
        return ready
    hub = get_hub()
    loop = hub.loop
    waiter = Waiter(hub)
    handles = []
    for objs, events in ((rlist, _selectors.EVENT_READ), (wlist, _selectors.EVENT_WRITE)):
        for obj in objs:
            try:
                handles.append(loop.io_wait(_fd(obj), events, lambda: waiter.switch(None)))
            except Exception:
                pass
    t = Timeout._start_new_or_dummy(timeout)
    try:
        try:
            waiter.get()
        except Timeout as ex:
            if ex is not t:
                raise
    finally:
        t.cancel()
        for h in handles:
            loop.io_cancel(h)
    return _original_select(rlist, wlist, xlist, 0)
