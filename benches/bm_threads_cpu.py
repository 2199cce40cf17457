# Four threads each doing the same CPU-bound work, under the GIL.
import threading


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


results = []
lock = threading.Lock()


def run(n):
    r = work(n)
    with lock:
        results.append(r)


threads = [threading.Thread(target=run, args=(600_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), results[0])
