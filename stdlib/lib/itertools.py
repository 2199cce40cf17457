"""Iterator building blocks, as CPython's itertools module.

Each function checks its arguments when called (so errors come where CPython
raises them) and then hands the work to a generator. count, repeat and chain
are classes, because their reprs and `chain.from_iterable` are part of the
interface.
"""

import sys as _sys

# Stands for "no value": a missing argument, a key not computed yet.
_MARK = object()

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement",
    "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby",
    "islice", "pairwise", "permutations", "product", "repeat", "starmap",
    "takewhile", "tee", "zip_longest",
]


def _no_keywords(name, kwargs):
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")


def _arity(name, args, low, high):
    n = len(args)
    if low == high and n != low:
        s = "" if low == 1 else "s"
        raise TypeError(f"{name} expected {low} argument{s}, got {n}")
    if n < low:
        s = "" if low == 1 else "s"
        raise TypeError(f"{name} expected at least {low} argument{s}, got {n}")
    if n > high:
        raise TypeError(f"{name} expected at most {high} arguments, got {n}")


def _parse(name, params, required, args, kwargs):
    """Match arguments to params as CPython's argument clinic does, with its messages."""
    n = len(params)
    if len(args) > n:
        raise TypeError(f"{name}() takes at most {n} arguments ({len(args)} given)")
    values = list(args) + [_MARK] * (n - len(args))
    for k, v in kwargs.items():
        if k not in params:
            raise TypeError(f"{name}() got an unexpected keyword argument '{k}'")
        i = params.index(k)
        if values[i] is not _MARK:
            raise TypeError(
                f"argument for {name}() given by name ('{k}') and position ({i + 1})"
            )
        values[i] = v
    for i in range(required):
        if values[i] is _MARK:
            raise TypeError(
                f"{name}() missing required argument '{params[i]}' (pos {i + 1})"
            )
    return values


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, *args, **kwargs):
        start, step = _parse("count", ("start", "step"), 0, args, kwargs)
        start = 0 if start is _MARK else start
        step = 1 if step is _MARK else step
        for v in (start, step):
            if not isinstance(v, (int, float, complex)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {step!r})"


class repeat:
    """repeat(object[, times]): object, again and again (times times)."""

    def __init__(self, *args, **kwargs):
        if len(args) > 2:
            raise TypeError(f"repeat() takes at most 2 arguments ({len(args)} given)")
        for k in kwargs:
            if k not in ("object", "times"):
                raise TypeError(f"repeat() got an unexpected keyword argument '{k}'")
        if args:
            obj = args[0]
            if "object" in kwargs:
                raise TypeError("argument for repeat() given by name ('object') and position (1)")
        elif "object" in kwargs:
            obj = kwargs["object"]
        else:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        times = args[1] if len(args) > 1 else kwargs.get("times")
        self._obj = obj
        if times is None and len(args) < 2 and "times" not in kwargs:
            self._left = None
        else:
            if not isinstance(times, int):
                raise TypeError(
                    f"'{type(times).__name__}' object cannot be interpreted as an integer"
                )
            self._left = max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._left})"


def cycle(*args, **kwargs):
    """cycle(iterable): its items, over and over."""
    _no_keywords("cycle", kwargs)
    _arity("cycle", args, 1, 1)
    return _cycle(iter(args[0]))


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def accumulate(*args, **kwargs):
    """accumulate(iterable[, func, *, initial]): running totals (or results of func)."""
    initial = kwargs.pop("initial", None)
    iterable, func = _parse("accumulate", ("iterable", "func"), 1, args, kwargs)
    func = None if func is _MARK else func
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, total):
    if total is not None:
        yield total
    else:
        for total in it:
            yield total
            break
        else:
            return
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


class chain:
    """chain(*iterables): the items of each iterable in turn."""

    def __init__(self, *iterables, **kwargs):
        _no_keywords("chain", kwargs)
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, *args):
        """chain.from_iterable(iterable): chain over the iterables it yields."""
        if len(args) != 1:
            raise TypeError(
                f"chain.from_iterable() takes exactly one argument ({len(args)} given)"
            )
        self = cls.__new__(cls)
        self._sources = iter(args[0])
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._sources is None:
                    raise StopIteration
                try:
                    self._active = iter(next(self._sources))
                except StopIteration:
                    self._sources = None
                    raise
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


def compress(*args, **kwargs):
    """compress(data, selectors): the items of data whose selector is true."""
    data, selectors = _parse("compress", ("data", "selectors"), 2, args, kwargs)
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(*args, **kwargs):
    """dropwhile(predicate, iterable): the items from the first that fails predicate."""
    _no_keywords("dropwhile", kwargs)
    _arity("dropwhile", args, 2, 2)
    return _dropwhile(args[0], iter(args[1]))


def _dropwhile(pred, it):
    for x in it:
        if not pred(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(*args, **kwargs):
    """takewhile(predicate, iterable): the items up to the first that fails predicate."""
    _no_keywords("takewhile", kwargs)
    _arity("takewhile", args, 2, 2)
    return _takewhile(args[0], iter(args[1]))


def _takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x


def filterfalse(*args, **kwargs):
    """filterfalse(function or None, iterable): the items for which function is false."""
    _no_keywords("filterfalse", kwargs)
    _arity("filterfalse", args, 2, 2)
    return _filterfalse(args[0], iter(args[1]))


def _filterfalse(pred, it):
    if pred is None:
        pred = bool
    for x in it:
        if not pred(x):
            yield x


class groupby:
    """groupby(iterable, key=None): (key, group iterator) for each run of equal keys."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _MARK
        self._id = object()

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey is _MARK or self._currkey == self._tgtkey:
            self._step()
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _step(self):
        value = next(self._it)
        self._currvalue = value
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)

    def _grouper(self, tgtkey, owner):
        while self._id is owner and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._step()
            except StopIteration:
                return



def islice(*args, **kwargs):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""
    _no_keywords("islice", kwargs)
    _arity("islice", args, 2, 4)
    it = iter(args[0])
    if len(args) == 2:
        start, stop, step = None, args[1], None
    else:
        start, stop = args[1], args[2]
        step = args[3] if len(args) == 4 else None
    stop = _index(stop, "Stop argument", True)
    start = _index(start, "Indices", False) or 0
    if step is None:
        step = 1
    elif not isinstance(step, int) or step <= 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(it, start, stop, step)


def _index(v, what, is_stop):
    if v is None:
        return None
    if not isinstance(v, int) and hasattr(type(v), "__index__"):
        v = v.__index__()
    if isinstance(v, int) and 0 <= v <= _sys.maxsize:
        return v
    if is_stop:
        raise ValueError(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        )
    raise ValueError(
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
    )


def _islice(it, start, stop, step):
    if stop is None:
        indices = count(start, step)
    else:
        indices = iter(range(start, stop, step))
    for nexti in indices:
        break
    else:
        # Nothing to yield: consume up to start, as CPython does.
        for _ in zip(range(start), it):
            pass
        return
    i = -1
    for i, x in enumerate(it):
        if i == nexti:
            yield x
            for nexti in indices:
                break
            else:
                # Consume up to stop, so the source ends where CPython leaves it.
                for _ in zip(range(i + 1, stop), it):
                    pass
                return


def pairwise(*args, **kwargs):
    """pairwise(iterable): (a, b), (b, c), ... for successive items."""
    _no_keywords("pairwise", kwargs)
    _arity("pairwise", args, 1, 1)
    return _pairwise(iter(args[0]))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield (a, b)
        a = b


def starmap(*args, **kwargs):
    """starmap(function, iterable): function(*args) for each args of iterable."""
    _no_keywords("starmap", kwargs)
    _arity("starmap", args, 2, 2)
    return _starmap(args[0], iter(args[1]))


def _starmap(func, it):
    for a in it:
        # tuple() first, so a non-iterable item is reported as CPython's
        # starmap reports it ("'int' object is not iterable").
        yield func(*tuple(a))


class _TeeLink:
    """One cell of the linked list that the iterators of one tee share."""

    __slots__ = ("value", "next")

    def __init__(self):
        self.next = None


class _tee:
    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._it)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    """tee(iterable, n=2): n independent iterators over iterable."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    if n == 0:
        return ()
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _TeeLink())
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])


def zip_longest(*iterables, **kwargs):
    """zip_longest(*iterables, fillvalue=None): zip, padding the short ones."""
    fill = None
    for k, v in kwargs.items():
        if k != "fillvalue":
            raise TypeError("zip_longest() got an unexpected keyword argument")
        fill = v
    its = [iter(x) for x in iterables]
    return _zip_longest(its, fill)


def _zip_longest(its, fill):
    active = len(its)
    if not active:
        return
    while True:
        row = []
        for i, it in enumerate(its):
            if it is None:
                row.append(fill)
                continue
            try:
                row.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                row.append(fill)
        yield tuple(row)


def product(*iterables, **kwargs):
    """product(*iterables, repeat=1): the cartesian product, as nested loops."""
    repeat = 1
    for k, v in kwargs.items():
        if k != "repeat":
            raise TypeError(f"'{k}' is an invalid keyword argument for product()")
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
        repeat = v
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(x) for x in iterables] * repeat
    return _product(pools)


def _product(pools):
    for p in pools:
        if not p:
            return
    n = len(pools)
    idx = [0] * n
    yield tuple([p[0] for p in pools])
    while True:
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[j][idx[j]] for j in range(n)])


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError(f"'{type(r).__name__}' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")


def permutations(*args, **kwargs):
    """permutations(iterable, r=None): r-length orderings of its items."""
    iterable, r = _parse("permutations", ("iterable", "r"), 1, args, kwargs)
    pool = tuple(iterable)
    if r is None or r is _MARK:
        r = len(pool)
    _check_r(r)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(*args, **kwargs):
    """combinations(iterable, r): r-length subsequences, in order."""
    iterable, r = _parse("combinations", ("iterable", "r"), 2, args, kwargs)
    pool = tuple(iterable)
    _check_r(r)
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(*args, **kwargs):
    """combinations_with_replacement(iterable, r): r-length multisets, in order."""
    iterable, r = _parse("combinations_with_replacement", ("iterable", "r"), 2, args, kwargs)
    pool = tuple(iterable)
    _check_r(r)
    return _combinations_wr(pool, r)


def _combinations_wr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
