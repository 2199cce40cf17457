# Relative imports resolved from __package__, and their errors.
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))

import rel
print(rel.ONE, rel.one.ONE)
from rel import two
print(two.TWO, two.one_again is rel.one)
from rel.sub import deep
print(deep.THREE, deep.same_one is rel.one)
print(deep.__package__, two.__package__, rel.__package__)

try:
    import rel.sub.too_far
except ImportError as e:
    print(type(e).__name__, e)
print("rel.sub.too_far" in sys.modules)

# The main script has no parent package.
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .. import anything
except ImportError as e:
    print(type(e).__name__, e)

# __import__ resolves relative names from the globals it is given.
m = __import__("one", {"__package__": "rel", "__name__": "rel.x"}, None, ["ONE"], 1)
print(m.__name__)
m = __import__("", {"__name__": "rel.sub.deep"}, None, ["two"], 2)
print(m.__name__, m.two.TWO)
for globals_, level in [({}, 1), ({"__package__": 3}, 1), (5, 1), ({"__package__": "rel"}, 3)]:
    try:
        __import__("x", globals_, None, None, level)
    except Exception as e:
        print(type(e).__name__, e)
