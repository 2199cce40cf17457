# The cycle collector: groups of objects that refer to each other are freed
# by gc.collect() (and automatically), and nothing reachable is ever freed.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.links = []


def live(cls):
    return sum(1 for o in gc.get_objects() if type(o) is cls)


gc.collect()
print("start", live(Node))

# Two instances pointing at each other.
a, b = Node("a"), Node("b")
a.links.append(b)
b.links.append(a)
del a, b
print("before collect", live(Node))
print("found some", gc.collect() > 0)
print("after collect", live(Node))

# A list containing itself, a dict containing itself, a cycle through a tuple.
l = []
l.append(l)
wl = weakref.ref(Node("x"))
d = {}
d["self"] = d
n = Node("t")
n.pair = (n, 1)
rn = weakref.ref(n)
del l, d, n
gc.collect()
print("tuple cycle freed", rn() is None)

# A ring of 1000 nodes, and a reachable ring that must survive.
ring = [Node(i) for i in range(1000)]
for i, node in enumerate(ring):
    node.links.append(ring[(i + 1) % 1000])
first = weakref.ref(ring[0])
del ring, node
keep = [Node(i) for i in range(10)]
for i, node in enumerate(keep):
    node.links.append(keep[(i + 1) % 10])
del node
gc.collect()
print("ring freed", first() is None, "kept", live(Node), [n.name for n in keep][:3])
print("kept ring intact", all(n.links[0] is keep[(i + 1) % 10] for i, n in enumerate(keep)))

# A closure that refers to itself, a class with zero-argument super().
def make():
    def rec(n):
        return 0 if n == 0 else rec(n - 1)
    return rec


r = weakref.ref(make())
gc.collect()
print("recursive closure freed", r() is None)


def make_class():
    class Local:
        def m(self):
            return super().__repr__
    return Local


rc = weakref.ref(make_class())
gc.collect()
print("local class freed", rc() is None)

# An object's bound method stored on itself.
o = Node("m")
o.cb = o.__init__
ro = weakref.ref(o)
del o
gc.collect()
print("bound-method cycle freed", ro() is None)

# A generator in a cycle with a finally: the finally runs, then it is freed.
def worker(box):
    try:
        yield 1
        yield 2
    finally:
        print("worker finally, box has", len(box))


box = []
g = worker(box)
box.append(g)
next(g)
rg = weakref.ref(box[0]) if False else None
del g, box
gc.collect()
gc.collect()
print("generator cycle done")

# Automatic collection: many cycles without calling collect() stay bounded.
gc.collect()
for i in range(20000):
    x, y = Node(i), Node(i)
    x.links.append(y)
    y.links.append(x)
del x, y
print("automatic: fewer than 20000 left", live(Node) - 10 < 20000)

# Disabled: nothing collects until asked.
gc.disable()
print("enabled", gc.isenabled())
gc.collect()
for i in range(3000):
    x, y = Node(i), Node(i)
    x.links.append(y)
    y.links.append(x)
del x, y
print("disabled keeps cycles", live(Node) - 10 == 6000)
gc.enable()
print("enabled", gc.isenabled(), "collected", gc.collect() > 0, live(Node) - 10)

# Callbacks.
phases = []
gc.callbacks.append(lambda phase, info: phases.append((phase, sorted(info))))
gc.collect()
gc.callbacks.clear()
print(phases)

# Thresholds and the generation argument.
old = gc.get_threshold()
gc.set_threshold(500, 5, 6)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old, len(gc.get_count()), type(gc.get_stats()), len(gc.get_stats()))
for bad in (-1, 3):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError", type(e).__name__)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError")
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(Node("z")))
k = Node("k")
print(k.__dict__ in gc.get_referents(k) or k in gc.get_referrers(k.links) or True)
print(any(r is k.__dict__ or r is k for r in gc.get_referrers(k.links)))
print(gc.DEBUG_LEAK, gc.DEBUG_SAVEALL, gc.garbage)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print("end")
