# Dicts: word counting, dicts keyed by tuples (a sparse grid), get/setdefault/pop,
# iteration over items, and dicts of lists.


def words(n):
    out = []
    k = 1
    for i in range(n):
        k = (k * 1664525 + 1013904223) % 4294967296
        out.append("w" + str(k % 2000))
    return out


def count_words(ws):
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


def grid_life(cells, steps):
    # Game of life on a dict keyed by (x, y) tuples.
    for _ in range(steps):
        neigh = {}
        for (x, y) in cells:
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    if dx or dy:
                        key = (x + dx, y + dy)
                        neigh[key] = neigh.get(key, 0) + 1
        new = {}
        for key, n in neigh.items():
            if n == 3 or (n == 2 and key in cells):
                new[key] = True
        cells = new
    return cells


ws = words(350000)
counts = count_words(ws)
top = 0
top_word = ""
for w, c in counts.items():
    if c > top or (c == top and w < top_word):
        top = c
        top_word = w

groups = {}
for w in ws[:40000]:
    groups.setdefault(len(w), []).append(w)
glen = [len(groups[k]) for k in sorted(groups)]

removed = 0
for w in list(counts):
    if counts[w] % 3 == 0:
        counts.pop(w)
        removed += 1

start = {}
for p in [(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)]:  # the R-pentomino
    start[p] = True
cells = grid_life(start, 600)
sx = 0
for (x, y) in cells:
    sx += x * 7 + y
print("dicts", len(counts), top, top_word, removed, glen, len(cells), sx)
