# printf-style formatting: str % args and bytes % args.
print("%s and %r and %a" % ("str", "it's", "é"))
print("%d %i %u" % (42, -7, 3), "%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5))
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8), "%x" % -255, "%#x" % -255)
print("%.3d|%5.3d|%-6.2x|%#.3x|%#8.3o" % (5, -5, 10, 5, 5))
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%x" % False, "%d" % 10**30, "%x" % 10**30)
print("%e %E %f %F %g %G" % (1234.5678, 0.000012, 3.14159, 2.5, 1e-5, 1e20))
print("%.2e|%10.3f|%-10.1f|%+.2f|% .1f|%010.2f|%.0f" % (1234.5, 3.14159, 2.5, 1.0, 1.5, -3.14159, 2.5))
print("%#.0f %#.0e %#g %g %.3g %g" % (2.0, 2.0, 1.0, 100000.0, 1234567, 0.0001))
print("%f %F %e" % (float("inf"), float("nan"), float("-inf")), "%010f|%-10f|" % (float("inf"), float("nan")))
print("%e %f %g" % (1, 2, 3), "%.3f" % True, "%.100f" % 1.0)
print("%c%c%c" % (72, "i", 33), "%5c|%-3c|" % (65, "b"), "%%", "%s%%" % 5, "100%%" % ())
print("%5s|%-5s|%.2s|%5.1s|" % ("a", "b", "abcdef", "xyz"))
print("%*d|%-*d|%.*f|%*.*f" % (5, 1, 4, 2, 2, 3.14159, 8, 3, 2.71828), "%*d" % (-4, 7))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)s %(x)r" % {"x": "y"}, "%(a)5.1f|" % {"a": 2.25})
print("%s" % (1,), "%s" % [1, 2], "%s" % {"k": 1}, "%s" % None, "%r" % (None,), "%s %s" % ("a", "b"))
print("%s" % ((1, 2),), "%s-%s" % (True, 1.5), "%r" % 1.0, "%s" % 1e100, "%d%%" % 50)
print("abc" % [], "abc" % {}, "abc" % {"a": 1}, "%s" % "", "" % ())
print("%ld %li %lx %hd" % (1, 2, 255, 3), "%-05d|" % 3, "%+05d" % 3, "% 5d|" % -3)
print("%o %#o %#x %.0d|%.0x|" % (0, 0, 0, 0, 0), "%d" % -0, "%+d" % 0)

class P:
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
class N:
    def __int__(self):
        return 7
    def __index__(self):
        return 9
    def __float__(self):
        return 1.5
print("%s %r %a" % (P(), P(), P()), "%d %x %f" % (N(), N(), N()))

def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

check("few", lambda: "%s %s" % (1,))
check("few0", lambda: "%s" % ())
check("many", lambda: "%s" % (1, 2))
check("noconv", lambda: "abc" % 5)
check("noconv tuple", lambda: "abc" % (1,))
check("bad d", lambda: "%d" % "x")
check("bad i", lambda: "%i" % [1])
check("bad x", lambda: "%x" % 1.5)
check("bad o", lambda: "%o" % "s")
check("bad X", lambda: "%X" % None)
check("bad f", lambda: "%f" % "x")
check("bad e", lambda: "%e" % None)
check("bad g", lambda: "%g" % [1])
check("bad c", lambda: "%c" % "ab")
check("bad c float", lambda: "%c" % 1.5)
check("c range", lambda: "%c" % 0x110000)
check("c neg", lambda: "%c" % -1)
check("unsupported", lambda: "%y" % 1)
check("unsupported later", lambda: "ab %s %z" % (1, 2))
check("unsupported pct", lambda: "%5%" % (1,))
check("pct no arg", lambda: "%5%" % ())
check("incomplete", lambda: "abc %" % 1)
check("incomplete flags", lambda: "%-5" % 1)
check("key incomplete", lambda: "%(a" % {"a": 1})
check("key needs mapping", lambda: "%(a)s" % (1,))
check("key needs mapping2", lambda: "%(a)s" % 5)
check("key missing", lambda: "%(a)s" % {})
check("key then pos", lambda: "%(a)s %s" % {"a": 1})
check("star not int", lambda: "%*d" % ("x", 1))
check("star prec not int", lambda: "%.*d" % (1.5, 1))
check("star missing", lambda: "%*d" % (5,))
check("nan d", lambda: "%d" % float("nan"))
check("inf d", lambda: "%d" % float("inf"))
check("big f", lambda: "%f" % 10**400)
check("nested key", lambda: "%(a(b))s" % {"a(b)": 1})
check("str fmt", lambda: "%s" % P)
check("non-ascii conv", lambda: "%é" % 1)
check("rmod", lambda: 5 % "x")

# bytes %
print(b"%s %b %r %a" % (b"x", bytearray(b"y"), b"z", "é"))
print(b"%d|%5d|%-5x|%#o|%c|%c|%%" % (1, 2, 255, 8, 65, b"B"), b"%.2f %e %g" % (2.5, 1.0, 0.5))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3}, b"%5s|%-5s|" % (b"a", b"b"), bytearray(b"%s!") % b"x")
print(b"abc" % {}, b"abc" % [], b"%s" % memoryview(b"mv") if False else b"%s" % bytearray(b"ba"))
check("b %s str", lambda: b"%s" % "x")
check("b %s int", lambda: b"%s" % 1)
check("b %c str", lambda: b"%c" % "a")
check("b %c big", lambda: b"%c" % 256)
check("b %c bytes2", lambda: b"%c" % b"ab")
check("b noconv", lambda: b"abc" % 5)
check("b unsupported", lambda: b"%y" % 1)
check("b few", lambda: b"%s %s" % (b"a",))
check("b %d str", lambda: b"%d" % "1")

# Conversions through __index__, __float__ and __int__; mappings other than dict.
class I:
    def __index__(self):
        return 5
class F:
    def __float__(self):
        return 2.5
class Bad:
    def __int__(self):
        return "x"
class G:
    def __getitem__(self, k):
        return k * 2
check("p1", lambda: "%d %x %o" % (I(), I(), I()))
check("p2", lambda: "%f" % F())
check("p3", lambda: "%d" % F())
check("p4", lambda: "%f" % I())
check("p5", lambda: "%d" % Bad())
check("p6", lambda: "%(ab)s" % G())
check("p7", lambda: "abc" % G())
check("p9", lambda: "%(a)s" % [1])
check("p10", lambda: "abc" % range(3))
check("p11", lambda: "%s" % range(3))
check("p12", lambda: "%c" % I())
check("p13", lambda: "%*s|" % (I(), "x"))
check("p14", lambda: "%.*s|" % (2, "xyz"))
check("p15", lambda: "%(a)s %(a)s" % {"a": "z"})
check("p16", lambda: "%s" % (None,))
check("p17", lambda: "%-*s|" % (3, "ab"))
check("p18", lambda: "%0*d" % (5, 42))
check("p19", lambda: "%(x)d%%" % {"x": 5})
check("p20", lambda: "%%%s%%" % "a")
check("p21", lambda: "%s" % b"\xff")
check("p22", lambda: "%a" % "\U0001f600")
check("p23", lambda: "%5a|" % "é")
check("p24", lambda: b"%5b|%-4s|" % (b"ab", b"c"))
check("p25", lambda: b"%x %X %o %d %i %u" % (255, 255, 8, -1, 2, 3))
check("p26", lambda: b"%a" % b"x")
check("p27", lambda: b"%r" % "é")
check("p28", lambda: b"%(a)s" % {"a": b"x"})
check("p29", lambda: b"%c" % 255)
check("p30", lambda: b"%c" % -1)
check("p32", lambda: bytearray(b"%d") % 5)
check("p33", lambda: b"%f" % 1.5)
check("p34", lambda: "%s" % bytearray(b"a"))
check("p35", lambda: "%.3f" % 2.0005)
check("p36", lambda: "%g" % 123456789)
check("p37", lambda: "%.2g" % 0.000012345)
check("p38", lambda: "%#.3g" % 1)
check("p39", lambda: "%-8.3e|" % -0.0)
check("p40", lambda: "% f" % float("nan"))
check("p41", lambda: "%+f" % float("inf"))
check("p42", lambda: "%i" % -0.5)
check("p43", lambda: "%u" % 2**100)
check("p44", lambda: "%X" % -2**70)
check("p45", lambda: "%r %a" % (b"\x00", bytearray(b"\xff")))
check("p46", lambda: "%(a)" % {"a": 1})
check("p47", lambda: "%(" % {"a": 1})
check("p48", lambda: "%((a))s" % {"(a)": 1})
check("p49", lambda: "%.s|" % "abc")
check("p50", lambda: "%5.s|" % "abc")
check("p51", lambda: "%lld" % 1)
check("p52", lambda: "% -5d|" % 1)
check("p53", lambda: "%c" % "")
