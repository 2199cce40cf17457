# A module that does not compile raises SyntaxError at the import, with
# CPython's attributes; uncaught, it is reported with its source line.
import sys
import os

HERE = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(HERE, "pkgs"))

try:
    import broken_syntax
except SyntaxError as e:
    print(type(e).__name__, e)
    print(e.msg, e.filename.replace(HERE, "HERE"), e.lineno, e.offset, repr(e.text))
print("broken_syntax" in sys.modules)
try:
    import broken_indent
except SyntaxError as e:
    print(type(e).__name__, e, e.lineno)

e = SyntaxError("bad thing", ("f.py", 3, 5, "x = (\n", 3, 6))
print(e, e.args[0], e.filename, e.lineno, e.offset, e.end_offset)
print(SyntaxError("only msg"), SyntaxError("m", ("/a/b.py", None, None, None)))
import broken_syntax
