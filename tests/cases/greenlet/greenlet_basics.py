# greenlet: switch/throw semantics, values passed, parents, dead greenlets, errors.
from greenlet import greenlet, getcurrent, GreenletExit
import greenlet as G
def f(*a, **k):
    print("f got", a, k)
    r = main.switch("from f")
    print("f resumed with", r)
    return "f done"
main = getcurrent()
g = greenlet(f)
print(bool(g), g.dead, hasattr(g, "run"))
print("main got", g.switch(1, 2, x=3))
print(bool(g), g.dead, hasattr(g, "run"))
print("main got", g.switch("again"))
print(bool(g), g.dead)
print("switch dead:", g.switch("x"))
h = greenlet(lambda: 1)
try:
    h.throw(ValueError("unstarted"))
except ValueError as e:
    print("unstarted throw ->", e, h.dead)
def k():
    try:
        main.switch()
    except GreenletExit:
        print("exit caught")
        return "killed"
kk = greenlet(k); kk.switch()
print(kk.throw())
print(greenlet(lambda *a: a).switch(), greenlet(lambda *a, **k: (a, k)).switch(x=1))
def z():
    return main.switch(), main.switch(1, 2), main.switch(a=1), main.switch(1, a=2)
zz = greenlet(z); zz.switch()
print(zz.switch(), zz.switch(), zz.switch(), zz.switch())
print(repr(G.error), G.error.__mro__)
try:
    g.parent = 5
except TypeError as e: print(e)
p = greenlet(lambda: None)
c = greenlet(lambda: None, parent=p)
try:
    p.parent = c
except ValueError as e: print(e)
def boom(): raise KeyError("b")
try:
    greenlet(boom).switch()
except KeyError as e: print("propagated", e)
print(main.parent, main.dead, bool(main), getcurrent() is main)
print(greenlet().run if False else "")
try:
    greenlet().switch()
except AttributeError as e: print("AE", e)
