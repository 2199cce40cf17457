# errno's names and numbers, importlib.import_module, __future__.
from __future__ import annotations
import errno
import importlib
import __future__

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
print(len(errno.errorcode) > 100)

os_path = importlib.import_module("os.path")
import os
print(os_path is os.path, importlib.import_module("errno") is errno)
print(importlib.import_module("importlib") is importlib)
for args in [("no_such_mod",), (".x",), (".x", ""), ("",), (5,), ("..x", "a")]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__, e)

print(__future__.annotations, __future__.annotations.getMandatoryRelease())
print(__future__.division.getOptionalRelease(), len(__future__.all_feature_names))
print(repr(__future__)[:20], repr(errno))
