# signal: Python handlers run in the main thread between instructions; os.kill,
# raise_signal and alarm deliver; SIG_IGN/SIG_DFL; errors as CPython words them.
import signal, os, time
print(signal.SIGINT, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
got = []
def handler(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
signal.signal(signal.SIGALRM, handler)
signal.alarm(1)
t0 = time.time()
time.sleep(1.5)
print(got, round(time.time() - t0, 1))
def boom(signum, frame):
    raise RuntimeError("from handler")
signal.signal(signal.SIGUSR2, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(1000): pass
except RuntimeError as e:
    print("caught", e)
for bad in [lambda: signal.signal(99, signal.SIG_IGN), lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN), lambda: signal.signal(signal.SIGINT, 5), lambda: signal.getsignal(0)]:
    try: bad()
    except (ValueError, OSError, TypeError) as e: print(type(e).__name__, e)
print(signal.strsignal(signal.SIGTERM), signal.NSIG, signal.SIG_DFL, signal.SIG_IGN == 1)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN, len(got))
import threading
def in_thread():
    try: signal.signal(signal.SIGUSR1, handler)
    except ValueError as e: got.append(str(e))
t = threading.Thread(target=in_thread); t.start(); t.join()
print(got[-1])
signal.signal(signal.SIGINT, lambda s, f: got.append('int'))
signal.raise_signal(signal.SIGINT)
print(got[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
