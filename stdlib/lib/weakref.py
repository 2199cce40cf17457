"""Weak references: refer to an object without keeping it alive.

The native half, _weakref, gives handles that hold a Rust `Weak` to their
referent, and keeps on the referent the list of its reference objects, for
callbacks (called at the interpreter's next safe point after the referent
is freed) and for getweakrefs().
"""

import _weakref
import itertools
from collections.abc import MutableMapping, MutableSet
from types import GenericAlias

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

getweakrefcount = _weakref.getweakrefcount
getweakrefs = _weakref.getweakrefs


def _described(obj):
    """What a weakref's repr says of its referent: type, address, name."""
    text = "'%s' at %#x" % (type(obj).__name__, id(obj))
    name = getattr(obj, "__name__", None)
    if isinstance(name, str):
        text += " (%s)" % name
    return text


class ReferenceType:
    """ref(object[, callback]): a weak reference to object. Calling it gives
    the object, or None once it has been freed; then callback(ref) runs."""

    def __new__(cls, ob, callback=None, *args, **kwargs):
        # A plain reference without a callback is shared, as in CPython.
        if callback is None and cls is ReferenceType:
            for r in _weakref.getweakrefs(ob):
                if type(r) is ReferenceType and r.__callback__ is None:
                    return r
        self = object.__new__(cls)
        self._handle = _weakref.handle(ob)
        self.__callback__ = callback
        self._hash = None
        _weakref.register(ob, self)
        return self

    def __init__(self, ob, callback=None, *args, **kwargs):
        pass

    def __call__(self):
        return _weakref.deref(self._handle)

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        ob = self()
        if ob is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to %s>" % (id(self), _described(ob))

    __class_getitem__ = classmethod(GenericAlias)


ReferenceType.__module__ = "weakref"
ref = ReferenceType


def _referent(proxy):
    ob = _weakref.deref(object.__getattribute__(proxy, "_handle"))
    if ob is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return ob


class ProxyType:
    """A weak proxy: behaves as its referent while that lives, and raises
    ReferenceError after."""

    def __init__(self, ob, callback=None):
        object.__setattr__(self, "_handle", _weakref.handle(ob))
        object.__setattr__(self, "__callback__", callback)
        _weakref.register(ob, self)

    def __getattribute__(self, name):
        if name == "__callback__":
            return object.__getattribute__(self, name)
        return getattr(_referent(self), name)

    def __setattr__(self, name, value):
        setattr(_referent(self), name, value)

    def __delattr__(self, name):
        delattr(_referent(self), name)

    def __repr__(self):
        ob = _weakref.deref(object.__getattribute__(self, "_handle"))
        if ob is None:
            return "<weakproxy at %#x; dead>" % id(self)
        return "<weakproxy at %#x; to %s>" % (id(self), _described(ob))

    def __str__(self):
        return str(_referent(self))

    def __bytes__(self):
        return bytes(_referent(self))

    def __bool__(self):
        return bool(_referent(self))

    def __len__(self):
        return len(_referent(self))

    def __iter__(self):
        return iter(_referent(self))

    def __next__(self):
        return next(_referent(self))

    def __reversed__(self):
        return reversed(_referent(self))

    def __contains__(self, item):
        return item in _referent(self)

    def __getitem__(self, key):
        return _referent(self)[key]

    def __setitem__(self, key, value):
        _referent(self)[key] = value

    def __delitem__(self, key):
        del _referent(self)[key]

    def __index__(self):
        return _referent(self).__index__()

    def __int__(self):
        return int(_referent(self))

    def __float__(self):
        return float(_referent(self))

    def __abs__(self):
        return abs(_referent(self))

    def __neg__(self):
        return -_referent(self)

    def __pos__(self):
        return +_referent(self)

    def __invert__(self):
        return ~_referent(self)

    def __enter__(self):
        return _referent(self).__enter__()

    def __exit__(self, *exc):
        return _referent(self).__exit__(*exc)

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'" % type(self).__name__)


def _unwrapped(v):
    return _referent(v) if isinstance(v, ProxyType) else v


def _forward(op, reflected=False):
    def method(self, other):
        if reflected:
            return op(_unwrapped(other), _referent(self))
        return op(_referent(self), _unwrapped(other))
    return method


def _forward_inplace(op):
    def method(self, other):
        ob = _referent(self)
        return op(ob, _unwrapped(other))
    return method


import operator as _op

for _name, _fn in [("add", _op.add), ("sub", _op.sub), ("mul", _op.mul),
                   ("matmul", _op.matmul), ("truediv", _op.truediv),
                   ("floordiv", _op.floordiv), ("mod", _op.mod),
                   ("pow", _op.pow), ("lshift", _op.lshift),
                   ("rshift", _op.rshift), ("and", _op.and_),
                   ("or", _op.or_), ("xor", _op.xor),
                   ("divmod", divmod)]:
    setattr(ProxyType, "__%s__" % _name, _forward(_fn))
    setattr(ProxyType, "__r%s__" % _name, _forward(_fn, reflected=True))
for _name, _fn in [("iadd", _op.iadd), ("isub", _op.isub), ("imul", _op.imul),
                   ("itruediv", _op.itruediv), ("ifloordiv", _op.ifloordiv),
                   ("imod", _op.imod), ("ior", _op.ior), ("iand", _op.iand),
                   ("ixor", _op.ixor)]:
    setattr(ProxyType, "__%s__" % _name, _forward_inplace(_fn))
for _name, _fn in [("eq", _op.eq), ("ne", _op.ne), ("lt", _op.lt),
                   ("le", _op.le), ("gt", _op.gt), ("ge", _op.ge)]:
    setattr(ProxyType, "__%s__" % _name, _forward(_fn))
del _name, _fn
ProxyType.__module__ = "weakref"


class CallableProxyType(ProxyType):
    """A weak proxy to a callable object."""

    def __call__(self, *args, **kwargs):
        return _referent(self)(*args, **kwargs)


CallableProxyType.__module__ = "weakref"
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(ob, callback=None):
    """A proxy to ob that uses a weak reference."""
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


class WeakMethod(ref):
    """A weak reference to a bound method: it dies when either the object
    or the function does."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A ref that also remembers a key (for WeakValueDictionary)."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class _Guarded:
    """Iteration over a weak container: entries whose referent dies meanwhile
    are removed only after the last iteration ends."""

    def _enter(self):
        self._iterating += 1

    def _leave(self):
        self._iterating -= 1
        if not self._iterating:
            while self._pending:
                self._remove_now(self._pending.pop())


class WeakValueDictionary(_Guarded, MutableMapping):
    """A mapping whose values are held weakly: an entry goes when its value
    is freed."""

    def __init__(self, other=(), /, **kw):
        self_wr = ref(self)

        def remove(wr):
            self = self_wr()
            if self is not None:
                if self._iterating:
                    self._pending.append(wr)
                else:
                    self._remove_now(wr)
        self._remove = remove
        self._pending = []
        self._iterating = 0
        self.data = {}
        self.update(other, **kw)

    def _remove_now(self, wr):
        if self.data.get(wr.key) is wr:
            del self.data[wr.key]

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[deepcopy(key, memo)] = o
        return new

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        self._enter()
        try:
            for k, wr in list(self.data.items()):
                v = wr()
                if v is not None:
                    yield k, v
        finally:
            self._leave()

    def keys(self):
        self._enter()
        try:
            for k, wr in list(self.data.items()):
                if wr() is not None:
                    yield k
        finally:
            self._leave()

    __iter__ = keys

    def itervaluerefs(self):
        self._enter()
        try:
            yield from list(self.data.values())
        finally:
            self._leave()

    def valuerefs(self):
        return list(self.data.values())

    def values(self):
        self._enter()
        try:
            for wr in list(self.data.values()):
                o = wr()
                if o is not None:
                    yield o
        finally:
            self._leave()

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    _missing = object()

    def pop(self, key, default=_missing):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default is self._missing:
                raise KeyError(key)
            return default
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

    def __or__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary(_Guarded, MutableMapping):
    """A mapping whose keys are held weakly: an entry goes when its key is
    freed."""

    def __init__(self, dict=None):
        self.data = {}
        self_wr = ref(self)

        def remove(k):
            self = self_wr()
            if self is not None:
                if self._iterating:
                    self._pending.append(k)
                else:
                    self._remove_now(k)
        self._remove = remove
        self._pending = []
        self._iterating = 0
        if dict is not None:
            self.update(dict)

    def _remove_now(self, k):
        try:
            del self.data[k]
        except KeyError:
            pass

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        self._enter()
        try:
            for wr, value in list(self.data.items()):
                key = wr()
                if key is not None:
                    yield key, value
        finally:
            self._leave()

    def keys(self):
        self._enter()
        try:
            for wr in list(self.data):
                obj = wr()
                if obj is not None:
                    yield obj
        finally:
            self._leave()

    __iter__ = keys

    def values(self):
        self._enter()
        try:
            for wr, value in list(self.data.items()):
                if wr() is not None:
                    yield value
        finally:
            self._leave()

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def __or__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakSet(_Guarded, MutableSet):
    """A set whose elements are held weakly: an element goes when it is
    freed."""

    def __init__(self, data=None):
        self.data = set()
        self_wr = ref(self)

        def remove(item):
            self = self_wr()
            if self is not None:
                if self._iterating:
                    self._pending.append(item)
                else:
                    self.data.discard(item)
        self._remove = remove
        self._pending = []
        self._iterating = 0
        if data is not None:
            self.update(data)

    def _remove_now(self, item):
        self.data.discard(item)

    def __iter__(self):
        self._enter()
        try:
            for itemref in list(self.data):
                item = itemref()
                if item is not None:
                    yield item
        finally:
            self._leave()

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return self.__class__, (list(self),), self.__getstate__()

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(
                ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)

    __class_getitem__ = classmethod(GenericAlias)


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) when
    obj is freed, or at exit if it is still alive then (unless its atexit
    attribute was set to False), whichever comes first; at most once."""

    _registry = {}
    _shutdown = False
    _index_iter = itertools.count()
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(self._index_iter)
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """Call the function now if it was not called yet: its result."""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Cancel it: (obj, func, args, kwargs) if it was alive, else None."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether it has not been called yet."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether it is called at exit if still alive."""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        chosen = [(f, i) for (f, i) in cls._registry.items() if i.atexit]
        chosen.sort(key=lambda item: item[1].index)
        return [f for (f, i) in chosen]

    @classmethod
    def _exitfunc(cls):
        reenable_gc = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception:
                        import sys
                        sys.excepthook(*sys.exc_info())
                    assert f not in cls._registry
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()
