# Thread start and join, uncontended Lock acquire/release, and Queue round
# trips between two threads.
import queue
import threading

started = [0]


def nothing():
    started[0] += 1


for _ in range(300):
    t = threading.Thread(target=nothing)
    t.start()
    t.join()

lock = threading.Lock()
for _ in range(200_000):
    lock.acquire()
    lock.release()
with_count = 0
for _ in range(100_000):
    with lock:
        with_count += 1

requests = queue.Queue()
replies = queue.Queue()


def echo():
    while True:
        item = requests.get()
        if item is None:
            return
        replies.put(item + 1)


server = threading.Thread(target=echo)
server.start()
total = 0
for i in range(5_000):
    requests.put(i)
    total += replies.get()
requests.put(None)
server.join()
print(started[0], with_count, total)
