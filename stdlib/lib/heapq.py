"""Heap queue algorithm (a.k.a. priority queue).

Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k.
The list operations are native (_heapq); merge, nlargest and nsmallest are
built on them here.
"""

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heappop_max, _heapify_max, _heapreplace_max)

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output, lazily.

    Ties go to the input given first. With reverse=True the inputs must be
    sorted from largest to smallest.
    """
    # Each entry: [sort key, tie-breaker, value, iterator]. The tie-breaker
    # is the input's position (negated when reversed, since the max-heap
    # then takes the larger one first), so values themselves never compare.
    sign = -1 if reverse else 1
    entries = []
    for position, iterator in enumerate(map(iter, iterables)):
        for value in iterator:
            k = value if key is None else key(value)
            entries.append([k, position * sign, value, iterator])
            break
    if reverse:
        _heapify_max(entries)
        pop, replace = _heappop_max, _heapreplace_max
    else:
        heapify(entries)
        pop, replace = heappop, heapreplace
    while entries:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            replace(entries, top)
            break
        else:
            pop(entries)


def _select(n, iterable, key, reverse):
    """The first n items of sorted(iterable, key=key, reverse=reverse)."""
    if n == 1:
        missing = object()
        pick = max if reverse else min
        best = pick(iter(iterable), default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=reverse)[:n]
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=reverse)[:n]


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    return _select(n, iterable, key, True)
