# send(), throw() and close() on generators.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count

a = averager()
print(next(a), a.send(10), a.send(20), a.send(0))

g = averager()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"

c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", type(e).__name__, e)
print(list(c))

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
d = closer()
print(next(d))
d.close()
d.close()
try:
    next(d)
except StopIteration:
    print("stopped")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def ret():
    x = yield
    return x * 2
r = ret()
next(r)
try:
    r.send(21)
except StopIteration as e:
    print("value", e.value)

def deleg():
    res = yield from averager()
de = deleg()
next(de)
print(de.send(4), de.send(8))
