import functools
from functools import (reduce, partial, partialmethod, wraps, lru_cache, cache,
                       total_ordering, cmp_to_key, cached_property, singledispatch)

def fails(label, f, *args, **kwargs):
    try:
        print(label, 'no error', f(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)

# reduce
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
fails('reduce empty', reduce, lambda a, b: a, [])
fails('reduce one arg', reduce, len)
fails('reduce not iterable', reduce, len, 3)

# partial
p = partial(int, base=2)
print(p('1010'), p.func is int, p.args, p.keywords, repr(p))
q = partial(pow, 2)
print(q(10), repr(q))
nested = partial(partial(max, 1, key=abs), -5)
print(nested(3), nested.args, nested.keywords, nested.func is max)
print(partial(sorted, key=len)(['ccc', 'a', 'bb'], reverse=True))
fails('partial none', partial)
fails('partial not callable', partial, 3)

class Cell:
    def __init__(self):
        self.v = None
    def set(self, v, tag=''):
        self.v = (v, tag)
    set_one = partialmethod(set, 1)
    set_two = partialmethod(set, 2, tag='two')
c = Cell(); c.set_one(); print(c.v); c.set_two(); print(c.v)
c.set_one(tag='t'); print(c.v)

# wraps
def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k) * 2
    return wrapper

@deco
def double_me(x: int) -> int:
    """Doubles."""
    return x
print(double_me(4), double_me.__name__, double_me.__doc__, double_me.__wrapped__(4), double_me.__annotations__)
print(double_me.__qualname__, double_me.__module__)

# lru_cache / cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 2, 1)], calls, sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq.cache_parameters())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().misses, fact.__name__)

@lru_cache(maxsize=None, typed=True)
def ident(x):
    calls.append(('typed', x))
    return x
ident(1); ident(1.0); ident(1)
print(ident.cache_info(), calls[-2:])

@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1); print(nocache.cache_info())

@lru_cache()
def kw(a, b=2):
    return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info())
fails('lru bad arg', lru_cache, 'x')

class Memo:
    @lru_cache(maxsize=None)
    def m(self, x):
        return x + 1
print(Memo().m(1), Memo.m.cache_info().misses)

# total_ordering
@total_ordering
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.n < o.n
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), sorted([V(3), V(1)])[0].n)
fails('compare other', lambda: V(1) >= 3)

@total_ordering
class G:
    def __init__(self, n):
        self.n = n
    def __gt__(self, o):
        return self.n > o.n
print(G(1) < G(2), G(2) <= G(1))
fails('no ordering', total_ordering, type('Z', (), {}))

# cmp_to_key
def by_len(a, b):
    return len(a) - len(b)
print(sorted(['ccc', 'a', 'bb'], key=cmp_to_key(by_len)), max(['a', 'ccc'], key=cmp_to_key(by_len)))
k = cmp_to_key(by_len)
print(k('ab') < k('abc'), k('ab') == k('cd'), k('ab') >= k('a'))

# cached_property
class Data:
    def __init__(self):
        self.count = 0
    @cached_property
    def value(self):
        """The value."""
        self.count += 1
        return 42
dt = Data()
print(dt.value, dt.value, dt.count, Data.value.__doc__, 'value' in dt.__dict__)
del dt.value
print(dt.value, dt.count)
cp = cached_property(lambda self: 1)
fails('no set_name', cp.__get__, Data(), Data)

# singledispatch
@singledispatch
def show(x):
    return 'object'
@show.register(int)
def _(x):
    return 'int'
@show.register
def _(x: str):
    return 'str'
@show.register(list)
@show.register(tuple)
def _(x):
    return 'sequence'
class MyInt(int):
    pass
print(show(1), show('a'), show([1]), show((1,)), show(1.5), show(MyInt(3)), show(True))
print(show.dispatch(float) is show.registry[object], len(show.registry))
from collections.abc import Mapping
@show.register(Mapping)
def _(x):
    return 'mapping'
print(show({}))
fails('dispatch no args', show)
fails('register bad', show.register, 3, lambda x: x)
