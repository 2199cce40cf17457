# ExceptionGroup / BaseExceptionGroup: construction, attributes, split, subgroup, derive.

def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError("k"), ValueError(3)])])
print(type(eg).__name__, eg.message, len(eg.exceptions), type(eg.exceptions).__name__)
print(str(eg))
print(repr(eg))
print(eg.args)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
print([c.__name__ for c in ExceptionGroup.__mro__])
print(str(ExceptionGroup("one", [ValueError()])))
print(repr(ExceptionGroup("tuple", (ValueError(1),))))

# BaseExceptionGroup picks ExceptionGroup when every member is an Exception.
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("b", [ValueError(), SystemExit()])).__name__)

# Constructor failures.
show("no args", lambda: ExceptionGroup())
show("one arg", lambda: ExceptionGroup("m"))
show("three args", lambda: ExceptionGroup("m", [ValueError()], 3))
show("bad message", lambda: ExceptionGroup(1, [ValueError()]))
show("not a sequence", lambda: ExceptionGroup("m", 5))
show("a set", lambda: ExceptionGroup("m", {ValueError()}))
show("empty", lambda: ExceptionGroup("m", []))
show("bad item", lambda: ExceptionGroup("m", [ValueError(), "x"]))
show("base in EG", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
show("keywords", lambda: ExceptionGroup("m", [ValueError()], x=1))

# split and subgroup by type, tuple of types and predicate.
def leaves(e):
    if e is None:
        return None
    if isinstance(e, BaseExceptionGroup):
        return [leaves(x) for x in e.exceptions]
    return repr(e)

m, r = eg.split(ValueError)
print("split ValueError", leaves(m), leaves(r))
m, r = eg.split((KeyError, TypeError))
print("split tuple", leaves(m), leaves(r))
m, r = eg.split(lambda e: isinstance(e, ValueError) and e.args == (3,))
print("split predicate", leaves(m), leaves(r))
m, r = eg.split(OSError)
print("split none", m, leaves(r), r is eg)
m, r = eg.split(Exception)
print("split all", m is eg, r)
print("subgroup", leaves(eg.subgroup(ValueError)))
print("subgroup none", eg.subgroup(OSError))
print("subgroup self", eg.subgroup(lambda e: e is eg) is eg)
print("subgroup by group type", leaves(eg.subgroup(ExceptionGroup)))
show("split bad", lambda: eg.split(5))
show("split tuple bad", lambda: eg.split((ValueError, 5)))
show("subgroup bad", lambda: eg.subgroup("x"))
show("split no args", lambda: eg.split())

# The parts keep traceback, cause, context and a copy of the notes.
try:
    try:
        raise OSError("ctx")
    except OSError:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as caught:
    caught.add_note("a note")
    m, r = caught.split(ValueError)
    for part in (m, r):
        print(part.__traceback__ is caught.__traceback__, part.__cause__ is caught.__cause__,
              part.__context__ is caught.__context__, part.__notes__, part.__notes__ is caught.__notes__,
              part.__suppress_context__)

# derive, and a subclass that overrides it.
d = eg.derive([KeyError(9)])
print(type(d).__name__, repr(d), d.message)
print(type(eg.derive([KeyboardInterrupt()])).__name__)

class MyGroup(ExceptionGroup):
    def __new__(cls, message, excs, tag="none"):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag="none"):
        super().__init__(message, excs)

    def derive(self, excs):
        return MyGroup(self.message, excs, tag=self.tag + "+")

g = MyGroup("mine", [ValueError(1), TypeError(2)], tag="t")
m, r = g.split(ValueError)
print(type(m).__name__, m.tag, type(r).__name__, r.tag, repr(m))
show("base in subclass", lambda: MyGroup("m", [KeyboardInterrupt()]))

class PlainDerive(ExceptionGroup):
    pass

m, r = PlainDerive("p", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, type(r).__name__)

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42

show("bad derive", lambda: BadDerive("x", [ValueError(1), TypeError(2)]).split(ValueError))

# Catching a group with a plain except.
try:
    raise ExceptionGroup("plain", [ValueError(5)])
except ExceptionGroup as e:
    print("caught", repr(e), repr(e.exceptions[0]))

# Nesting deeper than the printer shows, then an uncaught group.
def nest(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"level{n}", [nest(n - 1)])

deep = nest(12)
print(leaves(deep.subgroup(ValueError)))
raise ExceptionGroup("uncaught", [ValueError(1), ExceptionGroup("nested", [TypeError(2)])])
