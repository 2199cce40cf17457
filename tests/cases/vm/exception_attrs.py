# Attributes every exception has, and the extra ones of some classes.

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

e = ValueError(1, 2)
print(e.args, e.__context__, e.__cause__, e.__suppress_context__, e.__traceback__)
e.args = [5]
print(e.args, str(e), repr(e))
e.args = "ab"
print(e.args)
show("args = 3", lambda: setattr(e, "args", 3))

class Custom(Exception):
    def __init__(self, x):
        self.x = x

c = Custom(3)
print(c.args, c.x, str(c), repr(c))
print(BaseException.__new__(ValueError).args)
print(BaseException.__new__(ValueError, 1, 2).args)
show("kw", lambda: ValueError(x=1))
show("kw subclass", lambda: Custom(x=4).x)

# __cause__, __context__, __suppress_context__, checked on assignment.
e = ValueError("v")
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = TypeError("t")
print(repr(e.__context__))
show("bad cause", lambda: setattr(e, "__cause__", 5))
show("bad context", lambda: setattr(e, "__context__", "x"))
show("bad traceback", lambda: setattr(e, "__traceback__", 5))
show("with_traceback bad", lambda: e.with_traceback(1))
show("with_traceback no arg", lambda: e.with_traceback())

# A traceback is a chain of traceback objects, outermost first.
def inner():
    raise KeyError("deep")

def middle():
    inner()

try:
    middle()
except KeyError as k:
    tb = k.__traceback__
    print(type(tb).__name__)
    while tb is not None:
        frame = tb.tb_frame
        print(" ", frame.f_code.co_name, tb.tb_lineno, type(frame).__name__,
              frame.f_globals is globals(), frame.f_code.co_filename.endswith(".py"))
        tb = tb.tb_next
    saved = k.__traceback__

e2 = RuntimeError("again")
print(e2.with_traceback(saved) is e2, e2.__traceback__ is saved)
e2.__traceback__ = None
print(e2.__traceback__)

# A re-raise keeps the traceback and adds this frame once.
def reraiser():
    try:
        middle()
    except KeyError:
        raise

try:
    reraiser()
except KeyError as k:
    tb, names = k.__traceback__, []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)

# __exit__ receives the traceback object.
class Manager:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print("exit:", typ.__name__, value, type(tb).__name__, tb.tb_lineno)
        return True

with Manager():
    raise ValueError("in with")

# Notes (3.11).
e = ValueError("noted")
print(hasattr(e, "__notes__"))
e.add_note("one")
e.add_note("two")
print(e.__notes__)
show("note int", lambda: e.add_note(3))
show("note none", lambda: e.add_note())
e.__notes__ = "not a list"
show("notes not list", lambda: e.add_note("x"))

# KeyError's str quirk, and others'.
print(repr(str(KeyError())), str(KeyError("x")), str(KeyError("x", "y")), repr(KeyError("x")))
print(str(KeyError(1)), str(KeyError("")), str(ValueError("")), repr(str(ValueError())))

# NameError.name, AttributeError.name and .obj.
try:
    undefined_name
except NameError as n:
    print("NameError", n.name, n)

def local_use():
    print(later)
    later = 1

try:
    local_use()
except UnboundLocalError as u:
    print("UnboundLocalError", u.name, u)

class Thing:
    pass

t = Thing()
try:
    t.missing
except AttributeError as a:
    print("AttributeError", a.name, a.obj is t, a)

try:
    (5).real_part
except AttributeError as a:
    print("AttributeError", a.name, a.obj, a)

try:
    "s".nomethod()
except AttributeError as a:
    print("AttributeError", a.name, a.obj, a)

print(NameError("x", name="nm").name, NameError("x").name)
a = AttributeError("m", name="n", obj=5)
print(a.name, a.obj, a.args)
show("NameError bad kw", lambda: NameError("x", obj=1))

# SystemExit.code, StopIteration.value.
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code, SystemExit("msg").code)
import sys
for arg in [(), (0,), (4,), ("text",), ((1, 2),)]:
    try:
        sys.exit(*arg)
    except SystemExit as s:
        print("exit", arg, "->", repr(s.code), s.args)
print(StopIteration(4).value, StopIteration().value, StopIteration(1, 2).value)

def gen():
    yield 1
    return "done"

g = gen()
next(g)
try:
    next(g)
except StopIteration as s:
    print("generator returned", s.value, s.args)

# OSError's attributes.
o = OSError(2, "No such file", "f.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, o.filename2, o)
o = OSError("just a message")
print(o.errno, o.strerror, o.args, o)

# The process exit status comes from SystemExit.code.
sys.exit((1, 2))
