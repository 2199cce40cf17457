# Closures: counters and adders built by nested functions, nonlocal updates,
# closures passed as arguments and composed, and lambdas.


def make_counter(start):
    n = start

    def inc(step):
        nonlocal n
        n += step
        return n
    return inc


def make_adder(k):
    def add(x):
        return x + k
    return add


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def make_acc():
    items = []

    def push(v):
        items.append(v)
        return len(items)

    def total():
        s = 0
        for v in items:
            s += v
        return s
    return push, total


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


counters = [make_counter(i) for i in range(10)]
adders = [make_adder(i) for i in range(10)]
chain = compose(make_adder(3), compose(lambda v: v * 2 % 1000003, make_adder(-1)))

total = 0
for i in range(520000):
    c = counters[i % 10]
    a = adders[i % 7]
    total += a(c(1)) & 1023
push, tot = make_acc()
for i in range(260000):
    push(i % 91)
x = apply_n(chain, 650000, 1)
scale = 3
mul = lambda v: v * scale
s = 0
for i in range(390000):
    s = (s + mul(i)) % 999983
print("closures", total, tot(), x, s, counters[3](0))
