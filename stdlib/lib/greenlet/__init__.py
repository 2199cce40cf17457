"""Greenlets: functions that run as coroutines with stacks of their own and
pass control with explicit `switch` calls, built on the interpreter's
stacklets (`_greenlet`)."""

import _greenlet
from _thread import get_ident

__all__ = ["greenlet", "getcurrent", "GreenletExit", "error", "settrace", "gettrace"]

__version__ = "3.0.0"


class error(Exception):
    """Raised for switches that cannot happen."""


class GreenletExit(BaseException):
    """Thrown into a greenlet to end it; a greenlet that lets it escape
    returns it to its parent as a value instead of raising it there."""


_NO_RUN = object()


def _pack(args, kwargs):
    # What a pending switch() returns: nothing -> (), one value -> it,
    # keywords only -> the dict, both -> (args, kwargs).
    if kwargs:
        return (args, kwargs) if args else kwargs
    if len(args) == 1:
        return args[0]
    return args


class greenlet:
    """A function run on a stack of its own. `switch(*args)` starts it (with
    those arguments) or resumes it (its pending switch returns them)."""

    def __init__(self, run=None, parent=None):
        if run is not None:
            self.run = run
        self._stacklet = None
        self._dead = False
        self._main = False
        self._thread = get_ident()
        self._parent = None
        self.parent = getcurrent() if parent is None else parent

    # -- the tree

    @property
    def parent(self):
        return self._parent

    @parent.setter
    def parent(self, value):
        if value is None and self._main:
            return
        if not isinstance(value, greenlet):
            raise TypeError("GreenletChecker: Expected any type of greenlet, not "
                            + type(value).__name__)
        p = value
        while p is not None:
            if p is self:
                raise ValueError("cyclic parent chain")
            p = p._parent
        self._parent = value

    @property
    def dead(self):
        return self._dead

    def __bool__(self):
        return self._stacklet is not None and not self._dead

    @property
    def gr_frame(self):
        return None

    @property
    def gr_context(self):
        return None

    def __repr__(self):
        state = "dead" if self._dead else ("active" if self else "pending")
        if self._main:
            state = "main"
        return "<%s object at 0x%x (%s)>" % (type(self).__name__, id(self), state)

    # -- switching

    def switch(self, *args, **kwargs):
        """Run this greenlet; returns what the next switch back brings."""
        try:
            return self._enter(args, kwargs, None)
        except BaseException as e:
            _hide_own_frames(e)
            raise

    def throw(self, typ=GreenletExit, val=None, tb=None):
        """Raise an exception in this greenlet (GreenletExit by default)."""
        if isinstance(typ, BaseException):
            if val is not None:
                raise TypeError("instance exception may not have a separate value")
            exc = typ
        elif isinstance(typ, type) and issubclass(typ, BaseException):
            if isinstance(val, typ):
                exc = val
            elif val is None:
                exc = typ()
            elif isinstance(val, tuple):
                exc = typ(*val)
            else:
                exc = typ(val)
        else:
            raise TypeError("exceptions must be classes, or instances, not "
                            + type(typ).__name__)
        if tb is not None:
            exc = exc.with_traceback(tb)
        try:
            return self._enter((), None, exc)
        except BaseException as e:
            _hide_own_frames(e)
            raise

    def _enter(self, args, kwargs, exc):
        target = self
        # A finished greenlet passes what it is sent to its parent.
        while target._dead:
            target = target._parent
        if target._thread != get_ident():
            raise error("Cannot switch to a different thread")
        if target._stacklet is None:
            if exc is not None:
                # Killed before it ran: it never will; the parent gets the exception.
                target._dead = True
                return target._parent._enter((), None, exc)
            if not hasattr(target, "run"):
                raise AttributeError("run")
            start = _greenlet.new(_bootstrap, (target, args, kwargs))
            _greenlet.set_owner(start, target)
            target._stacklet = start
        if exc is not None:
            return _greenlet.transfer(target._stacklet, exc, True)
        return _greenlet.transfer(target._stacklet, _pack(args, kwargs or {}))


_OWN_FILE = (lambda: None).__code__.co_filename


def _hide_own_frames(exc):
    """Drop this module's frames from a traceback, which then reads as the
    greenlets' own code calling each other, as it does with CPython's."""
    kept = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename != _OWN_FILE:
            kept.append(tb)
        tb = tb.tb_next
    for a, b in zip(kept, kept[1:] + [None]):
        a.tb_next = b
    exc.__traceback__ = kept[0] if kept else None


def _bootstrap(g, args, kwargs):
    """The bottom frame of every greenlet's stack: runs it, then hands its
    result (or exception) to the first parent still alive."""
    throw = False
    try:
        run = g.run
        try:
            del g.run
        except AttributeError:
            pass
        result = run(*args, **(kwargs or {}))
    except GreenletExit as e:
        result = e
    except BaseException as e:
        _hide_own_frames(e)
        result, throw = e, True
    g._dead = True
    parent = g._parent
    while parent._dead:
        parent = parent._parent
    if parent._stacklet is None:
        # An unstarted parent starts now, with the result as its argument.
        if throw:
            parent._dead = True
            while parent._dead:
                parent = parent._parent
        else:
            start = _greenlet.new(_bootstrap, (parent, (result,), None))
            _greenlet.set_owner(start, parent)
            parent._stacklet = start
    _greenlet.transfer(parent._stacklet, result, throw, True)


def getcurrent():
    """The greenlet running now (the thread's main greenlet at first)."""
    here = _greenlet.current()
    g = _greenlet.owner(here)
    if g is None:
        g = greenlet.__new__(greenlet)
        g._stacklet = here
        g._dead = False
        g._main = True
        g._thread = get_ident()
        g._parent = None
        _greenlet.set_owner(here, g)
    return g


# As in CPython's greenlet, also reachable from the class.
greenlet.getcurrent = staticmethod(getcurrent)
greenlet.GreenletExit = GreenletExit
greenlet.error = error

_trace = None


def settrace(callback):
    global _trace
    old, _trace = _trace, callback
    return old


def gettrace():
    return _trace
