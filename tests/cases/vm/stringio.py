# io.StringIO and io.BytesIO: in-memory text and binary streams.
import io

s = io.StringIO()
print(s.write("hello"), s.write(" wörld\n"), s.tell(), repr(s.getvalue()))
print(s.read(), s.seek(0), repr(s.read(5)), s.tell(), repr(s.readline()), repr(s.read()))
print(s.seek(6), s.write("W"), repr(s.getvalue()), s.tell())
print(s.seek(20), s.write("!"), repr(s.getvalue()), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.seek(0, 1), s.seek(0))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering)
print(type(s).__name__, type(s).__module__, isinstance(s, io.TextIOBase), isinstance(s, io.IOBase))
print(repr(s)[:26])

s = io.StringIO("one\ntwo\nthree")
print(s.tell(), s.readlines())
s.seek(0)
print(list(s))
s.seek(0)
for line in s:
    print(repr(line))
s.seek(0)
print(s.readlines(5), repr(s.readline(2)), repr(s.readline(None)), repr(s.read(None)))
s.seek(0)
s.writelines(["ONE\n", "TWO"])
print(repr(s.getvalue()))

# newline: what is stored and how lines split.
for nl in ["\n", None, "", "\r", "\r\n"]:
    s = io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines())

with io.StringIO("inside") as s:
    print(s.read())
print(s.closed)

# Errors.
def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(result))

s = io.StringIO("abc")
attempt("write bytes", lambda: s.write(b"x"))
attempt("seek negative", lambda: s.seek(-1))
attempt("seek cur", lambda: s.seek(1, 1))
attempt("seek end", lambda: s.seek(1, 2))
attempt("seek whence", lambda: s.seek(0, 5))
attempt("seek float", lambda: s.seek(1.5))
attempt("truncate negative", lambda: s.truncate(-1))
attempt("read str", lambda: s.read("x"))
attempt("fileno", s.fileno)
attempt("initial bytes", lambda: io.StringIO(b"x"))
attempt("newline type", lambda: io.StringIO("x", 5))
attempt("newline value", lambda: io.StringIO("x", "q"))
attempt("bad keyword", lambda: io.StringIO(foo=1))
s.close()
for name in ["read", "getvalue", "tell", "readline", "readable", "readlines", "__next__", "__enter__"]:
    attempt("closed " + name, getattr(s, name))
attempt("closed write", lambda: s.write("x"))
print(s.closed)

# BytesIO.
b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.read1(), b.tell(), b.getvalue())
print(b.seek(0), b.readlines(), b.write(b"XY"), b.getvalue())
print(b.seek(10), b.write(b"!"), b.getvalue())
print(b.truncate(2), b.getvalue(), b.tell())
print(b.seek(-1, 1), b.seek(-50, 2), b.tell())
buf = bytearray(3)
b = io.BytesIO(b"0123456789")
print(b.readinto(buf), buf, b.read(), list(io.BytesIO(b"x\ny\n")))
print(io.BytesIO(bytearray(b"ba")).getvalue(), io.BytesIO().getvalue())
print(type(b).__name__, isinstance(b, io.BufferedIOBase), repr(b)[:25])
attempt("bytes write str", lambda: b.write("x"))
attempt("bytes init str", lambda: io.BytesIO("x"))
attempt("bytes seek negative", lambda: b.seek(-1))
attempt("bytes seek whence", lambda: b.seek(0, 3))
attempt("bytes truncate negative", lambda: b.truncate(-1))
attempt("bytes fileno", b.fileno)
b.close()
attempt("bytes closed read", b.read)
attempt("bytes closed getvalue", b.getvalue)
print(b.closed)

# Subclasses keep the behaviour and add their own.
class Log(io.StringIO):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix

    def write(self, text):
        return super().write(self.prefix + text)

log = Log("> ")
log.write("first\n")
print("second", file=log)
print(repr(log.getvalue()), type(log).__name__, isinstance(log, io.StringIO))
