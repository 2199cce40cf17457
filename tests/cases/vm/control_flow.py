# Loops, else clauses, chained comparisons, conditional expressions, walrus.
for i in range(3):
    pass
else:
    print("for-else ran", i)

n = 0
while n < 10:
    n += 3
    if n == 6:
        continue
    if n > 8:
        break
else:
    print("not printed")
print("n =", n)

print([x for x in range(20) if 3 < x <= 7], 1 < 2 < 3 > 2, "yes" if n else "no")
data = [1, 5, 9, 2]
if (big := max(data)) > 5:
    print("big", big)
result = []
for a, b in [(1, 2), (3, 4)]:
    for c in "xy":
        result.append(f"{a}{b}{c}")
print(result, [[i * j for j in range(3)] for i in range(3)])
print(not None, None is None, 0 or "fallback", 5 and 6, [] or {} or 0)
