"""Abstract base classes, as CPython's abc module (PEP 3119).

ABCMeta records a class's abstract methods, refuses to instantiate a class
that still has some, and answers isinstance()/issubclass() through
__subclasshook__, the classes registered as virtual subclasses, and real
inheritance, remembering answers until the next register().
"""

__all__ = [
    "ABCMeta", "ABC", "abstractmethod", "abstractclassmethod",
    "abstractstaticmethod", "abstractproperty", "get_cache_token",
    "update_abstractmethods",
]

# Bumped by every register(): cached negative answers older than it are stale.
_invalidation_counter = 0


def get_cache_token():
    """A token that changes whenever a virtual subclass is registered."""
    return _invalidation_counter


def abstractmethod(funcobj):
    """Mark a method abstract: a class with one cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod."""

    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    # classmethod/staticmethod/property wrapping an abstract function.
    for inner in ("__func__", "fget"):
        f = getattr(value, inner, None)
        if f is not None and getattr(f, "__isabstractmethod__", False):
            return True
    return False


def _abstracts(cls, namespace, bases):
    found = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                found.add(name)
    return frozenset(found)


class ABCMeta(type):
    """Metaclass for abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts(cls, namespace, bases)
        cls._abc_registry = []
        cls._abc_subclasses = []
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = _invalidation_counter
        for base in bases:
            known = getattr(base, "_abc_subclasses", None)
            if known is not None and isinstance(base, ABCMeta):
                known.append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        abstract = getattr(cls, "__abstractmethods__", None)
        if abstract:
            names = sorted(abstract)
            s = "" if len(names) == 1 else "s"
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} "
                f"with abstract method{s} {', '.join(names)}"
            )
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register subclass as a virtual subclass of cls; returns subclass."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _invalidation_counter:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = _invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        answer = cls._abc_check(subclass)
        if answer:
            cls._abc_cache.add(subclass)
        else:
            cls._abc_negative_cache.add(subclass)
        return answer

    def _abc_check(cls, subclass):
        hook = getattr(cls, "__subclasshook__", None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        if cls in subclass.__mro__:
            return True
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                return True
        for scls in cls._abc_subclasses:
            if issubclass(subclass, scls):
                return True
        return False

    def _dump_registry(cls, file=None):
        """Debug helper: print the ABC's registry and caches."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        print(f"_abc_registry: {cls._abc_registry!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or removed."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    found = set()
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                found.add(name)
    for name in dir(cls):
        if _is_abstract(getattr(cls, name, None)):
            found.add(name)
    cls.__abstractmethods__ = frozenset(found)
    return cls


class ABC(metaclass=ABCMeta):
    """Base class for abstract classes: subclass it instead of naming ABCMeta."""

    __slots__ = ()
