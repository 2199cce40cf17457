# JSON: dumps of nested records (compact, indented, sorted, ensure_ascii off),
# loads of the resulting documents, and round trips of strings with escapes.
import json


def records(n, seed):
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append({
            "id": i,
            "name": "user" + str(seed % 10007),
            "score": (seed % 100000) / 37.0,
            "active": seed % 3 == 0,
            "tags": ["t" + str(seed % 13), "t" + str(seed % 7), None],
            "note": "line\n\"quoted\" \\ tab\t é" if i % 5 == 0 else "plain text",
            "pos": {"x": seed % 640, "y": seed % 480, "z": [1, 2.5, -3]},
        })
    return out


data = records(3000, 7)
h = 0
for rep in range(3):
    compact = json.dumps(data, separators=(",", ":"))
    pretty = json.dumps(data, indent=2, sort_keys=True)
    utf = json.dumps(data, ensure_ascii=False)
    back = json.loads(compact)
    back2 = json.loads(pretty)
    back3 = json.loads(utf)
    h = (h + len(compact) + 3 * len(pretty) + 7 * len(utf)) % 1000000007
    h = (h + back[100]["pos"]["x"] + len(back2[-1]["name"]) + back3[5]["id"]) % 1000000007
small = [json.loads(json.dumps({"k": i, "v": [i, str(i)]})) for i in range(5000)]
print("json", h, back == data, back2 == data, back3 == data, len(small), small[-1], compact[:60])
