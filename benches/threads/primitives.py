"""The costs of threading's building blocks, measured in one run (not a
pass/fail test): thread start+join, an uncontended Lock acquire/release, a
Queue put/get round trip between two threads, and a ping-pong over a
socketpair while another thread spins on the CPU (the convoy effect on IO).

Prints one line per figure (median of five rounds); benches/threads.sh runs
this under gilt and CPython and shows both.
"""
import queue
import socket
import threading
import time


def median_of(rounds, f):
    return sorted(f() for _ in range(rounds))[rounds // 2]


def start_join():
    n = 300
    t0 = time.perf_counter()
    for _ in range(n):
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()
    return (time.perf_counter() - t0) / n * 1e6


def lock_pair():
    lock = threading.Lock()
    n = 200_000
    t0 = time.perf_counter()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return (time.perf_counter() - t0) / n * 1e9


def queue_round_trip():
    there, back = queue.Queue(), queue.Queue()
    n = 3000

    def echo():
        for _ in range(n):
            back.put(there.get())

    t = threading.Thread(target=echo)
    t.start()
    t0 = time.perf_counter()
    for i in range(n):
        there.put(i)
        back.get()
    elapsed = time.perf_counter() - t0
    t.join()
    return elapsed / n * 1e6


def socket_ping_pong_under_load():
    a, b = socket.socketpair()
    stop = [False]

    def spinner():
        while not stop[0]:
            pass

    def echo():
        while True:
            data = b.recv(16)
            if not data:
                return
            b.sendall(data)

    threads = [threading.Thread(target=spinner), threading.Thread(target=echo)]
    for t in threads:
        t.start()
    latencies = []
    for _ in range(200):
        t0 = time.perf_counter()
        a.sendall(b"x")
        a.recv(16)
        latencies.append(time.perf_counter() - t0)
    stop[0] = True
    a.close()
    for t in threads:
        t.join()
    b.close()
    latencies.sort()
    return latencies[len(latencies) // 2] * 1e3, latencies[int(len(latencies) * 0.99)] * 1e3


print("thread start+join   %8.1f us" % median_of(5, start_join))
print("lock acquire+release %7.1f ns" % median_of(5, lock_pair))
print("queue round trip    %8.1f us" % median_of(5, queue_round_trip))
p50, p99 = socket_ping_pong_under_load()
print("socket ping-pong with a spinner: p50 %.3f ms, p99 %.3f ms" % (p50, p99))
