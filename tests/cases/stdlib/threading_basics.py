import threading, time
results = []
lock = threading.Lock()
def work(n):
    total = 0
    for i in range(20000):
        total += i
    with lock:
        results.append((n, total))
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
print(ts[0].name, ts[0].is_alive(), repr(ts[0]))
for t in ts: t.start()
for t in ts: t.join(timeout=10)
print(sorted(results))
print(all(not t.is_alive() for t in ts), threading.active_count(), threading.current_thread().name)
print(threading.main_thread() is threading.current_thread(), repr(ts[0]).split(",")[1].split()[0])
ev = threading.Event()
def waiter(): 
    ev.wait(5); results.append('woke')
t = threading.Thread(target=waiter); t.start(); time.sleep(0.05); ev.set(); t.join(5)
print(results[-1], ev.is_set())
c = threading.Condition()
items = []
def consumer():
    with c:
        c.wait_for(lambda: items, timeout=5)
        results.append(items.pop())
t = threading.Thread(target=consumer, daemon=True); t.start()
with c:
    items.append(42); c.notify()
t.join(5); print(results[-1], t.daemon)
s = threading.Semaphore(2); print(s.acquire(), s.acquire(), s.acquire(timeout=0.01))
b = threading.BoundedSemaphore(1)
try:
    b.release()
except ValueError as e: print(e)
bar = threading.Barrier(3)
idx = []
def party():
    idx.append(bar.wait(5))
ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps: p.start()
for p in ps: p.join(5)
print(sorted(idx))
loc = threading.local()
loc.x = 1
def other(): 
    results.append(hasattr(loc, 'x')); loc.x = 2
t = threading.Thread(target=other); t.start(); t.join()
print(results[-1], loc.x)
def boom(): raise ValueError("boom")
t = threading.Thread(target=boom, name="Bad"); t.start(); t.join()
tm = threading.Timer(0.01, lambda: results.append('timer')); tm.start(); tm.join(5); print(results[-1])
try: t.start()
except RuntimeError as e: print(e)
try: threading.current_thread().join()
except RuntimeError as e: print(e)
try: threading.Thread().join()
except RuntimeError as e: print(e)
