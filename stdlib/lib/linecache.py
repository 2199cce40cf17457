"""Lines of source files, read once and kept: what tracebacks print."""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache", "getlines", "updatecache"]

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    if filename in cache:
        return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Forget files that changed on disk since they were read."""
    import os
    names = list(cache) if filename is None else ([filename] if filename in cache else [])
    for name in names:
        size, mtime, _, fullname = cache[name]
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def lazycache(filename, module_globals):
    return False


def updatecache(filename, module_globals=None):
    """Read `filename` (found along sys.path when relative) into the cache."""
    import os
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    fullname = filename
    try:
        st = os.stat(fullname)
    except OSError:
        st = None
        if not os.path.isabs(filename):
            for folder in sys.path:
                if not isinstance(folder, str):
                    continue
                candidate = os.path.join(folder, filename)
                try:
                    st = os.stat(candidate)
                except (OSError, ValueError):
                    continue
                fullname = candidate
                break
        if st is None:
            return []
    try:
        with open(fullname, "rb") as f:
            data = f.read()
    except OSError:
        return []
    lines = data.decode("utf-8", "replace").splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = st.st_size, st.st_mtime, lines, fullname
    return lines
