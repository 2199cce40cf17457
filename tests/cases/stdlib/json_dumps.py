# json.dumps/dump options: indent, separators, sort_keys, default, cls, ensure_ascii, skipkeys, allow_nan.
import json, collections
print(json.dumps([1, 2.5, "a\"b\\c\n\t\x01\x7f é 😀", None, True, False, {"k": [1, {}]}, [], (1, 2)]))
print(json.dumps("é😀\x7f", ensure_ascii=False))
print(json.dumps({"b": 1, "a": [1, 2, {"c": None}], "e": {}}, indent=2, sort_keys=True))
print(json.dumps({"b": 1, "a": [1, 2]}, indent="\t"))
print(json.dumps({"b": 1, "a": [1, 2]}, indent=0))
print(json.dumps({"b": 1, "a": [1, 2]}, separators=(",", ":")))
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5, False: 6}))
print(json.dumps([1e16, 0.1, 1/3, -0.0, 1e-7, 123456789.0, float('nan'), float('inf'), -float('inf')]))
print(json.dumps({float('nan'): 1}))
for bad in [{(1,2): 3}, object(), {1: object()}, [float('nan')], set()]:
    try: print(json.dumps(bad, allow_nan=False))
    except Exception as e: print(type(e).__name__, e)
print(json.dumps({(1,2): 3, "a": 1}, skipkeys=True))
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
d = {}; d['x'] = d
try: json.dumps(d)
except ValueError as e: print(e)
print(json.dumps(set([3]), default=list))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex): return [o.real, o.imag]
        return super().default(o)
print(json.dumps([1j, 2], cls=E))
try: json.dumps(1j, cls=E, indent=1)
except TypeError as e: print(e)
class MyInt(int):
    def __repr__(self): return "X"
class MyF(float):
    def __repr__(self): return "Y"
print(json.dumps([MyInt(3), MyF(1.5), {MyInt(4): 1}]))
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])))
try: json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e: print(e)
print(list(json.JSONEncoder().iterencode([1, 2]))[:0], "".join(json.JSONEncoder(indent=1).iterencode({"a": [1]})))
import io
f = io.StringIO(); json.dump({"a": [1, 2]}, f, indent=1); print(f.getvalue())
print(json.load(io.StringIO('{"x": [1, 2.0, "s"]}')))
print(json.loads('[1.5, 2, 3e2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: "C" + s))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=list))
print(json.loads('{"a": 1, "b": 2, "a": 3}'))
print(json.loads('  {"a" : [ 1 , 2 , { } , [ ] ] , "b" : "\\u00e9\\n" }  '))
print(json.dumps(json.loads('"\\ud83d\\ude00"')))
print(repr(json.dumps("")), json.dumps({"": ""}))
print(json.dumps(10**30), json.dumps(-5), json.dumps(True), json.dumps(None), json.dumps(2.0))
