# print() to sys.stdout, sys.stderr and any object with write(); input()
# and sys.stdin at the end of input (the runner's stdin is /dev/null).
import io
import sys

print("plain", 1, 2.5, None, [1, "a"])
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(sep=None, end=None)
print("x", "y", sep="", end="", flush=True)
print(flush=False)
print(*range(5), sep=", ")
print("to stderr", 42, file=sys.stderr)
print("to None", file=None)

print(repr(sys.stdout), repr(sys.stderr), repr(sys.stdin))
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.errors)
print(sys.stderr.name, sys.stderr.errors, sys.stdin.name, sys.stdin.mode)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stdin.writable())
print(sys.stdout.write("written\n"), sys.stdout.write(""), sys.stdout.flush())
print(sys.stderr.write("err written\n"))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(type(sys.stdout).__name__, isinstance(sys.stdout, io.TextIOWrapper))

# Into a StringIO, and into objects of our own.
buf = io.StringIO()
print("into", "buffer", file=buf)
print(1, 2, sep="+", end="=3\n", file=buf)
print(repr(buf.getvalue()))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, text):
        self.calls.append(text)
        return len(text)

    def flush(self):
        self.calls.append("<flush>")


r = Recorder()
print("a", 1, "b", sep="|", file=r)
print(file=r)
print("x", file=r, flush=True)
print(r.calls)


class Loud:
    def __str__(self):
        return "LOUD"


class Broken:
    def __str__(self):
        raise RuntimeError("no str for you")


print(Loud(), [Loud()] == [], file=buf)
buf = io.StringIO()
try:
    print("before", Broken(), "after", file=buf)
except RuntimeError as e:
    print("RuntimeError", e, repr(buf.getvalue()))
r = Recorder()
try:
    print("before", Broken(), file=r)
except RuntimeError as e:
    print("RuntimeError", e, r.calls)

# Redirecting sys.stdout.
saved = sys.stdout
sys.stdout = io.StringIO()
print("captured line")
captured = sys.stdout.getvalue()
sys.stdout = saved
print("back:", repr(captured))
sys.stdout = None
print("dropped")
sys.stdout = sys.__stdout__
print("restored")


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(result))


attempt("file without write", lambda: print(1, file=5))
attempt("sep type", lambda: print(1, sep=5))
attempt("end type", lambda: print(1, end=b"x"))
attempt("bad keyword", lambda: print(1, foo=5))
attempt("stdout write bytes", lambda: sys.stdout.write(b"x"))
attempt("stdout read", lambda: sys.stdout.read())
attempt("stdin write", lambda: sys.stdin.write("x"))

# stdin is empty: every read gives nothing, input() raises EOFError.
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines(), list(sys.stdin))
attempt("input", input)
attempt("input with prompt", lambda: input("prompt> "))
attempt("input two args", lambda: input("a", "b"))
attempt("input keyword", lambda: input(prompt="x"))
try:
    input()
except EOFError as e:
    print("EOFError", repr(e), e.args)

# input() reads from whatever sys.stdin is.
sys.stdin = io.StringIO("first line\nsecond\n")
print(repr(input()), repr(input("> ")))
attempt("input at the end", input)
sys.stdin = sys.__stdin__
