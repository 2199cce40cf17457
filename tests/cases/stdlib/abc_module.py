from abc import ABC, ABCMeta, abstractmethod
from collections.abc import (Iterable, Iterator, Sequence, MutableSequence, Mapping,
                             MutableMapping, Callable, Hashable, Sized, Container,
                             Generator, Set, MutableSet, Collection, Reversible)

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def name(self):
        pass
    def describe(self):
        return f'{self.name()} {self.area()}'

class Half(Shape):
    def area(self):
        return 4

class Square(Half):
    def name(self):
        return 'square'

for cls in (Shape, Half, Square):
    try:
        print(cls.__name__, sorted(cls.__abstractmethods__), cls().describe())
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(Square(), Shape), issubclass(Square, Shape), isinstance(3, Shape))

class Plugin(metaclass=ABCMeta):
    pass
Plugin.register(int)
print(isinstance(3, Plugin), issubclass(bool, Plugin), issubclass(str, Plugin), Plugin.register(float) is float)
try:
    Plugin.register(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(3, Plugin)
except TypeError as e:
    print(type(e).__name__, e)

class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Mallard:
    def quack(self):
        return 'quack'
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck))

class Prop(ABC):
    @property
    @abstractmethod
    def x(self):
        pass
try:
    Prop()
except TypeError as e:
    print(type(e).__name__, e)

# builtins against collections.abc
values = [[], (), 'a', b'b', {}, set(), frozenset(), range(3), iter([]), 1, 1.5, None, len,
          lambda: 0, (x for x in ()), {}.keys(), bytearray()]
for abc_class in (Iterable, Iterator, Sequence, MutableSequence, Mapping, MutableMapping,
                  Callable, Hashable, Sized, Container, Generator, Set, MutableSet,
                  Collection, Reversible):
    print(abc_class.__name__, [isinstance(v, abc_class) for v in values])

class Seq(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10
s = Seq(4)
print(list(s), 20 in s, 25 in s, s.index(30), s.count(10), list(reversed(s)), isinstance(s, Iterable))

class Box(MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
b = Box()
b['a'] = 1
b.update({'b': 2}, c=3)
print(sorted(b.items()), b.get('z', 0), b.setdefault('d', 4), b.pop('a'), len(b), 'b' in b, sorted(b.keys()))
print(b == {'b': 2, 'c': 3, 'd': 4}, isinstance(b, Mapping), isinstance(b, dict))

class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(isinstance(It(), Iterator), issubclass(It, Iterable), isinstance(It(), Sized))
try:
    Sequence()
except TypeError as e:
    print(type(e).__name__, e)
