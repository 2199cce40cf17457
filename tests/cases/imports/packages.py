# Packages and submodules: `import a.b.c` binds `a`, parents run first, a
# submodule becomes an attribute of its package, `as` binds the leaf.
import sys
import os

HERE = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(HERE, "pkgs"))


def rel(path):
    return os.path.relpath(path, HERE) if isinstance(path, str) else path


import shapes.solid.cube
print(shapes.__name__, shapes.solid.__name__, shapes.solid.cube.__name__)
print(shapes.solid.cube.volume(3), shapes.circle_area(2), shapes.DEFAULT)
print("shapes.square loaded:", "shapes.square" in sys.modules, hasattr(shapes, "square"))
print(rel(shapes.__file__), [rel(p) for p in shapes.__path__])
print(rel(shapes.solid.cube.__file__), hasattr(shapes.solid.cube, "__path__"))
print(shapes.__package__, shapes.solid.__package__, shapes.solid.cube.__package__)

import shapes.circle as c
print(c.area(1), c is shapes.circle, c is sys.modules["shapes.circle"])

import shapes.solid.cube as cube, shapes.square as sq
print(cube.volume(2), sq.area(5))

from shapes import square, circle
print(square is sq, circle.PI)

from shapes.solid import cube as cube2
print(cube2 is cube)

import plain
print(plain.VALUE, rel(plain.__file__), plain.__package__ == "")

# A folder without __init__.py is a namespace package.
import nsonly.inner.leaf
print(nsonly.inner.leaf.LEAF, getattr(nsonly, "__file__", None))
print([rel(p) for p in nsonly.__path__])

# The second import of a package finds it in sys.modules: its body ran once.
import shapes
import shapes.circle
print(sorted(k for k in sys.modules if k.startswith("shapes")))

# PEP 562: a module-level __getattr__.
import lazy_attr
print(lazy_attr.dynamic)
from lazy_attr import dynamic
print(dynamic)
try:
    from lazy_attr import other
except ImportError as e:
    print(type(e).__name__, str(e).replace(HERE, "HERE"))

print(type(sys.modules).__name__, sys.modules["sys"] is sys, sys.modules["__main__"].__name__)
print(repr(sys).startswith("<module 'sys'"), repr(plain).startswith("<module 'plain' from "))
