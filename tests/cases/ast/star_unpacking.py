a, *b = range(5)
*a, b = range(5)
a, *b, c = range(5)
[a, *b] = 1, 2, 3
(a, (b, *c)) = 1, (2, 3, 4)
first, *_ = items
x = [*a, *b, 1]
y = (*a, *b)
z = {*a, *b}
d = {**m, "k": 1, **n}
print(*args, sep="", **kwargs)
f(*a, *b, c, **d, **e, g=1)
for x, *y in pairs:
    pass
t = *a, *b
return_value = 1, *rest
def gen():
    yield 1, *rest
    return 1, *rest
s = a[1:2, *idx]
