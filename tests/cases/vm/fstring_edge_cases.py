# f-strings: conversions, specs, nesting, debugging '='.
x, name, pi = 42, "gilt", 3.14159
print(f"{x}", f"{x!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{x:5}|{x:<5}|{x:^5}|{x:>5}|{x:05}|{x:+}")
print(f"{pi:.2f}", f"{pi:10.3f}|", f"{pi:e}", f"{pi:.0f}", f"{1e6:,.1f}", f"{0.25:%}")
print(f"{x:b} {x:o} {x:x} {x:X} {x:#x} {x:#b}", f"{1234567:,}", f"{1234567:_}")
w, p = 10, 3
print(f"{pi:{w}.{p}f}|", f"{name:>{w}}|", f"{name:*^{w}}")
print(f"{{literal}}", f"{{{x}}}", f"a{'b'}c")
print(f"{x=}", f"{x + 1=}", f"{name=!s}", f"{pi=:.1f}")
d = {"k": [1, 2]}
print(f"{d['k'][1]}", f"{len(d)}", f"{[i * 2 for i in range(3)]}")
print(f"{'nested ' + f'{x}'}", f"{x if x > 0 else -x}")
class Obj:
    def __format__(self, spec):
        return "fmt(" + spec + ")"
    def __repr__(self):
        return "Obj()"
    def __str__(self):
        return "str-obj"
print(f"{Obj()}", f"{Obj():xyz}", f"{Obj()!r}", f"{Obj()!s:>10}")
print(f"{None}", f"{True:d}", f"{3.0}", f"{-0.0}", f"{10**20}")
try:
    f"{x:z}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{name:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{None:5}"
except TypeError as e:
    print(type(e).__name__, e)
print(f"""multi
{x}""", f"{'a' 'b'}", rf"\n{x}", len(f"\n"))
