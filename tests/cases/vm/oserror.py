# OSError: errno, strerror, filename; the subclass an error number selects;
# str() forms.
e = OSError(2, "No such file or directory", "x")
print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2)
print(e, repr(e))
e = OSError(2, "m", "a", None, "b")
print(type(e).__name__, e.args, e)
e = OSError("just a message")
print(e.args, e.errno, e.strerror, e)
e = OSError(1, 2, 3, 4, 5, 6)
print(e.args, e.errno, e)
e = OSError(2)
print(type(e).__name__, e, e.errno)
e = OSError(99, "unknown")
print(type(e).__name__, e)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111]:
    print(n, type(OSError(n, "x")).__name__)
e = FileNotFoundError(13, "zz")
print(type(e).__name__, e)
e = OSError(2, "m", 7)
print(e, e.filename)
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
print(issubclass(IsADirectoryError, OSError), issubclass(NotADirectoryError, OSError))
try:
    raise FileNotFoundError(2, "No such file or directory", "gone.txt")
except OSError as err:
    print(type(err).__name__, err)

class MyError(OSError):
    pass

e = MyError(2, "custom")
print(type(e).__name__, e, e.errno)
