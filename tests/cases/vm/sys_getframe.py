# sys._getframe: the running frames, linked through f_back.
import sys


def where(depth=1):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno


def inner(a, b=2):
    print("inner locals", sorted(sys._getframe().f_locals))
    print("caller of where", where())
    print("two up", where(2))
    back = sys._getframe(1)
    print("back", back.f_code.co_name, back.f_back.f_code.co_name, back.f_back.f_back)
    return sys._getframe().f_code.co_filename.endswith("sys_getframe.py")


def outer():
    x = 1
    return inner(x)


print(outer())
top = sys._getframe()
print(top.f_locals is globals(), top.f_globals is globals(), top.f_back)
print(top.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
print(type(top).__name__, top.f_trace)

# Through native code calling back into Python.
print(sorted([3, 1], key=lambda v: (where(2)[0], v)))
print(list(map(lambda v: where(2), [1])))


# From a generator: its caller is whoever resumed it.
def gen():
    yield where()
    yield sys._getframe(1).f_code.co_name


def drive():
    g = gen()
    return next(g), next(g)


print(drive())


class K:
    print("class body", where(), sys._getframe().f_code.co_name)


# Errors.
for bad in (10_000, "x", 1.5):
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys._getframe(0, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(sys._getframe(-3).f_code.co_name)
