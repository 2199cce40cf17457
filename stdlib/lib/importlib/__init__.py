"""importlib: importing a module named at run time, over the interpreter's
import system (`__import__` and `sys.modules`)."""

import sys
import _imp


def import_module(name, package=None):
    """Import the module `name` and return it (not its top-level package).
    A relative name (`.mod`, `..pkg.mod`) is resolved from `package`."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError(
                "the 'package' argument is required to perform a relative "
                f"import for {name!r}"
            )
        for character in name:
            if character != ".":
                break
            level += 1
    return _gcd_import(name[level:], package, level)


def _gcd_import(name, package=None, level=0):
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        if not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")
    if level > 0:
        name = _resolve_name(name, package, level)
    __import__(name)
    return sys.modules[name]


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def reload(module):
    """Run the code of an imported module again, in the same module object,
    and return the module (what sys.modules then holds)."""
    return _imp.reload(module)


def invalidate_caches():
    """Nothing to do: the import system keeps no finder caches."""
