# Defaults are evaluated once, at def time.
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
print(append_to(3, []))
print(append_to.__defaults__)

def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))

n = 10
def f(a=n):
    return a
n = 20
print(f())

def g(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(g(0, c=3))
print(g(0, 9, 8, 7, c=3, e=5))
print(g.__defaults__, sorted(g.__kwdefaults__.items()))

def h(a, b=2):
    return a, b

calls = []
def stamp():
    calls.append(1)
    return len(calls)
def uses(x=stamp()):
    return x
print(uses(), uses(), len(calls))

def d(x={}):
    x.setdefault("k", 0)
    x["k"] += 1
    return x["k"]
print(d(), d(), d({}))

try:
    exec("def bad(a=1, b): pass")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
