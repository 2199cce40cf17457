# json.loads/load: values, hooks, parse_* callbacks, raw_decode and round trips.
import json
import io

doc = '''
{
  "name": "gilt", "version": [0, 1, 2], "ok": true, "none": null, "neg": -12,
  "float": 3.25e-2, "big": 12345678901234567890123, "exp": 1E3, "zero": -0.0,
  "esc": "tab\\there \\"q\\" \\\\ \\/ \\b\\f\\n\\r \\u0041\\u00e9\\u20ac \\ud83d\\ude00",
  "nested": {"a": {"b": {"c": [[], {}, [[1]]]}}},
  "unicode": "ü日本"
}
'''
v = json.loads(doc)
for k in v:
    print(k, repr(v[k]))
print(json.loads(doc.encode("utf-8")) == v)
print(json.loads(bytearray(b"\xef\xbb\xbf" + doc.encode("utf-8"))) == v)
print(json.loads(json.dumps(v)) == v, json.loads(json.dumps(v, indent=3, ensure_ascii=False)) == v)
print(json.loads("3"), json.loads("-7.5"), json.loads('"s"'), json.loads("null"), json.loads(" true "))
print(json.load(io.StringIO('[1, {"x": null}]')))
d = json.JSONDecoder(object_hook=lambda o: {k.upper(): v for k, v in o.items()})
print(d.decode('{"a": {"b": 1}}'))
print(d.raw_decode('{"k": 1} tail'))
print(json.loads('[1.10, 2]', parse_float=lambda s: "F" + s))
print(json.loads('{"z": 1, "y": [2, {"x": 3}]}', object_pairs_hook=lambda p: p))
print(json.loads('"a\\u0000b"'), len(json.loads('"\\u0000"')))
print(json.loads('[1e400, -1e400]'))
class Dec(json.JSONDecoder):
    def decode(self, s):
        return ("wrapped", super().decode(s))
print(json.loads("[1]", cls=Dec))
words = json.loads(json.dumps([str(i) * (i % 7) for i in range(40)]))
print(len(words), words[:9])
rt = [0.1, 1.5e-10, 2.5e+20, 1e22, 123.456, -1.0, 5e-324, 1.7976931348623157e308]
print(json.loads(json.dumps(rt)) == rt, json.dumps(rt))
