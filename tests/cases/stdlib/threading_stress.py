# Sixteen threads share a list, a dict, a set, an object and a file; the GIL
# keeps every structure consistent, and a lock makes read-modify-write exact.
import os
import threading

N_THREADS = 16
ROUNDS = 20000

shared_list = []
shared_dict = {}
shared_set = set()
lock = threading.Lock()
path = "threading_stress.tmp"


class Counter:
    def __init__(self):
        self.value = 0
        self.last = None


counter = Counter()
out = open(path, "w")


def work(tid):
    for i in range(ROUNDS):
        shared_list.append(i)
        shared_dict[(tid, i)] = i * tid
        shared_set.add(i % 100 + tid * 1000)
        counter.last = tid
        with lock:
            counter.value += 1
            out.write(f"{tid} {i}\n")
        if i % 500 == 0:
            shared_list.pop()


threads = [threading.Thread(target=work, args=(t,)) for t in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=60)
out.close()

print(all(not t.is_alive() for t in threads))
print(len(shared_list) == N_THREADS * (ROUNDS - ROUNDS // 500))
print(len(shared_dict) == N_THREADS * ROUNDS)
print(sum(shared_dict.values()) == sum(i * t for t in range(N_THREADS) for i in range(ROUNDS)))
print(len(shared_set) == N_THREADS * 100)
print(counter.value == N_THREADS * ROUNDS, counter.last in range(N_THREADS))
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines) == N_THREADS * ROUNDS)
per_thread = {}
for line in lines:
    tid, i = map(int, line.split())
    per_thread.setdefault(tid, []).append(i)
print(all(per_thread[t] == list(range(ROUNDS)) for t in range(N_THREADS)))
# The GIL changed hands while they ran: the file is not one thread after another.
switches = sum(1 for a, b in zip(lines, lines[1:]) if a.split()[0] != b.split()[0])
print(switches > 4 * N_THREADS)
os.remove(path)
