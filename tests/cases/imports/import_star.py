# from m import *: __all__ when the module has it, else the public names.
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))

from with_all import *
print(exported, also)
for name in ["not_listed", "_hidden"]:
    try:
        eval_name = {"not_listed": lambda: not_listed, "_hidden": lambda: _hidden}[name]()
        print(name, "bound")
    except NameError as e:
        print(e)

from plain import *
print(VALUE, public_fn("ab"))
try:
    _private
except NameError as e:
    print(e)

try:
    from bad_all import *
except TypeError as e:
    print(type(e).__name__, e)
try:
    from missing_all import *
except AttributeError as e:
    print(type(e).__name__, e)

