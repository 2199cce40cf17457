# What open() and file objects raise, with CPython's messages. Uses one
# scratch file under target/ (overwritten on every run: no os.remove yet).
import io

PATH = "target/gilt_test_file_errors.txt"
with open(PATH, "w") as f:
    f.write("data\n")


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(result))


# The OSError family: the subclass follows errno; str() shows the file name.
for bad in ["target/no/such/dir/x.txt", "target", PATH + "/inside"]:
    try:
        open(bad)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == bad, e.args)
        print(str(e).replace(bad, "<path>"))
attempt("x mode on an existing file", lambda: open(PATH, "x"))
attempt("write a directory", lambda: open("target", "w"))
print(issubclass(FileNotFoundError, OSError), IOError is OSError, EnvironmentError is OSError)
for cls in [FileExistsError, PermissionError, IsADirectoryError, NotADirectoryError,
            InterruptedError, BlockingIOError, BrokenPipeError, TimeoutError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])

# OSError's own arguments.
e = OSError(2, "No such file or directory", "f.txt")
print(type(e).__name__, e, e.args, e.errno, e.strerror, e.filename, e.filename2)
e = OSError(13, "Permission denied", "a", None, "b")
print(type(e).__name__, e, e.args, e.filename2)
e = OSError(17, "File exists")
print(type(e).__name__, e, e.args, e.filename)
e = OSError("just a message")
print(type(e).__name__, e, e.args, e.errno, e.strerror)
e = OSError(1, 2, 3, 4, 5, 6)
print(type(e).__name__, e, e.errno)
print(repr(OSError()), str(OSError()), repr(FileNotFoundError(2, "x")))


class MyError(OSError):
    pass


print(type(MyError(2, "x")).__name__, MyError(2, "x", "y"))
try:
    raise FileNotFoundError(2, "No such file or directory", "gone.txt")
except OSError as e:
    print("caught", e)

# UnsupportedOperation is both an OSError and a ValueError.
print([c.__name__ for c in io.UnsupportedOperation.__mro__])
print(io.UnsupportedOperation.__module__)
with open(PATH) as f:
    attempt("write on a reader", lambda: f.write("x"))
    attempt("writelines on a reader", lambda: f.writelines(["x"]))
    attempt("truncate on a reader", lambda: f.truncate())
    try:
        f.write("x")
    except ValueError as e:
        print("as ValueError:", e, isinstance(e, OSError))
with open(PATH, "a") as f:
    attempt("read on a writer", lambda: f.read())
    attempt("readline on a writer", lambda: f.readline())
with open(PATH, "rb") as f:
    attempt("binary write on a reader", lambda: f.write(b"x"))
with open(PATH, "ab") as f:
    attempt("binary read on a writer", lambda: f.read())

# Closed files.
f = open(PATH)
f.close()
f.close()
for name in ["read", "readline", "readlines", "tell", "flush", "__iter__", "__next__", "__enter__"]:
    attempt("closed text " + name, getattr(f, name))
attempt("closed text write", lambda: f.write("x"))
attempt("closed text seek", lambda: f.seek(0))
print(f.closed, repr(f))
try:
    with f:
        pass
except ValueError as e:
    print("with closed:", e)
b = open(PATH, "rb")
b.close()
for name in ["read", "readline", "tell", "readlines", "__next__"]:
    attempt("closed binary " + name, getattr(b, name))
attempt("closed binary seek", lambda: b.seek(0))
bw = open(PATH, "ab")
bw.close()
attempt("closed binary write", lambda: bw.write(b"x"))
attempt("closed binary flush", lambda: bw.flush())

# Bad arguments to open().
attempt("no file", lambda: open())
attempt("too many", lambda: open(PATH, "r", -1, None, None, None, True, None, 9))
attempt("bad keyword", lambda: open(PATH, foo=1))
attempt("twice", lambda: open(PATH, "r", mode="r"))
attempt("file type", lambda: open(3.5))
attempt("mode type", lambda: open(PATH, 5))
for mode in ["rw", "q", "rr", "bt", "+", "", "rU", "r++", "wx"]:
    attempt("mode " + repr(mode), lambda: open(PATH, mode))
attempt("binary encoding", lambda: open(PATH, "rb", encoding="utf-8"))
attempt("binary errors", lambda: open(PATH, "rb", errors="strict"))
attempt("binary newline", lambda: open(PATH, "rb", newline=""))
attempt("newline value", lambda: open(PATH, newline="x"))
attempt("newline type", lambda: open(PATH, newline=5))
attempt("encoding type", lambda: open(PATH, encoding=5))
attempt("errors type", lambda: open(PATH, errors=5))
attempt("unknown encoding", lambda: open(PATH, encoding="no-such-codec"))
attempt("buffering type", lambda: open(PATH, buffering="big"))
attempt("unbuffered text", lambda: open(PATH, buffering=0))
attempt("closefd with a name", lambda: open(PATH, closefd=False))
attempt("null byte", lambda: open("bad\0name"))
attempt("negative fd", lambda: open(-1))

# Bad arguments to file methods.
with open(PATH, "r+") as f:
    attempt("write bytes to text", lambda: f.write(b"x"))
    attempt("write int", lambda: f.write(5))
    attempt("read str", lambda: f.read("x"))
    attempt("read two", lambda: f.read(1, 2))
    attempt("read keyword", lambda: f.read(size=1))
    attempt("readline None", lambda: f.readline(None))
    attempt("tell arg", lambda: f.tell(1))
    attempt("seek nothing", lambda: f.seek())
    attempt("seek cur", lambda: f.seek(1, 1))
    attempt("seek end", lambda: f.seek(1, 2))
    attempt("seek negative", lambda: f.seek(-1))
    attempt("seek whence", lambda: f.seek(0, 5))
    attempt("write nothing", lambda: f.write())
with open(PATH, "r+b") as f:
    attempt("write str to binary", lambda: f.write("x"))
    attempt("binary seek negative", lambda: f.seek(-1))
    attempt("binary seek whence", lambda: f.seek(0, 7))
    attempt("binary seek float", lambda: f.seek(1.0))
    attempt("readinto bytes", lambda: f.readinto(b"xx"))
    attempt("truncate negative", lambda: f.truncate(-1))

# tell() is refused while a for loop reads the file.
with open(PATH) as f:
    for line in f:
        attempt("tell in a loop", f.tell)
    print("after the loop", f.tell())

# Decoding and encoding errors.
with open(PATH, "wb") as f:
    f.write(b"ok\xffno")
with open(PATH) as f:
    attempt("invalid utf-8", f.read)
with open(PATH, encoding="ascii") as f:
    attempt("invalid ascii", f.read)
with open(PATH, errors="no-such-handler") as f:
    attempt("unknown handler", f.read)
with open(PATH, "w", encoding="ascii") as f:
    attempt("unencodable", lambda: f.write("naïve"))
