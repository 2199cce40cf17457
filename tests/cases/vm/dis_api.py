# The dis module: opcode tables, code object attributes, and listings whose
# text does not depend on what Gilt's bytecode legitimately does differently
# (offsets are masked; the functions avoid calls, jumps and closures, whose
# instructions differ from CPython's).
import dis


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        return "".join(self.parts)


def listing(x, **kw):
    out = Capture()
    dis.dis(x, file=out, **kw)
    return out.text()


def masked(text):
    # Offsets (columns 11-14 of an instruction line) and code addresses vary.
    lines = []
    for line in text.split("\n"):
        if len(line) > 16 and line[16:17].isupper() and line[11:15].strip().isdigit():
            line = line[:11] + "####" + line[15:]
        at = line.find(" at 0x")
        if at >= 0:
            line = line[:at] + " at ADDR" + line[line.find(",", at):]
        lines.append(line)
    return "\n".join(lines)


def opnames(text):
    found = set()
    for line in text.split("\n"):
        for word in line.split():
            if word.isupper() and not word.isdigit():
                found.add(word)
                break
    return found


# --- opcode tables
print(type(dis.opname).__name__, len(dis.opname), type(dis.opmap).__name__)
for name in ["LOAD_FAST", "LOAD_CONST", "RETURN_VALUE", "BINARY_OP", "RESUME",
             "STORE_NAME", "FOR_ITER", "CALL", "COMPARE_OP", "MAKE_FUNCTION"]:
    print(name, name in dis.opname, dis.opmap[name], dis.opname[dis.opmap[name]] == name)
print(dis.opmap["RETURN_VALUE"] == 83, dis.opname[124])
print(dis.cmp_op)
print(dis.opmap["LOAD_CONST"] in dis.hasconst, dis.opmap["LOAD_NAME"] in dis.hasname)
print(dis.opmap["LOAD_FAST"] in dis.haslocal, dis.opmap["COMPARE_OP"] in dis.hascompare)
print(dis.opmap["LOAD_DEREF"] in dis.hasfree, dis.opmap["LOAD_FAST"] in dis.hasconst)
print(dis.COMPILER_FLAG_NAMES[1], dis.COMPILER_FLAG_NAMES[32])
print(dis.pretty_flags(3), dis.pretty_flags(35), dis.pretty_flags(0))
try:
    dis.opmap["NOT_AN_OPCODE"]
except KeyError as e:
    print(type(e).__name__, e)


# --- code objects
def add(a, b):
    return a + b


def params(a, b, /, c, *args, d, e=5, **kw):
    "a docstring"
    local = a
    return local


def outer():
    x = 1

    def inner(y):
        return x + y
    return inner


def gen(n):
    yield n


co = add.__code__
print(type(co).__name__, co.co_name, co.co_qualname, co.co_argcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_names)
print(co.co_posonlyargcount, co.co_kwonlyargcount, co.co_flags, co.co_firstlineno)
print(co.co_filename.endswith("dis_api.py"), None in co.co_consts)
pc = params.__code__
print(pc.co_varnames, pc.co_argcount, pc.co_posonlyargcount, pc.co_kwonlyargcount)
print(pc.co_flags, pc.co_flags & 4, pc.co_flags & 8, pc.co_consts[0])
oc = outer.__code__
print(oc.co_cellvars, oc.co_varnames, oc.co_flags & 16)
inner = outer()
ic = inner.__code__
print(ic.co_name, ic.co_qualname, ic.co_freevars, ic.co_varnames, ic.co_flags)
print(type(inner.__closure__).__name__, len(inner.__closure__), add.__closure__)
gc = gen.__code__
print(gc.co_flags, gc.co_flags & 32, add.__code__.co_flags & 32)
g = gen(1)
print(g.gi_code is gc or g.gi_code.co_name == gc.co_name, g.gi_code.co_name)
print(params.__defaults__, params.__kwdefaults__, add.__defaults__)
print(add.__globals__['add'] is add)
lines = list(add.__code__.co_lines())
print(type(lines[0]).__name__, len(lines[0]), lines[0][0], sorted(set(l for _, _, l in lines)))
print([line for _, line in dis.findlinestarts(add.__code__)])
try:
    co.co_nope
except AttributeError as e:
    print(type(e).__name__, e)


class K:
    def m(self, v):
        return v

    @staticmethod
    def s(p):
        return p * 2

    @classmethod
    def c(cls, q):
        return q - 1


print(K().m.__func__ is K.m, K().m.__self__.__class__.__name__)


# --- listings
def arith(x, y):
    z = x * y - 3
    z **= 2
    return z, x[0], x.real


print(masked(listing(add)))
print(masked(listing(arith)))
print(masked(listing(K.m)))
print(masked(listing(K().m)))
print(masked(listing(K)))
print(masked(listing("x + 1")))
print(masked(listing("a = b; del a")))
print(masked(listing("lambda v: v * 2")))
print(masked(listing("lambda v: v * 2", depth=0)))
print(sorted(opnames(listing(add))))

# a generator object and a class are accepted
print("RETURN_VALUE" in opnames(listing(gen(2))), "YIELD_VALUE" in opnames(listing(gen)))
text = listing(K)
print([line for line in text.split("\n") if line.startswith("Disassembly of")])

# --- get_instructions and Bytecode
for ins in dis.get_instructions(add):
    print(ins.opname, ins.opcode == dis.opmap[ins.opname], ins.arg, repr(ins.argval),
          repr(ins.argrepr), ins.starts_line, ins.is_jump_target)
first = list(dis.get_instructions(add, first_line=100))
print([i.starts_line for i in first if i.starts_line is not None])
opname, opcode = first[1][0], first[1][1]
print(opname, opcode, first[1] == first[1], first[0] == first[1])
bc = dis.Bytecode(arith)
print([i.opname for i in bc][:6])
print(bc.first_line == arith.__code__.co_firstlineno, bc.codeobj.co_name)
print(masked(bc.dis()) == masked(listing(arith)).rstrip("\n") + "\n" or masked(bc.dis()))
info = dis.code_info(params).split("\n")
print([line for line in info if not line.startswith(("Stack size", "Constants", "   ", "Filename"))])
print(dis.code_info(add).split("\n")[0], dis.code_info(add).split("\n")[2])
out = Capture()
dis.show_code(add, file=out)
print(out.text() == dis.code_info(add) + "\n")

# --- failure paths
for bad in [5, 2.5, [1], None]:
    try:
        dis.dis(bad)
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
for bad in [7, {}]:
    for f in [dis.get_instructions, dis.code_info, dis.Bytecode]:
        try:
            f(bad)
        except TypeError as e:
            print(type(e).__name__, e)
for src in ["1 +", "x = (", "def"]:
    try:
        dis.dis(src)
    except SyntaxError as e:
        print(type(e).__name__, e)
try:
    dis.dis(add, file=5)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    dis.dis(add, nope=1)
except TypeError as e:
    print(type(e).__name__, e)


# --- straight to stdout: no inline caches here, so even the offsets agree
def ident(v):
    return v


dis.dis(ident)
dis.dis("pass")
dis.disassemble(ident.__code__)


# --- structure of listings with jumps and handlers
def loop(items):
    total = 0
    for item in items:
        if item:
            total += item
    return total


def guarded(x):
    try:
        x.go
    except AttributeError:
        return 1
    return 0


text = listing(loop)
print(">>" in text, {"GET_ITER", "FOR_ITER", "STORE_FAST"} <= opnames(text), "ExceptionTable:" in text)
text = listing(guarded)
print({"PUSH_EXC_INFO", "CHECK_EXC_MATCH", "POP_EXCEPT"} <= opnames(text), "ExceptionTable:" in text)
table = text.split("ExceptionTable:\n")[1].rstrip().split("\n")
print(all(" to " in row and " -> " in row and row.startswith("  ") for row in table))
jumps = [i for i in dis.get_instructions(loop) if i.is_jump_target]
print(len(jumps) >= 2, all(isinstance(i.offset, int) and i.offset % 2 == 0 for i in jumps))
fi = [i for i in dis.get_instructions(loop) if i.opname == "FOR_ITER"][0]
print(fi.argrepr == "to " + str(fi.argval), fi.opcode in dis.hasjrel + dis.hasjabs)
for f in [dis.disassemble, lambda x: list(dis.findlinestarts(x))]:
    try:
        f("not code")
    except AttributeError as e:
        print(type(e).__name__, e)
print(masked(dis.Bytecode(add, current_offset=2).dis()))
print(masked(listing("lambda: (lambda: 1)", depth=1)).count("Disassembly of"))
