# string.Formatter: parse, vformat and the overridable steps.
import string
F=string.Formatter()
for s in ['a{{b}}c{x!r:>5}d','{}{}','{0[a:b]}','{a.b[0]:{w}}','x{','x}','{!','{a!}','{a!rr}','{a:{b:{c}}}','', '{a', '}}','{{']:
    try: print(repr(s), list(F.parse(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
print(F.format('{0}-{x}', 1, x=3))
for fs in ['{}-{0}', '{0}-{}', '{0!x}', '{a.}', '{a[0}', '{a[0]x}', '{9}', '{zz}']:
    try: F.format(fs, 1, 2, a=[1])
    except Exception as e: print(fs, type(e).__name__, e)
print(F.format('{a[k]} {b.real} {0!r:>6} {:{w}.{p}f}'.replace('{:', '{1:'), 'x', 3.14159, a={'k':5}, b=3, w=8, p=2))
print(F.vformat('{} {}', (1,2), {}))
class Up(string.Formatter):
    def format_field(self, value, spec): return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "<%s>" % key) if isinstance(key, str) else args[key]
print(Up().format("{a} and {b} {0}", "zero", a="apple"))
