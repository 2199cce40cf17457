# struct: every format char, byte orders, alignment, counts, Struct objects.
import struct

vals = {
    'b': -5, 'B': 200, 'h': -1234, 'H': 60000, 'i': -123456, 'I': 4000000000,
    'l': -99, 'L': 77, 'q': -2**62, 'Q': 2**64 - 1, 'n': -7, 'N': 9,
    'P': 4096, '?': True, 'c': b'z', 'e': 1.5, 'f': -0.25, 'd': 3.141592653589793,
}
for order in '@=<>!':
    for code, v in vals.items():
        if order != '@' and code in 'nNP':
            continue
        fmt = order + code
        data = struct.pack(fmt, v)
        print(fmt, struct.calcsize(fmt), data, struct.unpack(fmt, data))

for fmt in ['@cid', '@ci0d', '@cP', '@c0l', '=cid', '@e?', '@bq', '3s2p', 'xxi',
            '@hbi', '<hbi', '4h', '0s', ' i  i ', '@?xh', '@bhiq', '>bhiq', '2x3c']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack('5p', b'abcdefg'), struct.pack('p', b'abc'), struct.pack('0p', b'abc'))
print(struct.pack('3s', b'a'), struct.pack('2x'), struct.pack('3c', b'a', b'b', b'c'))
print(struct.unpack('5p', b'\x09abcd'), struct.pack('300p', b'a' * 299)[:3])
print(struct.unpack('? ? ?', b'\x00\x01\x05'), struct.calcsize(b'ii'))
print(struct.pack('<3h2s', 1, 2, 3, bytearray(b'xy')))
print(struct.unpack('<3h2s', b'\x01\x00\x02\x00\x03\x00xy'))
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2))
print(struct.unpack('>e', b'\x7c\x00'), struct.unpack('>e', b'\xfc\x00'), struct.unpack('<e', b'\x01\x00'))
for x in [0.0, -0.0, 1.0, 65504.0, 6.1e-05, 1e-8, 0.1, 2.0 ** -24, 3 * 2.0 ** -25, 1 / 3, float('inf')]:
    b = struct.pack('<e', x)
    print(x, b, struct.unpack('<e', b)[0])
print(struct.unpack('<e', struct.pack('<e', float('nan')))[0])
print(struct.pack('<f', 1e-50), struct.pack('f', 1e39), struct.pack('<d', -1e300))
print(struct.pack('?', []), struct.pack('?', [0]), struct.pack('<?', 'x'))

class Idx:
    def __index__(self):
        return 42
print(struct.pack('i', Idx()), struct.pack('d', 5), struct.pack('<q', True))

s = struct.Struct('<ih')
print(s.format, s.size, type(s).__name__, isinstance(s, struct.Struct))
print(s.pack(7, -2), s.unpack(b'\x07\x00\x00\x00\xfe\xff'))
buf = bytearray(10)
s.pack_into(buf, 2, 1, 1)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=2))
struct.pack_into('<h', buf, -2, 0x4142)
print(buf, struct.unpack_from('<h', buf, -2), struct.unpack_from('<h', buffer=buf))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
print(list(s.iter_unpack(bytes(12))))
s2 = struct.Struct(b'>Q')
print(s2.format, s2.size, s2.unpack(s2.pack(2**63)))
print(struct.unpack('@i', bytearray(b'\x01\x00\x00\x00')))
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.Struct.__module__, struct.Struct.__name__)
print(len(struct.pack('1000x')), struct.pack('<0i'), struct.unpack('', b''))
