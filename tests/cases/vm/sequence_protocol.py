# The old sequence protocol, reversed(), __index__, iter() checks and the
# names of the builtin iterator types.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Seq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10


print(list(Seq(3)), 20 in Seq(3), 5 in Seq(3), type(iter(Seq(1))).__name__)
it = iter(Seq(2))
print(next(it), next(it), next(it, "done"), next(it, "still done"))


class Stops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i


print(list(Stops()))


class Sized(Seq):
    def __len__(self):
        return self.n


print(list(reversed(Sized(4))), type(reversed(Sized(1))).__name__)


class Rev:
    def __reversed__(self):
        return iter("zyx")


print(list(reversed(Rev())))


class NoRev:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


show("reversed None", lambda: reversed(NoRev()))
show("reversed int", lambda: reversed(5))
show("reversed iter", lambda: reversed(iter([])))
show("reversed set", lambda: reversed({1}))
show("reversed args", lambda: reversed())
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(b"ab")),
      list(reversed(range(1, 10, 4))), list(reversed(range(0))), list(reversed({"a": 1, "b": 2})))


class NotIter:
    __iter__ = None


class BadIter:
    def __iter__(self):
        return 5


class Half:
    def __iter__(self):
        return self


show("iter None", lambda: iter(NotIter()))
show("iter bad", lambda: iter(BadIter()))
show("iter no next", lambda: iter(Half()))
show("iter int", lambda: iter(5))
show("next non-iterator", lambda: next([1]))
print(list(iter(iter([1, 2, 3, 4]).__next__, 3)))
it = iter([7, 8])
print(it.__iter__() is it, it.__next__(), list(it))
show("exhausted", lambda: iter([]).__next__())

for v in [[], (), "ab", "é", b"", bytearray(), set(), {}, {}.values(), {}.items(), range(2),
          map(abs, []), filter(None, []), zip(), enumerate([]), iter(int, 1)]:
    print(type(iter(v)).__name__)
print(type(reversed([])).__name__, type(reversed({})).__name__, type(reversed({}.items())).__name__,
      type(reversed("a")).__name__)
print(map, zip, filter, enumerate, reversed, type(map(abs, [])) is map, isinstance(zip(), zip))
print(repr(iter([])).startswith("<list_iterator object at"))


class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print([1, 2, 3][I(1)], "abc"[I(-1)], (1, 2)[I(0)], range(5)[I(2)], [1, 2, 3][I(1):], "abcdef"[I(1):I(5):I(2)])
lst = [1, 2, 3]
lst[I(0)] = 9
del lst[I(1)]
print(lst, [1, 2, 3, 2, 1].index(1, I(2)))


class BadIndex:
    def __index__(self):
        return "x"


show("bad index", lambda: [1][BadIndex()])
fi = 1.5
show("float index", lambda: [1][fi])
show("slice float", lambda: [1][fi:])
print([1, 2, 3][10**30:], [1, 2, 3][-10**30:2])


class Neg:
    def __len__(self):
        return -1


class StrLen:
    def __len__(self):
        return "x"


class Two:
    def __len__(self):
        return 2


show("bool neg", lambda: bool(Neg()))
show("bool str", lambda: bool(StrLen()))
print(bool(Two()), not Two())
print([1, 2, 3, 2, 1].index(1, 2), [1, 2, 3].index(3, -1), (1, 2, 1).index(1, 1, 3))
show("index stop", lambda: [1, 2, 3].index(3, 0, 2))
show("index bad start", lambda: [1].index(1, "a"))
show("index too many", lambda: [1].index(1, 0, 1, 2))
show("index none", lambda: [].index())
show("list count", lambda: [].count())
show("tuple count", lambda: ().count())
