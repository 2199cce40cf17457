# Assignment expressions.
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
vals = iter([3, 2, 1, 0, 5])
out = []
while (v := next(vals)) != 0:
    out.append(v)
print(out, v)
def f(x):
    return (r := x + 1) * r
print(f(3))
print((a := 5), a, [a := a + 1 for _ in range(3)], a)
pairs = {k: (sq := k * k) for k in range(3)}
print(pairs, sq)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 2:
    print("popped", top)
print(stack, top)
print(any((hit := w).startswith("q") for w in ["a", "qux", "b"]), hit)
for src in ["x := 5", "def f(): (y := 1)\nprint(1)", "(lambda: (z := 1))()"]:
    try:
        compile(src, "<s>", "exec")
        print("compiles:", src.splitlines()[0])
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
def scope():
    [w := i for i in range(3)]
    return w
print(scope())
