# NameError messages for globals, builtins, deleted names and class bodies.
def show(src):
    try:
        exec(src, {})
    except NameError as e:
        print(type(e).__name__, e)
show("undefined_thing")
show("x = 1\ndel x\nx")
show("print(lenn([]))")
show("def f():\n    return missing\nf()")
show("[y for x in range(2)]")
show("lambda: q\n(lambda: q)()")
show("del nothing_here")
show("def g():\n    global gg\n    return gg\ng()")
try:
    undefined_global
except NameError as e:
    print(e.args)
try:
    Undefined.attr
except NameError as e:
    print(type(e).__name__, e)
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
try:
    raise NameError("custom message")
except NameError as e:
    print(type(e).__name__, e)
def outer():
    def inner():
        return free
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    free = 1
outer()
print(issubclass(NameError, Exception), issubclass(UnboundLocalError, NameError))
