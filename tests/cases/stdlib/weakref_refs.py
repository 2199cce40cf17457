import weakref, gc, sys
class A:
    def __init__(self, n): self.n = n
    def m(self): return self.n
    def __repr__(self): return f"A({self.n})"
a = A(1)
r = weakref.ref(a)
print(r() is a, r() , weakref.getweakrefcount(a), weakref.ref(a) is r)
log = []
r2 = weakref.ref(a, lambda w: log.append(('dead', w is r2, w())))
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), r2 == r, hash(r) == hash(a))
del a
print(r(), log, r2.__callback__)
try:
    hash(weakref.ref(A(2)))
except TypeError as e: print("TypeError", e)
for bad in (1, "s", [], {}, (1,)):
    try:
        weakref.ref(bad)
    except TypeError as e: print("TypeError", e)
# cycles freed by the collector
class Node: pass
x = Node(); y = Node(); x.o = y; y.o = x
rx = weakref.ref(x)
del x, y
print(rx() is not None)
print(gc.collect() > 0, rx() is None)
# WeakValueDictionary
d = weakref.WeakValueDictionary()
objs = [A(i) for i in range(5)]
for o in objs: d[o.n] = o
print(len(d), sorted(d.keys()), d.get(3), 3 in d)
del objs[1:3]
print(len(d), sorted(d.keys()), d.get(1), 1 in d)
try: d[1]
except KeyError as e: print("KeyError", e)
# WeakKeyDictionary
k = weakref.WeakKeyDictionary()
keys = [A(i) for i in range(3)]
for o in keys: k[o] = o.n * 10
print(len(k), sorted(k.values()))
keys.pop()
print(len(k), sorted(k.values()), keys[0] in k)
# WeakSet
s = weakref.WeakSet(keys)
print(len(s), keys[0] in s, 5 in s)
keys.clear()
print(len(s), list(s))
# WeakMethod
a = A(7)
wm = weakref.WeakMethod(a.m)
print(wm()(), wm() == a.m)
del a
print(wm())
# finalize
class R: pass
o = R()
f = weakref.finalize(o, print, "finalized", 1)
print(f.alive, f.peek()[1:])
del o
print(f.alive)
o2 = R()
f2 = weakref.finalize(o2, print, "at exit")
f3 = weakref.finalize(o2, print, "detached")
print(f3.detach()[1:], f3.alive)
# proxy
a = A(9)
p = weakref.proxy(a)
print(p.n, p.m(), str(p), isinstance(p, weakref.ProxyType))
p.n = 10
print(a.n)
del a
try: p.n
except ReferenceError as e: print("ReferenceError", e)
try: hash(weakref.proxy(R()))
except TypeError as e: print("TypeError", e)
# functions and classes
def fn(): pass
print(weakref.ref(fn)() is fn, weakref.ref(A)() is A)
# callback that raises
def bad(w): raise ValueError("boom")
t = R(); rr = weakref.ref(t, bad); del t
print("after bad callback")
# generator cycle with a finally
def gen():
    try:
        me = yield 1
        yield me
    finally:
        print("gen finally ran")
g = gen(); next(g); g.send(g)
del g
print("collected", gc.collect() >= 0)
gc.collect()
print("end")
