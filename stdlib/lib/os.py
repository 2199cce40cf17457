"""Operating system services: the calls of the native posix module, the
environment as the mapping os.environ, and os.path (posixpath)."""

import sys
import posix
from posix import *
import posixpath as path

sys.modules["os.path"] = path
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

name = "posix"
linesep = "\n"
error = OSError
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


def _text(what, value):
    if not isinstance(value, str):
        raise TypeError(f"str expected, not {type(value).__name__}")
    return value


class _Environ:
    """The process environment as a mapping of str to str; a change is also
    made in the real environment (putenv, unsetenv), which child processes
    inherit."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        key = _text("key", key)
        value = _text("value", value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        key = _text("key", key)
        if key not in self._data:
            raise KeyError(key)
        unsetenv(key)
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return "environ({" + items + "})"

    def keys(self):
        return list(self._data)

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def get(self, key, default=None):
        return self._data.get(key, default)

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kwargs):
        pairs = other.items() if hasattr(other, "items") else other
        for key, value in pairs:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        for key in list(self._data):
            del self[key]


environ = _Environ(posix.environ)
del posix


def getenv(key, default=None):
    """The environment variable `key`, or `default` when it is not set."""
    return environ.get(key, default)


def fspath(path):
    """The file system representation of a path (str, bytes or os.PathLike)."""
    if isinstance(path, (str, bytes)):
        return path
    method = getattr(type(path), "__fspath__", None)
    if method is None:
        raise TypeError(
            "expected str, bytes or os.PathLike object, not " + type(path).__name__
        )
    return method(path)


def makedirs(name, mode=0o777, exist_ok=False):
    """Make folder `name` and any missing parents; an existing `name` is an
    error unless `exist_ok`."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove folder `name`, then each parent that became empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)
