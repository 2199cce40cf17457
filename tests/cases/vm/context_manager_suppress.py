# Context managers that swallow, transform or observe exceptions.
class suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.seen = et.__name__ if et else None
        return et is not None and issubclass(et, self.types)

with suppress(KeyError) as s:
    {}["missing"]
print("suppressed", s.seen)
with suppress(KeyError, IndexError) as s:
    [][0]
print("suppressed", s.seen)
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)
with suppress(Exception) as s:
    pass
print("no exception:", s.seen)

class Translate:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise LookupError("translated") from ev
        return False
try:
    with Translate():
        raise KeyError("orig")
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return "non-empty string is true"
with Truthy() as t:
    raise ValueError
print("truthy exit suppressed; target is", t)

class Recorder:
    def __init__(self):
        self.events = []
    def __enter__(self):
        self.events.append("enter")
        return self
    def __exit__(self, et, ev, tb):
        self.events.append(("exit", et.__name__ if et else None, str(ev) if ev else None))
        return True
r = Recorder()
for i in range(3):
    with r:
        if i == 1:
            raise ValueError("i=%d" % i)
print(r.events)

def gen_in_with():
    with suppress(StopIteration):
        next(iter([]))
    return "ok"
print(gen_in_with())
class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print(len(args), args[0], args[1], args[2])
with ExitArgs():
    pass
