# str.format and format_map beyond the basics: nesting, attributes, indexes, conversions.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        return f"P<{self.x},{self.y}>" if not spec else f"P<{spec}>"
p = P(1, 2)
print("{0.x}-{0.y}".format(p), "{p.x}".format(p=p), "{}".format(p), "{:abc}".format(p))
print("{0[1]} {0[0]} {1[k]}".format(["a", "b"], {"k": "v"}))
print("{:>{w}}|{:<{w}}|{:^{w}}".format("r", "l", "c", w=5))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{:,} {:_} {:+.2f} {:.1%} {:#x} {:08.3f}".format(1234567, 1234567, 3.14159, 0.256, 255, -3.5))
print("{{literal}} {0}{0}".format("x"))
print("{name} is {age}".format_map({"name": "Ann", "age": 30}))
class Default(dict):
    def __missing__(self, key):
        return "?" + key
print("{a} {b}".format_map(Default(a=1)))
for bad in ["{0} {}", "{", "}", "{0!x}", "{:d}"]:
    try:
        print(bad.format("s", "t"))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError", e)
try:
    "{5}".format(1)
except IndexError as e:
    print("IndexError", e)
