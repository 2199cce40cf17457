# copy and deepcopy through __reduce_ex__, copyreg, __getstate__/__setstate__,
# __getnewargs_ex__, slots and state setters.
import copy, copyreg, threading


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Stateful:
    def __init__(self):
        self.items = [1, 2]
        self.cache = 'big'

    def __getstate__(self):
        return {'items': self.items}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = 'rebuilt'


class Slotted:
    __slots__ = ('a', 'b')

    def __getstate__(self):
        return (None, {'a': self.a})


class KwNew:
    def __new__(cls, *, n):
        self = super().__new__(cls)
        self.n = n
        return self

    def __getnewargs_ex__(self):
        return (), {'n': self.n}


class WithSetter:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (WithSetter, (0,), self.v, None, None, WithSetter._set)

    @staticmethod
    def _set(obj, state):
        obj.v = ('set', state)


class MyList(list):
    pass


class MyDict(dict):
    pass


class Temp:
    def __init__(self, t):
        self.t = t


copyreg.pickle(Temp, lambda t: (Temp, (t.t * 10,)))

p = Point([1], {'k': [2]})
c = copy.copy(p)
d = copy.deepcopy(p)
print(c, d, c.x is p.x, d.x is p.x, d.y == p.y, d.y is p.y)
s = copy.deepcopy(Stateful())
print(s.items, s.cache)
sl = Slotted()
sl.a = [5]
sl2 = copy.deepcopy(sl)
print(sl2.a, sl2.a is sl.a, hasattr(sl2, 'b'))
k = copy.copy(KwNew(n=3))
print(type(k).__name__, k.n)
import pickle
w = pickle.loads(pickle.dumps(WithSetter(7)))
print(w.v)
ml = MyList([1, [2]])
ml.tag = 'x'
ml2 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2.tag, ml2[1] is ml[1])
md = copy.copy(MyDict(a=1))
print(type(md).__name__, md)
print(copy.copy(Temp(2)).t, copy.deepcopy(Temp(3)).t)
rec = Point(None, None)
rec.x = rec
r2 = copy.deepcopy(rec)
print(r2.x is r2, r2 is not rec)
err = ValueError('bad', [1])
err2 = copy.deepcopy(err)
print(type(err2).__name__, err2.args, err2.args[1] is err.args[1])
for obj in (threading.Lock(),):
    for f in (copy.copy, copy.deepcopy):
        try:
            f(obj)
        except TypeError as e:
            print(type(e).__name__, e)
print(copyreg.__newobj__(Point, 1, 2).__class__.__name__)
print(copyreg._slotnames(Slotted), copyreg._slotnames(Point))
try:
    copyreg.pickle(Point, 5)
except TypeError as e:
    print(e)
copyreg.add_extension('mod', 'name', 240)
try:
    copyreg.add_extension('mod', 'other', 240)
except ValueError as e:
    print(e)
copyreg.remove_extension('mod', 'name', 240)
print(copyreg._extension_registry)
print(Point(1, 2).__reduce_ex__(2)[0] is copyreg.__newobj__, Point(1, 2).__reduce_ex__(1)[0] is copyreg._reconstructor)
print(object().__reduce_ex__(2)[1], Point(1, 2).__getstate__())
