# Functions: defaults, keyword arguments, *args/**kwargs, closures, nonlocal,
# global, lambdas, recursion.
def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"), greet("Bob", "Hi"), greet(greeting="Yo", name="Cy", punct="?"))

def collect(*args, **kwargs):
    return args, sorted(kwargs.items())

print(collect(1, 2, x=3, y=4), collect(*[1, 2], **{"z": 9}))

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
c()
c(5)
print(c(), c.__name__, c.__qualname__)

total = 0
def add_to_total(n):
    global total
    total += n

for i in range(5):
    add_to_total(i)
print(total)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)], (lambda x, y=2: x ** y)(5))

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders()])

def compose(f, g):
    return lambda x: f(g(x))

print(compose(str, abs)(-5) * 2, sorted([3, -1, 2], key=lambda v: -v))
