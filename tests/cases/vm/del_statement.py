# del on names, items, slices, attributes and tuples of targets.
x = 1
del x
print("x" in globals())
l = list(range(10))
del l[0]
del l[-1]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
del l[:]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, "p"), o.q)
a, b, c = 1, 2, 3
del a, (b, c)
print([n for n in ("a", "b", "c") if n in globals()])
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
def f():
    y = 1
    del y
    try:
        y
    except UnboundLocalError as e:
        print(type(e).__name__, e)
f()
try:
    del (1, 2)[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "abc"
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
class Item:
    def __delitem__(self, k):
        print("delitem", k)
    def __delattr__(self, n):
        print("delattr", n)
i = Item()
del i[5], i[1:2], i.attr
for k in list(d):
    del d[k]
print(d)
