# Circular imports: a module is in sys.modules before its body runs, so the
# second import sees the partial module; a from-import of a name not yet
# defined names the partially initialized module.
import sys
import os

HERE = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(HERE, "pkgs"))

import circ_a
print(circ_a.use_b(), circ_a.circ_b.circ_a is circ_a)

try:
    import circ_x
except ImportError as e:
    print(type(e).__name__, str(e).replace(HERE, "HERE"))
print("circ_x" in sys.modules, "circ_y" in sys.modules)
