# eval, exec, compile, globals, locals, vars, dir, bin/oct/hex, ascii, and SyntaxError objects.
x = 10
print(eval("x + 1"), eval("  x * 2"))
g = {"a": 3}
exec("b = a * 2\nc = [i for i in range(b)]", g)
print(sorted(k for k in g if k != "__builtins__"), g["b"], g["c"])
def f(p, q=2):
    r = p + q
    loc = locals()
    return sorted(loc.items()), eval("p * r")
print(f(1))
print(sorted(k for k in globals() if not k.startswith("__"))[:4])
code = compile("1 + 2 * 3", "<calc>", "eval")
print(type(code).__name__, eval(code))
ns = {}
exec(compile("def h(n):\n    return n * n\n", "<defs>", "exec"), ns)
print(ns["h"](7))
print(bin(10), oct(64), hex(255), bin(-5), hex(True))
print(ascii("héllo ☃ 𝄞"), ascii([1, "ü"]))
class K:
    def __init__(self):
        self.a = 1
        self.b = 2
k = K()
print(vars(k), k.__dict__ is vars(k))
k.__dict__["c"] = 3
print(k.c)
print([n for n in dir(k) if not n.startswith("__")])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e, e.lineno, e.msg)
try:
    exec("def f(:\n pass")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
try:
    bin(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
try:
    compile("x", "f", "bad")
except ValueError as e:
    print("ValueError:", e)
def outer():
    z = 5
    def inner():
        return eval("z") if False else locals()
    return inner()
print(outer())
exec("print('from exec', x)")
eval("1 +\n 2")
