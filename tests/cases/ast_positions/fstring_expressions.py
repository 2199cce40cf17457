# Expressions inside f-strings have their real positions; a tuple or generator
# spanning the field includes its braces.
f"{a,}"
f"{x for x in y}"
f"{ a }{  b  !r}"
f"{(a, b)}"
f"{ {a: b}[a] }"
f"{'a' 'b'}"
x = f"""abc
{a +
 b}
{c!r:>{d}}"""
z = f"""{
 a}"""
w = f"""{
 a,
 b}"""
v = (f"{a}"
  f"""x
  {
(b for b in c)}""")
