# Comprehensions: list and dict comprehensions with filters, nested loops,
# conditional expressions, and comprehensions over dict items.

N = 2000

squares = [i * i for i in range(N)]
total = 0
for rep in range(600):
    evens = [x for x in squares if x % 2 == 0]
    pairs = [(a, b) for a in range(0, 60, 3) for b in range(a, 60, 4) if (a + b) % 5 != 0]
    table = {i: [j * i % 17 for j in range(8)] for i in range(200)}
    inv = {v[3] * 100 + k: k for k, v in table.items() if v[2] > 4}
    words = ["w" + str(i % 97) for i in range(N)]
    lengths = {w: len(w) + rep for w in words}
    flags = ["big" if x > 1000 else "small" for x in squares[:300]]
    matrix = [[r * c + rep for c in range(30)] for r in range(30)]
    transposed = [[row[c] for row in matrix] for c in range(30)]
    diag = [transposed[i][i] for i in range(30)]
    total += len(evens) + len(pairs) + sum(inv) + sum([lengths[w] for w in lengths])
    total += flags.count("big") + sum(diag) + sum([sum(row) for row in transposed])
    total = total % 1000000007
print("comprehensions", total, len(inv), len(pairs))
