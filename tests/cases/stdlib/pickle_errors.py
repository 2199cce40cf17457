# pickle errors: what cannot be pickled, and damaged or truncated data.
import pickle, threading


def show(e, obj=None):
    msg = str(e)
    if obj is not None:
        msg = msg.replace(hex(id(obj)), 'ADDR')
    print(type(e).__name__, msg)


def dump(obj, proto=4):
    try:
        print(pickle.dumps(obj, proto))
    except Exception as e:
        show(e, obj)


lam = lambda: 0
dump(lam)
dump(lam, 0)


def outer():
    def inner():
        pass
    return inner


dump(outer())
dump(threading.Lock())
dump([1, threading.Lock()])


class A:
    pass


a = A()
A2 = A


class A:
    pass


dump(a)
dump(A2)


class BadReduce:
    def __reduce__(self):
        return 5


class ShortReduce:
    def __reduce__(self):
        return (1,)


class NotCallable:
    def __reduce__(self):
        return (1, ())


class NotTuple:
    def __reduce__(self):
        return (len, 1)


class BadNewArgs:
    def __getnewargs__(self):
        return 5


class BadNewArgsEx:
    def __getnewargs_ex__(self):
        return ((), 1)


for cls in (BadReduce, ShortReduce, NotCallable, NotTuple, BadNewArgs, BadNewArgsEx):
    dump(cls())

for proto in (6, 100):
    try:
        pickle.dumps(1, proto)
    except ValueError as e:
        show(e)
print(pickle.dumps(1, -1)[:2])
try:
    pickle.loads('text')
except TypeError as e:
    show(e)
try:
    pickle.Pickler(object())
except TypeError as e:
    show(e)


def load(data):
    try:
        print(repr(pickle.loads(data)))
    except Exception as e:
        show(e)


for data in [
    b'', b'\x80', b'\x80\x04', b'\x80\x09.', b'\xff', b'z', b'\x01', b'K', b'J\x01\x00', b'.', b'0.',
    b'h\x05.', b'g5\n.', b'j\x05\x00\x00\x00.', b'(.', b'e.', b']e.', b'N', b'NN.',
    b'X\x05\x00\x00\x00ab', b'\x8c\x05ab', b'C\x05ab', b'I12', b'Ixx\n.', b'L12\n.', b'I01\n.',
    b'\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00K\x01.', b'cos\nnosuch_name\n.', b'cnosuchmod\nx\n.',
    b'\x80\x02}K\x01s.', b'Nt.', b'(K\x01K\x02u.', b'\x80\x04K\x01\x93.', b'P1\n.', b'K\x01K\x02R.',
    b'p-1\n.', b'q\x00.', b'K\x01q\x00h\x00h\x01.', b'\x8a\x02\xff\x7f.', b'\x8a\x00.',
    b'\x8b\x05\x00\x00\x00\x01', b'\x8b\xff\xff\xff\xff.', b'X\xff\xff\xff\xff.', b'\x97.',
    b"S'abc'\n.", b'Sabc\n.', b'U\x03abc.', b'T\x03\x00\x00\x00abc.', b'Vab\\u1234c\n.',
    b'K\x01b.', b'\x80\x02N\x81.', b'G\x00\x00', b'(K\x01K\x02l.', b'(K\x01K\x02t.',
    b'\x80\x04\x8c\x08builtins\x8c\x03len\x93.',
]:
    print(data, end=' ')
    load(data)

# Every truncation of a real pickle fails cleanly.
full = pickle.dumps({'a': [1, 2.5, 'x' * 10, (None, True)], 'b': {1, 2}, 'c': b'\x00' * 5, 'n': 2**70})
kinds = set()
for i in range(len(full)):
    try:
        pickle.loads(full[:i])
        kinds.add('loaded')
    except Exception as e:
        kinds.add(type(e).__name__ + ': ' + str(e))
print(sorted(kinds))
for proto in range(6):
    full = pickle.dumps([1, 'two', (3.0,)], proto)
    kinds = set()
    for i in range(len(full)):
        try:
            pickle.loads(full[:i])
            kinds.add('loaded')
        except Exception as e:
            kinds.add(type(e).__name__)
    print(proto, sorted(kinds))
# Flipped bytes never crash.
full = pickle.dumps([1, 'two', {3: 4.0}], 2)
outcomes = set()
for i in range(len(full)):
    for b in (0, 0x28, 0x2e, 0x80, 0xff):
        data = full[:i] + bytes([b]) + full[i + 1:]
        try:
            pickle.loads(data)
            outcomes.add('ok')
        except Exception as e:
            outcomes.add(type(e).__name__)
print(sorted(outcomes))
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, Exception))
