# gevent: iterating queues, pools and user iterators that block (their __next__ runs as a frame of the loop).
import gevent
from gevent.queue import Queue, JoinableQueue
from gevent.pool import Pool
q = Queue()
def producer():
    for i in range(5):
        q.put(i)
        gevent.sleep(0)
    q.put(StopIteration)
got = []
def consumer():
    for item in q:
        got.append(item)
gevent.joinall([gevent.spawn(producer), gevent.spawn(consumer)])
print(got)
pool = Pool(2)
for r in pool.imap(lambda x: (gevent.sleep(0.001 * (5 - x)), x)[1], range(5)):
    print("imap", r)
for g in gevent.iwait([gevent.spawn(gevent.sleep, 0.002 * k) for k in (3, 1, 2)]):
    print("iwait done", g.dead)
jq = JoinableQueue()
def worker(n):
    while True:
        item = jq.get()
        try:
            gevent.sleep(0.001)
            done.append((n, item))
        finally:
            jq.task_done()
done = []
for k in range(3):
    gevent.spawn(worker, k)
for item in range(9):
    jq.put(item)
jq.join()
print(sorted(i for _, i in done), len(done))
class Ticker:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        gevent.sleep(0.001)
        return self.n
def tick(name):
    return [(name, t) for t in Ticker()]
a, b = gevent.spawn(tick, "a"), gevent.spawn(tick, "b")
gevent.joinall([a, b])
print(a.value, b.value)
