# IndexError and KeyError messages and behaviour.
checks = [
    lambda: [][0],
    lambda: [1, 2][5],
    lambda: [1, 2][-3],
    lambda: (1,)[1],
    lambda: "abc"[10],
    lambda: range(3)[3],
    lambda: b"ab"[2],
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: {}["k"],
    lambda: {1: 2}[2],
    lambda: {}[(1, "a")],
    lambda: {}.pop("x"),
    lambda: set().pop(),
    lambda: {1}.remove(2),
    lambda: {}.popitem(),
    lambda: [1, 2].index(3),
    lambda: (1, 2).index(3),
]
for c in checks:
    try:
        c()
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, repr(e), str(e))
l = [1, 2, 3]
try:
    l[3] = 0
except IndexError as e:
    print(type(e).__name__, e)
try:
    del l[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t = (1, 2)
    t[1.0]
except TypeError as e:
    print(type(e).__name__, e)
print(l[1:100], l[-100:1], "abc"[5:], {}.get("k"), {}.pop("x", "dflt"))
d = {"a": 1}
try:
    del d["b"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
print(issubclass(IndexError, LookupError), issubclass(KeyError, LookupError))
try:
    {"a": 1}["A"]
except LookupError as e:
    print("lookup", type(e).__name__, e)
class Missing(dict):
    def __missing__(self, k):
        return k * 2
print(Missing()["ab"], Missing(a=1)["a"])
try:
    {}[[1]]
except TypeError as e:
    print(type(e).__name__, e)
