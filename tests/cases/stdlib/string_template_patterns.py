# string.Template subclasses with their own delimiter, idpattern, braceidpattern, pattern or flags.
import string, re
class Pct(string.Template):
    delimiter = "%"
print(Pct("%who likes %%what %{x}").substitute(who="tim", x=1))
class Dotted(string.Template):
    idpattern = r"[a-z]+(?:\.[a-z]+)*"
print(Dotted("$a.b and ${c}").substitute({"a.b": 1, "c": 2}))
class Upper(string.Template):
    braceidpattern = r"[A-Z]+"
print(Upper("${ABC} $low").safe_substitute(ABC="x"))
class Own(string.Template):
    pattern = r"""
    \#(?:
      (?P<escaped>\#) |
      (?P<named>[a-z]+) |
      \[(?P<braced>[a-z]+)\] |
      (?P<invalid>)
    )"""
t = Own("#a #[b] ## #")
print(t.safe_substitute(a=1, b=2), t.is_valid(), Own("#a").get_identifiers())
try:
    t.substitute(a=1, b=2)
except ValueError as e:
    print(e)
class Case(string.Template):
    flags = 0
print(Case("$ABC").safe_substitute(ABC=1))
print(string.Template("$x ${y}").substitute(x=1, y=2))
