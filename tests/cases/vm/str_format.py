# str.format and str.format_map.
print("{} {} {}".format(1, "a", 2.5), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0}{1}{a}".format(1, 2, a=3), "{{}} {{{}}}".format(7), "}}{{", "{}".format(None))
print("{:>5}|{:<5}|{:^5}|{:*^7}|".format("a", "b", "c", "d"), "{:05.2f} {:+d} {:x} {:#b}".format(3.14159, 5, 255, 5))
print("{:,} {:_} {:.1%} {:e}".format(1234567, 1234567, 0.256, 12345.678))
print("{0!r} {0!s} {0!a} {1!r:>8}".format("é", "x"))
print("{:{}}|{:{w}.{p}f}|{:>{width}}".format("a", 4, 3.14159, "r", w=8, p=2, width=3))
print("{0:{1}{2}}".format(42, ">", 6), "{:{fill}{align}{n}}".format("t", fill="-", align="^", n=5))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        return "P(%s,%s)%s" % (self.x, self.y, spec)
p = Point(1, 2)
print("{0.x} {0.y} {p.x}".format(p, p=p), "{}".format(p), "{:abc}".format(p), f"{p:zz}")
print("{0[0]} {0[1]} {1[k]} {1[k][1]}".format([10, 20], {"k": "vw"}), "{0[2]}".format("abc"))
print("{[0]}".format((5, 6)), "{.x}".format(p), "{a[0].x}".format(a=[p]), "{0[-1]}".format({"-1": "neg"}))
print("{:d}".format(True), "{}".format(True), "{:>6}".format(True), "{!r:^9}|".format("q"))
print("{0:}|{1:}".format(1, "s"), "{:10}|{:<10}|".format(12, 12), "{:.3}".format("abcdef"))
print("{:=+8.2f}|{:0=8d}|{: }".format(3.14159, -42, 7))

class M:
    def __getitem__(self, key):
        return "<" + key + ">"
print("{name} {other}".format_map(M()), "{a}".format_map({"a": 1}), "{0}".format_map({}) if False else "")
print("{x.y}".format_map({"x": p}), "{a[b]}".format_map({"a": {"b": "c"}}))

def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

check("auto->manual", lambda: "{}{0}".format(1))
check("manual->auto", lambda: "{0}{}".format(1))
check("index", lambda: "{1}".format(1))
check("auto index", lambda: "{} {}".format(1))
check("missing kw", lambda: "{name}".format())
check("single }", lambda: "a } b".format())
check("single {", lambda: "a { b".format())
check("unclosed", lambda: "{0".format(1))
check("bad conv", lambda: "{!x}".format(1))
check("conv end", lambda: "{!}".format(1))
check("conv then junk", lambda: "{0!rr}".format(1))
check("bad spec", lambda: "{:q}".format(1))
check("bad spec str", lambda: "{:d}".format("s"))
check("attr missing", lambda: "{0.nope}".format(1))
check("attr empty", lambda: "{0.}".format(1))
check("key missing", lambda: "{0[k]}".format({}))
check("index range", lambda: "{0[5]}".format([1]))
check("bracket unclosed", lambda: "{0[}".format([1]))
check("bracket junk", lambda: "{0[0]x}".format([1]))
check("nested deep", lambda: "{:{:{}}}".format(1, 2, 3))
check("format_map args", lambda: "{}".format_map({}))
check("format_map type", lambda: "{a}".format_map(5))
check("format_map none", lambda: "x".format_map())
check("format no spec obj", lambda: "{:>3}".format(object()))
check("format none spec", lambda: "{:d}".format(None))
check("empty field kw", lambda: "{}".format(a=1))
check("big index", lambda: "{99999999999999999999}".format(1))
check("list str idx", lambda: "{0[a]}".format([1]))
check("format_map nonstr", lambda: "{0}".format_map({0: "zero"}))

# Nested specs, keys, conversions and numbering mixes.
class G:
    def __getitem__(self, k):
        return k * 2
check("f54", lambda: "{0!r:<{1}}|".format("a", 5))
check("f55", lambda: "{:{}}".format("a", "^5"))
check("f56", lambda: "{0[a][b]}".format({"a": {"b": 3}}))
check("f57", lambda: "{0[1:2]}".format({"1:2": 3}))
check("f58", lambda: "{!a}".format("\U0001f600"))
check("f59", lambda: "{:d}".format(3.5))
check("f60", lambda: "{:,}".format(2**70))
check("f61", lambda: "{0}".format(*[7]))
check("f63", lambda: "{0.missing}".format(G()))
check("f64", lambda: "{:{}}".format(1, 5.5))
check("f66", lambda: "{0:x}".format(G()))
check("f67", lambda: "{:=^10}".format("mid"))
check("f68", lambda: "{!r}".format(b"\xff"))
check("f69", lambda: "pre {} post".format_map({}))
check("f70", lambda: "{a}".format_map(G()))
check("f71", lambda: "{a[1]}".format_map({"a": "xyz"}))
check("f72", lambda: str.format("{}", 1))
check("f73", lambda: str.format_map("{a}", {"a": 2}))
check("f74", lambda: "{0[0]}".format(b"AB"))
check("f75", lambda: "{0!s:>3}".format(b"A"))
check("f76", lambda: "{:>{}}".format(1, 1e3))
check("f77", lambda: "{:}{:}".format(1, 2))
check("f78", lambda: "{x}{}".format(1, x=2))
check("f79", lambda: "{0}{x}{0}".format(1, x=2))
check("f80", lambda: "{0:{x}}".format(1, x=3))
