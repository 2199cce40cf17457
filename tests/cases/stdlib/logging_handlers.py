# logging.handlers: QueueHandler/QueueListener across threads, RotatingFileHandler, MemoryHandler.
import logging, logging.handlers, queue, os, io, threading
q = queue.Queue()
out = io.StringIO()
sh = logging.StreamHandler(out)
sh.setFormatter(logging.Formatter("%(threadName)s:%(levelname)s:%(message)s"))
listener = logging.handlers.QueueListener(q, sh)
listener.start()
log = logging.getLogger("q")
log.propagate = False
log.setLevel(logging.DEBUG)
qh = logging.handlers.QueueHandler(q)
log.addHandler(qh)
def work(n):
    for i in range(50):
        log.info("n=%d i=%d", n, i)
ts = [threading.Thread(target=work, args=(k,), name="W%d" % k) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join(timeout=20)
try:
    raise KeyError("boom")
except KeyError:
    log.exception("caught")
listener.stop()
lines = out.getvalue().splitlines()
print(len(lines), sorted(set(l.split(":")[0] for l in lines if l[:1] in "MW")))
print([l for l in lines if "caught" in l][0])
print(lines[-1])
base = "/tmp/gilt_rot_%d.log" % os.getpid()
rh = logging.handlers.RotatingFileHandler(base, maxBytes=60, backupCount=2)
rl = logging.getLogger("rot"); rl.propagate = False; rl.addHandler(rh)
for i in range(10):
    rl.warning("message number %02d", i)
rh.close()
for name in [base, base + ".1", base + ".2", base + ".3"]:
    if os.path.exists(name):
        with open(name) as f:
            print(name.replace(base, "BASE"), f.read().splitlines())
        os.remove(name)
    else:
        print(name.replace(base, "BASE"), "missing")
target = logging.StreamHandler(io.StringIO())
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
ml = logging.getLogger("mem"); ml.propagate = False; ml.addHandler(mh)
ml.warning("a"); ml.warning("b")
print(len(mh.buffer), repr(target.stream.getvalue()))
ml.error("c")
print(len(mh.buffer), repr(target.stream.getvalue()))
