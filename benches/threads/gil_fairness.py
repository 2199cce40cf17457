"""What the GIL does to threads, measured in one run (not a pass/fail test):

1. Overhead: four CPU-bound threads against the same work done serially.
2. Convoy effect: wake-up latency of a thread sleeping 1 ms at a time while
   another thread spins on the CPU, and how much the spinner slows down.

Prints one line per figure; benches/threads.sh runs this under gilt and
CPython and shows both.
"""
import threading
import time


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


N = 400_000
t0 = time.perf_counter()
for _ in range(4):
    work(N)
serial = time.perf_counter() - t0
threads = [threading.Thread(target=work, args=(N,)) for _ in range(4)]
t0 = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - t0
print("threads/serial %.2f" % (threaded / serial))


def spin_rate(seconds):
    count = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        count += 1
    return count / seconds


alone = spin_rate(0.5)
stop = False
spun = [0]


def spinner():
    count = 0
    t0 = time.perf_counter()
    while not stop:
        time.perf_counter()
        count += 1
    spun[0] = count / (time.perf_counter() - t0)


latencies = []


def sleeper():
    for _ in range(400):
        t0 = time.perf_counter()
        time.sleep(0.001)
        latencies.append(time.perf_counter() - t0 - 0.001)


s = threading.Thread(target=spinner)
w = threading.Thread(target=sleeper)
s.start()
w.start()
w.join()
stop = True
s.join()
latencies.sort()
print("sleep wake-up p50 %.3f ms" % (latencies[len(latencies) // 2] * 1e3))
print("sleep wake-up p99 %.3f ms" % (latencies[len(latencies) * 99 // 100] * 1e3))
print("spinner throughput kept %.0f%%" % (100 * spun[0] / alone))
