# pickle: the bytes of dumps for plain data under every protocol (CPython's
# exact bytes), and round trips.
import pickle

big = 1 << 100
objects = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -129, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
    2**63, -2**63, big, -big, 10**40, 0.0, -0.0, 1.5, -2.25e300, 1e-310, float('inf'),
    '', 'a', 'hello world', 'caf\u00e9', '\u20ac\u1234', 'emoji \U0001F600', 'a\\b\nc\r\x00\x1a', 'x' * 300,
    b'', b'a', b'\x00\xff' * 5, b'y' * 300, bytearray(), bytearray(b'xy'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2, 3], list(range(20)),
    {}, {'a': 1}, {'a': 1, 'b': [1, 2], 3: (4,)}, set(), {1, 2, 3}, frozenset(), frozenset({'a'}),
    [(), [], {}], {'k': ('v', b'b', 2.5)},
]
for proto in range(6):
    for obj in objects:
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        print(proto, repr(obj)[:30], data, back == obj or repr(back) == repr(obj), type(back).__name__)

# Shared and recursive references.
shared = [1, 2]
pair = [shared, shared]
rec = [1]
rec.append(rec)
d = {}
d['self'] = d
t = ([],)
t[0].append(t)
for proto in range(6):
    for obj in (pair, rec, d, t, (shared, shared)):
        data = pickle.dumps(obj, proto)
        print(proto, data)
    b = pickle.loads(pickle.dumps(pair, proto))
    print(b, b[0] is b[1])
    r = pickle.loads(pickle.dumps(rec, proto))
    print(r[1] is r, len(r))
    r = pickle.loads(pickle.dumps(d, proto))
    print(r['self'] is r)
    r = pickle.loads(pickle.dumps(t, proto))
    print(r[0][0] is r)

print(pickle.dumps([1, 2]), pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL)
print(pickle.dumps('x', -1))
big_list = list(range(2500))
for proto in (1, 2, 4):
    data = pickle.dumps(big_list, proto)
    print(proto, len(data), data[:40], data[-40:], pickle.loads(data) == big_list)
big_dict = {i: str(i) for i in range(1500)}
data = pickle.dumps(big_dict)
print(len(data), data[:30], pickle.loads(data) == big_dict)
big_set = set(range(1200))
print(pickle.loads(pickle.dumps(big_set)) == big_set)
# Frames: a pickle over 64 KiB is cut into frames; big bytes stand outside them.
many = ['s%d' % i for i in range(20000)]
data = pickle.dumps(many, 4)
print(len(data), data[:12], data.count(b'\x95'), pickle.loads(data) == many)
blob = [b'q' * 70000, 'tail', b'r' * 10]
data = pickle.dumps(blob, 5)
print(len(data), data[:24], data[-40:], pickle.loads(data) == blob)
# Protocol 0-2 pickles written by Python 2.
print(pickle.loads(b"(lp0\nI1\naS'abc'\np1\naF2.5\naL12L\na."))
print(pickle.loads(b"\x80\x02U\x03abcq\x00.", encoding='bytes'))
print(pickle.loads(b"\x80\x02c__builtin__\nxrange\nq\x00K\x00K\x03K\x01\x87q\x01Rq\x02."))
print(pickle.loads(b"cexceptions\nValueError\n(S'bad'\ntR."))
import io
f = io.BytesIO()
pickle.dump({'a': 1}, f)
pickle.dump([2], f, protocol=2)
f.seek(0)
print(pickle.load(f), pickle.load(f))
p = pickle.Pickler(f := io.BytesIO(), 3)
p.dump((1, 'x'))
print(f.getvalue(), pickle.Unpickler(io.BytesIO(f.getvalue())).load())
# Records with literal keys share the key strings, as CPython's interned ones.
records = [{'name': 'a', 'id': 1}, {'name': 'b', 'id': 2}, {'': 'x', 'x': ''}]
for proto in range(6):
    print(proto, pickle.dumps(records, proto))
