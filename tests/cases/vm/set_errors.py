# Failure paths of set, frozenset and dict views: CPython's exceptions and
# messages.


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


# Unhashable elements and sets as keys.
attempt("set of list", lambda: {[1]})
attempt("add list", lambda: {1}.add([2]))
attempt("set([[1]])", lambda: set([[1]]))
attempt("frozenset([{}])", lambda: frozenset([{}]))
attempt("comprehension", lambda: {x for x in [[1]]})
attempt("hash(set)", lambda: hash({1}))
attempt("set as key", lambda: {{1}: 2})
attempt("set in dict", lambda: {1} in {})
attempt("list in set", lambda: [1] in {1})
attempt("dict in frozenset", lambda: {} in frozenset())
attempt("hash(keys)", lambda: hash({}.keys()))
attempt("hash(items)", lambda: hash({}.items()))
attempt("frozenset of set", lambda: frozenset([{1}]))

# Missing elements.
attempt("remove", lambda: {1}.remove(2))
attempt("remove tuple", lambda: {1}.remove((1, 2)))
attempt("remove set", lambda: {1}.remove({3}))
attempt("remove list", lambda: {1}.remove([1]))
attempt("discard list", lambda: {1}.discard([1]))
attempt("pop empty", lambda: set().pop())
s = {1}
s.pop()
attempt("pop emptied", lambda: s.pop())

# Wrong argument counts, keywords, receivers.
attempt("set(1, 2)", lambda: set(1, 2))
attempt("frozenset(1, 2)", lambda: frozenset([1], [2]))
attempt("set(x=1)", lambda: set(x=1))
attempt("frozenset(x=1)", lambda: frozenset(iterable=[1]))
attempt("add()", lambda: {1}.add())
attempt("add(1, 2)", lambda: {1}.add(1, 2))
attempt("clear(1)", lambda: {1}.clear(1))
attempt("pop(0)", lambda: {1}.pop(0))
attempt("copy(1)", lambda: frozenset().copy(1))
attempt("issubset()", lambda: {1}.issubset())
attempt("isdisjoint(1, 2)", lambda: {1}.isdisjoint(1, 2))
attempt("symmetric_difference()", lambda: {1}.symmetric_difference())
attempt("union(x=1)", lambda: {1}.union(x=[1]))
attempt("add(key=1)", lambda: {1}.add(key=1))
attempt("set.add(fs)", lambda: set.add(frozenset(), 1))
attempt("set.add(list)", lambda: set.add([], 1))
attempt("frozenset.union(set)", lambda: frozenset.union({1}))
attempt("set.union()", lambda: set.union())
attempt("frozenset.add", lambda: frozenset().add(1))
attempt("frozenset.update", lambda: frozenset().update([1]))
attempt("keys.isdisjoint()", lambda: {}.keys().isdisjoint())
attempt("values.isdisjoint", lambda: {}.values().isdisjoint([]))
attempt("keys(1)", lambda: {}.keys(1))

# Non-iterable arguments.
attempt("set(1)", lambda: set(1))
attempt("update(1)", lambda: {1}.update([2], 1))
attempt("union(None)", lambda: {1}.union(None))
attempt("intersection(1)", lambda: {1}.intersection(1))
attempt("difference(1.5)", lambda: {1}.difference(1.5))
attempt("issubset(1)", lambda: {1}.issubset(1))
attempt("issuperset(1)", lambda: {1}.issuperset(1))
attempt("isdisjoint(1)", lambda: {1}.isdisjoint(1))
attempt("symmetric_difference_update(1)", lambda: {1}.symmetric_difference_update(1))
attempt("keys | 1", lambda: {}.keys() | 1)
attempt("1 - keys", lambda: 1 - {}.keys())
attempt("keys & None", lambda: {}.keys() & None)

# Operators with operands that are not sets.
attempt("set | list", lambda: {1} | [2])
attempt("list & set", lambda: [2] & {1})
attempt("set - tuple", lambda: {1} - (1,))
attempt("set ^ str", lambda: {1} ^ "a")
attempt("set + set", lambda: {1} + {2})
attempt("set * 2", lambda: {1} * 2)
attempt("frozenset - list", lambda: frozenset() - [])
attempt("values | set", lambda: {}.values() | {1})
attempt("values & values", lambda: {}.values() & {}.values())
attempt("-set", lambda: -{1})
s = {1}
try:
    s |= [2]
except TypeError as e:
    print("|= list ->", e)
try:
    s &= (1,)
except TypeError as e:
    print("&= tuple ->", e)
f = frozenset()
try:
    f -= [1]
except TypeError as e:
    print("frozenset -= list ->", e)
print(s, f)

# Ordering comparisons with non-sets.
attempt("set < list", lambda: {1} < [1])
attempt("set >= int", lambda: {1} >= 1)
attempt("frozenset > None", lambda: frozenset() > None)
attempt("keys <= tuple", lambda: {}.keys() <= ())
attempt("values < set", lambda: {}.values() < set())
attempt("items > list", lambda: {}.items() > [])

# Not subscriptable, not reversible, not callable.
one = {1}
attempt("set[0]", lambda: one[0])
attempt("keys[0]", lambda: {1: 2}.keys()[0])
attempt("reversed(set)", lambda: reversed({1}))
attempt("reversed(frozenset)", lambda: reversed(frozenset()))
attempt("dict_keys()", lambda: type({}.keys())())
attempt("set(x)(1)", lambda: set()(1))


# Changing a set or dict while iterating over it.
def grow_set():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)


def shrink_set():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)


def grow_dict():
    d = {"a": 1}
    for k in d:
        d[k + k] = 1


def shrink_dict():
    d = {1: 1, 2: 2}
    for k in d.values():
        d.pop(1)


def grow_items():
    d = {1: 1}
    for k, v in d.items():
        d[k + 1] = v


def grow_reversed():
    d = {1: 1, 2: 2}
    for k in reversed(d):
        d[k + 10] = 0


for f in (grow_set, shrink_set, grow_dict, shrink_dict, grow_items, grow_reversed):
    attempt(f.__name__, f)

# The error sticks; a finished iterator stays finished.
s = {1, 2}
it = iter(s)
next(it)
s.add(3)
attempt("next after add", lambda: next(it))
s.discard(3)
attempt("next again", lambda: next(it))
s = {1}
it = iter(s)
print(list(it))
s.add(2)
print(list(it))
d = {1: 1}
it = iter(d.items())
print(list(it))
d[2] = 2
print(list(it))
# Changing values, or keys and then back to the same size, is allowed.
d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 10
print(d)
s = {1, 2}
for x in s:
    s.add(99)
    s.discard(99)
print(s)
