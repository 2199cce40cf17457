"""Names for the types of the interpreter's own objects, and a few helpers
for making classes and simple namespaces."""

import sys


def _function():
    pass


FunctionType = type(_function)
LambdaType = type(lambda: None)
CodeType = type(_function.__code__)


def _generator():
    yield 1


GeneratorType = type(_generator())


class _C:
    def _method(self):
        pass


MethodType = type(_C()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(...)

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame)


class SimpleNamespace:
    """An object whose attributes are its keyword arguments."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        if self in _repr_running:
            return f"{type(self).__name__}(...)"
        _repr_running.append(self)
        try:
            items = (f"{k}={v!r}" for k, v in self.__dict__.items())
            name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
            return f"{name}({', '.join(items)})"
        finally:
            _repr_running.remove(self)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


_repr_running = []


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Make a class as a class statement would: the right metaclass, its
    __prepare__, then exec_body(namespace)."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)


def resolve_bases(bases):
    """Replace bases that define __mro_entries__ by what it returns."""
    new_bases = list(bases)
    changed = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        entries = base.__mro_entries__(bases)
        changed = True
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = entries
        shift += len(entries) - 1
    return tuple(new_bases) if changed else bases


def prepare_class(name, bases=(), kwds=None):
    """The metaclass, the namespace from its __prepare__, and the keywords
    left for the metaclass."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class "
                        "must be a (non-strict) subclass of the metaclasses "
                        "of all its bases")
    return winner


def _alias_arg_repr(arg):
    if arg is ...:
        return "..."
    if isinstance(arg, type) and not isinstance(arg, GenericAlias):
        if arg.__module__ == "builtins":
            return arg.__qualname__
        return f"{arg.__module__}.{arg.__qualname__}"
    if isinstance(arg, list):
        return "[" + ", ".join(_alias_arg_repr(a) for a in arg) + "]"
    return repr(arg)


class GenericAlias:
    """A builtin class subscripted with types: list[int], dict[str, int]."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        params = []
        for a in args:
            if hasattr(a, "__typing_subst__") or type(a).__name__ in ("TypeVar", "ParamSpec"):
                if a not in params:
                    params.append(a)
            else:
                for p in getattr(a, "__parameters__", ()) if not isinstance(a, type) else ():
                    if p not in params:
                        params.append(p)
        self.__parameters__ = tuple(params)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __repr__(self):
        if not self.__args__:
            return f"{_alias_arg_repr(self.__origin__)}[()]"
        return (f"{_alias_arg_repr(self.__origin__)}["
                + ", ".join(_alias_arg_repr(a) for a in self.__args__) + "]")

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getitem__(self, args):
        if not self.__parameters__:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        if len(args) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(args) > len(self.__parameters__) else 'few'}"
                            f" arguments for {self!r}")
        subst = dict(zip(self.__parameters__, args))

        def sub(a):
            if a in subst if not isinstance(a, list) else False:
                return subst[a]
            if isinstance(a, GenericAlias) or hasattr(a, "copy_with"):
                params = getattr(a, "__parameters__", ())
                if params:
                    return a[tuple(subst.get(p, p) for p in params)]
            return a
        return GenericAlias(self.__origin__, tuple(sub(a) for a in self.__args__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __or__(self, other):
        import typing
        return typing.Union[self, other]

    def __ror__(self, other):
        import typing
        return typing.Union[other, self]

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)
