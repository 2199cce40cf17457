# sys.modules is the import cache: deleting forces a re-import, putting an
# object there makes `import` return it.
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))

import counter
print(counter.LOADS)
import counter
print(counter.LOADS)
del sys.modules["counter"]
import counter
print(counter.LOADS)

class Fake:
    VALUE = "fake"

sys.modules["fake_module"] = Fake
import fake_module
from fake_module import VALUE
print(fake_module is Fake, VALUE)

import replaces_itself
print(replaces_itself)

old = sys.modules.pop("plain", None)
import plain
print(old is None, plain.VALUE)
plain.VALUE = 99
import plain as again
print(again.VALUE)
del sys.modules["plain"]
import plain as fresh
print(fresh.VALUE, fresh is again)
print(isinstance(sys.path, list), sys.path[0].endswith("pkgs"))
print("builtins" in sys.builtin_module_names, "sys" in sys.builtin_module_names)
import builtins
print(builtins.len("abc"), builtins.__name__)

# importlib.reload runs the module again in the same object.
import importlib
counter.extra = "kept"
again = importlib.reload(counter)
print(again is counter, counter.LOADS, counter.extra)
import shapes.square
sq = importlib.reload(shapes.square)
print(sq is shapes.square, sq.area(3))
del sys.modules["counter"]
for bad in [counter, 5]:
    try:
        importlib.reload(bad)
    except (ImportError, TypeError) as e:
        print(type(e).__name__, e)
