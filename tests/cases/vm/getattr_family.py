# getattr/setattr/hasattr/delattr, with defaults and errors.
class O:
    cls_attr = "class"
o = O()
setattr(o, "x", 1)
print(getattr(o, "x"), getattr(o, "y", "dflt"), getattr(o, "cls_attr"), hasattr(o, "x"), hasattr(o, "y"))
delattr(o, "x")
print(hasattr(o, "x"), getattr(o, "x", None))
setattr(o, "with space", 5)
print(getattr(o, "with space"))
for bad in [
    lambda: getattr(o, "nope"),
    lambda: getattr(o),
    lambda: setattr(1, "x", 2),
]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
names = ["a", "b", "c"]
for i, n in enumerate(names):
    setattr(o, n, i * 10)
print([getattr(o, n) for n in names])
print(getattr("text", "upper")(), getattr([], "append") is not None, getattr(O, "cls_attr"))
setattr(O, "added", "on class")
print(o.added, hasattr(O, "added"))
class Hook:
    def __getattr__(self, n):
        return "hooked " + n
    def __setattr__(self, n, v):
        object.__setattr__(self, n, str(v) + "!")
    def __delattr__(self, n):
        print("delattr hook", n)
h = Hook()
h.v = 1
print(h.v, getattr(h, "anything"), hasattr(h, "whatever"))
delattr(h, "v")
print(h.v)
