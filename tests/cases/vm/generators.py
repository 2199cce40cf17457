# Generators: for loops, next(), send(), return values, yield from,
# generator expressions, close() and throw(), PEP 479.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count_up(5)), sum(count_up(101)), [x * x for x in count_up(4)])
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value if hasattr(e, "value") else e.args)

def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.args)

def chain(*iterables):
    for it in iterables:
        result = yield from it
    return result

print(list(chain([1, 2], (3,), "ab", count_up(2))))

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    r = yield from inner()
    yield r

print(list(outer()))
squares = (n * n for n in range(6) if n % 2)
print(type(squares).__name__, list(squares), list(squares), sum(x for x in range(10)))

def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

gen = guarded()
print(next(gen))
gen.close()
print("closed")

def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as err:
            yield f"caught {err}"

c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))

def leaks():
    yield 1
    raise StopIteration

try:
    list(leaks())
except RuntimeError as err:
    print("RuntimeError:", err)

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib_gen()
print([next(f) for _ in range(15)])
try:
    next(iter(count_up(0)))
except StopIteration:
    print("empty generator")
