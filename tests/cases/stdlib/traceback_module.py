# The traceback module: extracting and formatting stacks and exceptions.
import traceback, sys, io

def a(n):
    if n == 0:
        raise ValueError("bottom")
    a(n - 1)

def b():
    try:
        a(6)
    except ValueError as e:
        raise KeyError("wrapped") from e

try:
    b()
except KeyError:
    text = traceback.format_exc()
    print(text.replace(__file__, "FILE"))
    print(traceback.format_tb(sys.exc_info()[2])[0].replace(__file__, "FILE"))
    s = io.StringIO()
    traceback.print_exc(file=s)
    print(s.getvalue() == text)
    et, ev, tb = sys.exc_info()
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, fs.line, len(fs))
    print(traceback.format_exception_only(et, ev))
    print(traceback.format_exception_only(ev))

def nested():
    return traceback.extract_stack()
st = nested()
print([(f.name, f.lineno, f.line) for f in st])
print(traceback.format_list([("f.py", 3, "fn", "x = 1")]))
try:
    try:
        raise ZeroDivisionError('division by zero')
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
    print("".join(traceback.format_exception(e, chain=False)).replace(__file__, "FILE"))
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__context__).__name__, te.exc_type.__name__, str(te))
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
try:
    compile("x = (1,", "snippet.py", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))
e = ValueError("noted")
e.add_note("a note")
print(traceback.format_exception_only(e))
class MyErr(Exception): pass
print(traceback.format_exception_only(MyErr()))

print(traceback.format_exception_only(OSError(2, "No such file")))
try:
    traceback.print_exception(ValueError("x"), None)
except ValueError as e:
    print(e)
try:
    traceback.format_exception(5)
except TypeError as e:
    print(e)
def rec(n):
    if n >= 30:
        raise ZeroDivisionError
    rec(n + 1)
try:
    rec(0)
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, "FILE"))

print(repr(traceback.extract_stack()[-1]).replace(__file__, "FILE"))
print(traceback.FrameSummary("f.py", 3, "fn", line="  x = 1  ") == ("f.py", 3, "fn", "x = 1"))
import linecache
print(repr(linecache.getline(__file__, 1)), repr(linecache.getline(__file__, 10**6)), linecache.getline("/no/such", 1) == "")
