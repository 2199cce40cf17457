print("Hello, World!")
print(1, 2, sep=", ", end="\n")
obj.method(arg)(other)[0].attr
f(a)(b)(c)
f(x for x in y)
f(a, b=1, *c, d=2, **e)
f(*a, b)
f(**a, b=1)
(a, b)
(a)
()
(a,)
[]
[a]
[a,]
{}
{a}
{a: b}
{a: b,}
{a, b,}
