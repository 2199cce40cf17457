# greenlet: ping-pong, deep stacks, exceptions across parents, a round-robin hub, threads.
from greenlet import greenlet, getcurrent, GreenletExit
import greenlet as G
# Producer/consumer ping-pong.
def producer(n):
    for i in range(n):
        consumer_g.switch(i)
    consumer_g.switch(None)
started = []
def consumer():
    total = 0
    while True:
        item = producer_g.switch(100) if total == 0 and not started else producer_g.switch()
        started.append(1)
        if item is None:
            return total
        total += item
consumer_g = greenlet(consumer)
producer_g = greenlet(producer, parent=consumer_g)
print("total", consumer_g.switch())
print(producer_g.dead, consumer_g.dead)
# Deep Python calls inside a greenlet, switching from the bottom.
def depth(n):
    if n == 0:
        return getcurrent().parent.switch("deep")
    return depth(n - 1) + 1
g = greenlet(depth)
print(g.switch(200))
print(g.switch(5))
# Exceptions go to the parent; finally blocks run on throw.
def worker():
    try:
        getcurrent().parent.switch("waiting")
    finally:
        print("worker finally")
w = greenlet(worker)
print(w.switch())
print(repr(w.throw()))
print(w.dead)
def raiser():
    getcurrent().parent.switch(1)
    raise ValueError("late")
r = greenlet(raiser)
r.switch()
try:
    r.switch()
except ValueError as e:
    print("parent saw", e)
# A chain: child's result goes to its parent, which then ends into main.
def parent_fn(x):
    return ("parent got", x)
pg = greenlet(parent_fn)
cg = greenlet(lambda: "child result", parent=pg)
print(cg.switch())
# Round robin of many greenlets.
import collections
ready = collections.deque()
log = []
def task(name, n):
    for i in range(n):
        log.append((name, i))
        ready.append(getcurrent())
        hub.switch()
    return name
def run_hub():
    while ready:
        ready.popleft().switch()
hub = greenlet(run_hub)
for k in range(50):
    ready.append(greenlet(task, parent=hub))
# Start them with arguments through a first switch each.
starters = list(ready); ready.clear()
for k, t in enumerate(starters):
    t.parent = hub
    ready.append(greenlet(lambda t=t, k=k: t.switch("t%d" % k, 3), parent=hub))
hub.switch()
print(len(log), log[:3], log[-1])
# Threads each have their own main greenlet.
import threading
res = []
def th():
    m = getcurrent()
    g = greenlet(lambda: m.switch("in thread") )
    res.append(g.switch())
    res.append(m is not main_g)
main_g = getcurrent()
t = threading.Thread(target=th); t.start(); t.join(5)
print(res)
def other():
    try:
        main_g.switch()
    except G.error as e:
        print("error", str(e).splitlines()[0])
th2 = threading.Thread(target=other); th2.start(); th2.join(5)
