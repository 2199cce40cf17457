"""Path names on POSIX systems (os.path): pure functions on strings, plus a
few questions to the file system (exists, isdir, getsize...)."""

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"

import os

__all__ = [
    "abspath", "basename", "commonprefix", "curdir", "defpath", "devnull",
    "dirname", "exists", "expanduser", "extsep", "getatime", "getctime",
    "getmtime", "getsize", "isabs", "isdir", "isfile", "islink", "join",
    "lexists", "normcase", "normpath", "pardir", "pathsep", "realpath",
    "relpath", "sep", "split", "splitext", "altsep",
]

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    fspath = getattr(type(p), "__fspath__", None)
    if fspath is None:
        raise TypeError(
            "expected str, bytes or os.PathLike object, not " + type(p).__name__
        )
    return fspath(p)


def normcase(s):
    """Case is significant on POSIX: the path as it is."""
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    """Join path parts with '/'; an absolute part starts the path over."""
    path = _fspath(a)
    for b in p:
        b = _fspath(b)
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    """(head, tail): tail is what follows the last '/'."""
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows, unless the dot
    only leads the file name ('.bashrc' has no extension)."""
    p = _fspath(p)
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        i = slash + 1
        while i < dot:
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, p[:0]


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def commonprefix(m):
    """The longest prefix (item by item) that every item of `m` starts with."""
    if not m:
        return ""
    first = m[0]
    n = len(first)
    for other in m[1:]:
        i = 0
        while i < n and i < len(other) and other[i] == first[i]:
            i += 1
        n = i
    return first[:n]


def normpath(path):
    """Remove redundant separators and '.' parts, and fold 'x/..' away."""
    path = _fspath(path)
    if path == "":
        return "."
    slashes = 0
    if path.startswith("/"):
        slashes = 2 if path.startswith("//") and not path.startswith("///") else 1
    parts = []
    for part in path.split("/"):
        if part == "" or part == ".":
            continue
        if part != ".." or (not slashes and not parts) or (parts and parts[-1] == ".."):
            parts.append(part)
        elif parts:
            parts.pop()
    path = "/" * slashes + "/".join(parts)
    return path or "."


def abspath(path):
    path = _fspath(path)
    if not path.startswith("/"):
        path = join(os.getcwd(), path)
    return normpath(path)


def _mode(path, follow=True):
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode


def exists(path):
    return _mode(path) is not None


def lexists(path):
    return _mode(path, False) is not None


def isfile(path):
    mode = _mode(path)
    return mode is not None and mode & _S_IFMT == _S_IFREG


def isdir(path):
    mode = _mode(path)
    return mode is not None and mode & _S_IFMT == _S_IFDIR


def islink(path):
    mode = _mode(path, False)
    return mode is not None and mode & _S_IFMT == _S_IFLNK


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def expanduser(path):
    """Replace a leading '~' by $HOME ('~user' is left as it is)."""
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i != 1 or "HOME" not in os.environ:
        return path
    home = os.environ["HOME"].rstrip("/")
    return (home + path[i:]) or "/"


def realpath(filename, *, strict=False):
    """The path with every symbolic link resolved, made absolute. Parts that
    do not exist are kept as they are (unless `strict`)."""
    filename = _fspath(filename)
    if not filename.startswith("/"):
        filename = join(os.getcwd(), filename)
    pending = [p for p in reversed(filename.split("/")) if p]
    resolved = "/"
    links = 0
    while pending:
        part = pending.pop()
        if part == ".":
            continue
        if part == "..":
            resolved = dirname(resolved)
            continue
        candidate = join(resolved, part)
        try:
            st = os.lstat(candidate)
        except OSError:
            if strict:
                raise
            resolved = candidate
            continue
        if st.st_mode & _S_IFMT != _S_IFLNK:
            resolved = candidate
            continue
        links += 1
        if links > 40:
            if strict:
                raise OSError(40, "Too many levels of symbolic links", candidate)
            return join(candidate, *reversed(pending))
        target = os.readlink(candidate)
        if target.startswith("/"):
            resolved = "/"
        pending.extend(p for p in reversed(target.split("/")) if p)
    return resolved


def relpath(path, start=None):
    """`path` relative to the folder `start` (default: the current one)."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if start is None:
        start = curdir
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    i = len(commonprefix([start_parts, path_parts]))
    parts = [pardir] * (len(start_parts) - i) + path_parts[i:]
    if not parts:
        return curdir
    return join(*parts)
