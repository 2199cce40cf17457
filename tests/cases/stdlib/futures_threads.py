# concurrent.futures with ThreadPoolExecutor: submit, map, wait, as_completed,
# callbacks, cancellation, exceptions and timeouts.
import threading
import time
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION,
                                CancelledError, Future, ThreadPoolExecutor,
                                TimeoutError, as_completed, wait)
import concurrent.futures as cf


def square(x):
    return x * x


def fail(x):
    raise ValueError(f"bad {x}")


with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(square, i) for i in range(10)]
    print([f.result(timeout=10) for f in futures])
    print(list(ex.map(square, range(8), timeout=10)))
    print(sorted(f.result() for f in as_completed(futures, timeout=10)))
    done, not_done = wait(futures, timeout=10)
    print(len(done), len(not_done))
    bad = ex.submit(fail, 3)
    try:
        bad.result(timeout=10)
    except ValueError as e:
        print("ValueError", e)
    print(type(bad.exception()).__name__, bad.done(), bad.cancelled())
    print(repr(bad).split(" state=")[1])
    print(repr(futures[0]).split(" state=")[1])

    # Callbacks run once the future is done (at once if it already is).
    seen = []
    f = ex.submit(square, 7)
    f.result(timeout=10)
    f.add_done_callback(lambda fut: seen.append(fut.result()))
    print(seen)

    # A slow task: result(timeout) times out, wait returns early.
    gate = threading.Event()
    slow = ex.submit(gate.wait, 10)
    try:
        slow.result(timeout=0.05)
    except TimeoutError:
        print("timed out", slow.running())
    done, not_done = wait([slow, f], timeout=10, return_when=FIRST_COMPLETED)
    print(f in done, slow in not_done)
    gate.set()
    print(slow.result(timeout=10))

    done, not_done = wait([ex.submit(fail, 1), ex.submit(gate.wait, 10)],
                          timeout=10, return_when=FIRST_EXCEPTION)
    print(len(done) >= 1)

# Cancelling work that has not started.
release = threading.Event()
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo") as ex:
    first = ex.submit(release.wait, 10)
    queued = ex.submit(square, 2)
    print(queued.cancel(), queued.cancelled(), queued.done())
    try:
        queued.result()
    except CancelledError:
        print("CancelledError")
    names = ex.submit(lambda: threading.current_thread().name)
    release.set()
    print(names.result(timeout=10))

# Errors.
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)
ex = ThreadPoolExecutor(2)
ex.shutdown()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)
fut = Future()
fut.set_result(1)
try:
    fut.set_result(2)
except cf.InvalidStateError:
    print("InvalidStateError")
print(Future().cancel(), TimeoutError is cf.TimeoutError)

# shutdown(cancel_futures=True) cancels what is still queued.
stop = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
running = ex.submit(stop.wait, 10)
waiting = [ex.submit(square, i) for i in range(5)]
time.sleep(0.05)
stop.set()
ex.shutdown(wait=True, cancel_futures=True)
print(all(w.cancelled() or w.done() for w in waiting), running.result())

# Many tasks across many threads.
with ThreadPoolExecutor(max_workers=8) as ex:
    print(sum(ex.map(square, range(1000))))
