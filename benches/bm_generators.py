# Generators: resuming with next() and send(), a yield-from chain ten deep,
# and generator expressions feeding builtins.


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def accumulator():
    total = 0
    while True:
        got = yield total
        if got is None:
            return total
        total += got


def leaf(n):
    for i in range(n):
        yield i


def chain(depth, n):
    if depth == 0:
        result = yield from leaf(n)
    else:
        result = yield from chain(depth - 1, n)
    return result


def main():
    total = 0
    for _ in range(10):
        g = counter(20_000)
        while True:
            try:
                total += next(g)
            except StopIteration:
                break
    acc = accumulator()
    next(acc)
    for i in range(200_000):
        acc.send(i)
    total += acc.send(0)
    for _ in range(5):
        total += sum(chain(10, 20_000))
    total += sum(x * x for x in range(200_000))
    print(total)


main()
