# json.loads error messages and positions (JSONDecodeError msg/pos/lineno/colno).
import json
cases = ['', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{a:1}', '{"a" 1}', '{"a":1 "b":2}',
 '"abc', '"a\nb"', '"\\x"', '"\\u12"', '"\\u12zz"', '"\\', '1 2', '[1] x', 'nul', 'tru', '-', '-x', '01', '1.', '1e', '.5', 'NaN', '-Infinity', '[-Infinity]',
 '"\\ud834\\udd1e"', '\ufeff1', '\n\n  [1,\n 2 x', '[1]\n\n x', '{"a":1}}', '"\t"', '[1,,2]', '{,}', '{"a":1,,"b":2}','"abc\\', '[', '1e5', '1E+2', '-0', '-0.0', '123456789012345678901234567890', '1.5e400', '"\\/"']
for c in cases:
    try:
        r = json.loads(c)
        print(repr(c), '->', repr(r))
    except json.JSONDecodeError as e:
        print(repr(c), 'ERR', e, '|', e.msg, e.pos, e.lineno, e.colno)
for bad in [1, None, b'[1]', bytearray(b'{}'), '\ufeff[1]'.encode('utf-8')]:
    try: print(json.loads(bad))
    except Exception as e: print(type(e).__name__, e)
print(json.loads('"x"\n\n\n\n', strict=False))
print(json.loads('"a\tb"', strict=False))
d = json.JSONDecoder()
print(d.raw_decode('[1,2] xxx'))
try: d.raw_decode('  [1]')
except Exception as e: print(type(e).__name__, e)
print(d.raw_decode('  [1]', 2))
try: print(d.raw_decode('[1]', 5))
except Exception as e: print(type(e).__name__, e)
e = json.JSONDecodeError("boom", "ab\ncd", 4)
print(e, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError), e.__reduce__()[1])
for bad in ['{"a": [1, 2}', '[{"a" 1}]', '{"a":1}\n{"b":2}']:
    try:
        json.loads(bad)
    except ValueError as err:
        print(type(err).__name__, err)
try:
    json.loads('[1]', bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
# Documents with non-ASCII text: positions still count characters.
for bad in ['["é", x]', '{"ké": 1,}', 'é', '["日本", "a\\qb"]', '{"ü": "ö"} ä', '["€" 1]']:
    try:
        print(json.loads(bad))
    except json.JSONDecodeError as err:
        print(type(err).__name__, err, err.doc == bad)
print(json.loads('{"ké?": ["日本?", "\\u00e9?", "?"], "?": "ü"}'))
print(json.JSONDecoder().raw_decode('["ü", 1] tail ä'))
