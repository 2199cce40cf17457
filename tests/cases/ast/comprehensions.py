lst = [x for x in range(10)]
lst2 = [x * y for x in range(3) for y in range(3) if x != y if y > 0]
st = {x % 3 for x in range(10)}
dct = {k: v for k, v in pairs}
gen = (x for x in range(10) if x)
nested = [[i for i in row] for row in matrix]
sum(x for x in range(10))
sorted((x, y) for x in a for y in b)
flat = [y for x in xs if x for y in x if y]
cond = [x if x else -x for x in values]
tuple_target = [(a, b) for a, (b, c) in items]
lam = [lambda: i for i in range(3)]
walrus_in = [last := x for x in range(3)]
