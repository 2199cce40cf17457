# range and slice objects: attributes, methods, slicing, equality.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

r = range(2, 20, 3)
print(r.start, r.stop, r.step, range(5).step)
for s in [slice(None), slice(None, None, -1), slice(1, -1, 2), slice(-100, 100), slice(10**30, None),
          slice(None, None, -3), slice(3, 1), slice(-2, None, -2)]:
    print(s, r[s], list(r[s]) == list(r)[s], range(10)[s], list(range(10))[s], "abcdefghij"[s])
print(range(10)[::-3], range(0, -10, -2)[1:3], range(0)[::-1])
show("range big slice", lambda: range(10)[10**30:])
show("range bad index", lambda: range(10)["a"])
show("range out", lambda: range(3)[5])
print(r.index(5), r.count(5), r.count(6), range(10).index(True), range(-5, 5).count(0))
show("index missing", lambda: r.index(6))
show("index str", lambda: r.index("a"))
show("index no arg", lambda: r.index())
print(r.count(5.0), r.index(8.0))
print(range(1, 4) == range(1, 4), range(0) == range(5, 2), range(1, 2) == range(1, 3, 5),
      range(0, 4, 2) == range(0, 4, 1), range(3) != range(3), range(3) == [0, 1, 2])

s = slice(1, 10, 2)
print(s.start, s.stop, s.step, slice(5).start, slice(5).stop)
for n in [0, 5, 20]:
    print(n, s.indices(n), slice(None, None, -1).indices(n), slice(-3, None).indices(n))
show("indices negative", lambda: s.indices(-1))
show("indices zero step", lambda: slice(1, 2, 0).indices(3))
show("indices bad bound", lambda: slice("a").indices(3))
show("indices bad len", lambda: s.indices("a"))
show("indices none", lambda: s.indices())
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3),
      slice(1, 2, None) != slice(1, 2))
show("slice hash", lambda: hash(slice(1)))
show("slice set attr", lambda: setattr(s, "start", 3))
show("zero step", lambda: [1, 2][::0])
