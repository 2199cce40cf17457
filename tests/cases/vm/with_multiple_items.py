# with a, b: enter in order, exit in reverse; exceptions propagate through each.
class CM:
    def __init__(self, name, suppress=False, fail_enter=False):
        self.name = name
        self.suppress = suppress
        self.fail_enter = fail_enter
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("body", a, b)

with CM("outer", suppress=True), CM("inner"):
    raise ValueError("oops")
print("after suppressed")

try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("never")
except RuntimeError as e:
    print("caught", e)

with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)

def f():
    with CM("ret"):
        return "returned"
print(f())

for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break

with CM("m", suppress=True) as m, CM("n", suppress=False):
    1 / 0
print("m suppressed ZeroDivisionError")

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
