# Threads making and dropping cycles while the collector runs: nothing
# reachable is ever cleared, whichever thread triggers a collection.
import threading, gc, weakref
class N: pass
errors = []
def work(k):
    try:
        keep = []
        for i in range(30000):
            a = N(); b = N(); a.b = b; b.a = a
            a.data = [i, k, {"x": a}]
            if i % 100 == 0:
                keep.append(a)
        for j, a in enumerate(keep):
            assert a.data[0] == j * 100 and a.b.a is a and a.data[2]["x"] is a
    except Exception as e:
        errors.append(repr(e))
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(errors, gc.collect() >= 0)
