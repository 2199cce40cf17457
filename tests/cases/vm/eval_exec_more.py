# eval/exec with namespaces, compile modes and errors.
g = {"x": 10}
print(eval("x * 2", g), eval("y + 1", g, {"y": 5}), eval("[i for i in range(3)]"))
exec("z = x + 1\ndef f(a):\n    return a * z", g)
print(g["z"], g["f"](3), sorted(k for k in g if not k.startswith("__")))
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(loc)
code = compile("1 + 2", "<expr>", "eval")
print(eval(code), type(code).__name__)
code = compile("out.append(len(out))", "<exec>", "exec")
out = []
for _ in range(3):
    exec(code, {"out": out})
print(out)
print(eval("  42  "), eval("'\\n'.join(['a', 'b'])"), exec("pass"))
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("def", "exec"), ("a = 1", "eval"), ("return 5", "exec"), ("break", "exec")]:
    try:
        compile(src, "<src>", mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
try:
    eval("undefined_name_here")
except NameError as e:
    print(type(e).__name__, e)
try:
    exec("1 / 0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    compile("1", "<s>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
ns = {}
exec("import sys as _s\nv = _s.maxsize > 0", ns)
print(ns["v"])
def outer():
    local = 7
    return eval("local + 1")
print(outer())
print(eval("(lambda q: q * 2)(21)"), eval("__builtins__ is not None"))
