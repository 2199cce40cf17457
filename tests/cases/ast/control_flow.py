for i in range(10):
    if i == 2:
        continue
    elif i == 8:
        break
    else:
        pass
else:
    print("done")

while True:
    break
else:
    pass

for a, b in pairs:
    pass
for (a, b) in pairs:
    pass
for [a, b] in pairs:
    pass
for x, in items:
    pass
for x in 1, 2, 3:
    pass
for x in *a, *b:
    pass

if a:
    pass
elif b:
    pass
elif c:
    pass

assert x
assert x, "message"
raise
raise ValueError
raise ValueError("x") from None
del a
del a, b
del (a, b), [c]
del a.b, a[0]
pass
