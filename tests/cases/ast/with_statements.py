with open("a") as f:
    pass
with open("a") as f, open("b") as g:
    pass
with (open("a") as f, open("b") as g):
    pass
with (
    open("a") as f,
    open("b"),
    lock,
):
    pass
with (a, b):
    pass
with (a):
    pass
with (a) as b, c:
    pass
with a as (x, y), b as [z, *w]:
    pass
with a as obj.attr, b as obj[0]:
    pass
with (yield):
    pass
