# Scope errors: UnboundLocalError, bad nonlocal/global declarations.
x = 10
def uses_before_assign():
    print(x)
    x = 5
try:
    uses_before_assign()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))

def augmented():
    x += 1
try:
    augmented()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def cond(flag):
    if flag:
        y = 1
    return y
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)

def deleted():
    z = 1
    del z
    return z
try:
    deleted()
except UnboundLocalError as e:
    print(type(e).__name__, e)

for src in [
    "def f():\n    nonlocal q\n",
    "nonlocal q\n",
    "def f():\n    x = 1\n    global x\n",
    "def f(a):\n    global a\n",
    "def f():\n    def g():\n        nonlocal zz\n",
]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)

def make():
    v = 0
    def inc():
        nonlocal v
        v += 1
        return v
    return inc
f = make()
print(f(), f())

def set_global():
    global new_global
    new_global = "created"
set_global()
print(new_global)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
