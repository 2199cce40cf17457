# %-formatting and format() with instances of int, float and str subclasses.
class I(int): pass
class F(float): pass
class S(str): pass
print("%d %x %s %i %o" % (I(5), I(255), I(3), I(-7), I(8)))
print("%f %.2e %g %s %d" % (F(1.5), F(12345.678), F(0.1), F(2.5), F(3.9)))
print("%s|%r|%5s" % (S("a"), S("b"), S("c")))
print("{:d} {:x} {:.1f}".format(I(7), I(255), F(2.25)))
print(f"{I(3):05d} {F(1.25):.3f}")
for fmt, v in [("%x", F(1.5)), ("%d", S("x")), ("%f", S("y"))]:
    try:
        print(fmt % v)
    except TypeError as e:
        print("TypeError", e)
