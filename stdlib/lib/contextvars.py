"""Context variables, as CPython's contextvars: a Context maps ContextVars
to values; each thread has a current Context, and Context.run makes
another one current for the length of a call. copy_context() is cheap:
copies share one dict until either side sets a variable (copy on write)."""

from _thread import get_ident as _get_ident

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_MISSING = object()
_running = {}  # thread ident -> the Context entered with run() on it
_base = {}     # thread ident -> (thread object, the Context outside any run())


def _current():
    ident = _get_ident()
    ctx = _running.get(ident)
    if ctx is not None:
        return ctx
    import threading
    thread = threading.current_thread()
    entry = _base.get(ident)
    if entry is None or entry[0] is not thread:
        entry = (thread, Context())
        _base[ident] = entry
    return entry[1]


def copy_context():
    """A copy of the current thread's context."""
    return _current().copy()


def _check_key(key):
    if not isinstance(key, ContextVar):
        raise TypeError(f"a ContextVar key was expected, got {key!r}")


class Context:
    """A mapping of ContextVars to values; run() makes it current."""

    __slots__ = ("_data", "_shared", "_entered")

    def __init__(self):
        self._data = {}
        self._shared = False
        self._entered = False

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'Context' is not an acceptable base type")

    def run(self, callable, /, *args, **kwargs):
        """Call callable(*args, **kwargs) with this context current."""
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self} is already entered")
        ident = _get_ident()
        prev = _running.get(ident)
        self._entered = True
        _running[ident] = self
        try:
            return callable(*args, **kwargs)
        finally:
            if prev is None:
                del _running[ident]
            else:
                _running[ident] = prev
            self._entered = False

    def copy(self):
        """A new Context with the same variables."""
        new = Context()
        new._data = self._data
        new._shared = self._shared = True
        return new

    def _writable(self):
        if self._shared:
            self._data = dict(self._data)
            self._shared = False
        return self._data

    def __getitem__(self, var):
        _check_key(var)
        return self._data[var]

    def get(self, var, default=None):
        _check_key(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        _check_key(var)
        return var in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


class ContextVar:
    """A variable whose value depends on the current Context."""

    __slots__ = ("_name", "_default")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, default=_MISSING):
        """The value in the current context, else `default`, else the
        variable's default; LookupError when there is none."""
        data = _current()._data
        if self in data:
            return data[self]
        if default is not _MISSING:
            return default
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        """Set the value in the current context; returns a Token for reset()."""
        ctx = _current()
        data = ctx._data
        old = data.get(self, Token.MISSING)
        ctx._writable()[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        """Put the variable back as it was before the set() that made `token`."""
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        data = ctx._writable()
        if token._old is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old
        token._used = True

    def __repr__(self):
        default = ""
        if self._default is not _MISSING:
            default = f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at {id(self):#x}>"

    def __class_getitem__(cls, item):
        return cls


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    """What ContextVar.set() returns: the variable and its previous value."""

    __slots__ = ("_ctx", "_var", "_old", "_used")

    MISSING = _Missing()

    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at {id(self):#x}>"

    def __class_getitem__(cls, item):
        return cls
