# A generator expression as the only argument spans the call's parentheses.
f(x for x in y)
f((x for x in y))
f (
    x for x in y
)
sum(x for x in y if x)
a.b(x for x in y)[0]
q = (a for a in b)
