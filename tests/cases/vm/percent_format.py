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
