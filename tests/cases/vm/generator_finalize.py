# Unfinished generators are closed when the last reference goes away.

def counted(name):
    try:
        print(name, "start")
        yield 1
        yield 2
    finally:
        print(name, "finally")


for v in counted("loop"):
    print("got", v)
    break
print("after loop")

g = counted("rebound")
next(g)
g = None
print("after rebind")

g = counted("deleted")
next(g)
del g
print("after del")


def use():
    local = counted("local")
    next(local)
    print("returning")
    return "r"


print(use())
print("after return")

# never started: nothing runs
g = counted("unstarted")
del g
print("after unstarted")

# finished: nothing runs
g = counted("done")
print(list(g))
del g


# a with block in a generator is exited
class Manager:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


def managed():
    with Manager():
        yield "in with"


next(managed())
print("after managed")


# nested: outer and inner both finalize, inner first
def outer():
    try:
        yield from counted("inner")
    finally:
        print("outer finally")


o = outer()
next(o)
o = None
print("after nested")


# a generator expression over a generator
ge = (x for x in counted("genexp"))
print(next(ge))
del ge
print("after genexp")


# a finally that yields again: the error is reported, not raised
def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
next(s)
s = None
print("after stubborn")


# a finally that raises: reported too
def raising():
    try:
        yield 1
    finally:
        raise ValueError("in finally")


r = raising()
next(r)
del r
print("after raising")


# generators in a loop
for i in range(3):
    for v in counted("round %d" % i):
        break
print("end")
