# Loops: nested for/while loops over small-int arithmetic, no calls in the hot path.

acc = 0
i = 0
while i < 800:
    j = 0
    while j < 800:
        acc = (acc + i * j) % 1000003
        j += 1
    i += 1

count = 0
for a in range(1, 200):
    for b in range(a, 200):
        c2 = a * a + b * b
        if c2 % 7 == 3 or (a ^ b) & 5 == 1:
            count += 1
        else:
            count -= b & 3

collatz_max = 0
best = 0
n = 1
while n < 25000:
    x = n
    steps = 0
    while x != 1:
        if x & 1:
            x = 3 * x + 1
        else:
            x >>= 1
        steps += 1
    if steps > collatz_max:
        collatz_max = steps
        best = n
    n += 1

print("loops", acc, count, best, collatz_max)
