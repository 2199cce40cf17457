"""Registries and helpers the pickle and copy modules share: reduction
functions for types (`pickle`, `dispatch_table`), the extension registry,
the constructors reduce values name (`__newobj__`, `__newobj_ex__`,
`_reconstructor`), and the default reduction of instances that backs
`object.__reduce_ex__`, `object.__getstate__` and BaseException's
`__reduce__` in the virtual machine."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register `pickle_function` as the reduction of instances of `ob_type`."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


# Builtin types a class may derive from; the default reduction of protocols
# 0 and 1 rebuilds the instance from the first of them in its MRO.
_BUILTIN_BASES = (int, float, complex, str, bytes, bytearray, tuple, list,
                  dict, set, frozenset, object)


def _type_name(cls):
    module = getattr(cls, '__module__', 'builtins')
    name = getattr(cls, '__qualname__', cls.__name__)
    if module == 'builtins':
        return name
    return module + '.' + name


def _reduce_ex(self, proto):
    """The reduction of protocols 0 and 1 (and of `object.__reduce__`)."""
    cls = self.__class__
    for base in cls.__mro__:
        if base in _BUILTIN_BASES:
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    getstate = getattr(self, '__getstate__', None)
    if getstate is None:
        dict = None
    else:
        if (type(self).__getstate__ is object.__getstate__
                and _slotnames(cls) and not _has_dict(cls)):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        dict = getstate()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


def _slotnames(cls):
    """The names of the slots of `cls` and its bases, private names mangled."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    for c in cls.__mro__:
        if "__slots__" not in c.__dict__:
            continue
        slots = c.__dict__["__slots__"]
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


def _has_dict(cls):
    """Whether instances of `cls` have a `__dict__` in CPython's sense: some
    class of its MRO other than object has no `__slots__`, or lists
    `__dict__` in them."""
    for c in cls.__mro__:
        if c is object or c in _BUILTIN_BASES:
            continue
        slots = c.__dict__.get("__slots__")
        if slots is None:
            return True
        if isinstance(slots, str):
            slots = (slots,)
        if "__dict__" in slots:
            return True
    return False


# Instance attributes that hold the state of BaseException itself.
_EXCEPTION_FIELDS = ('args', '__cause__', '__context__', '__traceback__',
                     '__suppress_context__')


def _instance_dict(obj):
    try:
        d = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        return None
    if isinstance(obj, BaseException):
        d = {k: v for k, v in d.items() if k not in _EXCEPTION_FIELDS}
    return d


def _object_getstate(obj, required=False):
    """`object.__getstate__()`: the instance dict (None when empty), paired
    with a dict of slot values when the class has slots."""
    cls = type(obj)
    d = _instance_dict(obj)
    slotnames = _slotnames(cls) if hasattr(cls, '__mro__') else []
    if required and d is None and not slotnames and cls is not object:
        raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    if slotnames:
        slots = {}
        rest = {}
        for k, v in (d or {}).items():
            if k in slotnames:
                slots[k] = v
            else:
                rest[k] = v
        state = rest if (rest and _has_dict(cls)) else None
        if d is not None and not rest and _has_dict(cls):
            state = None
        ordered = {}
        for name in slotnames:
            if name in slots:
                ordered[name] = slots[name]
        if ordered:
            return (state, ordered)
        return state
    if not d:
        return None
    return d


def _getnewargs(obj):
    """The (args, kwargs) a protocol 2+ reduction passes to `__new__`."""
    cls = type(obj)
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        newargs = getnewargs_ex()
        if not isinstance(newargs, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, "
                            f"not '{type(newargs).__name__}'")
        if len(newargs) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of "
                             f"length 2, not {len(newargs)}")
        args, kwargs = newargs
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by "
                            "__getnewargs_ex__ must be a tuple, "
                            f"not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by "
                            "__getnewargs_ex__ must be a dict, "
                            f"not '{type(kwargs).__name__}'")
        return args, kwargs
    getnewargs = getattr(obj, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, "
                            f"not '{type(args).__name__}'")
        return args, None
    # The builtin value types rebuild from their value, as their own
    # __getnewargs__ do in CPython.
    for base in (int, float, complex, str, bytes, tuple, frozenset):
        if isinstance(obj, base):
            if base is frozenset:
                return (list(obj),), None
            return (base(obj),), None
    return None, None


# Reductions of builtin types whose own __reduce__ the VM does not have.
_BUILTIN_REDUCE = {
    range: lambda r: (range, (r.start, r.stop, r.step)),
    slice: lambda s: (slice, (s.start, s.stop, s.step)),
}


def _object_reduce_ex(obj, proto):
    """`object.__reduce_ex__(proto)`."""
    cls = type(obj)
    builtin = _BUILTIN_REDUCE.get(cls)
    if builtin is not None:
        return builtin(obj)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None and reduce is not object.__reduce__:
        return obj.__reduce__()
    if proto >= 2:
        return _reduce_newobj(obj)
    return _reduce_ex(obj, proto)


def _reduce_newobj(obj):
    cls = type(obj)
    if getattr(cls, '__new__', None) is None:
        raise TypeError(f"cannot pickle {_type_name(cls)!r} object")
    args, kwargs = _getnewargs(obj)
    hasargs = args is not None
    if not kwargs:
        newobj = __newobj__
        newargs = (cls,) + (args or ())
    else:
        newobj = __newobj_ex__
        newargs = (cls, args, kwargs)
    required = not hasargs and not isinstance(obj, (list, dict))
    if type(obj).__getstate__ is object.__getstate__:
        state = _object_getstate(obj, required)
    else:
        state = obj.__getstate__()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return newobj, newargs, state, listitems, dictitems


def _exception_reduce(exc):
    """`BaseException.__reduce__()`: the class, the args, and the instance
    dict when it holds anything."""
    d = _instance_dict(exc)
    if d:
        return type(exc), exc.args, d
    return type(exc), exc.args


def _exception_setstate(exc, state):
    """`BaseException.__setstate__(state)`."""
    if state is not None:
        if not isinstance(state, dict):
            raise TypeError("state is not a dictionary")
        for k, v in state.items():
            setattr(exc, k, v)
    return None


# The extension registry: (module, name) <-> code, for protocol 2's EXT ops.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code."""
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
