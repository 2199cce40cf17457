# gevent: spawn/joinall, results and errors, Event, Queue, semaphores, Pool, AsyncResult, Timeout, kill, links.
import gevent; gevent.get_hub().exception_stream = None
import gevent
from gevent import Greenlet
from gevent.event import Event, AsyncResult
from gevent.queue import Queue, Empty
from gevent.lock import Semaphore, BoundedSemaphore
from gevent.pool import Pool
print(gevent.__all__ if False else "")
def worker(n):
    print("start", n)
    gevent.sleep(0)
    print("end", n)
    return n * 10
gs = [gevent.spawn(worker, i) for i in range(3)]
done = gevent.joinall(gs)
print([g.value for g in gs], len(done), [g.successful() for g in gs], [g.dead for g in gs])
def boom():
    raise ValueError("bad")
g = gevent.spawn(boom)
g.join()
print(g.successful(), repr(g.exception), g.value, g.ready())
try:
    g.get()
except ValueError as e:
    print("get raised", e)
ev = Event()
def waiter(i):
    ev.wait()
    print("woke", i)
ws = [gevent.spawn(waiter, i) for i in range(3)]
gevent.sleep(0)
print("setting")
ev.set()
gevent.joinall(ws)
q = Queue()
def producer():
    for i in range(5):
        q.put(i)
        gevent.sleep(0)
    q.put(None)
def consumer():
    out = []
    while True:
        item = q.get()
        if item is None:
            return out
        out.append(item)
p, c = gevent.spawn(producer), gevent.spawn(consumer)
gevent.joinall([p, c])
print(c.value)
try:
    Queue().get(timeout=0.01)
except Empty:
    print("empty")
sem = BoundedSemaphore(2)
active = []
peak = [0]
def limited(i):
    with sem:
        active.append(i)
        peak[0] = max(peak[0], len(active))
        gevent.sleep(0.001)
        active.remove(i)
gevent.joinall([gevent.spawn(limited, i) for i in range(6)])
print("peak", peak[0])
pool = Pool(3)
print(pool.map(lambda x: x * x, range(6)))
print(sorted(pool.imap_unordered(lambda x: x + 1, range(4))))
ar = AsyncResult()
gevent.spawn_later(0.01, ar.set, "later")
print(ar.get(timeout=1))
t = gevent.Timeout(0.01)
t.start()
try:
    gevent.sleep(1)
except gevent.Timeout as e:
    print("timed out", e is t)
finally:
    t.cancel()
with gevent.Timeout(0.01, False):
    gevent.sleep(1)
print("after silent timeout")
def forever():
    try:
        gevent.sleep(10)
    except gevent.GreenletExit:
        print("killed")
        raise
k = gevent.spawn(forever)
gevent.sleep(0)
k.kill()
print(k.dead, isinstance(k.value, gevent.GreenletExit))
order = []
for d in (0.03, 0.01, 0.02):
    gevent.spawn(lambda d=d: (gevent.sleep(d), order.append(d)))
gevent.wait()
print(order)
print(gevent.with_timeout(0.01, gevent.sleep, 1, timeout_value="dflt"))
links = []
g2 = Greenlet(lambda: 5)
g2.link(lambda gl: links.append(("link", gl.value)))
g2.start()
g2.join()
gevent.sleep(0)
print(links)
class MyG(Greenlet):
    def _run(self):
        return "subclass"
m = MyG(); m.start(); print(m.get())
