# Chaining lazy generators; laziness is observable through side effects.
log = []
def source(n):
    for i in range(n):
        log.append("src%d" % i)
        yield i
def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v
def squared(it):
    for v in it:
        log.append("sq%d" % v)
        yield v * v

p = squared(evens(source(6)))
print(log)
print(next(p), log)
print(list(p))
print(log)

def take(n, it):
    for _, v in zip(range(n), it):
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, squared(naturals()))))

def chunks(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(chunks(range(7), 3)))

def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def inner():
    yield 1
    yield 2
    return "done"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))

total = sum(x for x in range(10) if x % 3 == 0)
print(total, max((len(w), w) for w in "a bb ccc dd".split()))
g = (i for i in range(3))
print(list(g), list(g))
print(any(v > 3 for v in naturals()))
