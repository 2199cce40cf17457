# Mixed: a tiny stack-machine interpreter (tokenizer, compiler to tuples, dispatch
# through a dict of closures, errors as exceptions) and Dijkstra's shortest paths
# on a grid with a binary heap written on plain lists.


class VMError(Exception):
    pass


def tokenize(src):
    toks = []
    for line in src.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for t in line.split():
            toks.append(t)
    return toks


def compile_prog(toks):
    code = []
    labels = {}
    for t in toks:
        if t.endswith(":"):
            labels[t[:-1]] = len(code)
        elif t.isdigit():
            code.append(("push", int(t)))
        elif t.startswith("@"):
            code.append(("jmp", t[1:]))
        elif t.startswith("?"):
            code.append(("jz", t[1:]))
        else:
            code.append((t, None))
    return [(op, labels[arg] if op in ("jmp", "jz") else arg) for op, arg in code]


def make_ops(stack):
    def binop(f):
        def run(arg, pc):
            b = stack.pop()
            a = stack.pop()
            stack.append(f(a, b))
            return pc + 1
        return run

    def push(arg, pc):
        stack.append(arg)
        return pc + 1

    def dup(arg, pc):
        stack.append(stack[-1])
        return pc + 1

    def swap(arg, pc):
        stack[-1], stack[-2] = stack[-2], stack[-1]
        return pc + 1

    def over(arg, pc):
        stack.append(stack[-2])
        return pc + 1

    def drop(arg, pc):
        stack.pop()
        return pc + 1

    def jmp(arg, pc):
        return arg

    def jz(arg, pc):
        if stack.pop() == 0:
            return arg
        return pc + 1

    def div(arg, pc):
        b = stack.pop()
        a = stack.pop()
        if b == 0:
            raise VMError("division by zero at " + str(pc))
        stack.append(a // b)
        return pc + 1

    return {
        "push": push, "dup": dup, "swap": swap, "over": over, "drop": drop,
        "jmp": jmp, "jz": jz, "div": div,
        "add": binop(lambda a, b: a + b), "sub": binop(lambda a, b: a - b),
        "mul": binop(lambda a, b: a * b), "mod": binop(lambda a, b: a % b),
        "lt": binop(lambda a, b: 1 if a < b else 0),
    }


def run(code, limit):
    stack = []
    ops = make_ops(stack)
    pc = 0
    steps = 0
    while pc < len(code):
        op, arg = code[pc]
        pc = ops[op](arg, pc)
        steps += 1
        if steps > limit:
            raise VMError("step limit")
    return stack, steps


# Sum of i*i mod 7 for i below N, then a gcd by repeated mod; N comes first.
PROGRAM = """
# counter acc
0 0
loop:
  over N lt ?done
  over dup mul 7 mod add
  swap 1 add swap
  @loop
done:
  swap drop
  # gcd(acc, 1071)
  1071
gcd:
  dup ?end
  swap over mod
  @gcd
end:
  drop
"""


def heap_push(h, item):
    h.append(item)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[p] <= h[i]:
            break
        h[p], h[i] = h[i], h[p]
        i = p


def heap_pop(h):
    last = h.pop()
    if not h:
        return last
    top = h[0]
    h[0] = last
    n = len(h)
    i = 0
    while True:
        l = 2 * i + 1
        if l >= n:
            break
        c = l
        if l + 1 < n and h[l + 1] < h[l]:
            c = l + 1
        if h[i] <= h[c]:
            break
        h[i], h[c] = h[c], h[i]
        i = c
    return top


def dijkstra(w, h):
    cost = {}
    for y in range(h):
        for x in range(w):
            cost[(x, y)] = (x * 7 + y * 13 + x * y) % 9 + 1
    dist = {(0, 0): 0}
    pq = [(0, 0, 0)]
    while pq:
        d, x, y = heap_pop(pq)
        if d > dist[(x, y)]:
            continue
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx = x + dx
            ny = y + dy
            if 0 <= nx < w and 0 <= ny < h:
                nd = d + cost[(nx, ny)]
                if nd < dist.get((nx, ny), nd + 1):
                    dist[(nx, ny)] = nd
                    heap_push(pq, (nd, nx, ny))
    return dist[(w - 1, h - 1)], len(dist)


results = []
total_steps = 0
for n in (4000, 7000, 10000, 13000):
    code = compile_prog(tokenize(PROGRAM.replace("N", str(n))))
    stack, steps = run(code, 10 ** 7)
    results.append(stack[-1])
    total_steps += steps
errors = 0
for n in range(50):
    try:
        run(compile_prog(tokenize(str(n % 3) + " 10 swap div")), 100)
    except VMError as e:
        errors += len(str(e))
    try:
        run(compile_prog(tokenize("top: 1 @top")), 50 + n)
    except VMError:
        errors += 1
best, seen = dijkstra(150, 150)
print("mixed", results, total_steps, errors, best, seen)
