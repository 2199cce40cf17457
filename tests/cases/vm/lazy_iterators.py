# map, filter, zip and enumerate are lazy: they work on infinite generators and
# call their function only when an item is asked for.
def naturals():
    n = 0
    while True:
        yield n
        n += 1

squares = map(lambda x: x * x, naturals())
print([next(squares) for _ in range(5)])
evens = filter(lambda x: x % 2 == 0, naturals())
print([next(evens) for _ in range(5)])
pairs = zip("abc", naturals())
print(list(pairs))
for i, ch in enumerate("xyz", start=10):
    print(i, ch)

calls = []
def record(x):
    calls.append(x)
    return x * 10

m = map(record, [1, 2, 3])
print(calls)
print(next(m), calls)
print(list(m), calls)
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(map(pow, [2, 3], [5, 2])), list(zip()), list(zip([1, 2], [3])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
it = iter([1, 2, 3])
print(list(zip(it, it)), list(enumerate([])))
