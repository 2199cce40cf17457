# logging: the logger tree, handlers, formatters, filters, adapters, basicConfig, files, threads.
import logging, sys, io, threading
logging.warning("before config %s", 1)
logging.info("hidden")
log = logging.getLogger("app.db")
print(log, log.parent, logging.getLogger("app"), log.parent is logging.getLogger("app"))
print(logging.getLogger() is logging.root, logging.getLevelName(20), logging.getLevelName("INFO"), logging.getLevelName(25))
s = io.StringIO()
h = logging.StreamHandler(s)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(module)s|%(funcName)s|%(lineno)d|%(threadName)s|%(message)s"))
log.addHandler(h)
log.setLevel(logging.DEBUG)
def work():
    log.debug("debug %d", 5)
    log.info("dict %(a)s", {"a": 1})
work()
t = threading.Thread(target=work, name="Worker-1"); t.start(); t.join()
try:
    raise ZeroDivisionError('division by zero')
except ZeroDivisionError:
    log.exception("failed")
print(s.getvalue().replace(__file__, "FILE"))
s2 = io.StringIO()
logging.basicConfig(stream=s2, level=logging.INFO, format="{levelname}:{name}:{message}", style="{", force=True)
logging.info("root info")
logging.getLogger("x.y").warning("child %s", "warn")
logging.getLogger("x").propagate = False
logging.getLogger("x.y").error("not shown")
print(s2.getvalue())
f = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
r = logging.makeLogRecord({"msg": "hi", "created": 0.0, "msecs": 0.0})
print(f.format(r).split()[1], len(f.formatTime(r, "%Y")) == 4)
print(len(logging.Formatter().formatTime(r)) == 23)
fl = logging.Filter("a.b")
for n in ["a.b", "a.b.c", "a.bc", "a"]:
    print(n, bool(fl.filter(logging.makeLogRecord({"name": n}))))
ad = logging.LoggerAdapter(logging.getLogger("adapt"), {"user": "bob"})
s3 = io.StringIO(); h3 = logging.StreamHandler(s3); h3.setFormatter(logging.Formatter("%(user)s %(message)s"))
logging.getLogger("adapt").addHandler(h3)
ad.warning("hello")
print(s3.getvalue().strip())
for bad in [lambda: logging.getLogger(5), lambda: log.setLevel("LOUD"), lambda: logging.Formatter("%(x)s", style="#"), lambda: log.log("x", "m")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
logging.disable(logging.CRITICAL)
logging.critical("disabled")
logging.disable(logging.NOTSET)
print(repr(logging.getLogger("x.y")), repr(h)[:15])
class Bad:
    def __str__(self): raise RuntimeError("no str")
logging.getLogger("x.y").propagate = True
logging.basicConfig(stream=sys.stdout, format="%(message)s", force=True)
logging.warning("%d", "notanumber")
logging.warning("done")
import os
path = "/tmp/gilt_logging_case_%d.log" % os.getpid()
fh = logging.FileHandler(path, mode="w")
fh.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(message)s"))
flog = logging.getLogger("file")
flog.propagate = False
flog.addHandler(fh)
flog.error("to file %s", "one")
flog.warning("to file two")
fh.close()
with open(path) as f:
    print(f.read().splitlines())
os.remove(path)
dh = logging.FileHandler(path, delay=True)
print(dh.stream is None, os.path.exists(path))
dh.close()
# Many threads logging at once: every line whole, none lost.
buf = io.StringIO()
th = logging.StreamHandler(buf)
th.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
tl = logging.getLogger("threads")
tl.propagate = False
tl.addHandler(th)
tl.setLevel(logging.INFO)
def spam(k):
    for i in range(200):
        tl.info("line %d of %d", i, k)
ts = [threading.Thread(target=spam, args=(k,), name="T%d" % k) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join(timeout=20)
lines = buf.getvalue().splitlines()
print(len(lines), all(l.split()[0] == "T" + l.split()[-1] for l in lines))
print(sorted(set(l.split()[0] for l in lines)))
log2 = logging.getLogger("stack")
s4 = io.StringIO(); h4 = logging.StreamHandler(s4); log2.addHandler(h4); log2.propagate = False
def deep():
    log2.warning("with stack", stack_info=True)
deep()
print(s4.getvalue().replace(__file__, "FILE"))
