# Sets: membership tests, building sets from comprehensions and ranges, set
# algebra on ints and tuples, add/discard churn, frozensets as dict keys, and
# iteration over dict views.


def primes_below(n):
    composite = set()
    primes = []
    for i in range(2, n):
        if i not in composite:
            primes.append(i)
            for j in range(i * i, n, i):
                composite.add(j)
    return primes


def churn(n):
    s = set()
    k = 7
    for _ in range(n):
        k = (k * 1103515245 + 12345) % 2147483648
        v = k % 5000
        if v in s:
            s.discard(v)
        else:
            s.add(v)
    return s


def algebra(rounds):
    evens = {i for i in range(0, 20000, 2)}
    threes = set(range(0, 20000, 3))
    total = 0
    for r in range(rounds):
        both = evens & threes
        either = evens | threes
        only = evens - threes
        odd_one = evens ^ threes
        total += len(both) + len(either) + len(only) + len(odd_one) + r
        threes.add(20001 + r)
    return total


def grid(n):
    cells = {(x, y) for x in range(n) for y in range(n) if (x + y) % 3 == 0}
    moved = {(x + 1, y + 2) for (x, y) in cells}
    return len(cells & moved), len(cells | moved), (5, 7) in cells


def frozen_keys(n):
    seen = {}
    for i in range(n):
        key = frozenset((i % 17, i % 5, i % 3))
        seen[key] = seen.get(key, 0) + 1
    return len(seen), max(seen.values())


def views(d):
    total = 0
    for _ in range(20):
        for k, v in d.items():
            total += k * v
        total += sum(d.values()) + len(d.keys() & {1, 2, 3, 99999})
    return total


primes = primes_below(300000)
s = churn(400000)
d = {i: i % 7 for i in range(50000)}
print("sets", len(primes), primes[-1], len(s), sum(s) % 100003, algebra(60), grid(150),
      frozen_keys(200000), views(d))
