# bisect and heapq: results on ints, tuples and objects with __lt__ (heap
# layouts must equal CPython's exactly), keys, and the error paths.
import bisect
import heapq


class Item:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return f"{self.k}{self.tag}"


a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)])
print([bisect.bisect_right(a, x) for x in range(10)])
print(bisect.bisect(a, 2), bisect.bisect(a, 2, 4), bisect.bisect_left(a, 2, 2, 3), bisect.bisect_left(a, 9, hi=3))
print(bisect.bisect_right(a, 2, lo=0, hi=None), bisect.bisect([3, 1], 2, hi=-5))
t = [(1, "a"), (2, "b"), (2, "c"), (4, "d")]
print(bisect.bisect_left(t, (2, "c")), bisect.bisect_right(t, (2,)), bisect.bisect_left(t, 2, key=lambda p: p[0]),
      bisect.bisect_right(t, 2, key=lambda p: p[0]))
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(s, x)
print(s)
s2 = []
for x in [5, 1, 4, 1, 5]:
    bisect.insort_left(s2, x, key=lambda v: -v)
print(s2)
objs = []
for i, k in enumerate([3, 1, 3, 2, 1]):
    bisect.insort_right(objs, Item(k, "abcde"[i]))
print(objs)
objs = []
for i, k in enumerate([3, 1, 3, 2, 1]):
    bisect.insort_left(objs, Item(k, "abcde"[i]))
print(objs)
print(bisect.bisect("acex", "d"), bisect.bisect(range(0, 100, 7), 50))

h = []
for x in [5, 7, 9, 1, 3, 1, 8, 2, 6, 4, 0]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [(i * 37) % 23 for i in range(40)]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 11), heapq.heappushpop(data, -1), heapq.heappushpop(data, 100), data[:8])
items = [Item(k, c) for k, c in zip([4, 2, 4, 1, 2, 1, 3], "abcdefg")]
heapq.heapify(items)
print(items)
print([heapq.heappop(items) for _ in range(7)])
pairs = [(2, "x"), (1, "y"), (2, "a"), (1, "b")]
heapq.heapify(pairs)
print(pairs, heapq.heappop(pairs))
big = [(i * 7919) % 10007 for i in range(3000)]
heapq.heapify(big)
print(big[:10], big[1500:1505], big[-5:])
mx = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(mx)
print(mx, heapq._heappop_max(mx), heapq._heapreplace_max(mx, 0), mx)

print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, [5, 1, 4, 1, 5, 9, 2, 6]))
print(heapq.nsmallest(2, iter([3, 1, 2])), heapq.nlargest(1, [1, 3, 3]), heapq.nsmallest(1, []), heapq.nlargest(0, [1]))
print(heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(10, [3, 2, 1]), heapq.nsmallest(-1, [1]))
print(heapq.nlargest(3, [Item(1, "a"), Item(2, "b"), Item(2, "c"), Item(0, "d")], key=lambda i: i.k))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10])))
print(list(heapq.merge([5, 3, 1], [6, 4], reverse=True)), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge(["b", "ccc"], ["a", "dd"], key=len)))
print(list(heapq.merge([(1, "x")], [(1, "a")])))

errors = [
    "heapq.heappush(1, 2)", "heapq.heappush([])", "heapq.heappop(1)", "heapq.heappop([])", "heapq.heapify((1,))",
    "heapq.heapreplace([], 1)", "heapq.heappushpop(1, 1)", "heapq.heappop()", "heapq.heapify()",
    "heapq.heappush([1], 'a')", "heapq.nlargest(2, 1)", "heapq.nsmallest('x', [1])",
    "bisect.bisect([1], 1, -1)", "bisect.bisect(1, 1)", "bisect.bisect([1], 1, 'a')", "bisect.bisect([1, 2], 1, 0, 'x')",
    "bisect.bisect([1], 1, 0, 5)", "bisect.bisect()", "bisect.bisect([1])", "bisect.insort((1,), 1)",
    "bisect.bisect([1], 1, 0, 1, None)", "bisect.bisect([1], 1, key=1)", "bisect.bisect([1], 1, foo=1)",
    "bisect.bisect_left([1, 'a'], 1)", "bisect.insort([], 1, lo=-1)",
]
for src in errors:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
