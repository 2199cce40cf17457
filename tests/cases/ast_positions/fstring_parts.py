# FormattedValue and Constant parts span the whole joined literal; a format
# spec and the text ending it span their own string token.
f"{a}"
f"a{b!r:>{c}}d{e=}"
x = (f"{a}"
     "b" f"{c:{d}x}")
y = ('a' f'{x:a{w}b}' 'c')
u"x" f"{a}"
z = ("a"
     "b")
