# struct errors: range checks per code and byte order, bad formats, buffer sizes.
import struct

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for code in 'bBhHiIlLqQnNP':
    for order in '@<>=!':
        if order != '@' and code in 'nNP':
            continue
        for v in (2**64, -1, 2**63, -2**63 - 1, 2**31, 2**20, 300, -200, 1.5, 'x', None):
            print(order + code, repr(v), end=' ')
            t(struct.pack, order + code, v)

for code in 'efd':
    for order in '@<>':
        for v in (1e300, 'x', 2, 1.5, 65520.0, 2**2000):
            print(order + code, repr(v)[:12], end=' ')
            t(struct.pack, order + code, v)

t(struct.pack, 'c', b'ab'); t(struct.pack, 'c', 'a'); t(struct.pack, 's', 'a'); t(struct.pack, 'p', 1)
t(struct.pack, 'ii', 1); t(struct.pack, 'i', 1, 2); t(struct.pack, '2s', b'a', b'b')
t(struct.unpack, 'ii', b'123'); t(struct.unpack_from, 'ii', b'123', 2); t(struct.unpack_from, 'ii', b'123', -5)
t(struct.unpack_from, 'i', b'12345678', -9); t(struct.unpack_from, 'i', b'12345678', 9)
t(struct.pack_into, 'ii', bytearray(5), 2, 1, 2); t(struct.pack_into, 'ii', bytearray(5), -20, 1, 2)
t(struct.pack_into, 'i', bytearray(8), -2, 1); t(struct.pack_into, 'i', bytearray(8), -12, 1)
t(struct.iter_unpack, 'ii', b'123'); t(struct.iter_unpack, '0i', b'')
for fmt in ['z', '3 i', '<n', '>P', '=N', 'i<', '99999999999999999999i', '9999999999999999i', '3', '12',
            '@x9223372036854775807i']:
    t(struct.calcsize, fmt)
t(struct.calcsize, 3); t(struct.Struct, 3); t(struct.pack, 3); t(struct.Struct, None)
t(struct.pack_into, 'i', b'1234', 0, 1)
t(struct.unpack, 'i', 'abcd'); t(struct.unpack, 'i', 5)
t(struct.pack_into, 'ii', bytearray(5), 2)
t(struct.pack_into, 'i'); t(struct.pack_into, 'i', bytearray(4))
t(struct.pack); t(struct.unpack, 'i'); t(struct.unpack_from, 'i'); t(struct.unpack_from, 'i', b'1234', 'x')
t(struct.iter_unpack, 'i'); t(struct.calcsize); t(struct.Struct)
t(struct.pack, 'i', x=1)
s = struct.Struct('i')
t(s.pack_into); t(s.pack_into, bytearray(4)); t(s.unpack); t(s.pack, 1, 2); t(s.unpack, b'12')
try:
    struct.pack('h', 99999)
except struct.error as e:
    print('caught', type(e).__name__, e.args)
