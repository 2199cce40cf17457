# The errors of import statements, worded as CPython words them.
import sys
import os

HERE = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(HERE, "pkgs"))


def show(e):
    print(type(e).__name__, str(e).replace(HERE, "HERE"), repr(e.name), e.path and e.path.replace(HERE, "HERE"))


for stmt in [
    "import no_such_module",
    "import no_such_pkg.sub",
    "import plain.sub",
    "import shapes.nothing",
    "from shapes import nothing",
    "from plain import nothing",
    "from sys import nothing",
    "from no_such_module import x",
    "import sys.nothing",
]:
    try:
        exec_ok = False
        __import__  # the statement forms, through the builtin
        if stmt.startswith("import "):
            __import__(stmt[7:])
        else:
            mod, name = stmt[5:].split(" import ")
            m = __import__(mod, {'__name__': '__main__'}, None, [name], 0)
            getattr(m, name)
    except ImportError as e:
        show(e)
    except AttributeError as e:
        print("AttributeError", e)

try:
    import no_such_module
except ModuleNotFoundError as e:
    show(e)
try:
    from shapes import nothing
except ImportError as e:
    show(e)
try:
    from sys import nothing
except ImportError as e:
    show(e)
try:
    import plain.sub
except ModuleNotFoundError as e:
    show(e)

# An exception in a module body propagates and leaves no module behind.
for attempt in range(2):
    try:
        import boom
    except ValueError as e:
        print("ValueError", e, "boom" in sys.modules)

# None in sys.modules blocks an import.
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)

# __import__'s own argument checks.
for args in [(1,), ("",), ("x", None, None, None, -1)]:
    try:
        __import__(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    __import__("plain", {'__name__': '__main__'}, None, [1])
except TypeError as e:
    print(type(e).__name__, e)
print(__import__("plain", fromlist=["not_a_submodule"]).VALUE)

e = ImportError("message", name="n", path="p")
print(e, e.name, e.path, e.msg, e.args)
e = ModuleNotFoundError()
print(repr(e.name), repr(e.msg), e.args)
try:
    ImportError(bad=1)
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
