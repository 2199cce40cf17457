x[a:b]
x[:]
x[::]
x[a:b:c, d]
x[(a, b)]
x[a:b, ]
x[*a, b]
x[ : ]
*a, b = c
print(*a)
[*a, *b]
for *a, b in c: pass
