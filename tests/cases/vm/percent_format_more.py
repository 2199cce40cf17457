# printf-style formatting edge cases.
print("%d %i %u" % (3, -4, 5), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8), "%e %E %.2e" % (12345.678, 0.00012, 1.5))
print("%f %.1f %10.3f| %-10.2f|" % (3.14159, 2.25, 2.5, 1.005), "%g %g %G" % (0.0001, 1e-5, 1e20))
print("%s %r %a" % ("s", "r", "é"), "%c%c" % (72, "i"), "%%", "%5s|%-5s|%.2s" % ("ab", "cd", "xyz"))
print("%(name)s is %(age)d" % {"name": "ann", "age": 30}, "%(x)r" % {"x": [1]})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True), "%d" % 3.99, "%d" % True)
print(b"%s %d %x" % (b"b", 5, 255), b"%c" % 65, b"%r" % b"x")
for bad in [
    lambda: "%d" % "x",
    lambda: "%d %d" % (1,),
    lambda: "%d" % (1, 2),
    lambda: "%(a)s" % {},
    lambda: "%(a)s" % 5,
    lambda: "%z" % 1,
    lambda: "%c" % "ab",
    lambda: "%c" % -1,
    lambda: "%x" % 1.5,
    lambda: "%" % (),
]:
    try:
        bad()
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print("%s and %s" % ("a", "b"), "%.3s" % "abcdef", "%-6.2f|" % -1.5, "%+.1e" % 12345)
print("%i%%" % 50, "%s" % {"k": "v"}, "%5.1f%%" % 99.44)
