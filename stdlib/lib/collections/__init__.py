"""Container datatypes, as CPython's collections module: deque, defaultdict,
OrderedDict, namedtuple, Counter and ChainMap."""

import _collections_abc
import sys as _sys
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap

__all__ = [
    "ChainMap", "Counter", "OrderedDict", "UserDict", "defaultdict", "deque",
    "namedtuple",
]

# Stands for "no value" where None is a legal value.
_MISSING = object()


def _index(v):
    if isinstance(v, int):
        return v
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return index(v)


# ---------------------------------------------------------------- deque

class deque:
    """deque([iterable[, maxlen]]): a double-ended queue; appends and pops at
    either end take constant time, and a full bounded deque drops items from
    the other end.

    The items sit in `_items[_head:]`; the slots before `_head` are spare room
    for appendleft, and popleft leaves its slot behind until a compaction.
    `_state` counts mutations, so iterators notice them."""

    __slots__ = ("_items", "_head", "_maxlen", "_state")

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        """Maximum size of a deque or None if unbounded."""
        return self._maxlen

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def _compact(self):
        # Drop the spare front room once it outweighs the items.
        head = self._head
        if head > 16 and head * 2 > len(self._items):
            del self._items[:head]
            self._head = 0

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        if self._maxlen is not None and len(self) >= self._maxlen:
            if self._maxlen == 0:
                return
            self._popleft()
        self._items.append(x)

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        if self._maxlen is not None and len(self) >= self._maxlen:
            if self._maxlen == 0:
                return
            self._items.pop()
        if self._head == 0:
            room = max(8, len(self._items))
            self._items[0:0] = [None] * room
            self._head = room
        self._head -= 1
        self._items[self._head] = x

    def pop(self):
        """Remove and return the rightmost element."""
        if not self:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        if not self:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._popleft()

    def _popleft(self):
        x = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        self._compact()
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._items = []
        self._head = 0

    def copy(self):
        """Return a shallow copy of a deque."""
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        """Return number of occurrences of value."""
        n = 0
        state = self._state
        for x in self._items[self._head:]:
            if x is value or x == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=_sys.maxsize):
        """Return first index of value; ValueError if it is not present."""
        start, stop = _index(start), _index(stop)
        n = len(self)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        stop = min(stop, n)
        state = self._state
        for i in range(start, stop):
            x = self._items[self._head + i]
            if x is value or x == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError(f"{value!r} is not in deque")

    def insert(self, index, value):
        """Insert value before index."""
        index = _index(index)
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        n = len(self)
        if index < 0:
            index = max(index + n, 0)
        self._state += 1
        self._items.insert(self._head + min(index, n), value)

    def remove(self, value):
        """Remove first occurrence of value."""
        for i in range(len(self)):
            x = self._items[self._head + i]
            if x is value or x == value:
                del self[i]
                return
        raise ValueError(f"{value!r} is not in deque")

    def reverse(self):
        """Reverse the elements of the deque in place."""
        self._state += 1
        items = self._items[self._head:]
        items.reverse()
        self._items = items
        self._head = 0

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1); left if n is negative."""
        n = _index(n)
        size = len(self)
        if size <= 1:
            return
        n %= size
        if n:
            self._state += 1
            items = self._items[self._head:]
            self._items = items[-n:] + items[:-n]
            self._head = 0

    def _position(self, index):
        if not isinstance(index, int):
            if hasattr(type(index), "__index__"):
                index = type(index).__index__(index)
            else:
                raise TypeError(
                    f"sequence index must be integer, not '{type(index).__name__}'"
                )
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("deque index out of range")
        return self._head + index

    def __getitem__(self, index):
        return self._items[self._position(index)]

    def __setitem__(self, index, value):
        self._items[self._position(index)] = value

    def __delitem__(self, index):
        i = self._position(index)
        self._state += 1
        del self._items[i]

    def __iter__(self):
        state = self._state
        i = self._head
        while True:
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
            if i >= len(self._items):
                return
            yield self._items[i]
            i += 1

    def __reversed__(self):
        state = self._state
        i = len(self._items) - 1
        while True:
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
            if i < self._head:
                return
            yield self._items[i]
            i -= 1

    def __contains__(self, value):
        for x in self._items[self._head:]:
            if x is value or x == value:
                return True
        return False

    def __repr__(self):
        name = type(self).__name__
        if _repr_running(self):
            return "[...]"
        try:
            body = repr(self._items[self._head:])
        finally:
            _repr_done(self)
        if self._maxlen is None:
            return f"{name}({body})"
        return f"{name}({body}, maxlen={self._maxlen})"

    def _as_list(self, other):
        if not isinstance(other, deque):
            return None
        return other._items[other._head:]

    def __eq__(self, other):
        theirs = self._as_list(other)
        if theirs is None:
            return NotImplemented
        return self._items[self._head:] == theirs

    def __ne__(self, other):
        theirs = self._as_list(other)
        if theirs is None:
            return NotImplemented
        return self._items[self._head:] != theirs

    def __lt__(self, other):
        theirs = self._as_list(other)
        if theirs is None:
            return NotImplemented
        return self._items[self._head:] < theirs

    def __le__(self, other):
        theirs = self._as_list(other)
        if theirs is None:
            return NotImplemented
        return self._items[self._head:] <= theirs

    def __gt__(self, other):
        theirs = self._as_list(other)
        if theirs is None:
            return NotImplemented
        return self._items[self._head:] > theirs

    def __ge__(self, other):
        theirs = self._as_list(other)
        if theirs is None:
            return NotImplemented
        return self._items[self._head:] >= theirs

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(
                f'can only concatenate deque (not "{type(other).__name__}") to deque'
            )
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        result = type(self)((), self._maxlen)
        for _ in range(n):
            result.extend(self._items[self._head:])
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        items = self._items[self._head:]
        self.clear()
        for _ in range(n):
            self.extend(items)
        return self


# Objects whose repr is being computed, by id, so a container inside itself
# shows as `[...]` (CPython's Py_ReprEnter).
_repr_active = set()


def _repr_running(obj):
    key = id(obj)
    if key in _repr_active:
        return True
    _repr_active.add(key)
    return False


def _repr_done(obj):
    _repr_active.discard(id(obj))


# ---------------------------------------------------------------- defaultdict

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]): a dict that calls
    default_factory to supply a missing key's value."""

    def __init__(self, *args, **kwargs):
        factory = None
        if args:
            factory, args = args[0], args[1:]
            if factory is not None and not callable(factory):
                raise TypeError("first argument must be callable or None")
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        if _repr_running(self):
            return "..."
        try:
            factory = repr(self.default_factory)
            body = dict.__repr__(self)
        finally:
            _repr_done(self)
        return f"{type(self).__name__}({factory}, {body})"

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result


# ---------------------------------------------------------------- OrderedDict

class OrderedDict(dict):
    """A dict that remembers insertion order, can reorder its keys, and
    compares order-sensitively with another OrderedDict."""

    def move_to_end(self, key, last=True):
        """Move an existing key to either end (the right if last is true)."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair, LIFO if last else FIFO."""
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        if _repr_running(self):
            return "..."
        try:
            body = repr(list(self.items()))
        finally:
            _repr_done(self)
        return f"{type(self).__name__}({body})"

    def __reversed__(self):
        return reversed(list(self))

    def copy(self):
        """od.copy() -> a shallow copy of od."""
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        result.update(self)
        return result


# ---------------------------------------------------------------- namedtuple

_KEYWORDS = frozenset([
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally",
    "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
])


def _field_property(index, doc):
    return property(lambda self: self[index], None, None, doc)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new subclass of tuple with named fields, e.g. namedtuple('Point', ['x', 'y'])."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith("_") or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError(
                f"Type names and field names must be valid identifiers: {name!r}"
            )
        if name in _KEYWORDS:
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    fields = tuple(field_names)
    num_fields = len(fields)
    arg_list = ", ".join(fields)
    if num_fields == 1:
        arg_list += ","
    # __new__ is compiled inside a class of the type's name, so its errors
    # read `Point.__new__() missing ...` as CPython's do.
    params = []
    first_default = num_fields - len(field_defaults)
    for i, name in enumerate(fields):
        params.append(name if i < first_default else f"{name}=_d[{i - first_default}]")
    namespace = {
        "__name__": f"namedtuple_{typename}",
        "_tuple_new": tuple.__new__,
        "_d": tuple(field_defaults.values()),
    }
    source = (
        f"class {typename}:\n"
        f"    def __new__(_cls, {', '.join(params)}):\n"
        f"        return _tuple_new(_cls, ({arg_list}))\n"
    )
    exec(source, namespace)
    __new__ = namespace[typename].__new__
    __new__.__doc__ = f"Create new instance of {typename}({arg_list.rstrip(',')})"

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f"Expected {num_fields} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value) for name, value in zip(fields, self)])
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self):
        body = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self))
        return f"{self.__class__.__name__}({body})"

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple. Used by copy and pickle."""
        return tuple(self)

    class_namespace = {
        "__doc__": f"{typename}({arg_list.rstrip(',')})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = _field_property(index, f"Alias for field number {index}")
    result = type(typename, (tuple,), class_namespace)
    result.__module__ = module if module is not None else "__main__"
    return result


# ---------------------------------------------------------------- Counter

class Counter(dict):
    """A dict that counts hashable items: c[item] is how many (0 if absent)."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """Sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common elements and their counts, most common first."""
        ranked = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        """Each element as many times as its count (elements below one are left out)."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead."
        )

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of elements or from a mapping."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts from an iterable of elements or from a mapping."""
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f"{self.__class__.__name__}()"
        try:
            body = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
            return f"{self.__class__.__name__}({{{body}}})"
        except TypeError:
            return f"{self.__class__.__name__}({dict.__repr__(self)})"

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        """Adds an empty counter, effectively stripping negative and zero counts."""
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        """Subtracts from an empty counter: negative counts become positive."""
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


# ---------------------------------------------------------------- ChainMap

class ChainMap(_collections_abc.MutableMapping):
    """Several mappings seen as one: lookups search them in order; writes
    and deletions go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        value = args[0] if args else None
        return cls({key: value for key in iterable})

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        """Remove and return an item pair from maps[0]."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        """Remove key from maps[0] and return its value."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


# ---------------------------------------------------------------- UserDict

class UserDict(_collections_abc.MutableMapping):
    """A dict-like class whose contents sit in the real dict `data`."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def copy(self):
        return type(self)(self.data)
