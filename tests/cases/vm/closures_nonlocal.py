# Closures capture variables, not values; nonlocal rebinds the enclosing cell.
def counter(start=0):
    n = start
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc, get = counter(10)
print(inc(), inc(5), get())

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())

def make_acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = make_acc()
print(a(1), a(2), a(3))
print(a.__closure__ is not None, len(a.__closure__))
print(type(a.__closure__[0]).__name__)

def late():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    y = 5
    return f()
print(late())

def shadow():
    v = 1
    def g():
        v = 2
        return v
    return g(), v
print(shadow())

x = 0
def gl():
    global x
    x += 100
    return x
print(gl(), x)
