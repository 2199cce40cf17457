# sorted/list.sort: keys, reverse, stability and errors.
people = [("bob", 25), ("alice", 30), ("carl", 25), ("dana", 30), ("eve", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_name = sorted(people)
print(sorted(by_name, key=lambda p: p[1]))

words = "The quick brown fox Jumps over the lazy dog".split()
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))

l = [5, 2, 8, 1]
print(l.sort(), l)
l.sort(reverse=True)
print(l)
print(sorted("banana"), sorted({3: "a", 1: "b"}), sorted(x for x in (3, 1, 2)))
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]))

try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, 1].sort(key=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [None, None].sort()
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([None]), sorted([]), sorted([1.5, 1, True, 0]))

calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([1, 2, 3], key=key), calls)
print(sorted([3, 1, 2], key=None), sorted([-3, 2, -1], key=abs))
